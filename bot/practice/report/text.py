"""The practice report as plain Dutch text for a chat message (Telegram, the terminal); the web
page renders the stored dict itself (bot/web/practice.py)."""

from __future__ import annotations

from bot.practice.report.build import Report
from bot.practice.report.rules import GOED, quote

_LABEL_NL = [
    ("open_vraag", "open vragen"),
    ("gesloten_vraag", "gesloten"),
    ("waarom_vraag", "vragen naar de reden"),
    ("reflectie", "reflecties"),
    ("advies", "adviezen"),
    ("invullen", "ingevuld"),
]


def _number(value: float) -> str:
    return str(round(value, 2)).replace(".", ",")


def _percent(value: float) -> str:
    return f"{round(value * 100)}%"


def benchmark_lines(report: Report) -> list[str]:
    """The trainee's numbers beside the MITI benchmarks, in plain Dutch."""
    b = report.benchmarks
    if not b:
        return []
    rpq, open_, complex_, words = (
        b["reflections_per_question"],
        b["open_share"],
        b["complex_share"],
        b["coach_word_share"],
    )
    reflections = report.simple_reflections + report.complex_reflections
    lines = [
        f"- Reflecties per vraag: {_number(rpq['value'])} (redelijk vanaf 1, goed vanaf 2): {rpq['level']}.",
        f"- Open vragen: {_percent(open_['value'])} (redelijk vanaf 50%, goed vanaf 70%): {open_['level']}.",
        f"- Complexe reflecties: {report.complex_reflections} van {reflections}"
        + (
            f" ({_percent(complex_['value'])}; redelijk vanaf 40%, goed vanaf 50%): {complex_['level']}."
            if reflections
            else " (een complexe reflectie voegt iets toe: een gevoel, een verband, de andere kant)."
        ),
        f"- Jouw deel van de woorden: {_percent(words['value'])} (de student praat het meest; onder de 50% is goed): {words['level']}.",
    ]
    if report.stacked_questions:
        lines.append(
            f"- Gestapelde vragen: {report.stacked_questions}. Stel één vraag per beurt, dan weet de student waar te beginnen."
        )
    return lines


KIND_NL = {
    "feeling": "een gevoel",
    "cause": "een oorzaak",
    "choice": "een keuze",
    "suggestive": "een sturende vraag",
    "label": "een etiket",
}
_SHOWN_FILLED = 5


def filled_in_text(report: Report) -> list[str]:
    """Each filled-in line with the words that filled in and a rewrite in the student's words."""
    if not report.filled_in:
        return []
    lines = ["", f"Ingevuld voor de student (regel 10): {len(report.filled_in)}x"]
    for item in report.filled_in[:_SHOWN_FILLED]:
        words = ", ".join(f"'{w}'" for w in item["words"])
        lines.append(f'   jij: "{quote(item["line"])}"')
        lines.append(
            f"   ingevuld: {KIND_NL.get(item['kind'], item['kind'])}"
            + (f" ({words})" if words else "")
        )
        if item["rewrite"]:
            lines.append(f'   in de woorden van de student: "{item["rewrite"]}"')
    return lines


def render_report_text(report: Report, student_name: str = "de student", limit: int = 3500) -> str:
    """Plain Dutch text for a chat message; quotes are the coach's own lines."""
    c = report.counts
    lines = [f"Feedback op je oefengesprek met {student_name}", ""]
    lines.append(
        f"Jouw beurten: {report.coach_turns}. "
        + ", ".join(f"{name} {c[key]}" for key, name in _LABEL_NL)
        + "."
    )
    bench = benchmark_lines(report)
    if bench:
        lines += ["Jouw cijfers naast de maat (MITI):"] + bench
    if report.parts_reached:
        order = (
            "in de goede volgorde"
            if report.parts_in_order
            else "niet in de volgorde van de lemniscaat"
        )
        lines.append("Lemniscaat: " + " → ".join(report.parts_reached) + f" ({order}).")
    else:
        lines.append("Lemniscaat: geen van de vier delen is echt op gang gekomen.")
    lines.append(
        "Afsluiting: de student noemde zelf actiestappen."
        if report.ended_with_student_steps
        else "Afsluiting: nog geen actiestappen die de student zelf koos. Eindig met wat, wanneer en met wie."
    )
    if report.signal:
        sig = report.signal
        yes = lambda v: "ja" if v else "nee"  # noqa: E731
        lines += [
            "",
            f'Signaal: {student_name} zei "{sig["hint"]}"',
            f"   opgemerkt: {yes(sig['noticed'])}, doorgevraagd: {yes(sig['asked'])}, 113 genoemd: {yes(sig['named_help'])}.",
        ]
        if sig["judgement"] != GOED:
            lines.append(
                "   tip: Zo'n zin kan een signaal zijn. Vraag ernaar, bijvoorbeeld 'Hoe gaat het echt met je?', "
                "en noem waar hulp is: 113 (bellen of chatten, ook 0800-0113, gratis)."
            )
    if report.rewrite:
        rw = report.rewrite
        lines += [
            "",
            f"Beter gezegd (regel {rw['rule']}):",
            f'   jij: "{quote(str(rw["original"]))}"',
            f'   beter: "{rw["better"]}"',
            f"   {rw['reason']}",
        ]
    lines += filled_in_text(report)
    lines += ["", "De tien regels:"]
    for r in report.rules:
        lines.append(f"{r.number}. {r.title}: {r.judgement}")
        for q in r.evidence:
            lines.append(f'   jij: "{q}"')
        if r.tip and r.judgement != GOED:
            lines.append(f"   tip: {r.tip}")
    text = "\n".join(lines)
    if len(text) > limit:
        # Drop the tips before anything else: the judgements and quotes matter most.
        text = "\n".join(l for l in lines if not l.startswith("   tip:"))
    return text[:limit]
