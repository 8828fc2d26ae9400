"""A trained coach-line model (scikit-learn), to combine with or compare against the rules.

Features: word 1-2-grams and character 2-5-grams of the coach line (TF-IDF), plus a few numbers
about the student's previous turn (feelings or qualities the coach offers that the student did or
did not say, and how many of the coach's content words the student used). A logistic regression
learns the seven labels from the development sets. Training takes about a second and is
deterministic; the model is trained on first use and kept in memory.

Two combinations with the rules are offered (docs/practice.md compares them on the blind set):
``hybrid``: the rules decide where a specific pattern fired; where only the sentence form decided
(a wh-word, a '?', a statement about "je"), the model may overrule them when it is confident.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path

import numpy as np

from bot.practice.classifier.coach_lines import DEV_FILES, load_rows
from bot.practice.classifier.context import StudentTurn, content_overlap, lemma, offered_words
from bot.practice.classifier.rules.words import is_quality_word, normalise

# Rules that only looked at the form of the sentence: the model may overrule these.
FORM_RULES = {
    "wh-word",
    "verb-first",
    "question-mark",
    "tag",
    "statement-about-student",
    "statement-with-you",
    "default",
    "coach-self",
    "feeling-fragment",
    "context:statement",
    "context:echo",
    "reflect-soft",
    "small-talk",
    "invitation",
    "short-prompt",
}
OVERRULE_CONFIDENCE = 0.6


def context_features(coach: str, student: str | None) -> list[float]:
    turn = StudentTurn(student)
    offered = offered_words(coach)
    if not turn:
        return [0.0, 0.0, 0.0, 0.0, 0.0, float(bool(offered))]
    new = [w for w in offered if not turn.said(w)]
    new_quality = sum(1 for w in new if is_quality_word(w) or is_quality_word(lemma(w)))
    shared, total = content_overlap(coach, turn)
    return [
        1.0,
        float(len(new) - new_quality),
        float(new_quality),
        float(len(offered) - len(new)),
        shared / total if total else 0.0,
        float(bool(offered)),
    ]


class CoachLineModel:
    def __init__(self) -> None:
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression

        self.words = TfidfVectorizer(
            analyzer="word",
            ngram_range=(1, 2),
            min_df=1,
            sublinear_tf=True,
            token_pattern=r"(?u)\b\w[\w'-]*\b|\?",
        )
        self.chars = TfidfVectorizer(
            analyzer="char_wb", ngram_range=(2, 5), min_df=2, sublinear_tf=True
        )
        self.classifier = LogisticRegression(C=8.0, max_iter=2000, class_weight="balanced")

    def _matrix(self, coaches: Sequence[str], students: Sequence[str | None], fit: bool = False):
        from scipy.sparse import csr_matrix, hstack

        texts = [normalise(c) for c in coaches]
        words = self.words.fit_transform(texts) if fit else self.words.transform(texts)
        chars = self.chars.fit_transform(texts) if fit else self.chars.transform(texts)
        extra = csr_matrix(np.array([context_features(c, s) for c, s in zip(coaches, students)]))
        return hstack([words, chars, extra]).tocsr()

    def fit(
        self, coaches: Sequence[str], students: Sequence[str | None], labels: Sequence[str]
    ) -> CoachLineModel:
        self.classifier.fit(self._matrix(coaches, students, fit=True), list(labels))
        return self

    def predict_proba(
        self, coaches: Sequence[str], students: Sequence[str | None]
    ) -> list[list[tuple[str, float]]]:
        probabilities = self.classifier.predict_proba(self._matrix(coaches, students))
        return [
            sorted(zip(self.classifier.classes_, row), key=lambda pair: -pair[1])
            for row in probabilities
        ]

    def predict(self, coach: str, student: str | None = None) -> tuple[str, float]:
        label, p = self.predict_proba([coach], [student])[0][0]
        return str(label), float(p)


def training_rows(paths: Iterable[Path] | None = None):
    rows = []
    for path in paths or DEV_FILES:
        rows += load_rows(path)
    return rows


@lru_cache(maxsize=1)
def trained_model() -> CoachLineModel:
    rows = training_rows()
    return CoachLineModel().fit(
        [r.coach for r in rows], [r.student for r in rows], [r.label for r in rows]
    )
