"""A coach turn split into the sentences and clauses that each carry one act: a statement
followed by ", hoe/wat ...?" or ", dat is ..." is two acts. Used by the classifier (classify.py)
and by the filling-in family (nivea.py) when it explains a line."""

from __future__ import annotations

import re

from bot.practice.classifier.rules.words import normalise

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=\S)|(?<=[.!?])(?=[A-Z])|\s+[-\u2013\u2014]\s+")
# ", hoe was dat?" after a statement: the statement and the question are two acts.
_CLAUSE_QUESTION = re.compile(
    r",\s*(?=(?:en |maar )?(?:wat|hoe|welke|welk|wie|waar|wanneer|waarom|hoezo|vanwaar|dat is|dat heet|dat noem)\b)",
    re.IGNORECASE,
)
_SUBORDINATE_START = re.compile(
    r"^(\w+ )?(als|wanneer|toen|nu|terwijl|omdat|voordat|nadat|zodra|als je|stel)\b"
)


def split_turn(text: str) -> list[str]:
    """The sentences and clauses of a coach turn that each carry one act."""
    parts: list[str] = []
    for sentence in _SENTENCE_END.split((text or "").strip()):
        sentence = sentence.strip()
        if not sentence:
            continue
        pieces = _CLAUSE_QUESTION.split(sentence, maxsplit=1)
        pieces = [p for p in pieces if p and p.strip() and p.strip().lower() not in ("en", "maar")]
        if (
            len(pieces) == 2
            and "?" in pieces[1]
            and not _SUBORDINATE_START.match(normalise(pieces[0]))
            and len(pieces[0].split()) >= 2
        ):
            parts += [pieces[0].strip(), pieces[1].strip()]
        elif len(pieces) == 2 and re.match(r"(?i)dat (is|heet|noem)", pieces[1].strip()):
            parts += [pieces[0].strip(), pieces[1].strip()]
        else:
            parts.append(sentence)
    return parts
