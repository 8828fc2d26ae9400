"""The relay every channel uses: crisis first, keep when Rasa cannot answer, replay each kept
message exactly once. Real database; Rasa is a coroutine that records what it heard."""

from __future__ import annotations

import asyncio
import threading

import pytest

from bot.channels import crisis, notices
from bot.channels.rasa_client import RasaUnavailable, TurnFailed
from bot.channels.relay import Relay
from bot.lemniscate import part_of_phase as part_of

CRISIS = "ik wil dood, ik zie het niet meer zitten"
SENDER = "web-relaytest"


class FakeRasa:
    def __init__(self) -> None:
        self.heard: list[tuple] = []
        self.down = False
        self.failed_turn: list | None = None
        self.reply = lambda sender, text: [{"text": f"Rasa: {text}"}]
        self.delay = 0.0

    async def __call__(self, sender: str, text: str):
        if self.down:
            raise RasaUnavailable("connection refused")
        if self.delay:
            await asyncio.sleep(self.delay)
        self.heard.append((sender, text))
        if self.failed_turn is not None:
            raise TurnFailed("action failed", self.failed_turn)
        return self.reply(sender, text)


@pytest.fixture()
def student(repo):
    repo.ensure_student(SENDER, channel="web")
    repo.accept_terms(SENDER, "web")
    return SENDER


def run(coroutine):
    return asyncio.run(coroutine)


def test_rasa_down_keeps_the_message_and_replays_it_in_order(repo, student):
    rasa = FakeRasa()
    relay = Relay(repo, "web", rasa)
    rasa.down = True
    first = run(relay.handle(student, "eerste"))
    second = run(relay.handle(student, "tweede"))
    assert first.kept and second.kept and not first.answers
    assert first.notice and first.notice.name == notices.KEPT
    assert first.notice.text in notices.variations(notices.KEPT)
    assert [m["text"] for m in repo.pending_messages("web", student)] == ["eerste", "tweede"]
    # A replay while Rasa is still away puts the message back in its place.
    done, caught_up = run(relay.replay(student))
    assert (done, caught_up) == ([], False)
    assert [m["text"] for m in repo.pending_messages("web", student)] == ["eerste", "tweede"]
    rasa.down = False
    turn = run(relay.handle(student, "derde"))
    assert [r.text for r in turn.replayed] == ["eerste", "tweede"]
    assert turn.replayed[0].answers == [{"text": "Rasa: eerste"}]
    assert turn.answers == [{"text": "Rasa: derde"}] and not turn.kept
    assert [t for _, t in rasa.heard] == ["eerste", "tweede", "derde"]
    assert repo.pending_messages("web", student) == []


def test_the_students_wait_holds_the_replay_before_their_message(repo, student):
    # A kept message replayed first takes most of the wait: the new message is kept with the
    # "slow" notice when the wait is over, not after a second full wait.
    rasa = FakeRasa()
    relay = Relay(repo, "web", rasa, answer_within=1.0)
    rasa.down = True
    run(relay.handle(student, "eerste"))
    rasa.down, rasa.delay = False, 0.7
    loop_time = []

    async def timed():
        started = asyncio.get_running_loop().time()
        turn = await relay.handle(student, "tweede")
        loop_time.append(asyncio.get_running_loop().time() - started)
        return turn

    turn = run(timed())
    assert [r.text for r in turn.replayed] == ["eerste"]
    assert turn.kept and turn.notice and turn.notice.name == notices.SLOW
    assert loop_time[0] < 1.3
    assert [m["text"] for m in repo.pending_messages("web", student)] == ["tweede"]


def test_a_failed_turn_or_an_empty_answer_keeps_the_message(repo, student):
    rasa = FakeRasa()
    relay = Relay(repo, "web", rasa)
    rasa.failed_turn = [{"text": "Welke dag?"}]  # partial output of a turn whose action failed
    turn = run(relay.handle(student, "volgende week dinsdag"))
    assert turn.kept and turn.answers == []
    rasa.failed_turn = None
    rasa.reply = lambda sender, text: []
    turn = run(relay.handle(student, "nog een"))
    # The kept one is replayed first; answered with nothing again, it is not kept again (no
    # message loops forever). The new one, answered with nothing, is kept.
    assert [r.text for r in turn.replayed] == ["volgende week dinsdag"] and turn.kept
    assert [m["text"] for m in repo.pending_messages("web", student)] == ["nog een"]
    rasa.reply = lambda sender, text: [{"text": "Wat gebeurde er?"}]
    done, caught_up = run(relay.replay(student))
    assert caught_up and [(r.text, r.answers) for r in done] == [
        ("nog een", [{"text": "Wat gebeurde er?"}])
    ]
    assert repo.pending_messages("web", student) == []


def test_two_workers_never_replay_one_message_twice(repo, student, database_url):
    from bot.storage.repository import Repository

    rasa = FakeRasa()
    rasa.down = True
    relay = Relay(repo, "web", rasa)
    for number in range(6):
        run(relay.handle(student, f"bericht {number}"))
    rasa.down = False
    rasa.delay = 0.02
    other_repo = Repository(database_url)  # another process, as far as the database knows
    workers = [Relay(repo, "web", rasa), Relay(other_repo, "web", rasa), Relay(repo, "web", rasa)]
    threads = [threading.Thread(target=lambda r=r: run(r.replay_all())) for r in workers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(20)
    heard = [text for _, text in rasa.heard]
    # each once, and in the order they were sent, whichever worker sent them
    assert heard == [f"bericht {n}" for n in range(6)], heard
    assert repo.pending_messages("web", student) == []
    other_repo.engine.dispose()


def test_a_message_another_process_replays_keeps_the_newer_ones_behind_it(
    repo, student, database_url
):
    """Two web processes: one replays the student's kept message while Rasa is slow to answer
    it; the student's next message reaches the other. Rasa must hear them in order."""
    from bot.storage.repository import Repository

    class GatedRasa(FakeRasa):
        def __init__(self) -> None:
            super().__init__()
            self.gate = threading.Event()
            self.asked = threading.Event()

        async def __call__(self, sender: str, text: str):
            if text == "tweede" and not self.down:  # only the replay waits at the gate
                self.asked.set()
                await asyncio.to_thread(self.gate.wait, 10)
            return await super().__call__(sender, text)

    rasa = GatedRasa()
    rasa.down = True
    here = Relay(repo, "web", rasa, answer_within=None)  # waits for the gate however slow
    assert run(here.handle(student, "tweede")).kept
    rasa.down = False
    other_repo = Repository(database_url)  # another process, as far as the database knows
    elsewhere = Relay(other_repo, "web", rasa)
    replaying = threading.Thread(target=lambda: run(here.replay_all()))
    replaying.start()
    assert rasa.asked.wait(10)
    # "tweede" is with Rasa now; "derde" comes in on the other process
    third = run(elsewhere.handle(student, "derde"))
    assert third.kept and not third.answers
    assert rasa.heard == []
    rasa.gate.set()
    replaying.join(10)
    done, caught_up = run(elsewhere.replay(student))
    assert caught_up and [r.text for r in done] == ["derde"]
    assert [text for _, text in rasa.heard] == ["tweede", "derde"]
    assert repo.pending_messages("web", student) == []
    other_repo.engine.dispose()


def test_a_claim_left_by_a_worker_that_died_runs_out(repo, student):
    rasa = FakeRasa()
    rasa.down = True
    relay = Relay(repo, "web", rasa)
    assert run(relay.handle(student, "eerste")).kept
    [kept] = repo.pending_messages("web", student)
    assert repo.take_pending_message(kept["id"], 0.2)  # this worker dies now
    assert not repo.take_pending_message(kept["id"], 30)
    rasa.down = False
    done, caught_up = run(relay.replay(student))
    assert not caught_up and done == [] and rasa.heard == []
    threading.Event().wait(0.3)
    done, caught_up = run(relay.replay(student))
    assert caught_up and [r.text for r in done] == ["eerste"]


def test_crisis_while_rasa_is_down_gets_the_domain_text_and_a_durable_flag(repo, student):
    rasa = FakeRasa()
    rasa.down = True
    turn = run(Relay(repo, "web", rasa).handle(student, CRISIS))
    assert turn.assessment.is_crisis and turn.kept and turn.notice is None  # no apology
    assert turn.answers[0]["text"] == crisis.reply_text(turn.assessment.kind)
    assert "113" in turn.answers[0]["text"]
    conversation = repo.export_student(student)["conversations"][-1]
    assert conversation["safety_flag"] is True
    # Kept, so Rasa hears it later and the conversation knows about the crisis.
    assert [m["text"] for m in repo.pending_messages("web", student)] == [CRISIS]


def test_crisis_when_the_flag_action_failed_is_flagged_by_the_channel(repo, student):
    rasa = FakeRasa()
    rasa.failed_turn = [
        {"text": "Bel 113 of 0800-0113."}
    ]  # utter_crisis came, the flag action failed
    turn = run(Relay(repo, "web", rasa).handle(student, CRISIS))
    assert turn.answers == [{"text": "Bel 113 of 0800-0113."}] and not turn.kept
    assert repo.export_student(student)["conversations"][-1]["safety_flag"] is True
    assert repo.pending_messages("web", student) == []


def test_crisis_that_rasa_does_not_answer_gets_the_help_lines_too(repo, student):
    rasa = FakeRasa()
    turn = run(Relay(repo, "web", rasa).handle(student, CRISIS))
    assert turn.notice is None and "113" in turn.answers[0]["text"]
    assert turn.answers[-1] == {"text": f"Rasa: {CRISIS}"}


def test_too_long_goes_nowhere_unless_it_signals_a_crisis(repo, student):
    rasa = FakeRasa()
    relay = Relay(repo, "web", rasa)
    long_story = "Ik liep stage bij een garage en dat was leuk. " * 40
    turn = run(relay.handle(student, long_story, limit=1500))
    assert turn.notice and turn.notice.name == notices.TOO_LONG
    assert "1500" in turn.notice.text and not turn.answers and rasa.heard == []
    rasa.down = True
    turn = run(relay.handle(student, long_story + CRISIS, limit=1500))
    assert turn.notice and turn.notice.name == notices.TOO_LONG and turn.assessment.is_crisis
    assert "113" in turn.answers[0]["text"]


def test_the_flag_is_retried_until_it_is_written(repo, student):
    calls = []

    def flaky(sender_id, kind):
        calls.append(kind)
        if len(calls) < 3:
            raise RuntimeError("database is locked")
        repo.flag_safety(sender_id, kind)

    assert crisis.flag_durably(flaky, student, "suicide", first_delay=0.01) is True
    assert len(calls) == 3
    assert repo.export_student(student)["conversations"][-1]["safety_flag"] is True

    # Still failing after the quick tries: a background thread goes on until it is written.
    calls.clear()
    written = threading.Event()

    def slow(sender_id, kind):
        calls.append(kind)
        if len(calls) < 6:
            raise RuntimeError("database is away")
        written.set()

    assert (
        crisis.flag_durably(
            slow, student, None, attempts=2, first_delay=0.01, background_every=0.01
        )
        is False
    )
    assert written.wait(5)


def test_the_turn_says_which_part_of_the_lemniscate_the_student_is_in(repo, student):
    rasa = FakeRasa()

    def moving(sender, text):
        if text == "verder":
            repo.set_phase(sender, "reflecteren")
        return [{"text": "ok"}]

    rasa.reply = moving
    relay = Relay(repo, "web", rasa)
    repo.set_phase(student, "terugkijken")
    first = run(relay.handle(student, "een verhaal"))
    assert (first.part, first.part_changed) == ("terugkijken", False)
    second = run(relay.handle(student, "verder"))
    assert (second.part, second.part_changed) == ("reflecteren", True)
    assert part_of("afgerond") == "activeren" and part_of(None) is None


def test_crisis_text_is_read_from_the_domain_with_conditional_variations(tmp_path):
    domain = tmp_path / "safety.yml"
    domain.write_text(
        "responses:\n"
        "  utter_crisis:\n"
        "    - condition:\n"
        "        - type: slot\n"
        "          name: crisis_kind\n"
        "          value: abuse\n"
        "      text: Veilig Thuis 0800-2000\n"
        "    - text: Bel 113\n"
        "    - text: Tweede variant 113\n",
        encoding="utf-8",
    )
    assert crisis.reply_text("abuse", domain) == "Veilig Thuis 0800-2000"
    assert crisis.reply_text("suicide", domain) == "Bel 113"
    assert crisis.reply_text(None, domain) == "Bel 113"
    # The real domain has the crisis response, with 113.
    assert "113" in crisis.reply_text(None)


def _take_the_database_away(repo, tmp_path) -> None:
    """The database file and its journal gone, the pool emptied: every next query fails the way
    an unreachable database does (sqlite3's OperationalError through SQLAlchemy)."""
    for path in tmp_path.glob("test.db*"):
        path.unlink()
    repo.engine.dispose()


def test_with_the_database_away_a_crisis_still_gets_the_reply_and_others_are_asked_again(
    repo, student, tmp_path
):
    rasa = FakeRasa()
    relay = Relay(repo, "web", rasa, flag_attempts=1, flag_first_delay=0)
    _take_the_database_away(repo, tmp_path)
    turn = run(relay.handle(student, CRISIS))
    assert crisis.carries_help(turn.answers) and turn.notice is None
    assert turn.unavailable and not turn.kept
    ordinary = run(relay.handle(student, "ik liep stage bij een garage"))
    assert ordinary.unavailable and ordinary.answers == [] and not ordinary.kept
    assert ordinary.notice and ordinary.notice.name == notices.RESEND
    # Nothing could be kept, so Rasa heard nothing: the student sends it again, in order.
    assert rasa.heard == []


def test_when_down_answers_for_a_channel_whose_own_database_read_failed(repo):
    relay = Relay(repo, "telegram", FakeRasa())
    down = run(relay.when_down(CRISIS))
    assert crisis.carries_help(down.answers) and down.unavailable
    calm = run(relay.when_down("hoi"))
    assert calm.unavailable and calm.answers == []


def test_a_kept_message_taken_while_the_database_goes_away_is_put_back_when_it_returns(
    repo, student, tmp_path
):
    rasa = FakeRasa()
    relay = Relay(repo, "web", rasa, restore_every=0.05)
    rasa.down = True
    assert run(relay.handle(student, "eerste")).kept
    away = tmp_path / "away"
    away.mkdir()

    def database_goes_away() -> None:
        # Rasa fails because the database stops: the kept message was taken already.
        for path in tmp_path.glob("test.db*"):
            path.rename(away / path.name)
        repo.engine.dispose()

    real_call = rasa.__call__

    async def failing(sender, text):
        database_goes_away()
        raise RasaUnavailable("the tracker store is away")

    relay.rasa = failing
    turn = run(relay.handle(student, "tweede"))
    assert turn.unavailable and not turn.kept
    # The database returns: the first message is back in line, nothing lost.
    for path in tmp_path.glob("test.db*"):
        path.unlink()
    for path in away.iterdir():
        path.rename(tmp_path / path.name)
    repo.engine.dispose()
    for _ in range(200):
        if repo.pending_messages("web", student):
            break
        threading.Event().wait(0.05)
    assert [m["text"] for m in repo.pending_messages("web", student)] == ["eerste"]
    relay.rasa = real_call
    rasa.down = False
    turn = run(relay.handle(student, "tweede"))
    assert [r.text for r in turn.replayed] == ["eerste"]
    assert [t for _, t in rasa.heard] == ["eerste", "tweede"]


def test_a_newer_message_waits_behind_a_kept_message_not_yet_put_back(repo, student, tmp_path):
    """The database returns before the background put-back ran: the student's next message
    must not reach Rasa ahead of the taken one (it would be stored before it)."""
    rasa = FakeRasa()
    relay = Relay(repo, "web", rasa, restore_every=3600)  # the background retry never comes
    rasa.down = True
    assert run(relay.handle(student, "eerste")).kept
    away = tmp_path / "away"
    away.mkdir()
    real_call = rasa.__call__

    async def failing(sender, text):
        for path in tmp_path.glob("test.db*"):
            path.rename(away / path.name)
        repo.engine.dispose()
        raise RasaUnavailable("the tracker store is away")

    relay.rasa = failing
    assert run(relay.handle(student, "tweede")).unavailable
    for path in tmp_path.glob("test.db*"):  # the empty file a query made while it was away
        path.unlink()
    for path in away.iterdir():  # the database is back
        path.rename(tmp_path / path.name)
    repo.engine.dispose()
    relay.rasa = real_call
    rasa.down = False
    turn = run(relay.handle(student, "tweede"))
    assert [r.text for r in turn.replayed] == ["eerste"]
    assert [t for _, t in rasa.heard] == ["eerste", "tweede"]
    assert repo.pending_messages("web", student) == []


def test_the_consent_gate_answers_a_crisis_first_and_stores_nothing(repo):
    rasa = FakeRasa()
    relay = Relay(repo, "web", rasa)
    calm = run(relay.handle("web-new", "hoi"))
    assert calm.notice and calm.notice.name == notices.NEEDS_TERMS and calm.answers == []
    worried = run(relay.handle("web-new", CRISIS))
    assert crisis.carries_help(worried.answers) and worried.notice.name == notices.NEEDS_TERMS
    assert rasa.heard == [] and repo.find_student("web-new") is None
    assert not run(relay.accepted("web-new"))
    run(relay.accept("web-new"))
    assert run(relay.accepted("web-new"))
    assert run(relay.handle("web-new", "hoi")).answers == [{"text": "Rasa: hoi"}]


def test_one_students_lock_serves_waiters_in_order_across_threads_and_loops(repo):
    """The web chat runs each request on its own loop in its own thread, Telegram many
    updates on one loop: both wait in line for the same student's lock."""
    relay = Relay(repo, "web", FakeRasa())
    order: list[str] = []
    holding = threading.Event()
    release = threading.Event()

    async def first() -> None:
        async with relay.lock(SENDER):
            holding.set()
            await asyncio.to_thread(release.wait)
            order.append("first")

    async def after(name: str, delay: float) -> None:
        await asyncio.sleep(delay)
        async with relay.lock(SENDER):
            order.append(name)

    holder = threading.Thread(target=run, args=(first(),))
    holder.start()
    holding.wait(5)
    other_loop = threading.Thread(target=run, args=(after("thread", 0),))
    other_loop.start()

    async def two_on_one_loop() -> None:
        await asyncio.gather(after("loop-a", 0.05), after("loop-b", 0.1))

    same_loop = threading.Thread(target=run, args=(two_on_one_loop(),))
    same_loop.start()
    threading.Event().wait(0.3)
    assert order == []  # all three wait while the first holds the lock
    release.set()
    for thread in (holder, other_loop, same_loop):
        thread.join(5)
    assert order == ["first", "thread", "loop-a", "loop-b"]
    assert not relay.lock_for.locked(SENDER)  # nothing left behind


# ---- the gentle level passes every gate too ---------------------------------------------------

UNSURE = "soms wil ik gewoon verdwijnen"


def test_the_test_line_is_at_the_gentle_level():
    assert crisis.check(UNSURE).level == "unsure"


def test_an_unsure_message_over_the_length_limit_still_reaches_rasa(repo, student):
    rasa = FakeRasa()
    relay = Relay(repo, "web", rasa)
    long_story = "Ik liep stage bij een garage en dat was leuk. " * 40 + UNSURE
    turn = run(relay.handle(student, long_story, limit=1500))
    assert rasa.heard == [(student, long_story)]  # Rasa asks its check
    assert turn.notice and turn.notice.name == notices.TOO_LONG
    assert not turn.assessment.is_crisis and turn.assessment.needs_reply


def test_an_unsure_message_before_the_terms_gets_the_note_and_stores_nothing(repo):
    rasa = FakeRasa()
    turn = run(Relay(repo, "web", rasa).handle("web-new-unsure", UNSURE))
    assert turn.answers[0]["text"] == crisis.note_text(turn.assessment.kind)
    assert "113" in turn.answers[0]["text"] and turn.notice.name == notices.NEEDS_TERMS
    assert rasa.heard == [] and repo.find_student("web-new-unsure") is None


def test_an_unsure_message_while_rasa_is_down_gets_the_note_and_is_kept(repo, student):
    rasa = FakeRasa()
    rasa.down = True
    turn = run(Relay(repo, "web", rasa).handle(student, UNSURE))
    assert turn.kept and turn.notice.name == notices.KEPT  # the answer comes later
    assert turn.answers[0]["text"] == crisis.note_text(turn.assessment.kind)
    assert "113" in turn.answers[0]["text"]
    assert [m["text"] for m in repo.pending_messages("web", student)] == [UNSURE]
    conversations = repo.export_student(student)["conversations"]
    assert not any(c.get("safety_flag") for c in conversations)  # no flag for the gentle level


def test_the_note_is_read_from_the_domain_by_kind():
    assert "Veilig Thuis" in crisis.note_text("abuse")
    assert "huisarts" in crisis.note_text("eating_disorder")
    assert "113" in crisis.note_text(None)
    assert crisis.answer_for(crisis.Assessment()) == []
