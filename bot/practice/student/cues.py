"""What a coach line is about: the topic cues shared by the simulated student and the report.

The classifier says what kind of act a line is (open question, advice, ...); these cues say which
step of the conversation it aims at (an experience, what happened, other situations, ...). Both the
student and the report must read a line the same way, hence one module.
"""

from __future__ import annotations

import re

from bot.nlp.emotion_words import EMOTION_WORDS

# Order matters only for readability; a line may carry several cues.
CUE_PATTERNS = {
    # Rule 2: invite a concrete, recent experience.
    "experience": [
        r"\b(ervaring|moment|situatie|voorval)\b",
        r"\bvertel (eens|maar|es)\b",
        r"\bmeegemaakt\b",
        r"\bbijgebleven\b",
        r"\b(afgelopen|vorige|laatste) (tijd|week|weken|maand|periode)\b",
        r"\b(laatst|onlangs|recent)\b",
        r"\bwat (is er|heb je) (gebeurd|beleefd|meegemaakt)\b",
        r"\bneem (me|mij) (eens )?mee\b",
        r"\b(mooiste|leukste|lastigste|moeilijkste) (moment|dag|keer)\b",
        r"\bwaar (ben|was) je (trots|blij|boos|van geschrokken)\b",
    ],
    # Rule 5: ask what exactly happened.
    "details": [
        r"\bprecies\b",
        r"\bwat gebeurde\b",
        r"\bwat (deed|zei|zeiden|dacht) (je|jij|hij|zij|ze)\b",
        r"\bhoe ging (dat|het)\b",
        r"\ben (toen|daarna)\b",
        r"\bwat (gebeurde|deed je) (er )?(toen|daarna)\b",
        r"\bwie (was|waren|zat|deed)\b",
        r"\bhoe reageerde\b",
        r"\bwat ging er (mis|goed)\b",
        r"\bwat zag je\b",
        r"\bwaar was je\b",
        r"\bwat gebeurde er\b",
        r"\b(iets )?meer over( vertellen)?\b",
        r"\bhoe verliep\b",
    ],
    # Rule 6: broaden to other situations.
    "broaden": [
        r"\b(ken|herken) je (dat|dit|het)\b",
        r"\bandere (momenten|situaties|keren|plekken|dingen)\b",
        r"\bnog meer\b",
        r"\b(ergens|wel eens) anders\b",
        r"\bvaker\b",
        r"\bmeer (momenten|situaties)\b",
        r"\book (van|bij|thuis|op je werk|op school|in je)\b",
        r"\beerder (al )?(zo|meegemaakt)\b",
        r"\blijkt (daar|dat) op\b",
        r"\bwaar nog meer\b",
        r"\bandere keer\b",
        r"\blijken op\b",
        r"\b(gemeen|overeenkomst|hetzelfde)\b",
    ],
    # Capaciteitenreflectie: what the student is good at.
    "qualities": [
        r"\bgoed in\b",
        r"\bkwaliteit(en)?\b",
        r"\bsterke? kant",
        r"\btalent\b",
        r"\bwaar ben je goed\b",
        r"\bover jezelf geleerd\b",
        r"\bwat kun je\b",
        r"\bwat zegt dat over jou\b",
        r"\bwat lukte\b",
    ],
    # Motievenreflectie and rule 7: what matters, a word for it.
    "motive": [
        r"\bbelangrijk\b",
        r"\b(kern)?woord\b",
        r"\bwaar gaat het (jou|je) om\b",
        r"\bwat drijft\b",
        r"\bwat raakt\b",
        r"\bwat betekent\b",
        r"\bwat motiveert\b",
        r"\bwaar word je (blij|enthousiast)\b",
        r"\bde kern\b",
        r"\bwat maakt (het|dat)\b",
        r"\bwat vind je er (zo )?(mooi|fijn)\b",
        r"\bwat zoek je\b",
        r"\bwat wil je (echt|graag)\b",
        r"\bwaarvoor\b",
        r"\bin één woord\b",
    ],
    # Vooruitkijken: choices worth exploring.
    "future": [
        r"\btoekomst\b",
        r"\bvolgend (jaar|blok|semester)\b",
        r"\bkeuzes?\b",
        r"\bopties?\b",
        r"\bmogelijkheden\b",
        r"\brichting\b",
        r"\bvooruit\b",
        r"\bstraks\b",
        r"\bverkennen\b",
        r"\bwat (betekent|zegt) dat voor\b",
        r"\bmet dat woord\b",
        r"\bals je (dat|dit) meeneemt\b",
        r"\bwelke (kant|opleiding|stage|minor)\b",
        r"\bwat (zou|wil) je (het liefst|graag)\b",
    ],
    # Activeren: concrete next steps (what, when, with whom).
    "steps": [
        r"\bstap(pen|je)?\b",
        r"\bgaan? doen\b",
        r"\bga je doen\b",
        r"\bwanneer (ga|wil|kun)\b",
        r"\bkomende (week|dagen|tijd)\b",
        r"\bmorgen\b",
        r"\bactie\b",
        r"\bconcreet\b",
        r"\bwie kan (je|jou) (daarbij )?helpen\b",
        r"\bmet wie\b",
        r"\bals eerste\b",
        r"\bplan\b",
        r"\buitproberen\b",
        r"\bafspreken\b",
        r"\bvoor volgende week\b",
    ],
    # Rule 4: the coach gives attention to a feeling.
    "feeling": [
        r"\bklinkt\b",
        r"\bvoelde?\b",
        r"\bgevoel\b",
        r"\bbaalde\b",
        r"\braakte\b",
        r"\bmerk ik\b",
        r"\bzo te horen\b",
        r"\b(trots|blij|bang|boos|spannend|zenuwachtig|vervelend|naar|rot|"
        r"heftig|schrok|geschrokken|opgelucht|teleurgesteld|verdrietig|onzeker|stom|dom|moe)\b",
    ],
}

_COMPILED = {cue: [re.compile(p) for p in pats] for cue, pats in CUE_PATTERNS.items()}


def cues(text: str) -> frozenset[str]:
    """Return the set of topic cues in a coach line."""
    norm = re.sub(r"\s+", " ", (text or "").lower().replace("\u2019", "'"))
    return frozenset(cue for cue, pats in _COMPILED.items() if any(p.search(norm) for p in pats))


# Emotion words a student may use; the report checks whether the coach picked them up (rule 3).
# The shared lexicon, plus chat words the simulated students use for how something felt.
STUDENT_EMOTION_WORDS = set(EMOTION_WORDS) | {
    "heftig",
    "schrok",
    "geschrokken",
    "stom",
    "dom",
    "kapot",
    "raar",
    "gek",
    "shit",
    "schaam",
}


def emotion_words_in(text: str) -> list:
    words = re.findall(r"[a-zà-ÿ']+", (text or "").lower())
    return [w for w in words if w in STUDENT_EMOTION_WORDS]
