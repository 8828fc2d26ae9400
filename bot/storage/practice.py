"""Storage for practice groups (issue 12): a trainer's groups, their invite codes and members, and
who may see whose practice.

A trainee is a dashboard account (``coach_id``) or a pseudonymous chat sender
(``trainee_sender_id``, Telegram /oefenen). A trainer sees the practice of the members of their own
groups only; an admin sees every group. A chat sender shows up for a trainer only once linked to
one of that trainer's groups.

A mixin of ``Repository`` (bot/storage/repository.py): it uses ``self.session()``.
"""
from __future__ import annotations

import secrets
from typing import Any, Dict, List, Optional

from sqlalchemy import delete, func, or_, select
from sqlalchemy.exc import IntegrityError

from bot.storage.coaches import INVITE_ALPHABET, normalise_invite_code
from bot.storage.models import Coach, PracticeGroup, PracticeGroupMember, PracticeSession

GROUP_CODE_LENGTH = 8
GROUP_NAME_MAX = 100


def _group_dict(group: PracticeGroup) -> Dict[str, Any]:
    return {"id": group.id, "name": group.name, "trainer_id": group.trainer_id,
            "invite_code": group.invite_code, "created_at": group.created_at}


class PracticeGroupStore:
    # ---- groups ----

    def create_practice_group(self, trainer_id: int, name: str) -> Dict[str, Any]:
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

    def practice_groups(self, trainer_id: Optional[int] = None, every_group: bool = False) -> List[Dict[str, Any]]:
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
                group["members"] = [{"coach_id": m.coach_id, "email": email, "trainee_sender_id": m.trainee_sender_id,
                                     "joined_at": m.joined_at} for m, email in rows]
            return groups

    def join_practice_group(self, code: str, coach_id: Optional[int] = None,
                            trainee_sender_id: Optional[str] = None) -> Optional[Dict[str, Any]]:
        """Add a trainee to the group with this code (once); None for an unknown code."""
        if (coach_id is None) == (trainee_sender_id is None):
            raise ValueError("give exactly one of coach_id and trainee_sender_id")
        code = normalise_invite_code(code)
        if not code:
            return None
        with self.session() as s:
            group = s.execute(select(PracticeGroup).where(PracticeGroup.invite_code == code)).scalar_one_or_none()
            if group is None:
                return None
            member = PracticeGroupMember.coach_id == coach_id if coach_id is not None \
                else PracticeGroupMember.trainee_sender_id == trainee_sender_id
            exists = s.execute(select(PracticeGroupMember.id).where(PracticeGroupMember.group_id == group.id, member)).first()
            if exists is None:
                s.add(PracticeGroupMember(group_id=group.id, coach_id=coach_id, trainee_sender_id=trainee_sender_id))
            return _group_dict(group)

    def groups_of_trainee(self, coach_id: Optional[int] = None, trainee_sender_id: Optional[str] = None) -> List[Dict[str, Any]]:
        """The groups a trainee belongs to."""
        with self.session() as s:
            member = PracticeGroupMember.coach_id == coach_id if coach_id is not None \
                else PracticeGroupMember.trainee_sender_id == trainee_sender_id
            rows = s.execute(select(PracticeGroup).join(PracticeGroupMember, PracticeGroupMember.group_id == PracticeGroup.id)
                             .where(member).order_by(PracticeGroup.name)).scalars()
            return [_group_dict(g) for g in rows]

    def forget_practice_trainee(self, trainee_sender_id: str) -> None:
        """A chat sender's memberships go with their other data (erasure)."""
        with self.session() as s:
            s.execute(delete(PracticeGroupMember).where(PracticeGroupMember.trainee_sender_id == trainee_sender_id))

    # ---- who may see whose practice ----

    def trainer_sees(self, trainer_id: int, coach_id: Optional[int] = None,
                     trainee_sender_id: Optional[str] = None) -> bool:
        """True when the trainee is a member of one of this trainer's groups."""
        if coach_id is None and trainee_sender_id is None:
            return False
        with self.session() as s:
            member = PracticeGroupMember.coach_id == coach_id if coach_id is not None \
                else PracticeGroupMember.trainee_sender_id == trainee_sender_id
            return s.execute(
                select(PracticeGroupMember.id)
                .join(PracticeGroup, PracticeGroup.id == PracticeGroupMember.group_id)
                .where(PracticeGroup.trainer_id == trainer_id, member)
            ).first() is not None

    def trainees_without_group(self) -> List[Dict[str, Any]]:
        """Trainees who practised but joined no group (only an admin sees them)."""
        with self.session() as s:
            members = select(PracticeGroupMember.id).where(or_(
                PracticeGroupMember.coach_id == PracticeSession.coach_id,
                PracticeGroupMember.trainee_sender_id == PracticeSession.trainee_sender_id))
            rows = s.execute(
                select(PracticeSession.coach_id, Coach.email, PracticeSession.trainee_sender_id,
                       func.count(PracticeSession.id))
                .outerjoin(Coach, Coach.id == PracticeSession.coach_id)
                .where(~members.exists())
                .group_by(PracticeSession.coach_id, Coach.email, PracticeSession.trainee_sender_id)
                .order_by(Coach.email, PracticeSession.trainee_sender_id)
            ).all()
            return [{"coach_id": cid, "email": email, "trainee_sender_id": sender, "sessions": n}
                    for cid, email, sender, n in rows]
