"""Practice mode: the bot plays a student for coaches in training and gives feedback on the ten
rules. Three parts (classifier/, student/, report/) and, on top, the session (session.py), the
service the channels call (service.py) and the terminal (terminal.py). See docs/practice.md."""
