"""Small Rasa graph components and adapters that the Rasa project names in its config:
input signals in the NLU pipeline, the safety policy, the student REST channel and the
tracker store that reads DATABASE_URL."""
