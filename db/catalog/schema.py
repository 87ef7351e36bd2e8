"""The catalog's schema: the tables, views and indexes of a zgc catalog.

The catalog is a public interface (see docs/schema.md): users query it with
sqlite3, sqlite-utils or Datasette. Change a column's name or meaning only with
a new SCHEMA_VERSION.
"""
from __future__ import annotations

import sqlite3
from functools import cache

SCHEMA_VERSION = 5

TABLES = """
CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT
);
CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    encoding TEXT,
    bytes INTEGER NOT NULL,
    chars INTEGER,
    duplicate_of INTEGER REFERENCES documents(id)
);
CREATE TABLE problems (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL,
    reason TEXT NOT NULL,
    detail TEXT
);
CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id),
    source_file TEXT NOT NULL,
    seq INTEGER NOT NULL,
    title TEXT NOT NULL,
    subtitle TEXT,
    authors TEXT NOT NULL DEFAULT '[]',
    publication TEXT,
    published TEXT,
    year INTEGER,
    kind TEXT NOT NULL,
    doc_number TEXT,
    issuer TEXT,
    body TEXT NOT NULL,
    chars INTEGER NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    body_start INTEGER NOT NULL,
    n_metrics INTEGER NOT NULL DEFAULT 0,
    n_events INTEGER NOT NULL DEFAULT 0,
    n_entities INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE metrics (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id),
    text TEXT NOT NULL,
    value REAL NOT NULL,
    value_max REAL,
    unit TEXT NOT NULL,
    qualifier TEXT,
    period TEXT,
    year INTEGER,
    subject TEXT,
    scope TEXT,
    kind TEXT NOT NULL,
    sentence_start INTEGER NOT NULL,
    sentence_end INTEGER NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    series_id INTEGER REFERENCES series(id)
);
CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id),
    date TEXT NOT NULL,
    precision TEXT NOT NULL,
    year INTEGER NOT NULL,
    actor TEXT,
    action TEXT,
    document TEXT,
    summary TEXT NOT NULL,
    is_policy INTEGER NOT NULL,
    sentence_start INTEGER NOT NULL,
    sentence_end INTEGER NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    timeline_id INTEGER NOT NULL REFERENCES timeline(id)
);
CREATE TABLE timeline (
    id INTEGER PRIMARY KEY,
    date TEXT NOT NULL,
    precision TEXT NOT NULL,
    year INTEGER NOT NULL,
    actor TEXT,
    action TEXT,
    document TEXT,
    summary TEXT NOT NULL,
    is_policy INTEGER NOT NULL,
    n_sources INTEGER NOT NULL
);
CREATE TABLE entities (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    role TEXT,
    n_mentions INTEGER NOT NULL DEFAULT 0,
    n_articles INTEGER NOT NULL DEFAULT 0,
    UNIQUE (name, type)
);
CREATE TABLE entity_aliases (
    entity_id INTEGER NOT NULL REFERENCES entities(id),
    alias TEXT NOT NULL,
    PRIMARY KEY (entity_id, alias)
);
CREATE TABLE entity_roles (
    entity_id INTEGER NOT NULL REFERENCES entities(id),
    role TEXT NOT NULL,
    PRIMARY KEY (entity_id, role)
);
CREATE TABLE mentions (
    id INTEGER PRIMARY KEY,
    entity_id INTEGER NOT NULL REFERENCES entities(id),
    article_id INTEGER NOT NULL REFERENCES articles(id),
    text TEXT NOT NULL,
    role TEXT,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    aliases TEXT
);
CREATE TABLE series (
    id INTEGER PRIMARY KEY,
    subject TEXT NOT NULL,
    scope TEXT NOT NULL,
    unit TEXT NOT NULL,
    kind TEXT NOT NULL,
    n_points INTEGER NOT NULL,
    first_period TEXT,
    last_period TEXT
);
CREATE TABLE targets (
    id INTEGER PRIMARY KEY,
    target_id INTEGER NOT NULL REFERENCES metrics(id),
    series_id INTEGER REFERENCES series(id),
    subject TEXT,
    scope TEXT,
    unit TEXT NOT NULL,
    target_period TEXT,
    target_year INTEGER,
    target_value REAL NOT NULL,
    target_qualifier TEXT,
    actual_id INTEGER REFERENCES metrics(id),
    actual_value REAL,
    actual_period TEXT,
    ratio REAL,
    status TEXT NOT NULL
);
CREATE TABLE facets (
    pane TEXT NOT NULL,
    facet TEXT NOT NULL,
    value TEXT NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (pane, facet, value)
);
"""

# Full-text tables. Articles are indexed as jieba tokens (cut_for_search) joined
# by spaces, so the default unicode61 tokenizer of any SQLite client can query
# them, with an index of first characters so that a one-character prefix query
# (the first keystroke of a word) is one lookup; longer prefixes are few enough
# to merge on the fly. `content=[articles]` names the table it indexes in the form
# sqlite-utils and Datasette look for, so their search finds articles; the index
# holds the tokens, not the raw text, so it must never be rebuilt from the table
# ('rebuild'), only written by zgc-build. Names and subjects are indexed one
# character per token, so a phrase query of characters is an exact substring
# search (a prefix index there would only repeat the index); those are
# contentless (content=''). In every one, rowid is the id of the row indexed.
FTS = """
CREATE VIRTUAL TABLE articles_fts USING fts5(title, body, content=[articles], prefix='1');
CREATE VIRTUAL TABLE metrics_fts USING fts5(subject, scope, text, content='');
CREATE VIRTUAL TABLE targets_fts USING fts5(subject, scope, text, content='');
CREATE VIRTUAL TABLE events_fts USING fts5(actor, action, document, summary, content='');
CREATE VIRTUAL TABLE entities_fts USING fts5(name, aliases, role, content='');
"""

INDEXES = """
CREATE INDEX articles_document ON articles(document_id);
CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_year ON articles(year);
CREATE INDEX articles_kind ON articles(kind, published);
CREATE INDEX articles_publication ON articles(publication);
CREATE INDEX metrics_article ON metrics(article_id);
CREATE INDEX metrics_value ON metrics(value);
CREATE INDEX metrics_unit ON metrics(unit, value);
CREATE INDEX metrics_kind ON metrics(kind, value);
CREATE INDEX metrics_year ON metrics(year);
CREATE INDEX metrics_period ON metrics(period);
CREATE INDEX metrics_subject ON metrics(subject);
CREATE INDEX metrics_series ON metrics(series_id, period);
CREATE INDEX metrics_scope ON metrics(scope, period);
CREATE INDEX targets_status ON targets(status, id);
CREATE INDEX targets_year ON targets(target_year);
CREATE INDEX targets_scope ON targets(scope);
CREATE INDEX events_article ON events(article_id);
CREATE INDEX events_timeline ON events(timeline_id);
CREATE INDEX events_date ON events(date);
CREATE INDEX events_actor ON events(actor, date);
CREATE INDEX timeline_date ON timeline(date);
CREATE INDEX timeline_year ON timeline(year, date);
CREATE INDEX timeline_policy ON timeline(is_policy, date);
CREATE INDEX timeline_actor ON timeline(actor);
CREATE INDEX entities_type ON entities(type, n_mentions);
CREATE INDEX entities_mentions ON entities(n_mentions);
CREATE INDEX entities_name ON entities(name);
CREATE INDEX aliases_alias ON entity_aliases(alias);
CREATE INDEX mentions_entity ON mentions(entity_id, article_id);
CREATE INDEX mentions_article ON mentions(article_id, start);
CREATE INDEX mentions_role ON mentions(entity_id, role) WHERE role IS NOT NULL AND role != '';
"""

# The text of a sentence span. An event dated by a notice's metadata line (which stands before
# the body) has the empty span (0, 0): its sentence is that line, kept whole as its summary.
METRIC_SENTENCE = "substr(a.body, m.sentence_start + 1, m.sentence_end - m.sentence_start)"
EVENT_SENTENCE = ("CASE WHEN e.sentence_end > e.sentence_start"
                  " THEN substr(a.body, e.sentence_start + 1, e.sentence_end - e.sentence_start)"
                  " ELSE e.summary END")

VIEWS = f"""
CREATE VIEW metrics_view AS
SELECT m.id, m.article_id, a.title AS article_title, a.published AS article_published,
       a.source_file, m.text, m.value, m.value_max, m.unit, m.qualifier, m.period, m.year,
       m.subject, m.scope, m.kind, {METRIC_SENTENCE} AS sentence
FROM metrics m JOIN articles a ON a.id = m.article_id;

CREATE VIEW events_view AS
SELECT e.id, e.article_id, a.title AS article_title, a.published AS article_published,
       a.source_file, e.date, e.precision, e.actor, e.action, e.document, e.summary,
       e.is_policy, {EVENT_SENTENCE} AS sentence, e.timeline_id
FROM events e JOIN articles a ON a.id = e.article_id;

CREATE VIEW mentions_view AS
SELECT m.id, m.entity_id, e.name, e.type, m.text, m.role, m.article_id,
       a.title AS article_title, a.published AS article_published, m.start, m.end
FROM mentions m JOIN entities e ON e.id = m.entity_id JOIN articles a ON a.id = m.article_id;

CREATE VIEW target_progress AS
SELECT p.target_id AS id, p.target_id, p.series_id, coalesce(s.subject, p.subject) AS subject, p.scope, p.unit,
       p.target_period, CAST(substr(p.target_period, 1, 4) AS INTEGER) AS target_year, p.target_value,
       p.target_qualifier, a.id AS actual_id, a.value AS actual_value, a.period AS actual_period,
       CASE WHEN a.id IS NOT NULL AND p.target_value != 0 THEN a.value / p.target_value END AS ratio,
       CASE WHEN a.id IS NULL THEN 'no figure'
            WHEN substr(a.period, 1, 4) < substr(p.target_period, 1, 4) THEN 'in progress'
            WHEN CASE WHEN p.target_qualifier IN ('<', '<=', '<~') THEN a.value <= p.target_value
                      WHEN p.target_qualifier = '~' THEN a.value >= 0.9 * p.target_value
                      ELSE a.value >= p.target_value END THEN 'met'
            ELSE 'missed' END AS status
FROM (
    SELECT t.id AS target_id, t.series_id, t.subject, t.scope, t.unit, t.period AS target_period,
           t.value AS target_value,
           t.qualifier AS target_qualifier,
           (SELECT m.id FROM metrics m
            WHERE m.series_id = t.series_id AND m.kind != 'target' AND m.period IS NOT NULL
              AND t.period IS NOT NULL AND substr(m.period, 1, 4) <= substr(t.period, 1, 4)
            ORDER BY m.period DESC, m.id DESC  -- the target year's figure first, else the latest before it
            LIMIT 1) AS actual_id
    FROM metrics t WHERE t.kind = 'target'
) p
LEFT JOIN series s ON s.id = p.series_id
LEFT JOIN metrics a ON a.id = p.actual_id;

CREATE VIEW policy_timeline AS
SELECT * FROM timeline WHERE is_policy = 1 ORDER BY date, id;
"""

ALL = TABLES + FTS + INDEXES + VIEWS

# Tables whose names a catalog must have to be opened by the app.
REQUIRED_TABLES = (
    "meta", "documents", "problems", "articles", "metrics", "series", "targets", "events", "timeline",
    "entities", "entity_aliases", "entity_roles", "mentions", "facets",
    "articles_fts", "metrics_fts", "targets_fts", "events_fts", "entities_fts",
)


# The panes' tables with the aliases their SQL uses, and the facets counted on each: the build
# stores the unfiltered counts (table `facets`), the query layer counts the filtered ones.
PANE_TABLES: dict[str, tuple[str, str]] = {
    "articles": ("articles", "a"), "entities": ("entities", "e"), "metrics": ("metrics", "m"),
    "timeline": ("timeline", "t"), "targets": ("targets", "g"),
}
FACETS: dict[str, dict[str, str]] = {
    "articles": {"kind": "a.kind", "year": "a.year", "publication": "a.publication"},
    "entities": {"type": "e.type"},
    "metrics": {"unit": "m.unit", "kind": "m.kind", "year": "m.year"},
    "timeline": {"policy": "CASE t.is_policy WHEN 1 THEN 'policy' ELSE 'other' END", "year": "t.year",
                 "actor": "t.actor"},
    "targets": {"status": "g.status", "scope": "g.scope", "year": "g.target_year"},
}


@cache
def columns(table: str) -> tuple[str, ...]:
    """The columns of `table` (a table or full-text table above) in their order: the one column list."""
    conn = sqlite3.connect(":memory:")
    try:
        conn.executescript(TABLES + FTS)
        cols = tuple(r[1] for r in conn.execute(f"PRAGMA table_info({table})"))
    finally:
        conn.close()
    if not cols:
        raise KeyError(table)
    return cols
