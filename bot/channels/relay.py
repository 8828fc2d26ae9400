"""The one way from a student's message to Rasa and back, for every channel.

``Relay.handle`` does, in this order:

1. the crisis check on the full text (``bot.channels.crisis.check``), before anything else;
2. the consent gate: nothing of a student who has not accepted the terms goes further or is
   stored; a crisis message still gets the crisis reply, and at the gentle level ("unsure") the
   domain's note with the help line (no flag: nothing is stored about them);
3. a message over the channel's length limit goes no further, unless it signals a crisis or the
   detector is unsure (then Rasa still hears it: its REST channel passes such a message on
   whole, and Rasa gives the crisis reply or its gentle check, then says it was too long);
4. messages kept earlier for this student are replayed first, so Rasa hears them in order;
5. the message goes to Rasa;
6. when Rasa is away, or answers from a failed turn, the message is kept (``pending_messages``)
   and the channel apologises; a crisis message is answered by the channel itself with the
   domain's crisis text, and the flag for the coach is written (retried until it is); at the
   gentle level the channel gives the note with the help line (no flag);
7. the student's part of the lemniscate after the turn, and whether it changed.

**The database away.** When the database cannot be reached (``STORAGE_DOWN``) a message can
be neither kept nor stored: the turn is ``unavailable`` and the channel asks the student to
send it again. A crisis message still gets the crisis reply (its flag is retried in the
background by ``crisis.flag_durably``). ``when_down`` gives the same turn to a channel whose
own database read failed before it reached the relay.

**Failed turns.** Our REST channel answers 503 ``{"error": "turn_failed", "messages": [...]}``
when an action raised during the turn (the action server away, a bug); Rasa's own REST channel
would answer 200 with whatever was said before. Rasa always says something after a student's
message, so an empty answer list counts as a failed turn too. Partial answers are not shown:
the student gets the apology, and the answer comes when the kept message is replayed.

**Each message once.** Every student message gets an id (the channel's own, e.g. the browser's
or Telegram's message id, else a new one). It goes to Rasa with the message, is kept with it, and
the replay sends it again: Rasa answers a message id it has handled with that turn's answers
instead of making a new turn (``bot/rasa_plugins/once.py``). So a message can be sent again after
any failure: one that timed out, a turn Rasa finished after the relay gave up, a client retry.

**A slow Rasa.** A student waits at most ``answer_within`` seconds (8) in all, the kept
messages replayed before theirs included; then the message is kept with the "slow" notice (the
message is saved), and the answer comes with the replay (Rasa's turn goes on meanwhile; the
replay gets its answers).

**Replay is idempotent per message, and in order across processes.** A kept message is
claimed before it is sent (``take_pending_message``, for ``CLAIM_SECONDS``; only the caller
whose claim took effect sends it), so two workers (a handler and the background job, or two
processes) never send one message at once, and a step is never stored twice. The claimed row
stays until Rasa has answered it (then it is dropped), so a worker of another process that
finds a student's oldest kept message claimed sends none of that student's newer messages: they
are kept behind it. When Rasa is still away the claim ends (put back); when the database went
away meanwhile, this process ends it as soon as the database returns, and the claim's own end
frees it otherwise (``bot/channels/put_back.py``). A replayed message that gets an empty answer
is not kept again, so no message can loop forever.
"""

from __future__ import annotations

import asyncio
import contextlib
import inspect
import logging
import time
import uuid
from collections.abc import Awaitable, Callable
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass, field
from functools import partial
from typing import Any, ParamSpec, Protocol, TypeVar

from bot.channels import crisis, notices
from bot.channels.locks import StudentLocks
from bot.channels.put_back import HeldMessages
from bot.channels.rasa_client import RasaUnavailable, TurnFailed, send_to_rasa
from bot.lemniscate import part_of_phase
from bot.ops import metrics
from bot.storage.errors import STORAGE_DOWN
from bot.storage.views import KeptMessage

log = logging.getLogger(__name__)

P = ParamSpec("P")
T = TypeVar("T")

Answers = list[dict[str, Any]]
# (sender id, text) and, when the callable takes it, the keyword ``message_id``.
RasaSend = Callable[..., Awaitable[Answers]]
LockFor = Callable[[str], AbstractAsyncContextManager[Any]]
Deliver = Callable[["Replayed"], Awaitable[None]]


class RelayStore(Protocol):
    """What the relay needs of the repository (``bot.storage.repository.Repository``)."""

    def has_accepted_terms(self, sender_id: str) -> bool: ...
    def accept_terms(
        self, sender_id: str, channel: str, channel_address: str | None = None
    ) -> None: ...
    def flag_safety(self, sender_id: str, kind: str | None = None) -> None: ...
    def current_phase(self, sender_id: str) -> str | None: ...
    def keep_pending_message(
        self, sender_id: str, text: str, message_id: str | None = None
    ) -> int: ...
    def pending_messages(
        self, channel: str = "telegram", sender_id: str | None = None
    ) -> list[KeptMessage]: ...
    def take_pending_message(self, message_id: int, for_seconds: float) -> bool: ...
    def drop_pending_message(self, message_id: int) -> None: ...
    def restore_pending_message(self, message: KeptMessage) -> None: ...


# Seconds the relay waits for Rasa before it keeps the message and says it is slow.
ANSWER_WITHIN = 8.0
# Less than this left of a student's wait, Rasa is not asked: the message is kept at once.
MIN_ASK_SECONDS = 0.3
# How long a worker holds a kept message it replays: well past the relay's wait for Rasa, so
# only a worker that died while replaying lets it go by time (the message id keeps it one turn).
CLAIM_SECONDS = 30.0

# How a replay of one student's kept messages ended.
CAUGHT_UP = "caught_up"  # none is left waiting
RASA_AWAY = "rasa_away"  # Rasa (or the database) could not take the next one
CLAIMED_ELSEWHERE = "claimed_elsewhere"  # another worker replays the oldest one now


def new_message_id(channel: str) -> str:
    return f"{channel}-{uuid.uuid4().hex}"


def takes_message_id(rasa: Callable[..., Any]) -> bool:
    """Whether a Rasa callable takes the ``message_id`` keyword (test stand-ins may not)."""
    try:
        parameters = inspect.signature(rasa).parameters.values()
    except (TypeError, ValueError):
        return False
    return any(p.name == "message_id" or p.kind is p.VAR_KEYWORD for p in parameters)


class RasaSlow(RasaUnavailable):
    """Rasa did not answer within the relay's wait; the turn may still happen there."""


@dataclass
class Replayed:
    """A kept message that Rasa has now answered."""

    id: int
    sender_id: str
    channel_address: str | None
    text: str
    answers: Answers


@dataclass(frozen=True)
class Notice:
    """What the channel says after the answers: a notice of ``bot.channels.notices``."""

    name: str
    text: str


@dataclass
class Turn:
    """What a channel shows for one message: the replayed answers, the answers, the notice."""

    answers: Answers = field(default_factory=list)
    notice: Notice | None = None  # at most one, shown after the answers
    kept: bool = False  # the message waits for Rasa; its answer comes later
    slow: bool = False  # kept because Rasa took longer than the relay waits ("slow" notice)
    unavailable: bool = False  # the database is away: nothing was kept or stored
    assessment: crisis.Assessment = crisis.NO_CRISIS
    replayed: list[Replayed] = field(default_factory=list)  # answered first, oldest first
    part: str | None = None
    part_changed: bool = False
    flagged: bool = False  # the relay wrote (or is retrying) the crisis flag for the coach


def _notice(name: str, **values: object) -> Notice:
    return Notice(name, notices.text(name, **values))


def _crisis_answers(assessment: crisis.Assessment) -> Answers:
    """The crisis reply, at the gentle level the note (``utter_crisis_note``), else nothing."""
    return crisis.answer_for(assessment)


async def _in_thread(method: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
    return await asyncio.to_thread(partial(method, *args, **kwargs))


class Relay:
    def __init__(
        self,
        repo: RelayStore,
        channel: str,
        rasa: RasaSend = send_to_rasa,
        *,
        lock_for: LockFor | None = None,
        flag_attempts: int = 4,
        flag_first_delay: float = 0.2,
        restore_every: float = 2.0,
        answer_within: float | None = ANSWER_WITHIN,
    ) -> None:
        self.repo = repo
        self.channel = channel
        self.rasa = rasa
        self.answer_within = answer_within
        self._sends_ids = takes_message_id(rasa)
        # One lock per student for everything this channel does for them (bot/channels/locks.py).
        self.lock_for: LockFor = lock_for or StudentLocks()
        self.flag_attempts = flag_attempts
        self.flag_first_delay = flag_first_delay
        self.held = HeldMessages(repo.restore_pending_message, restore_every)

    # ---- consent: the one place a channel learns whether a student accepted the terms ----

    async def accepted(self, sender_id: str) -> bool:
        """Has this student accepted how their data is used? (Raises STORAGE_DOWN.)"""
        return await _in_thread(self.repo.has_accepted_terms, sender_id)

    async def accept(self, sender_id: str, channel_address: str | None = None) -> None:
        """The student accepted the terms: from now on their messages may be stored."""
        await _in_thread(self.repo.accept_terms, sender_id, self.channel, channel_address)

    # ---- the crisis check, usable by every gate of a channel ----

    async def assess(self, text: str) -> crisis.Assessment:
        """The crisis check on the whole text (the detector may use a small model: off the loop).
        Every student message of a channel passes here exactly once (``handle`` or a gate), so
        this is where messages and crisis flags are counted (counts only, never the text)."""
        assessment = await _in_thread(crisis.check, text)
        metrics.count_message(self.channel)
        if assessment.is_crisis:
            metrics.count_crisis(self.channel, assessment.kind)
        return assessment

    async def _ask(
        self, sender_id: str, text: str, message_id: str, deadline: float | None = None
    ) -> Answers:
        """One call to Rasa, timed (``lemniscaat_rasa_request_seconds``) and its failures counted.
        After ``answer_within`` seconds, or at ``deadline`` (the event loop's clock) when that
        comes first: ``RasaSlow`` (Rasa may still finish the turn)."""
        within = self.answer_within
        if deadline is not None:
            left = deadline - asyncio.get_running_loop().time()
            within = left if within is None else min(within, left)
            if within < MIN_ASK_SECONDS:
                raise RasaSlow("no time left for Rasa within the student's wait")
        started = time.perf_counter()
        outcome = "ok"
        call = (
            self.rasa(sender_id, text, message_id=message_id)
            if self._sends_ids
            else self.rasa(sender_id, text)
        )
        try:
            if within is None:
                answers = await call
            else:
                try:
                    answers = await asyncio.wait_for(call, within)
                except asyncio.TimeoutError as error:
                    raise RasaSlow(f"no answer within {within:.1f} s") from error
        except RasaSlow:
            outcome = "rasa_slow"
            raise
        except TurnFailed:
            outcome = "turn_failed"
            raise
        except RasaUnavailable:
            outcome = "rasa_unavailable"
            raise
        except Exception:
            outcome = "handler_exception"
            raise
        finally:
            metrics.observe_rasa(self.channel, outcome, time.perf_counter() - started)
            if outcome != "ok":
                metrics.count_error(self.channel, outcome)
        if not answers:
            metrics.count_error(self.channel, "empty_answer")
        return answers

    async def crisis_reply(
        self, sender_id: str | None, assessment: crisis.Assessment, *, accepted: bool = False
    ) -> Answers:
        """The channel's own crisis answer; the flag is written when the student is known
        (``accepted``, or has accepted the terms): nothing is stored about someone who has not.
        The answer never waits on the database. At the gentle level: the note, no flag."""
        if not assessment.is_crisis:
            return _crisis_answers(assessment)
        if sender_id is not None:
            if not accepted:
                try:
                    accepted = await self.accepted(sender_id)
                except STORAGE_DOWN:
                    log.warning("Database away: cannot tell whether to flag; answering first")
                    metrics.count_error(self.channel, "flag_not_written")
            if accepted:
                await self.flag(sender_id, assessment.kind)
        return _crisis_answers(assessment)

    async def when_down(self, text: str) -> Turn:
        """The turn for a message whose channel could not read the database before the relay:
        the crisis reply when it signals a crisis, else a request to send it again."""
        log.warning("Database away before the relay; asking to send the message again")
        return self._unavailable(await self.assess(text))

    def _unavailable(self, assessment: crisis.Assessment) -> Turn:
        metrics.count_error(self.channel, "storage_unavailable")
        if assessment.is_crisis:
            return Turn(_crisis_answers(assessment), assessment=assessment, unavailable=True)
        # at the gentle level the note first; the student is still asked to send it again
        return Turn(
            _crisis_answers(assessment),
            notice=_notice(notices.RESEND),
            assessment=assessment,
            unavailable=True,
        )

    async def flag(self, sender_id: str, kind: str | None) -> bool:
        written = await _in_thread(
            crisis.flag_durably,
            self.repo.flag_safety,
            sender_id,
            kind,
            attempts=self.flag_attempts,
            first_delay=self.flag_first_delay,
        )
        if not written:
            metrics.count_error(self.channel, "flag_not_written")
        return written

    # ---- one message ----

    def lock(self, sender_id: str) -> AbstractAsyncContextManager[Any]:
        """This student's lock: hold it around anything that must not interleave with their
        messages (practice mode, erasing); pass ``holding_lock=True`` to calls made inside it."""
        return self.lock_for(sender_id)

    async def handle(
        self,
        sender_id: str,
        text: str,
        *,
        limit: int | None = None,
        holding_lock: bool = False,
        message_id: str | None = None,
    ) -> Turn:
        """One message of a student. ``limit``: the channel's longest message (None: Rasa
        decides). ``holding_lock``: the caller holds the student's lock. ``message_id``: the
        channel's id of this message (a new one when None)."""
        message_id = message_id or new_message_id(self.channel)
        # The student's whole wait, kept messages replayed first included: ``answer_within``.
        deadline = (
            asyncio.get_running_loop().time() + self.answer_within
            if self.answer_within is not None
            else None
        )
        assessment = await self.assess(text)
        try:
            accepted = await self.accepted(sender_id)
        except STORAGE_DOWN:
            log.warning("Database away at the consent gate; asking to send the message again")
            return self._unavailable(assessment)
        if not accepted:
            # Nothing goes further and nothing is stored, but a crisis is answered first, and
            # the gentle level gets the note with the help line.
            answers = _crisis_answers(assessment)
            return Turn(answers, notice=_notice(notices.NEEDS_TERMS), assessment=assessment)
        too_long = limit is not None and len(text) > limit
        if too_long and not assessment.needs_reply:
            return Turn(notice=_notice(notices.TOO_LONG, limit=limit), assessment=assessment)
        turn = Turn(assessment=assessment)
        channel_crisis_reply = False
        try:
            async with contextlib.nullcontext() if holding_lock else self.lock(sender_id):
                channel_crisis_reply = await self._handle_locked(
                    sender_id, text, message_id, turn, deadline
                )
        except STORAGE_DOWN:
            # With the error (its SQL parameters are hidden: bot/storage/db.py), never the text.
            log.warning(
                "Database away: the message was not kept; asking to send it again", exc_info=True
            )
            flagged = turn.flagged
            turn = self._unavailable(assessment)
            if assessment.is_crisis and not flagged:  # retried in the background until written
                await self.flag(sender_id, assessment.kind)
            return self._too_long(turn, too_long, limit)
        if turn.kept and not channel_crisis_reply:
            turn.notice = _notice(notices.SLOW if turn.slow else notices.KEPT)
        return self._too_long(turn, too_long, limit)

    @staticmethod
    def _too_long(turn: Turn, too_long: bool, limit: int | None) -> Turn:
        """A crisis message over the limit was still heard; the student learns it was long."""
        if too_long:
            turn.notice = _notice(notices.TOO_LONG, limit=limit)
        return turn

    async def _handle_locked(
        self,
        sender_id: str,
        text: str,
        message_id: str,
        turn: Turn,
        deadline: float | None = None,
    ) -> bool:
        """Returns whether the answers hold the channel's own crisis reply."""
        assessment = turn.assessment
        channel_crisis_reply = False
        turn.replayed, how = await self._replay_locked(sender_id, deadline=deadline)
        caught_up = how == CAUGHT_UP
        before = await self._part(sender_id)
        answers: Answers | None = None
        partial_answers: Answers = []
        if caught_up:
            try:
                answers = await self._ask(sender_id, text, message_id, deadline)
            except TurnFailed as error:
                log.warning("A step of Rasa's turn failed; keeping the message")
                partial_answers = error.answers
            except RasaSlow as error:
                log.warning("Rasa is slow, keeping the message: %s", error)
                turn.slow = True
            except RasaUnavailable as error:
                log.warning("Rasa unavailable, keeping the message: %s", error)
            if answers is not None and not answers:
                log.warning("Rasa answered nothing (a failed action?); keeping the message")
                answers = None
        # else: older messages still wait; this one waits behind them.

        if answers is not None:
            turn.answers = answers
            if assessment.is_crisis and not crisis.carries_help(answers):
                # The detector saw a crisis that Rasa's answer does not address: never leave
                # the student without the help lines.
                turn.answers = (
                    await self.crisis_reply(sender_id, assessment, accepted=True) + answers
                )
                turn.flagged = True
                channel_crisis_reply = True
        elif assessment.is_crisis:
            await self.flag(sender_id, assessment.kind)
            turn.flagged = True
            if crisis.carries_help(partial_answers):
                # Rasa gave its crisis answer (a domain response) but the flag action failed:
                # the flag is written now, and Rasa has heard the message; nothing to keep.
                turn.answers = partial_answers
            else:
                turn.answers = _crisis_answers(assessment)
                channel_crisis_reply = True
                await self._keep(sender_id, text, message_id)
                turn.kept = True
        else:
            # At the gentle level the help line now; Rasa asks its check when it hears the
            # kept message. The channel still says the answer comes later.
            turn.answers = _crisis_answers(assessment)
            await self._keep(sender_id, text, message_id)
            turn.kept = True
        after = await self._part(sender_id)
        turn.part = after
        # A new part, not a new conversation (or the row a crisis flag opens): named only
        # when the student moved on from one part to another in this turn.
        turn.part_changed = (
            before is not None and after is not None and after != before and not turn.kept
        )
        return channel_crisis_reply

    async def _part(self, sender_id: str) -> str | None:
        """The student's part of the lemniscate now; None when the database is away (the part
        is only shown, so a turn Rasa already answered is not lost over it)."""
        try:
            return part_of_phase(await _in_thread(self.repo.current_phase, sender_id))
        except STORAGE_DOWN:
            return None

    async def _keep(self, sender_id: str, text: str, message_id: str) -> None:
        metrics.count_kept(self.channel)
        await _in_thread(self.repo.keep_pending_message, sender_id, text, message_id)

    # ---- kept messages ----

    async def replay(
        self, sender_id: str, *, holding_lock: bool = False, deliver: Deliver | None = None
    ) -> tuple[list[Replayed], bool]:
        """Answer this student's kept messages, oldest first. Returns the answered ones and
        whether none is left waiting (False: Rasa is still away). ``deliver`` is called with
        each answered message at once, still under the student's lock."""
        done, how = await self._replay_status(sender_id, holding_lock=holding_lock, deliver=deliver)
        return done, how == CAUGHT_UP

    async def _replay_status(
        self, sender_id: str, *, holding_lock: bool = False, deliver: Deliver | None = None
    ) -> tuple[list[Replayed], str]:
        async with contextlib.nullcontext() if holding_lock else self.lock(sender_id):
            return await self._replay_locked(sender_id, deliver)

    async def _replay_locked(
        self, sender_id: str, deliver: Deliver | None = None, deadline: float | None = None
    ) -> tuple[list[Replayed], str]:
        done: list[Replayed] = []
        if not await _in_thread(self.held.catch_up, sender_id):
            return done, RASA_AWAY  # a taken message is not back in line yet: nothing goes ahead
        for message in await _in_thread(self.repo.pending_messages, self.channel, sender_id):
            if not await _in_thread(self.repo.take_pending_message, message["id"], CLAIM_SECONDS):
                # Another worker (maybe another process) replays it now: the student's newer
                # messages wait behind it, or Rasa would hear them first.
                return done, CLAIMED_ELSEWHERE
            # Kept before message ids: a new id (Rasa cannot tell whether it heard it).
            message_id = message.get("message_id") or new_message_id(self.channel)
            try:
                answers = await self._ask(sender_id, message["text"], message_id, deadline)
            except RasaUnavailable as error:
                # Still away (or the turn failed again): back in its place, tried next round.
                log.info("Kept message %s not answered yet: %s", message["id"], error)
                await self._put_back(message)
                return done, RASA_AWAY
            await _in_thread(self.repo.drop_pending_message, message["id"])
            if not answers:
                log.warning("Kept message %s answered with nothing; not kept again", message["id"])
            replayed = Replayed(
                message["id"], sender_id, message["channel_address"], message["text"], answers
            )
            done.append(replayed)
            if deliver is not None:
                try:
                    await deliver(replayed)
                except Exception:  # logged loudly; Rasa has heard it, so it is not sent again
                    log.exception("Could not deliver the answer to kept message %s", message["id"])
        return done, CAUGHT_UP

    async def _put_back(self, message: KeptMessage) -> None:
        """A taken message back in line. When the database is away too (Rasa often fails
        because of it), it is held in this process until it can be put back, and this student's
        newer messages wait behind it (``bot/channels/put_back.py``)."""
        await _in_thread(self.held.put_back, message)

    async def replay_all(self, deliver: Deliver | None = None) -> list[Replayed]:
        """One round of the background job: every student of this channel with kept
        messages, each under their lock. Stops at the first student Rasa cannot answer; a
        student whose messages another worker replays now is left to that worker."""
        answered: list[Replayed] = []
        waiting = await _in_thread(self.repo.pending_messages, self.channel)
        senders = list(dict.fromkeys(m["sender_id"] for m in waiting))
        for sender_id in senders:
            done, how = await self._replay_status(sender_id, deliver=deliver)
            answered.extend(done)
            if how == RASA_AWAY:
                break
        return answered
