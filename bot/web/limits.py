"""Rate limits on what anyone can post without a password: the student chat (/chat/start,
/chat/send, the privacy routes) and practice mode's POSTs. Flask-Limiter 2.9 (it fits Rasa's
pins); the limits are app config keys (RATE_LIMIT_*), the store is RATELIMIT_STORAGE_URI.

Keys: a whole class may sit behind one school address, so the chat counts per student (the
signed student cookie) where there is one and per address only for /chat/start; practice counts
per logged-in coach. Limits are wrapped around the registered views here, so the blueprints stay
as they are.

The store: ``memory://`` (default) is shared by the threads of the one ``lemniscaat web``
process (waitress, 8 threads). Several web processes must share one store, such as
``redis://host:6379``; otherwise each process counts on its own and the limit multiplies.
"""

from __future__ import annotations

import hashlib
from typing import cast

from flask import Flask, current_app, session
from flask.typing import RouteCallable
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address

from bot.web.chat_privacy import current_sender

TOO_MANY = "Je stuurt veel berichten kort na elkaar. Wacht even en probeer het dan opnieuw."


def _student_key() -> str:
    sender = current_sender()
    if sender:
        return "student:" + hashlib.sha256(sender.encode("utf-8")).hexdigest()[:32]
    return "ip:" + (get_remote_address() or "?")


def _coach_key() -> str:
    coach_id = session.get("coach_id")
    return f"coach:{coach_id}" if coach_id is not None else "ip:" + (get_remote_address() or "?")


def _address_key() -> str:
    return "ip:" + (get_remote_address() or "?")


def _rule(name: str):
    return lambda: current_app.config[name]


# endpoint -> (config key with the limit, key function)
LIMITED = {
    "chat.start": ("RATE_LIMIT_CHAT_START", _address_key),
    "chat.send": ("RATE_LIMIT_CHAT_SEND", _student_key),
    "chat_privacy.my_data": ("RATE_LIMIT_CHAT_PRIVACY", _student_key),
    "chat_privacy.forget": ("RATE_LIMIT_CHAT_PRIVACY", _student_key),
    "chat_privacy.forget_device": ("RATE_LIMIT_CHAT_PRIVACY", _student_key),
    "chat_privacy.withdraw": ("RATE_LIMIT_CHAT_PRIVACY", _student_key),
    "chat_privacy.share_again": ("RATE_LIMIT_CHAT_PRIVACY", _student_key),
    "practice.start": ("RATE_LIMIT_PRACTICE", _coach_key),
    "practice.say": ("RATE_LIMIT_PRACTICE", _coach_key),
    "practice.finish": ("RATE_LIMIT_PRACTICE", _coach_key),
}


def install(app: Flask) -> Limiter:
    limiter = Limiter(
        app=app,
        key_func=_address_key,
        default_limits=[],
        storage_uri=app.config["RATELIMIT_STORAGE_URI"],
    )
    for endpoint, (config_key, key_func) in LIMITED.items():
        view = app.view_functions.get(endpoint)
        if view is None:
            continue
        limited = limiter.limit(
            _rule(config_key),
            key_func=key_func,
            methods=["POST"] if endpoint != "chat_privacy.my_data" else None,
            error_message=TOO_MANY,
        )
        # limit() keeps the view's signature; mypy cannot carry Flask's union of sync and
        # async views through its generic decorator, so the result is named for what it is.
        app.view_functions[endpoint] = cast(RouteCallable, limited(view))
    app.extensions["lemniscaat_limiter"] = limiter
    return limiter
