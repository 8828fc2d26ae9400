"""Does a student's message answer the question the bot asked, and if not, what kind of
non-answer is it? The reflection form's validators ask this before they store anything, so a
greeting, a "wat bedoel je" or a weekday offered as kernwoord is never kept as an answer, and
each kind gets its own reply (actions/answer_replies.py).

``check_answer(question, text)`` returns ``ANSWER`` or the kind of non-answer: explain,
question_back, greeting, thanks, laughter, filler, yes_no, dont_know, refusal or off_topic; or
``UNSURE`` when only the model speaks and it is near its border (the bot then asks the student,
actions/unsure_answers.py). The question is the form slot being asked. What counts as an answer depends on it:
- a story question (experience, what_happened, other_situations): anything with content;
- the kernwoord: a content word or a short phrase (at most three words), never a weekday, a
  date, a number, a greeting, yes/no, a pronoun or a function word;
- yes/no questions (kernwoord_check, more_steps, share_consent): a yes or a no (at the
  kernwoord check also a new word);
- step_when: a date or a phrase about time; step_who: a person or role, or "niemand";
  step_zin: a number from 1 to 10; step_outcome: how a step went.

Hand-written rules first: the kinds are few, well known and short, and a rule is exact where a
classifier guesses. Where the rules find no reason to turn a free text down, a model trained on
every labelled pair of the project gives a second opinion (``bot.nlp.answer_model``): talk of
something else often reads like content, and only a model of what answers look like hears it.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

from bot.dutch_dates import MONTHS, WEEKDAYS
from bot.nlp import answer_model
from bot.nlp.answers import (
    consent_answer,
    is_dont_know,
    is_no_date,
    names_a_place,
    scale_1_to_10,
    step_outcome,
    went_well,
    yes_or_no,
)
from bot.nlp.crisis import assess
from bot.nlp.dates import parse_dutch_date
from bot.nlp.normalize import normalise

ANSWER = "answer"
# Neither heard as an answer nor put aside: the student is asked whether it answers.
UNSURE = "unsure"

STORY_QUESTIONS = {"experience", "what_happened", "other_situations"}
YES_NO_QUESTIONS = {"kernwoord_check", "more_steps", "share_consent"}
# A date at step_when or a number at step_zin in a message this short is the answer; in a
# longer one it may be a remark about something else ("heb vandaag een 6 gehaald voor engels",
# "mn verjaardag is trouwens volgende week"), and the model gives its opinion too.
SHORT_ANSWER_TOKENS = 4
# Where "niks" / "nee" is itself an answer: nothing in the way.
NOTHING_IS_AN_ANSWER = {"step_obstacle"}


def _pattern(*alternatives: str) -> re.Pattern[str]:
    """A whole-message pattern: the alternatives, with fillers, punctuation and emoji around."""
    body = "|".join(alternatives)
    return re.compile(
        rf"^(?:(?:nou|ehm|uhm|eh|hmm|oke|ok|ja|nee)[\s,.!]+)?(?:{body})"
        rf"(?:[\s,.!?]+(?:hoor|eigenlijk|ofzo|zo|even|dan|maar|hè|he|haha|lol|xd|sorry))*[\s,.!?~]*$"
    )


_LAUGHTER_TOKEN = re.compile(
    r"^(?:(?:h+[ae]+){2,}h*|(?:[ae]+h+){2,}[ae]*|(?:h+i+){2,}|hah+|l+(?:o+l+)+|lmf?a+o+|x+d+|rofl|jk|omg)$"
)
_GREETING = _pattern(
    r"(?:(?:hoi+|hey+|hee+|hai+|hallo+|hello|hi+|yo+|heey+|hoihoi|moi|hallo+tjes|hellow|joe+|wejo+|salam|"
    r"salaam|selam|goeiedag|goeiendag|goedendag|goededag|middag|avond|dag\s+dag|hoi\s+weer|hey\s+weer|hallo\s+weer|goeie?morgen|"
    r"goede?morgen|goedemiddag|goeiemiddag|goedenavond|goeienavond|"
    r"hallo daar|hey daar|hoi daar|dag)[\s,!.]*)+"
    r"(?:(?:ik ben er weer|daar ben ik weer|ben er weer|ik ben terug|weer terug|ik ben weer terug|"
    r"daar ben ik|hoe is het|hoe gaat het|alles goed|alles goed\?|lemniscaat|bot|ben terug|ben weer terug|"
    r"terug|again|back|im back|i'm back|weer|daar ben ik|ben er|ik ben er|ik ga verder|we gaan verder|verder)[\s,!.?]*)?",
    r"(?:ik ben er weer|daar ben ik weer|ben er weer|ik ben terug|weer terug|ik ben weer terug|ben terug|"
    r"ben weer terug|im back|i'm back)",
)
# Leaving, not answering: "doeiii", "later 👋", "ik ga slapen, bye", "moet gaan, doei".
_GOODBYE = _pattern(
    r"(?:(?:ik\s+)?(?:moet|ga)\s+(?:nu\s+|zo\s+|even\s+)?(?:gaan|weg|slapen|eten|stoppen)[\s,!.]*|ik\s+ben\s+(?:weg|off)[\s,!.]*|"
    r"brb[\s,!.]*|(?:ik\s+)?(?:spreek|zie)\s+(?:je|jullie)\s+(?:later|morgen|snel)[\s,!.]*)*"
    r"(?:doei+|doeg|dag\s+dag|bye+|byee+|ciao|later|tot\s+(?:later|morgen|zo|straks|ziens)|"
    r"(?:ik\s+)?(?:moet|ga)\s+(?:nu\s+|zo\s+|even\s+)?(?:gaan|weg|slapen)|ik\s+ben\s+weg|brb|"
    r"(?:ik\s+)?(?:spreek|zie)\s+(?:je|jullie)\s+(?:later|morgen|snel)|gn|welterusten|slaap\s+lekker)",
)
_THANKS = _pattern(
    r"(?:(?:heel\s+)?(?:top|oke|ok|fijn|mooi|super|chill|nice|lief|aardig)[\s,]+)?(?:dank\s*je+(?:\s*wel)?|dank\s*u(?:\s*wel)?|dankje+(?:we+l+)?|bedankt+|"
    r"dankjewel|dank\s+je\s+wel|thank(?:s+|\s+you|\s+u)?|thx+|thnx|tnx|ty|tx|merci+(?:\s+beaucoup)?|cheers|dank+|super\s+bedankt|heel\s+erg\s+bedankt|"
    r"(?:heel\s+)?lief\s+(?:van\s+je|dat\s+je\s+het\s+vraagt))"
    r"(?:[\s,]+(?:he|hè|hoor|voor\s+(?:de|je|het|jouw|vorige|deze|dit|dat)\s+\w+|voor\s+het\s+vragen|nog|alvast|"
    r"bro|man|mattie|joh|hoor|jij|ook))*"
)
_FILLER = _pattern(
    r"(?:h+m+|m{2,}|u+h*m+|u+h+|oef+|pfoe+|e+u*h+m*|(?:h+m+\s+)?(?:lemme|let\s+me)\s+(?:think|see)|e+hm|o+k+|oke+|oké|okee+|okay|okido|tja+|nou+|pf+|ah+|oh+|o+|mwah+|"
    r"aha+|zozo|hm+ ok|oke dan|ok dan|prima|goed|mja|jaja|tsja|chill|nice|wow|nja|mhm|nou\s+ja|ach|"
    r"ok[eé]?\s+(?:dan|hoor|doei)|hmm+\s+ja|ja\s+nou|tja+\s+nou|poe+h*|jemig|wauw|uh|"
    r"(?:(?:ff|even|wacht)\s+)?(?:1|een|one)\s+(?:sec|secje|seconde|min|minuutje)|secje|"
    r"(?:ff|even|effe)\s+(?:na)?denken(?:\s+hoor)?|(?:zo\s+)?(?:ff|even|effe|eens)\s+(?:in\s+(?:mijn|mn|m'?n|de)\s+(?:agenda|rooster|planner)\s+)?kijken|zo\s+eens\s+(?:kijken|denken)|nadenken|moment(?:je)?|"
    r"wacht(?:\s+even)?|(?:(?:momentje|moment|wacht)(?:\s+(?:even|ff|effe))?)?[\s,]*(?:ik\s+)?denk\s+(?:even\s+|ff\s+)?na|(?:ik\s+)?denk(?:\s+even|\s+ff)?|eh+m*|(?:goeie|goede|lastige|moeilijke)\s+vraag|hm+\s+(?:even|ff)\s+(?:kijken|denken)|"
    r"\.\.\.|\?+|!+)(?:[\s,.]+(?:h+m+|u+h*m+|oke|ok|tja|nou|pf+))*"
)
# "Lastig hoor", "hmm moeilijk": the question is hard, the answer is still to come.
_HARD_QUESTION = re.compile(
    r"^(?:(?:h+m+|pf+|tja+|nou|poe+h?|oef+)[\s,.]+)*(?:lastig|moeilijk|pittig|lastige|moeilijke)"
    r"(?:\s+(?:hoor|zeg|joh|man|vraag))?[\s,.!?]*$"
)


def finds_it_hard(text: str) -> bool:
    """ "hmm lastig": the student says the question is hard, which is more than thinking."""
    return bool(_HARD_QUESTION.match(_letters_only(_norm(text))))


# Yes, there is another moment, without telling it: "ja ken ik wel", "heb er wel een".
_KNOW_ONE = re.compile(
    r"^(?:ja|jawel|yes|jep|jazeker)?[\s,]*(?:ken|weet|heb)\s+(?:ik\s+)?(?:er\s+)?"
    r"(?:(?:nog\s+)?wel(?:\s+(?:een|eentje|1))?|een|eentje|er\s+wel\s+een)[\s,.!]*$"
)
_REFUSAL = re.compile(
    r"\b(?:wil\s+ik\s+(?:liever\s+)?niet\s+(?:zeggen|vertellen|over\s+(?:praten|hebben)|delen|beantwoorden)|"
    r"zeg\s+ik\s+(?:liever\s+)?niet|vertel\s+ik\s+(?:liever\s+)?niet|gaat\s+je\s+(?:niks|niets|geen\s+bal)\s+aan|"
    r"gaat\s+jou\s+(?:niks|niets)\s+aan|^no\s+comment|hoeft\s+niemand\s+te\s+weten|(?:houd|hou)\s+ik\s+(?:liever\s+)?voor\s+mezelf|liever\s+niet|hoef\s+ik\s+niet\s+te\s+(?:zeggen|vertellen)|"
    r"geen\s+zin\s+(?:in\s+(?:deze|die)\s+vraag|om\s+(?:dat|het)\s+te\s+(?:zeggen|vertellen))|"
    r"wil\s+(?:ik\s+)?niet\s+(?:op\s+)?(?:antwoorden|ingaan)|(?:dat\s+)?is\s+priv[eé]|^priv[eé]$|"
    r"sla\s+(?:deze|die|maar|m|hem|dit)?\s*(?:vraag\s+)?(?:maar\s+)?over|overslaan|skip|"
    r"volgende\s+vraag|^(?:ik\s+)?pas$|zeg\s+ik\s+lekker\s+niet|niet\s+jouw\s+zaak|"
    r"ik\s+wil\s+(?:die|deze|de)\s+vraag\s+niet|wil\s+ik\s+(?:het\s+)?niet\s+over\s+(?:hebben|praten)|"
    r"hoef\s+ik\s+niet\s+te\s+\w+|bemoei\s+(?:je|jij)\s+met\s+je\s+eigen|gaat\s+niemand\s+(?:wat|iets|niks)\s+aan|"
    r"wil\s+(?:ik\s+)?hier\s+(?:niet|nie)\s+(?:meer\s+)?op\s+antwoorden|(?:ik\s+)?geef\s+(?:ik\s+)?(?:liever\s+)?geen\s+(?:cijfer|antwoord|nummer)|"
    r"wil\s+ik\s+(?:liever\s+)?(?:niet|nie)\s+(?:invullen|vastleggen|kiezen|noemen|geven)|sla\s+ik\s+over|"
    r"hoef\s+(?:jij|je|u)\s+(?:niet|nie)\s+te\s+weten|^boeit\s+(?:me|mij)\s+(?:niet|nie|niks)[\s,]+(?:volgende|next|door)|"
    r"(?:dat\s+)?bepaal\s+ik\s+zelf\s+wel|(?:doe\s+maar|naar)\s+(?:de|een)\s+(?:volgende|andere)(?:\s+vraag)?[\s!.]*$|"
    r"geen\s+zin\s+(?:om|in)\b|hier\s+geen\s+zin\s+meer\s+in|wil\s+(?:ik\s+)?geen\s+(?:cijfer|antwoord)\s+geven|hou\s+ik\s+(?:liever\s+)?voor\s+mezelf|voor\s+mezelf\s+houden|"
    r"(?:dat\s+)?(?:is|zijn)\s+mijn\s+zaken|niet\s+(?:jouw|je)\s+zaak|^next(?:\s+(?:question|vraag|pls|please|aub))?$|andere\s+vraag|"
    r"^laat\s+maar(?:\s+zitten)?(?:\s+(?:deze|die|dit))?$|^stop\s+maar$|^(?:ik\s+)?(?:wil|wl)\s+(?:niet|nie)\s+meer$|doe\s+maar\s+(?:de\s+)?volgende|ga\s+ik\s+(?:lekker\s+)?niet\s+(?:zeggen|vertellen)|"
    r"wil\s+ik\s+(?:echt\s+)?niet\s+(?:op\s+)?(?:antwoorden|beantwoorden)|hier\s+wil\s+ik\s+(?:echt\s+)?niet|"
    r"ga\s+(?:ik\s+)?(?:geen|niet|niks)\s+(?:\w+\s+)?(?:kiezen|invullen|zeggen|beantwoorden|geven)|"
    r"(?:dat|dit)\s+ga\s+ik\s+(?:niet|niks)\s+(?:invullen|zeggen|beantwoorden)|"
    r"ik\s+ga\s+(?:dit|dat|het|deze|die)\s+(?:vraag\s+)?(?:niet|nie)\s+(?:invullen|zeggen|beantwoorden)|^stop$|"
    r"^(?:boei+e*n?d?|boeit\s+(?:me|mij)\s+(?:niet|nie|niks|niets|geen\s+bal)|whatever|who\s+cares|idc|i\s+don'?t\s+care)"
    r"(?:[\s,]+(?:volgende|next|door))?$|^(?:ik\s+)?wil\s+(?:ik\s+)?(?:niet|nie)$|^geen\s+cijfer$|"
    r"(?:hou|houd|stop)\s+(?:eens\s+|nou\s+|maar\s+)?(?:op\s+)?met\s+(?:die|de|je|jouw|deze|al\s+die)\s+(?:vragen|gevraag)|"
    r"(?:veel\s+)?te\s+persoonlijk|wil\s+(?:ik\s+)?(?:niemand|geen\s+namen?)\s+noemen|"
    r"(?:don'?t|dont|do\s+not)\s+(?:wanna|want\s+to)\s+(?:answer|say|tell)|rather\s+not\s+(?:say|answer)|^(?:dat\s+is\s+|vind\s+ik\s+)?(?:best|erg|heel)\s+persoonlijk$)\b"
)
_EXPLAIN = re.compile(
    r"(?:wat|hoe)\s+bedoel\s+(?:je|jij|u)|\bof\s+iets\s+anders\s*\?\s*$|wat\s+(?:wordt|word)\s+(?:er\s+)?(?:daar)?(?:mee\s+)?bedoeld|"
    r"(?:snap|begrijp|versta|volg)\s+(?:ik\s+)?(?:de|je|die|deze|jouw|uw)\s+vraag\s+(?:niet|nie)|"
    r"(?:snap|begrijp|weet)\s+(?:ik\s+)?(?:niet|nie)\s+wat\s+(?:je|jij|u)\s+(?:bedoelt|wil|vraagt|wilt)|"
    r"(?:kun|kan|kunt)\s+(?:je|jij|u)\s+(?:het|dat|de\s+vraag|die\s+vraag|deze\s+vraag)?\s*"
    r"(?:anders|duidelijker|simpeler|makkelijker|nog\s+een\s+keer|opnieuw|nog\s*eens)\s*(?:vragen|zeggen|uitleggen|formuleren|stellen)|"
    r"(?:kun|kan|kunt)\s+(?:je|jij|u)\s+(?:het|dat|de\s+vraag)?\s*(?:uitleggen|verduidelijken)|"
    r"vraag\s+(?:anders|duidelijker|simpeler)\s+(?:vragen|zeggen|uitleggen|formuleren|stellen)|"
    r"^(?:anders|duidelijker|simpeler)\s+(?:vragen|zeggen|uitleggen)|"
    r"\bleg\s+(?:het\s+|dat\s+|de\s+vraag\s+)?(?:eens\s+|nog\s+eens\s+|ff\s+|even\s+)?uit|"
    r"wat\s+is\s+(?:een|het|dat|mijn)?\s*kernwoord(?!\s+van\s+jou)(?!\s+dan)|wat\s+is\s+(?:een|het)\s+(?:actiestap|actie\s+stap|motief|kwaliteit)\b|"
    r"hoe\s+(?:klein|groot|lang|kort|concreet|precies)\s+moet\s+(?:het|die|dat|ie|de\s+stap)\b|hoe\s+moet\s+ik\s+dat\s+(?:checken|doen|invullen)\b|"
    r"^moet\s+(?:het|dat|die)\s+(?:iemand|een)\b.*\?$|wat\s+is\s+(?:de|je|jouw)\s+(?:vraag|bedoeling)|"
    r"geen\s+idee\s+wat\s+(?:je|jij)\s+(?:bedoelt|wil|wilt|vraagt)|welk\s+soort\s+(?:antwoord|moment|woord)|"
    r"wat\s+voor\s+(?:antwoord|moment|woord|iets|ervaring)\s+(?:bedoel|wil|zoek)|\bbedoel\s+je\b|"
    r"\bvage\s+vraag|moeilijke\s+vraag|snap\s+(?:de\s+)?vraag\s+(?:niet|nie)|"
    r"(?:snap|begrijp|volg)\s+ik\s+(?:niet|niks|het\s+niet)|^huh\b|\bvan\s+wat\s*\?|^wanneer\s+wat\b|"
    r"^wat\s+(?:is|zijn|betekent|betekenen)\s+(?:een\s+|de\s+|het\s+)?(?:kwaliteit\w*|motie\w*|kernwoord\w*|"
    r"concrete?\s+stap\w*|(?:kleine\s+)?stap|obstakel\w*|ervaring|situatie|gemeen|zin|verkennen|drijfveer\w*)|"
    r"^wat\s+bedoel\s+je\s+met|wat\s+moet\s+ik\s+(?:precies\s+)?(?:vertellen|noemen)\b|"
    r"^\w+\s+waar(?:voor|mee|over|bij)(?:\s+(?:precies|dan|bedoel\s+je))?\s*\?|\bvan\s+wat(?:\s+precies)?\s*\??$|\bzoals\s+wat\s*\??$|^(?:wie|wat)\s+\w+\s+waarmee\s*\?|"
    r"\bgeef\s+(?:eens\s+|ff\s+|even\s+|me\s+|mij\s+)*(?:een|n|'n)\s+voorbeeld|^wat\s+(?:betekent|betekend|beteken)\s+\S+(?:\s+(?:precies|eigenlijk|dan))*\s*\??$|"
    r"^\w+\s+voor\s+wat\b|\bmoet\s+ik\s+(?:een|het|de|iets|n)?\s*\w*\s*noemen\b|^wat\s+voor\s+\w+\s+moet\s+ik\b|\b\w+\s+als\s+in\s+\w+|"
    r"^wat\s+is\s+(?:1|een|één)\s+en\s+wat\s+is\s+(?:10|tien)\b|\b(?:1|10|een|tien)\s+is\s+(?:veel|weinig|hoog|laag|goed|slecht)\b|"
    r"\b(?:twee|2|meerdere)\s+vragen\b|"
    r"\b(?:i\s+)?(?:don'?t|do\s+not|dont)\s+(?:understand|get)\s+(?:the|this|your|that)\s+question\b|"
    r"\b(?:(?:kun|kan|kunt)\s+(?:je|jij|u)\s+(?:de\s+|die\s+|deze\s+|het\s+)?(?:vraag\s+)?|(?:de|die|deze)\s+vraag\s+)"
    r"(?:wat\s+|een\s+beetje\s+|iets\s+)?(?:makkelijker|simpeler|duidelijker)\s+(?:maken|stellen|zeggen|vragen)\b|"
    r"snap\s+(?:niet|nie)\s+wat\s+ik\s+moet|\b(?:say|ask|explain)\s+(?:that|it|this)\s+(?:again\s+)?in\s+english\b|"
    r"\bin\s+(?:het\s+)?(?:engels|english)\s+(?:pls|please|aub|graag|alsjeblieft)\b|"
    r"\bwat\s+voor\s+(?:woord|stap|moment|antwoord|ervaring)(?:\s+(?:moet|bedoel|wil)\b|\s*\?|$)|^welke\s+(?:twee|2)\s+momenten\b|"
    r"^moet\s+(?:het|ik)\b.*\bof\s+mag\b|\b(?:kun|kan|kunt)\s+(?:je|jij|u)\s+(?:een\s+|wat\s+|n\s+)?voorbeeld(?:en|je)?\s+geven\b|"
    r"\bmoet\s+ik\s+(?:echt\s+)?alles\s+vertellen\b|^wat\s+moet\s+ik\s+(?:dan|hier|nu)\s+(?:vertellen|zeggen|noemen|invullen)\b|"
    r"^wat\s+is\s+concreet\b|^wdym\b|\bwhat\s+do\s+you\s+mean\b|\bcan\s+you\s+explain\b|weet\s+(?:niet|nie)\s+wat\s+ik\s+(?:hier\s+)?moet\s+(?:invullen|zeggen|antwoorden)"
)
# Weaker cues that count only as (nearly) the whole message: "huh", "wat?", "snap het niet".
_EXPLAIN_SHORT = re.compile(
    r"^(?:huh+|he+\?*|wat+e?\?*|watte|hoezo\s+bedoel|uitleg(?:\s+(?:graag|aub|pls))?|vaag|"
    r"(?:ik\s+)?(?:snap|begrijp|volg)\s+(?:het|dat|je|em|hem|'m|er\s+niks\s+van)?\s*(?:niet|nie|niks)(?:\s+(?:helemaal|zo|echt))?|"
    r"(?:ik\s+)?(?:snap|begrijp)\s+(?:er\s+)?(?:niks|niets)\s+van|"
    r"voorbeeld\s*(?:graag|aub|pls)?|(?:kun|kan)\s+(?:je|jij)\s+een\s+voorbeeld\s+geven|"
    r"(?:ff|even|effe|graag)\s+uitleggen(?:\s+(?:aub|pls|graag|dan))?|(?:\w+\s+)?(?:in|met|van|over)\s+wat\s+precies)[\s?!.]*$"
)

# A question put to the bot: "waarom/hoezo ...", "wat vind jij ...", "ben jij ...", "moet ik ...".
_QUESTION_WORD = r"(?:waarom|hoezo|waarvoor|wat|hoe|wie|wanneer|waar|welke?|hoelang|hoeveel)"
# After a question word, a verb makes a question ("wie leest dit"); a subject makes a clause that
# can be an answer ("wat ik belangrijk vind", "hoe je iemand helpt").
_CLAUSE_SUBJECTS = {
    "ik",
    "je",
    "jij",
    "we",
    "wij",
    "ze",
    "zij",
    "hij",
    "mijn",
    "mn",
    "m'n",
    "de",
    "het",
    "een",
    "iemand",
    "mensen",
    "anderen",
    "jouw",
    "men",
    "dat",
    "dit",
    "er",
}
_VERB_FIRST = re.compile(
    r"^(?:krijgt|krijg|wordt|worden|kun|kan|kunt|is|zijn|heb|hebt|heeft|gaat|ga|gaan|mag|moet|moeten|"
    r"wil|wilt|willen|ben|bent|weet|vind|zie|ziet|lees|leest|doe|doet|komt|staat|klopt|werkt|blijft|"
    r"onthoud|onthou|bewaar|bewaart|sla|slaat|deel|deelt|snap|begrijp|zou|zal|kunnen|lezen|maakt|"
    r"helpt|duurt|telt|ken|kent)\s+"
    r"(?:je|jij|u|jullie|dit|dat|het|de|mn|mijn|m'n|er|iemand|ik|anderen|mensen|men)\b"
)
_TO_THE_BOT = re.compile(r"\b(?:jij|jou|jouw|u|jullie|dit|chat|bot|gesprek|app)\b")


def starts_as_question(text: str) -> bool:
    """Whether ``text`` opens with a question word ("hoe laat is het"): not a remark to say
    back."""
    return bool(re.match(_QUESTION_WORD + r"\b", (text or "").strip().lower()))


# Words before "jij" that do not make a question of it ("en jij", "want jij zei").
_NOT_A_VERB = {
    "en",
    "want",
    "dan",
    "als",
    "of",
    "maar",
    "dat",
    "omdat",
    "toen",
    "wat",
    "wie",
    "ja",
    "nee",
}


def _is_question_back(plain: str, tokens: list[str]) -> bool:
    """A question put to the bot rather than an answer."""
    if not tokens or len(tokens) > 12:
        return False
    asks = plain.rstrip().endswith("?")
    first, second = tokens[0], tokens[1] if len(tokens) > 1 else ""
    if first in ("waarom", "hoezo", "waarvoor"):
        return True
    if re.match(_QUESTION_WORD + "$", first):
        if not second:
            return asks
        return second not in _CLAUSE_SUBJECTS or asks
    if first == "en" and second in ("jij", "jou", "u"):
        return True
    if second == "jij" and first.isalpha() and first not in _NOT_A_VERB:
        return True  # "werk jij ook in het weekend": a verb and "jij" ask, mark or no mark
    if asks and second == "je" and first.isalpha() and first not in _NOT_A_VERB:
        return True  # "word je niet moe van al die studenten?"
    if first in ("do", "did", "can", "could", "will", "would", "are", "is", "have") and second in (
        "you",
        "u",
    ):
        return True  # "do you remember what i said last week?"
    if re.match(r"^maakt\s+(?:het|dat|dit)\s+(?:\w+\s+)?uit\b", plain):
        return True
    if _VERB_FIRST.match(plain):
        # "kan ik goed luisteren" and "heb t gedaan" are chat Dutch for answers; "moet dit
        # echt" and "kun je ..." are questions even without a question mark.
        if asks or second in ("je", "jij", "u", "jullie", "dit"):
            return True
        return first in ("moet", "mag", "kan", "kun", "hoef") and bool(
            re.search(r"\b(?:dit|jij|jou|u)\b", plain) or _ABOUT_THE_TALK.search(plain)
        )
    return False


# "kan ik pauze nemen", "mag ik terug naar de vorige vraag": asking about the talk itself.
_ABOUT_THE_TALK = re.compile(
    r"^(?:kan|mag|moet)\s+ik\s+(?:\w+\s+){0,3}(?:pauze|pauzeren|stoppen|terug|overslaan|later\s+verder|"
    r"spraakberichten|spraakbericht|voice\w*|foto'?s|plaatjes|emoji'?s|in\s+het\s+engels)\b"
)


_OFF_TOPIC = re.compile(
    r"\b(?:hoe\s+laat\s+is\s+het|welke\s+dag\s+is\s+het|wat\s+voor\s+weer|hoe\s+is\s+het\s+weer|"
    r"het\s+weer\s+(?:morgen|vandaag)|weerbericht|(?:ik\s+)?heb\s+(?:zo'?n\s+)?(?:honger|dorst)|"
    r"wat\s+eten\s+(?:we|jullie|jij|je)|wat\s+(?:ga|moet)\s+ik\s+eten|(?:mijn\s+)?(?:batterij|oplader)\s+is|"
    r"ik\s+moet\s+(?:even\s+)?(?:plassen|naar\s+de\s+wc)|hoeveel\s+is\s+\d|wat\s+is\s+\d+\s*[+x*-]|"
    r"vertel\s+(?:eens\s+)?een\s+(?:mop|grap)|(?:oortjes|airpods|sleutels?|portemonnee|pasje)\s+(?:zijn|is)\s+(?:weer\s+)?kwijt|wie\s+(?:heeft|had)\s+(?:er\s+)?gewonnen|"
    r"wat\s+is\s+(?:je|jouw)\s+lievelings\w+|heb\s+jij\s+(?:een\s+)?(?:vriend|vriendin|huisdier)|"
    r"(?:telefoon|mobiel|batterij|accu)\s+(?:is\s+)?(?:bijna\s+)?(?:leeg|op)|"
    r"moet\s+(?:zo|nu|zometeen)\s+(?:naar|de)\s+(?:de\s+)?(?:bus|trein|tram|huis|les|werk)|"
    r"(?:ajax|feyenoord|psv|az|oranje)\s+(?:heeft|had|speelt|wint|won)|is\s+de\s+kantine|"
    r"(?:kat|hond)\s+(?:heeft|is)\s+net|(?:mijn|mn|m'n)\s+(?:moeder|vader|ma|pa|mam|pap|zus|broer)\s+roept|"
    r"(?:ff|even|effe)\s+eten|^trouwens\s+(?:weet|heeft|is|zijn|wie|wat|hoe|heb)\s+(?:iemand|jij|je|er|de|het)|^kijk\s+(?:die|dat|deze|daar|hier|nou)\b|^\d+\s+graden\b)\b"
)
# Where the student is now and that they are short of time: "ik zit nu in de les dus kan nie
# lang", "zit in de trein, bereik is slecht".
_BUSY_NOW = re.compile(
    r"^(?:sorry[\s,]+)?(?:ik\s+)?zit\s+(?:nu\s+|net\s+|nog\s+)?(?:in|op)\s+(?:de|het|m[ny]|mijn)\s+"
    r"(?:les|klas|trein|bus|tram|metro|werk|kantine|wc|auto|bank)\b|"
    r"\b(?:kan|heb)\s+(?:nu\s+)?(?:niet|nie)\s+(?:zo\s+)?(?:lang|veel\s+tijd)\b|\bbereik\s+is\s+(?:slecht|kut|bagger)|"
    r"^(?:ff|even|effe)\s+iets\s+anders\b"
)
# A message meant for someone else: arranging to meet ("bro wacht op mij bij de ingang", "ben er
# om 8 he", "neem jij de chips mee") or saying it went to the wrong chat.
_TO_SOMEONE_ELSE = re.compile(
    r"^(?:(?:bro|broer|bruh|mattie|matti|gap|maat|guys|jongens|meiden|mam|mama|pap|papa|schat|babe|"
    r"lieverd|sis|ouwe)[\s,]+)?(?:wacht\s+(?:ff\s+|even\s+|effe\s+)?op\s+(?:mij|me|ons)|ben\s+er\s+(?:om|over|zo)\b|"
    r"ik\s+kom\s+(?:eraan|zo|er\s+zo\s+aan)|waar\s+blijf\s+(?:je|jij|jullie)|waar\s+(?:ben|zit)\s+(?:je|jij|jullie)\s+(?:nou|nu|ergens)\b|neem\s+(?:jij|je)\b.*\bmee|"
    r"kom\s+(?:je|jij|jullie)\s+(?:ook|nog|zo)|kan\s+iemand\s+(?:mij|me|ons)\s+(?:\S+\s+){0,4}(?:sturen|ophalen|brengen|lenen|geven|appen|bellen)\b)|\b(?:verkeerde\s+(?:chat|app|gesprek)|"
    r"(?:sorry|oeps|oops|sry)\s+(?:\w+\s+)?verkeerde\s+\w+|wrong\s+(?:chat|convo|person))\b"
)
# Leaving the conversation, however long the message around it: "ik wil dit gesprek stoppen",
# "ik wil hier eigenlijk niet aan meedoen, ...". Stopping a study or a job is not this.
_LEAVING_THE_TALK = re.compile(
    r"\b(?:wil\s+(?:het|dit|dat|deze|met\s+(?:het|dit))\s+gesprek\s+(?:stoppen|beeindigen|beëindigen|afbreken|niet)|"
    r"stoppen\s+met\s+(?:dit|het|deze|dat)\s+(?:gesprek|gedoe|chat)|"
    r"wil\s+(?:hier|daar|er)\s+(?:eigenlijk\s+|echt\s+|gewoon\s+)?(?:niet|nie|geen)\s+(?:aan\s+)?meedoen|"
    r"geen\s+zin\s+in\s+(?:dit|dat|het|deze)\s+(?:gesprek|gedoe|chat|gesprekje))|"
    r"\bik\s+(?:stop|kap|ben\s+weg)(?:\s+(?:ermee|nu|hiermee))?[\s!.]*$"
)
# "Weet ik niet" said about the question, as the whole message: "geen idee waar ik energie van
# krijg eerlijk gezegd", "ik weet niet wat ik goed kan", "ik kan me niks herinneren". A comma
# or full stop after it may bring an answer ("geen idee wat ik kies, misschien de zorg").
_DONT_KNOW_CLAUSE = re.compile(
    r"^(?:eerlijk\s+gezegd\s+|eerlijk\s+)?(?:(?:ik\s+)?heb\s+)?(?:echt\s+|nog\s+)?geen\s+(?:flauw\s+)?idee\s+"
    r"(?:waar|wat|hoe|wie|wanneer|welk\w*|hoeveel|of|van)\b[^,.;!?]*[.!?]*$|"
    r"^(?:ik\s+|k\s+)?weet\s+(?:ik\s+)?(?:het\s+)?(?:echt\s+|eigenlijk\s+)?(?:nog\s+)?(?:niet|nie)\s+"
    r"(?:wat|waar|hoe|wie|wanneer|welk\w*|hoeveel|of)\b[^,.;!?]*[.!?]*$|"
    r"^(?:ik\s+)?(?:kan|weet)\s+(?:me|mij)\s+(?:echt\s+)?(?:niks|niets|niet\s+veel|weinig)\s+(?:meer\s+)?"
    r"(?:te\s+)?herinneren\b[^,.;!?]*[.!?]*$|"
    r"^i\s+(?:really\s+|honestly\s+|just\s+)?(?:dont|don't|do\s+not)\s+know\b"
    r"(?:\s+(?:tbh|honestly|really|man|sorry|lol|haha))*[.!?\s]*$"
)
# A refusal that opens the message, with a reason after it: "ik wil hier niet over praten, het
# was een nare tijd".
_REFUSAL_START = re.compile(
    r"^(?:nee[\s,]+)?(?:ik\s+wil\s+(?:het\s+)?(?:hier|daar|er)\s+(?:liever\s+|echt\s+)?(?:niet|nie)\s+over\s+"
    r"(?:praten|hebben|vertellen)|daar\s+wil\s+ik\s+(?:het\s+)?(?:liever\s+)?(?:niet|nie)\s+over\s+(?:praten|hebben)|"
    r"ik\s+wil\s+geen\s+(?:cijfer|antwoord|datum|naam)\s+geven|"
    r"ik\s+wil\s+(?:eerlijk\s+gezegd\s+|echt\s+)?geen\s+(?:stap|stappen)\s+(?:zetten|doen|bedenken))\b"
)
# ... or closes it, however long the reason before it: "..., dus sla dit deel maar over alsjeblieft".
_REFUSAL_END = re.compile(
    r"\bniet\s+met\s+(?:een|jou|deze|die)(?:\s+(?:bot|chatbot|computer))?[\s!.]*$|\b(?:dat|dit|het)\s+wil\s+ik\s+(?:liever\s+)?(?:niet|nie)\s+(?:vertellen|zeggen|delen)[\s.!]*$|\bsla\s+(?:dit|deze|die|dat)?\s*(?:deel|vraag|stuk)?\s*(?:maar\s+)?over(?:\s+(?:alsjeblieft|aub|pls|please|graag))?[\s.!]*$"
)
# Talk of something else that looks like content: games, series, sport results, the bus, the
# charger, homework or plans for later. Counted where the question asks about the student's
# experience or self, not where plans, steps or obstacles are asked.
_ELSEWHERE = re.compile(
    r"\b(?:(?:fifa|fortnite|minecraft|roblox|gta|squid\s+game|netflix|serie|seizoen|tiktok|snapchat|"
    r"instagram|playstation|xbox|psv|ajax|feyenoord|kampioen|(?:nieuwe\s+)?update|oplader)\b|"
    r"(?:de|mijn|mn)\s+bus\s+(?:gaat|komt|is)|bus\s+gaat\s+zo|huiswerk\s+voor\s+(?:morgen|straks)|"
    r"moet\s+nog\s+(?:een\s+)?(?:verslag|huiswerk|opdracht)\w*\s+(?:maken|doen|afmaken)\s+voor|"
    r"^(?:morgen|vanavond|straks|zo|nu)\s+(?:heb|moet|ga)\s+ik\b|^(?:ik\s+)?heb\s+(?:morgen|vanavond|straks|nog)\s+"
    r"(?:een\s+)?(?:toets|voetbal|training|les|werk|wiskunde|huiswerk|afspraak)|"
    r"moet\s+nog\s+(?:\w+\s+){0,2}(?:verslag|huiswerk|opdracht|toets)\w*(?:\s+\w+){0,2}\s+voor\s+(?:morgen|straks|vanavond)|"
    r"servers?\s+(?:ligt|liggen|is|zijn)|wedstrijd\s+van)\b"
)
# Games and series where plans are asked, when nothing says it is a plan.
_LEISURE = re.compile(
    r"\b(?:fifa|fortnite|minecraft|roblox|gta|squid\s+game|netflix|serie|seizoen|tiktok|playstation|"
    r"xbox|psv|ajax|feyenoord|kampioen)\b"
)
_PLAN = re.compile(
    r"\b(?:ik|mij|mijn|wil|iets\s+met|werken|opleiding|studie|baan|beroep|stage|cursus|"
    r"meelopen|kijken|proberen|leren|maken|ontwerp\w*|developer|design)\b"
)
# News about someone else, with them as the subject and the student nowhere in it: "mijn
# vriend gaat morgen naar de open dag", "mn oma is jarig vandaag". Where the question is about
# the student themselves it is talk of something else; where a helper, how a step went, what
# is in the way or a story is asked, someone else may well be the answer.
_SOMEONE_ELSES_NEWS = re.compile(
    r"^(?:(?:beide|allebei|al)\s+)?(?:mijn|mn|m'?n)\s+(?:beste\s+)?(?:vriend\w*|zus\w*|broer\w*|moeder|vader|ma|pa|neef\w*|"
    r"nicht\w*|oom|tante|klasgeno\w+|collega\w*|baas|mentor|docent|leraar|juf|ouders|vrienden|opa|"
    r"oma|buur\w+|stagebegeleider|begeleider|leidinggevende|manager|teamleider|chef)"
    r"(?:\s+z'?n\s+\w+|\s+en\s+(?:mijn|mn|m'?n)\s+\w+)?\s+(?:gaat|ging|gingen|doet|deed|is|heeft|had|moest|moet|zegt|zei|vindt|"
    r"vond|wil|wou|werkt|werkte|kreeg|krijgt|was|zit|zat|woont|komt|kwam|belde|stuurde|appte|twijfelt|"
    r"twijfelde|studeert|studeerde|kiest|koos|zoekt|zocht|"
    r"werken|zijn|hebben|gaan|doen|zitten|wonen|komen|vinden|zeggen|waren|hadden|gingen)\b|"
    r"^my\s+(?:best\s+)?(?:friend|cousin|sister|brother|mom|mum|mother|dad|father|manager|boss|teacher|"
    r"mentor|classmate|colleague|girlfriend|boyfriend|grandma|grandpa|uncle|aunt|neighbou?r|parent)s?\s+"
    r"(?:just\s+)?(?:is|are|was|were|will|went|got|has|have|had|gave|said|says|did|does|texted|called|"
    r"started|works)\b"
)
# News about family or friends, told as theirs: the student's own moment has the student in it.
_CLOSE_PEOPLE = (
    r"(?:beste\s+)?(?:vriend\w*|zus\w*|broer\w*|moeder|vader|ma|pa|neef\w*|nicht\w*|oom|tante|"
    r"ouders|opa|oma|buur\w+|klasgeno\w+)\b"
)
_FAMILY_FIRST = re.compile(
    r"^(?:mijn|mn|m'?n)\s+"
    + _CLOSE_PEOPLE
    + r"|^my\s+(?:best\s+)?(?:friend|cousin|sister|brother|mom|"
    r"mum|mother|dad|father|grandma|grandpa|uncle|aunt|neighbou?r|parent|classmate|girlfriend|boyfriend)s?\b"
)
# What is never put aside as someone else's news (with a loss): illness, a fight at home.
_HARD_NEWS = re.compile(
    r"\b(?:dood|ziek|zieke|ziekte|ongeluk|kanker|scheiden|scheiding|ruzie|politie|sick|ill|accident|"
    r"cancer|divorce\w*|fight|police)\b"
)


# A loss: told where a moment is asked, it is the student's moment, never talk of something else.
_LOSS = re.compile(
    r"\b(?:overleden|gestorven|overlijden|begrafenis|uitvaart|crematie|passed\s+away|died|funeral)\b"
)


def tells_a_loss(text: str) -> bool:
    """ "mijn opa is vorige week overleden": a death close to the student."""
    return bool(_LOSS.search(_letters_only(_norm(text))))


def _family_news(plain: str) -> bool:
    """Someone close's news where the student's own moment is asked ("mn zus heeft vandaag haar
    rijexamen"): no "ik" (nor the "heb"/"ben" of a dropped one) and nothing hard to hear."""
    return bool(
        _FAMILY_FIRST.match(plain)
        and not _STUDENT_IN_IT.search(plain)
        and not re.search(r"\b(?:heb|ben)\b", plain)
        and not _HARD_NEWS.search(plain)
        and not _LOSS.search(plain)
        and assess(plain).level == "none"
    )


def someone_elses_news(question: str, text: str) -> bool:
    """Someone else's news where the student's own is asked: "mn broer heeft gister zn rijbewijs
    gehaald" as the student's moment, "mijn vriend gaat morgen naar de open dag" as their step."""
    plain = _letters_only(_norm(text))
    if question in ("experience", "other_situations") and _family_news(plain):
        return True
    if question == "step_outcome" and not _STUDENT_IN_IT.search(plain):
        # "mn vriendin had haar stap wel gedaan", "het ging goed met mn broer zn operatie":
        # how it went for them, not the student's step.
        if _HOW_IT_WENT_FOR_THEM.search(plain):
            return True
        return bool(
            (_family_news(plain) or _SOMEONE_ELSES_NEWS.match(plain))
            and not _ABOUT_THE_STEP.search(plain)
        )
    return bool(
        question in ABOUT_THE_STUDENT
        and _SOMEONE_ELSES_NEWS.match(plain)
        and not _STUDENT_IN_IT.search(plain)
    )


# At how a step went: news of someone close that is not about the step ("het" is the step in
# "mn moeder heeft geholpen en toen ging het prima").
_HOW_IT_WENT_FOR_THEM = re.compile(
    r"\b(?:ging|gaat|liep|loopt)\s+(?:\w+\s+){0,2}met\s+(?:mijn|mn|m'?n)\s+" + _CLOSE_PEOPLE
)
_ABOUT_THE_STEP = re.compile(
    r"\b(?:het|t|dat|gelukt|geholpen|hielp|samen|it|nog\s+niet|wordt|verzet|verschoven|uitgesteld)\b"
)
# The same news with the verb first, after a time said first: "(zaterdag) gaat mn broer trouwen".
_SOMEONE_ELSE_FIRST_AFTER_VERB = re.compile(r"^\w+\s+(?:mijn|mn|m'?n|onze)\s+" + _CLOSE_PEOPLE)
_STUDENT_IN_IT = re.compile(
    r"\b(?:ik|k|me|mij|mezelf|mijzelf|we|wij|ons|onze|samen|i|myself|us|our)\b"
)
ELSEWHERE_QUESTIONS = {
    "experience",
    "what_happened",
    "other_situations",
    "common_thread",
    "qualities",
    "to_learn",
    "motives",
    "kernwoord",
    "kernwoord_check",
    "step_who",
    "step_zin",
    "step_outcome",
}
# Where the question is about the student themselves: not a story, a helper or how a step went.
ABOUT_THE_STUDENT = (ELSEWHERE_QUESTIONS - STORY_QUESTIONS - {"step_who", "step_outcome"}) | {
    "options",
    "step_what",
}

_BARE_YES_NO = re.compile(
    r"^(?:ja+|jaa+|jep+|jup+|yes|yep|jawel|jazekers?|zeker|klopt|nee+|neen|neuh|nope|nah|no|yes\s+ja|ja\s+yes|nee\s+joh|nope\s+nee|nee\s+nope|nein|jahoor|ja\s+hoor\s+ja|(?:ja+|nee+)\s+(?:man|joh|bro|gast)|ja\s+doe\s+ik|"
    r"(?:ja+\s+)?(?:wss|waarschijnlijk)|nou\s+nee|nee\s+eigenlijk(?:\s+niet)?|"
    r"ja\s+ja|nee\s+nee|jaja|neenee|(?:dat\s+)?klopt(?:\s+(?:wel|ja|helemaal|zeker))?|(?:ja+|jep|yes)[\s,]+denk\s+(?:het|t|van)\s+wel|(?:jup|jep|yep|yes|ja+)\s+(?:ja+|jup|jep|yes)|"
    r"nee\s+hoor|ja\s+hoor|ja\s+zeker|nee\s+niet\s+echt|niet\s+echt|ja\s+wel|ja\s+toch|(?:ja\s+|nee\s+)?dat\s+wel|"
    r"ja\s+en\s+nee|mwa+|soms|misschien|kweenie|(?:ja\s+)?(?:natuurlijk|tuurlijk|uiteraard)|"
    r"(?:ja|jaa|jep|jup|yes|nee|neuh)[\s,]+(?:misschien(?:\s+wel)?|best\s+wel|prima|oke|ok|wel|denk\s+het|denk\s+ik|eigenlijk\s+wel)|"
    r"(?:ja|jaa|jep|yes)[\s,]+(?:idd|inderdaad)|idd|inderdaad|"
    r"misschien\s+wel|best\s+wel|(?:ik\s+)?denk\s+(?:het|t|'t|van)\s+(?:wel|niet|nie)|(?:ik\s+)?denk\s+ik\s+(?:wel|niet))[\s,.!?]*$"
)
# A clause where a helper is asked: a condition or a reason, no one named.
_CLAUSE_FIRST = re.compile(r"^(?:als|omdat|wanneer|want|if|because|when)\s+\w+")


def _names_someone(tokens: list[str]) -> bool:
    from bot.nlp.story import PEOPLE  # the roles a story names; story loads spaCy lazily

    return any(token in PEOPLE or re.fullmatch(_CLOSE_PEOPLE, token) for token in tokens)


_SOMEONE_UNNAMED = re.compile(
    r"^(?:ja+|jawel|yes|yep)?\s*(?:wel\s+)?(?:iemand|someone|somebody)(?:\s+(?:wel|denk\s+ik))?[\s,.!]*$"
)
# A test coming up, where what to learn is asked: homework, not a wish to grow.
_TEST_SOON = re.compile(
    r"\b(?:toets|tentamen|proefwerk|so)\b.*\b(?:morgen|vanavond|vandaag|straks|overmorgen)\b|"
    r"\b(?:morgen|vanavond|vandaag|straks|overmorgen)\b.*\b(?:toets|tentamen|proefwerk)\b"
)
# Someone close doing something now or soon, at the helper: their news, not their help.
_THEIR_NEWS_AT_WHO = re.compile(
    r"^(?:mijn|mn|m'?n)\s+(?:beste\s+)?\w+\s+(?:gaat|ging|helpt|hielp|is|was|heeft|had|zit|moet|werkt|komt)\b"
)
_NEWS_WORDS = re.compile(
    r"\b(?:vandaag|net|morgen|vanavond|nu|gister\w*|deze\s+week|jarig|ziek|ontslag\w*|gehaald|btw|lol|"
    r"haha\w*|gaat\s+naar|verhuizen|verhuist)\b"
)
_NOBODY = re.compile(
    r"^(?:niemand|niemand\s+eigenlijk|geen|nee\s+niemand|alleen|ik\s+alleen|ikzelf|mezelf|"
    r"mijzelf|gewoon\s+alleen|niemand\s+nodig|doe\s+ik\s+alleen|ik\s+doe\s+het\s+alleen|"
    r"zelf|ik\s+zelf|alleen\s+ik|niet\s+nodig|nobody|no\s+one|noone|niemand\s+denk\s+ik)"
    r"(?:[\s,.!]+(?:tbh|eigenlijk|hoor|denk\s+ik|lol|haha))*[\s,.!]*$"
)
_TIME_WORDS = re.compile(
    r"\b(?:vandaag|morgen|overmorgen|straks|vanavond|vanmiddag|week|weken|weekend|maand|maanden|"
    r"dag|dagen|\w*vakantie|binnenkort|zsm|snel|later|na\s+de|voor\s+de|deze|volgende|komende|"
    r"begin|eind|half|periode|blok|jaar|stage|toets|toetsweek|ochtend|middag|avond|nacht|"
    r"januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|"
    r"maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)\b"
)
# Words that can never be a kernwoord on their own: pronouns, articles, function words.
_FUNCTION_WORDS = set(
    """ik je jij u hij zij ze wij we jullie het dat dit die deze een de en of maar want dus
    mijn m'n mn jouw je zijn haar ons onze hun mij me mezelf jezelf zich wat wie waar hoe
    niet geen wel ook nog al er hier daar toen dan als om te in op aan met van voor bij naar
    uit over door tot is was ben bent zijn heb hebt heeft had iets niets niks alles iedereen
    iemand niemand echt heel erg best gewoon eigenlijk ja nee oke ok misschien zo zoiets""".split()
)
# The days (bot/dutch_dates.py), their short forms, and the relative ones.
_WEEKDAYS = set(WEEKDAYS) | {
    "ma",
    "di",
    "wo",
    "do",
    "vr",
    "za",
    "zo",
    "vandaag",
    "morgen",
    "gisteren",
    "overmorgen",
    "weekend",
}
_MONTHS = set(MONTHS)
_NUMBER_WORD = re.compile(
    r"^(?:een|één|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|honderd|duizend)$"
)
_KERNWOORD_PREFIX = re.compile(
    r"^(?:ik\s+(?:denk|kies|zou\s+zeggen|zeg|vind)\s+(?:dat\s+)?(?:het\s+)?(?:is\s+)?|"
    r"(?:mijn\s+)?kernwoord\s+(?:is|wordt|zou\s+zijn)\s+|het\s+(?:woord\s+)?(?:is|wordt)\s+|"
    r"doe\s+maar\s+|dan\s+(?:kies\s+ik\s+)?|ik\s+kies\s+voor\s+|denk\s+)"
)

_REPEATS = re.compile(r"(.)\1{2,}")


# Chat spellings of the short words the kinds are made of, after ``normalise`` has folded
# stretched letters to two and "nie", "k", "mn" to their full forms.
_VARIANTS = {
    "neej": "nee",
    "neeh": "nee",
    "neee": "nee",
    "nee'": "nee",
    "nej": "nee",
    "ne": "nee",
    "yess": "yes",
    "yesss": "yes",
    "jaa": "ja",
    "jah": "ja",
    "jaah": "ja",
    "ey": "hey",
    "eey": "hey",
    "heej": "hey",
    "heey": "hey",
    "hee": "hey",
    "hoii": "hoi",
    "hallootjes": "hallo",
    "hallo'tjes": "hallo",
    "halloo": "hallo",
    "helloo": "hello",
    "hellow": "hello",
    "uhh": "uh",
    "ehh": "eh",
    "uhm": "uhm",
    "nouja": "nou ja",
    "pass": "pas",
    "oke'": "oke",
    "okee": "oke",
    "okeej": "oke",
    "okeey": "oke",
    "okido": "oke",
}


def _norm(text: str) -> str:
    """Lower case, normalised as the crisis check reads it (look-alikes, stretched letters,
    chat spelling), curly quotes straight, one space, short words in their usual spelling."""
    t = normalise(text or "")
    t = t.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    t = re.sub(r"\s+", " ", t).strip()
    return re.sub(r"[a-z']+", lambda m: _VARIANTS.get(m.group(), m.group()), t)


def _letters_only(text: str) -> str:
    """The text without emoji and symbols, for the whole-message patterns."""
    kept = "".join(
        ch if unicodedata.category(ch)[0] in ("L", "N", "Z") or ch in "'?!.,-/:~" else " "
        for ch in text
    )
    return re.sub(r"\s+", " ", kept).strip()


def _tokens(text: str) -> list[str]:
    return re.findall(r"[a-zà-ÿ0-9']+", text)


def is_laughter(text: str) -> bool:
    """Laughter or emoji only: "haha", "hahaha lol", "😂😂", "xD"."""
    t = _norm(text)
    if t and not any(unicodedata.category(ch)[0] in ("L", "N") for ch in t):
        return True
    tokens = _tokens(_letters_only(t))
    if len(tokens) >= 2 and all(re.match(r"^h+[aei]+$", token) for token in tokens):
        return True  # "ha ha", "hi hi"
    return bool(tokens) and all(_LAUGHTER_TOKEN.match(token) for token in tokens)


def non_answer_kind(text: str) -> str | None:
    """The kind of non-answer this message is whatever was asked, or None. Yes/no and
    off-topic depend on the question and are judged in ``check_answer``."""
    t = _norm(text)
    if not t:
        return "filler"
    if "👋" in t and not _tokens(_letters_only(t)):
        return "greeting"  # a wave, with or without other emoji
    if is_laughter(t):
        return "laughter"
    plain = _letters_only(t)
    tokens = _tokens(plain)
    if _GOODBYE.match(plain):
        return "off_topic"
    if _GREETING.match(plain):
        return "greeting"
    if _THANKS.match(plain):
        return "thanks"
    if _FILLER.match(plain) or not tokens:
        return "filler"
    short = len(tokens) <= 12
    if (short and _EXPLAIN.search(plain)) or _EXPLAIN_SHORT.match(plain):
        return "explain"
    if is_dont_know(plain) or re.match(
        r"^(?:ik\s+)?(?:weet|weeet)\s+(?:ik\s+)?(?:het\s+|t\s+)?(?:echt\s+|eigenlijk\s+|ook\s+)?(?:nog\s+)?(?:niet|nie|nii|niet\s+zo\s+goed|"
        r"niet\s+precies|niet\s+echt|niet\s+goed)[\s,.!?]*(?:hoor|eigenlijk|echt|ofzo|sorry)?[\s,.!?]*$|"
        r"^(?:k|ik)\s+(?:weet|wee)\s+(?:het\s+|t\s+)?(?:nog\s+)?(?:niet|nie)(?:[\s,]+(?:hoor|eigenlijk|echt|ofzo|sorry|zo\s+goed|meer))*[\s,.!?]*$|"
        r"^(?:(?:ik\s+)?(?:heb\s+)?(?:echt\s+|totaal\s+|helemaal\s+|werkelijk\s+)?geen\s+(?:flauw\s+)?(?:idee|benul|clue)|kweenie|(?:moeilijk|lastig)\s+te\s+zeggen|(?:ik\s+)?twijfel(?:\s+(?:nog|echt))?|(?:ik\s+)?twijfel[\s,]+(?:k\s+|ik\s+)?weet\s+(?:het\s+|t\s+)?(?:niet|nie)|weenie|geen\s+plan|"
        r"kan\s+ik\s+(?:me\s+)?(?:niet|niks|niets)\s+(?:bedenken|herinneren|verzinnen)|(?:ik\s+)?kan\s+(?:niks|niets)\s+bedenken|"
        r"niks\s+te\s+bedenken|geen\s+idee\s+eerlijk\s+gezegd|(?:ik\s+)?heb\s+geen\s+idee|"
        r"weet\s+ik\s+veel|geen\s+flauw\s+idee|dat\s+weet\s+ik\s+(?:nog\s+)?niet|"
        r"(?:ik\s+)?zou\s+het\s+(?:echt\s+|eigenlijk\s+)?niet\s+weten|weet\s+ik\s+niet\s+(?:zo\s+goed\s+)?meer|"
        r"idk|i\s+dont\s+know|no\s+idea|weetnie|weet\s+niet\s+of\s+(?:dat|het)\s+(?:past|klopt)|"
        r"(?:daar\s+)?heb\s+ik\s+(?:nog\s+)?nooit\s+over\s+nagedacht|(?:ik\s+)?(?:zie|snap)\s+(?:het|t)\s+(?:niet|nie)(?:\s+echt|\s+zo)?)"
        r"(?:[\s,]+(?:hoor|eigenlijk|echt|ofzo|sorry|joh|man|bro|eerlijk(?:\s+gezegd)?|nog|zo|tbh|haha\w*|precies|"
        r"lol|wie|wat|wanneer|waar|hoe|geen\s+idee|idk|(?:ik\s+)?weet\s+(?:het\s+|t\s+)?(?:niet|nie)))*[\s,.!?]*$",
        plain,
    ):
        return "dont_know"
    if len(tokens) <= 12 and _DONT_KNOW_CLAUSE.match(plain) and not _HEDGE_THEN_ANSWER.match(plain):
        return "dont_know"
    if (
        (len(tokens) <= 9 and _REFUSAL.search(plain))
        or (len(tokens) <= 14 and _REFUSAL_START.match(plain))
        or (len(tokens) <= 50 and _REFUSAL_END.search(plain))
        or (len(tokens) <= 50 and _LEAVING_THE_TALK.search(plain))
    ):
        return "refusal"
    if (
        (len(tokens) <= 8 and _OFF_TOPIC.search(plain))
        or (len(tokens) <= 12 and _BUSY_NOW.search(plain))
        or meant_for_someone_else(text)
    ):
        return "off_topic"
    if _is_question_back(plain, tokens):
        return "question_back"
    return None


# The student steps away for a moment: "ff wachten mn moeder roept", "ik ga ff eten, ben zo
# terug", "brb". Thinking ("wacht even ik denk na") is a filler, heard before this.
_STEPS_AWAY = re.compile(
    r"^(?:(?:ff|even|effe)\s+wachten|wacht\s+(?:ff|even|effe|1\s+sec)|brb|"
    r"ben\s+(?:zo|zometeen|ff|even)\s+(?:terug|weg)|momentje|(?:1|een)\s+(?:sec|secje|momentje|minuutje))\b|"
    r"\bbrb[\s!.]*$|\bben\s+(?:zo|zometeen|zo\s+weer)\s+terug[\s!.]*$|\b(?:ik\s+)?kom\s+(?:zo|eraan|er\s+zo\s+aan)\b|\bben\s+(?:al\s+)?onderweg\b|"
    r"(?:\w+[\s,]+){3,}(?:(?:ff|even|effe)\s+wachten|wacht(?:\s+(?:ff|even|effe))?|1\s+sec)[\s!.]*$"
)


def steps_away(text: str) -> bool:
    """The student is away for a moment and will be back (not thinking: "wacht even ik denk na")."""
    plain = _letters_only(_norm(text))
    return bool(_STEPS_AWAY.search(plain)) and not re.search(r"\b(?:denk|denken|nadenken)\b", plain)


def meant_for_someone_else(text: str) -> bool:
    """A message meant for a friend or a parent ("bro wacht op mij bij de ingang", "sorry
    verkeerde chat"): no remark to say back to the student."""
    plain = _letters_only(_norm(text))
    return len(_tokens(plain)) <= 12 and bool(_TO_SOMEONE_ELSE.search(plain))


def _is_date_word(token: str) -> bool:
    return (
        token in _WEEKDAYS or token in _MONTHS or token.isdigit() or bool(_NUMBER_WORD.match(token))
    )


def only_dates_or_numbers(text: str) -> bool:
    """Only a weekday, a month, a date or a number ("maandag", "12", "drie")."""
    tokens = _tokens(_letters_only(_norm(text)))
    return bool(tokens) and all(_is_date_word(token) for token in tokens)


# A time of day, not a score: "10 past 3", "kwart over 3", "half 4", "om 3 uur".
_CLOCK = re.compile(
    r"\b(?:\d+|\w+)\s+(?:past|to|over|voor)\s+(?:\d+|half)\b|\bkwart\s+(?:over|voor)\s+\w+|"
    r"\bhalf\s+\d+\b|\bom\s+\d+(?:\s+uur)?\b|\b\d+\s*(?:am|pm)\b|\bo'?clock\b"
)
_OK = re.compile(
    r"^(?:ja+[\s,]+)?(?:o+k+|oke+|oké|okee+|okay|prima|jaja|is\s+goed|goed\s+hoor)(?:[\s,]+(?:prima|dan|hoor))?[\s,.!]*$"
)
_TIME_PHRASE = re.compile(
    r"^(?:(?:over|na|binnen|in)\s+(?:\w+\s+)?(?:dag|dagen|week|weken|maand|maanden|jaar)|"
    r"(?:volgende|komende|deze|vorige)\s+(?:week|maand|jaar|keer)|"
    r"vandaag|morgen|overmorgen|straks|binnenkort|vanavond|gisteren|gister)$"
)


def kernwoord_of(text: str) -> str | None:
    """The kernwoord in an answer ("mijn kernwoord is 'helpen'" -> "helpen"), or None when the
    answer holds no content word of at most three words."""
    t = _norm(text)
    t = _KERNWOORD_PREFIX.sub("", t)
    t = t.strip(" \"'.,!?:;")
    tokens = _tokens(_letters_only(t))
    if not tokens or len(tokens) > 3:
        return None
    if all(token in _FUNCTION_WORDS or _is_date_word(token) for token in tokens):
        return None
    if any(_is_date_word(token) for token in tokens) and len(tokens) <= 2:
        return None
    if re.search(r"\d", t):
        return None
    if parse_dutch_date(t, date.today()) is not None or _TIME_PHRASE.match(" ".join(tokens)):
        return None  # "over twee weken", "volgende week": when, not what
    # The student's own spelling, without the prefix and surrounding quotes.
    original = re.sub(r"\s+", " ", (text or "").strip())
    start = original.lower().find(tokens[0])
    end = original.lower().rfind(tokens[-1])
    if start >= 0 and end >= start:
        return original[start : end + len(tokens[-1])]
    return " ".join(tokens)


# A date told about something past or in passing, not when the step will be done: "vrijdag was
# ik ziek trouwens", "vrijdag is er een open dag". (The weather, the news and celebrations are
# read by _NEWS_REMARK and _CELEBRATION below, with a stricter test of a plan.)
_DATE_REMARK = re.compile(
    r"\btrouwens\b|\bbtw\b|^\w+\s+is\s+er\b|"
    r"\b(?:was|waren|zat|zaten|had|hadden|begon|begonnen|ging|gingen|kwam|heb\s+\w+\s+(?:gehad|gedaan|gewerkt|geslapen)|"
    r"vorig\s+jaar|vorige\s+(?:week|maand)|gister\w*)\b|\bheb\s+(?:[\w']+\s+){0,3}(?:les|school|werk|dienst|training)\b|"
    r"\b(?:no|geen)\s+school\b|\bdon'?t\s+have\s+school\b"
)
# Going somewhere, said by the way: "weekend ga ik trouwens naar mn oma in belgië".
_GOING_ELSEWHERE_BY_THE_WAY = re.compile(
    r"\b(?:trouwens|btw)\b.*\b(?:ga|gaan|gaat)\s+(?:ik\s+|we\s+)?(?:naar|op)\b|"
    r"\b(?:ga|gaan|gaat)\s+(?:ik\s+|we\s+)?(?:trouwens|btw)\s+(?:naar|op)\b"
)
# What makes it a plan after all: "vrijdag, dan ga ik", "na mijn verjaardag", "was ik al van plan".
_DATE_PLAN = re.compile(
    r"\b(?:ga|gaan|gaat|zal|zullen|wil|wou|plan|van\s+plan|doe|doen|probeer|proberen|stuur|bel|vraag|"
    r"na|voor|dan|daarna|uiterlijk|volgende|komende|morgen|overmorgen|straks)\b"
)


# A number that counts something is no score: "ik heb 3 broers", "het is 8 graden", "bus komt
# over 5 min". What may follow a score: "8 van de 10", "7 denk ik", "6 want ...", "9 punten".
_COUNTED = re.compile(
    r"\b(?:\d+|twee|drie|vier|vijf|zes|zeven|acht|negen|tien)\s+"
    r"(?!(?:punten|punt|misschien|eigenlijk|zeggen|geven|denken|eens|sowieso|plus|min\b|minimaal|maximaal|"
    r"ofzo|ongeveer|haha\w*|echt|wel|hoor)\b)"
    r"(?:[a-z]{2,}(?:en|s)|min|uur|euro|km|kilo|keer|jaar|graden|procent)\b"
)
# A grade is no score for how much the student feels like the step: "ik heb een 8 gehaald".
_GRADE = re.compile(
    r"\b(?:gehaald|haalde|gescoord|rapport|voor\s+(?:engels|wiskunde|nederlands|duits|frans|de\s+toets))\b|"
    r"\b(?:got|scored|had)\s+(?:a|an)\s+\d+(?:[.,]\d)?\s+(?:on|for|in)\b"
)
# The score first, its remark after: "hmm 4, ik heb er weinig zin in", "een 7 want ...".
_SCORE_FIRST = re.compile(
    r"^(?:(?:hmm+|uhm+|eh+m?|nou|pff+|tja+|haha\w*|ok[eé]?|ja|nee|(?:ik\s+)?denk|ik\s+zou\s+zeggen|zeg\s+maar)[\s,.]+)*(?:een\s+|n\s+)?"
    r"(?:10|[1-9](?:[.,]5)?|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|(?:twee|drie|vier|vijf|zes|zeven|acht|negen|tien)t?je)"
    r"(?:\s*/\s*10|\s+(?:van\s+de|uit|op)\s+10)?(?:[\s,.!]|$)"
)
# "hmm nee laat maar", "haha ja mn moeder zegt dat ook": the yes or no after a sound.
_LEADING_FILLER = re.compile(
    r"^(?:(?:h+m+|haha\w*|hah|uh+m*|e+h+m*|nou|oh+|ah+|tja+|pff+)[\s,.!]+)+"
)


# The weather, the news, trains that fail: a remark unless the student says what they will do
# ("morgen, als de trein niet uitvalt", "volgende week ga ik, als er geen staking is").
_NEWS_REMARK = re.compile(
    r"\b(?:(?:lekker|mooi|slecht|rot|kut|koud|warm|heet|raar)\s+weer|storm\w*|regenen|regent|sneeuwen|sneeuwt|onweer\w*|graden|hittegolf|nieuws|staakt|staking|vertraging|"
    r"valt\s+(?:[\w']+\s+){0,3}uit)\b"
)
_OWN_PLAN = re.compile(
    r"\b(?:ik|we)\s+(?:ga|gaan|doe|doen|wil|zal|probeer|stuur|bel|vraag)\b|"
    r"\b(?:ga|doe|wil|zal|probeer|stuur|bel|vraag)\s+(?:ik|we)\b|\bals\b|\bdan\b|^\W*\w+\W*,"
)


# Someone's birthday, a party or a holiday is a remark whatever day it names, unless the student
# says what they will do ("na mijn verjaardag ga ik", "vrijdag, voor het feest", "volgende week
# hebben we vakantie, dan ga ik").
_CELEBRATION = re.compile(
    r"\b(?:jarig|verjaardag|feest\w*|bruiloft|trouwt|trouwen)\b|"
    r"\b(?:begint|start|eindigt)\s+(?:de\s+|het\s+)?(?:ramadan|suikerfeest|kerst|pasen|carnaval)\b|"
    r"\b(?:hebben\s+we|we\s+hebben|heb\s+ik|ik\s+heb|is\s+het|begint\s+de)\s+(?:\w*vakantie|vrij)\b"
)


def looks_like_step_answer(text: str, today: date | None = None) -> bool:
    """A score first ("hmm 6, vind het wel spannend") or a date the step can take ("donderdag
    na school"): what answers the step questions, whatever else the message says. Used to keep
    the intent classifier from taking such an answer for an interruption."""
    t = _norm(text)
    plain = _letters_only(t)
    if _SCORE_FIRST.match(plain) and scale_1_to_10(plain) is not None:
        return True
    return parse_dutch_date(t, today or date.today()) is not None and not _date_remark(plain)


# An appointment of the student's own that is no step ("morgen heb ik tandarts", "on friday we
# have a party", "zaterdag moet ik werken"): a day named for something else, unless the step is
# set by it ("na de training", "daarna").
_APPOINTMENT = re.compile(
    r"\b(?:tandarts|dokter|huisarts|orthodontist|kapper|fysio\w*|dentist|doctor|rijles|training|"
    r"wedstrijd|match|party|concert|festival|birthday|wedding|holiday|toets\w*|tentamen\w*|examen\w*|exams?|"
    r"(?:football|soccer|basketball)\s+(?:game|match|practice)|game)\b|"
    r"\b(?:moet\s+ik|ik\s+moet)\s+(?:de\s+hele\s+dag\s+)?werken\b|\bwerk\s+ik\s+(?:de\s+hele\s+dag|van|tot)\b|"
    r"\b(?:heb\s+ik|ik\s+heb)\s+(?:een\s+)?(?:dienst|avonddienst|dagdienst|nachtdienst)\b|"
    r"\b(?:i\s+)?(?:have\s+to|gotta)\s+work\b|\bi'?m\s+working\b|\b(?:my|mn|mijn)\s+shift\b|"
    r"\bstudiedag\b|\bgeen\s+(?:les|school)\b"
)
_SET_BY_IT = re.compile(r"\b(?:na|voor|daarna|erna|ervoor|dus|after|before|then)\b")
# A day or week said first, before the rest of a remark: "next week my parents are ...".
_LEADING_TIME = re.compile(
    r"^(?:(?:next|this|last|on|vanavond|morgen|overmorgen|volgende|komende|deze|vorige|tomorrow|"
    r"tonight|today|vandaag)\s+)*(?:week|weekend|maand|month|monday|tuesday|wednesday|thursday|"
    r"friday|saturday|sunday|" + "|".join(WEEKDAYS) + r")?\s*"
)


def busy_that_day(text: str, today: date) -> bool:
    """A day named for an appointment of the student's own ("zaterdag moet ik werken"): that
    day is taken, another is still to be named."""
    t = _norm(text)
    plain = _letters_only(t)
    return bool(
        _APPOINTMENT.search(plain)
        and not _OWN_PLAN.search(plain)
        and not _SET_BY_IT.search(plain)
        and parse_dutch_date(t, today) is not None
    )


# A night out or a game named with its day is a plan of its own, not the step's, unless the
# step is set by it or named in it ("vanavond nog, voordat ik ga gamen").
_OUTING = re.compile(
    r"\b(?:film|bios|bioscoop|de\s+stad|kermis|uit\s+eten|stappen|chillen|shoppen|winkelen|gamen|"
    r"feestje|naar\s+(?:mn|mijn|m'?n)\s+(?:oma|opa|tante|oom|familie|neef|nicht)|"
    r"(?:voetbal|film|serie|wedstrijd)\s+kijken)\b"
)
_STEP_NAMED_OR_SET = re.compile(
    r"\b(?:na|voor|voordat|nadat|daarna|erna|dan|het|dat|dit|stap|mail|bellen|vragen)\b"
)


def _date_remark(plain: str) -> bool:
    if _OUTING.search(plain) and not _STEP_NAMED_OR_SET.search(plain):
        return True  # "vanavond ga ik met de boys naar de film"
    if _APPOINTMENT.search(plain) and not _OWN_PLAN.search(plain) and not _SET_BY_IT.search(plain):
        return True
    rest = _LEADING_TIME.sub("", plain, count=1)
    if not _STUDENT_IN_IT.search(rest) and (
        _SOMEONE_ELSES_NEWS.match(rest)
        or (rest != plain and _SOMEONE_ELSE_FIRST_AFTER_VERB.match(rest))
    ):
        return True  # "next week my parents are going on holiday", "vanavond komt mn tante eten"
    if _GOING_ELSEWHERE_BY_THE_WAY.search(plain) and not re.search(
        r"\b(?:het|dat|dit|hem|stap)\b", plain
    ):
        return True  # "weekend ga ik trouwens naar mn oma": a plan, but not the step's
    if _NEWS_REMARK.search(plain) and not _OWN_PLAN.search(plain):
        return True
    if (
        _CELEBRATION.search(plain)
        and not _OWN_PLAN.search(plain)
        and not re.search(r"\b(?:na|voor)\b", plain)
    ):
        return True
    return bool(_DATE_REMARK.search(plain)) and not _DATE_PLAN.search(plain)


def _date_fits(text: str, today: date) -> bool:
    t = _norm(text)
    return parse_dutch_date(t, today) is not None or bool(_TIME_WORDS.search(t))


_SEES_NOTHING_ALIKE = re.compile(
    r"^(?:ik\s+)?(?:zie|vind|merk)\s+(?:ik\s+)?(?:niks|niets|geen\s+\w+)\s*(?:wat\s+(?:hetzelfde|gelijk)\s+is|"
    r"overeen\w*|gemeen\w*|terug\w*)?(?:[\s,]+(?:weet\s+(?:ik\s+)?(?:niet|nie)|eigenlijk|echt|sorry))*[\s.!]*$"
)
# "dat ik ...", "(hmm) dat het werk zin heeft": a clause that answers what the student is like,
# wants to learn or finds important.
_THAT_CLAUSE = re.compile(
    r"^(?:(?:hmm+|eh+m?|nou|uhm|tja|ja|ok|oke)[\s,]+)?dat\s+(?:ik|het|je|mensen|er|iedereen|anderen|ze|we|"
    r"mn|m'?n|mijn)\s|^that\s+(?:i|my|people|others|everyone|we|it)\s"
)
# What the student wants to find out: the shape of an option to explore or a step.
_TO_EXPLORE = re.compile(
    r"^(?:ik\s+|k\s+)?(?:wil|zou|ga)\s+(?:graag\s+|wel\s+|eerst\s+|nog\s+)?(?:kijken|uitzoeken|onderzoeken|"
    r"weten|ontdekken|proberen|verkennen|meer\s+weten|eens\s+kijken)\b"
)
# A curse or a sigh of frustration alone.
_CURSE_ONLY = re.compile(
    r"^(?:kut|shit|fuck|fck|godver|verdomme|damn|fak|bah)(?:\s+(?:man|zeg|joh|he|jonge|echt|wtf|haha\w*))*$"
)


def is_curse(text: str) -> bool:
    """ "kut", "shit man": a curse or a sigh of frustration alone."""
    return bool(_CURSE_ONLY.match(_letters_only(_norm(text))))


# The student's own act, in the past, first: the telling of a moment.
_TOLD_ACT = re.compile(
    r"^(?:en\s+|toen\s+|nou\s+|eh+m?\s+)?(?:ik|k)\s+(?:zei|vroeg|ging|deed|liep|belde|pakte|probeerde|"
    r"bleef|dacht|voelde|schrok|legde|hielp|gaf|zag|hoorde|kreeg|stond|rende|riep|appte|stuurde|"
    r"draaide|maakte|begon|besloot|werd|kwam|moest|had|was|mocht|kon|wist|viel|zat|lag|huilde|haalde|"
    r"won|verloor)\b(?!\s+(?:net|zojuist|vandaag)\b)"
)


# Someone else's act on the student, first: "ze keek me aan en zei ...", "mijn baas riep me".
_ACT_ON_ME = re.compile(
    r"^(?:en\s+|toen\s+)?(?:ze|zij|hij|die|(?:mijn|mn|m'?n|de|een|haar|zijn)\s+\w+)\s+(\w+)\s+"
    r"(?:\w+\s+)?(?:me|mij)\b"
)


def _told_act_on_me(plain: str) -> bool:
    """Whether ``plain`` starts with someone's act on the student in the past tense (12
    labelled story answers to 0 non-answers; "mn moeder roept me voor het eten" is now)."""
    # Imported here: the conjugation tables are not needed by every user of the check.
    from bot.nlp.second_person import is_past_form

    found = _ACT_ON_ME.match(plain)
    return found is not None and is_past_form(found.group(1))


def check_answer(question: str, text: str, today: date | None = None) -> str:
    """``ANSWER`` when ``text`` answers ``question`` (a form slot name), else the kind of
    non-answer (see the module docstring)."""
    t = _norm(text)
    plain = _letters_only(t)
    tokens = _tokens(plain)
    if question == "share_consent":
        if consent_answer(_LEADING_FILLER.sub("", plain)) is not None:
            return ANSWER
    elif question in YES_NO_QUESTIONS and yes_or_no(_LEADING_FILLER.sub("", plain)) is not None:
        if _THANKS.match(plain) and not re.match(
            r"^(?:ja+|yes|jep|jazeker|nee+|no|nope|nah)\b", plain
        ):
            return "thanks"  # "oke thnx" (labelled thanks at every question; "ja dankje" is a yes)
        return _yes_or_no_heard(question, text, tokens)
    # A bare "ja" to how the step went tells that something happened, not how it went (14
    # labelled lines, all a bare yes): the form asks how.
    bare_yes = bool(_BARE_YES_NO.match(plain)) and yes_or_no(plain) is True
    if question == "step_outcome" and tokens and step_outcome(plain) is not None and not bare_yes:
        asks_back = plain.endswith("?") and _is_question_back(plain, tokens)
        elsewhere = len(tokens) <= 12 and bool(_OFF_TOPIC.search(plain))
        theirs = someone_elses_news(question, text)
        filler = _FILLER.match(plain) and not went_well(plain)
        if not (_GREETING.match(plain) or filler or asks_back or elsewhere or theirs):
            return ANSWER
    if question == "step_outcome" and _OUTCOME_SAID.match(plain):
        return ANSWER  # "slecht", "ging wel", "viel tegen": how it went, to be told more of
    if _HARD_QUESTION.match(plain):
        # "hmm lastig": thinking aloud; asked how the step went, it is how it went.
        return ANSWER if question == "step_outcome" else "filler"
    if question == "common_thread" and _SEES_NOTHING_ALIKE.match(plain):
        return "dont_know"  # "ik zie niks wat hetzelfde is, weet niet"
    if question == "other_situations" and _KNOW_ONE.match(plain):
        return "yes_no"  # "ja ken ik wel": a moment is there, still untold
    if question == "step_who" and _NOBODY.match(plain):
        return ANSWER
    if question == "step_who" and _CLAUSE_FIRST.match(plain) and not _names_someone(tokens):
        return "off_topic"  # "als ik het vergeet": what might get in the way, not who helps
    if question == "to_learn" and _TEST_SOON.search(plain):
        return "off_topic"  # "morgen toets rekenen en ik heb nog niks gedaan" (13 to 0)
    if question == "step_who" and _THEIR_NEWS_AT_WHO.match(plain) and _NEWS_WORDS.search(plain):
        return "off_topic"  # "mn beste vriend gaat naar australie" (53 non-answers to 3 answers)
    if question == "step_who" and _SOMEONE_UNNAMED.match(plain):
        return "yes_no"  # "ja iemand wel": there is someone, still to be named
    if question == "step_zin":
        number = re.search(r"\b\d+\b", plain)
        if number and int(number.group()) > 10 and scale_1_to_10(plain) is None:
            return "off_topic"
        if number and int(number.group()) > 10:
            return "off_topic"
        if re.search(r"\d\s*%|\bprocent\b|\bbatterij\b", t) or _CLOCK.search(plain):
            return "off_topic"  # "nog 4% batterij", "it's 10 past 3 already", "half 4"
        if _COUNTED.search(plain) or _GRADE.search(plain) or re.search(r"\b\d+[.:]\d\d\b", plain):
            return "off_topic"  # counted, a grade, a room or a time ("lokaal 2.08", "14:32")
        if (
            _SCORE_FIRST.match(plain)
            and scale_1_to_10(plain) is not None
            and non_answer_kind(text) != "explain"
        ):
            return ANSWER  # "hmm 4, ik heb er egt weinig zin in"
    if question == "step_when" and re.match(
        r"^(?:in\s+de\s+|s\s+)?(?:middag|avond|middags|avonds)$", plain
    ):
        return "off_topic"  # a time of day, not a greeting here: which day is asked again
    if question == "step_when" and is_no_date(text):
        return ANSWER  # "nog geen datum": the step is kept without one
    if question == "step_when" and _date_remark(plain):
        return "off_topic"
    if (
        question == "step_when"
        and today is not None
        and parse_dutch_date(t, today) is not None
        and not _is_question_back(plain, tokens)
    ):
        return ANSWER
    if question in NOTHING_IS_AN_ANSWER and re.match(
        r"^(?:niks|niets|nee|geen|geen\s+idee\s+eigenlijk\s+niks|niks\s+eigenlijk|eigenlijk\s+niks|"
        r"niets\s+denk\s+ik|niks\s+denk\s+ik|nee\s+niks|nee\s+hoor)[\s,.!]*$",
        plain,
    ):
        return ANSWER
    if question == "kernwoord" and re.match(
        r"^(?:ik\s+)?(?:wil|kies|neem)\s+(?:\w+\s+){0,2}(?:een\s+)?(?:ander|nieuw)e?\s+woord\b",
        plain,
    ):
        return "filler"  # "ik wil toch liever een ander woord": still choosing
    if _CURSE_ONLY.match(plain):
        return "filler"  # "kut", "shit man": a sigh, never an answer, never said back
    if question in STORY_QUESTIONS and len(tokens) >= 4 and _TOLD_ACT.match(plain):
        # "ik zei sorry ik weet het niet en toen ging ze weg": what the student did, whatever
        # words they quote (123 answers to 0 non-answers in the labelled data).
        return ANSWER
    if question in STORY_QUESTIONS and len(tokens) >= 5 and _told_act_on_me(plain):
        return ANSWER  # "ze keek me aan en zei dankjewel je bent een schat"
    if question in WORD_QUESTIONS - {"options"} and _THAT_CLAUSE.match(plain) and len(tokens) >= 4:
        # "hmm dat het werk zin heeft": the shape of an answer there (451 answers to 0
        # non-answers in the labelled data), whatever the model makes of its words.
        return ANSWER
    if question in ("options", "step_what") and _TO_EXPLORE.match(plain):
        return ANSWER  # "ik wil kijken of bakker echt mijn ding is" (29 labelled answers to 0)
    if question in ("experience", "other_situations") and names_a_place(text):
        return ANSWER  # "stage", "bij de ah": where it happened; the form asks what happened
    if (
        question == "step_obstacle"
        and re.match(
            r"^(?:geen\s+idee|(?:ik\s+)?weet\s+(?:ik\s+)?(?:het\s+)?(?:niet|nie))\s+(?:of|hoe)\b",
            plain,
        )
        and not re.search(r"\b(?:in\s+de\s+weg|iets)\b", plain)
    ):
        return ANSWER  # "geen idee of ze reageren op mn mail": the doubt is what may get in the way
    kind = non_answer_kind(text)
    if kind == "filler" and question == "step_obstacle" and re.match(r"^(?:niks|niets)\b", plain):
        return ANSWER
    if kind == "filler" and _OK.match(plain):
        return "yes_no"  # "oke", "prima" where words are asked: agreeing, the words still to come
    if kind is not None:
        return kind
    if steps_away(text):
        return "off_topic"  # "ff wachten mn moeder roept": back in a moment
    if question in ELSEWHERE_QUESTIONS and len(tokens) <= 9 and _ELSEWHERE.search(plain):
        return "off_topic"
    if someone_elses_news(question, text):
        return "off_topic"
    if (
        question != "step_obstacle"  # there the phone or a game may well be what gets in the way
        and len(tokens) <= 9
        and _LEISURE.search(plain)
        and not _PLAN.search(plain)
    ):
        return "off_topic"
    if question not in ("step_when", "step_zin", "step_who") and only_dates_or_numbers(text):
        # Only a weekday, a date or a number, where words are asked.
        return "off_topic"
    if _BARE_YES_NO.match(plain):
        if question in NOTHING_IS_AN_ANSWER and re.match(r"^(?:nee|neen|nope|nah|no)\b", plain):
            return ANSWER
        return "yes_no"
    if question == "kernwoord" or question == "kernwoord_check":
        if kernwoord_of(text) is None and len(tokens) <= 3:
            return "filler" if all(token in _FUNCTION_WORDS for token in tokens) else "off_topic"
    elif question == "step_when":
        if not _date_fits(text, today or date.today()):
            return "off_topic"
        if len(tokens) <= SHORT_ANSWER_TOKENS:
            return ANSWER
    elif question == "step_zin":
        if scale_1_to_10(plain) is None:
            return "off_topic"
        if len(tokens) <= SHORT_ANSWER_TOKENS:
            return ANSWER
    elif question == "step_who" and all(_is_date_word(token) for token in tokens):
        return "off_topic"
    elif question in YES_NO_QUESTIONS:
        return "off_topic"
    elif question == "step_outcome" and len(tokens) < 3:
        return "off_topic"
    return _second_opinion(question, text)


# How a step went, said first (47 labelled answers to 0 non-answers).
_OUTCOME_SAID = re.compile(
    r"^(?:(?:het\s+|t\s+)?(?:ging|liep|was|verliep)\s+)?(?:wel|slecht|matig|zozo|zo\s+zo|meh|niet\s+zo\s+goed|"
    r"kon\s+beter|viel\s+tegen|redelijk|ging\s+wel)\b"
)
# How it went, in a few words: part of the story ("het ging niet zo goed", "liep best lastig"),
# which the form then asks to tell more of.
_HOW_IT_WENT = re.compile(
    r"^(?:(?:nou|tja|eh+m?|hmm+|eerlijk\s+gezegd)[\s,]+)?(?:het\s+|dat\s+|t\s+)?(?:ging|gaat|liep|loopt|was)\s+"
    r"(?:(?:echt|best|niet|nie|helemaal|zo|erg|heel|wel|eigenlijk|super|totaal|nog|al)\s+)*"
    r"(?:goed|slecht|lekker|prima|top|mis|moeilijk|lastig|zwaar|raar|stom|fout|naar|chaotisch|spannend|eng|oke|ok)\b"
)


# What gets in the way of a step, in so many words: no time, money or transport, a thing broken,
# being ill, busy or tired, forgetting.
_OBSTACLE = re.compile(
    r"\b(?:geen\s+(?:tijd|geld|vervoer|auto|fiets|rijbewijs|zin|energie|internet|wifi|laptop|oppas)|"
    r"(?:is|zijn)\s+(?:[\w']+\s+)?(?:stuk|kapot)|ziek|druk|drukte|toetsweek|vergeet|vergeten|uitstel\w*|moe|lui|bang|spannend|"
    r"telefoon|mobiel|tiktok|instagram|insta|snapchat|social\s+media|gamen|games|netflix|afleiding|afgeleid)\b"
)
# Stopping or switching a study, an internship or a job is never put aside as talk of something
# else ("ik wil stoppen met dit gesprek" is a refusal, heard by the rules before this).
_STUDY_CHOICE = re.compile(
    r"\b(?:stoppen|stop|switchen|overstappen|kappen|ophouden)\s+(?:met|van)\s+"
    r"(?:(?:mijn|mn|m'n|de|deze|die|het|me|dit)\s+)?(?:\w+)?(?:opleiding|studie|stage|school|baan|werk|"
    r"bijbaan|mbo|hbo|richting|vakken|opleidingen)\b"
)
# Something of the student's own named first, alone, before a comma or with "die": what they
# are good at or find important, what may get in the way, who helps ("mn familie", "hmm mn
# rooster, is heel vol", "mn klasgenoot jesse die zit daar al").
_OWN_THING_FIRST = re.compile(
    r"^(?:(?:hmm+|eh+m?|nou)[\s,]+)?(?:mijn|mn|m'?n)\s+\w+(?:\s+\w+)?(?:\s*,|$|\s+die\b)"
)
_NAMED_THING_QUESTIONS = {
    "qualities",
    "to_learn",
    "motives",
    "step_obstacle",
    "step_who",
    "common_thread",
    "options",
}
# Where it happened, then what was done, the "ik" dropped (52 labelled answers to 0).
_PLACE_THEN_DONE = re.compile(r"^(?:op|bij|tijdens|in)\s+.*\bge\w{3,}(?:d|t|en)$")
# What the student wants, where motives are asked; not a plan for tonight.
_WANTS = re.compile(
    r"^(?:ik|k)\s+wil\s+(?!(?:vanavond|straks|nu|morgen|zo|eerst|stoppen|niet|geen)\b)\w+"
)
# "een goede toekomst voor mezelf": something good named, where qualities or motives are asked.
_GOOD_THING = re.compile(r"^een\s+(?:goede|goeie|fijne|leuke|mooie|veilige|rustige|eigen)\s+\w+")
# A doubt whether it counts, then the answer: "weet niet of het ... is maar ik ...".
_HEDGE_THEN_ANSWER = re.compile(
    r"^(?:ik\s+)?weet\s+(?:ik\s+)?(?:het\s+)?(?:niet|nie)\s+of\s+.*\bmaar\s+(?:ik|het|je)\s+\w+\s+\w+"
)
_MATTERS_TO_ME = re.compile(r"\b(?:(?:most\s+)?important|matters)\s+(?:thing\s+)?(?:for|to)\s+me\b")
# Questions a single content word answers well.
WORD_QUESTIONS = {"common_thread", "qualities", "to_learn", "motives", "options"}


def _one_content_word(text: str) -> bool:
    """One word of six letters or more that is no function word, date or number: a quality, a
    motive, a subject ("communicatie", "geduld" is too short to be sure of)."""
    tokens = _tokens(_letters_only(_norm(text)))
    return (
        len(tokens) == 1
        and tokens[0].isalpha()
        and len(tokens[0]) >= 6
        and tokens[0] not in _FUNCTION_WORDS
        and not _is_date_word(tokens[0])
        and not _ELSEWHERE.search(tokens[0])
        and not _LEISURE.search(tokens[0])
    )


def _answer_then_doubt(text: str) -> bool:
    """Content first, a doubt after the comma: "loodgieter of elektricien, weet nog niet welke"."""
    head, comma, tail = _norm(text).partition(",")
    if not comma or not tail.strip() or not head.strip():
        return False
    tail_plain = _letters_only(tail)
    doubts = is_dont_know(tail_plain) or bool(
        re.match(
            r"^(?:ik\s+)?weet\s+(?:ik\s+)?(?:het\s+)?(?:nog\s+)?(?:niet|nie)\b", tail_plain.strip()
        )
    )
    head_tokens = _tokens(_letters_only(head))
    return (
        doubts
        and len(head_tokens) >= 2
        and non_answer_kind(head) is None
        and any(t not in _FUNCTION_WORDS for t in head_tokens)
    )


# Words after a yes or a no that keep it about the question: agreeing ("is goed zo", "this is
# fine"), the word or the stories ("past", "allebei"), another word or step ("eerder", "nog een").
_YES_NO_GOES_ON = re.compile(
    r"\b(?:past|passen|klopt|allebei|beide|verhalen?|woord|eerder|meer|liever|beter|zeggen|stap|"
    r"stappen|nog\s+(?:een|1|eentje|meer|wat|iets|niet|steeds|wel)|genoeg|klaar|goed\s+zo|is\s+goed|prima|fine|fits|one|more|enough|dat\s+is\s+(?:het|hem|em|m)|"
    r"(?:even|ff)\s+niet)\b"
)
# Words after the yes or no before the rest of the message is weighed as a remark.
YES_NO_REMARK_WORDS = 2


def _yes_or_no_heard(question: str, text: str, tokens: list[str]) -> str:
    """A yes or a no where one is asked is the answer; but one that goes on about something
    else is a reply meant for another chat ("ja mam ik kom zo", "yes we won the match
    yesterday!!"). When two words or more follow and none keeps it about the question, the
    answer model weighs it as it weighs any free text."""
    rest = tokens[1:]
    if steps_away(text):
        return "off_topic"  # "ja ik kom zo, moet nog ff dit afmaken"
    if len(rest) < YES_NO_REMARK_WORDS or _YES_NO_GOES_ON.search(" ".join(rest)):
        return ANSWER
    probability, kind = answer_model.model().non_answer(question, text)
    if probability >= answer_model.THRESHOLD:
        return kind
    long = len(text.split()) >= answer_model.UNSURE_LONG_WORDS
    unsure_from = answer_model.UNSURE_FROM if long else answer_model.UNSURE_FROM_SHORT
    return UNSURE if probability >= unsure_from else ANSWER


def _second_opinion(question: str, text: str) -> str:
    """The rules found no reason to turn this free text down; the trained model may still hear
    talk of something else (bot/nlp/answer_model.py). A feeling named in a few words is an
    answer at the story questions ("best gestrest" when asked what the student noticed),
    whatever the model makes of it; so is anything the crisis detector hears as a possible
    danger."""
    # Imported here: emotion words need the spaCy pipeline, which the web app never loads.
    from bot.nlp.emotion_words import CURSES
    from bot.nlp.emotions import find_emotions

    plain = _letters_only(_norm(text))
    tokens = _tokens(plain)
    if (
        question == "step_who"
        and len(tokens) <= 4
        and _names_someone(tokens)
        and not re.search(r"\b(?:weet|idk|idee|wie)\b", plain)
    ):
        return ANSWER  # "chef", "mn mentor denk ik" (256 labelled answers to 0)
    if question in STORY_QUESTIONS and len(tokens) >= 4 and _PLACE_THEN_DONE.match(plain):
        return ANSWER  # "op school bij burgerschap een debat gewonnen": "ik" dropped in chat
    if question == "motives" and _WANTS.match(plain):
        return ANSWER  # "ik wil later voor mn moeder kunnen zorgen"
    if question in WORD_QUESTIONS and _GOOD_THING.match(plain):
        return ANSWER  # "een goede toekomst voor mezelf", "een fijne sfeer in het team"
    if question in WORD_QUESTIONS and _HEDGE_THEN_ANSWER.match(plain):
        return ANSWER  # "weet niet of het een kwaliteit is maar ik zie snel wat iemand nodig heeft"
    if question == "motives" and _MATTERS_TO_ME.search(plain):
        return ANSWER  # "family is the most important for me"
    if question in STORY_QUESTIONS and len(_tokens(text.lower())) <= 4 and find_emotions(text):
        return ANSWER
    if question in STORY_QUESTIONS and _HOW_IT_WENT.match(_letters_only(_norm(text))):
        return ANSWER
    if question in STORY_QUESTIONS and tells_a_loss(text):
        return ANSWER  # "mn oma is vorige week overleden": heard, never put aside
    if question == "step_obstacle" and _OBSTACLE.search(_letters_only(_norm(text))):
        return ANSWER  # "mn telefoon is stuk lol", "geen vervoer"
    if _STUDY_CHOICE.search(_letters_only(_norm(text))):
        return ANSWER  # "ik wil stoppen met mijn opleiding": the choice this talk is about
    head, _, tail = text.partition(",")
    if (
        question in WORD_QUESTIONS
        and _one_content_word(head)
        and not _HARD_QUESTION.match(_letters_only(_norm(head)))
        and non_answer_kind(head) is None
        and (not tail.strip() or non_answer_kind(tail) is None)
        and not is_dont_know(_letters_only(_norm(tail)))
    ):
        # "communicatie" when asked what the student is good at; "vrijheid, niet de hele dag
        # stilzitten" (149 labelled answers to 12 non-answers, which the rules before this hear)
        return ANSWER
    if question in _NAMED_THING_QUESTIONS and _OWN_THING_FIRST.match(_letters_only(_norm(text))):
        return ANSWER  # "mn familie", "mn werk, ik moet veel uren draaien" (256 answers to 0)
    if question in WORD_QUESTIONS | STORY_QUESTIONS and _answer_then_doubt(text):
        return ANSWER  # "loodgieter of elektricien, weet nog niet welke"
    probability, kind = answer_model.model().non_answer(question, text)
    long = len(text.split()) >= answer_model.UNSURE_LONG_WORDS
    if probability < (answer_model.UNSURE_FROM if long else answer_model.UNSURE_FROM_SHORT):
        return ANSWER
    if (
        probability < answer_model.THRESHOLD
        and question in STORY_QUESTIONS
        and re.search(r"\b(?:ik|k)\b", _norm(text))
        and any(word not in CURSES for word, _ in find_emotions(text))
    ):
        # The student telling how they felt ("ik lag in bed met griep, balen"): a story of
        # their own, not asked about (on the labelled story lines: 132 answers, 3 remarks).
        return ANSWER
    # What the crisis detector hears as a possible danger is never put aside as talk of
    # something else: the student is telling about themselves ("soms wil ik verdwijnen").
    if assess(text, question=question).level != "none":
        return ANSWER
    return kind if probability >= answer_model.THRESHOLD else UNSURE
