"""Messages the panes and screens post; the app handles them (a child never calls the app).

    OpenArticle   show an article in the reader, at a span or with words marked
    OpenEntity    show an entity's mentions and company
    OpenSeries    show a series: its figures over time, with its target
    ExportView    write a query's rows to a file
    ResultsShown  a query's rows are on screen (posted after the screen has painted them)
    FacetsShown   a query's facet counts are on screen
"""
from __future__ import annotations

from dataclasses import dataclass, field

from textual.message import Message
from zgc.db.query import Query


@dataclass
class OpenArticle(Message):
    article_id: int
    at: tuple[int, int] | None = None  # a span of the body to show and mark
    words: tuple[str, ...] = ()  # search words to mark


@dataclass
class OpenEntity(Message):
    entity_id: int


@dataclass
class OpenSeries(Message):
    series_id: int


@dataclass
class ExportView(Message):
    query: Query
    path: str


@dataclass
class ResultsShown(Message):
    """The first rows of a query (or all of them) are on screen; timings for the status line and benchmarks."""

    pane: str
    filter_text: str
    generation: int
    rows: int  # rows shown so far
    complete: bool  # every matching row is counted
    provisional: bool  # matches in index order, shown while the sort runs
    started: float  # time.perf_counter() when the filter was read
    first_ids: tuple[int, ...] = ()  # the ids that arrived with this update (the first page, on a new query)
    shown: float = field(default=0.0)  # time.perf_counter() after the screen painted them


@dataclass
class FacetsShown(Message):
    pane: str
    generation: int
    kind: str  # exact | estimate | gave up
    shown: float = 0.0
