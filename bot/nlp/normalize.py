"""One normalisation for everything that must read what a student means, not how it is typed.

The crisis check (``bot.nlp.crisis``) reads every message through ``normalise`` so that crisis
words written with invisible characters (zero-width space, soft hyphen), full-width or
look-alike letters, stretched letters ("dooooood") or chat spelling ("k wil nie meer") are
still seen. Every step is a linear pass over the text, so any length is safe; nothing is cut.
"""

from __future__ import annotations

import re
import unicodedata

# Invisible characters that can split a word without showing: zero-width space/non-joiner/
# joiner, word joiner, byte-order mark, soft hyphen, Mongolian vowel separator, LRM/RLM marks.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e\u200e\u200f"), None)

# Cyrillic and Greek letters that look like Latin ones (after lower-casing).
_LOOKALIKES = str.maketrans(
    {
        "а": "a",
        "в": "b",
        "е": "e",
        "ё": "e",
        "к": "k",
        "м": "m",
        "н": "h",
        "о": "o",
        "р": "p",
        "с": "c",
        "т": "t",
        "у": "y",
        "х": "x",
        "і": "i",
        "ї": "i",
        "ј": "j",
        "ѕ": "s",
        "ԁ": "d",
        "ɡ": "g",
        "ᴅ": "d",
        "α": "a",
        "ε": "e",
        "ι": "i",
        "κ": "k",
        "ν": "v",
        "ο": "o",
        "ρ": "p",
        "τ": "t",
        "υ": "u",
        "χ": "x",
        "ω": "w",
        "ß": "ss",
        "\u2018": "'",
        "\u2019": "'",
        "\u201b": "'",
        "`": "'",
        "´": "'",
        "\u02bc": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
    }
)

# Digits used as letters inside a word ("z3lfm00rd"), only between letters so "ik ben 15" stays.
_LEET = {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "9": "g", "@": "a", "$": "s"}
_LEET_RE = re.compile(r"(?<=[a-z])[0134579@$]+(?=[a-z])")

# A letter typed three or more times.
_STRETCH_RE = re.compile(r"([a-z])\1{2,}")
# Words that a stretched run should fold to a single letter ("wiiil", "niiiet", "hellup").
_SINGLE = {
    "ik",
    "wil",
    "niet",
    "nie",
    "niks",
    "mij",
    "mijn",
    "me",
    "mezelf",
    "help",
    "hulp",
    "pijn",
    "kan",
    "ben",
    "heb",
    "zin",
    "alles",
    "niemand",
    "meer",
    "leven",
    "dit",
    "echt",
    "egt",
    "stop",
    "weg",
    "zelf",
    "ga",
    "nu",
    "please",
    "pls",
    "plz",
    "hier",
    "kapot",
    "bang",
    "slaat",
    "eten",
    "slapen",
}

# Chat spelling, applied word by word on the lower-cased text.
_CHAT = [
    (
        r"\bk(?=(?:wil|ben|heb|ga|kan|zou|denk|weet|moet|mag|zit|sta|voel|word|hoop|zie|hou|doe|snap|vind)\b)",
        "ik ",
    ),
    (r"(?<![\w'])'?k\b(?!')", "ik"),
    (r"\bikke\b", "ik"),
    (r"\b(?:egt|echd|eggt|ech)\b", "echt"),
    (r"\bnie\b|\bnit\b|\bnt\b|\bnietr\b", "niet"),
    (r"\b(?:m'n|mn|m'ne|mijne)\b", "mijn"),
    (r"\b(?:z'n|zn)\b", "zijn"),
    (r"\b(?:d'r|dr)\b", "er"),
    (r"(?<![\w'])'?t\b(?![-'])", "het"),
    (r"\b(?:gwn|gewn|gwoon|gewoonn)\b", "gewoon"),
    (r"\b(?:mss|miss|misch)\b", "misschien"),
    (r"\b(?:vnv|vanavont|vannavond)\b", "vanavond"),
    (r"\b(?:vnacht|vannach)\b", "vannacht"),
    (r"\b(?:iedereen|iedereeen|ieder1)\b", "iedereen"),
    (r"\b(?:niemnd|niemant|nimand)\b", "niemand"),
    (r"\b(?:ng)\b", "nog"),
    (r"\b(?:tog)\b", "toch"),
    (r"\b(?:ff)\b", "even"),
    (r"\b(?:idk|ik weet het niet|ik weet t niet)\b", "ik weet niet"),
    (r"\b(?:w8)\b", "wacht"),
    (r"\b(?:iets|ies)\b", "iets"),
    (r"\b(?:mezelf|mzelf|mezelve|meself|mijzelf|me\s+zelf)\b", "mezelf"),
    (
        r"\b(?:zelfmoor|zelfmord|zelfmoort|zelfmord|zelfmoordt|zelfmood|zelmoord|zelfmooord)\b",
        "zelfmoord",
    ),
    (r"\b(?:suicide|suïcide|suisaide|suicied|suicde)\b", "zelfmoord"),
    (r"\b(?:dod|doodd|dooed)\b", "dood"),
    (r"\b(?:doot)\b", "dood"),
    (r"\b(?:wll|wl)\b", "wil"),
    (r"\b(?:meeer|mer)\b", "meer"),
    (r"\b(?:lven|leve)\b", "leven"),
    (r"\b(?:paniek aanval|paniekaanvall|paniek-aanval)\b", "paniekaanval"),
    (r"\b(?:wrm|wrom)\b", "waarom"),
    (r"\b(?:nx|nks)\b", "niks"),
    (r"\b(?:ouders|ouder's)\b", "ouders"),
    (r"\b(?:pilletjes|pillies|pils)\b", "pillen"),
]
_CHAT_RE = [(re.compile(pattern), replacement) for pattern, replacement in _CHAT]
_SPACES_RE = re.compile(r"\s+")


def _fold_stretch(match_word: str) -> str:
    one = _STRETCH_RE.sub(r"\1", match_word)
    return one if one in _SINGLE else _STRETCH_RE.sub(r"\1\1", match_word)


_WORD_RE = re.compile(r"[a-z]+")


def _strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def normalise(text: str) -> str:
    """NFKC, zero-width chars (U+200B-U+200D, U+2060, U+FEFF) and soft hyphens removed, full-width
    folded, look-alike letters folded where cheap, lower-cased, letters repeated 3+ times reduced,
    chat spelling (k -> ik, egt -> echt, nie -> niet, mn/m'n -> mijn, wil nie meer ...) handled.
    Safe on any length."""
    if not text:
        return ""
    text = unicodedata.normalize("NFKC", text).translate(_INVISIBLE)  # NFKC folds full-width
    text = text.lower().translate(_LOOKALIKES)
    text = _strip_accents(text)  # "níet", "beëindigen", "suïcide" read as plain letters
    text = _LEET_RE.sub(lambda m: "".join(_LEET.get(c, c) for c in m.group(0)), text)
    if _STRETCH_RE.search(text):
        text = _WORD_RE.sub(
            lambda m: _fold_stretch(m.group(0)) if _STRETCH_RE.search(m.group(0)) else m.group(0),
            text,
        )
    text = _SPACES_RE.sub(" ", text).strip()
    for pattern, replacement in _CHAT_RE:
        text = pattern.sub(replacement, text)
    return _SPACES_RE.sub(" ", text).strip()
