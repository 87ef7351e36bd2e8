"""The Targets pane: every plan target with the figure reported for it, and whether it was met."""
from __future__ import annotations

import sqlite3

from rich.text import Text
from zgc.db import query

from ..messages import OpenArticle, OpenSeries
from ..widgets.lazy_table import Column, Row
from .base import Pane
from .format import cell, compact_period, fmt_number

_STATUS_STYLE = {"met": "bold green", "missed": "bold red", "in progress": "yellow", "no figure": "dim"}


def _target(row: Row, prev: Row | None) -> str:
    q = row.target_qualifier if row.target_qualifier not in (None, "=") else ""
    return f"{q}{fmt_number(row.target_value)}"


def _actual(row: Row, prev: Row | None) -> str:
    return fmt_number(row.actual_value) if row.actual_value is not None else ""


def _status(row: Row, prev: Row | None) -> Text:
    return Text(row.status, style=_STATUS_STYLE.get(row.status, ""))


def _ratio(row: Row, prev: Row | None) -> str:
    return f"{row.ratio:.0%}" if row.ratio is not None else ""


class TargetsPane(Pane):
    PANE = "targets"
    TITLE = "Targets"
    SORTS = ("status", "-ratio", "ratio", "year", "scope", "source")
    PLACEHOLDER = "? help · / subject words · status:missed year:2022 scope:中关村 ratio<1 · Enter: the series"

    def columns(self) -> list[Column]:
        return [
            Column("Subject", lambda r, p: cell(r.subject), 12, flex=3, sort="subject"),
            Column("Scope", lambda r, p: cell(r.scope), 8, flex=1, priority=3, sort="scope"),
            Column("Target", _target, 8, justify="right", sort="target"),
            Column("Unit", lambda r, p: cell(r.unit), 4, sort="unit"),
            Column("By", lambda r, p: cell(r.target_period), 4, sort="year"),
            Column("Actual", _actual, 8, justify="right", sort="actual"),
            Column("At", lambda r, p: compact_period(r.actual_period), 10, priority=4, sort="at"),
            Column("Status", _status, 11, sort="status"),
            Column("Ratio", _ratio, 5, justify="right", priority=5, sort="ratio"),
        ]

    def facet_title(self, name: str) -> str:
        return {"year": "target year"}.get(name, name)

    def load_detail(self, conn: sqlite3.Connection, row: Row) -> Text | None:
        m = query.metric(conn, row.id)
        if m is None:
            return None
        sentence = Text(m["sentence"])
        if m["mark"]:
            sentence.stylize("bold reverse green", *m["mark"])
        got = (f"reported {fmt_number(row.actual_value)} {row.unit} at {row.actual_period}"
               if row.actual_value is not None else "no figure reported yet")
        head = Text.assemble((row.subject or "(no subject)", "bold"), "  ",
                             (f"{_target(row, None)} {row.unit} by {row.target_period or '?'} · {got} · ", "dim"),
                             _status(row, None))
        return Text("\n").join([head, sentence])

    def open_row(self, row: Row) -> None:
        if row.series_id is not None:
            self.post_message(OpenSeries(row.series_id))
            return
        m = query.metric(self.conn, row.id)
        if m:
            self.post_message(OpenArticle(m["article_id"], at=(m["start"], m["end"])))
