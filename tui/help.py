"""The help screen: every key, and the filter syntax of each pane."""
from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static
from zgc.db import query

KEYS = [
    ("Anywhere", [
        ("1 2 3 4", "Articles, Entities, Metrics, Timeline (when the filter line is not being typed in)"),
        ("/", "type in the filter line; it filters as you type"),
        ("Enter", "in the filter: go to the table; in the table: open the row"),
        ("Escape", "leave the filter line; go back (reader → list, entity → reader, pane → previous pane)"),
        ("↑ ↓ PgUp PgDn Home End", "move in the table (also j k g G, space)"),
        ("s", "next sort order (the filter also takes sort:NAME or sort:-NAME)"),
        ("f", "focus the facet column; Enter on a value adds it to the filter"),
        ("e", "export the rows of the current view to CSV or JSON (by the file name's ending)"),
        ("y", "copy the selected row (tab-separated) to the clipboard"),
        ("p", "Timeline: policy events only / all"),
        ("ctrl+p", "command palette: any action, any article by title, any entity by name"),
        ("ctrl+r", "reload the catalog after a rebuild"),
        ("?", "this help"),
        ("q / ctrl+q", "quit (q only when the filter line is not being typed in)"),
    ]),
    ("Reader", [
        ("n / N (tab / shift+tab)", "next / previous highlight"),
        ("m  d  t", "next metric, date, entity"),
        ("Enter", "open the highlighted entity"),
        ("y", "copy the article's text"),
    ]),
    ("Entity", [
        ("Enter", "on a mention: the reader at that sentence; on a related entity: that entity"),
        ("tab", "switch between mentions and related entities"),
    ]),
]

SYNTAX = """\
Plain words search: Articles use the full-text index (every word must occur; a word
matches the words it begins, 园 finds 园区); the other panes search the characters of
subjects, names, actors and summaries as exact substrings. Put text in "double quotes"
to search for it as it is (also text holding a colon).
Field terms narrow further; values with commas are alternatives (unit:元,美元);
ranges are LOW..HIGH with either end open (year:2019.., value:..1e6);
numbers take 万 亿 万亿 (value>=2.5亿); dates are 2020, 2020-03 or 2020-03-15;
FIELD!=VALUE excludes. Anything the filter cannot read is reported under the filter
line and the previous rows stay on screen."""


class HelpScreen(ModalScreen):
    BINDINGS: ClassVar = [Binding("escape,q,question_mark", "dismiss", "Close")]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help"):
            yield Static(Text("zgc: keys and filters  (Escape closes)", style="bold"), classes="help-title")
            for section, rows in KEYS:
                table = Table(title=section, title_justify="left", show_header=False, box=None, expand=True,
                              padding=(0, 1))
                table.add_column(style="bold cyan", no_wrap=True)
                table.add_column()
                for key, what in rows:
                    table.add_row(key, what)
                yield Static(table)
            yield Static(Text("\nFilters", style="bold"))
            yield Static(SYNTAX)
            for pane in query.PANES:
                table = Table(title=f"{pane.title()} fields", title_justify="left", show_header=False, box=None,
                              expand=True, padding=(0, 1))
                table.add_column(style="bold green", no_wrap=True)
                table.add_column()
                for name, what in query.fields_help(pane):
                    table.add_row(f"{name}:", what)
                yield Static(table)

    def action_dismiss(self) -> None:
        self.dismiss()
