"""Exports for the coach: one conversation as PDF (for the loopbaandossier), the list as CSV."""

from __future__ import annotations

import csv
import io
import unicodedata
from collections.abc import Iterable
from datetime import date
from typing import Any

from flask import Blueprint, Response, abort, current_app, g
from fpdf import FPDF

from bot import clock
from bot.dutch_dates import short_date
from bot.lemniscate import PARTS, SUMMARY_FIELDS
from bot.steps_text import coach_step_details
from bot.web.repo import get_repo
from bot.web.security import login_required
from bot.web.students import student_label

bp = Blueprint("exports", __name__, url_prefix="/coach")

PART_LABELS = PARTS
CSV_COLUMNS = (
    ("student", "student"),
    ("invite_code", "koppelcode"),
    ("conversation_id", "gesprek"),
    ("started_at", "datum"),
    ("phase", "fase"),
    ("kernwoord", "kernwoord"),
    ("parts_reached", "delen_bereikt"),
    ("competencies", "competenties"),
    ("step", "actiestap"),
    ("due_date", "wanneer"),
    ("who", "met_wie"),
    ("status", "status"),
)
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def display(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, date):  # a datetime too: the coach's exports show the day
        return short_date(value)
    if isinstance(value, (list, tuple)):
        return ", ".join(str(item) for item in value)
    return str(value)


# ---- CSV ------------------------------------------------------------------------------


def csv_cell(value: Any) -> str:
    """Text for a spreadsheet cell; a leading = + - @ would start a formula, so it is quoted away."""
    text = display(value)
    if text.startswith(_FORMULA_STARTS):
        text = "'" + text
    return text


def build_csv(rows: Iterable[dict[str, Any]]) -> str:
    buffer = io.StringIO()
    # Semicolons and a BOM: what Dutch Excel opens without an import dialog.
    writer = csv.writer(buffer, delimiter=";", quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow([header for _, header in CSV_COLUMNS])
    for row in rows:
        writer.writerow([csv_cell(row.get(key)) for key, _ in CSV_COLUMNS])
    return "\ufeff" + buffer.getvalue()


@bp.get("/export.csv")
@login_required
def export_csv():
    repo = get_repo()
    rows = [
        {**row, "student": student_label(row["coach_label"], row["student_id"])}
        for row in repo.coach_export_rows(g.coach.id)
    ]
    body = build_csv(rows)
    repo.record_audit(g.coach.id, "export_csv", f"coach:{g.coach.id}")
    filename = f"lemniscaat-studenten-{clock.today().isoformat()}.csv"
    return Response(
        body,
        mimetype="text/csv",
        headers={
            "Content-Disposition": f'attachment; filename="{filename}"',
            "Cache-Control": "no-store",
        },
    )


# ---- PDF ------------------------------------------------------------------------------

_REPLACEMENTS = {
    "\u2018": "'",
    "\u2019": "'",
    "\u201a": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u2013": "-",
    "\u2014": "-",
    "\u2026": "...",
    "\u00a0": " ",
    "\u2022": "-",
    "\u20ac": "EUR",
}


def pdf_text(value: Any) -> str:
    """Plain Latin-1 text for the PDF's core font: typographic marks become ASCII, letters keep
    their accents where Latin-1 has them, anything else (emoji) becomes '?'. Control
    characters other than newlines are dropped."""
    text = display(value)
    text = "".join(_REPLACEMENTS.get(ch, ch) for ch in text)
    text = unicodedata.normalize("NFC", text)
    text = "".join(ch for ch in text if ch == "\n" or unicodedata.category(ch)[0] != "C")
    return text.encode("latin-1", errors="replace").decode("latin-1")


def build_pdf(conversation: dict[str, Any], compress: bool = True) -> bytes:
    pdf = FPDF(format="A4")
    pdf.compress = compress
    pdf.set_title("Samenvatting loopbaanreflectiegesprek")
    pdf.set_author("Lemniscaat")
    pdf.set_lang("nl")
    pdf.set_auto_page_break(auto=True, margin=18)
    pdf.add_page()
    width = pdf.epw

    def line(text: str, size: int = 11, style: str = "", gap: float = 1.5) -> None:
        pdf.set_font("Helvetica", style=style, size=size)
        pdf.multi_cell(width, size * 0.5, pdf_text(text), new_x="LMARGIN", new_y="NEXT")
        pdf.ln(gap)

    line("Samenvatting loopbaanreflectiegesprek", size=16, style="B", gap=2)
    line(f"Gesprek van {display(conversation.get('started_at'))}", size=10)
    parts = [p for p in PART_LABELS if p in (conversation.get("parts_reached") or [])]
    line(f"Delen van het gesprek bereikt: {', '.join(parts) or 'geen'}", size=10)
    line(
        f"Loopbaancompetenties: {', '.join(conversation.get('competencies') or []) or 'geen'}",
        size=10,
        gap=4,
    )

    for key, label in SUMMARY_FIELDS:
        value = conversation.get(key)
        line(label, size=12, style="B", gap=0.5)
        line(display(value) or "(niet ingevuld)", gap=3)

    line("Actiestappen", size=12, style="B", gap=0.5)
    steps: list[dict[str, Any]] = conversation.get("action_steps") or []
    if not steps:
        line("(geen)", gap=3)
    for number, step in enumerate(steps, start=1):
        line(f"{number}. {step.get('what')}", gap=0.5)
        line("   " + coach_step_details(step), size=10, gap=2)

    pdf.ln(4)
    line("Gemaakt met Lemniscaat, voor je loopbaandossier.", size=9, style="I")
    return bytes(pdf.output())


@bp.get("/gesprekken/<int:conversation_id>/samenvatting.pdf")
@login_required
def conversation_pdf(conversation_id: int):
    repo = get_repo()
    conversation = repo.coach_conversation(g.coach.id, conversation_id)
    if conversation is None:
        abort(404)
    body = build_pdf(conversation, compress=current_app.config["PDF_COMPRESS"])
    repo.record_audit(g.coach.id, "export_pdf", f"conversation:{conversation_id}")
    filename = f"loopbaanreflectie-gesprek-{conversation_id}.pdf"
    return Response(
        body,
        mimetype="application/pdf",
        headers={
            "Content-Disposition": f'attachment; filename="{filename}"',
            "Cache-Control": "no-store",
        },
    )
