"""Rasa's check of every action server reply, without re-checking its own schema each time.

``RemoteAction._validate_action_result`` calls ``jsonschema.validate``, which first validates
the (constant) response schema against the JSON Schema meta-schema and builds a new validator:
under load that was almost half of the Rasa server's CPU time (docs/performance.md). This
replaces it with one validator built and checked once; a reply is checked against the same
schema, and an invalid one raises the same ``ValidationError`` with the same hint as before.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Dict, Text

from jsonschema import ValidationError, validators
from jsonschema.exceptions import best_match
from rasa.core.actions.action import RemoteAction
from rasa.shared.constants import DOCS_BASE_URL


@lru_cache(maxsize=1)
def _response_validator() -> Any:
    schema = RemoteAction.action_response_format_spec()
    validator_class = validators.validator_for(schema)
    validator_class.check_schema(schema)
    return validator_class(schema)


def _validate_action_result(self: RemoteAction, result: Dict[Text, Any]) -> bool:
    error = best_match(_response_validator().iter_errors(result))
    if error is None:
        return True
    error.message += (
        ". Failed to validate Action server response from API, "
        "make sure your response from the Action endpoint is valid. "
        f"For more information about the format visit {DOCS_BASE_URL}/custom-actions"
    )
    raise error


def install() -> None:
    """Use the cached validator in this process (idempotent)."""
    RemoteAction._validate_action_result = _validate_action_result


__all__ = ["ValidationError", "install"]
