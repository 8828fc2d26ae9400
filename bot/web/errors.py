"""The Dutch texts of the web app's error pages and JSON errors."""

from __future__ import annotations

from werkzeug.exceptions import HTTPException

MESSAGES = {
    400: "Dit verzoek kon niet worden verwerkt.",
    403: "Je hebt geen toegang tot deze pagina.",
    404: "Deze pagina bestaat niet, of je hebt er geen toegang toe.",
    405: "Dit kan hier niet.",
    413: "Dit bericht is te lang.",
    429: "Te veel pogingen. Wacht even en probeer het later opnieuw.",
}


def dutch_error(error: HTTPException) -> str:
    """What the student or coach reads for ``error``."""
    # Our own aborts carry a Dutch description; Werkzeug's defaults are English.
    default = type(error).description
    if error.description and error.description != default:
        return error.description
    return MESSAGES.get(error.code or 500, "Er ging iets mis.")
