"""Across articles: what the archive says over time (roles, entities, events)."""
