"""Event extraction (placeholder until the extractor lands)."""
from __future__ import annotations

from .records import ArticleText, Event


def extract_events(article: ArticleText) -> list[Event]:
    return []
