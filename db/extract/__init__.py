"""Extraction: numbers, dates, metrics, events and entities of one article (pure functions)."""
