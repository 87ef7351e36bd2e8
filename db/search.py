"""Full-text search over articles: the user's words are segmented as the index was.

    >>> hits = search(conn, "科技成果转化")
    >>> hits[0].title, hits[0].snippet, hits[0].marks

Each query word becomes a quoted FTS5 prefix term, so no input can inject FTS
syntax; one- and two-character words match the longer index tokens they
begin (园 → 园区), and the dictionary sub-words the index holds (专利 inside
发明专利) match as words of their own.
"""
from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass

from . import segment

_WORD = re.compile(r"\w", re.UNICODE)
_SNIPPET = 60  # characters of context shown around the first match


@dataclass(frozen=True)
class Hit:
    article_id: int
    title: str
    published: str | None
    kind: str
    snippet: str
    marks: tuple[tuple[int, int], ...]  # spans of the query's words inside `snippet`
    rank: float


def query_words(query: str) -> list[str]:
    """The words of a query as the index holds them (jieba, zgc's dictionary)."""
    clean = "".join(ch if ch.isprintable() and not 0xD800 <= ord(ch) <= 0xDFFF else " " for ch in query)
    words: list[str] = []
    for token in segment.tokens(clean):
        token = token.strip()
        if token and _WORD.search(token) and token not in words:
            words.append(token)
    return words


def fts_query(words: list[str]) -> str:
    """An FTS5 MATCH expression: every word required, each a quoted prefix term."""
    return " AND ".join('"' + w.replace('"', '""') + '"*' for w in words)


def search(conn: sqlite3.Connection, query: str, limit: int = 20, offset: int = 0) -> list[Hit]:
    """Articles matching every word of `query`, best first (title matches weigh five times)."""
    words = query_words(query)
    if not words:
        return []
    rows = conn.execute(
        "SELECT a.id, a.title, a.published, a.kind, a.body, bm25(articles_fts, 5.0, 1.0) AS rank"
        " FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid"
        " WHERE articles_fts MATCH ? ORDER BY rank, a.id LIMIT ? OFFSET ?",
        (fts_query(words), limit, offset),
    ).fetchall()
    return [Hit(r[0], r[1], r[2], r[3], *snippet(r[4], words), r[5]) for r in rows]


def snippet(body: str, words: list[str], width: int = _SNIPPET) -> tuple[str, tuple[tuple[int, int], ...]]:
    """A window of the original text around the first match, and where the words stand in it."""
    hits = [m.start() for w in words if (m := re.search(re.escape(w), body))]
    if not hits:
        return body[: 2 * width].replace("\n", " "), ()
    first = min(hits)
    start = max(0, first - width // 2)
    end = min(len(body), start + 2 * width)
    window = body[start:end]
    marks = sorted(
        (m.start(), m.end()) for w in words for m in re.finditer(re.escape(w), window)
    )
    text = ("…" if start else "") + window.replace("\n", " ") + ("…" if end < len(body) else "")
    shift = 1 if start else 0
    merged: list[tuple[int, int]] = []
    for s, e in marks:
        s, e = s + shift, e + shift
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    return text, tuple(merged)
