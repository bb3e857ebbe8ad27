"""Use cases of the office, in plain Python: no Qt here."""
