"""Lemniscaat: the product outside Rasa (storage, language tools, channels, web, CLI)."""
