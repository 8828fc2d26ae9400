"""The simulated student: what a persona is made of (persona.py), the personas themselves as
data (personas/), how the student answers (simulator.py) and what a coach line is about
(cues.py)."""
