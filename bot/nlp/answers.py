"""Small judgements about a student's answer: is it a "weet ik niet", a yes or a no,
English, emoji only, or too thin to go on? Kept apart from Rasa so they are easy to test.
"""
from __future__ import annotations

import re
import unicodedata
from typing import List, Optional


_DONT_KNOW = re.compile(
    r"^\s*(?:uh+m*\s*,?\s*|pff+\s*,?\s*|tja+\s*,?\s*|hmm+\s*,?\s*)?"
    r"(?:i\s*d\s*k|idk|ik\s+weet\s+(?:het|t|'t)?\s*(?:echt\s+|eigenlijk\s+|ook\s+)?(?:niet|nie|nii)|"
    r"weet\s+(?:ik\s+)?(?:het\s+|t\s+)?(?:echt\s+|eigenlijk\s+|ook\s+)?(?:niet|nie|nii)|geen\s+(?:flauw\s+)?idee|"
    r"ik\s+zou\s+het\s+niet\s+weten|geen\s+flauw\s+benul|ik\s+kan\s+(?:niks|niets)\s+bedenken|"
    r"no\s+idea|i\s+don'?t\s+know|dunno|geen\s+antwoord|niks|niets|nvt|n\.v\.t\.?)"
    r"\s*(?:hoor|eigenlijk|echt|zo|ofzo|sorry)?\s*[.!?\s]*$",
    re.IGNORECASE,
)

_YES = {"ja", "jep", "jaa", "jazeker", "yes", "ok", "oke", "oké", "okee", "prima", "goed", "is goed",
        "mag", "dat mag", "zeker", "ja hoor", "ja graag", "graag", "deel maar", "ja, deel maar",
        "ja, dat mag", "akkoord", "yep", "yup", "sure", "ja graag nog een", "ja, nog een stap"}
_NO = {"nee", "neen", "nope", "nah", "no", "liever niet", "niet delen", "nee dank je", "nee bedankt",
       "nee, niet delen", "nee hoor", "nee, dit was het", "nee, klaar", "klaar", "dit was het", "nee dankje"}

_ENGLISH_WORDS = {
    "the", "is", "are", "you", "i", "my", "me", "what", "how", "do", "don't", "dont", "can", "this",
    "that", "it", "and", "to", "a", "of", "in", "for", "with", "not", "speak", "english", "hello",
    "hi", "please", "have", "was", "were", "your", "am", "we", "they", "there", "about", "would",
    "want", "like", "know", "help", "yes", "no", "just", "really", "because", "when", "where",
    "who", "which", "could", "should", "will", "be", "been", "it's", "i'm", "im", "thanks",
}
# Words both languages use, so they count for neither.
_SHARED_WORDS = {"is", "in", "we", "hi", "help", "me", "was", "have", "ok", "yes", "no", "chill", "top"}


def is_dont_know(text: str) -> bool:
    return bool(_DONT_KNOW.match(text or ""))


def _key(text: str) -> str:
    return re.sub(r"[!.?\s]+$", "", (text or "").strip().lower())


def yes_or_no(text: str) -> Optional[bool]:
    """True for a yes, False for a no, None when the answer is neither."""
    key = _key(text)
    if key in _YES or re.match(r"^(?:ja|jep|yes|ok|oke|prima|zeker)\b", key):
        return True
    if key in _NO or re.match(r"^(?:nee|nope|nah|liever niet|niet)\b", key):
        return False
    return None


def words(text: str) -> List[str]:
    return re.findall(r"[a-zà-ÿ']+", (text or "").lower())


def looks_english(text: str) -> bool:
    """Most words are English function words and the message is not a Dutch sentence."""
    tokens = words(text)
    if len(tokens) < 3:
        return False
    english = sum(1 for t in tokens if t in _ENGLISH_WORDS and t not in _SHARED_WORDS)
    return english / len(tokens) >= 0.4


def is_emoji_only(text: str) -> bool:
    """Something was sent, but no letters or digits: emoji, stickers as text, punctuation."""
    stripped = (text or "").strip()
    if not stripped:
        return False
    return not any(unicodedata.category(ch)[0] in ("L", "N") for ch in stripped)


def is_thin(text: str, minimum_words: int = 3) -> bool:
    """Too little to go on for a question that asks for a story. Counts all words: Dutch
    stop lists are long ("moest", "geven", "hele"), so content words undercount stories."""
    return len(words(text)) < minimum_words
