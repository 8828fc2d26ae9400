"""How a coach sees a student on the dashboard and in exports (storage keeps only the raw
label and the number)."""

from __future__ import annotations


def student_label(coach_label: str | None, student_id: int) -> str:
    """The coach's own label for a student, with the number to tell two apart."""
    return f"{coach_label} (student {student_id})" if coach_label else f"Student {student_id}"
