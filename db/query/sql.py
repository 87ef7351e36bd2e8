"""The query layer: filter text → parameterised SQL → ids, rows, counts, facets.

A filter is plain words plus field terms::

    专利 增长  unit:元 kind:target,amount  year:2019..2022  value>1亿  sort:-value

Plain words never reach SQL as syntax: in the article index they become quoted
FTS5 terms (words exactly, single characters as prefixes), elsewhere quoted
phrases of single characters (those tables hold one character per token, so a
phrase is an exact substring search). Field values are bound parameters; column
names come only from the tables below. Anything that cannot be parsed raises
`FilterError`, never anything else.

Article words are segmented against the article index's own vocabulary
(`fts5vocab`, longest match first) rather than with jieba, so the app never
pays jieba's one-second, 60 MB dictionary load on the keystroke path.
"""
from __future__ import annotations

import re
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, field

from .filter import _WORDCHAR, Filter, parse
from .specs import SPECS

_MAX_TOKEN = 8  # the longest vocabulary match tried when segmenting article words
_HAN_RUN = re.compile(r"[\u4e00-\u9fff]+")
FIRST_PAGE = 200  # ids fetched before anything else, enough for a tall screen



@dataclass(frozen=True)
class Query:
    """A filter compiled to SQL for one pane: WHERE, joins, ORDER BY and their parameters."""

    pane: str
    source: str  # the FROM clause: the table, or the FTS index driving it (rank or index order)
    where: str
    params: tuple  # for source, then where
    order: str
    sort: str
    needs_article: bool = False  # where or order reads the article (a.published)
    words: tuple[str, ...] = ()  # the search terms as the text shows them, for highlighting
    filtered: bool = False
    ranked: bool = False
    match: str | None = field(default=None, repr=False)
    # The first matches in index order: what a slow sort (rank, date) shows while it runs.
    preview: tuple[str, tuple] | None = field(default=None, repr=False)
    # FROM, WHERE and parameters with the index driving, in its order: the first N matches
    # stream from it without collecting every match first (an estimate's sample).
    scan: tuple[str, str, tuple] | None = field(default=None, repr=False)

    def from_sql(self, with_article: bool = False) -> str:
        join = SPECS[self.pane].join
        return f"{self.source} {join}" if join and (with_article or self.needs_article) else self.source

    def ids_sql(self) -> tuple[str, tuple]:
        a = SPECS[self.pane].alias
        return f"SELECT {a}.id FROM {self.from_sql()} WHERE {self.where} ORDER BY {self.order}", self.params


def fts_phrase(text: str) -> str | None:
    """A quoted FTS5 phrase of the characters of `text` (one token each), or None if it has none."""
    chars = [ch for ch in text if _WORDCHAR.match(ch)]
    if not chars:
        return None
    return '"' + " ".join(chars).replace('"', '""') + '"'


def article_terms(conn: sqlite3.Connection, words: Sequence[str]) -> list[str]:
    """The words split into the article index's terms, longest vocabulary match first."""
    out: list[str] = []
    known: dict[str, bool] = {}

    def in_vocab(term: str) -> bool:
        if term not in known:
            if _HAN_RUN.fullmatch(term):
                # One index token (no case, accents or separators to fold): the first article that
                # holds it answers in ~0.1 ms; the vocabulary table counts all of them, ~8 ms for 科技
                # in a large catalog, and a keystroke looks up several terms.
                row = conn.execute("SELECT 1 FROM articles_fts WHERE articles_fts MATCH ? LIMIT 1",
                                   (_quoted(term),)).fetchone()
            else:
                row = conn.execute("SELECT 1 FROM temp.articles_vocab WHERE term = ?", (term,)).fetchone()
            known[term] = row is not None
        return known[term]

    for word in words:
        for run in re.findall(r"\w+", word.lower()):
            if run.isascii():
                out.append(run)
                continue
            i = 0
            while i < len(run):
                for n in range(min(_MAX_TOKEN, len(run) - i), 0, -1):
                    if n == 1 or in_vocab(run[i : i + n]):
                        out.append(run[i : i + n])
                        i += n
                        break
    return list(dict.fromkeys(out))


def _quoted(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def _prefix(term: str) -> str:
    return _quoted(term) + "*"


def _article_term(term: str) -> str:
    """An article index term as a query: a Chinese word of two or more characters exactly, else a prefix.

    Such a term is a word of the index's vocabulary (article_terms makes sure of it), and the index
    holds the dictionary words inside longer ones too (科技 inside 科技园区), so the exact term finds
    what its prefix would, from one doclist; a prefix query of two or more characters merges the
    doclists of every word it begins. One character and Latin text stay prefixes (the index has a
    one-character prefix index; Latin words are few).
    """
    return _prefix(term) if len(term) < 2 or term.isascii() else _quoted(term)


def compile_query(conn: sqlite3.Connection, flt: Filter, sort: str | None = None) -> Query:
    """The SQL for `flt`; `sort` (a sort name, "-" for descending) overrides the filter's."""
    spec = SPECS[flt.pane]
    a = spec.alias
    conds: list[str] = []
    params: list = []
    match: list[str] = []
    join = False
    words: list[str] = list(flt.words)
    if flt.words:
        if flt.pane == "articles":
            terms = article_terms(conn, flt.words)
            match.extend(_article_term(t) for t in terms)
            words = terms
        else:
            match.extend(p for w in flt.words if (p := fts_phrase(w)))
    for t in flt.terms:
        f = spec.fields[t.field]
        join = join or f.join
        if f.kind == "fts":
            phrase = fts_phrase(t.values[0])
            if phrase:
                if flt.pane == "articles":
                    inner = " AND ".join(_article_term(x) for x in article_terms(conn, [t.values[0]])) or phrase
                    expr = f"{f.column} : ({inner})"
                else:
                    expr = f"{f.column} : {phrase}"
                if t.op == "!=":
                    conds.append(f"{a}.id NOT IN (SELECT rowid FROM {spec.fts} WHERE {spec.fts} MATCH ?)")
                    params.append(expr)
                else:
                    match.append(expr)
                    words.append(t.values[0])
            continue
        col = f.column
        if t.op == "all":
            continue
        if t.op in ("named", "!named"):
            pattern = "%" + re.sub(r"([\\%_])", r"\\\1", t.values[0]) + "%"
            conds.append(f"{col} {'NOT ' if t.op == '!named' else ''}IN ({f.named})")
            params.extend([pattern] * f.named.count("?"))
            continue
        if t.unit:
            conds.append(f"{spec.alias}.unit = ?")
            params.append(t.unit)
        if t.op == "range":
            lo, hi = t.values
            if lo is not None:
                conds.append(f"{col} >= ?")
                params.append(lo)
            if hi is not None:
                conds.append(f"{col} < ?" if f.kind == "date" else f"{col} <= ?")
                params.append(hi)
        elif t.op in ("=", "!="):
            marks = ",".join("?" * len(t.values))
            conds.append(f"{col} {'NOT ' if t.op == '!=' else ''}IN ({marks})")
            params.extend(t.values)
        else:
            conds.append(f"{col} {t.op} ?")
            params.append(t.values[0])
    sort_name = sort or flt.sort
    if sort_name is None and flt.pane == "articles" and flt.words:
        sort_name = "rank"
    sort_name = sort_name or spec.default_sort
    if sort_name == "rank" and not match:
        sort_name = spec.default_sort
    name = sort_name.lstrip("-")
    if name not in spec.sorts and name != "rank":
        name, sort_name = spec.default_sort.lstrip("-"), spec.default_sort
    direction = "DESC" if sort_name.startswith("-") else "ASC"
    preview = scan = None
    if match:
        scan_join = f" {spec.join}" if join and spec.join else ""
        scan = (f"{spec.fts} f CROSS JOIN {spec.table} {a}{scan_join}",
                " AND ".join([f"f.{spec.fts} MATCH ?", f"{a}.id = f.rowid", *conds]), (" AND ".join(match), *params))
        if name != "source":
            preview = (f"SELECT {a}.id FROM {scan[0]} WHERE {scan[1]} ORDER BY f.rowid LIMIT {FIRST_PAGE}", scan[2])
    source = f"{spec.table} {a}"
    source_params: list = []
    ranked = False
    if match and name == "rank":
        # The index drives (CROSS JOIN keeps it outermost): bm25 weighs a title match five times a body match.
        ranked = True
        source = (f"(SELECT rowid AS rid, bm25({spec.fts}, 5.0, 1.0) AS score FROM {spec.fts}"
                  f" WHERE {spec.fts} MATCH ?) r CROSS JOIN {spec.table} {a}")
        source_params = [" AND ".join(match)]
        conds.insert(0, f"{a}.id = r.rid")
        order = f"r.score, {a}.id"
    elif match and name == "source":
        # The index yields rowids in order, so the first page streams without collecting every match.
        source = f"{spec.fts} f CROSS JOIN {spec.table} {a}"
        conds[:0] = [f"f.{spec.fts} MATCH ?", f"{a}.id = f.rowid"]
        params.insert(0, " AND ".join(match))
        order = f"f.rowid {direction}"
    else:
        if match:
            conds.insert(0, f"{a}.id IN (SELECT rowid FROM {spec.fts} WHERE {spec.fts} MATCH ?)")
            params.insert(0, " AND ".join(match))
        order = spec.sorts[name].format(dir=direction)
    return Query(
        pane=flt.pane, source=source, where=" AND ".join(conds) or "1", params=(*source_params, *params),
        order=order, sort=sort_name, needs_article=join or ("a.published" in order and flt.pane != "articles"),
        words=tuple(dict.fromkeys(w for w in words if w)), filtered=not flt.empty, ranked=ranked,
        match=" AND ".join(match) if match else None, preview=preview, scan=scan,
    )


def build(conn: sqlite3.Connection, text: str, pane: str, sort: str | None = None) -> Query:
    """parse + compile_query."""
    return compile_query(conn, parse(text, pane), sort)

