"""A series: how one measure moved, as bars over its periods with the target marked, and its figures."""
from __future__ import annotations

import sqlite3
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option
from zgc.db import query

from ..messages import ExportView, OpenArticle
from ..panes.format import compact_period, fmt_number

BAR = 30  # cells of the longest bar
LISTED = 300  # figures listed as rows


def chart(points: list[dict], unit: str, width: int = BAR) -> Text:
    """One bar per period (the last figure stated for it); a target is drawn as a hollow bar."""
    per: dict[str, dict] = {}
    for p in points:
        if p["period"]:
            per[p["period"]] = p
    if not per:
        return Text("no figure of this series has a period", style="dim")
    top = max(abs(p["value"]) for p in per.values()) or 1
    lines = [Text(f"over time ({unit})", style="bold")]
    for period, p in per.items():
        target = p["kind"] == "target"
        bar = ("░" if target else "█") * max(1, round(width * abs(p["value"]) / top))
        label = f"{fmt_number(p['value'])}{' target' if target else ''}"
        lines.append(Text.assemble((f"{compact_period(period):<12}", "dim"),
                                   (f"{bar:<{width}}", "yellow" if target else "green"), f" {label}"))
    return Text("\n").join(lines)


class SeriesScreen(Screen):
    """Enter on a figure opens its sentence in the reader."""

    BINDINGS: ClassVar = [
        Binding("escape", "back", "Back", id="series.back", tooltip="back to where you came from"),
        Binding("e", "export", "Export", id="series.export", tooltip="export the series' figures to CSV or JSON"),
    ]

    def __init__(self, conn: sqlite3.Connection, series_id: int) -> None:
        super().__init__()
        self.conn = conn
        self.series_id = series_id

    def compose(self) -> ComposeResult:
        info = query.series(self.conn, self.series_id) or {"subject": "(series not found)", "scope": "", "unit": "",
                                                           "kind": "", "n_points": 0}
        self.points = query.series_points(self.conn, self.series_id) if info.get("id") else []
        head = Text.assemble((info["subject"], "bold"), "  ", (info["scope"] or "", "magenta"),
                             (f"  {info['unit']} · {info['kind']} · {info['n_points']} figures", "dim"))
        with Vertical(id="series"):
            yield Static(head, id="series-header")
            yield Static(chart(self.points, info["unit"]), id="series-chart")
            yield OptionList(*self._options(), id="series-points")
        yield Footer()

    def _options(self) -> list[Option]:
        # The latest LISTED figures as rows (every option is measured and drawn when the list is built: a
        # series of thousands would take seconds to open); the chart and the export have them all.
        first = max(0, len(self.points) - LISTED)
        out = [Option(Text(f"… {first:,} earlier figures (in the chart; e exports them all)", style="dim"),
                      disabled=True)] if first else []
        for i, p in enumerate(self.points[first:], first):
            value = fmt_number(p["value"]) + (f"–{fmt_number(p['value_max'])}" if p["value_max"] else "")
            out.append(Option(Text.assemble((f"{compact_period(p['period']):<12}", "cyan"), f"{value:>12}  ",
                                            (f"{p['kind']:<7}", "yellow" if p["kind"] == "target" else "dim"),
                                            f" {p['text']}  ", (f"{p['published'] or ''} {p['title']}", "dim")),
                              id=str(i)))
        return out or [Option(Text("no figures", style="dim"), disabled=True)]

    def on_mount(self) -> None:
        self.query_one("#series-points", OptionList).focus()

    @on(OptionList.OptionSelected, "#series-points")
    def _open(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is not None:
            p = self.points[int(event.option.id)]
            self.post_message(OpenArticle(p["article_id"], at=(p["start"], p["end"])))

    def action_export(self) -> None:
        from .export import ExportScreen, default_export_path

        flt = query.parse(f"series:{self.series_id}", "metrics")
        q = query.compile_query(self.conn, flt, "period")

        def chosen(path: str | None) -> None:
            if path:
                self.post_message(ExportView(q, path))

        self.app.push_screen(ExportScreen(default_export_path("series"), len(self.points)), chosen)

    def action_back(self) -> None:
        self.app.pop_screen()
