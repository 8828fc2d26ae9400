"""Rule family 5 of the coach-line classifier (sentence.py): filling in (NIVEA), a label, diagnosis,
quality or interpretation the coach supplies ("Jij bent vast iemand die ...", "Dat heet
perfectionisme", "Dat klinkt als faalangst")."""

from __future__ import annotations

import re

from bot.practice.classifier.lexicon import (
    EMOTION_WORDS,
    EXCLAMATIVE_REFLECT,
    FILLER_INTERPRETING,
    INTERPRETING_ADVERBS,
)
from bot.practice.classifier.rules.words import is_label_word, is_quality_word, strip_particles

INVULLEN_STRONG = [
    r"\b(zou|kan|is) (dat|dit|het) (niet )?(je|jouw) (kernwoord|motief|drijfveer|kwaliteit|kracht|talent|valkuil)\b",
    r"\b(woord|term) [\w'-]+ past\b",
    r"\bpast (daar |dat |dit )?(goed |echt |precies )?bij (jou|je)\b",
    r"\b(je|jij) bedoel(t|de)\b",
    r"^bedoel (je|jij)\b",
    r"\bwat (je|jij) eigenlijk (zegt|bedoelt|wilt)\b",
    r"\b(jouw|je|het) (kernwoord|kernwaarde|waarde|motief|drijfveer|drijfveren|kwaliteit|kwaliteiten|talent|kern|kracht|valkuil|ding|sterke kant|zwakte)\b[^?]*\b(is|was|wordt|zou|lijkt|zijn)\b",
    r"\b(dat|dit|het) is (echt |dus |toch |gewoon )?(jouw|je) (kracht|kwaliteit|talent|valkuil|ding|drijfveer|motief|kernwoord)\b",
    r"\b(ik|je|jij|we) (zou|zouden) (dat|dit|het) [^?]*\bnoemen\b",
    r"\b(dat|dit) (noem|noemt|noemen|heet|heten) ",
    r"\b(noem|noemen|heet) (ik|je|jij|we|ze|ze dat|wij) (dat|dit|het)\b",
    r"\b(dat|dit|het) (is|was|lijkt|klinkt als) (een )?(vorm van|soort|klassiek|typisch|echt typisch|typisch geval)\b",
    r"\b(kan|zou) het (misschien )?(kunnen|zijn)( zijn)? dat\b",
    r"\bis het (misschien|soms) (zo )?(dat|omdat)\b",
    r"\bniet (gewoon|eigenlijk|stiekem|toch gewoon)\b[^.!]*\?",
    r"^(dat|dit|het) is (dus |toch |eigenlijk |gewoon |gewoon een |toch gewoon |dus eigenlijk )+\w",
    r"\bzegt (wel |toch |veel |echt )?iets over (je|jou|jouw)\b",
    r"\b(je|jij) bent (dus |echt |eigenlijk |gewoon |toch |wel |vast |zeker |duidelijk |heel |zo )*(een|iemand|zo'n|het type|typisch|echt zo'n|een echte)\b",
    r"\bben (je|jij) (dus |echt |eigenlijk |gewoon |toch |wel )*(een|iemand|zo'n|het type)\b",
    r"\b(jij|je) (bent|was) (echt |duidelijk |gewoon )?(zo'n|het) type\b",
    r"^eigenlijk (zeg|bedoel|wil|ben|vind|voel|was|had|zoek|wil) (je|jij)\b",
    r"\bhet gaat (je|jou) (dus |eigenlijk |gewoon |vooral |echt )*om\b",
    r"\bgaat het (je|jou) (eigenlijk|misschien|niet|vooral|dus) (\w+ )?om\b",
    r"\b(zit|zat) er (niet )?(gewoon |eigenlijk |misschien )?\w+ achter\b",
    r"\b(daaronder|daarachter|eronder) (zit|zat)\b",
    r"\b(jij|je) (wilt|wil|zoekt|zocht|wilde) (vooral|eigenlijk|gewoon|stiekem|diep van binnen)\b",
    r"\bgeef (het|dat) (nou |maar |gewoon )*toe\b",
    r"\b(misschien|waarschijnlijk) (heb|ben) (je|jij) (wel )?(last van )?\w+",
    r"\bdat (komt|kwam) (door|doordat|omdat|vast door|gewoon door) (je|jouw)\b",
    r"\b(je|jij) (bent|was) te \w+ om\b",
    r"\bdat past (goed )?bij (een|iemand|jou als)\b",
    r"\b(zou|kun|kan) (je|jij) (jezelf|dat) (een|als)\b",
]
INVULLEN_WEAK = [
    r"\bvolgens mij\b",
    r"^ik (heb|krijg) (sterk )?(het idee|het gevoel|de indruk) dat (je|jij|het jou|het je)\b",
    r"^ik denk (dat|eigenlijk dat) (je|jij|jouw|het jou|het je)\b",
    r"\b(denk|vermoed|gok) ik\b",
    r"^ik (vermoed|gok|geloof) (dat|eigenlijk)\b",
    r"\bik hoor (eigenlijk|vooral|toch|wel|veel)? ?(\w+ )?(in|bij) (jou|je)\b",
]


def sounds_like_label(toks: list[str]) -> bool:
    """'Dat klinkt als (een echte) doorzetter / naar perfectionisme': the coach names a quality."""
    for i in range(len(toks) - 2):
        if toks[i] == "klinkt" and toks[i + 1] in ("als", "naar"):
            rest = [
                t
                for t in toks[i + 2 : i + 6]
                if t not in {"een", "echte", "echt", "iemand", "die", "heel", "veel", "flinke"}
            ]
            return bool(rest) and is_quality_word(rest[0])
    return False


# "Je bent gestopt", "je bent klaar": a state or an act, not a trait.
STATE_WORD = re.compile(
    r"^(\w*ge\w+(d|t|n)|be\w+(d|t)|ver\w+(d|t|en)|klaar|er|weg|thuis|ziek|alleen|op|terug|bezig|"
    r"aan|aan het|daar|hier|nu|er nog|niet|wel|de|het|een)$"
)


def interprets(toks: list[str]) -> bool:
    """An interpreting adverb with a feeling or quality: 'je was eigenlijk bang', 'gewoon lui'."""
    labels = [i for i, t in enumerate(toks) if is_label_word(t)]
    if not labels:
        return False
    if any(t in INTERPRETING_ADVERBS for t in toks):
        return True
    return any(toks[j] in FILLER_INTERPRETING for i in labels for j in range(max(0, i - 3), i))


def names_a_label(toks: list[str]) -> str | None:
    """'Dat is schaamte.', 'Leiderschap dus.': the coach puts a name on it."""
    core = strip_particles(toks)
    if (
        len(core) >= 3
        and core[0] in ("dat", "dit", "het", "die")
        and core[1] in ("is", "was", "heet", "lijkt")
    ):
        rest = [
            t
            for t in core[2:5]
            if t not in {"een", "echt", "gewoon", "dus", "toch", "pure", "puur", "wel", "op"}
        ]
        after = (
            core[core.index(rest[0]) + 1] if rest and core.index(rest[0]) + 1 < len(core) else ""
        )
        if (
            rest
            and rest[0] not in EXCLAMATIVE_REFLECT
            and (is_quality_word(rest[0]) or rest[0] in EMOTION_WORDS)
            and len(core) <= 10
            and after not in ("om", "als", "te", "voor", "van")
            and not (after == "dat" and " ".join(core).find(rest[0] + " dat je") >= 0)
        ):
            return "dat-is-label"
    return None
