"""Word lists for the coach-line classifier (rules/, context.py, nivea.py). Plain data.

The lists name what a coach may *offer* a student: feelings, qualities, values, identities and
diagnoses. Offered back from the student's own words they are a reflection; supplied by the
coach they are filling in (rule 10, NIVEA).
"""

from __future__ import annotations

from bot.nlp.emotion_words import EMOTION_WORDS as _SHARED_EMOTIONS

# Word lists stay in dense lines, as written (one word per line would make them unreadable).
# fmt: off

WH_WORDS = {
    "wat", "hoe", "welke", "welk", "wie", "waar", "wanneer", "waarover", "waaraan", "waarmee",
    "waarin", "waarop", "waarvan", "waarvoor", "waarbij", "waarheen", "hoeveel", "hoelang",
    "wiens", "watte", "waartussen", "waaruit", "waarna",
}
# Words a coach puts in front of a question without changing its type.
LEADING_PARTICLES = {
    "en", "dus", "maar", "oké", "oke", "ok", "okay", "ja", "nou", "hm", "hmm", "ah", "oh",
    "goed", "prima", "helder", "duidelijk", "o", "eh", "euh", "nee", "ehm", "even", "oja", "aha",
}
PREPOSITIONS = {"in", "met", "bij", "van", "over", "op", "aan", "voor", "naar", "uit", "tot", "door", "tussen"}
SUBJECT_PRONOUNS = {
    "je", "jij", "u", "we", "wij", "jullie", "het", "'t", "t", "er", "dat", "dit", "ze", "zij",
    "hij", "ik", "die", "iemand", "jouw", "je'm", "een", "iets",
}
SECOND_PERSON = {"je", "jij", "jou", "jouw", "jezelf", "u", "uw"}
# Adverbs that may start a Dutch declarative and trigger inversion ("Dan ben je ...").
INVERSION_ADVERBS = {
    "dan", "dus", "toen", "nu", "daar", "hier", "ook", "zo", "misschien", "eigenlijk", "daarom",
    "straks", "morgen", "gisteren", "vandaag", "soms", "vaak", "nog", "al", "eerst", "daarna",
    "volgens", "blijkbaar", "gelukkig", "helaas", "natuurlijk", "echt", "vast", "wel",
}

# Feelings a coach may name for the student. Generic words of liking ("leuk", "fijn", "top")
# are left out: naming those is rarely an interpretation.
EMOTION_WORDS = {
    "bang", "boos", "jaloers", "gekwetst", "teleurgesteld", "onzeker", "zenuwachtig", "moe",
    "saai", "gefrustreerd", "verdrietig", "eenzaam", "buitengesloten", "faalangst", "angst",
    "gestrest", "stress", "schaamte", "schaamde", "trots", "blij", "spannend", "eng", "bezorgd",
    "gespannen", "overweldigd", "onrustig", "gepest", "afgewezen", "gekrenkt", "verdriet", "woede",
    "geïrriteerd", "geirriteerd", "somber", "down", "lui", "ongemotiveerd", "onzekerheid",
    "kwaad", "beledigd", "paniek", "doodsbang", "schaamt", "schamen", "verveeld",
    "verveelt", "verveling", "opgelucht", "machteloos", "hulpeloos", "gekwetstheid", "wrok",
    "angstig", "onveilig", "ontmoedigd", "moedeloos", "wanhopig", "uitgeput", "overbelast",
    "overspannen", "welkom", "genegeerd", "onbegrepen", "begrepen", "gewaardeerd", "gezien",
    "gehoord", "klein", "dom", "stom", "rot", "vervelend", "heftig", "balen", "baalde", "baalt",
    "nerveus", "schuldig", "verward", "ongemakkelijk", "zenuwen", "geraakt", "ontroerd",
}
# Any word with which a student says how something felt (to know whether they named a feeling).
ANY_FEELING_WORDS = set(_SHARED_EMOTIONS) | EMOTION_WORDS | {
    "kapot", "raar", "gek", "shit", "schaam", "schrok", "geschrokken", "zenuwachtig", "blij",
    "moeilijk", "lastig", "zwaar", "erg", "pijnlijk", "jammer", "vreselijk", "verschrikkelijk",
}
# Qualities, values and identities: what a kernwoord or a "you are ..." names.
QUALITY_WORDS = {
    "zorg", "zorgzaam", "zorgzaamheid", "structuur", "erkenning", "waardering", "vrijheid",
    "eerlijk", "eerlijkheid", "loyaal", "loyaliteit", "doorzetter", "doorzettingsvermogen",
    "creatief", "creativiteit", "samenwerking", "behulpzaam", "behulpzaamheid", "regelaar",
    "leider", "leiderschap", "mensenmens", "perfectionist", "perfectionistisch", "perfectionisme",
    "zelfstandig", "zelfstandigheid", "verantwoordelijk", "verantwoordelijkheid", "rechtvaardig",
    "rechtvaardigheid", "uitdaging", "ontwikkeling", "verbinding", "bevestiging", "veiligheid",
    "rust", "avontuur", "autonomie", "empathisch", "empathie", "sociaal", "gedreven", "ambitieus",
    "ambitie", "nauwkeurig", "betrokken", "betrokkenheid", "zekerheid", "controle", "harmonie",
    "respect", "groei", "plichtsgetrouw", "flexibel", "vastberaden", "passie", "talent", "moedig",
    "moed", "dapper", "slim", "intelligent", "discipline", "gedisciplineerd", "chaotisch",
    "introvert", "extravert", "extrovert", "pleaser", "vredestichter", "probleemoplosser",
    "doener", "denker", "helper", "zorger", "organisator", "verkoper", "type",
    "uitstelgedrag", "vermijding", "vermijden", "faalangstig", "adhd", "add", "autisme",
    "autistisch", "burn-out", "burnout", "depressie", "depressief", "hoogbegaafd", "dyslexie",
    "duidelijkheid", "kracht", "valkuil", "kwaliteit", "drijfveer", "motief", "kernwoord",
    "nieuwsgierig", "nieuwsgierigheid", "zorgvuldig", "geduldig", "geduld",
    "rechtvaardigheidsgevoel", "gemotiveerd", "ongemotiveerd",
    "verantwoordelijkheidsgevoel", "trots", "sensitief", "hooggevoelig",
}
LABEL_SUFFIXES = ("heid", "schap", "vermogen", "gevoel", "iteit", "isme", "istisch", "zaam",
                  "zaamheid", "angst", "drang", "gedrag", "syndroom", "bestendig", "gericht", "vermijdend",
                  "freak", "waarde", "pleaser", "reactie", "stoornis")
# Adverbs with which a coach interprets rather than repeats ("je was eigenlijk gewoon bang").
INTERPRETING_ADVERBS = {"eigenlijk", "zeker", "waarschijnlijk", "vast", "stiekem", "diep"}
# "gewoon" is mostly filler; it interprets only right before the word it colours ("gewoon bang").
FILLER_INTERPRETING = {"gewoon"}

# Imperatives that tell the student what to do (rule 1). Invitations to tell are handled apart.
ADVICE_IMPERATIVES = {
    "ga", "probeer", "plan", "meld", "maak", "zoek", "bel", "mail", "stuur", "lees", "schrijf",
    "kies", "doe", "stop", "begin", "praat", "regel", "volg", "oefen", "check", "leer", "blijf",
    "zorg", "vraag", "neem", "app", "werk", "haal", "pak", "geef", "kijk", "overweeg", "denk",
    "let", "start", "informeer", "leg", "houd", "hou", "eet", "slaap", "sport", "drink", "spreek", "bespreek", "bezoek", "bereid", "laat", "zet",
    "gebruik", "onderzoek", "wissel", "verdeel", "schrap", "wees", "durf", "loop", "sluit",
    "zeg", "vertrouw", "accepteer", "stel", "schakel", "solliciteer", "reageer", "ruim",
}
ADVICE_IMPERATIVE_EXCEPTIONS = (
    # Invitations and conversation management, not career advice.
    r"^neem (gerust|rustig|maar|even|je) (je |de )?tijd",
    r"^kijk,",
    r"^denk (even|rustig)? ?na\b",
    r"^vraag (maar|gerust)\b",
    r"^ga (maar )?(door|verder)\b",
    r"^zeg (het )?(eens|maar)\b",
    r"^(laat|neem) (me|mij) (eens |maar )?(mee|horen|weten)\b",
    r"^denk (eens )?(terug|na) (aan|over)\b",
    r"^kijk (eens )?terug\b",
    r"^(stel|zet) (je|jezelf) (eens )?voor\b",
    r"^ga (lekker |maar |even |gerust )*zitten\b",
    r"^kom (maar |gerust )?(binnen|erbij|verder)\b",
)

# Finite verb forms that start a yes/no question typed without '?'.
FINITE_VERBS = {
    "ben", "bent", "is", "was", "waren", "heb", "hebt", "heeft", "had", "vond", "vind", "voel",
    "voelde", "ga", "gaat", "ging", "kun", "kan", "kon", "wil", "wilde", "wou", "zou", "moet",
    "moest", "mag", "mocht", "weet", "wist", "denk", "dacht", "doe", "doet", "deed", "zie", "zag",
    "kom", "komt", "kwam", "werk", "woon", "zit", "zat", "sta", "stond", "snap", "begrijp",
    "herken", "ken", "hoor", "merk", "krijg", "kreeg", "haal", "haalde", "leer", "lukt", "lukte",
    "verwacht", "verwachtte", "klopt", "klopte", "praat", "sprak", "speel", "sport", "studeer",
    "loop", "liep", "durf", "durfde", "hoef", "hoefde", "blijf", "bleef", "word", "werd", "zal",
    "zul", "zullen", "gaan", "hadden", "heette", "maak", "maakte", "kies", "koos", "zoek", "zocht",
    "twijfel", "mis", "slaap", "bevalt", "spreek", "liet", "lag", "wilt",
}

EXCLAMATIVE_REFLECT = {
    "vervelend", "naar", "rot", "heftig", "lastig", "spannend", "balen", "jammer", "zonde", "erg",
    "pijnlijk", "moeilijk", "zwaar", "stom", "vreselijk", "verdrietig", "eng", "schrikken",
    "akelig", "rottig", "frustrerend", "kut", "bizar", "intens", "sneu",
}
EXCLAMATIVE_PRAISE = {
    "fijn", "mooi", "goed", "knap", "leuk", "gaaf", "tof", "sterk", "bijzonder", "interessant",
    "top", "prachtig", "geweldig", "super", "dapper", "moedig", "cool",
}
# A statement that starts like this is the coach's own small talk, thanks or praise (overig),
# even when it mentions the student ("Fijn dat je er bent").
SMALL_TALK_STARTS = (
    "dank", "bedankt", "fijn dat", "goed dat", "goed zo", "goed gedaan", "wat fijn dat", "leuk dat", "knap", "mooi", "top", "succes", "welkom",
    "gefeliciteerd", "sorry", "excuus", "geen haast", "geen probleem", "geeft niks", "geeft niet",
    "laten we", "laat ik", "goed om te horen", "natuurlijk", "dan sluiten we", "we sluiten", "zullen we even", "fijn,", "fijne", "dankjewel", "dankje", "kom binnen",
    "tot zo", "tot later", "ga lekker", "ga zitten", "ga maar zitten", "doei", "dag!", "dag ", "welkom", "interessant", "helder", "prima", "duidelijk", "neem je tijd",
    "neem gerust", "hoi", "hallo", "hey", "goedemorgen", "goedemiddag", "goedenavond", "tot ",
    "ik ben ", "ik heet", "we hebben", "we gaan", "wij gaan", "ik schrijf", "ik pak", "ik wacht",
    "ik ga je", "het blijft", "het gesprek", "dat snap ik", "ik snap het", "oké", "oke",
)
# Stop words ignored when comparing the coach's words with the student's.
STOP_WORDS = set("""
de het een en of maar dat die dit je jij jou jouw ik mijn mn me mij we wij ze zij hij haar hem
is was ben bent zijn waren heb hebt heeft had hadden er ook wel niet nog al zo dan toen als op in
aan van voor met naar bij om te tot uit over echt gewoon eigenlijk dus wat hoe heel best ja nee
even ff zeg zegt zei net steeds vooral toch vast zeker waarschijnlijk volgens denk dacht vind
vond voel voelde voelt klinkt hoor merk zie word werd wordt kan kun kon zou zouden wil wilt
wilde moet moest gaat ging gaan doe doet deed iets niks niets allemaal alles iemand niemand
zich jezelf mezelf ons onze hun jullie u uw daar hier waar erg zeer super beetje wat heel
""".split()) - {"niemand", "iemand", "alles", "niks", "niets", "allemaal"}
