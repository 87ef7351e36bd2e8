"""The Timeline pane: dated events, grouped by year, with a year histogram in the facets."""
from __future__ import annotations

import sqlite3
from typing import ClassVar

from rich.text import Text
from textual.binding import Binding
from zgc.db import query

from .lazy_table import Column, Row
from .pane import Pane


def _s(v: object) -> str:
    return "" if v is None else str(v)


def _year(row: Row, prev: Row | None) -> Text:
    # The year only where it changes: the rows read as groups, one per year.
    if prev is not None and prev[3] == row[3]:
        return Text("   ·")
    return Text(str(row[3]), style="bold cyan")


def _date(row: Row, prev: Row | None) -> str:
    date = _s(row[1])
    return date[5:] if len(date) > 5 else "—"


class TimelinePane(Pane):
    PANE = "timeline"
    TITLE = "Timeline"
    SORTS = ("date", "-date", "actor")
    PLACEHOLDER = "/ words · policy:yes actor:国务院 year:2019..2022 date:2020-03 · p policy only · ? help"

    BINDINGS: ClassVar = [Binding("p", "toggle_policy", "Policy only")]

    def columns(self) -> list[Column]:
        return [
            Column("Year", _year, 4),
            Column("Date", _date, 5),
            Column("", lambda r, p: Text("§", style="bold yellow") if r[8] else " ", 1),
            Column("Actor", lambda r, p: _s(r[4]), 8, flex=2),
            Column("Action", lambda r, p: _s(r[5]), 6, priority=4),
            Column("Document", lambda r, p: _s(r[6]), 8, flex=2, priority=5),
            Column("Summary", lambda r, p: _s(r[7]), 10, flex=3),
        ]

    def facet_title(self, name: str) -> str:
        return {"policy": "policy events", "year": "events by year"}.get(name, name)

    def action_toggle_policy(self) -> None:
        value = self.filter_input.value
        words = [w for w in value.split() if not w.lower().startswith("policy:")]
        if "policy:yes" not in value.split():
            words.append("policy:yes")
        self.filter_input.value = " ".join(words)

    def load_detail(self, conn: sqlite3.Connection, row: Row) -> Text | None:
        ev = query.timeline_event(conn, row[0])
        if ev is None:
            return None
        head = Text.assemble((ev["date"], "bold cyan"), f" ({ev['precision']})  ",
                             ("policy" if ev["is_policy"] else "event", "yellow" if ev["is_policy"] else "dim"),
                             f"  {ev['n_sources']} source(s)")
        lines = [head, Text(ev["summary"], style="bold")]
        for src in ev["sources"][:3]:
            sentence = Text(src["sentence"].replace("\n", " "))
            lines.append(Text.assemble((f"{src['published'] or ''} {src['title']}: ", "dim"), sentence))
        return Text("\n").join(lines)

    def open_row(self, row: Row) -> None:
        ev = query.timeline_event(self.zapp.conn, row[0])
        if ev and ev["sources"]:
            src = ev["sources"][0]
            self.zapp.open_article(src["article_id"], at=(src["start"], src["end"]))
