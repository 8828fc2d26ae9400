"""Telegram front end of Lemniscaat: passes students' messages to Rasa and follows up on
their action steps. The reflection itself is Rasa's; this package only carries messages."""
