"""Storage for practice: the sessions a trainee holds with a simulated student (bot/practice), and
practice groups: a trainer's groups, their invite codes and members, and who may see
whose practice.

A session's transcript is [{"speaker": "coach"|"student", "text": ...}], its report is
bot.practice.report.Report.to_dict(). Access rules live in the callers.

A trainee is a dashboard account (``coach_id``) or a pseudonymous chat sender
(``trainee_sender_id``, Telegram /oefenen). A trainer sees the practice of the members of their own
groups only; an admin sees every group. A chat sender shows up for a trainer only once linked to
one of that trainer's groups.

Mixins of ``Repository`` (bot/storage/repository.py): they use ``self.session()``.
"""

from __future__ import annotations

import secrets
from typing import Any

from sqlalchemy import delete, func, or_, select
from sqlalchemy.exc import IntegrityError

from bot.storage.codes import INVITE_ALPHABET, normalise_invite_code
from bot.storage.models import Coach, PracticeGroup, PracticeGroupMember, PracticeSession, utcnow
from bot.storage.store import Store

GROUP_CODE_LENGTH = 8
GROUP_NAME_MAX = 100


def _group_dict(group: PracticeGroup) -> dict[str, Any]:
    return {
        "id": group.id,
        "name": group.name,
        "trainer_id": group.trainer_id,
        "invite_code": group.invite_code,
        "created_at": group.created_at,
    }


class PracticeSessionStore(Store):
    # A trainee (a dashboard coach, or a pseudonymous chat sender) practises with a simulated
    # student.

    @staticmethod
    def _practice_dict(row: PracticeSession) -> dict[str, Any]:
        return {
            "id": row.id,
            "coach_id": row.coach_id,
            "trainee_sender_id": row.trainee_sender_id,
            "persona": row.persona,
            "transcript": list(row.transcript or []),
            "report": row.report,
            "started_at": row.started_at,
            "ended_at": row.ended_at,
        }

    @staticmethod
    def _practice_turns(transcript: Any) -> list[dict[str, str]]:
        """Accept PracticeSession.to_dict()'s turns or (speaker, text) pairs; store dicts."""
        turns = []
        for turn in transcript or []:
            speaker, text = (turn["speaker"], turn["text"]) if isinstance(turn, dict) else turn
            if speaker not in ("coach", "student"):
                raise ValueError(f"unknown speaker {speaker!r}")
            turns.append({"speaker": speaker, "text": str(text)})
        return turns

    def start_practice(
        self, persona: str, coach_id: int | None = None, trainee_sender_id: str | None = None
    ) -> int:
        with self.session() as s:
            row = PracticeSession(
                persona=persona,
                coach_id=coach_id,
                trainee_sender_id=trainee_sender_id,
                transcript=[],
            )
            s.add(row)
            s.flush()
            return row.id

    def save_practice(
        self,
        session_id: int,
        transcript: Any,
        report: dict[str, Any] | None = None,
        ended: bool = False,
    ) -> None:
        """Store the whole transcript so far; with ``ended`` the session is closed (once)."""
        with self.session() as s:
            row = s.get(PracticeSession, session_id)
            if row is None:
                raise LookupError(f"no practice session {session_id}")
            row.transcript = self._practice_turns(transcript)
            if report is not None:
                row.report = report
            if ended and row.ended_at is None:
                row.ended_at = utcnow()

    def get_practice(self, session_id: int) -> dict[str, Any] | None:
        with self.session() as s:
            row = s.get(PracticeSession, session_id)
            return self._practice_dict(row) if row is not None else None

    def practice_history(
        self, coach_id: int | None = None, trainee_sender_id: str | None = None
    ) -> list[dict[str, Any]]:
        """One trainee's sessions, newest first (without the transcript). At least one filter is
        needed: an unfiltered list of everyone's practice is not something a caller should get by accident."""
        if coach_id is None and trainee_sender_id is None:
            raise ValueError("give coach_id or trainee_sender_id")
        with self.session() as s:
            query = select(PracticeSession).order_by(
                PracticeSession.started_at.desc(), PracticeSession.id.desc()
            )
            if coach_id is not None:
                query = query.where(PracticeSession.coach_id == coach_id)
            if trainee_sender_id is not None:
                query = query.where(PracticeSession.trainee_sender_id == trainee_sender_id)
            history = []
            for row in s.execute(query).scalars():
                item = self._practice_dict(row)
                item["coach_turns"] = sum(
                    1 for t in item.pop("transcript") if t.get("speaker") == "coach"
                )
                item["finished"] = row.report is not None
                history.append(item)
            return history

    def trainee_progress(
        self, coach_id: int | None = None, trainee_sender_id: str | None = None
    ) -> list[dict[str, Any]]:
        """Per finished session of one trainee (a dashboard account, or a chat sender who
        practised on Telegram), oldest first: the numbers a trainer follows over time."""
        rows = []
        for item in reversed(
            self.practice_history(coach_id=coach_id, trainee_sender_id=trainee_sender_id)
        ):
            report = item["report"]
            if not report:
                continue
            counts = report.get("counts") or {}
            questions = sum(
                counts.get(k, 0) for k in ("open_vraag", "gesloten_vraag", "waarom_vraag")
            )
            rows.append(
                {
                    "id": item["id"],
                    "date": item["ended_at"] or item["started_at"],
                    "persona": item["persona"],
                    "coach_turns": report.get("coach_turns", item["coach_turns"]),
                    "questions": questions,
                    "open": counts.get("open_vraag", 0),
                    "closed": counts.get("gesloten_vraag", 0),
                    "why": counts.get("waarom_vraag", 0),
                    "filled_in": counts.get("invullen", 0),
                    "advice": counts.get("advies", 0),
                    "reflections": counts.get("reflectie", 0),
                    "open_share": report.get("open_share", 0.0),
                    "reflections_per_question": report.get("reflections_per_question", 0.0),
                    "parts_reached": list(report.get("parts_reached") or []),
                    "parts_in_order": bool(report.get("parts_in_order")),
                    "ended_with_student_steps": bool(report.get("ended_with_student_steps")),
                    "rules_good": sum(
                        1 for r in report.get("rules") or [] if r.get("judgement") == "goed"
                    ),
                }
            )
        return rows


class PracticeGroupStore(Store):
    # ---- groups ----

    def create_practice_group(self, trainer_id: int, name: str) -> dict[str, Any]:
        """A new group of this trainer with a fresh invite code."""
        name = " ".join((name or "").split())[:GROUP_NAME_MAX]
        if not name:
            raise ValueError("a group needs a name")
        for _ in range(10):
            code = "".join(secrets.choice(INVITE_ALPHABET) for _ in range(GROUP_CODE_LENGTH))
            try:
                with self.session() as s:
                    group = PracticeGroup(name=name, trainer_id=trainer_id, invite_code=code)
                    s.add(group)
                    s.flush()
                    return _group_dict(group)
            except IntegrityError:  # pragma: no cover - a code already taken, 32^8 to one
                continue
        raise RuntimeError("no free group code")  # pragma: no cover

    def practice_groups(
        self, trainer_id: int | None = None, every_group: bool = False
    ) -> list[dict[str, Any]]:
        """The groups of one trainer, or with ``every_group`` (an admin) all of them; each with its
        members: {"coach_id", "email", "trainee_sender_id", "joined_at"}."""
        if trainer_id is None and not every_group:
            raise ValueError("give trainer_id or every_group=True")
        with self.session() as s:
            query = select(PracticeGroup).order_by(PracticeGroup.name, PracticeGroup.id)
            if not every_group:
                query = query.where(PracticeGroup.trainer_id == trainer_id)
            groups = [_group_dict(g) for g in s.execute(query).scalars()]
            for group in groups:
                rows = s.execute(
                    select(PracticeGroupMember, Coach.email)
                    .outerjoin(Coach, Coach.id == PracticeGroupMember.coach_id)
                    .where(PracticeGroupMember.group_id == group["id"])
                    .order_by(PracticeGroupMember.joined_at, PracticeGroupMember.id)
                ).all()
                group["members"] = [
                    {
                        "coach_id": m.coach_id,
                        "email": email,
                        "trainee_sender_id": m.trainee_sender_id,
                        "joined_at": m.joined_at,
                    }
                    for m, email in rows
                ]
            return groups

    def join_practice_group(
        self, code: str, coach_id: int | None = None, trainee_sender_id: str | None = None
    ) -> dict[str, Any] | None:
        """Add a trainee to the group with this code (once); None for an unknown code."""
        if (coach_id is None) == (trainee_sender_id is None):
            raise ValueError("give exactly one of coach_id and trainee_sender_id")
        code = normalise_invite_code(code)
        if not code:
            return None
        with self.session() as s:
            group = s.execute(
                select(PracticeGroup).where(PracticeGroup.invite_code == code)
            ).scalar_one_or_none()
            if group is None:
                return None
            member = (
                PracticeGroupMember.coach_id == coach_id
                if coach_id is not None
                else PracticeGroupMember.trainee_sender_id == trainee_sender_id
            )
            exists = s.execute(
                select(PracticeGroupMember.id).where(
                    PracticeGroupMember.group_id == group.id, member
                )
            ).first()
            if exists is None:
                s.add(
                    PracticeGroupMember(
                        group_id=group.id, coach_id=coach_id, trainee_sender_id=trainee_sender_id
                    )
                )
            return _group_dict(group)

    def groups_of_trainee(
        self, coach_id: int | None = None, trainee_sender_id: str | None = None
    ) -> list[dict[str, Any]]:
        """The groups a trainee belongs to."""
        with self.session() as s:
            member = (
                PracticeGroupMember.coach_id == coach_id
                if coach_id is not None
                else PracticeGroupMember.trainee_sender_id == trainee_sender_id
            )
            rows = s.execute(
                select(PracticeGroup)
                .join(PracticeGroupMember, PracticeGroupMember.group_id == PracticeGroup.id)
                .where(member)
                .order_by(PracticeGroup.name)
            ).scalars()
            return [_group_dict(g) for g in rows]

    def forget_practice_trainee(self, trainee_sender_id: str) -> None:
        """A chat sender's memberships go with their other data (erasure)."""
        with self.session() as s:
            s.execute(
                delete(PracticeGroupMember).where(
                    PracticeGroupMember.trainee_sender_id == trainee_sender_id
                )
            )

    # ---- who may see whose practice ----

    def trainer_sees(
        self,
        trainer_id: int,
        coach_id: int | None = None,
        trainee_sender_id: str | None = None,
    ) -> bool:
        """True when the trainee is a member of one of this trainer's groups."""
        if coach_id is None and trainee_sender_id is None:
            return False
        with self.session() as s:
            member = (
                PracticeGroupMember.coach_id == coach_id
                if coach_id is not None
                else PracticeGroupMember.trainee_sender_id == trainee_sender_id
            )
            return (
                s.execute(
                    select(PracticeGroupMember.id)
                    .join(PracticeGroup, PracticeGroup.id == PracticeGroupMember.group_id)
                    .where(PracticeGroup.trainer_id == trainer_id, member)
                ).first()
                is not None
            )

    def trainees_without_group(self) -> list[dict[str, Any]]:
        """Trainees who practised but joined no group (only an admin sees them)."""
        with self.session() as s:
            members = select(PracticeGroupMember.id).where(
                or_(
                    PracticeGroupMember.coach_id == PracticeSession.coach_id,
                    PracticeGroupMember.trainee_sender_id == PracticeSession.trainee_sender_id,
                )
            )
            rows = s.execute(
                select(
                    PracticeSession.coach_id,
                    Coach.email,
                    PracticeSession.trainee_sender_id,
                    func.count(PracticeSession.id),
                )
                .outerjoin(Coach, Coach.id == PracticeSession.coach_id)
                .where(~members.exists())
                .group_by(PracticeSession.coach_id, Coach.email, PracticeSession.trainee_sender_id)
                .order_by(Coach.email, PracticeSession.trainee_sender_id)
            ).all()
            return [
                {"coach_id": cid, "email": email, "trainee_sender_id": sender, "sessions": n}
                for cid, email, sender, n in rows
            ]
