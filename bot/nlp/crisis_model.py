"""A small crisis classifier beside the rules of ``bot.nlp.crisis``: it only raises "unsure".

The rules name what students write, directly and indirectly (docs/crisis.md). This model
learns from more varied examples: the crisis intent of the NLU data,
``bot/nlp/data/crisis_examples.tsv`` and ``bot/nlp/data/crisis_dev.tsv`` (crisis lines and hard
negatives per category), against every other NLU example. Character and word n-grams carry
typos and chat spelling. When no rule fires on a message of six words or more and the model
is fairly sure, the bot asks its gentle check question; it never gives the crisis reply on the
model alone (measured in docs/nlu.md). It trains in about a second on first use, so there is
no artefact to build or keep in step with the data.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import List, Optional, Tuple

import yaml
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline, make_pipeline, make_union

from bot.config import PROJECT_ROOT

NLU_DIR = PROJECT_ROOT / "data" / "nlu"
DATA_DIR = Path(__file__).resolve().parent / "data"
EXTRA_EXAMPLES = DATA_DIR / "crisis_examples.tsv"  # label<TAB>text (crisis | geen)
DEV_EXAMPLES = DATA_DIR / "crisis_dev.tsv"  # label<TAB>category<TAB>text (crisis | none)
# Probability from which a message that no rule caught gets the gentle check (docs/nlu.md).
UNSURE_THRESHOLD = 0.9
THRESHOLD = UNSURE_THRESHOLD  # the old name


def dev_rows(path: Path = DEV_EXAMPLES) -> List[Tuple[str, str, str]]:
    """(label, category, text) rows of a three-column crisis file."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) == 3 and parts[2].strip():
            rows.append((parts[0].strip(), parts[1].strip(), parts[2].strip()))
    return rows


def training_examples() -> Tuple[List[str], List[int]]:
    texts: List[str] = []
    labels: List[int] = []
    for path in sorted(NLU_DIR.glob("*.yml")):
        for item in (yaml.safe_load(path.read_text()) or {}).get("nlu", []):
            if "intent" not in item:
                continue
            for line in str(item.get("examples", "")).splitlines():
                example = line.strip()[2:].strip() if line.strip().startswith("- ") else ""
                if example:
                    texts.append(example)
                    labels.append(int(item["intent"] == "crisis"))
    for line in EXTRA_EXAMPLES.read_text(encoding="utf-8").splitlines():
        if "\t" in line:
            label, text = line.split("\t", 1)
            texts.append(text.strip())
            labels.append(int(label.strip() == "crisis"))
    for label, _, text in dev_rows():
        texts.append(text)
        labels.append(int(label == "crisis"))
    return texts, labels


def _pipeline(c: float = 10.0) -> Pipeline:
    return make_pipeline(
        make_union(
            TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True),
            TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True),
        ),
        LogisticRegression(class_weight="balanced", C=c, max_iter=2000),
    )


@lru_cache(maxsize=1)
def model() -> Pipeline:
    """The binary crisis model (crisis vs everything else), trained on first use."""
    from bot.nlp.crisis import prepare

    texts, labels = training_examples()
    pipeline = _pipeline()
    pipeline.fit([prepare(text) for text in texts], labels)
    return pipeline


@lru_cache(maxsize=1)
def category_model() -> Pipeline:
    """Which of the twelve categories a crisis line is closest to (for model-only hits)."""
    from bot.nlp.crisis import prepare

    rows = [(category, text) for label, category, text in dev_rows() if label == "crisis"]
    pipeline = _pipeline(c=5.0)
    pipeline.fit([prepare(text) for _, text in rows], [category for category, _ in rows])
    return pipeline


def crisis_probability_prepared(prepared: str) -> float:
    if not prepared.strip():
        return 0.0
    return float(model().predict_proba([prepared])[0][1])


def crisis_probability(text: str) -> float:
    from bot.nlp.crisis import prepare

    return crisis_probability_prepared(prepare(text))


def category_guess(prepared: str) -> Optional[str]:
    if not prepared.strip():
        return None
    return str(category_model().predict([prepared])[0])
