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


def build(target: Path = SPACY_MODEL_DIR) -> Path:
    nlp = spacy.blank("nl")
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
    return spacy.load(SPACY_MODEL_DIR)


if __name__ == "__main__":
    path = build(Path(sys.argv[1]) if len(sys.argv) > 1 else SPACY_MODEL_DIR)
    print(f"saved Dutch spaCy pipeline to {path}")
