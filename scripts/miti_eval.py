"""How the bot listens, counted the way MITI counts a counsellor's reflections.

    .venv/bin/python scripts/miti_eval.py [--write]

Starts the real Rasa and action servers on a fresh database (tests/rasa_stack.py), holds the
end-to-end conversations (tests/reflection_script.py and the off-script walk of
tests/e2e/test_hearing_e2e.py) plus two more students (short answers; chat spelling), reads
each conversation's events back from Rasa, and reports:
- reflections per question: the bot's reflections (responses that say the student's words
  back) divided by the questions it asked (goal >= 1.0);
- the share of sentence reflections among them: a clause of the student's turned to "je",
  not a quoted word nor a short answer said back whole (goal >= 50%);
- complex reflections: two stories linked, a double-sided reflection, an emotion with its
  situation (goal >= 20% of reflections);
- carrying turns: of the bot's turns after a free answer of five words or more, the share
  that carries a run of at least four of the student's words turned to "je", outside quotes
  (goal >= 50%).
``--write`` prints the table as Markdown for docs/conversation.md; ``--show`` prints every
conversation with the response name of each bot line.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(ROOT / "tests" / "e2e")]

from rasa_stack import RasaStack  # noqa: E402
from reflection_script import ANSWERS  # noqa: E402
from test_hearing_e2e import OFF_SCRIPT_WALK  # noqa: E402

from bot.nlp.second_person import to_second_person  # noqa: E402
from bot.storage.migrate import upgrade  # noqa: E402

SENTENCE = {
    "utter_reflect_simple",
    "utter_reflect_simple_other",
    "utter_reflect_step",
}
COMPLEX = {
    "utter_reflect_emotion",
    "utter_reflect_emotion_pair",
    "utter_reflect_double_between",
    "utter_reflect_double_sides",
    "utter_reflect_link",
}
QUOTED = {"utter_listen_back"}
# A short answer (a day, a helper, a score, the kernwoord) said back whole: a reflection, not a
# clause of a longer one.
SHORT = {
    "utter_reflect_short",
    "utter_reflect_zin",
    "utter_reflect_kernwoord",
    "utter_reflect_kernwoord_fits",
}
REFLECTIONS = SENTENCE | COMPLEX | QUOTED | SHORT

SHORT_ANSWERS = [
    "hoi",
    "ik moest op stage alleen de kassa doen",
    "mijn collega was ziek en het was heel druk, ik heb gewoon doorgewerkt en klanten geholpen",
    "bij de sportclub moest ik ook een keer invallen als trainer",
    "dat ik het overneem als het nodig is",
    "rustig blijven",
    "beter plannen",
    "dat het goed loopt",
    "doorzetten",
    "ja",
    "een opleiding in de sport misschien",
    "een open dag bezoeken",
    "volgende week",
    "mijn moeder",
    "7",
    "geen tijd",
    "nee",
    "ja",
]
CHAT_SPELLING = [
    "hey",
    "gister op mn werk in de snackbar werd een klant egt boos omdat zn bestelling nie klopte",
    "k heb sorry gezegd en ik heb zn eten opnieuw gemaakt, mn baas was er nie. ik was wel zenuwachtig eerlijk",
    "vorig jaar op school had ik ook ruzie met een leraar en toen heb ik het ook uitgepraat",
    "in allebei bleef ik rustig en loste ik het zelf op",
    "ik kan goed rustig blijven als iemand boos is",
    "ik wil leren om eerder hulp te vragen aan mn baas",
    "dat mensen tevreden weggaan en dat ik me nie laat gek maken",
    "rustig",
    "ja",
    "ik twijfel tussen horeca en iets in de beveiliging",
    "ff een dag meelopen bij een beveiligingsbedrijf",
    "over 2 weken",
    "mn oom",
    "8",
    "dat ik het uitstel",
    "nee",
    "nee",
]


def conversations() -> dict[str, list[str]]:
    whole = ["hoi", *ANSWERS[:7], "uitleggen", "ja", *ANSWERS[7:13], "nee", "ja"]
    return {
        "miti-script": whole,
        "miti-off-script": [message for message, _ in OFF_SCRIPT_WALK],
        "miti-short": SHORT_ANSWERS,
        "miti-chat": CHAT_SPELLING,
    }


def events_of(stack: RasaStack, sender: str) -> list[dict]:
    url = f"{stack.rasa_url}/conversations/{sender}/tracker"
    with urllib.request.urlopen(url, timeout=30) as response:
        return json.load(response)["events"]


def turns_of(events: list[dict]) -> list[tuple[str, list[dict]]]:
    """(what the student said, the bot's messages after it) per turn."""
    turns: list[tuple[str, list[dict]]] = []
    for event in events:
        if event["event"] == "user":
            turns.append((event.get("text") or "", []))
        elif event["event"] == "bot" and turns:
            turns[-1][1].append(event)
    return turns


def _words(text: str) -> list[str]:
    return re.findall(r"[a-zà-ÿ0-9']+", (text or "").lower())


def carries_a_run(said: str, bot_text: str, length: int = 4) -> bool:
    """A run of ``length`` of the student's words, turned to "je", outside quotes."""
    unquoted = re.sub(r"'[^']*'", " ", bot_text or "")
    said_words = _words(to_second_person(said))
    bot = " " + " ".join(_words(unquoted)) + " "
    return any(
        f" {' '.join(said_words[i : i + length])} " in bot
        for i in range(len(said_words) - length + 1)
    )


def measure(all_turns: list[tuple[str, list[dict]]]) -> dict[str, float | int]:
    names = [
        (bot.get("metadata") or {}).get("utter_action") or ""
        for _, bots in all_turns
        for bot in bots
    ]
    questions = sum(
        1 for name in names if name.startswith("utter_ask_") or name == "action_ask_kernwoord"
    )
    reflections = [name for name in names if name in REFLECTIONS]
    # A question asked again after a message that did not answer it (nothing said back).
    asked_again, previous = 0, None
    for _, bots in all_turns:
        turn_names = [(bot.get("metadata") or {}).get("utter_action") or "" for bot in bots]
        asks = [n for n in turn_names if n.startswith("utter_ask_") or n == "action_ask_kernwoord"]
        if asks and asks[-1] == previous and not any(n in REFLECTIONS for n in turn_names):
            asked_again += 1
        previous = asks[-1] if asks else previous
    free = [(said, bots) for said, bots in all_turns if len(_words(said)) >= 5]
    carrying = [
        1 for said, bots in free if any(carries_a_run(said, bot.get("text") or "") for bot in bots)
    ]
    return {
        "questions": questions,
        "reflections": len(reflections),
        "per_question": len(reflections) / max(questions, 1),
        "asked_again": asked_again,
        "per_answered_question": len(reflections) / max(questions - asked_again, 1),
        "sentence_share": sum(1 for n in reflections if n in SENTENCE | COMPLEX)
        / max(len(reflections), 1),
        "complex_share": sum(1 for n in reflections if n in COMPLEX) / max(len(reflections), 1),
        "free_turns": len(free),
        "carrying_share": len(carrying) / max(len(free), 1),
    }


def show(sender: str, turns: list[tuple[str, list[dict]]]) -> None:
    """The conversation as a coach would read it, each bot line with its response name."""
    print(f"\n=== {sender}")
    for said, bots in turns:
        print(f"  student: {said}")
        for bot in bots:
            name = (bot.get("metadata") or {}).get("utter_action") or "?"
            print(f"    bot [{name}]: {bot.get('text')}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--write", action="store_true", help="print a Markdown table")
    parser.add_argument(
        "--show", action="store_true", help="print every conversation, turn by turn"
    )
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="miti-"))
    stack = RasaStack(workdir)
    upgrade(stack.database_url)
    stack.start()
    try:
        all_turns = []
        examples = []
        for sender, messages in conversations().items():
            for message in messages:
                stack.say(sender, message)
            turns = turns_of(events_of(stack, sender))
            all_turns += turns
            if args.show:
                show(sender, turns)
            examples += [
                (said, bot.get("text"))
                for said, bots in turns
                for bot in bots
                if (bot.get("metadata") or {}).get("utter_action") in SENTENCE | COMPLEX
            ]
        result = measure(all_turns)
    finally:
        stack.stop()
    print(json.dumps(result, indent=2))
    if args.write:
        print("\n| figure | value | goal |\n| --- | --- | --- |")
        print(f"| reflections per question | {result['per_question']:.2f} | >= 1.0 |")
        print(
            f"| reflections per question, leaving out the {result['asked_again']} questions asked "
            f"again after a non-answer | {result['per_answered_question']:.2f} | |"
        )
        print(f"| sentence reflections among them | {result['sentence_share']:.0%} | >= 50% |")
        print(f"| complex reflections among them | {result['complex_share']:.0%} | >= 20% |")
        print(
            f"| turns after a free answer carrying 4+ of its words as 'je' | "
            f"{result['carrying_share']:.0%} | >= 50% |"
        )
        print("\nExamples:")
        for said, text in examples[:12]:
            print(f'- "{said}" -> "{text}"')


if __name__ == "__main__":
    main()
