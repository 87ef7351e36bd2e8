"""The reader: one article's full text, metrics, dates and entities highlighted by type.

The body is wrapped here (by terminal cells, so Chinese lines fill the width)
into (start, end) offsets, which keeps every highlight a plain offset into
`articles.body` and makes "scroll to the highlight" one lookup.
"""
from __future__ import annotations

import os
import sqlite3
from bisect import bisect_right
from typing import ClassVar

from rich.cells import get_character_cell_size
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.geometry import Size
from textual.screen import Screen
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option
from zgc.db import query
from zgc.db.text import sentence_at

from ..messages import OpenEntity


def wrap(body: str, width: int) -> list[tuple[int, int]]:
    """Lines of `body` no wider than `width` cells, as (start, end) offsets (newlines end lines)."""
    lines: list[tuple[int, int]] = []
    width = max(width, 4)
    start = 0
    used = 0
    for i, ch in enumerate(body):
        if ch == "\n":
            lines.append((start, i))
            start, used = i + 1, 0
            continue
        w = get_character_cell_size(ch)
        if used + w > width:
            lines.append((start, i))
            start, used = i, 0
        used += w
    lines.append((start, len(body)))
    return lines


class ArticleText(ScrollView, can_focus=True):
    """The body, wrapped, with highlight spans; `current` is the selected highlight."""

    COMPONENT_CLASSES: ClassVar = {"reader--metric", "reader--event", "reader--entity", "reader--word",
                                   "reader--current", "reader--sentence"}
    BINDINGS: ClassVar = [
        Binding("up,k", "scroll_up", "Up", show=False, id="reader.up"),
        Binding("down,j", "scroll_down", "Down", show=False, id="reader.down"),
        Binding("pageup", "page_up", "Page up", show=False, id="reader.page_up"),
        Binding("pagedown,space", "page_down", "Page down", show=False, id="reader.page_down"),
        Binding("home,g", "scroll_home", "Top", show=False, id="reader.top"),
        Binding("end,G", "scroll_end", "Bottom", show=False, id="reader.bottom"),
    ]

    def __init__(self, body: str, marks: list[query.Mark], words: tuple[str, ...] = (), **kwargs) -> None:
        super().__init__(**kwargs)
        self.body = body
        self.marks = marks
        self.word_spans = query.find_marks(body, words) if words else []
        self.current: int | None = None
        self.sentence: tuple[int, int] | None = None
        self.lines: list[tuple[int, int]] = []
        self._starts: list[int] = []
        self._width = 0

    def on_resize(self, event: events.Resize) -> None:
        self._rewrap()

    def _rewrap(self) -> None:
        width = self.scrollable_content_region.width
        if width == self._width and self.lines:
            return
        self._width = width
        self.lines = wrap(self.body, width - 1)
        self._starts = [s for s, _ in self.lines]
        self.virtual_size = Size(width, len(self.lines))
        self.refresh()
        self.show_current()

    def line_of(self, offset: int) -> int:
        return max(0, bisect_right(self._starts, offset) - 1)

    def show_current(self) -> None:
        """Scroll so the current highlight (or the focused sentence) sits in the upper third."""
        if not self.lines:
            return
        if self.current is not None:
            target = self.marks[self.current].start
        elif self.sentence is not None:
            target = self.sentence[0]
        else:
            return
        line = self.line_of(target)
        top = int(self.scroll_y)
        height = self.scrollable_content_region.height
        if not top <= line < top + height - 1:
            self.scroll_to(y=max(0, line - height // 3), animate=False, immediate=True)
        self.refresh()

    def _styles(self) -> dict[str, Style]:
        return {k: self.get_component_rich_style(f"reader--{k}") for k in
                ("metric", "event", "entity", "word", "current", "sentence")}

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        index = int(self.scroll_y) + y
        if index >= len(self.lines):
            return Strip.blank(width, self.rich_style)
        s, e = self.lines[index]
        text = Text(self.body[s:e], style=self.rich_style)
        styles = self._styles()

        def paint(a: int, b: int, style: Style) -> None:
            if b > s and a < e:
                text.stylize(style, max(a, s) - s, min(b, e) - s)

        if self.sentence:
            paint(*self.sentence, styles["sentence"])
        for a, b in self.word_spans:
            paint(a, b, styles["word"])
        for m in self.marks:
            if m.start < e and m.end > s:
                paint(m.start, m.end, styles[m.kind])
        if self.current is not None:
            m = self.marks[self.current]
            paint(m.start, m.end, styles["current"])
        segments = list(text.render(self.app.console))
        return Strip([Segment(" "), *segments]).adjust_cell_length(width, self.rich_style)


class ReaderScreen(Screen):
    """An article, full text; n / N step through the highlights, Enter opens a highlighted entity."""

    BINDINGS: ClassVar = [
        Binding("escape", "back", "Back", id="reader.back", tooltip="back to the list"),
        Binding("n,tab", "step(1)", "Next mark", id="reader.next", tooltip="next highlight"),
        Binding("N,shift+tab", "step(-1)", "Prev mark", id="reader.previous", tooltip="previous highlight"),
        Binding("m", "kind('metric')", "Next metric", id="reader.metric", tooltip="next metric"),
        Binding("d", "kind('event')", "Next date", id="reader.date", tooltip="next dated event"),
        Binding("t", "kind('entity')", "Next entity", id="reader.entity", tooltip="next entity"),
        Binding("enter", "open", "Open entity", id="reader.open", tooltip="open the highlighted entity"),
        Binding("l", "list", "List", id="reader.list", tooltip="the article's figures and dates, a list to pick from"),
        Binding("y", "copy", "Copy text", show=False, id="reader.copy", tooltip="copy the article's text"),
    ]

    def __init__(self, conn: sqlite3.Connection, article_id: int, at: tuple[int, int] | None = None,
                 words: tuple[str, ...] = ()) -> None:
        super().__init__()
        self.conn = conn
        self.article_id = article_id
        self.at = at
        self.words = words

    def compose(self) -> ComposeResult:
        conn = self.conn
        art = query.article(conn, self.article_id) or {"title": "(article not found)", "body": "", "chars": 0}
        self.article = art
        marks = query.article_marks(conn, self.article_id) if art.get("id") else []
        yield Static(self._header(art, marks), id="reader-header")
        self.text = ArticleText(art["body"], marks, self.words, id="reader-text")
        with Horizontal(id="reader-body"):
            yield self.text
            yield OptionList(*self._list_options(marks), id="reader-list")
        yield Static("", id="reader-status")
        yield Footer()

    def _list_options(self, marks: list[query.Mark]) -> list[Option]:
        body = self.article["body"]
        out = [Option(Text.assemble((f"{'date' if m.kind == 'event' else m.kind:<6}", "dim"),
                                    (body[m.start:m.end], "bold"), ("  " + m.label, "dim")), id=str(i))
               for i, m in enumerate(marks) if m.kind in ("metric", "event")]
        return out or [Option(Text("no figures or dates in this article", style="dim"), disabled=True)]

    def _header(self, art: dict, marks: list[query.Mark]) -> Text:
        counts = {k: sum(1 for m in marks if m.kind == k) for k in ("metric", "event", "entity")}
        meta = " · ".join(str(x) for x in (art.get("publication"), art.get("published"), art.get("kind"),
                                           art.get("doc_number"), art.get("issuer"),
                                           os.path.basename(art.get("source_file") or "")) if x)
        legend = Text.assemble(
            (f" metric {counts['metric']} ", "bold black on #d7af5f"), " ",
            (f" date {counts['event']} ", "bold black on #5fafd7"), " ",
            (f" entity {counts['entity']} ", "bold black on #af87d7"),
            ("  n/N step · m d t by type · l list · Enter: entity", "dim"))
        title = Text(art["title"], style="bold")
        if art.get("subtitle"):
            title.append("  " + art["subtitle"], style="italic")
        return Text("\n").join([title, Text(meta, style="dim"), legend])

    def on_mount(self) -> None:
        text = self.text
        if self.at is not None:
            start, end = self.at
            body = self.article["body"]
            if 0 <= start < len(body):
                text.sentence = sentence_at(body, start)
            for i, m in enumerate(text.marks):
                if m.start == start and m.end == end:
                    text.current = i
                    break
        text.focus()
        self._status()
        self.call_after_refresh(text.show_current)

    def _status(self) -> None:
        text = self.text
        status = self.query_one("#reader-status", Static)
        if text.current is None:
            status.update(Text(f"{len(text.marks)} highlights · {len(self.article['body']):,} characters",
                               style="dim"))
            return
        m = text.marks[text.current]
        # Counted within its kind, as the header counts them: metric 3/37.
        same = [i for i, k in enumerate(text.marks) if k.kind == m.kind]
        status.update(Text.assemble((f"{m.kind} {same.index(text.current) + 1}/{len(same)}: ", "bold"),
                                    self.article["body"][m.start:m.end], ("  → " + m.label, "dim"),
                                    ("   Enter: open" if m.kind == "entity" else "", "dim")))

    def action_step(self, step: int) -> None:
        text = self.text
        if not text.marks:
            self.notify("this article has no highlights", timeout=2)
            return
        if text.current is None:
            top = text.lines[int(text.scroll_y)][0] if text.lines else 0
            after = [i for i, m in enumerate(text.marks) if m.start >= top]
            text.current = (after[0] if after else 0) if step > 0 else ((after[0] - 1) if after else -1) % len(
                text.marks)
        else:
            text.current = (text.current + step) % len(text.marks)
        text.show_current()
        self._status()

    def action_kind(self, kind: str) -> None:
        text = self.text
        n = len(text.marks)
        start = -1 if text.current is None else text.current
        for k in range(1, n + 1):
            i = (start + k) % n
            if text.marks[i].kind == kind:
                text.current = i
                text.show_current()
                self._status()
                return
        self.notify(f"no {kind} highlighted in this article", timeout=2)

    def action_open(self) -> None:
        text = self.text
        if text.current is None:
            self.notify("step to a highlight with n, then Enter opens an entity", timeout=3)
            return
        m = text.marks[text.current]
        if m.kind == "entity":
            self.post_message(OpenEntity(m.ref))
        else:
            self.notify(f"{m.kind}: {m.label}", timeout=3)

    def action_copy(self) -> None:
        self.app.copy_to_clipboard(self.article["body"])
        self.notify("copied the article's text", timeout=2)

    def action_list(self) -> None:
        box = self.query_one("#reader-list", OptionList)
        box.display = not box.display
        if box.display:
            box.focus()
        else:
            self.text.focus()

    @on(OptionList.OptionSelected, "#reader-list")
    def _go_to(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is not None:
            self.text.current = int(event.option.id)
            self.text.show_current()
            self._status()

    def action_back(self) -> None:
        box = self.query_one("#reader-list", OptionList)
        if box.display:  # Escape closes the list first
            box.display = False
            self.text.focus()
            return
        self.app.pop_screen()
