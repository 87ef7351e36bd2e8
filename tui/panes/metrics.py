"""The Metrics pane: every quantity with its subject, period and unit; a chart of the subject over time."""
from __future__ import annotations

import sqlite3
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Static
from zgc.db import query

from ..messages import OpenArticle, OpenSeries
from ..widgets.detail import Detail
from ..widgets.lazy_table import Column, Row
from .base import Pane
from .format import cell, compact_period, fmt_number


def _value(row: Row, prev: Row | None) -> str:
    v = fmt_number(row.value)
    if row.value_max is not None:
        v += "–" + fmt_number(row.value_max)
    return v


def chart(series: list[tuple[str, float]], unit: str, width: int = 10) -> Text:
    """Horizontal bars, one per period, scaled to the largest value."""
    top = max((abs(v) for _, v in series), default=0) or 1
    lines = []
    for period, v in series:
        bar = "█" * max(1, round(width * abs(v) / top))
        lines.append(Text.assemble((f"{period[:7]:<8}", "dim"), (f"{bar:<{width}}", "green"), f" {fmt_number(v)}"))
    return Text("\n").join([Text(f"over time ({unit})", style="bold"), *lines])


class MetricsPane(Pane):
    PANE = "metrics"
    TITLE = "Metrics"
    BINDINGS: ClassVar = [Binding("v", "series", "Series", id="metrics.series",
                                  tooltip="Metrics: the highlighted figure's series, its chart and its other figures")]
    SORTS = ("source", "-value", "value", "period", "-period", "date", "-date")
    PLACEHOLDER = "? help · / subject words · unit:元 kind:target year:2019..2022 value>1e9 sort:-value"

    def columns(self) -> list[Column]:
        return [
            Column("Subject", lambda r, p: cell(r.subject), 10, flex=3, sort="subject"),
            Column("As written", lambda r, p: cell(r.text), 8, flex=1, priority=1, sort="text"),
            Column("Value", _value, 10, justify="right", sort="value"),
            Column("Unit", lambda r, p: cell(r.unit), 5, sort="unit"),  # 元/人 whole, 元/平… apart from it
            Column("Q", lambda r, p: cell(r.qualifier), 2, priority=8, sort="qualifier"),
            Column("Period", lambda r, p: compact_period(r.period), 10, priority=6, sort="period"),
            Column("Kind", lambda r, p: cell(r.kind), 6, priority=7, sort="kind"),
            Column("Scope", lambda r, p: cell(r.scope), 6, flex=2, priority=8, sort="scope"),
            Column("Date", lambda r, p: cell(r.published), 10, priority=2, sort="date"),
        ]

    def compose_detail(self) -> ComposeResult:
        with Horizontal(classes="detail-row"):
            yield Detail()
            yield Static("", classes="chart")

    def load_detail(self, conn: sqlite3.Connection, row: Row) -> tuple[Text, Text | None] | None:
        m = query.metric(conn, row.id)
        if m is None:
            return None
        text = Text(m["sentence"])
        if m["mark"]:
            text.stylize("bold reverse green", *m["mark"])
        value = fmt_number(m["value"]) + (f"–{fmt_number(m['value_max'])}" if m["value_max"] is not None else "")
        facts = " · ".join(x for x in (
            f"{value} {m['unit']}", m["kind"], m["period"] and f"period {m['period']}",
            m["scope"] and f"scope {m['scope']}", m["qualifier"] and f"qualifier {m['qualifier']}") if x)
        detail = Text.assemble((m["subject"] or "(no subject)", "bold"), "  ", (facts, "dim"), "\n", text)
        series = query.metric_series(conn, m["series_id"], 6)
        return detail, chart(series, m["unit"]) if len(series) >= 2 else None

    def show_detail(self, data: tuple[Text, Text | None] | None) -> None:
        detail, series = data or (None, None)
        super().show_detail(detail)
        chart_view = self.query_one(".chart", Static)
        chart_view.update(series or "", layout=False)
        chart_view.display = series is not None

    def action_series(self) -> None:
        row = self.table.current_row
        if row is None or row.series_id is None:
            self.notify("this figure belongs to no series (it names no subject)", severity="warning", timeout=3)
            return
        self.post_message(OpenSeries(row.series_id))

    def open_row(self, row: Row) -> None:
        m = query.metric(self.conn, row.id)
        if m:
            self.post_message(OpenArticle(m["article_id"], at=(m["start"], m["end"])))
