"""The catalog writer: the only code that inserts catalog rows.

The build, the test catalogs and the benchmark's million-row catalogs all write
through `CatalogWriter`, so a column added to the schema is added here once.
Rows are tuples in the order of the schema's columns (`schema.columns`): the
build writes hundreds of thousands of them, and `executemany` over tuples is
the fastest way SQLite takes them: 100,000 metric rows took 0.53-0.59 s so, and
2.6-2.9 s through sqlite-utils' `insert_all` (a dict per row, SQL per batch),
about five times as long, which would make the writer the slowest part of a
build. sqlite-utils is what users read the catalog with (see docs/schema.md).

`add_file` is the build's way in: it numbers a file's articles and their
metrics, events and mentions, merges entities across the corpus by name and
type, and groups the same event reported twice into one timeline entry.
"""
from __future__ import annotations

import json
import sqlite3
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import NamedTuple

from .. import segment
from ..extract.article import ArticleResult
from ..extract.events import timeline_key
from ..extract.series import SeriesKey, series_key
from ..records import EntityMention, Problem
from . import schema


def year_of(iso: str | None) -> int | None:
    if iso and len(iso) >= 4 and iso[:4].isdigit():
        return int(iso[:4])
    return None


class EntityRow(NamedTuple):
    """An entity as `add_entities` takes it: its row plus its aliases and roles."""

    id: int
    name: str
    type: str
    role: str | None
    n_mentions: int
    n_articles: int
    aliases: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()


class _Entities:
    """Entities merged across the corpus by (name, type), with ids in order of first mention."""

    def __init__(self) -> None:
        self.ids: dict[tuple[str, str], int] = {}
        self.aliases: dict[int, set[str]] = defaultdict(set)
        self.roles: dict[int, Counter[str]] = defaultdict(Counter)
        self.mentions: Counter[int] = Counter()
        self.articles: dict[int, set[int]] = defaultdict(set)

    def add(self, m: EntityMention, article_id: int) -> int:
        key = (m.name, m.type)
        eid = self.ids.setdefault(key, len(self.ids) + 1)
        for alias in (m.text, *m.aliases):
            if alias and alias != m.name:
                self.aliases[eid].add(alias)
        if m.role:
            self.roles[eid][m.role] += 1
        self.mentions[eid] += 1
        self.articles[eid].add(article_id)
        return eid


class CatalogWriter:
    """Writes one new catalog into an empty SQLite file."""

    fresh = True  # a new, empty file: the indexes and views are made once the rows are in

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        conn.execute("PRAGMA journal_mode=OFF")
        conn.execute("PRAGMA synchronous=OFF")
        if self.fresh:
            conn.executescript(schema.TABLES + schema.FTS)
        self._sql: dict[tuple[str, tuple[str, ...] | None], str] = {}
        self._entities = _Entities()
        self._timeline: dict[tuple, int] = {}
        self._timeline_rows: dict[int, list] = {}
        self._series: dict[SeriesKey, list] = {}
        self.articles = self.metrics = self.events = self._mentions = 0

    @classmethod
    def create(cls, path: Path) -> CatalogWriter:
        """A writer of a new catalog at `path` (which must not exist yet or be empty)."""
        return cls(sqlite3.connect(path))

    # ------------------------------------------------------------ rows

    def insert(self, table: str, rows: Iterable[Sequence], columns: tuple[str, ...] | None = None) -> None:
        """Insert `rows` into `table`: tuples of every column in schema order, or of `columns`.

        A full-text table takes (rowid, *its columns).
        """
        key = (table, columns)
        sql = self._sql.get(key)
        if sql is None:
            cols = columns or schema.columns(table)
            if table.endswith("_fts") and columns is None:
                cols = ("rowid", *cols)
            sql = self._sql[key] = f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({','.join('?' * len(cols))})"
        self.conn.executemany(sql, rows)

    def add_document(self, doc_id: int, path: str, sha256: str, encoding: str | None, size: int, chars: int,
                     duplicate_of: int | None = None) -> None:
        self.insert("documents", [(doc_id, path, sha256, encoding, size, chars, duplicate_of)])

    def add_file(self, doc_id: int, path: str, results: list[ArticleResult]) -> None:
        """A file's articles with their metrics, events and mentions (one executemany per table)."""
        mentions, articles, articles_fts, metrics, metrics_fts, events = [], [], [], [], [], []
        for seq, ar in enumerate(results):
            self.articles += 1
            article_id = self.articles
            a = ar.article
            eids = set()
            for m in ar.mentions:
                self._mentions += 1
                eid = self._entities.add(m, article_id)
                eids.add(eid)
                mentions.append((self._mentions, eid, article_id, m.text, m.role, m.start, m.end,
                                 json.dumps(list(m.aliases), ensure_ascii=False) if m.aliases else None))
            articles.append(
                (article_id, doc_id, path, seq, a.title, a.subtitle,
                 json.dumps(list(a.authors), ensure_ascii=False),
                 a.publication, a.published, year_of(a.published), a.kind, a.doc_number, a.issuer, a.body,
                 len(a.body), a.start, a.end, a.body_start, len(ar.metrics), len(ar.events), len(eids)),
            )
            articles_fts.append((article_id, ar.title_index, ar.body_index))
            for m, index in zip(ar.metrics, ar.metrics_index, strict=True):
                self.metrics += 1
                metrics.append(
                    (self.metrics, article_id, m.text, m.value, m.value_max, m.unit, m.qualifier, m.period,
                     year_of(m.period) or year_of(a.published), m.subject, m.scope, m.kind, m.sentence_start,
                     m.sentence_end, m.start, m.end, self.series_id(m.subject, m.scope, m.unit, m.kind, m.period)),
                )
                metrics_fts.append((self.metrics, *index))
            for e in ar.events:
                self.events += 1
                events.append(
                    (self.events, article_id, e.date, e.precision, year_of(e.date), e.actor, e.action, e.document,
                     e.summary, int(e.is_policy), e.sentence_start, e.sentence_end, e.start, e.end,
                     self._timeline_id(e)),
                )
        self.insert("mentions", mentions)
        self.insert("articles", articles)
        self.insert("articles_fts", articles_fts)
        self.insert("metrics", metrics)
        self.insert("metrics_fts", metrics_fts)
        self.insert("events", events)

    def series_id(self, subject: str | None, scope: str | None, unit: str, kind: str, period: str | None
                  ) -> int | None:
        """The id of the series a metric belongs to (counted in; the series rows are written by `finish`)."""
        key = series_key(subject, scope, unit, kind)
        return None if key is None else self._in_series(key, period)

    def _in_series(self, key: SeriesKey, period: str | None) -> int:
        row = self._series.get(key)
        if row is None:
            row = self._series[key] = [len(self._series) + 1, *key, 0, None, None]
        row[5] += 1
        if period:
            row[6] = period if row[6] is None else min(row[6], period)
            row[7] = period if row[7] is None else max(row[7], period)
        return row[0]

    def _timeline_id(self, e, key: tuple | None = None) -> int:
        key = key or timeline_key(e)
        tid = self._timeline.get(key)
        if tid is None:
            tid = self._timeline[key] = len(self._timeline) + 1
            self._timeline_rows[tid] = [tid, e.date, e.precision, year_of(e.date), e.actor, e.action, e.document,
                                        e.summary, int(e.is_policy), 0]
        self._timeline_rows[tid][-1] += 1
        return tid

    @property
    def entities(self) -> int:
        return len(self._entities.ids)

    # ------------------------------------------------------------ corpus-wide tables

    def add_timeline(self, rows: Sequence[Sequence]) -> None:
        """Timeline rows (schema order) and their full-text index."""
        self.insert("timeline", rows)
        self.insert("events_fts", [(r[0], segment.chars_text(r[4] or ""), segment.chars_text(r[5] or ""),
                                    segment.chars_text(r[6] or ""), segment.chars_text(r[7])) for r in rows])

    def add_entities(self, entities: Iterable[EntityRow]) -> None:
        """Entities with their aliases, roles and full-text index."""
        rows, aliases, roles, index = [], [], [], []
        for e in entities:
            rows.append((e.id, e.name, e.type, e.role, e.n_mentions, e.n_articles))
            aliases.extend((e.id, a) for a in e.aliases)
            roles.extend((e.id, r) for r in e.roles)
            index.append((e.id, segment.chars_text(e.name), segment.chars_text(" ".join(e.aliases)),
                          segment.chars_text(" ".join(e.roles))))
        self.insert("entities", rows)
        self.insert("entity_aliases", aliases)
        self.insert("entity_roles", roles)
        self.insert("entities_fts", index)

    def _write_merged(self) -> None:
        """The timeline and entities `add_file` gathered."""
        rows = self._timeline_rows
        self.add_timeline([rows[k] for k in sorted(rows)])
        self.insert("series", sorted(self._series.values()))
        self.add_entities(self._merged_entities())

    def _merged_entities(self) -> list[EntityRow]:
        ents = self._entities
        merged = []
        for (name, etype), eid in sorted(ents.ids.items(), key=lambda kv: kv[1]):
            roles = ents.roles.get(eid, Counter())
            merged.append(EntityRow(eid, name, etype, roles.most_common(1)[0][0] if roles else None,
                                    ents.mentions[eid], len(ents.articles[eid]),
                                    tuple(sorted(ents.aliases.get(eid, ()))), tuple(sorted(roles))))
        return merged

    def write_facets(self) -> None:
        """The unfiltered facet counts, so the app never counts a million rows at start-up."""
        for pane, facets in schema.FACETS.items():
            table, alias = schema.PANE_TABLES[pane]
            for facet, expr in facets.items():
                self.insert("facets", [
                    (pane, facet, str(value), n) for value, n in self.conn.execute(
                        f"SELECT {expr}, count(*) FROM {table} {alias} WHERE {expr} IS NOT NULL GROUP BY 1")])

    def finish(self, meta: dict[str, str], problems: Sequence[Problem] = (), *, vacuum: bool = True) -> None:
        """Write the corpus-wide tables, facets, meta and problems, then the indexes and views."""
        self._write_merged()
        self.insert("meta", sorted(meta.items()))
        self.insert("problems", [(p.path, p.reason, p.detail) for p in problems], ("path", "reason", "detail"))
        if self.fresh:
            self.conn.executescript(schema.INDEXES + schema.VIEWS)
        # The view looks each target's figure up: worked out once here, so the app pages a table.
        columns = ", ".join(schema.columns("targets"))
        self.conn.execute(f"INSERT INTO targets ({columns}) SELECT {columns} FROM target_progress")
        # The targets' own index (their figures' words, as metrics_fts has them): a search in the
        # targets pane then streams through targets only, not through every figure's matches.
        self.insert("targets_fts", [
            (gid, segment.chars_text(subject or ""), segment.chars_text(scope or ""), segment.chars_text(text))
            for gid, subject, scope, text in self.conn.execute(
                "SELECT g.id, m.subject, m.scope, m.text FROM targets g JOIN metrics m ON m.id = g.target_id")])
        self.write_facets()
        if self.fresh:
            self.conn.execute("INSERT INTO articles_fts(articles_fts) VALUES ('optimize')")
        # Statistics let SQLite pick good plans for the app's filters. An update changes few rows: SQLite's
        # own policy (analyse a table again when it has grown or shrunk a lot) keeps them, at no cost.
        self.conn.execute("ANALYZE" if self.fresh else "PRAGMA optimize")
        self.conn.commit()
        if vacuum and self.fresh:
            # Merging the full-text segments leaves about a sixth of the file free; VACUUM costs ~2% of a build.
            self.conn.execute("VACUUM")

    def close(self) -> None:
        self.conn.close()
