"""Lookups for the detail views, the reader and the palette: one row with what surrounds it, snippets."""
from __future__ import annotations

import re
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from ..catalog import schema
from ..text import chinese_number, sentence_at, unbroken
from .filter import _WORDCHAR, clean
from .sql import _article_term, article_terms, fts_phrase


def article(conn: sqlite3.Connection, article_id: int) -> dict | None:
    cur = conn.execute("SELECT * FROM articles WHERE id = ?", (article_id,))
    row = cur.fetchone()
    return dict(zip([d[0] for d in cur.description], row, strict=False)) if row else None


@dataclass(frozen=True)
class Mark:
    """A highlighted span of an article's body."""

    kind: str  # metric | event | entity
    start: int
    end: int
    ref: int  # id of the metric, event or entity
    label: str


def article_marks(conn: sqlite3.Connection, article_id: int) -> list[Mark]:
    marks = [Mark("metric", s, e, i, f"{subj or '?'} = {chinese_number(v)} {u}" + (f" ({p})" if p else ""))
             for i, s, e, subj, v, u, p in conn.execute(
                 "SELECT id, start, end, subject, value, unit, period FROM metrics WHERE article_id = ?",
                 (article_id,))]
    marks += [Mark("event", s, e, i, d) for i, s, e, d in conn.execute(
        "SELECT id, start, end, date FROM events WHERE article_id = ?", (article_id,))]
    marks += [Mark("entity", s, e, i, f"{n} ({t})") for i, s, e, n, t in conn.execute(
        "SELECT e.id, m.start, m.end, e.name, e.type FROM mentions m JOIN entities e ON e.id = m.entity_id"
        " WHERE m.article_id = ?", (article_id,))]
    return sorted(marks, key=lambda m: (m.start, -m.end))


def entity(conn: sqlite3.Connection, entity_id: int) -> dict | None:
    row = conn.execute("SELECT id, name, type, role, n_mentions, n_articles FROM entities WHERE id = ?",
                       (entity_id,)).fetchone()
    if not row:
        return None
    out = dict(zip(("id", "name", "type", "role", "n_mentions", "n_articles"), row, strict=False))
    out["aliases"] = [r[0] for r in conn.execute("SELECT alias FROM entity_aliases WHERE entity_id = ? ORDER BY alias",
                                                 (entity_id,))]
    out["roles"] = [r[0] for r in conn.execute("SELECT role FROM entity_roles WHERE entity_id = ? ORDER BY role",
                                               (entity_id,))]
    return out


def entity_mentions(conn: sqlite3.Connection, entity_id: int, limit: int = 500) -> list[dict]:
    """Each mention with its sentence: article id, title, date, sentence text and the name's span in it."""
    out = []
    bodies: dict[int, tuple[str, str, str | None]] = {}
    for mid, aid, start, end, text in conn.execute(
            "SELECT id, article_id, start, end, text FROM mentions WHERE entity_id = ?"
            " ORDER BY article_id, start LIMIT ?",
            (entity_id, limit)):
        if aid not in bodies:
            r = conn.execute("SELECT body, title, published FROM articles WHERE id = ?", (aid,)).fetchone()
            bodies[aid] = r if r else ("", "", None)
        body, title, published = bodies[aid]
        s, e = sentence_at(body, start) if body else (start, start)
        if e <= s:
            s, e = max(0, start - 30), min(len(body), end + 30)
        out.append({"id": mid, "article_id": aid, "title": title, "published": published, "start": start,
                    "end": end, "text": text, "sentence": body[s:e], "sentence_start": s})
    return out


class Related(NamedTuple):
    id: int
    name: str
    type: str
    sentences: int  # sentences naming both
    articles: int  # articles naming both


def cooccurring(conn: sqlite3.Connection, entity_id: int, limit: int = 12, mentions: int = 500) -> list[Related]:
    """Entities named with this one: those sharing its sentences first, then those sharing its articles.

    Read from its first `mentions` mentions, so an entity named a million times costs no more."""
    own: dict[int, list[tuple[int, int]]] = {}  # article → the sentences naming the entity
    for aid, start in conn.execute("SELECT article_id, start FROM mentions WHERE entity_id = ? "
                                   "ORDER BY article_id, start LIMIT ?", (entity_id, mentions)):
        own.setdefault(aid, [])
        body = conn.execute("SELECT body FROM articles WHERE id = ?", (aid,)).fetchone()
        if body and 0 <= start < len(body[0]):
            span = sentence_at(body[0], start)
            if span not in own[aid]:
                own[aid].append(span)
    sentences: dict[int, set] = {}
    articles: dict[int, set[int]] = {}
    for aid, spans in own.items():
        for eid, start in conn.execute("SELECT entity_id, start FROM mentions WHERE article_id = ? AND entity_id != ?",
                                       (aid, entity_id)):
            articles.setdefault(eid, set()).add(aid)
            for span in spans:
                if span[0] <= start < span[1]:
                    sentences.setdefault(eid, set()).add((aid, span))
    ranked = sorted(articles, key=lambda e: (-len(sentences.get(e, ())), -len(articles[e]), e))[:limit]
    names = {i: (n, t) for i, n, t in conn.execute(
        f"SELECT id, name, type FROM entities WHERE id IN ({','.join('?' * len(ranked))})", ranked)}
    return [Related(e, *names[e], len(sentences.get(e, ())), len(articles[e])) for e in ranked if e in names]


def _names_of(conn: sqlite3.Connection, entity_id: int) -> list[str]:
    """An entity's name and aliases: the forms a metric's scope or an event's actor may use."""
    return [r[0] for r in conn.execute("SELECT name FROM entities WHERE id = ? UNION "
                                       "SELECT alias FROM entity_aliases WHERE entity_id = ?", (entity_id, entity_id))]


def _named_rows(conn: sqlite3.Connection, entity_id: int, select: str, column: str, order: str,
                limit: int) -> list[dict]:
    """Rows whose `column` is one of the entity's names, as dicts keyed by the selected columns."""
    names = _names_of(conn, entity_id)
    if not names:
        return []
    cur = conn.execute(f"{select} WHERE {column} IN ({','.join('?' * len(names))}) ORDER BY {order} LIMIT ?",
                       (*names, limit))
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, r, strict=True)) for r in cur]


def entity_figures(conn: sqlite3.Connection, entity_id: int, limit: int = 500) -> list[dict]:
    """The metrics whose scope is this entity (under any of its names), latest period first."""
    return _named_rows(
        conn, entity_id,
        "SELECT m.id, m.article_id, m.text, m.value, m.unit, m.qualifier, m.period, m.subject, m.scope, m.kind,"
        " m.start, m.end, a.title, a.published FROM metrics m JOIN articles a ON a.id = m.article_id",
        "m.scope", "m.period IS NULL, m.period DESC, m.id", limit)


def entity_events(conn: sqlite3.Connection, entity_id: int, limit: int = 500) -> list[dict]:
    """The dated events this entity is the actor of, latest first."""
    return _named_rows(
        conn, entity_id,
        "SELECT e.id, e.article_id, e.date, e.actor, e.action, e.document, e.summary, e.start, e.end, a.title,"
        " a.published FROM events e JOIN articles a ON a.id = e.article_id",
        "e.actor", "e.date DESC, e.id", limit)


def metric(conn: sqlite3.Connection, metric_id: int) -> dict | None:
    """A metric's row, with its sentence's text as the extractor read it: half-width, without the line
    breaks the page layout left in it (the view `metrics_view` gives the body's own characters)."""
    cur = conn.execute(
        f"SELECT m.*, {schema.METRIC_SENTENCE} AS sentence FROM metrics m JOIN articles a ON a.id = m.article_id"
        " WHERE m.id = ?", (metric_id,))
    row = cur.fetchone()
    if not row:
        return None
    out = dict(zip([d[0] for d in cur.description], row, strict=False))
    # The sentence in the article's own characters (，not ,), without the page's line breaks; `mark` is
    # where the figure stands in it.
    raw, i, j = out["sentence"], out["start"] - out["sentence_start"], out["end"] - out["sentence_start"]
    if 0 <= i <= j <= len(raw):
        head, figure = unbroken(raw[:i]), unbroken(raw[i:j])
        out["sentence"] = head + figure + unbroken(raw[j:])
        out["mark"] = (len(head), len(head) + len(figure))
    else:
        out["sentence"] = unbroken(raw)
        k = out["sentence"].find(out["text"])
        out["mark"] = (k, k + len(out["text"])) if k >= 0 else None
    return out


def metric_series(conn: sqlite3.Connection, series_id: int | None, limit: int = 24) -> list[tuple[str, float]]:
    """A series' reported values over their periods (one per period: the last stated), oldest first."""
    if series_id is None:
        return []
    # Bounded before sorting: a series stated a hundred thousand times must not stall the detail view.
    rows = conn.execute(
        "SELECT period, value FROM (SELECT period, value, id FROM metrics WHERE series_id = ? AND kind != 'target'"
        " AND period IS NOT NULL LIMIT 1000) ORDER BY period, id", (series_id,)).fetchall()
    values: dict[str, float] = {}
    for period, value in rows:
        values[period] = value
    return list(values.items())[-limit:]


def series(conn: sqlite3.Connection, series_id: int) -> dict | None:
    cur = conn.execute("SELECT * FROM series WHERE id = ?", (series_id,))
    row = cur.fetchone()
    return dict(zip([d[0] for d in cur.description], row, strict=False)) if row else None


def series_points(conn: sqlite3.Connection, series_id: int, limit: int = 2000) -> list[dict]:
    """A series' figures, oldest period first, each with its article (targets included, marked by kind)."""
    keys = ("id", "period", "value", "value_max", "text", "kind", "qualifier", "article_id", "title", "published",
            "start", "end")
    return [dict(zip(keys, r, strict=True)) for r in conn.execute(
        "SELECT m.id, m.period, m.value, m.value_max, m.text, m.kind, m.qualifier, m.article_id, a.title, a.published,"
        " m.start, m.end FROM metrics m JOIN articles a ON a.id = m.article_id WHERE m.series_id = ?"
        " ORDER BY m.period IS NULL, m.period, m.id LIMIT ?", (series_id, limit))]


def timeline_event(conn: sqlite3.Connection, timeline_id: int) -> dict | None:
    """A timeline entry and its first source: article id, sentence and the date's offset."""
    cur = conn.execute("SELECT * FROM timeline WHERE id = ?", (timeline_id,))
    row = cur.fetchone()
    if not row:
        return None
    out = dict(zip([d[0] for d in cur.description], row, strict=False))
    keys = ("event_id", "article_id", "start", "end", "sentence", "title", "published")
    out["sources"] = [dict(zip(keys, r, strict=False))
                      for r in conn.execute(
        f"SELECT e.id, e.article_id, e.start, e.end, {schema.EVENT_SENTENCE}, a.title, a.published FROM events e"
        " JOIN articles a ON a.id = e.article_id WHERE e.timeline_id = ? ORDER BY e.id", (timeline_id,))]
    return out


def find_articles(conn: sqlite3.Connection, text: str, limit: int = 20) -> list[tuple[int, str, str | None]]:
    """Articles whose title holds the words of `text` (for the command palette)."""
    words = [w for w in clean(text).split() if _WORDCHAR.search(w)]
    terms = article_terms(conn, words)
    if not terms:
        return conn.execute("SELECT id, title, published FROM articles ORDER BY published DESC, id LIMIT ?",
                            (limit,)).fetchall()
    expr = "title : (" + " AND ".join(_article_term(t) for t in terms) + ")"
    return conn.execute(
        "SELECT a.id, a.title, a.published FROM articles a WHERE a.id IN"
        " (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?) ORDER BY a.published DESC, a.id LIMIT ?",
        (expr, limit)).fetchall()


def find_entities(conn: sqlite3.Connection, text: str, limit: int = 20) -> list[tuple[int, str, str]]:
    """Entities whose name or alias holds the characters of `text` (for the command palette)."""
    phrase = fts_phrase(clean(text))
    if not phrase:
        return conn.execute("SELECT id, name, type FROM entities ORDER BY n_mentions DESC, id LIMIT ?",
                            (limit,)).fetchall()
    return conn.execute(
        "SELECT e.id, e.name, e.type FROM entities e WHERE e.id IN"
        " (SELECT rowid FROM entities_fts WHERE entities_fts MATCH ?) ORDER BY e.n_mentions DESC, e.id LIMIT ?",
        ("{name aliases} : " + phrase, limit)).fetchall()


def find_marks(text: str, words: Sequence[str]) -> list[tuple[int, int]]:
    """Non-overlapping spans of `words` in `text` (case-insensitive), for highlighting."""
    pats = sorted({w for w in words if w}, key=len, reverse=True)
    if not pats:
        return []
    rx = re.compile("|".join(re.escape(p) for p in pats), re.I)
    return [m.span() for m in rx.finditer(text)]


def snippet(text: str, words: Sequence[str], width: int = 120) -> tuple[str, list[tuple[int, int]]]:
    """About `width` characters of `text` around the first match, and the matches' spans in it."""
    spans = find_marks(text, words)
    start = max(0, spans[0][0] - width // 3) if spans else 0
    end = min(len(text), start + width)
    window = text[start:end].replace("\n", " ")
    prefix = "…" if start else ""
    shift = len(prefix) - start
    inside = [(s + shift, e + shift) for s, e in spans if s >= start and e <= end]
    return prefix + window + ("…" if end < len(text) else ""), inside


@dataclass(frozen=True)
class Hit:
    """An article that matches a search, with a snippet of its body around the first match."""

    article_id: int
    title: str
    published: str | None
    kind: str
    snippet: str
    marks: tuple[tuple[int, int], ...]  # spans of the search terms inside `snippet`
    rank: float


def search(conn: sqlite3.Connection, text: str, limit: int = 20, offset: int = 0) -> list[Hit]:
    """Articles holding every word of `text`, best first (a title match weighs five body matches).

    For scripts: `search(catalog.connect(path), "科技成果转化")`. The words are split into the
    index's own terms as the app's filter splits them, so both find the same articles.
    """
    words = [w for w in clean(text).split() if _WORDCHAR.search(w)]
    terms = article_terms(conn, words)
    if not terms:
        return []
    rows = conn.execute(
        "SELECT a.id, a.title, a.published, a.kind, a.body, bm25(articles_fts, 5.0, 1.0) AS rank"
        " FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid"
        " WHERE articles_fts MATCH ? ORDER BY rank, a.id LIMIT ? OFFSET ?",
        (" AND ".join(_article_term(t) for t in terms), limit, offset)).fetchall()
    out = []
    for aid, title, published, kind, body, rank in rows:
        snip, marks = snippet(body, terms, 120)
        out.append(Hit(aid, title, published, kind, snip, tuple(marks), rank))
    return out


SOURCE_FIELDS = ("article_title", "published", "publication", "sentence")


def sources(conn: sqlite3.Connection, pane: str, ids: Sequence[int]) -> dict[int, tuple]:
    """Where each row was read (SOURCE_FIELDS: its article's title, date, publication, and the sentence),
    for the panes whose rows come from a sentence: metrics, timeline (its first report), targets."""
    out: dict[int, tuple] = {}
    for i in range(0, len(ids), 500):
        chunk = list(ids[i:i + 500])
        marks = ",".join("?" * len(chunk))
        if pane == "metrics":
            rows = conn.execute(
                f"SELECT m.id, a.title, a.published, a.publication, {schema.METRIC_SENTENCE}"
                f" FROM metrics m JOIN articles a ON a.id = m.article_id WHERE m.id IN ({marks})", chunk)
        elif pane == "targets":
            rows = conn.execute(
                f"SELECT g.id, a.title, a.published, a.publication, {schema.METRIC_SENTENCE}"
                f" FROM targets g JOIN metrics m ON m.id = g.target_id JOIN articles a ON a.id = m.article_id"
                f" WHERE g.id IN ({marks})", chunk)
        elif pane == "timeline":
            rows = conn.execute(
                f"SELECT e.timeline_id, a.title, a.published, a.publication, {schema.EVENT_SENTENCE}"
                " FROM events e JOIN articles a ON a.id = e.article_id"
                f" WHERE e.id IN (SELECT min(id) FROM events WHERE timeline_id IN ({marks}) GROUP BY timeline_id)",
                chunk)
        else:
            return {}
        out.update((r[0], tuple(unbroken(v) if k == 3 and v else v for k, v in enumerate(r[1:]))) for r in rows)
    return out
