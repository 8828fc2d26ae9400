"""Rule family 1 of the coach-line classifier (sentence.py): why-questions, also in disguise
("Wat was de aanleiding ...", "Hoe komt het dat ...", "Vanwaar ...") and "waarom" mistyped."""

from __future__ import annotations

WHY_PATTERNS = [
    r"\bhoe ?zo+\b",
    r"\bhoe dat zo\b",
    r"^(en )?omdat\s*\?",
    r"\bvanwaar\b",
    r"\b(om|met|uit) (welke|wat voor) reden(en)?\b",
    r"\b(wat|welke|welk)\b[^.?!]*\b(reden(en)?|aanleiding|beweegreden(en)?|motivatie|motief|drijfveer|drijfveren|oorzaak|doorslag)\b",
    r"\b(reden(en)?|aanleiding|oorzaak|doorslag)\b[^.!]*\?",
    r"\bhoe (komt|kwam) (het|dat|dit)\b",
    r"\bhoe (kan|kon) (het|dat|dit)( toch| nou| dan| eigenlijk)?( dat\b|\s*[?,]|\s*$)",
    r"\bhoe (kom|kwam) (je|jij) (erbij|daarbij|daarop|erop|op het idee)\b",
    r"\bwaar (komt|kwam) (het|dat|dit|die|deze)( \w+)?( dan| toch| nou| eigenlijk)? (door|vandaan)\b",
    r"\bwaar (ligt|lag) (het|dat|dit)( dan| toch| nou| eigenlijk)? aan\b",
    r"^(\w+ )?waardoor\b",
    r"\bwaardoor (kwam|komt|vind|vond|ben|was|heb|had|besloot|ging|deed)\b",
    r"\bwat maakt(e)? (het |dat |dit )?(dat|zo|nou|dan)\b",
    r"\bwat maakt(e)? (je|jou|jullie|hem|haar) (zo|nou|toen|dan)\b",
    r"\bwat maakt(e)? het (dat|zo)\b",
    r"\bwat (zorgde|zorgt|zorgden) (er ?voor|daarvoor) dat\b",
    r"\bwat (bracht|brengt|zette|zet|heeft|bewoog|beweegt|dreef|drijft|motiveerde|motiveert|bezielde|bezielt)\b[^.?!]*\b(ertoe|er toe|daartoe|tot die|tot dat)\b",
    r"\bwat (bewoog|beweegt|heeft) (je|jou) (bewogen|bewoog)\b|\bwat (bewoog|beweegt) (je|jou)\b",
    r"\b(welke|wat (zijn|waren)( je| jouw)?) overweging(en)?\b",
    r"\b(weerhoudt|weerhield|weerhouden|tegenhield|tegengehouden)\b[^.!]*\?",
    r"\bwaar\b[^.?!]*\bdoor (komen|komt|kwam|gekomen)\b",
    r"\bhoe (is|was) het (zo ?ver|zover|zo) gekomen\b",
    r"\bwaar (baseer|baseerde) (je|jij)\b",
    r"\bwat maakt(e)? ([\w'-]+ ){1,4}zo \w+",
    r"\bwat (deed|heeft|doet)\b[^.?!]*\b(besluiten|beslissen)\b",
    r"\bmag ik vragen waarom\b",
    r"\bwat (je|jou|jij) (er ?toe|daartoe|ertoe) (bracht|bewoog|zette|dreef)\b",
    r"\bwat (motiveerde|motiveert|drijft|dreef|bezielde|bezielt) (je|jou)\b",
    r"\bwat (heeft|deed|doet) (je|jou) (doen )?(besluiten|beslissen|kiezen|stoppen|twijfelen)\b",
    r"\bwat heeft (je|jou) doen \w+",
    r"\bwat (veroorzaakte|veroorzaakt)\b",
    r"\bwat (zit|zat) (er|daar)( nou| dan| eigenlijk| toch)? ?achter\b",
    r"\bwat (is|was) (de|je|jouw) gedachte (er|daar)? ?achter\b",
    r"\bhoe (verklaar|verklaarde) (je|jij)\b",
    r"\b(kun|kan|zou) (je|jij) (dat |het )?(verklaren|uitleggen hoe het komt)\b",
    r"\bverklaren\b[^.!]*\?",
    r"\bwaar (doe|deed) (je|jij) (het|dat|dit)( allemaal| eigenlijk| dan)? voor\b",
    r"\bwaarvoor (doe|deed) (je|jij)\b",
    r"\bwaarvoor (heb|had) (je|jij) (dat|dit|het) (gedaan|gekozen)\b",
    r"\bmet welk doel\b",
    r"\bwat wil(de)? (je|jij) (daar|hier|er)mee bereiken\b",
]


def _edit_distance_at_most_one(a: str, b: str) -> bool:
    """True when a and b differ by at most one insertion, deletion or substitution."""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = j = edits = 0
    while i < len(a) and j < len(b):
        if a[i] == b[j]:
            i += 1
            j += 1
            continue
        edits += 1
        if edits > 1:
            return False
        if len(a) == len(b):
            i += 1
        j += 1
    return edits + (len(b) - j) <= 1


# Real words one typo away from "waarom": a coach typing these did not mean "why".
_NOT_WAAROM = {"waarop", "waarin", "waaruit", "waarbij", "waarna", "waaronder", "warmt", "waaron"}


def is_waarom_token(tok: str) -> bool:
    if tok in {"waarom", "wrm", "wrom", "waarm", "waaromm", "waaroom", "waroom"}:
        return True
    return (
        len(tok) >= 5
        and tok not in _NOT_WAAROM
        and tok.startswith("wa")
        and _edit_distance_at_most_one(tok, "waarom")
    )
