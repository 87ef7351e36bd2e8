"""Updating a catalog in place: the rows of changed files out, the new ones in, the corpus tables redone.

An incremental build works on a copy of the previous catalog (the build renames
it into place when complete, as for a full build). Rows of the files that are
kept keep their ids; the rows of files that are gone or changed are deleted,
and the new files' rows are appended by the writer as in a full build.

The corpus-wide tables (entities, timeline, series) are merged across
articles in the order of the sorted file list, so they are worked out again
from the per-article tables read in that order: they come out exactly as a full
build makes them (same ids, same counts, same first mentions), and the links
to them (`mentions.entity_id`, `events.timeline_id`, `metrics.series_id`) are
renumbered where they changed. Targets, facets, meta and problems are written
anew; indexes and views are already there.
"""
from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from pathlib import Path
from typing import NamedTuple

from .. import segment
from ..extract.events import timeline_key
from ..extract.series import SeriesKey
from . import schema
from .write import CatalogWriter, EntityRow


class _EventRow(NamedTuple):
    id: int
    timeline_id: int
    date: str
    precision: str
    actor: str | None
    action: str | None
    document: str | None
    summary: str
    is_policy: int




class CatalogUpdater(CatalogWriter):
    """A writer that adds to (and removes from) an existing catalog file."""

    fresh = False

    @classmethod
    def open(cls, path: Path) -> CatalogUpdater:
        writer = cls(sqlite3.connect(path))
        conn = writer.conn

        def top(table: str) -> int:
            return conn.execute(f"SELECT coalesce(max(id), 0) FROM {table}").fetchone()[0]

        writer.articles, writer.metrics, writer.events, writer._mentions = (
            top("articles"), top("metrics"), top("events"), top("mentions"))
        # New rows of known entities, timeline entries and series take their ids for now (so that every
        # row's link says what it is linked to); `_renumber` settles them all.
        for eid, name, etype in conn.execute("SELECT id, name, type FROM entities ORDER BY id"):
            writer._entities.ids[(name, etype)] = eid
        for row in conn.execute("SELECT * FROM timeline ORDER BY id"):
            e = _EventRow(0, row[0], row[1], row[2], *row[4:9])
            writer._timeline[timeline_key(e)] = row[0]
            writer._timeline_rows[row[0]] = list(row)
        for row in conn.execute("SELECT id, subject, scope, unit, kind, n_points, first_period, last_period "
                                "FROM series ORDER BY id"):
            writer._series[SeriesKey(*row[1:5])] = list(row)
        return writer

    def documents(self) -> dict[str, tuple[int, str, int | None, tuple]]:
        """The catalog's documents: path → (id, sha256, duplicate_of, (encoding, bytes, chars))."""
        return {path: (doc_id, sha, dup, (encoding, size, chars)) for doc_id, path, sha, dup, encoding, size, chars in
                self.conn.execute("SELECT id, path, sha256, duplicate_of, encoding, bytes, chars FROM documents")}

    def meta(self) -> dict[str, str]:
        return dict(self.conn.execute("SELECT key, value FROM meta"))

    def rename_document(self, doc_id: int, path: str) -> None:
        """The same file given under another spelling of its path: its rows say the new one."""
        self.conn.execute("UPDATE documents SET path = ? WHERE id = ?", (path, doc_id))
        self.conn.execute("UPDATE articles SET source_file = ? WHERE document_id = ?", (path, doc_id))

    def next_document_id(self) -> int:
        return self.conn.execute("SELECT coalesce(max(id), 0) + 1 FROM documents").fetchone()[0]

    def remove_documents(self, doc_ids: Iterable[int]) -> None:
        """Delete documents with their articles and everything read from them, index entries included."""
        conn = self.conn
        conn.execute("CREATE TEMP TABLE IF NOT EXISTS gone (id INTEGER PRIMARY KEY)")
        conn.execute("DELETE FROM gone")
        conn.executemany("INSERT INTO temp.gone VALUES (?)", ((i,) for i in doc_ids))
        articles = "SELECT id FROM articles WHERE document_id IN (SELECT id FROM temp.gone)"
        # A full-text index forgets a row only when given the very tokens it indexed: they are made again.
        conn.executemany(
            "INSERT INTO articles_fts(articles_fts, rowid, title, body) VALUES ('delete', ?, ?, ?)",
            ((aid, segment.tokens_and_index(title)[1], segment.tokens_and_index(body)[1])
             for aid, title, body in conn.execute(
                 f"SELECT id, title, body FROM articles WHERE id IN ({articles})").fetchall()))
        conn.executemany(
            "INSERT INTO metrics_fts(metrics_fts, rowid, subject, scope, text) VALUES ('delete', ?, ?, ?, ?)",
            ((mid, segment.chars_text(subject or ""), segment.chars_text(scope or ""), segment.chars_text(text))
             for mid, subject, scope, text in conn.execute(
                 f"SELECT id, subject, scope, text FROM metrics WHERE article_id IN ({articles})").fetchall()))
        for table in ("metrics", "events", "mentions"):
            conn.execute(f"DELETE FROM {table} WHERE article_id IN ({articles})")
        conn.execute("DELETE FROM articles WHERE document_id IN (SELECT id FROM temp.gone)")
        conn.execute("DELETE FROM documents WHERE id IN (SELECT id FROM temp.gone)")

    def finish(self, meta: dict[str, str], problems=(), *, vacuum: bool = False) -> None:
        self._renumber()
        for table in ("timeline", "series", "entities", "entity_aliases", "entity_roles", "targets", "facets",
                      "meta", "problems"):
            self.conn.execute(f"DELETE FROM {table}")
        for fts in ("targets_fts", "events_fts", "entities_fts"):
            self.conn.execute(f"INSERT INTO {fts}({fts}) VALUES ('delete-all')")
        super().finish(meta, problems, vacuum=False)

    def _renumber(self) -> None:
        """Merge entities, timeline and series again over every row, in build order."""
        conn = self.conn
        conn.executescript(self._ORDER_SQL)
        self._renumber_entities()
        # Each row's link gives its key (no need to normalise its text again).
        keys = {tid: key for key, tid in self._timeline.items()}
        self._timeline, self._timeline_rows = {}, {}
        cols = ", ".join(f"x.{c}" for c in _EventRow._fields)
        moved = []
        for r in conn.execute(f"SELECT {cols} FROM events x JOIN temp.arank ar ON ar.aid = x.article_id "
                              "ORDER BY ar.r, x.id").fetchall():
            e = _EventRow(*r)
            tid = self._timeline_id(e, keys[e.timeline_id])
            if tid != e.timeline_id:
                moved.append((tid, e.id))
        conn.executemany("UPDATE events SET timeline_id = ? WHERE id = ?", moved)

        # Series in SQL, as entities: a series' id is its first figure's place, and its points and
        # periods are counts over its figures.
        keys = {row[0]: key for key, row in self._series.items()}
        conn.executescript(self._SERIES_SQL)
        self._series = {}
        for old, new, n, first, last in conn.execute("SELECT old, new, n, first, last FROM temp.sremap"):
            self._series[keys[old]] = [new, *keys[old], n, first, last]
        conn.execute("UPDATE metrics SET series_id = r.new FROM temp.sremap r "
                     "WHERE r.old = metrics.series_id AND r.old != r.new")
        for table in ("arank", "sremap"):
            conn.execute(f"DROP TABLE temp.{table}")

    # A row's place in build order is its article's place in the sorted file list, then its id (an
    # article's rows are written together, in order): sorting the articles, not the rows, is enough.
    _ORDER_SQL = """
    CREATE TEMP TABLE arank (aid INTEGER PRIMARY KEY, r INTEGER);
    INSERT INTO temp.arank SELECT id, row_number() OVER (ORDER BY source_file, seq) FROM articles;
    """
    _SERIES_SQL = """
    CREATE TEMP TABLE sremap AS
        SELECT old, row_number() OVER (ORDER BY place) AS new, n, first, last FROM (
            SELECT x.series_id AS old, min((ar.r << 32) + x.id) AS place, count(*) AS n,
                   min(nullif(x.period, '')) AS first, max(nullif(x.period, '')) AS last
            FROM metrics x JOIN temp.arank ar ON ar.aid = x.article_id
            WHERE x.series_id IS NOT NULL GROUP BY x.series_id);
    """

    # Entities are merged in SQL: they have the most rows (five mentions a metric), and their ids,
    # counts, first-mentioned roles and aliases are all orders and counts over the mentions.
    _ENTITY_SQL = """
    CREATE TEMP TABLE remap AS
        SELECT old, row_number() OVER (ORDER BY first) AS new, n_mentions, n_articles FROM (
            SELECT x.entity_id AS old, min((ar.r << 32) + x.id) AS first, count(*) AS n_mentions,
                   count(DISTINCT x.article_id) AS n_articles
            FROM mentions x JOIN temp.arank ar ON ar.aid = x.article_id GROUP BY x.entity_id);
    CREATE UNIQUE INDEX temp.remap_old ON remap(old);
    """

    def _renumber_entities(self) -> None:
        conn = self.conn
        conn.execute("CREATE TEMP TABLE names (id INTEGER PRIMARY KEY, name TEXT, type TEXT)")
        conn.executemany("INSERT INTO temp.names VALUES (?, ?, ?)",
                         ((eid, name, etype) for (name, etype), eid in self._entities.ids.items()))
        conn.executescript(self._ENTITY_SQL)
        aliases: dict[int, list[str]] = {}
        for eid, alias in conn.execute("""
                SELECT DISTINCT r.new, u.alias FROM (
                    SELECT entity_id AS old, text AS alias FROM mentions
                    UNION SELECT o.entity_id, j.value FROM mentions o, json_each(o.aliases) j
                    WHERE o.aliases IS NOT NULL
                ) u JOIN temp.names nm ON nm.id = u.old JOIN temp.remap r ON r.old = u.old
                WHERE u.alias != '' AND u.alias != nm.name ORDER BY 1, 2"""):
            aliases.setdefault(eid, []).append(alias)
        # Each entity's roles with how often and how early they come (the mentions_role index holds them).
        roles: dict[int, list[tuple[str, int, int]]] = {}
        for old, role, n, first in conn.execute("""
                SELECT x.entity_id, x.role, count(*), min((ar.r << 32) + x.id)
                FROM mentions x JOIN temp.arank ar ON ar.aid = x.article_id
                WHERE x.role IS NOT NULL AND x.role != '' GROUP BY x.entity_id, x.role"""):
            roles.setdefault(old, []).append((role, n, first))
        self._entity_rows = []
        for old, eid, name, etype, n_mentions, n_articles in conn.execute("""
                SELECT r.old, r.new, nm.name, nm.type, r.n_mentions, r.n_articles
                FROM temp.remap r JOIN temp.names nm ON nm.id = r.old ORDER BY r.new"""):
            its = roles.get(old, ())
            top = min(its, key=lambda t: (-t[1], t[2]))[0] if its else None  # the commonest, then the first
            self._entity_rows.append(EntityRow(eid, name, etype, top, n_mentions, n_articles,
                                               tuple(aliases.get(eid, ())), tuple(sorted(r for r, _, _ in its))))
        conn.execute("UPDATE mentions SET entity_id = r.new FROM temp.remap r "
                     "WHERE r.old = mentions.entity_id AND r.old != r.new")
        for table in ("remap", "names"):
            conn.execute(f"DROP TABLE temp.{table}")

    def _merged_entities(self) -> list[EntityRow]:
        return self._entity_rows


def reusable(path: Path, extractor: str) -> bool:
    """Whether the catalog at `path` was built by this schema and these extractors (so rows can be kept)."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            meta = dict(conn.execute("SELECT key, value FROM meta"))
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return False
    return meta.get("schema_version") == str(schema.SCHEMA_VERSION) and meta.get("extractor") == extractor
