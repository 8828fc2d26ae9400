"""A second opinion for the answer check: a linear model that has read every labelled
(question, message) pair of the project and says how likely a message is *not* an answer.

The hand-written rules of ``bot.nlp.answer_check`` are exact about the kinds they know; what
they cannot judge is talk of something else that reads like content ("mn kat ligt op mn
toetsenbord", "verstappen is echt de goat"). Where the rules found no reason to turn a free
text down, ``check_answer`` asks this model, and a message it judges a non-answer with
probability ``THRESHOLD`` or more is heard as the non-answer kind the model finds likeliest.

Features: TF-IDF character n-grams 2-5 within words (chat spelling and typos share most of
them) and word 1-2-grams, each message prefixed with a token for its question; and the words,
word pairs and length tied to the question (``question_words``), so the model learns what each
question's answers look like: "volgende week" answers step_when and not qualities.
Logistic regression, balanced classes. Leave-one-file-out over the training files, the tied
words took 185 non-answers in and turned 56 answers down, against 206 and 59 without them.

Training data: every file in ``TRAINING_DIR`` (question<TAB>label<TAB>text); the blind
evaluation set is never among them. Fitting takes a few seconds, so the fitted model is kept in
``var/answer_model/`` (``bot.nlp.model_cache``) and refitted when the data or this code
changes; the action server loads it at start-up with ``warm()``.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from bot.nlp import model_cache
from bot.nlp.normalize import normalise

if TYPE_CHECKING:
    from sklearn.pipeline import Pipeline

TRAINING_DIR = Path(__file__).resolve().parent / "data" / "answer_check"
NORMALIZE = Path(__file__).resolve().parent / "normalize.py"
ANSWER = "answer"
# Chosen by leave-one-file-out evaluation over the training files (scripts/answer_eval.py
# --cross): lower turns real answers down, higher lets more remarks about something else in.
THRESHOLD = 0.6
# From here up to THRESHOLD the model is unsure: the bot asks the student whether the message
# answers the question (``UNSURE`` in bot/nlp/answer_check.py). A short message is asked about
# only nearer the threshold: short real answers ("juf Sanne", "tijd") often score 0.3-0.5, the
# remarks about something else in that range are mostly longer. Leave-one-file-out over the
# training files, from 284 non-answers taken: 0.3 for all asks about 139 of them and 3.5% of
# the answers; 0.3 from six words and 0.5 below asks about 131 and 2.3% of the answers.
UNSURE_FROM = 0.3
UNSURE_FROM_SHORT = 0.5
UNSURE_LONG_WORDS = 6
SETTINGS = f"threshold={THRESHOLD}"


class Row(NamedTuple):
    question: str
    label: str
    text: str


def read_rows(path: Path) -> list[Row]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        question, label, text = line.split("\t", 2)
        rows.append(Row(question, label, text))
    return rows


def training_files() -> list[Path]:
    return sorted(TRAINING_DIR.glob("*.tsv"))


def features(question: str, text: str) -> str:
    return f"qq{question} {normalise(text or '')}"


def question_words(document: str) -> list[str]:
    """The message's words, word pairs and length, each tied to its question: the same words
    answer one question and not another ("volgende week" at step_when, not at qualities)."""
    question, _, text = document.partition(" ")
    words = text.split()
    pairs = [f"{a}_{b}" for a, b in zip(words, words[1:])]
    return [f"{question}|{w}" for w in [*words, *pairs, f"#len{min(len(words), 8)}"]]


def _pipeline(solver: str = "lbfgs") -> Pipeline:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline, make_union

    return make_pipeline(
        make_union(
            TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True),
            TfidfVectorizer(
                analyzer="word", ngram_range=(1, 2), token_pattern=r"[^ ]+", sublinear_tf=True
            ),
            TfidfVectorizer(analyzer=question_words, sublinear_tf=True),
        ),
        LogisticRegression(C=3.0, max_iter=2000, class_weight="balanced", solver=solver),
    )


class AnswerModel:
    """Whether a message answers its question (binary), and which non-answer it is likeliest."""

    def __init__(self, rows: list[Row]) -> None:
        texts = [features(row.question, row.text) for row in rows]
        self._binary = _pipeline("liblinear").fit(texts, [int(row.label != ANSWER) for row in rows])
        kinds = [(text, row.label) for text, row in zip(texts, rows) if row.label != ANSWER]
        self._kind = _pipeline().fit([t for t, _ in kinds], [k for _, k in kinds])

    def non_answer(self, question: str, text: str) -> tuple[float, str]:
        """The probability that ``text`` is no answer to ``question``, and the likeliest kind."""
        x = [features(question, text)]
        probability = float(self._binary.predict_proba(x)[0][1])
        return probability, str(self._kind.predict(x)[0])


def _fit_all() -> AnswerModel:
    return AnswerModel([row for path in training_files() for row in read_rows(path)])


_lock = threading.Lock()
_model: AnswerModel | None = None


def model() -> AnswerModel:
    global _model
    with _lock:
        if _model is None:
            key = model_cache.cache_key([*training_files(), Path(__file__), NORMALIZE], SETTINGS)
            _model = model_cache.load_or_fit("answer_model", key, AnswerModel, _fit_all)
        return _model


def warm() -> None:
    """Fit the model now, so that the first student does not wait for it."""
    model()
