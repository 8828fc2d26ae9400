"""Dutch language tools: the spaCy pipeline, dates, emotion and crisis lexicons, kernwoorden."""
