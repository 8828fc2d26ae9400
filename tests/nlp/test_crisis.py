import pytest

from bot.nlp.crisis import signals_crisis


@pytest.mark.parametrize(
    "text",
    [
        "ik wil dood",
        "k wil er niet meer zijn",
        "Ik zie het echt niet meer zitten",
        "soms denk ik aan zelfmoord",
        "iedereen is beter af zonder mij",
        "ik wil mezelf iets aandoen",
        "ik snij mezelf als het te veel wordt",
        "mijn vader slaat me als hij dronken is",
        "ik word thuis geslagen",
        "ik ben aangerand op een feest",
        "ik durf niet naar huis",
        "ik heb een paniekaanval nu",
        "ik kan niet meer.",
        "ik wil niet meer leven eigenlijk",
        "ik wil mn leven beëindigen",
    ],
)
def test_crisis_expressions_are_recognised(text):
    assert signals_crisis(text), text


@pytest.mark.parametrize(
    "text",
    [
        "ik ging dood van het lachen",
        "deze toets is echt mijn dood",
        "ik schaam me dood",
        "ik verveel me dood in de les",
        "ik schrok me dood toen de klant begon te schreeuwen",
        "ik was doodmoe na mijn stage",
        "ik kan niet meer naar die les vanwege mijn rooster",
        "ik kan hem wel vermoorden als hij weer te laat is",
        "mijn stage bij de kinderopvang was heel leuk",
        "",
    ],
)
def test_hyperbole_and_ordinary_text_are_not_crisis(text):
    assert not signals_crisis(text), text


def test_crisis_detection_on_the_held_out_set():
    """crisis_heldout_2.tsv was written by someone who saw neither the lexicon nor the
    training examples. The first detector measured recall 0.72, false alarms 0.15 on it. It is now
    development data (the rules were widened on it): now recall 1.00, false
    alarms 0.00, which says nothing about new messages; the figures of the later sets are in
    test_crisis_seen.py and docs/crisis.md."""
    from pathlib import Path

    rows = [
        line.split("\t", 1)
        for line in (Path(__file__).parent / "crisis_heldout_2.tsv").read_text().splitlines()
        if line.strip()
    ]
    crisis = [signals_crisis(text) for label, text in rows if label == "crisis"]
    other = [signals_crisis(text) for label, text in rows if label != "crisis"]
    assert len(crisis) >= 50 and len(other) >= 50
    assert sum(crisis) / len(crisis) >= 0.95
    assert sum(other) / len(other) <= 0.05
