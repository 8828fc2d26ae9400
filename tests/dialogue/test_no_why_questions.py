"""Rule 9 of the method: nothing the bot can say contains a why-question. This walks every
domain response (texts and buttons) and every string literal in the code that produces
bot or channel texts."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
WHY = re.compile(r"\b(waarom|hoezo|om welke reden|why)\b", re.IGNORECASE)
# Why-questions in disguise: asking for a cause, reason or motive without the word "waarom".
DISGUISED_WHY = re.compile(
    r"\b(wat maakt(e)? dat|waar doe je het voor|hoe komt het|hoe kwam het|waardoor|wat was de (aanleiding|reden)|"
    r"wat is de reden|met welke reden|wat bracht je ertoe|waarvoor deed je)\b",
    re.IGNORECASE,
)


def _responses():
    for path in sorted((ROOT / "domain").glob("*.yml")):
        for name, variations in (
            (yaml.safe_load(path.read_text()) or {}).get("responses", {}).items()
        ):
            for variation in variations:
                yield name, variation.get("text", "")
                for button in variation.get("buttons", []) or []:
                    yield name, button.get("title", "")


def _string_literals(path: Path):
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            yield node.value


def test_there_are_responses_to_check():
    assert len(list(_responses())) > 60


def test_no_domain_response_asks_why():
    offenders = [(name, text) for name, text in _responses() if WHY.search(text)]
    assert offenders == []


def test_no_domain_response_asks_why_in_disguise():
    offenders = [(name, text) for name, text in _responses() if DISGUISED_WHY.search(text)]
    assert offenders == []


def test_the_disguise_check_can_fail():
    assert DISGUISED_WHY.search("Wat maakt dat zo belangrijk voor je?")
    assert DISGUISED_WHY.search("Waar doe je het voor?")
    assert not DISGUISED_WHY.search("Wat vind je belangrijk in zulke momenten?")


def test_no_action_or_channel_text_asks_why():
    files = list((ROOT / "actions").glob("*.py")) + [ROOT / "bot" / "telegram" / "texts.py"]
    offenders = []
    for path in files:
        for literal in _string_literals(path):
            # Docstrings and comments may name the rule; texts the bot sends may not.
            if (
                WHY.search(literal)
                and "rule" not in literal.lower()
                and "regel" not in literal.lower()
            ):
                offenders.append((path.name, literal))
    assert offenders == []


def test_every_question_to_the_student_has_variations():
    counts = {}
    for name, _ in _responses():
        counts[name] = counts.get(name, 0) + 1
    for name in (
        "utter_ask_experience",
        "utter_ask_what_happened",
        "utter_ask_motives",
        "utter_crisis",
        "utter_iamabot",
    ):
        assert counts[name] >= 2, name
