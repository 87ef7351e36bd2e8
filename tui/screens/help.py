"""The help screen: every key (from the bindings themselves, so it never goes stale), and the filter syntax."""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static
from zgc.db import query

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


Section = tuple[str, Sequence[Binding]]


def key_rows(bindings: Sequence[Binding], display: Callable[[Binding], str]) -> list[tuple[str, str, str]]:
    """One row per action: its keys (every key bound to it), what it does (the tooltip, else the
    description) and its id (what keymap.toml names)."""
    rows: dict[str, tuple[list[str], str, str]] = {}
    for b in bindings:
        what = b.tooltip or b.description
        keys, _, _ = rows.setdefault(b.id or f"{b.action}:{what}", ([], what, b.id or ""))
        keys.extend(display(replace(b, key=key.strip())) for key in b.key.split(","))
    return [(" ".join(dict.fromkeys(keys)), what, bid) for keys, what, bid in rows.values()]


class HelpScreen(ModalScreen):
    BINDINGS: ClassVar = [Binding("escape,q,question_mark", "dismiss", "Close", id="help.close")]

    def __init__(self, sections: Sequence[Section]) -> None:
        super().__init__()
        self.sections = sections

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help"):
            yield Static(Text("zgc: keys and filters  (Escape closes; the last column is the id that "
                              "~/.config/zgc/keymap.toml maps to other keys)", style="bold"), classes="help-title")
            for section, bindings in self.sections:
                table = Table(title=section, title_justify="left", show_header=False, box=None, expand=True,
                              padding=(0, 1))
                table.add_column(style="bold cyan", no_wrap=True)
                table.add_column()
                table.add_column(style="dim", no_wrap=True)
                for key, what, bid in key_rows(bindings, self.app.get_key_display):
                    table.add_row(key, what, bid)
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
