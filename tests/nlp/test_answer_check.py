"""The answer check (bot/nlp/answer_check.py): what counts as an answer to each question, and
which kind of non-answer a message is. Figures on the labelled sets are kept above floors."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import pytest

from bot.nlp import answer_model
from bot.nlp.answer_check import ANSWER, check_answer, kernwoord_of
from bot.nlp.answers import tells_about_step, told_done, yes_or_no
from bot.nlp.commands import is_explicit_command
from bot.nlp.dates import parse_dutch_date

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parents[1] / "scripts"))
from answer_eval import evaluate, read  # noqa: E402

TODAY = date(2026, 12, 7)  # a Monday


@pytest.mark.parametrize(
    ("name", "accuracy", "taken"),
    [
        # written by the developers while building
        # (0.964: "ok", "oké" were labelled fillers here; where words are asked they are
        # heard as agreeing now, as the later writers label them)
        ("dev.tsv", 0.96, 0),
        # the last three of six earlier blind sets, each read once, development data since
        # (measured, accuracy and taken: 0.970 and 0; 0.959 and 0; 0.947 and 3; the answers
        # the bot asks about, 4, 11 and 10, count as wrong)
        ("seen_4.tsv", 0.965, 0),
        ("seen_5.tsv", 0.95, 0),
        ("seen_6.tsv", 0.945, 3),
    ],
)
def test_each_training_file_judged_by_a_model_that_never_read_it(name, accuracy, taken):
    """Leave-one-file-out: the model is fitted on the other files, so these figures say what
    the rules and the model do on text the model has not read."""
    rows = [
        row
        for path in answer_model.training_files()
        if path.name != name
        for row in answer_model.read_rows(path)
    ]
    held_out = answer_model.TRAINING_DIR / name
    original = answer_model._model
    answer_model._model = answer_model.AnswerModel(rows)
    try:
        result = evaluate(read(held_out))
    finally:
        answer_model._model = original
    assert result["accuracy"] >= accuracy, result["misses"]
    assert result["non_answers_taken"] <= taken, result["misses"]


def test_the_blind_set_stays_where_it_was_read():
    """The twelfth blind set: read once with the check frozen (accuracy 0.935, answer vs
    non-answer 0.983, 7 of 280 non-answers taken, 2 answers turned down). The ninth to eleventh
    sets read before it (0.948 / 10 taken, 0.944 / 8, 0.938 / 13) train the model since. The
    goal (0.95, none taken) is met on none of them: the floor keeps what is."""
    result = evaluate(read(HERE / "answer_check_blind.tsv"))
    assert result["accuracy"] >= 0.934, result["misses"]  # 0.9346
    assert result["non_answers_taken"] <= 0, result["misses"]
    assert result["answers_refused"] <= 2, result["misses"]


# The later blind sets, each read once with the check frozen and kept since (never trained on):
# the floors its misses took it to, and its first read in the comment (accuracy / non-answers
# taken of 280 / answers turned down). The last column caps the answers the bot asks about
# ("is dit je antwoord?"), which count as wrong in the accuracy. Docs: docs/conversation.md,
# "Measured".
LATER_SETS = [
    ("answer_check_blind_13.tsv", 0.98, 0, 0, 2),  # first read 0.962 / 2 / 4
    ("answer_check_blind_14.tsv", 0.965, 2, 0, 7),  # 0.952 / 8 / 1
    ("answer_check_blind_15.tsv", 0.965, 0, 0, 5),  # 0.954 / 6 / 3
    ("answer_check_blind_16.tsv", 0.96, 1, 1, 7),  # 0.954 / 11 / 0
    ("answer_check_blind_17.tsv", 0.975, 0, 0, 3),  # 0.956 / 6 / 2
    ("answer_check_blind_18.tsv", 0.95, 0, 1, 5),  # 0.954 / 6 / 2
    ("answer_check_blind_19.tsv", 0.98, 0, 1, 4),  # 0.983 / 3 / 0
    ("answer_check_blind_20.tsv", 0.965, 0, 1, 4),  # 0.971 / 3 / 1
    # from here a new writer's prompt, with the hardest talk of something else; the answers
    # asked about ("is dit je antwoord?") at the first read are the fourth figure
    ("answer_check_blind_21.tsv", 0.95, 2, 1, 4),  # 0.942 / 5 / 1 / 4
    ("answer_check_blind_22.tsv", 0.945, 2, 2, 4),  # 0.931 / 8 / 2 / 4
    ("answer_check_blind_23.tsv", 0.96, 2, 4, 3),  # 0.937 / 4 / 4 / 3
    ("answer_check_blind_24.tsv", 0.96, 0, 1, 4),  # 0.937 / 3 / 1 / 4
    ("answer_check_blind_25.tsv", 0.955, 1, 1, 5),  # 0.950 / 4 / 1 / 5
    ("answer_check_blind_26.tsv", 0.96, 0, 0, 2),  # 0.960 / 1 / 0 / 2
    # a rewritten prompt: yes or no meant for another chat, a day for an appointment
    ("answer_check_blind_27.tsv", 0.92, 8, 2, 4),  # 0.899 / 21 / 3 / 4
    ("answer_check_blind_28.tsv", 0.945, 3, 1, 5),  # 0.931 / 12 / 2 / 5
    ("answer_check_blind_29.tsv", 0.935, 3, 4, 3),  # 0.934 / 6 / 4 / 3
    ("answer_check_blind_30.tsv", 0.95, 3, 2, 6),  # 0.941 / 8 / 2 / 6
    ("answer_check_blind_31.tsv", 0.955, 1, 0, 1),  # 0.952 / 3 / 0 / 1
    ("answer_check_blind_32.tsv", 0.935, 4, 2, 6),  # 0.933 / 6 / 2 / 6
    ("answer_check_blind_33.tsv", 0.94, 2, 4, 8),  # 0.923 / 4 / 6 / 8
    ("answer_check_blind_34.tsv", 0.97, 1, 1, 3),  # 0.950 / 3 / 4 / 3
    ("answer_check_blind_35.tsv", 0.94, 1, 1, 9),  # 0.938 / 1 / 3 / 9
    ("answer_check_blind_36.tsv", 0.95, 3, 1, 3),  # 0.940 / 6 / 1 / 3
    ("answer_check_blind_37.tsv", 0.965, 0, 0, 0),  # 0.948 / 6 / 2 / 1
    ("answer_check_blind_38.tsv", 0.97, 1, 0, 1),  # 0.956 / 3 / 3 / 1
    ("answer_check_blind_39.tsv", 0.955, 1, 1, 1),  # 0.945 / 4 / 4 / 2
    ("answer_check_blind_40.tsv", 0.96, 1, 0, 1),  # 0.950 / 3 / 0 / 5
    ("answer_check_blind_41.tsv", 0.95, 0, 0, 3),  # 0.951 / 2 / 0 / 3
    ("answer_check_blind_42.tsv", 0.965, 1, 0, 3),  # 0.965 / 1 / 2 / 3
    ("answer_check_blind_43.tsv", 0.945, 2, 1, 3),  # 0.942 / 3 / 4 / 3
    ("answer_check_blind_44.tsv", 0.965, 1, 0, 3),  # 0.956 / 5 / 3 / 3
    ("answer_check_blind_45.tsv", 0.95, 1, 0, 2),  # 0.937 / 5 / 4 / 2
    ("answer_check_blind_46.tsv", 0.955, 0, 0, 5),  # 0.954 / 1 / 1 / 5
    ("answer_check_blind_47.tsv", 0.95, 1, 1, 6),  # 0.948 / 4 / 1 / 6
    ("answer_check_blind_48.tsv", 0.965, 3, 0, 2),  # 0.963 / 5 / 0 / 2
]


@pytest.mark.parametrize(("name", "accuracy", "taken", "refused", "asked"), LATER_SETS)
def test_each_later_blind_set_stays_where_its_misses_took_it(name, accuracy, taken, refused, asked):
    result = evaluate(read(HERE / name))
    assert result["accuracy"] >= accuracy, result["misses"]
    assert result["non_answers_taken"] <= taken, result["misses"]
    assert result["answers_refused"] <= refused, result["misses"]
    assert result["answers_asked"] <= asked, result["misses"]


@pytest.mark.parametrize(
    ("question", "text", "kind"),
    [
        ("kernwoord", "dinsdag", "off_topic"),  # a weekday is never a kernwoord
        # a yes or a no that goes on about something else is meant for another chat
        ("kernwoord_check", "ja pap ik kom zo naar beneden", "off_topic"),
        ("more_steps", "ja ik kom er zo aan", "off_topic"),
        ("more_steps", "yes we finally won the game", "off_topic"),
        ("kernwoord_check", "ja past bij allebei want ik moest steeds rustig blijven", ANSWER),
        ("kernwoord_check", "nee ik zou eerder zeggen doorzetten", ANSWER),
        ("more_steps", "ja ik wil ook mn cv nog bijwerken", ANSWER),
        ("more_steps", "no this is fine", ANSWER),
        # a day named for an appointment of the student's own, or for someone else's news
        ("step_when", "donderdag heb ik de tandarts", "off_topic"),
        ("step_when", "saturday we have a party at my cousin's", "off_topic"),
        ("step_when", "next week my parents are going to spain", "off_topic"),
        ("step_when", "donderdag na de training", ANSWER),
        ("step_when", "nog geen datum", ANSWER),
        ("step_who", "jawel iemand", "yes_no"),  # someone, not yet named
        ("step_who", "ja natuurlijk", "yes_no"),
        # a work shift of the student's own is no date for the step; a day chosen after it is
        ("step_when", "zaterdag moet ik werken van 9 tot 5", "off_topic"),
        ("step_when", "zaterdag moet ik werken dus zondag", ANSWER),
        # how it went for someone close, where the student's step is asked about
        ("step_outcome", "mn vriendin had haar stap wel gedaan haha", "off_topic"),
        ("step_outcome", "het ging goed met mn broer zn operatie", "off_topic"),
        ("step_outcome", "mn moeder heeft geholpen en toen ging het prima", ANSWER),
        # refusals in other word orders; questions about the answer's form
        ("step_zin", "daar geef ik liever geen antwoord op", "refusal"),
        ("step_when", "wil ik niet vastleggen", "refusal"),
        ("step_obstacle", "dat hoef jij niet te weten", "refusal"),
        ("step_what", "hoe klein moet het zijn?", "explain"),
        ("step_what", "wat is een actiestap", "explain"),
        # "goed!" is how the step went; a busy school is what may get in the way
        ("step_outcome", "goed!", ANSWER),
        ("step_obstacle", "school is nu druk met toetsen", ANSWER),
        ("kernwoord_check", "jep dat is het", ANSWER),
        # where it happened, said alone, is the start of the story (the form asks what happened)
        ("experience", "stage", ANSWER),
        ("experience", "bij de ah", ANSWER),
        # a curse alone is a sigh; the student's own act told is the story, whatever it quotes
        ("what_happened", "kut", "filler"),
        ("kernwoord", "shit man", "filler"),
        ("what_happened", "ik zei sorry ik weet het niet en toen ging ze weg", ANSWER),
        # "dat ..." answers what the student finds important; a shift or a day off is no date
        ("motives", "hmm dat het werk zin heeft", ANSWER),
        ("step_when", "my shift got moved to sunday", "off_topic"),
        ("step_when", "dinsdag hebben we geen les want studiedag", "off_topic"),
        ("common_thread", "ik zie niks wat hetzelfde is, weet niet", "dont_know"),
        ("more_steps", "neuhh", ANSWER),
        ("step_zin", "wil geen cijfer geven", "refusal"),
        ("options", "ik wil kijken of bakker echt mijn ding is", ANSWER),
        ("motives", "nee dat wel", "yes_no"),
        ("step_who", "dat hoeft niemand te weten", "refusal"),
        ("qualities", "goed in zoals een vak of iets anders?", "explain"),
        # someone close's news where the student's own moment is asked; loss is never put aside
        ("other_situations", "mn nicht heeft ook een bijbaan bij de jumbo", "off_topic"),
        ("experience", "mn oma is vorige week overleden", ANSWER),
        ("experience", "mn zusje was jarig en ik heb de taart gebakken", ANSWER),
        ("step_when", "vanavond komt mn oom eten", "off_topic"),  # the verb before the news
        ("step_when", "maandag heb ik mijn tentamen", "off_topic"),
        ("step_when", "dinsdag na mijn tentamen", ANSWER),
        ("step_when", "speel jij ook voetbal in het weekend", "question_back"),
        ("to_learn", "nee dat hou ik voor mezelf", "refusal"),
        ("more_steps", "mwa nee", ANSWER),  # a hesitant no
        ("step_who", "als ik het vergeet", "off_topic"),  # an obstacle, no one who helps
        ("step_who", "als het moet mijn mentor", ANSWER),
        ("step_who", "no comment", "refusal"),
        ("step_when", "volgende week beginnen mijn examens", "off_topic"),
        ("step_when", "vrijdag begint de ramadan", "off_topic"),
        ("step_when", "in de kerstvakantie", ANSWER),
        ("step_zin", "I got a 7 on my english test", "off_topic"),  # a grade, no score
        ("kernwoord", "over twee weken", "off_topic"),  # nor is when
        ("kernwoord_check", "volgende week", "off_topic"),
        ("step_who", "hmm lastig", "filler"),  # thinking aloud
        ("step_outcome", "lastig", ANSWER),  # ... but asked how the step went, it is how
        ("other_situations", "bro wacht op mij bij de ingang", "off_topic"),  # for a friend
        ("step_when", "ben er om 8 he, neem jij de chips mee", "off_topic"),
        ("experience", "sorry verkeerde chat", "off_topic"),
        ("step_outcome", "half, ik heb gemaild maar naar de verkeerde persoon", ANSWER),
        ("qualities", "waar ben jij goed in dan", "question_back"),
        (
            "experience",
            "nee sorry ik wil hier niet aan meedoen, mn mentor zei dat het moest",
            "refusal",
        ),
        ("options", "ik wil stoppen met mijn opleiding", ANSWER),  # the choice itself
        ("options", "ik wil stoppen met school en gaan werken", ANSWER),
        ("other_situations", "ja ken ik wel", "yes_no"),  # the moment is still untold
        ("kernwoord_check", "lief, dankje", "thanks"),
        ("step_obstacle", "1 sec", "filler"),
        ("step_obstacle", "jaa idd", "yes_no"),  # agreeing, where an obstacle is asked
        ("more_steps", "idd", ANSWER),
        ("step_when", "weekend ga ik trouwens naar mn oma in belgië", "off_topic"),
        ("step_when", "trouwens ik doe het donderdag, dan is mn mentor er", ANSWER),
        ("step_when", "volgende week ga ik naar mn mentor", ANSWER),
        ("kernwoord", "lololol", "laughter"),
        ("step_who", "lolol", "laughter"),
        ("kernwoord", "kweetnie", "dont_know"),
        ("to_learn", "weetnie eigenlijk", "dont_know"),
        ("motives", "boeiend", "refusal"),  # said alone, it waves the question away
        ("motives", "boeiende mensen ontmoeten", ANSWER),
        ("common_thread", "boeit me niet", "refusal"),
        ("kernwoord", "whatever", "refusal"),
        ("step_zin", "wacht even ik denk na", "filler"),
        ("options", "dit slaat nergens op ik stop", "refusal"),
        ("step_zin", "it's 10 past 3 already", "off_topic"),  # a time, not a score
        ("step_zin", "kwart over 3", "off_topic"),
        ("step_zin", "7 van de 10", ANSWER),
        ("common_thread", "beide mn ouders werken in de zorg", "off_topic"),
        # a story of the student's own with how they felt: not asked about
        ("experience", "ik lag de hele week in bed met griep, balen want ik had er zin in", ANSWER),
        ("step_what", "ff wachten mn moeder roept", "off_topic"),  # away for a moment
        ("step_obstacle", "mn moeder vraagt of ik de afwas doe brb", "off_topic"),
        ("step_who", "jup ja", "yes_no"),
        ("more_steps", "jup ja", ANSWER),
        ("step_obstacle", "hou op met die vragen", "refusal"),
        ("step_what", "stop eens met al die vragen", "refusal"),
        ("qualities", "denk het wel", "yes_no"),
        ("more_steps", "denk het niet", ANSWER),
        ("kernwoord_check", "ik denk van wel", ANSWER),
        ("kernwoord_check", "hmm ik denk", "filler"),
        ("qualities", "ik denk dat ik goed kan luisteren", ANSWER),
        # someone else's news where the question is about the student
        ("step_what", "mijn vriend gaat morgen naar de open dag van de HvA", "off_topic"),
        (
            "options",
            "mijn zus doet de opleiding verpleegkunde en zij vindt het echt kut",
            "off_topic",
        ),
        ("motives", "mn oma is jarig vandaag", "off_topic"),
        ("qualities", "mijn docent zegt dat ik goed kan luisteren", ANSWER),
        ("step_what", "mijn mentor mailen over een stageplek", ANSWER),
        ("step_outcome", "mijn mentor had geen tijd dus het is niet gelukt", ANSWER),
        ("kernwoord", "ja", "yes_no"),
        ("kernwoord", "hoi", "greeting"),
        ("what_happened", "hoi", "greeting"),  # a greeting mid-reflection is not the story
        ("experience", "kun je de vraag anders stellen", "explain"),
        ("experience", "kun je de vraag anders stellen zodat ik het snap", "explain"),
        ("step_when", "3", "off_topic"),
        ("step_when", "weet ik nog niet", "dont_know"),
        ("step_zin", "11", "off_topic"),
        ("motives", "dat ik niet meer afhankelijk ben van anderen", ANSWER),
        ("options", "ik wil stoppen met mijn opleiding en iets anders zoeken", ANSWER),
        # a number that counts something is no score; a score with its remark is
        ("step_zin", "ik heb 3 broers", "off_topic"),
        ("step_zin", "het is 8 graden", "off_topic"),
        ("step_zin", "ik zou 8 zeggen", ANSWER),
        ("step_zin", "9 punten", ANSWER),
        ("step_zin", "zes, want ik vind het wel spannend", ANSWER),
        # the weather is no date; a plan in fine weather is
        ("step_when", "lekker weer vandaag he", "off_topic"),
        ("step_when", "morgen, als het mooi weer is ga ik", ANSWER),
        ("step_outcome", "ik zit nu in de les dus kan nie lang", "off_topic"),
        ("step_outcome", "wat gebeurt er als ik het nie gedaan heb?", "question_back"),
        ("step_outcome", "niet gedaan, was ziek", ANSWER),
        ("step_outcome", "done, she said i can join next week", ANSWER),
        ("step_outcome", "hello again", "greeting"),
        ("step_when", "hallo ben terug", "greeting"),
        ("experience", "👋", "greeting"),
        ("kernwoord_check", "wat betekent zorgzaam precies", "explain"),
        ("step_what", "wat is een kleine stap dan, geef een voorbeeld", "explain"),
        ("step_zin", "zin in wat precies", "explain"),
        ("step_obstacle", "ja misschien", "yes_no"),
        ("step_obstacle", "misschien wel de tijd", ANSWER),
        # a score first and its remark after; a score as a diminutive
        ("step_zin", "pff 3, heb er weinig zin in eerlijk gezegd", ANSWER),
        ("step_zin", "een zesje", ANSWER),
        # one content word where a quality is asked; content first and a doubt after it
        ("qualities", "doorzettingsvermogen", ANSWER),
        ("options", "kok of bakker, weet nog niet welke", ANSWER),
        ("qualities", "netflix", "off_topic"),
        # a refusal closing a long reason, and more refusals and explain requests
        (
            "step_what",
            "ik heb hier echt geen zin in want het moet van school, sla maar over",
            "refusal",
        ),
        ("step_zin", "ik ga dit niet invullen", "refusal"),
        ("motives", "can you say that in english please", "explain"),
        ("step_when", "weet nog niet wanneer", "dont_know"),
        ("kernwoord_check", "mmm", "filler"),
        # the news, storms and failing trains are remarks unless a plan is said
        ("step_when", "morgen gaat het stormen zeiden ze op het nieuws", "off_topic"),
        ("step_when", "donderdag, als het niet stormt", ANSWER),
        ("step_zin", "denk een 7 maar vraag het me morgen nog een keer", ANSWER),
        ("qualities", "vind ik te persoonlijk", "refusal"),
        ("qualities", "ik ben best persoonlijk in contact met klanten", ANSWER),
        ("options", "mogelijkheden voor wat, werk of school?", "explain"),
        ("step_when", "in de herfstvakantie", ANSWER),
        ("step_when", "zaterdag is er een bruiloft bij mijn tante", "off_topic"),
        ("step_obstacle", "mijn laptop is kapot haha", ANSWER),
        ("step_who", "ken jij iemand bij de brandweer?", "question_back"),
        ("other_situations", "er is wel iets gebeurd maar dat wil ik niet vertellen", "refusal"),
        ("kernwoord_check", "ha ha", "laughter"),
        ("step_when", "mijn neef is zaterdag jarig", "off_topic"),
        ("step_when", "na mijn verjaardag, 14 maart", ANSWER),
        ("step_zin", "heb net een 6 gehaald voor wiskunde", "off_topic"),
        ("step_zin", "10 is veel zin toch?", "explain"),
        ("step_obstacle", "momentje ik denk even na", "filler"),
        ("step_obstacle", "stop maar", "refusal"),
        ("step_obstacle", "instagram haha, daar ben ik te veel op", ANSWER),
        ("more_steps", "no that's fine", ANSWER),
        ("qualities", "sorry i dont get the question", "explain"),
        ("motives", "kun je de vraag wat simpeler stellen", "explain"),
        ("qualities", "ik kan het makkelijker maken voor anderen", ANSWER),
        ("step_outcome", "do you still know what my step was?", "question_back"),
        ("step_who", "ik wil niemand noemen", "refusal"),
        ("kernwoord", "cheers", "thanks"),
        ("step_when", "overmorgen gaat het sneeuwen zeiden ze", "off_topic"),
        ("step_zin", "is het lokaal 3.14?", "off_topic"),
        ("step_zin", "7,5", ANSWER),
        ("step_outcome", "haven't done it yet", ANSWER),
        ("motives", "even iets anders, weet jij hoe laat de kantine dicht gaat", "off_topic"),
        # someone else's act on the student, in the past, is the telling of a moment
        ("what_happened", "hij keek me boos aan en zei dat ik moest opschieten", ANSWER),
        ("experience", "mn moeder roept me voor het eten", "off_topic"),
        ("what_happened", "ik kwam te laat en de docent stuurde me weg", ANSWER),
        ("other_situations", "ik zat net te gamen", "off_topic"),
        # "ok" with thanks at a yes/no question is thanks; "ja"/"nee" with thanks is the answer
        ("kernwoord_check", "ok dank je", "thanks"),
        ("kernwoord_check", "ja dankje", ANSWER),
        ("more_steps", "nee dank je", ANSWER),
        ("kernwoord_check", "wel ja", ANSWER),
        # a holiday is no date for the step, unless the step is set by it
        ("step_when", "volgende week hebben we herfstvakantie", "off_topic"),
        ("step_when", "in de kerstvakantie", ANSWER),
        ("step_when", "donderdag, want dan heb ik vrij", ANSWER),
        # a bare yes to how the step went says nothing of how
        ("step_outcome", "jaa", "yes_no"),
        ("step_outcome", "ja gelukt", ANSWER),
        ("step_outcome", "slecht", ANSWER),
        ("step_outcome", "ging wel, was spannend", ANSWER),
        ("to_learn", "goeiendag", "greeting"),
        ("to_learn", "nee nope", "yes_no"),
        ("step_when", "nee joh", "yes_no"),
        ("step_when", "even in mn agenda kijken", "filler"),
        ("step_zin", "weet ik niet goed", "dont_know"),
        ("step_zin", "lastig te zeggen, idk", "dont_know"),
        ("step_zin", "geen cijfer", "refusal"),
        ("more_steps", "wil ik niet", "refusal"),
        ("common_thread", "mn tante en mn oom hebben allebei een winkel", "off_topic"),
        (
            "experience",
            "my brother had a great day at his new job, his boss loved him",
            "off_topic",
        ),
        ("motives", "eerlijkheid, niet liegen tegen elkaar", ANSWER),
        ("motives", "moeilijk, weet ik niet", "dont_know"),
        # something of the student's own named first is an answer where it is asked
        ("motives", "mn vrienden", ANSWER),
        ("step_obstacle", "hmm mn stage, die is heel zwaar", ANSWER),
        ("step_who", "mn buurvrouw anna die werkt daar", ANSWER),
        ("qualities", "mn juf kijkt, ff wachten", "off_topic"),  # away for a moment
        ("step_obstacle", "mn laptop doet raar, wacht", "off_topic"),
        ("other_situations", "uhh wacht", "filler"),
        ("more_steps", "jepp nog eentje", ANSWER),
        ("step_who", "ja wss", "yes_no"),
        ("options", "switchen naar een andere opleiding, zorg", ANSWER),
        ("options", "doe maar de volgende", "refusal"),
        ("kernwoord_check", "twijfel", "dont_know"),
        ("step_obstacle", "mag ik pauze nemen", "question_back"),
        ("step_when", "zaterdag ga ik met mn vriendinnen shoppen", "off_topic"),
        ("step_when", "vanavond, voordat ik ga gamen", ANSWER),
        ("step_obstacle", "geen idee of mn mentor tijd heeft", ANSWER),
        ("step_obstacle", "weet ik niet of er iets in de weg zit", "dont_know"),
        ("step_when", "zaterdag gaan we naar mn tante in utrecht", "off_topic"),
        ("step_outcome", "mn zus kon niet dus nog niet", ANSWER),
        ("common_thread", "middag", "greeting"),
        ("step_when", "middag", "off_topic"),
        ("step_who", "chef", ANSWER),
        ("step_who", "idk man", "dont_know"),
        ("step_obstacle", "geen idee hoe ik het moet aanpakken", ANSWER),
        ("motives", "that people can count on me", ANSWER),
        ("to_learn", "i want to learn more about servers", ANSWER),
        ("experience", "op stage bij de kapper een klant zelf geknipt", ANSWER),
        ("motives", "ik wil later mn eigen zaak hebben", ANSWER),
        ("motives", "ik wil vanavond naar de sportschool", "off_topic"),
        ("what_happened", "mag ik ook foto's sturen", "question_back"),
        ("options", "dat zoek ik zelf wel uit, niet met een bot", "refusal"),
        ("more_steps", "ja ik kom zo, moet dit nog afmaken", "off_topic"),
        ("more_steps", "nein", ANSWER),
        ("kernwoord", "nein", "yes_no"),
        ("kernwoord", "ik wil toch liever een ander woord", "filler"),
        ("step_obstacle", "word je nooit moe van al die vragen?", "question_back"),
        ("more_steps", "nu even niet", ANSWER),
        ("more_steps", "ja ik ben al onderweg", "off_topic"),
        ("motives", "een fijne sfeer op mn werk", ANSWER),
        ("step_outcome", "mn oom kon niet dus het wordt volgende week", ANSWER),
        ("qualities", "weet niet of het telt maar ik kan goed plannen", ANSWER),
        ("motives", "my friends are the most important thing to me", ANSWER),
        ("step_when", "tomorrow i have a basketball game", "off_topic"),
        ("step_when", "vanavond film kijken bij mn vriendin", "off_topic"),
        ("step_outcome", "ja hoor ja", "yes_no"),
        ("step_who", "mn broer gaat morgen naar spanje", "off_topic"),
        ("step_who", "mijn oom heeft een garage", ANSWER),  # no news word: who may help
        ("what_happened", "kan iemand mij vanavond ophalen", "off_topic"),
        ("step_who", "kan iemand mij helpen, mn coach misschien", ANSWER),
        ("to_learn", "morgen heb ik een toets engels", "off_topic"),
        ("to_learn", "beter leren voor een toets", ANSWER),
        ("more_steps", "nee joh ik zit nog in de bus", "off_topic"),
        ("more_steps", "ja nog eentje", ANSWER),
    ],
)
def test_what_each_question_takes(question, text, kind):
    assert check_answer(question, text, TODAY) == kind


def test_the_kernwoord_is_the_students_word_without_its_frame():
    assert kernwoord_of("mijn kernwoord is 'Zorgzaam'") == "Zorgzaam"
    assert kernwoord_of("samen iets oplossen") == "samen iets oplossen"
    assert kernwoord_of("vrijdag") is None
    assert kernwoord_of("het") is None
    assert kernwoord_of("ik denk dat het iets met mensen helpen te maken heeft") is None


def test_rough_dates_from_the_date_buttons():
    assert parse_dutch_date("deze week", TODAY) == date(2026, 12, 11)  # by Friday
    assert parse_dutch_date("volgende week", TODAY) == date(2026, 12, 14)
    assert parse_dutch_date("over twee weken", TODAY) == date(2026, 12, 21)
    assert parse_dutch_date("zondagavond", TODAY) == date(2026, 12, 13)


def test_a_step_told_about():
    step = "Een mail sturen naar de minorcoördinator over een meeloopdag."
    told = "ik heb de mail naar de minorcoördinator gestuurd en ze belde terug"
    assert tells_about_step(told, step) and told_done(told)
    assert not told_done("ik heb de mail nog niet gestuurd")
    assert not tells_about_step("ik had een leuke dag op stage", step)
    assert yes_or_no("jup") is True and yes_or_no("misschien later, nu niet") is False


@pytest.mark.parametrize(
    ("text", "meant"),
    [("yeah", True), ("sure why not", True), ("no thanks", False), ("nah that's it", False)],
)
def test_english_yes_and_no(text, meant):
    assert yes_or_no(text) is meant
    assert check_answer("more_steps", text, TODAY) == ANSWER


@pytest.mark.parametrize(
    ("intent", "text", "stands"),
    [
        ("withdraw_consent", "dat ik niet meer afhankelijk ben van anderen", False),
        ("withdraw_consent", "mijn coach mag het niet meer zien", True),
        ("pauze", "ik wil stoppen met school", False),
        ("pauze", "ik wil even stoppen", True),
        ("opnieuw", "ik deed de opdracht opnieuw", False),
        ("opnieuw", "ik wil opnieuw beginnen", True),
        ("help", "wat bedoel je", False),
        ("help", "hoe werkt dit", True),
        ("goodbye", "ik zei doei tegen de klant", False),
        ("verder", "ik ben wel doorzetter, als ik iets wil dan ga ik ervoor", False),
        ("verder", "ik wil verder studeren in de zorg", False),
        ("verder", "ga maar verder", True),
        ("verder", "hoi ik ben er weer", True),
    ],
)
def test_commands_only_in_so_many_words(intent, text, stands):
    assert is_explicit_command(intent, text, confidence=0.8) is stands


@pytest.mark.parametrize(
    ("text", "consent"),
    [
        ("ja", True),
        ("Ja, delen", True),
        ("ja hoor, deel maar", True),
        ("ja prima, mijn coach mag het zien", True),
        ("nee", False),
        ("nee liever niet, dat wil ik zelf vertellen", False),
        # a yes about something else (the step, told while the question was still open)
        ("ja het is gelukt, ik heb de meeloopdag aangevraagd en ik mag in januari", None),
    ],
)
def test_consent_to_share_is_a_yes_meant_for_that_question(text, consent):
    from bot.nlp.answers import consent_answer

    assert consent_answer(text) is consent
    assert (check_answer("share_consent", text, TODAY) == ANSWER) is (consent is not None)


@pytest.mark.parametrize(
    ("text", "cycle"),
    [
        ("check-in", "checkin"),
        ("'check-in'", "checkin"),
        ("“hele reflectie”", "full"),
        ("ja", None),
    ],
)
def test_the_cycle_is_chosen_by_the_words_the_bot_names(text, cycle):
    from bot.nlp.answers import cycle_choice

    assert cycle_choice(text) == cycle


@pytest.mark.parametrize(
    ("text", "fits"),
    [
        ("nee past nog steeds", True),  # the "nee" only opens the yes
        ("nee, past nog wel", True),
        ("zelfstandig past nog", True),  # the word named, then that it fits
        ("past nog steeds", True),
        ("doorzetten past beter", None),  # another word: not a yes or a no
        ("nee past niet", False),
        ("nee, doorzetten past beter", False),
        ("ja", True),
    ],
)
def test_whether_the_word_still_fits(text, fits):
    from bot.nlp.answers import word_still_fits

    assert word_still_fits(text) is fits


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("ik loop stage bij een garage", True),
        ("ik werk bij de jumbo", True),
        ("ik werk bij de jumbo en gisteren kwam er een boze klant", False),
    ],
)
def test_a_setting_alone_names_the_place(text, place):
    from bot.nlp.answers import names_a_place

    assert names_a_place(text) is place
