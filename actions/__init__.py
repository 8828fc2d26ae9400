"""Rasa custom actions. Each module holds one concern and stays thin: the real work is
done in ``bot`` (storage, Dutch language tools), where it is tested without Rasa."""
