"""Geometry and wording for the lemniscate picture (a figure eight) of one conversation.

Left loop: terugkijken (upper) and reflecteren (lower), with capaciteitenreflectie and
motievenreflectie. Right loop: vooruitkijken (upper) and activeren (lower), with werkexploratie,
loopbaansturing and netwerken. The template ``_lemniscate.html`` draws it; Jinja escapes all text.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any

PARTS = (
    # name, label, parameter range of the lemniscate of Bernoulli, label position
    ("terugkijken", "Terugkijken", (math.pi, 1.5 * math.pi), (105, 30)),
    ("reflecteren", "Reflecteren", (0.5 * math.pi, math.pi), (105, 224)),
    ("vooruitkijken", "Vooruitkijken", (0.0, 0.5 * math.pi), (375, 30)),
    ("activeren", "Activeren", (-0.5 * math.pi, 0.0), (375, 224)),
)
COMPETENCIES = (
    ("capaciteitenreflectie", "Capaciteitenreflectie", "Ontdek je talent", (120, 256)),
    ("motievenreflectie", "Motievenreflectie", "Ontdek je passie", (120, 276)),
    ("werkexploratie", "Werkexploratie", "Ontdek je werkplek", (360, 256)),
    ("loopbaansturing", "Loopbaansturing", "Zelf aan zet", (360, 276)),
    ("netwerken", "Netwerken", "In gesprek met", (360, 296)),
)
WIDTH, HEIGHT = 480, 310
CENTER_X, CENTER_Y, HALF_WIDTH = 240, 127, 205
KERNWOORD_MAX = 18


def _points(start: float, end: float, steps: int = 48) -> str:
    coords = []
    for i in range(steps + 1):
        t = start + (end - start) * i / steps
        denominator = 1 + math.sin(t) ** 2
        x = HALF_WIDTH * math.cos(t) / denominator
        y = HALF_WIDTH * math.sin(t) * math.cos(t) / denominator
        coords.append(f"{CENTER_X + x:.1f},{CENTER_Y - y:.1f}")
    return " ".join(coords)


def _names(items: Iterable[Any]) -> set:
    return {str(item).strip().lower() for item in (items or [])}


def lemniscate_figure(
    parts_reached: Iterable[str], competencies: Iterable[str], kernwoord: str = ""
) -> dict[str, Any]:
    parts_done = _names(parts_reached)
    comps_done = _names(competencies)
    parts: list[dict[str, Any]] = [
        {
            "name": name,
            "label": label,
            "points": _points(*span),
            "x": pos[0],
            "y": pos[1],
            "reached": name in parts_done,
        }
        for name, label, span, pos in PARTS
    ]
    comps: list[dict[str, Any]] = [
        {
            "name": name,
            "label": label,
            "subtitle": subtitle,
            "x": pos[0],
            "y": pos[1],
            "reached": name in comps_done,
        }
        for name, label, subtitle, pos in COMPETENCIES
    ]
    kernwoord = (kernwoord or "").strip()
    short = kernwoord if len(kernwoord) <= KERNWOORD_MAX else kernwoord[: KERNWOORD_MAX - 1] + "…"
    return {
        "width": WIDTH,
        "height": HEIGHT,
        "parts": parts,
        "competencies": comps,
        "kernwoord": short,
        "description": describe(parts, comps),
    }


def _join(labels: list[str]) -> str:
    if not labels:
        return "geen"
    if len(labels) == 1:
        return labels[0]
    return ", ".join(labels[:-1]) + " en " + labels[-1]


def describe(parts: list[dict[str, Any]], comps: list[dict[str, Any]]) -> str:
    """The text alternative of the picture, in Dutch."""
    reached = [p["label"].lower() for p in parts if p["reached"]]
    missing = [p["label"].lower() for p in parts if not p["reached"]]
    comps_reached = [c["label"].lower() for c in comps if c["reached"]]
    text = f"Delen van het gesprek bereikt: {_join(reached)}."
    if missing:
        text += f" Nog niet bereikt: {_join(missing)}."
    text += f" Loopbaancompetenties aan bod: {_join(comps_reached)}."
    return text
