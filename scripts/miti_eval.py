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
from test_hearing_e2e import CHECK_IN, FIRST_TIME, OFF_SCRIPT_WALK, SHORT_CYCLE  # noqa: E402

from bot.nlp.second_person import to_second_person  # noqa: E402
from bot.storage.migrate import upgrade  # noqa: E402

SENTENCE = {
    "utter_reflect_simple",
    "utter_reflect_simple_other",
    "utter_reflect_step",
    "utter_greet_back_recap",  # welcome back with the last answer's clause
    # a light reply to a non-answer that brings the student back to their last answer
    "utter_ack_thanks_recap",
    "utter_ack_laughter_recap",
    "utter_ack_yes_recap",
    "utter_ack_question_back_recap",
    "utter_ack_off_topic_recap",
    "utter_out_of_scope_recap",
    "utter_back_to_step",  # the step said back before a question about it comes again
    "utter_reflect_event",  # what happened in a story, said with its own subject
}
# MITI 4.2.1 codes a summary of what the client said as a reflection, a collecting one as
# complex: the summary before the kernwoord and the one at the end, in the student's words.
COMPLEX = {
    "utter_reflect_collect",
    "utter_summary",
    "utter_reflect_kernwoord_both",
    "utter_reflect_kernwoord_then_now",
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
    "utter_reflect_whole",
    "utter_reflect_off_topic",  # a short remark about something else said back as "je"
    # a returning student's step in their own words from last time, and how it went
    "utter_welcome_back_due",
    "utter_step_heard_gedaan",
    "utter_step_heard_open",
    "utter_step_heard_bijgesteld",
    "utter_step_heard_vervallen",
}
# A non-answer said back ("je weet het nog niet precies", "daar wil je liever niet op
# ingaan"): a simple reflection of what the student said, though not of content.
NAMED = {
    "utter_reflect_not_knowing",
    "utter_reflect_hesitation",
    "utter_reflect_refusal",
    "utter_reflect_refusal_skip",
}
REFLECTIONS = SENTENCE | COMPLEX | QUOTED | SHORT | NAMED

# Two students who answer the question actually asked (the bot may ask about a detail or for a
# little more): their answers per question, taken in order, the last one again when used up.
SHORT_ANSWERS: dict[str, list[str]] = {
    "experience": ["ik moest op stage alleen de kassa doen"],
    "what_happened": [
        "mijn collega was ziek en het was heel druk, ik heb gewoon doorgewerkt en klanten geholpen",
        "mijn baas zei later dat ik het goed deed",
        "best gestrest",
    ],
    "other_situations": ["bij de sportclub moest ik ook een keer invallen als trainer"],
    "common_thread": ["dat ik het overneem als het nodig is"],
    "qualities": ["rustig blijven", "ik bleef rustig toen het druk werd"],
    "to_learn": ["beter plannen"],
    "motives": ["dat het goed loopt"],
    "kernwoord": ["doorzetten"],
    "kernwoord_check": ["ja"],
    "options": ["een opleiding in de sport misschien"],
    "step_what": ["een open dag bezoeken"],
    "step_when": ["volgende week"],
    "step_who": ["mijn moeder"],
    "step_zin": ["7"],
    "step_obstacle": ["geen tijd"],
    "more_steps": ["nee"],
    "share_consent": ["ja"],
}
CHAT_SPELLING: dict[str, list[str]] = {
    "experience": [
        "gister op mn werk in de snackbar werd een klant egt boos omdat zn bestelling nie klopte"
    ],
    "what_happened": [
        "k heb sorry gezegd en ik heb zn eten opnieuw gemaakt, mn baas was er nie. ik was wel "
        "zenuwachtig eerlijk",
        "hij zei dat het de laatste keer was dat ie kwam",
        "ik dacht gewoon ff rustig blijven",
    ],
    "other_situations": [
        "vorig jaar op school had ik ook ruzie met een leraar en toen heb ik het ook uitgepraat"
    ],
    "common_thread": ["in allebei bleef ik rustig en loste ik het zelf op"],
    "qualities": ["ik kan goed rustig blijven als iemand boos is"],
    "to_learn": ["ik wil leren om eerder hulp te vragen aan mn baas"],
    "motives": ["dat mensen tevreden weggaan en dat ik me nie laat gek maken"],
    "kernwoord": ["rustig"],
    "kernwoord_check": ["ja"],
    "options": ["ik twijfel tussen horeca en iets in de beveiliging"],
    "step_what": ["ff een dag meelopen bij een beveiligingsbedrijf"],
    "step_when": ["over 2 weken"],
    "step_who": ["mn oom"],
    "step_zin": ["8"],
    "step_obstacle": ["dat ik het uitstel"],
    "more_steps": ["nee"],
    "share_consent": ["nee"],
}
# Turns after which a student who answers what is asked stops, whatever happens.
MAX_TURNS = 40


def conversations() -> dict[str, list[str]]:
    """The scripted conversations: every message fixed in advance."""
    whole = ["hoi", *ANSWERS[:7], "uitleggen", "ja", *ANSWERS[7:13], "nee", "ja"]
    return {
        "miti-script": whole,
        "miti-off-script": [message for message, _ in OFF_SCRIPT_WALK],
    }


# Returning students a week later (the walks of tests/e2e/test_hearing_e2e.py): only the second
# conversation is counted; the first is the scripted one again.
RETURNING = {"miti-returning-short": SHORT_CYCLE, "miti-returning-check-in": CHECK_IN}


def students() -> dict[str, dict[str, list[str]]]:
    """The students who answer the question asked."""
    return {"miti-short": SHORT_ANSWERS, "miti-chat": CHAT_SPELLING}


def asked(events: list[dict]) -> str | None:
    """The question the bot asked last (the slot it asks for), or None when it asks none."""
    for event in reversed(events):
        if event["event"] == "user":
            return None
        name = (event.get("metadata") or {}).get("utter_action") or ""
        if event["event"] == "bot" and name.startswith("utter_ask_"):
            return name.removeprefix("utter_ask_").removesuffix("_open")
        if event["event"] == "bot" and name == "action_ask_kernwoord":
            return "kernwoord"
    return None


def hold(stack: RasaStack, sender: str, answers: dict[str, list[str]]) -> None:
    """A student who says hello, then answers each question the bot asks."""
    stack.say(sender, "hoi")
    used: dict[str, int] = {}
    for _ in range(MAX_TURNS):
        question = asked(events_of(stack, sender))
        if question not in answers:
            return
        options = answers[question]
        stack.say(sender, options[min(used.get(question, 0), len(options) - 1)])
        used[question] = used.get(question, 0) + 1


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
        per_conversation: dict[str, dict] = {}
        held: dict[str, list[tuple[str, list[dict]]]] = {}
        for sender, messages in {**conversations(), **students()}.items():
            if isinstance(messages, dict):
                hold(stack, sender, messages)
            else:
                for message in messages:
                    stack.say(sender, message)
            held[sender] = turns_of(events_of(stack, sender))
        for sender, messages in RETURNING.items():
            first = [*FIRST_TIME, "nee", "ja"]
            for message in [*first, *messages]:
                stack.say(sender, message)
            held[sender] = turns_of(events_of(stack, sender))[len(first) :]
        for sender, turns in held.items():
            per_conversation[sender] = measure(turns)
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
    for sender, figures in per_conversation.items():
        print(
            f"{sender}: {figures['questions']} questions, {figures['reflections']} reflections "
            f"({figures['per_question']:.2f} per question), complex {figures['complex_share']:.0%}"
        )
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
