"""The query layer: filter text → parameterised SQL → ids, rows, counts, facets; and lookups.

    specs.py    the panes: tables, columns, sorts, filter fields, facets
    filter.py   parsing a filter (FilterError for anything it cannot read)
    sql.py      compiling a Filter into a Query (SQL and parameters)
    run.py      running a Query: ids page by page, rows by id, counts, facets
    lookups.py  one article, metric, entity or event with what surrounds it; snippets; search

Never imports jieba: article words are split against the index's own vocabulary.
"""
from __future__ import annotations

from .filter import MAX_FILTER, MAX_WORDS, Filter, FilterError, Term, clean, parse
from .lookups import (
    SOURCE_FIELDS,
    Hit,
    Mark,
    Related,
    article,
    article_marks,
    cooccurring,
    entity,
    entity_events,
    entity_figures,
    entity_mentions,
    find_articles,
    find_entities,
    find_marks,
    metric,
    metric_series,
    search,
    series,
    series_points,
    snippet,
    sources,
    timeline_event,
)
from .run import (
    FIRST_PAGE_BUDGET,
    POLL_STEPS,
    all_ids,
    count,
    facets,
    fetch_rows,
    first_facets,
    iter_ids,
    iter_rows,
    page,
)
from .specs import ALIASES, PANES, RECORDS, SPECS, FieldSpec, PaneSpec, fields_help
from .sql import FIRST_PAGE, Query, article_terms, build, compile_query, fts_phrase

__all__ = [
    "ALIASES",
    "FIRST_PAGE",
    "FIRST_PAGE_BUDGET",
    "MAX_FILTER",
    "MAX_WORDS",
    "PANES",
    "POLL_STEPS",
    "RECORDS",
    "SOURCE_FIELDS",
    "SPECS",
    "FieldSpec",
    "Filter",
    "FilterError",
    "Hit",
    "Mark",
    "PaneSpec",
    "Query",
    "Related",
    "Term",
    "all_ids",
    "article",
    "article_marks",
    "article_terms",
    "build",
    "clean",
    "compile_query",
    "cooccurring",
    "count",
    "entity",
    "entity_events",
    "entity_figures",
    "entity_mentions",
    "facets",
    "fetch_rows",
    "fields_help",
    "find_articles",
    "find_entities",
    "find_marks",
    "first_facets",
    "fts_phrase",
    "iter_ids",
    "iter_rows",
    "metric",
    "metric_series",
    "page",
    "parse",
    "search",
    "series",
    "series_points",
    "snippet",
    "sources",
    "timeline_event",
]
