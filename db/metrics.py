"""Metric extraction (placeholder until the extractor lands)."""
from __future__ import annotations

from .records import ArticleText, Metric


def extract_metrics(article: ArticleText) -> list[Metric]:
    return []
