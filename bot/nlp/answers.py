"""Small judgements about a student's answer: is it a "weet ik niet", a yes or a no,
English, emoji only, or too thin to go on? Kept apart from Rasa so they are easy to test.
"""

from __future__ import annotations

import re
import unicodedata

_DONT_KNOW = re.compile(
    r"^\s*(?:uh+m*\s*,?\s*|pff+\s*,?\s*|tja+\s*,?\s*|hmm+\s*,?\s*)?"
    r"(?:i\s*d\s*k|idk|k?wee+(?:t|d)?\s*(?:nie|niet|nii)|kwe+nie|ik\s+weet\s+(?:het|t|'t)?\s*(?:echt\s+|eigenlijk\s+|ook\s+)?(?:niet|nie|nii)|"
    r"weet\s+(?:ik\s+)?(?:het\s+|t\s+)?(?:echt\s+|eigenlijk\s+|ook\s+)?(?:niet|nie|nii)|geen\s+(?:flauw\s+)?idee|"
    r"ik\s+zou\s+het\s+niet\s+weten|geen\s+flauw\s+benul|ik\s+kan\s+(?:niks|niets)\s+bedenken|"
    r"no\s+idea|i\s+don'?t\s+know|dunno|geen\s+antwoord|niks|niets|nvt|n\.v\.t\.?)"
    r"\s*(?:hoor|eigenlijk|echt|zo|ofzo|sorry)?\s*[.!?\s]*$",
    re.IGNORECASE,
)

_YES = {
    "ja",
    "jep",
    "jaa",
    "jazeker",
    "yes",
    "ok",
    "oke",
    "oké",
    "okee",
    "prima",
    "goed",
    "is goed",
    "mag",
    "dat mag",
    "zeker",
    "ja hoor",
    "jahoor",
    "ja graag",
    "graag",
    "deel maar",
    "ja, deel maar",
    "ja, dat mag",
    "akkoord",
    "yep",
    "yup",
    "sure",
    "ja graag nog een",
    "ja, nog een stap",
    "jup",
    "jawel",
    "jaaa",
    "yeah",
    "yea",
    "ya",
    "yes please",
    "sure why not",
    "yes one more",
    "of course",
}
_NO = {
    "nee",
    "neen",
    "nope",
    "nah",
    "no",
    "liever niet",
    "niet delen",
    "nee dank je",
    "nee bedankt",
    "nee, niet delen",
    "nee hoor",
    "nee, dit was het",
    "nee, klaar",
    "klaar",
    "dit was het",
    "nee dankje",
    "misschien later",
    "nu niet",
    "misschien later, nu niet",
    "later misschien",
    "niet nu",
    "no thanks",
    "no this is fine",
    "no thats fine",
    "no that's fine",
    "no im good",
    "no i'm good",
    "no thank you",
    "nah that's it",
    "nah thats it",
    "that's it",
    "thats it",
    "not now",
}

_ENGLISH_WORDS = {
    "the",
    "is",
    "are",
    "you",
    "i",
    "my",
    "me",
    "what",
    "how",
    "do",
    "don't",
    "dont",
    "can",
    "this",
    "that",
    "it",
    "and",
    "to",
    "a",
    "of",
    "in",
    "for",
    "with",
    "not",
    "speak",
    "english",
    "hello",
    "hi",
    "please",
    "have",
    "was",
    "were",
    "your",
    "am",
    "we",
    "they",
    "there",
    "about",
    "would",
    "want",
    "like",
    "know",
    "help",
    "yes",
    "no",
    "just",
    "really",
    "because",
    "when",
    "where",
    "who",
    "which",
    "could",
    "should",
    "will",
    "be",
    "been",
    "it's",
    "i'm",
    "im",
    "thanks",
}
# Words both languages use, so they count for neither.
_SHARED_WORDS = {
    "is",
    "in",
    "we",
    "hi",
    "help",
    "me",
    "was",
    "have",
    "ok",
    "yes",
    "no",
    "chill",
    "top",
}


def is_dont_know(text: str) -> bool:
    return bool(_DONT_KNOW.match(text or ""))


def _key(text: str) -> str:
    return re.sub(r"[!.?\s]+$", "", (text or "").strip().lower())


def yes_or_no(text: str) -> bool | None:
    """True for a yes, False for a no, None when the answer is neither."""
    key = re.sub(r"^mwa+h?[\s,]+(?=\w)", "", _key(text))  # "mwa nee": a hesitant no is a no
    hedged = re.match(r"^(?:ik\s+)?denk\s+(?:het|t|'t|van|ik)\s+(wel|niet|nie)$", key)
    if hedged:
        return hedged.group(1) == "wel"  # "denk het wel", "ik denk van niet"
    if re.match(
        r"^(?:doe\s+maar\s+(?:niet|nee)|sws\s+niet|zeker\s+niet|echt\s+niet|neu+h*|nee+h?|neu|ne|"
        r"klopt\s+(?:niet|nie)|laat\s+maar|hoeft\s+(?:niet|nie)|is\s+genoeg|genoeg\s+zo)\b",
        key,
    ):
        return False
    if key in _YES or re.match(
        r"^(?:(?:wel\s+)?ja+|welja|jep+|jup+|yep|yup|yes|ok|oke|prima|zeker|jawel|doe\s+maar|sws|klopt|idd|inderdaad)\b",
        key,
    ):
        return True
    if key in _NO or re.match(
        r"^(?:nee+|nope|nah|nein|liever niet|niet|misschien later|(?:nu|nou)\s+(?:even\s+|ff\s+)?niet)\b",
        key,
    ):
        return False
    return None


# "nee past nog steeds", "zelfstandig past nog": a yes to "klopt het woord nog?", whatever
# opens it.
_STILL_FITS = re.compile(
    r"^(?:(?:nee+|nah|nope|neu+h?)[\s,]+|[\w'-]+\s+)?(?:het\s+|dat\s+|die\s+|hij\s+)?past\s+"
    r"(?:nog\s+steeds|nog\s+wel|nog\s+altijd|nog|wel|prima|goed|echt|zeker|helemaal)\b(?!.*\bniet\b)"
)


def word_still_fits(text: str) -> bool | None:
    """The answer to "does the word fit?": ``yes_or_no``, except that "nee past nog steeds"
    (no, it still fits) and "zelfstandig past nog" are a yes."""
    if _STILL_FITS.match(_key(text)):
        return True
    return yes_or_no(text)


# Words that show a yes is about sharing with the coach.
_ABOUT_SHARING = re.compile(
    r"\b(?:deel|delen|gedeeld|coach|mentor|slb\w*|dat\s+mag|mag\s+(?:het|hij|zij|ze|die|dat)|lezen|akkoord)\b"
)


def consent_answer(text: str) -> bool | None:
    """The answer to "may I share this with your coach?": every no is a no, but a yes only
    when it is meant for that question: a short yes ("ja", "ja hoor, deel maar") or one that
    speaks of sharing. "ja het is gelukt, ik heb de meeloopdag aangevraagd" is about something
    else and gives no consent."""
    answer = yes_or_no(text)
    if answer is not True:
        return answer
    if len(words(text)) <= 4 or _ABOUT_SHARING.search(_key(text)):
        return True
    return None


def words(text: str) -> list[str]:
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


# ---- answers the reflection treats specially ---------------------------------

_BARE_NO = re.compile(
    r"^\s*(?:nee+|neen|neuh|nah|nope|no|niet|geen|nee\s+hoor|nee\s+niet\s+echt|niet\s+echt|"
    r"nee\s+eigenlijk\s+niet|weet\s+niet)\s*[.!?\s]*$",
    re.IGNORECASE,
)
_SKIP = re.compile(
    r"^\s*(?:overslaan|sla\s+(?:deze\s+|die\s+)?(?:vraag\s+)?(?:maar\s+)?over|skip|"
    r"volgende\s+vraag|door\s+naar\s+de\s+volgende)\s*[.!?\s]*$",
    re.IGNORECASE,
)
_NO_HELPER = re.compile(
    r"^\s*(?:niemand|niemand\s+eigenlijk|geen|geen\s+idee|weet\s+ik\s+(?:niet|nie)|"
    r"ik\s+weet\s+(?:het\s+)?niet|nee|nee\s+niemand|alleen|ik\s+alleen|ikzelf|mezelf|"
    r"gewoon\s+alleen|niemand\s+nodig|niks|niets|nee\s+hoor|nobody|no\s*one|zelf|(?:dat\s+)?doe\s+ik\s+(?:het\s+)?zelf|"
    r"ik\s+doe\s+(?:het|dat)\s+zelf)\s*[.!?\s]*$",
    re.IGNORECASE,
)
_VAGUE_STEP = re.compile(
    r"^\s*(?:ik\s+(?:ga|wil|moet)\s+)?(?:gewoon\s+)?(?:(?:meer\s+|beter\s+)?mijn\s+best\s+doen|"
    r"harder\s+werken|beter\s+(?:opletten|mijn\s+best\s+doen|plannen|leren)|"
    r"meer\s+(?:leren|doen|moeite\s+doen)|beter\s+worden|positief\s+blijven|"
    r"doorzetten|erin\s+blijven\s+geloven|het\s+proberen)\s*[.!?\s]*$",
    re.IGNORECASE,
)
# Dutch number words, one to twelve (also read by bot/nlp/dates.py: "over drie weken").
NUMBER_WORDS = {
    "een": 1,
    "één": 1,
    "twee": 2,
    "drie": 3,
    "vier": 4,
    "vijf": 5,
    "zes": 6,
    "zeven": 7,
    "acht": 8,
    "negen": 9,
    "tien": 10,
    "elf": 11,
    "twaalf": 12,
}

# How a step went, from the student's words or the follow-up buttons ("Het is gelukt").
_STEP_DROPPED = re.compile(
    r"\b(?:hoeft\s+niet\s+meer|niet\s+meer\s+nodig|wil\s+ik\s+niet\s+meer|laat\s+maar|"
    r"geschrapt|ga\s+ik\s+niet\s+(?:meer\s+)?doen|niet\s+meer\s+(?:aan|van\s+toepassing))\b",
    re.I,
)
_STEP_CHANGED = re.compile(
    r"\b(?:anders\s+(?:gedaan|gelopen|gegaan|aangepakt)|half|deels|gedeeltelijk|"
    r"een\s+beetje|beetje\s+gelukt|aangepast|ander\s+plan)\b",
    re.I,
)
_STEP_NOT_YET = re.compile(
    r"\b(?:nog\s+niet|niet\s+gelukt|niet\s+gedaan|lukte\s+(?:niet|nog\s+niet)|"
    r"is\s+er\s+niet\s+van\s+gekomen|kwam\s+er\s+niet\s+(?:aan\s+|van\s+)?(?:toe)?|vergeten|"
    r"(?:niet|nie|ni)\s+(?:gegaan|geweest|gedaan|gemaild|gebeld|gestuurd|gevraagd|gekomen|gehaald|"
    r"begonnen|naartoe|aan\s+toegekomen)|(?:was|ben|werd)\s+(?:\w+\s+)?ziek|geen\s+tijd\s+(?:gehad|voor)|(?:had|hadden)\s+(?:\w+\s+)?geen\s+tijd|"
    r"(?:didn'?t|didnt|did\s+not|haven'?t|havent)\s+(?:do|done|get\s+to)\s+it|not\s+yet|forgot)\b",
    re.I,
)
# "goed!", "top": asked how the step went, a bare "it went well" says it was done.
_WENT_WELL = re.compile(
    r"^\s*(?:echt\s+|heel\s+|erg\s+|best\s+|super\s+)?(?:goed|top|super|prima|geweldig|supergoed)"
    r"(?:\s+gegaan)?[\s!.]*$",
    re.I,
)


def went_well(text: str) -> bool:
    return bool(_WENT_WELL.match(text or ""))


_STEP_DONE = re.compile(
    r"\b(?:gelukt|gedaan|heb\s+ik\s+gedaan|ging\s+goed|is\s+gelukt|klaar|gelukt!?|lukte\s+(?:het\s+)?wel|"
    r"ging\s+(?:prima|top|super|best\s+goed)|(?:ben|was)\s+(?:er\s+|wel\s+|toch\s+|gewoon\s+)*(?:gegaan|geweest)|"
    r"heb\s+(?:het|hem|ze|die|de\s+\w+|een\s+\w+|mijn\s+\w+|mn\s+\w+)?\s*(?:gemaild|gebeld|gestuurd|gevraagd|bezocht|"
    r"bekeken|gekeken|gelezen|opgezocht|geregeld|gesproken|ingevuld)|"
    r"(?:is|zijn)\s+af|verstuurd|opgestuurd|ingeleverd|aangevraagd|ingeschreven|aangemeld|gesolliciteerd)\b|^\s*ja\b",
    re.I,
)


def is_not_an_answer(text: str) -> bool:
    """A "weet ik niet", a bare "nee" or "geen": never stored as an answer to a story question."""
    return is_dont_know(text) or bool(_BARE_NO.match(text or ""))


def is_skip(text: str) -> bool:
    return bool(_SKIP.match(text or ""))


def is_no_helper(text: str) -> bool:
    """ "Niemand", "geen idee": not a helper's name."""
    return bool(_NO_HELPER.match(text or ""))


_NO_DATE = re.compile(
    r"^\s*(?:nog\s+)?geen\s+(?:datum|dag)(?:\s+(?:nog|voor\s+nu))?|"
    r"^\s*(?:weet\s+(?:ik\s+)?)?nog\s+geen\s+datum|^\s*later\s+(?:pas\s+)?(?:bepalen|kiezen)|"
    r"^\s*zonder\s+datum",
    re.IGNORECASE,
)


def is_no_date(text: str) -> bool:
    """ "Nog geen datum" (typed or the button): the step is kept without a date."""
    return bool(_NO_DATE.match(text or ""))


def is_vague_step(text: str) -> bool:
    """A good intention rather than a step one can do on a day ("mijn best doen")."""
    return bool(_VAGUE_STEP.match(text or ""))


# The scale in English number words ("eight", "like a seven").
ENGLISH_NUMBERS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
}


def scale_1_to_10(text: str) -> int | None:
    """A number from 1 to 10 in digits, Dutch or English words, or None."""
    lowered = (text or "").lower()
    match = re.search(r"\b(10|[1-9])(?:[.,]5)?\b", lowered)
    if match:
        return int(match.group(1))
    diminutive = re.search(r"\b(twee|drie|vier|vijf|zes|zeven|acht|negen|tien)t?je\b", lowered)
    if diminutive:  # "een zesje", "vijfje"
        return NUMBER_WORDS[diminutive.group(1)]
    for word in re.findall(r"[a-zé]+", lowered):
        if word != "een" and NUMBER_WORDS.get(word, 99) <= 10:
            return NUMBER_WORDS[word]
        if word in ENGLISH_NUMBERS and not re.search(r"\bno\s+one\b", lowered):
            return ENGLISH_NUMBERS[word]
    return None


def step_outcome(text: str) -> str | None:
    """What an answer about a step means for its status: "gedaan", "bijgesteld",
    "vervallen", "open" (not yet), or None when it does not say."""
    lowered = (text or "").lower()
    if _STEP_DROPPED.search(lowered):
        return "vervallen"
    if _STEP_CHANGED.search(lowered):
        return "bijgesteld"
    if _STEP_NOT_YET.search(lowered):
        return "open"
    if _STEP_DONE.search(lowered) or went_well(lowered):
        return "gedaan"
    return None


def _stems(text: str) -> set[str]:
    """Content-word stems (first five letters of words of four letters or more)."""
    return {word[:5] for word in words(text) if len(word) >= 4 and word not in _STEP_FILLERS}


_STEP_FILLERS = {
    "heel",
    "echt",
    "toen",
    "gewoon",
    "eigenlijk",
    "even",
    "maar",
    "gedaan",
    "gelukt",
    "vorige",
    "keer",
    "week",
    "deze",
    "over",
    "naar",
    "mijn",
    "niet",
    "nog",
    "ging",
    "goed",
    "heb",
    "hebben",
    "gaan",
    "ga",
    "wilde",
    "willen",
    "moest",
}
_ABOUT_THE_STEP = re.compile(
    r"\b(?:(?:mijn|die|de|m'n|mn)\s+stap|actie|actiepunt|wat\s+ik\s+(?:zou|wilde)\s+doen|"
    r"(?:het|dat)\s+is\s+(?:gelukt|niet\s+gelukt))\b",
    re.I,
)


def tells_about_step(text: str, step_what: str) -> bool:
    """Whether a message is about this planned step: it shares a content word with the step,
    or speaks of "mijn stap" / "het is gelukt"."""
    return bool(_stems(text) & _stems(step_what)) or bool(_ABOUT_THE_STEP.search(text or ""))


_PERFECT = re.compile(
    r"\b(?:heb|hebben|had|hadden|is|ben|zijn|was)\b(?:\s+\S+){0,6}?\s+(?:ge\w+(?:d|t|en)|\w+ge\w+(?:d|t|en))\b",
    re.I,
)
_NEGATED = re.compile(r"\b(?:niet|nog\s+niet|geen|nooit|niks|niets)\b", re.I)


def told_done(text: str) -> bool:
    """ "Ik heb de mail gestuurd": a perfect tense without a negation tells that it was done."""
    return bool(_PERFECT.search(text or "")) and not _NEGATED.search(text or "")


_CHECKIN = re.compile(
    r"^\s*(?:een\s+)?(?:kort(?:e)?\s+(?:gesprek|check-?in|versie)|(?:snelle\s+)?check-?in|kort|snel|"
    r"liever\s+kort)[\s.!]*$",
    re.I,
)
_FULL = re.compile(
    r"^\s*(?:de\s+)?(?:hele\s+(?:reflectie|gesprek|vragenlijst)|uitgebreid(?:e\s+(?:versie|reflectie))?|"
    r"(?:het\s+)?lange?\s+(?:gesprek|versie)|volledig(?:e\s+reflectie)?|alles|liever\s+uitgebreid)[\s.!]*$",
    re.I,
)


def cycle_choice(text: str) -> str | None:
    """ "kort gesprek" -> "checkin", "hele reflectie" -> "full", else None (quotes around the
    words, as the bot wrote them, are left out)."""
    text = (text or "").strip().strip("'\"‘’“”")
    if _CHECKIN.match(text):
        return "checkin"
    if _FULL.match(text):
        return "full"
    return None


# Where something happened, said alone: "stage", "bij de ah", "op mn werk", "at work".
_PLACE_WORDS = (
    r"(?:stage\w*|werk|school|bijbaan\w*|baan|job|work|internship|klas|les|thuis|home|training|"
    r"sport|voetbal|winkel|restaurant|ziekenhuis|kantoor|magazijn|keuken|kapsalon|opleiding|"
    r"verzorgingshuis|verpleeghuis|kinderopvang|garage|bouw|kassa)"
)
_PLACE = re.compile(
    r"^(?:(?:ik\s+|k\s+)?(?:(?:loop|doe|heb)\s+stage|werk)\s+(?:bij|in|op)\s+(?:\w+\s*){1,3}|"
    r"(?:op|bij|in|at|on)\s+(?:de|het|mn|mijn|m'?n|my|een|the|a)?\s*(?:\w+\s*){1,2}|"
    r"(?:mn|mijn|m'?n|my|de|het)?\s*" + _PLACE_WORDS + r")[\s.!]*$"
)


def names_a_place(text: str) -> bool:
    """Only where it happened, not yet what ("stage", "bij de ah", "ik loop stage bij een
    garage"): the start of a story."""
    return bool(_PLACE.match((text or "").lower().strip()))
