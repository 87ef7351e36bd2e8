"""Running a compiled query: ids in order (first page fast), rows by id, counts, facets, export rows."""
from __future__ import annotations

import math
import sqlite3
import time
from collections.abc import Callable, Iterator, Sequence

from .specs import RECORDS, SPECS
from .sql import FIRST_PAGE, Query

FIRST_PAGE_BUDGET = 0.008  # seconds a first page may take before a cheaper one is tried
POLL_STEPS = 1000  # SQLite virtual-machine steps between checks of a query's budget and cancellation



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
    record = RECORDS[pane]._make
    found: dict[int, tuple] = {}
    for i in range(0, len(ids), 500):
        part = list(ids[i : i + 500])
        marks = ",".join("?" * len(part))
        for row in conn.execute(f"SELECT {s.select} FROM {s.table} {s.alias} {s.join} WHERE {s.alias}.id IN ({marks})",
                                part):
            found[row[0]] = record(row)
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
           stop: Callable[[], bool] | None = None) -> dict[str, list[tuple[str, int]]] | None:
    """Counts of each facet value among the matching rows; None when over `budget` seconds.

    All facets are counted in one pass over the matches. The unfiltered counts come
    from the catalog's precomputed `facets` table; `stop` is polled while counting and
    gives up (None) when it turns true.
    """
    got = _facets(conn, q, budget, limit, None, stop)
    return None if got is None else got[0]


def first_facets(conn: sqlite3.Connection, q: Query, sample: int, budget: float = 0.3, limit: int = 40,
                 stop: Callable[[], bool] | None = None) -> tuple[dict[str, list[tuple[str, int]]] | None, bool]:
    """The counts of the first `sample` matches, and whether those were all of them (exact counts).

    The first matches stream from the index in its order, so this takes a time bounded by
    `sample` however many rows match: the app shows it at once, and the full counts after.
    """
    got = _facets(conn, q, budget, limit, sample, stop)
    return (None, False) if got is None else (got[0], got[1] < sample)


def _facets(conn: sqlite3.Connection, q: Query, budget: float, limit: int, sample: int | None,
            stop: Callable[[], bool] | None) -> tuple[dict[str, list[tuple[str, int]]], int] | None:
    """The facets' counts and the number of rows counted (0 for the precomputed ones), or None."""
    spec = SPECS[q.pane]
    if not q.filtered:
        out: dict[str, list[tuple[str, int]]] = {}
        for name in spec.facets:
            rows = conn.execute("SELECT value, n FROM facets WHERE pane = ? AND facet = ?", (q.pane, name)).fetchall()
            out[name] = _order_facet(name, [(str(v), n) for v, n in rows], limit)
        return out, 0
    deadline = time.perf_counter() + budget

    def over() -> int:
        return 1 if time.perf_counter() > deadline or (stop is not None and stop()) else 0

    names = list(spec.facets)
    cols = ", ".join(f"{expr} AS f{i}" for i, expr in enumerate(spec.facets.values()))
    keys = ", ".join(f"f{i}" for i in range(len(names)))
    source, where, params = q.from_sql(), q.where, q.params
    if sample is not None and q.scan is not None:
        source, where, params = q.scan
    inner = f"SELECT {cols} FROM {source} WHERE {where}"
    if sample is not None:
        inner += f" LIMIT {int(sample)}"
    counts: list[dict[str, int]] = [{} for _ in names]
    rows = 0
    conn.set_progress_handler(over, 1000)
    try:
        for *values, n in conn.execute(f"SELECT {keys}, count(*) FROM ({inner}) GROUP BY {keys}", params):
            rows += n
            for i, v in enumerate(values):
                if v is not None:
                    counts[i][str(v)] = counts[i].get(str(v), 0) + n
    except sqlite3.OperationalError as err:
        if "interrupt" in str(err):
            return None
        raise
    finally:
        conn.set_progress_handler(None, 0)
    return {name: _order_facet(name, list(c.items()), limit) for name, c in zip(names, counts, strict=True)}, rows


def _order_facet(name: str, rows: list[tuple[str, int]], limit: int) -> list[tuple[str, int]]:
    if name == "year":
        return sorted(rows, key=lambda r: r[0])[-limit:]
    return sorted(rows, key=lambda r: (-r[1], r[0]))[:limit]

