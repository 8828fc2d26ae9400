"""Build, save and load the Dutch spaCy pipeline.

No Dutch spaCy model can be installed here, so set-up builds one: a blank "nl" tokenizer
plus the lookup lemmatizer whose tables come from ``spacy-lookups-data``. Rasa's SpacyNLP
loads it by path, and the actions load the same pipeline for lemmas.
"""

from __future__ import annotations

import sys
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language

from bot.config import SPACY_MODEL_DIR

# Abbreviations a student may write, kept whole with their full stop. spaCy's Dutch tokenizer
# knows some 500 more (from legal and scholarly text): "me.", "al.", "pas.", "dat." among them
# are ordinary chat words that end a sentence ("de chef schreeuwde tegen me. ik moest ...").
_ABBREVIATIONS = {
    "bijv",
    "bv",
    "enz",
    "etc",
    "ca",
    "evt",
    "dhr",
    "mevr",
    "mr",
    "dr",
    "drs",
    "ir",
    "ing",
    "nr",
    "blz",
    "zgn",
    "incl",
    "excl",
    "resp",
}


def _chat_abbreviations(nlp: Language) -> Language:
    """Drop the tokenizer's special cases for "word." that a student would not mean as an
    abbreviation, so that the full stop ends the sentence."""
    rules = getattr(nlp.tokenizer, "rules", None) or {}
    kept = {
        text: tokens
        for text, tokens in rules.items()
        if not (
            text.endswith(".") and text[:-1].isalpha() and text[:-1].lower() not in _ABBREVIATIONS
        )
    }
    setattr(nlp.tokenizer, "rules", kept)  # noqa: B010 (a Cython property without stubs)
    return nlp


def build(target: Path = SPACY_MODEL_DIR) -> Path:
    nlp = _chat_abbreviations(spacy.blank("nl"))
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.initialize()  # loads the lookup tables from spacy-lookups-data into the pipeline
    nlp.meta["name"] = "lemniscaat_nl"
    target.parent.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(target)
    return target


@lru_cache(maxsize=1)
def load() -> Language:
    """The saved pipeline; built on first use when set-up did not run (tests, a fresh clone)."""
    if not (SPACY_MODEL_DIR / "config.cfg").exists():
        build()
    # Also applied here: a pipeline saved before the abbreviations were dropped.
    return _chat_abbreviations(spacy.load(SPACY_MODEL_DIR))


if __name__ == "__main__":
    path = build(Path(sys.argv[1]) if len(sys.argv) > 1 else SPACY_MODEL_DIR)
    print(f"saved Dutch spaCy pipeline to {path}")
