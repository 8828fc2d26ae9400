"""Rule 5, depth by meaning: what a small story still lacks before its trigger is clear.

A story is concrete when we know who was there, what was said or done, what the student
did, and what they felt. Each follow-up asks for one missing piece, in that order, so the
bot never just says "tell me more". Cues are cheap word lists on top of the lemmas.
"""

from __future__ import annotations

import re

from bot.nlp.emotion_words import CURSES, EMOTION_WORDS
from bot.nlp.pipeline import load
from bot.nlp.second_person import is_past_form

DETAILS = ("who", "said", "did", "felt")

PEOPLE = {
    "docent",
    "leraar",
    "lerares",
    "juf",
    "meester",
    "mentor",
    "coach",
    "begeleider",
    "praktijkbegeleider",
    "stagebegeleider",
    "baas",
    "chef",
    "manager",
    "leidinggevende",
    "collega",
    "klant",
    "klanten",
    "patiënt",
    "patiënten",
    "cliënt",
    "cliënten",
    "bewoner",
    "bewoners",
    "kind",
    "kinderen",
    "leerling",
    "leerlingen",
    "vriend",
    "vriendin",
    "vrienden",
    "moeder",
    "vader",
    "ouders",
    "mama",
    "papa",
    "broer",
    "zus",
    "opa",
    "oma",
    "team",
    "klas",
    "klasgenoot",
    "klasgenoten",
    "groepje",
    "groep",
    "trainer",
    "teamgenoot",
    "teamgenoten",
    "iemand",
    "iedereen",
    "mensen",
    "medestudent",
    "medestudenten",
    "studenten",
    "gast",
    "gasten",
    "jongen",
    "meisje",
    "man",
    "vrouw",
    "publiek",
    "jury",
    "examinator",
    "werkgever",
    "monteur",
    "kok",
    "kapper",
    "leidster",
    "verpleegkundige",
    "arts",
    "dokter",
    "juffrouw",
    "meneer",
    "mevrouw",
    "kindje",
    "jongetje",
}
_PERSON_PRONOUNS = {"hij", "zij", "hem", "haar", "jullie", "wij", "we", "ze", "die"}
_SPEECH = {
    "zeggen",
    "zei",
    "zeiden",
    "vragen",
    "vroeg",
    "vroegen",
    "roepen",
    "riep",
    "antwoorden",
    "antwoordde",
    "vertellen",
    "vertelde",
    "schreef",
    "appte",
    "appen",
    "mailde",
    "belde",
    "schreeuwde",
    "reageerde",
    "reageren",
    "noemde",
    "legde",
    "uitleggen",
    "gezegd",
    "gevraagd",
}
_FEELING_VERBS = {"voelde", "voel", "voelen", "vond", "vind", "schrok", "baalde", "balen", "genoot"}
_FUNCTION_WORDS = {
    "en",
    "maar",
    "dat",
    "toen",
    "ook",
    "niet",
    "nog",
    "echt",
    "wel",
    "heel",
    "zo",
    "er",
    "het",
    "de",
    "een",
    "want",
    "omdat",
    "als",
    "of",
    "dus",
    "die",
    "wat",
    "waar",
    "nu",
    "gewoon",
    "zelf",
    "te",
    "me",
    "mij",
    "erg",
    "best",
    "super",
}
_NOT_ACTS = {
    "was",
    "ben",
    "is",
    "had",
    "vond",
    "vind",
    "voelde",
    "voel",
    "dacht",
    "denk",
    "wist",
    "weet",
    "moest",
    "wilde",
    "zou",
    "kon",
    "kan",
    "mocht",
    "werd",
    "word",
}


_AUXILIARIES = {"ben", "heb", "had", "was"}


def _acted_after(following_words: list[str]) -> bool:
    """A past participle or "gaan" soon after an auxiliary: the student did something."""
    for word in following_words:
        if word in ("gaan", "gegaan") or (
            len(word) > 5 and "ge" in word[:5] and word not in EMOTION_WORDS
        ):
            return True
    return False


def _their_words(following: list[str]) -> list[str]:
    """The words after someone named that can hold their act: two, or up to five over an
    "en" ("wilde niet en gooide"), up to the student's own words or a sentence's end."""
    window: list[str] = []
    for word in following[:5]:
        if word in ("ik", "k", ".", "!", "?", ","):
            break
        window.append(word)
    return window if "en" in window else window[:2]


def missing_details(text: str) -> list[str]:
    """The details (of ``DETAILS``) the story in ``text`` does not hold yet, in asking order."""
    doc = load()(text or "")
    lower = [t.text.lower() for t in doc]
    lemmas = [(t.lemma_ or t.text).lower() for t in doc]
    found = set()
    for i, (word, lemma) in enumerate(zip(lower, lemmas)):
        if word in PEOPLE or lemma in PEOPLE or word in _PERSON_PRONOUNS:
            found.add("who")
        elif (
            doc[i].text[:1].isupper()
            and i > 0
            and doc[i - 1].text not in ".!?"
            and doc[i].is_alpha
            and word not in ("ik", "ok")
        ):
            found.add("who")  # a name inside a sentence
        if word in _SPEECH or lemma in _SPEECH:
            found.add("said")
        if (word in PEOPLE or lemma in PEOPLE or word in ("hij", "zij", "ze")) and any(
            is_past_form(after) and after not in _NOT_ACTS for after in _their_words(lower[i + 1 :])
        ):
            # Someone did something: "mn begeleider liet zien hoe het moest", "hij wilde
            # niet en gooide zn bord op de grond".
            found.add("said")
        if word in EMOTION_WORDS or lemma in EMOTION_WORDS or word in _FEELING_VERBS:
            found.add("felt")
        # "ik <verb>" or "<verb> ik": the student did something (not only was or felt).
        if word == "ik":
            following = lower[i + 1] if i + 1 < len(lower) and doc[i + 1].is_alpha else ""
            preceding = lower[i - 1] if i > 0 and doc[i - 1].is_alpha else ""
            if following and following not in _NOT_ACTS | _FUNCTION_WORDS | _FEELING_VERBS:
                found.add("did")
            elif following in _AUXILIARIES and _acted_after(lower[i + 2 : i + 6]):
                found.add(
                    "did"
                )  # "ik ben toen weggelopen", "ik heb het opgelost", "ik ben gaan praten"
            elif preceding and preceding not in _NOT_ACTS | _FUNCTION_WORDS | _FEELING_VERBS:
                found.add("did")  # inversion: "toen belde ik"
    if re.search(r"[\"“”'‘’].{3,}[\"“”'‘’]", text or ""):
        found.add("said")
    if (
        "said" in found
        and "did" not in found
        and re.search(r"\bik\s+zei\b|\bzei\s+ik\b", (text or "").lower())
    ):
        found.add("did")
    return [detail for detail in DETAILS if detail not in found]


# A thought or feeling of the moment just told, sent after it: "ik dacht ik kan dit niet".
_LATE_DETAIL = re.compile(
    r"^(?:en\s+|toen\s+|nou\s+)?(?:ik|k)\s+(?:dacht|voelde|werd|schrok|baalde|schaamde|twijfelde)\b"
)
# What the student did then, told late: "ik heb gezegd dat het niet erg was", "toen zei ik
# sorry"; a late act points back at the moment ("het", "hem", "ze").
_LATE_ACT = re.compile(
    r"^(?:en\s+|toen\s+|nou\s+)?(?:(?:ik|k)\s+(?:heb|had)\s+(?:toen\s+|gewoon\s+|maar\s+)?(?:gezegd|gevraagd)|"
    r"(?:ik|k)\s+(?:zei|vroeg|bleef|pakte|haalde|hielp)|(?:zei|vroeg|bleef|pakte|haalde|hielp)\s+ik)\b"
)
_POINTS_BACK = re.compile(r"\b(?:het|t|hem|hij|ze|zij|haar|die|daar|ermee|erover)\b")
# What makes it another moment: "ik was ook een keer zenuwachtig bij mn rijexamen".
_ANOTHER_TIME_WORDS = (
    r"ook|keer|eerder|vroeger|vorig\w*|laatst|ander\w*|jaar|toen\s+ik|basisschool|middelbare|"
    r"stage|school|werk|thuis"
)
_ANOTHER_TIME = re.compile(rf"\b(?:{_ANOTHER_TIME_WORDS})\b")
LATE_DETAIL_MAX_WORDS = 15
# Words around a feeling said alone: "blij eigenlijk", "echt heel trots".
_AROUND_A_FEELING = {
    "eigenlijk",
    "wel",
    "best",
    "echt",
    "heel",
    "erg",
    "super",
    "ook",
    "vooral",
    "gewoon",
}


def feeling_alone(text: str) -> str | None:
    """The feeling of "blij eigenlijk", "echt heel trots": one emotion word and nothing but
    words around it; None otherwise (a curse is no feeling to say back)."""
    words: list[str] = re.findall(r"[a-zà-ÿ]+", (text or "").lower())
    feelings = [w for w in words if w in EMOTION_WORDS and w not in CURSES]
    if len(feelings) != 1 or any(w not in _AROUND_A_FEELING for w in words if w != feelings[0]):
        return None
    return feelings[0]


def late_detail(text: str) -> bool:
    """A short thought, feeling or act of the moment told before, where another moment is
    asked ("ik dacht ik kan dit niet", "blij eigenlijk", "ik heb gezegd dat het niet erg
    was"): a detail told late, not a new moment, and not "I don't know"."""
    lowered = (text or "").lower().strip()
    if feeling_alone(lowered):
        return True  # "blij eigenlijk": how the moment felt
    told = bool(_LATE_DETAIL.match(lowered)) or bool(
        _LATE_ACT.match(lowered) and _POINTS_BACK.search(lowered)
    )
    return (
        len(lowered.split()) <= LATE_DETAIL_MAX_WORDS and told and not _ANOTHER_TIME.search(lowered)
    )


# What places a moment at another time or place: "ja op school", "vorig jaar", "bij mn oma".
_ELSEWHERE_OR_ANOTHER_TIME = re.compile(
    rf"^(?:ja|jaa|yes)\b|\b(?:{_ANOTHER_TIME_WORDS}|toen|bij|op|in|tijdens|week|maand|zomer|winter|"
    r"gisteren|vandaag|sport|training|voetbal|club|vakantie)\b"
)
# Who belongs to the setting of the moment just told: a colleague, the boss, "hij". Family and
# friends most often come with a moment of their own ("mn opa was ziek en ik ...").
_PEOPLE_OF_THE_SETTING = re.compile(
    r"^(?:en\s+|toen\s+)?(?:hij|zij|ze|die|(?:mijn|mn|m'n|de|die|een)\s+(?:collega\w*|baas|chef|"
    r"leidinggevende|manager|begeleider|stagebegeleider|praktijkbegeleider|docent|leraar|lerares|juf|"
    r"meester|mentor|klant\w*|klasgeno\w+|teamleider|werkbegeleider|cliënt\w*|client\w*|bewoner\w*|"
    r"patiënt\w*|patient\w*))\s+\w+"
)
SAME_MOMENT_MAX_WORDS = 20


def may_be_the_same_moment(text: str) -> bool:
    """Whether a story told where another moment is asked may go on with the moment told
    before ("mn collega hielp me opruimen en zei dat het iedereen gebeurt"): someone of that
    setting acts in the past, and nothing places it at another time or place. The bot asks
    then, as a coach would, instead of taking a detail for a second moment."""
    lowered = (text or "").lower().strip()
    words = lowered.split()
    return (
        4 <= len(words) <= SAME_MOMENT_MAX_WORDS
        and bool(_PEOPLE_OF_THE_SETTING.match(lowered))
        and any(is_past_form(word.strip(",.!?")) for word in words[1:5])
        and not _ELSEWHERE_OR_ANOTHER_TIME.search(lowered)
    )


SAME, OTHER = "same", "other"


def which_moment(reply: str) -> str | None:
    """The reply to "does this go on with your first moment, or is it another one?": ``SAME``,
    ``OTHER``, or None when it says neither (a new try at the question)."""
    lowered = (reply or "").lower().strip()
    if re.search(r"\b(?:ander\w*|nieuw\w*|tweede|another|different)\b", lowered):
        return OTHER
    if re.search(r"\b(?:zelfde|hetzelfde|eerste|same|first)\b", lowered):
        return SAME
    if len(lowered.split()) <= 4:
        if re.match(r"^(?:ja+|jep|jup|yes|klopt|zeker|idd|inderdaad)\b", lowered):
            return SAME
        if re.match(r"^(?:nee+|nope|no|neu+h?)\b", lowered):
            return OTHER
    return None
