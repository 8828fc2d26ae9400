"""The hand-written rules of the coach-line classifier: the order and the question forms
(sentence.py) and the families for why-questions (why.py), advice (advice.py) and the forms of
filling in (filling.py), with word-level helpers (words.py)."""

from bot.practice.classifier.rules.sentence import classify_sentence

__all__ = ["classify_sentence"]
