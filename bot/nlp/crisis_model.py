"""A small binary crisis classifier, next to the lexicon in ``bot.nlp.crisis``.

The lexicon names explicit expressions; students often write indirectly ("als ik morgen niet
wakker word is dat ook prima"). This model learns from more varied examples: the crisis
intent of the NLU data and ``bot/nlp/data/crisis_examples.tsv`` (crisis and hard negatives
such as hyperbole), against every other NLU example. Character and word n-grams carry typos
and chat spelling. It trains in about a second on first use, so there is no artefact to build
or keep in step with the data. Measured on a held-out set in docs/nlu.md.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import List, Tuple

import yaml
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline, make_pipeline, make_union

from bot.config import PROJECT_ROOT

NLU_DIR = PROJECT_ROOT / "data" / "nlu"
EXTRA_EXAMPLES = Path(__file__).resolve().parent / "data" / "crisis_examples.tsv"
# Probability from which a message counts as crisis. 0.5 caught more in the held-out set but
# alarmed on 9% of ordinary student lines (the practice personas); 0.7 on 2%. A false alarm costs
# one caring message, a miss costs more.
THRESHOLD = 0.7


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
    for line in EXTRA_EXAMPLES.read_text().splitlines():
        if "\t" in line:
            label, text = line.split("\t", 1)
            texts.append(text.strip())
            labels.append(int(label.strip() == "crisis"))
    return texts, labels


@lru_cache(maxsize=1)
def model() -> Pipeline:
    from bot.nlp.crisis import prepare

    texts, labels = training_examples()
    pipeline = make_pipeline(
        make_union(
            TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True),
            TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True),
        ),
        LogisticRegression(class_weight="balanced", C=10, max_iter=2000),
    )
    pipeline.fit([prepare(text) for text in texts], labels)
    return pipeline


def crisis_probability(text: str) -> float:
    from bot.nlp.crisis import prepare

    prepared = prepare(text)
    if not prepared.strip():
        return 0.0
    return float(model().predict_proba([prepared])[0][1])
