"""The Dutch emotion-word lexicon, shared by the reflection (``bot.nlp.emotions``) and the
practice report (``bot.practice.student.cues``). Plain data, so importing it loads no language model."""

POSITIVE = "positief"
NEGATIVE = "negatief"

# word (lemma or surface form) -> valence. Student slang included ("vet", "kut", "balen").
EMOTION_WORDS: dict[str, str] = {
    **{
        w: POSITIVE
        for w in (
            "trots",
            "blij",
            "gelukkig",
            "opgelucht",
            "enthousiast",
            "tevreden",
            "vrolijk",
            "dankbaar",
            "verrast",
            "geweldig",
            "genieten",
            "genoten",
            "vet",
            "gaaf",
            "chill",
            "top",
            "leuk",
            "fijn",
            "plezier",
            "voldaan",
            "zelfverzekerd",
            "geraakt",
            "ontroerd",
            "energie",
            "trotse",
            "blije",
            "super",
            "heerlijk",
            "geïnspireerd",
            "gemotiveerd",
            "opgewonden",
        )
    },
    **{
        w: NEGATIVE
        for w in (
            "bang",
            "zenuwachtig",
            "nerveus",
            "gestrest",
            "stress",
            "boos",
            "kwaad",
            "verdrietig",
            "teleurgesteld",
            "onzeker",
            "eenzaam",
            "gefrustreerd",
            "frustrerend",
            "balen",
            "baalde",
            "schamen",
            "schaamde",
            "schaamte",
            "angstig",
            "angst",
            "paniek",
            "moe",
            "irritant",
            "geïrriteerd",
            "kut",
            "rot",
            "vervelend",
            "verward",
            "jaloers",
            "schuldig",
            "machteloos",
            "onrustig",
            "spannend",
            "eng",
            "verdriet",
            "huilen",
            "huilde",
            "gespannen",
            "overweldigd",
            "genegeerd",
            "ongemakkelijk",
            "zenuwen",
            "stressen",
            "stresste",
        )
    },
}

# Said at anything, so no feeling of a moment: "kut, ik heb mn sleutels laten liggen".
CURSES = {"kut", "shit", "fuck", "fck", "godver", "verdomme", "damn"}
