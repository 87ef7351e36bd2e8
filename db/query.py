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

import math
import re
import sqlite3
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

from . import schema
from .text import halfwidth, unbroken

PANES = ("articles", "entities", "metrics", "timeline")
MAX_FILTER = 1000  # characters; a longer filter is a paste gone wrong
MAX_WORDS = 24
_MAX_TOKEN = 8  # the longest vocabulary match tried when segmenting article words
FIRST_PAGE = 200  # ids fetched before anything else, enough for a tall screen
FIRST_PAGE_BUDGET = 0.008  # seconds a first page may take before a cheaper one is tried
POLL_STEPS = 1000  # SQLite virtual-machine steps between checks of a query's budget and cancellation


class FilterError(ValueError):
    """A filter that cannot be understood; `str(err)` is a message for the user."""

    def __init__(self, message: str, position: int | None = None) -> None:
        super().__init__(message)
        self.position = position


# ------------------------------------------------------------------ the panes


@dataclass(frozen=True)
class FieldSpec:
    kind: str  # text | int | num | date | fts | bool
    column: str  # SQL column (or FTS column for kind fts)
    help: str
    join: bool = False  # needs the article joined


@dataclass(frozen=True)
class PaneSpec:
    table: str
    alias: str
    fts: str
    select: str  # columns of a row, in ROW order
    join: str  # join to the article, for columns and filters that need it
    sorts: dict[str, str]  # name → ORDER BY; "-name" is the descending form
    default_sort: str
    fields: dict[str, FieldSpec]
    facets: dict[str, str]  # facet → SQL expression grouped on
    row: tuple[str, ...] = ()


_ART_JOIN = "JOIN articles a ON a.id = {alias}.article_id"

SPECS: dict[str, PaneSpec] = {
    "articles": PaneSpec(
        table="articles", alias="a", fts="articles_fts",
        select="a.id, a.published, a.title, a.publication, a.kind, a.n_metrics, a.n_events, a.n_entities",
        row=("id", "published", "title", "publication", "kind", "n_metrics", "n_events", "n_entities"),
        join="",
        sorts={"date": "a.published IS NULL, a.published {dir}, a.id {dir}", "title": "a.title {dir}, a.id",
               "metrics": "a.n_metrics {dir}, a.id", "source": "a.id {dir}"},
        default_sort="-date",
        fields={
            "pub": FieldSpec("text", "a.publication", "publication, exactly: pub:人民日报"),
            "kind": FieldSpec("text", "a.kind", "news, policy, notice, caption, ad, toc, other"),
            "year": FieldSpec("int", "a.year", "year published: year:2020, year:2019..2022"),
            "date": FieldSpec("date", "a.published", "date published: date:2020-03, date:2020-01..2020-06"),
            "title": FieldSpec("fts", "title", "words in the title only"),
            "metrics": FieldSpec("int", "a.n_metrics", "number of metrics: metrics>0"),
            "events": FieldSpec("int", "a.n_events", "number of dated events: events>=2"),
            "entities": FieldSpec("int", "a.n_entities", "number of entities"),
        },
        facets={"kind": "a.kind", "year": "a.year", "publication": "a.publication"},
    ),
    "entities": PaneSpec(
        table="entities", alias="e", fts="entities_fts",
        select="e.id, e.name, e.type, e.role, e.n_mentions, e.n_articles",
        row=("id", "name", "type", "role", "n_mentions", "n_articles"),
        join="",
        sorts={"mentions": "e.n_mentions {dir}, e.id", "articles": "e.n_articles {dir}, e.id",
               "name": "e.name {dir}, e.id", "type": "e.type {dir}, e.n_mentions DESC, e.id", "source": "e.id {dir}"},
        default_sort="-mentions",
        fields={
            "type": FieldSpec("text", "e.type", "person gov org company university place park document product event"),
            "name": FieldSpec("fts", "name", "characters of the name: name:中关村"),
            "alias": FieldSpec("fts", "aliases", "characters of an alias"),
            "role": FieldSpec("fts", "role", "characters of a role: role:主任"),
            "mentions": FieldSpec("int", "e.n_mentions", "number of mentions: mentions>5"),
            "articles": FieldSpec("int", "e.n_articles", "number of articles: articles>=2"),
        },
        facets={"type": "e.type"},
    ),
    "metrics": PaneSpec(
        table="metrics", alias="m", fts="metrics_fts",
        select="m.id, m.subject, m.text, m.value, m.value_max, m.unit, m.qualifier, m.period, m.kind, m.scope,"
               " a.published, m.article_id, m.year",
        row=("id", "subject", "text", "value", "value_max", "unit", "qualifier", "period", "kind", "scope",
             "published", "article_id", "year"),
        join=_ART_JOIN.format(alias="m"),
        sorts={"source": "m.id {dir}", "value": "m.value {dir}, m.id",
               "period": "m.period IS NULL, m.period {dir}, m.id",
               "date": "a.published IS NULL, a.published {dir}, m.id", "subject": "m.subject {dir}, m.id"},
        default_sort="source",
        fields={
            "unit": FieldSpec("text", "m.unit", "unit, exactly: unit:元, unit:%,件"),
            "kind": FieldSpec("text", "m.kind", "amount count rate share target other"),
            "year": FieldSpec("int", "m.year", "year of the period: year:2019..2022"),
            "value": FieldSpec("num", "m.value", "normalised value: value>1e9, value>=5亿, value:100..200"),
            "period": FieldSpec("date", "m.period", "period: period:2019, period:2019-01..2019-06"),
            "qualifier": FieldSpec("text", "m.qualifier", "qualifier: ~ > < + (about, over, under, more than)"),
            "subject": FieldSpec("fts", "subject", "characters of the subject: subject:专利"),
            "scope": FieldSpec("fts", "scope", "characters of the scope: scope:海淀"),
            "date": FieldSpec("date", "a.published", "date of the article: date:2020..2021", join=True),
        },
        facets={"unit": "m.unit", "kind": "m.kind", "year": "m.year"},
    ),
    "timeline": PaneSpec(
        table="timeline", alias="t", fts="events_fts",
        select="t.id, t.date, t.precision, t.year, t.actor, t.action, t.document, t.summary, t.is_policy, t.n_sources",
        row=("id", "date", "precision", "year", "actor", "action", "document", "summary", "is_policy", "n_sources"),
        join="",
        sorts={"date": "t.date {dir}, t.id {dir}", "actor": "t.actor IS NULL, t.actor {dir}, t.date, t.id",
               "source": "t.id {dir}"},
        default_sort="date",
        fields={
            "policy": FieldSpec("bool", "t.is_policy", "policy:yes (policy events only), policy:no, policy:all"),
            "actor": FieldSpec("fts", "actor", "characters of the actor: actor:国务院"),
            "action": FieldSpec("fts", "action", "characters of the action: action:印发"),
            "doc": FieldSpec("fts", "document", "characters of the document: doc:意见"),
            "year": FieldSpec("int", "t.year", "year: year:2019..2022"),
            "date": FieldSpec("date", "t.date", "date: date:2020-03, date:2019..2020-06"),
            "sources": FieldSpec("int", "t.n_sources", "number of sentences reporting it: sources>1"),
        },
        facets={"policy": "CASE t.is_policy WHEN 1 THEN 'policy' ELSE 'other' END", "year": "t.year",
                "actor": "t.actor"},
    ),
}

ALIASES = {"publication": "pub", "document": "doc", "type": "type", "is_policy": "policy"}
_COMMON_FIELDS = ("sort",)


def fields_help(pane: str) -> list[tuple[str, str]]:
    spec = SPECS[pane]
    out = [(name, f.help) for name, f in spec.fields.items()]
    sorts = ", ".join(spec.sorts)
    out.append(("sort", f"order: sort:NAME or sort:-NAME (descending); NAME is one of {sorts}"))
    return out


# ------------------------------------------------------------------ parsing


@dataclass(frozen=True)
class Term:
    field: str
    op: str  # = (one of values) | range | > >= < <= !=
    values: tuple = ()  # for =: alternatives; for range: (lo, hi) with None for open ends


@dataclass(frozen=True)
class Filter:
    pane: str
    words: tuple[str, ...] = ()
    terms: tuple[Term, ...] = ()
    sort: str | None = None

    @property
    def empty(self) -> bool:
        return not self.words and not self.terms


_CLEAN = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff\u2028\u2029\ufeff]")
_TOKEN = re.compile(
    r'(?P<field>[A-Za-z_]+)\s*(?P<op>>=|<=|!=|[:><=])\s*(?P<value>"[^"]*"?|[^\s"]*)'
    r'|"(?P<phrase>[^"]*)"?'
    r"|(?P<word>[^\s\"]+)"
)
_NUMBER = re.compile(r"^([+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?)(万亿|亿|万|千|百|k|m|b)?$", re.I)
_MULT = {"万亿": 1e12, "亿": 1e8, "万": 1e4, "千": 1e3, "百": 1e2, "k": 1e3, "m": 1e6, "b": 1e9}
_DATE = re.compile(r"^(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?$")
_YES = {"yes", "y", "true", "1", "on", "是", "only"}
_NO = {"no", "n", "false", "0", "off", "否"}
_ALL = {"all", "any", "*", "全部"}
_WORDCHAR = re.compile(r"\w")


def clean(text: str) -> str:
    """The filter with control characters and lone surrogates turned into spaces."""
    return _CLEAN.sub(" ", text)


def parse(text: str, pane: str) -> Filter:
    """Parse the filter `text` for `pane`; raise FilterError when it makes no sense."""
    if pane not in SPECS:
        raise FilterError(f"unknown pane {pane!r}")
    if len(text) > MAX_FILTER:
        raise FilterError(f"filter too long ({len(text)} characters, at most {MAX_FILTER})")
    spec = SPECS[pane]
    norm = halfwidth(clean(text))  # same length as text, so positions hold
    words: list[str] = []
    terms: list[Term] = []
    sort: str | None = None
    for m in _TOKEN.finditer(norm):
        if m.group("field") is not None:
            name = m.group("field").lower()
            name = ALIASES.get(name, name)
            value = m.group("value")
            if value.startswith('"'):
                value = value[1:-1] if len(value) > 1 and value.endswith('"') else value[1:]
            value = value.strip()
            if name == "sort":
                sort = _parse_sort(spec, value, m.start())
                continue
            if name not in spec.fields:
                known = " ".join(f"{f}:" for f in [*spec.fields, *_COMMON_FIELDS])
                raise FilterError(f'unknown field "{m.group("field")}:" here; fields: {known} '
                                  f'(quote text to search for it: "{m.group(0)}")', m.start())
            if not value:
                raise FilterError(f"{name}{m.group('op')} needs a value ({spec.fields[name].help})", m.end())
            terms.append(_parse_term(name, spec.fields[name], m.group("op"), value, m.start()))
        else:
            word = (m.group("phrase") if m.group("phrase") is not None else m.group("word")).strip()
            if word and _WORDCHAR.search(word):
                words.append(word)
    if len(words) > MAX_WORDS:
        raise FilterError(f"too many words ({len(words)}, at most {MAX_WORDS})")
    return Filter(pane, tuple(dict.fromkeys(words)), tuple(terms), sort)


def _parse_sort(spec: PaneSpec, value: str, pos: int) -> str:
    name = value.lstrip("+-").lower()
    if name not in spec.sorts:
        raise FilterError(f"cannot sort by {value!r}; sort by {', '.join(spec.sorts)} (add - for descending)", pos)
    return ("-" if value.startswith("-") else "") + name


def _parse_term(name: str, f: FieldSpec, op: str, value: str, pos: int) -> Term:
    if f.kind in ("text", "fts"):
        if op not in (":", "=", "!="):
            raise FilterError(f"{name} takes {name}:TEXT, not {op}", pos)
        alts = tuple(v.strip() for v in value.split(",") if v.strip()) if f.kind == "text" else (value,)
        if f.kind == "fts" and not _WORDCHAR.search(value):
            raise FilterError(f"{name}: needs letters or digits to search for", pos)
        return Term(name, "!=" if op == "!=" else "=", alts)
    if f.kind == "bool":
        v = value.lower()
        if v in _YES:
            return Term(name, "=", (1,) if op != "!=" else (0,))
        if v in _NO:
            return Term(name, "=", (0,) if op != "!=" else (1,))
        if v in _ALL:
            return Term(name, "all", ())
        raise FilterError(f"{name}: takes yes, no or all, not {value!r}", pos)
    conv = {"int": _int, "num": _num, "date": _date}[f.kind]
    if ".." in value:
        if op != ":" and op != "=":
            raise FilterError(f"a range takes {name}:LOW..HIGH, not {op}", pos)
        lo_s, _, hi_s = value.partition("..")
        lo = conv(name, lo_s, pos, False) if lo_s else None
        hi = conv(name, hi_s, pos, True) if hi_s else None
        if lo is None and hi is None:
            raise FilterError(f"{name}:.. needs at least one end", pos)
        if lo is not None and hi is not None and f.kind != "date" and lo > hi:
            raise FilterError(f"{name}: range {lo_s}..{hi_s} is empty (low end above high end)", pos)
        return Term(name, "range", (lo, hi))
    if f.kind == "date" and op in (":", "="):
        return Term(name, "range", (conv(name, value, pos, False), conv(name, value, pos, True)))
    v = conv(name, value, pos, op in ("<=", ">"))
    return Term(name, "=" if op == ":" else op, (v,))


def _int(name: str, s: str, pos: int, _hi: bool) -> int:
    s = s.strip()
    if not re.fullmatch(r"[+-]?\d{1,9}", s):
        raise FilterError(f"{name}: expects a whole number, not {s!r}", pos)
    return int(s)


def _num(name: str, s: str, pos: int, _hi: bool) -> float:
    m = _NUMBER.match(s.strip().replace(",", ""))
    if not m:
        raise FilterError(f"{name}: expects a number such as 1e9, 2.5亿 or 300万, not {s!r}", pos)
    v = float(m.group(1)) * _MULT.get((m.group(2) or "").lower() if m.group(2) and m.group(2).isascii()
                                      else (m.group(2) or ""), 1.0)
    if not math.isfinite(v):
        raise FilterError(f"{name}: {s!r} is too large", pos)
    return v


def _date(name: str, s: str, pos: int, hi: bool) -> str:
    """An ISO prefix; a high end is made inclusive of everything it begins."""
    m = _DATE.match(s.strip())
    if not m:
        raise FilterError(f"{name}: expects a date such as 2020, 2020-03 or 2020-03-15, not {s!r}", pos)
    y, mo, d = m.groups()
    if (mo and not 1 <= int(mo) <= 12) or (d and not 1 <= int(d) <= 31):
        raise FilterError(f"{name}: {s!r} is not a date", pos)
    iso = y + (f"-{int(mo):02d}" if mo else "") + (f"-{int(d):02d}" if d else "")
    return iso + "\uffff" if hi else iso


# ------------------------------------------------------------------ compiling


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
    preview = None
    if match and name != "source":
        preview_join = f" {spec.join}" if join and spec.join else ""
        preview = (f"SELECT {a}.id FROM {spec.fts} f CROSS JOIN {spec.table} {a}{preview_join}"
                   f" WHERE f.{spec.fts} MATCH ? AND {a}.id = f.rowid{''.join(f' AND {c}' for c in conds)}"
                   f" ORDER BY f.rowid LIMIT {FIRST_PAGE}", (" AND ".join(match), *params))
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
        match=" AND ".join(match) if match else None, preview=preview,
    )


def build(conn: sqlite3.Connection, text: str, pane: str, sort: str | None = None) -> Query:
    """parse + compile_query."""
    return compile_query(conn, parse(text, pane), sort)


# ------------------------------------------------------------------ running


def iter_ids(conn: sqlite3.Connection, q: Query, chunk: int = 20000,
             stop: Callable[[], bool] | None = None,
             on_preview: Callable[[list[int]], None] | None = None) -> Iterator[list[int]]:
    """The ids of the matching rows in order, in chunks (the first one small, to paint at once).

    `stop` is polled while SQLite works; when it turns true the query is abandoned
    (sqlite3.OperationalError "interrupted"). In index order a condition on an indexed
    column (unit:元) would make SQLite collect and sort every match before the first row;
    a scan in id order under a small budget usually finds the first page far sooner.
    When a sort (rank, date) cannot give its first page within the budget either,
    `on_preview` gets the first matches in index order to show while the sort runs.
    """
    spec = SPECS[q.pane]
    first: list[int] | None = None

    def polling(budget: float | None) -> None:
        deadline = time.perf_counter() + budget if budget is not None else math.inf
        if budget is None and stop is None:
            conn.set_progress_handler(None, 0)
            return
        conn.set_progress_handler(
            lambda: time.perf_counter() > deadline or (stop is not None and stop()), POLL_STEPS)

    def within_budget(sql: str, params: tuple) -> list[int] | None:
        """The ids `sql` gives, or None when it takes longer than FIRST_PAGE_BUDGET."""
        polling(FIRST_PAGE_BUDGET)
        try:
            return [r[0] for r in conn.execute(sql, params)]
        except sqlite3.OperationalError as err:
            if "interrupt" not in str(err) or (stop is not None and stop()):
                raise
            return None

    try:
        if q.source == f"{spec.table} {spec.alias}" and q.order.startswith(f"{spec.alias}.id") and q.where != "1":
            join = f" {spec.join}" if q.needs_article and spec.join else ""
            first = within_budget(f"SELECT {spec.alias}.id FROM {q.source} NOT INDEXED{join} WHERE {q.where}"
                                  f" ORDER BY {q.order} LIMIT {FIRST_PAGE}", q.params)
        sql, params = q.ids_sql()
        if first is None and not q.order.startswith((f"{spec.alias}.id", "f.rowid")):
            # A sort (bm25 rank, date) would order every match before the first row; a top-N
            # sort under LIMIT is several times cheaper, so the first page shows that much sooner.
            # Every sort ends on the id, so the full query's first rows are these same ones.
            if on_preview is not None and q.preview is not None:
                first = within_budget(f"{sql} LIMIT {FIRST_PAGE}", params)
                if first is None:
                    # Over budget: show the preview, then sort once (no second top-N).
                    polling(None)
                    on_preview([r[0] for r in conn.execute(*q.preview)])
            else:
                polling(None)
                first = [r[0] for r in conn.execute(f"{sql} LIMIT {FIRST_PAGE}", params)]
        polling(None)
        if first is not None:
            yield first
            if len(first) < FIRST_PAGE:
                return
            cur = conn.execute(sql, params)
            cur.fetchmany(len(first))  # sent already
        else:
            cur = conn.execute(sql, params)
            first = [r[0] for r in cur.fetchmany(FIRST_PAGE)]
            yield first
            if len(first) < FIRST_PAGE:
                return
        while rows := cur.fetchmany(chunk):
            yield [r[0] for r in rows]
    finally:
        conn.set_progress_handler(None, 0)


def all_ids(conn: sqlite3.Connection, q: Query) -> list[int]:
    return [i for part in iter_ids(conn, q) for i in part]


def count(conn: sqlite3.Connection, q: Query) -> int:
    return conn.execute(f"SELECT count(*) FROM {q.from_sql()} WHERE {q.where}", q.params).fetchone()[0]


def fetch_rows(conn: sqlite3.Connection, pane: str, ids: Sequence[int]) -> list[tuple]:
    """The rows with `ids`, in the order given (ids not found are left out)."""
    if not ids:
        return []
    s = SPECS[pane]
    found: dict[int, tuple] = {}
    for i in range(0, len(ids), 500):
        part = list(ids[i : i + 500])
        marks = ",".join("?" * len(part))
        for row in conn.execute(f"SELECT {s.select} FROM {s.table} {s.alias} {s.join} WHERE {s.alias}.id IN ({marks})",
                                part):
            found[row[0]] = row
    return [found[i] for i in ids if i in found]


def page(conn: sqlite3.Connection, q: Query, after: tuple | None = None, limit: int = 50) -> list[tuple]:
    """A page of rows in id order after the row id `after[0]` (keyset paging for scripts and exports)."""
    s = SPECS[q.pane]
    where, params = q.where, list(q.params)
    if after is not None:
        where = f"({where}) AND {s.alias}.id > ?"
        params.append(after[0])
    return conn.execute(
        f"SELECT {s.select} FROM {q.from_sql(True)} WHERE {where}"
        f" ORDER BY {s.alias}.id LIMIT ?",
        (*params, limit)).fetchall()


def iter_rows(conn: sqlite3.Connection, q: Query) -> Iterator[tuple]:
    """Every matching row, in the query's order, for export."""
    s = SPECS[q.pane]
    cur = conn.execute(
        f"SELECT {s.select} FROM {q.from_sql(True)} WHERE {q.where} ORDER BY {q.order}",
        q.params)
    while rows := cur.fetchmany(2000):
        yield from rows


def facets(conn: sqlite3.Connection, q: Query, budget: float = 0.3, limit: int = 40,
           sample: int | None = None, stop: Callable[[], bool] | None = None,
           ) -> dict[str, list[tuple[str, int]]] | None:
    """Counts of each facet value among the matching rows; None when over `budget` seconds.

    All facets are counted in one pass over the matches. The unfiltered counts come
    from the catalog's precomputed `facets` table; `sample` counts only the first
    that many matches (a quick estimate when the full count is over budget);
    `stop` is polled while counting and gives up (None) when it turns true.
    """
    spec = SPECS[q.pane]
    out: dict[str, list[tuple[str, int]]] = {}
    if not q.filtered:
        for name in spec.facets:
            rows = conn.execute("SELECT value, n FROM facets WHERE pane = ? AND facet = ?", (q.pane, name)).fetchall()
            out[name] = _order_facet(name, [(str(v), n) for v, n in rows], limit)
        return out
    deadline = time.perf_counter() + budget

    def over() -> int:
        return 1 if time.perf_counter() > deadline or (stop is not None and stop()) else 0

    names = list(spec.facets)
    cols = ", ".join(f"{expr} AS f{i}" for i, expr in enumerate(spec.facets.values()))
    keys = ", ".join(f"f{i}" for i in range(len(names)))
    inner = f"SELECT {cols} FROM {q.from_sql()} WHERE {q.where}"
    if sample is not None:
        inner += f" LIMIT {int(sample)}"
    counts: list[dict[str, int]] = [{} for _ in names]
    conn.set_progress_handler(over, 1000)
    try:
        for *values, n in conn.execute(f"SELECT {keys}, count(*) FROM ({inner}) GROUP BY {keys}", q.params):
            for i, v in enumerate(values):
                if v is not None:
                    counts[i][str(v)] = counts[i].get(str(v), 0) + n
    except sqlite3.OperationalError as err:
        if "interrupt" in str(err):
            return None
        raise
    finally:
        conn.set_progress_handler(None, 0)
    return {name: _order_facet(name, list(c.items()), limit) for name, c in zip(names, counts, strict=True)}


def _order_facet(name: str, rows: list[tuple[str, int]], limit: int) -> list[tuple[str, int]]:
    if name == "year":
        return sorted(rows, key=lambda r: r[0])[-limit:]
    return sorted(rows, key=lambda r: (-r[1], r[0]))[:limit]


# ------------------------------------------------------------------ details


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
    marks = [Mark("metric", s, e, i, f"{subj or '?'} = {v:,.6g} {u}" + (f" ({p})" if p else ""))
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
    from .text import sentence_at

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


def cooccurring(conn: sqlite3.Connection, entity_id: int, limit: int = 12) -> list[tuple[int, str, str, int]]:
    """Entities mentioned in the same articles: (id, name, type, shared articles), most shared first."""
    return conn.execute(
        "SELECT e.id, e.name, e.type, count(DISTINCT m2.article_id) AS n"
        " FROM (SELECT DISTINCT article_id FROM mentions WHERE entity_id = ?) m1"
        " JOIN mentions m2 ON m2.article_id = m1.article_id AND m2.entity_id != ?"
        " JOIN entities e ON e.id = m2.entity_id GROUP BY e.id ORDER BY n DESC, e.n_mentions DESC LIMIT ?",
        (entity_id, entity_id, limit)).fetchall()


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
    out["sentence"] = unbroken(halfwidth(out["sentence"]))
    return out


def metric_series(conn: sqlite3.Connection, subject: str | None, unit: str, limit: int = 24) -> list[tuple[str, float]]:
    """The subject's values over its periods (one per period: the last stated), oldest first."""
    if not subject:
        return []
    # Bounded before sorting: a subject stated a hundred thousand times must not stall the detail view.
    rows = conn.execute(
        "SELECT period, value FROM (SELECT period, value, id FROM metrics WHERE subject = ? AND unit = ?"
        " AND period IS NOT NULL LIMIT 1000) ORDER BY period, id", (subject, unit)).fetchall()
    series: dict[str, float] = {}
    for period, value in rows:
        series[period] = value
    return list(series.items())[-limit:]


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
