"""The start page: where students and coaches each go."""

from __future__ import annotations

from flask import Blueprint, render_template

bp = Blueprint("pages", __name__)


@bp.get("/")
def index():
    return render_template("index.html")


@bp.get("/privacy")
def privacy():
    return render_template("privacy.html")
