"""The one door to the database. Every other part of the product calls these methods;
no SQL is written anywhere else. Method names say what they mean for a student or coach.

``Repository`` is a facade over one store per aggregate, each in its own module:

- students and their privacy rights: bot/storage/privacy.py
- conversations, their reflection and action steps: bot/storage/conversations.py
- follow-ups of due steps: bot/storage/followups.py
- messages that wait for Rasa: bot/storage/pending.py
- coach accounts, sessions, audit, invites and labels: bot/storage/coaches.py
- the coach dashboard's reads, notes and export: bot/storage/coach_dashboard.py
- safety verdicts and their review export: bot/storage/safety_verdicts.py
- practice sessions and groups: bot/storage/practice.py

What several stores do inside a session (find a student, open their conversation, turn a
conversation into plain data) is in bot/storage/queries.py; the typed views the repository hands
out (a conversation, a step, a kept message) in bot/storage/views.py. The engine, sessions and
SQLite pragmas are in bot/storage/db.py. Each store has its own test file in tests/storage/.
"""

from __future__ import annotations

from bot.storage.coach_dashboard import CoachDashboardStore
from bot.storage.coaches import CoachStore
from bot.storage.conversations import ConversationStore
from bot.storage.db import Database
from bot.storage.followups import FollowUpStore
from bot.storage.pending import PendingMessageStore
from bot.storage.practice import PracticeGroupStore, PracticeSessionStore
from bot.storage.privacy import PrivacyStore
from bot.storage.safety_verdicts import SafetyVerdictStore


class Repository(
    PrivacyStore,
    ConversationStore,
    FollowUpStore,
    PendingMessageStore,
    CoachStore,
    CoachDashboardStore,
    SafetyVerdictStore,
    PracticeSessionStore,
    PracticeGroupStore,
    Database,
):
    """Every store on one database (``Repository(url)``, default DATABASE_URL)."""


__all__ = ["Repository"]
