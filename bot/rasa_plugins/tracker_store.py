"""Rasa's SQL tracker store on the product's own DATABASE_URL, so conversation state
lives in the same database as everything else and survives restarts."""
from __future__ import annotations

from typing import Any, Optional

from rasa.core.brokers.broker import EventBroker
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain

from bot.config import settings


class DatabaseUrlTrackerStore(SQLTrackerStore):
    def __init__(self, domain: Optional[Domain] = None, event_broker: Optional[EventBroker] = None, **kwargs: Any) -> None:
        url = settings().database_url
        dialect = url.split(":", 1)[0].split("+", 1)[0]
        kwargs.pop("host", None)
        kwargs.pop("dialect", None)
        # SQLTrackerStore takes a full URL in "host" as the database URL.
        super().__init__(domain=domain, dialect=dialect, host=url, event_broker=event_broker, **kwargs)
