"""Channels carry text between students and the Rasa assistant; they never decide what the bot says."""
