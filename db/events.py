"""Event extraction (placeholder until the extractor lands)."""
from __future__ import annotations

from .records import ArticleText, Event


def extract_events(article: ArticleText) -> list[Event]:
    return []


def timeline_key(event: Event) -> tuple:
    return (event.date, event.document or "", event.actor or "", event.action or "")
