"""The Timeline pane: dated events, grouped by year, with a year histogram in the facets."""
from __future__ import annotations

import sqlite3
from typing import ClassVar

from rich.text import Text
from textual.binding import Binding
from zgc.db import query

from ..messages import OpenArticle
from ..widgets.lazy_table import Column, Row
from .base import Pane
from .format import cell


def _year(row: Row, prev: Row | None) -> Text:
    # The year only where it changes: the rows read as groups, one per year.
    if prev is not None and prev.year == row.year:
        return Text("   ·")
    return Text(str(row.year), style="bold cyan")


def _date(row: Row, prev: Row | None) -> str:
    date = cell(row.date)
    return date[5:] if len(date) > 5 else "—"


class TimelinePane(Pane):
    PANE = "timeline"
    TITLE = "Timeline"
    SORTS = ("date", "-date", "actor")
    PLACEHOLDER = "? help · / words · policy:yes actor:国务院 year:2019..2022 date:2020-03 · p policy only"

    BINDINGS: ClassVar = [Binding("p", "toggle_policy", "Policy only", id="timeline.policy",
                                  tooltip="Timeline: policy events only / all")]

    def columns(self) -> list[Column]:
        return [
            Column("Year", _year, 4, sort="date"),
            Column("Date", _date, 5, sort="date"),
            Column("", lambda r, p: Text("§", style="bold yellow") if r.is_policy else " ", 1),
            Column("Actor", lambda r, p: cell(r.actor), 8, flex=2, sort="actor"),
            Column("Action", lambda r, p: cell(r.action), 6, priority=4, sort="action"),
            Column("Document", lambda r, p: cell(r.document), 8, flex=2, priority=5, sort="document"),
            Column("Summary", lambda r, p: cell(r.summary), 10, flex=3, sort="summary"),
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
        ev = query.timeline_event(conn, row.id)
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
        ev = query.timeline_event(self.conn, row.id)
        if ev and ev["sources"]:
            src = ev["sources"][0]
            self.post_message(OpenArticle(src["article_id"], at=(src["start"], src["end"])))
