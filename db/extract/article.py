"""One article → everything the catalog records of it: index text, metrics, events, mentions.

This is where the extractors meet: the article is segmented once, and every
extractor reads the same tokens. Pure (no I/O), so the build's workers, tests
and scripts can all call it.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from .. import segment
from ..records import Article, ArticleText, EntityMention, Event, Metric
from .coref import with_references
from .entities import byline_mentions, extract_entities, masthead_mentions, place_mentions
from .events import extract_events, notice_events
from .metrics import extract_metrics


@dataclass
class ArticleResult:
    article: Article
    title_index: str
    body_index: str
    metrics: list[Metric]
    events: list[Event]
    mentions: list[EntityMention]
    # Each metric's full-text fields (subject, scope, text), made in the worker to spare the writer.
    metrics_index: list[tuple[str, str, str]]


def process_article(article: Article) -> ArticleResult:
    body_tokens, body_index = segment.tokens_and_index(article.body)
    title_tokens, title_index = segment.tokens_and_index(article.title)
    text = ArticleText(
        body=article.body,
        title=article.title,
        published=article.published,
        publication=article.publication,
        tokens=tuple(body_tokens),
        title_tokens=tuple(title_tokens),
    )
    entities = extract_entities(text)
    # A figure's owner and an event's actor are named entities, or a reference back to one (该公司).
    text = replace(text, entities=with_references(article.body, entities))
    metrics = extract_metrics(text)
    return ArticleResult(
        article=article,
        title_index=title_index,
        body_index=body_index,
        metrics=metrics,
        events=_notice_events(article) + extract_events(text),
        mentions=byline_mentions(article.authors)
        + [m for name, post in article.credits for m in byline_mentions([name], post)]
        + masthead_mentions(article.masthead) + entities + place_mentions(entities),
        metrics_index=[(segment.chars_text(m.subject or ""), segment.chars_text(m.scope or ""),
                        segment.chars_text(m.text)) for m in metrics],
    )


def _notice_events(article: Article) -> list[Event]:
    """Dates of a notice's metadata lines; they stand before the body, so their spans are (0, 0).

    The catalog then shows the line itself (the event's summary) as its sentence.
    """
    if not article.meta:
        return []
    return [replace(e, start=0, end=0, sentence_start=0, sentence_end=0)
            for e in notice_events(article.meta, article.title, article.issuer)]
