"""Entity extraction (placeholder until the extractor lands)."""
from __future__ import annotations

from .records import ArticleText, EntityMention


def extract_entities(article: ArticleText) -> list[EntityMention]:
    return []
