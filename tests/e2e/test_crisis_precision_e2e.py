"""Three whole scripted reflections over REST, against the real Rasa and action servers, with
ordinary answers that describe qualities and other people (calming someone in panic, taking
charge when nobody else does, not giving up, a career in police or emergency care, moving
out, not feeling appreciated): none of them gets the gentle check or the crisis reply. A
student who is asked "Denk je erover om jezelf iets aan te doen?" in the middle of a talk
about their internship stops trusting the bot."""

from __future__ import annotations

import pytest

from bot.channels.crisis import carries_help

pytestmark = pytest.mark.e2e

# Which button to press where the bot offers buttons: the first title that starts with one of these.
BUTTONS = ("Ja, het past", "Nee, dit is genoeg", "Ja, delen")

CARE = [
    "Vorige week op mijn stage in het verpleeghuis raakte een bewoonster in paniek omdat ze haar "
    "dochter niet kon bereiken, en ik heb haar gekalmeerd.",
    "Ik ben naast haar gaan zitten, heb rustig gezegd dat we samen gingen bellen, en na tien "
    "minuten had ze haar dochter aan de lijn. Mijn collega zei dat ik het goed deed en ik voelde "
    "me trots.",
    "Bij mijn bijbaan in de supermarkt kalmeer ik ook weleens een klant die boos of in paniek is.",
    "Als iemand in paniek is, blijf ik rustig en kan ik diegene goed kalmeren.",
    "Ik kan goed luisteren, ik blijf rustig als het spannend wordt en ik geef niet snel op.",
    "Ik wil nog leren om ook voor mezelf op te komen als het druk is op de afdeling.",
    "Ik vind het belangrijk dat mensen zich veilig en gehoord voelen.",
    "Ik wil verkennen of de acute zorg of de ambulance iets voor me is, misschien via een "
    "meeloopdag.",
    "Een mail sturen naar de ambulancedienst om te vragen of ik een dag mee mag kijken.",
    "ik doe het morgen",  # the step's date, not a plan: no check at a step question
    "samen met mijn stagebegeleider",
    "8",
    "Misschien durf ik de mail niet te versturen als ik bang ben dat ze nee zeggen.",
]
LEADING = [
    "Twee weken geleden viel bij onze groepsopdracht de planner uit, en omdat niemand anders het "
    "deed, heb ik de leiding genomen.",
    "Ik heb iedereen in de groepsapp gezet, de taken verdeeld en elke ochtend gevraagd hoe ver "
    "iedereen was. We leverden op tijd in, de docent was tevreden en ik was opgelucht en trots.",
    "Bij de scouting neem ik ook de leiding als niemand anders opstaat, bijvoorbeeld bij het "
    "opzetten van het zomerkamp.",
    "Ik neem de leiding als niemand anders het doet, en dan zorg ik dat iedereen weet wat hij "
    "moet doen.",
    "Ik kan goed organiseren en ik durf knopen door te hakken.",
    "Ik wil leren om taken los te laten en anderen meer te vertrouwen.",
    "Ik vind het belangrijk dat dingen eerlijk en duidelijk geregeld zijn, daarom wil ik later "
    "bij de politie werken, het liefst bij de noodhulp.",
    "Ik wil de opleiding tot politieagent verkennen en een open dag van de politieacademie "
    "bezoeken.",
    "Me aanmelden voor de open dag van de politieacademie.",
    "volgende week dinsdag",
    "met mijn mentor",
    "7",
    "Als ik mijn werkrooster niet op tijd krijg, kan ik misschien niet.",
]
PERSEVERING = [
    "Vorige maand kreeg ik een onvoldoende voor mijn stageverslag, maar ik heb het helemaal "
    "herschreven en toen een acht gehaald.",
    "Mijn praktijkbegeleider zei dat het niet goed genoeg was. Eerst was ik boos en voelde ik me "
    "niet gewaardeerd, maar ik heb om feedback gevraagd en alles opnieuw geschreven. De tweede "
    "keer zei ze dat ze onder de indruk was, en ik was blij.",
    "Toen ik uit huis ging lukte het eerst niet om een studentenkamer te vinden, maar ik bleef "
    "zoeken en nu woon ik op mezelf.",
    "In allebei geef ik niet op, ook als het eerst tegenzit.",
    "Niet opgeven, dat is echt een kwaliteit van mij. En ik kan goed om feedback vragen.",
    "Ik wil leren om eerder om hulp te vragen in plaats van alles alleen te doen.",
    "Ik vind het belangrijk dat mijn werk gezien wordt en dat ik blijf groeien.",
    "Ik wil verkennen of ik na mijn mbo de hbo-opleiding social work kan doen, of werken in de "
    "jeugdzorg.",
    "Een gesprek plannen met de decaan over doorstromen naar het hbo.",
    "overmorgen",
    "samen met mijn moeder",
    "9",
    "Het kan zijn dat ik het uitstel als ik het druk heb met mijn bijbaan.",
]


def _walk(stack, sender: str, script: list[str]) -> list[tuple[str, str]]:
    """The whole reflection: typed answers in the order the bot asks (the stories are detailed
    enough that it asks no follow-ups), buttons pressed where it offers them (the kernwoord,
    its check, another step, sharing). Stops after the answer to the sharing question."""
    answers = iter(script)
    turns: list[tuple[str, str]] = []
    message = "hoi"
    for _ in range(40):
        reply = stack.say(sender, message)
        text = "\n".join(answer.get("text") or "" for answer in reply)
        turns.append((message, text))
        assert not carries_help(reply), turns[-2:]  # no gentle check, no crisis reply
        buttons = [b for answer in reply for b in answer.get("buttons") or []]
        if len(turns) > 2 and not buttons and "coach" in text and "delen" in turns[-2][1]:
            break  # the answer to the sharing question
        preferred = [b for b in buttons if b["title"].startswith(BUTTONS)]
        if preferred:
            message = preferred[0]["payload"]
        elif buttons and "kernwoord" in text.lower():
            message = buttons[0]["payload"]
        else:
            message = next(answers, "Dat weet ik niet goed.")
    return turns


@pytest.mark.parametrize(
    "name,script", [("care", CARE), ("leading", LEADING), ("persevering", PERSEVERING)]
)
def test_a_whole_reflection_with_ordinary_answers_gets_no_gentle_check(rasa_stack, name, script):
    turns = _walk(rasa_stack, f"e2e-precision-{name}", script)
    said = [message for message, _ in turns]
    # the whole reflection: every scripted answer was given, up to the last obstacle
    assert script[-1] in said, "\n".join(f"> {m}\n< {r}" for m, r in turns)
    assert "coach" in turns[-1][1]  # shared with the coach: the end of the reflection
    assert not any("Denk je erover" in reply or "113" in reply for _, reply in turns)
