"""Helpers for the web tests: students made through the repository, login, CSRF token."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from bot.clock import today as product_today

PASSWORD = "een-lang-wachtwoord"


@dataclass
class Made:
    sender: str
    student_id: int
    conversation_id: int
    step_ids: list


def make_student(
    repo,
    sender: str,
    coach_id: int | None,
    *,
    shared: bool | None = True,
    kernwoord: str = "vrijheid",
    experience: str = "Ik gaf een presentatie op mijn stage.",
    steps=None,
    flagged: bool = False,
    finish: bool = True,
    parts=("terugkijken", "reflecteren", "vooruitkijken", "activeren"),
) -> Made:
    """A student (linked to ``coach_id`` if given) with one conversation through all four parts."""
    repo.ensure_student(sender, channel="web")
    if coach_id is not None:
        assert repo.link_student_to_coach(sender, repo.create_invite_code(coach_id))
    repo.save_reflection(
        sender,
        experience=experience,
        emotions=["trots", "zenuwachtig"],
        what_happened="Mijn begeleider vroeg me om het project te presenteren.",
        other_situations="Bij de sportclub leg ik ook graag dingen uit.",
        qualities="uitleggen, rustig blijven",
        motives="anderen iets leren",
        kernwoord=kernwoord,
        options="een minor onderwijs verkennen",
    )
    for phase in parts:
        repo.set_phase(sender, phase)
        if hasattr(repo, "mark_reached"):  # set_phase only moves, mark_reached records
            repo.mark_reached(sender, phase, [])
    repo.add_competencies(sender, ["capaciteitenreflectie", "motievenreflectie", "werkexploratie"])
    step_ids = []
    for what, due, who in (
        steps
        if steps is not None
        else [
            (
                "Mail sturen naar de minorcoördinator",
                product_today() + timedelta(days=1),
                "mijn mentor",
            )
        ]
    ):
        step_ids.append(repo.save_action_step(sender, what, due, who))
    if flagged:
        repo.flag_safety(sender)
    if shared is not None:
        repo.set_consent(sender, shared)
    conversation_id = repo.latest_conversation_id(sender)
    if finish:
        repo.finish_conversation(sender)
    return Made(sender, repo.find_student(sender).id, conversation_id, step_ids)


def token(client) -> str:
    """The CSRF token of the client's session (made by any page view)."""
    client.get("/login")
    with client.session_transaction() as session:
        return session["csrf_token"]


def login(client, email: str, password: str = PASSWORD, **kwargs):
    return client.post(
        "/login", data={"email": email, "password": password, "csrf_token": token(client)}, **kwargs
    )
