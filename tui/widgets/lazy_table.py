"""A table that holds only row ids and fetches the rows in view: a million rows cost 8 MB.

The virtual height is the number of ids; `render_line` asks the fetch callback
for the rows on screen (one SQL query by id per screenful) and keeps a small
cache. Widths are measured in terminal cells, so Chinese text lines up.
"""
from __future__ import annotations

import time
from array import array
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

Row = tuple
CellRenderer = Callable[[Row, "Row | None"], "str | Text"]


@dataclass(frozen=True)
class Column:
    label: str
    render: CellRenderer
    width: int  # the least width, in cells
    flex: int = 0  # share of the spare width
    justify: str = "left"
    priority: int = 9  # on a narrow screen the lowest go first
    want: int = 0  # the width worth dropping columns of lower priority for (a title that can be read)
    sort: str | None = None  # the sort a click on its header asks for


def fit(text: str, width: int, justify: str = "left") -> str:
    """`text` cut or padded to exactly `width` cells, with … where it was cut."""
    if width <= 0:
        return ""
    text = text.replace("\n", " ")
    n = cell_len(text)
    if n > width:
        return set_cell_size(text, width - 1) + "…"
    pad = " " * (width - n)
    return pad + text if justify == "right" else text + pad


class LazyTable(ScrollView, can_focus=True):
    """Rows by id, fetched as they come into view."""

    BINDINGS: ClassVar = [
        Binding("up,k", "cursor(-1)", "Up", show=False, id="table.up", tooltip="move in the table"),
        Binding("down,j", "cursor(1)", "Down", show=False, id="table.down", tooltip="move in the table"),
        Binding("pageup", "page(-1)", "Page up", show=False, id="table.page_up", tooltip="a page up"),
        Binding("pagedown,space", "page(1)", "Page down", show=False, id="table.page_down",
                tooltip="a page down"),
        Binding("home,g", "jump(0)", "First", show=False, id="table.first", tooltip="the first row"),
        Binding("end,G", "jump(-1)", "Last", show=False, id="table.last", tooltip="the last row"),
        Binding("enter", "select", "Open", id="table.open",
                tooltip="open the row: an article in the reader, an entity's mentions, a figure's sentence"),
    ]
    COMPONENT_CLASSES: ClassVar = {
        "lazy-table--header", "lazy-table--cursor", "lazy-table--placeholder", "lazy-table--dim"}
    DEFAULT_CSS = """
    LazyTable { height: 1fr; overflow-x: hidden; }
    """

    cursor_row: reactive[int] = reactive(0, always_update=True, init=False)

    class Highlighted(Message):
        def __init__(self, table: LazyTable, index: int, row: Row | None) -> None:
            super().__init__()
            self.table, self.index, self.row = table, index, row

        @property
        def control(self) -> LazyTable:
            return self.table

    class Selected(Highlighted):
        pass

    class HeaderClicked(Message):
        """A click on a column's header: the pane sorts by it (again: the other way)."""

        def __init__(self, table: LazyTable, column: Column) -> None:
            super().__init__()
            self.table, self.column = table, column

        @property
        def control(self) -> LazyTable:
            return self.table

    sorted_by: str | None = None  # the sort shown (▲ ascending, ▼ descending) on its column's header

    rendered_at = 0.0  # time.perf_counter() of the last repaint

    def __init__(self, columns: Sequence[Column], fetch: Callable[[Sequence[int]], list[Row]], *,
                 name: str | None = None, id: str | None = None, classes: str | None = None,
                 cache_size: int = 4000) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.columns = list(columns)
        self.fetch = fetch
        self.ids: array = array("q")
        self.complete = True
        self._cache: OrderedDict[int, Row] = OrderedDict()
        self._cache_size = cache_size
        self._widths: list[tuple[Column, int]] = []
        self._styles: dict[str, Style] = {}
        self.empty_message = "no rows"

    # -------------------------------------------------------------- data

    @property
    def row_count(self) -> int:
        return len(self.ids)

    def set_ids(self, ids: Sequence[int], complete: bool = True) -> None:
        """Show `ids` (the first of them, when more will follow through `extend`); the cursor goes to the top."""
        self.ids = array("q", ids)
        self.complete = complete
        self.scroll_to(y=0, animate=False, immediate=True)
        self._resize()
        self.cursor_row = 0

    def extend(self, ids: Sequence[int], complete: bool) -> None:
        self.ids.extend(ids)
        self.complete = complete
        self._resize()

    def clear_cache(self) -> None:
        self._cache.clear()
        self.refresh()

    def row(self, index: int) -> Row | None:
        if not 0 <= index < len(self.ids):
            return None
        rid = self.ids[index]
        if rid not in self._cache:
            self._load(index)
        return self._cache.get(rid)

    @property
    def current_row(self) -> Row | None:
        return self.row(self.cursor_row)

    def _load(self, index: int) -> None:
        """Fetch the screenful around `index` in one query."""
        top = max(0, min(index, int(self.scroll_y)) - 1)
        end = min(len(self.ids), max(index + 1, top + self.size.height + 40))
        want = [i for i in self.ids[top:end] if i not in self._cache]
        for row in self.fetch(want):
            self._cache[row[0]] = row
        while len(self._cache) > self._cache_size:
            self._cache.popitem(last=False)

    def _resize(self) -> None:
        size = Size(self.size.width, len(self.ids) + 1)
        update = getattr(self, "_scroll_update", None)
        if update is None:
            self.virtual_size = size
        elif size != self.virtual_size:
            # Assigning virtual_size lays out the whole screen (~20 ms at 100x30) in case scrollbars
            # come or go; this table always shows its vertical scrollbar, so only its own range changes.
            self.set_reactive(LazyTable.virtual_size, size)
            update(size)
        self.refresh()

    # -------------------------------------------------------------- layout

    def on_resize(self, event: events.Resize) -> None:
        self._widths = []
        self._resize()
        self._keep_cursor_visible()

    def _layout(self) -> list[tuple[Column, int]]:
        """The columns that fit and their widths: drop the least important, then share the spare width."""
        if self._widths:
            return self._widths
        total = self.scrollable_content_region.width
        shown = list(self.columns)

        def need(cols: list[Column]) -> int:
            return sum(c.width for c in cols) + len(cols) - 1

        def short(cols: list[Column]) -> bool:
            """A column that wants more than it would get, while a less important one is shown."""
            spare = total - need(cols)
            low = min(c.priority for c in cols)
            return any(c.want and c.priority > low and c.width + max(spare, 0) < c.want for c in cols)

        while len(shown) > 1 and (need(shown) > total or short(shown)):
            low = min(c.priority for c in shown)
            drop = max(i for i, c in enumerate(shown) if c.priority == low)
            shown.pop(drop)
        widths = [c.width for c in shown]
        spare = total - need(shown)
        flex = sum(c.flex for c in shown)
        if spare > 0 and flex:
            for i, c in enumerate(shown):
                widths[i] += spare * c.flex // flex
            last = max(i for i, c in enumerate(shown) if c.flex)
            widths[last] += total - sum(widths) - (len(widths) - 1)
        self._widths = list(zip(shown, widths, strict=True))
        return self._widths

    # -------------------------------------------------------------- rendering

    def notify_style_update(self) -> None:
        self._styles.clear()
        super().notify_style_update()

    def _style(self, name: str) -> Style:
        """The base, cursor or a component style, computed once per style change (not once per line)."""
        style = self._styles.get(name)
        if style is None:
            base = self.rich_style
            if name == "base":
                style = base
            elif name == "cursor":
                style = base + self.get_component_rich_style("lazy-table--cursor")
            elif name == "cursor-unfocused":
                style = base + Style(bgcolor="grey27")
            else:
                style = self.get_component_rich_style(name)
            self._styles[name] = style
        return style

    def render_line(self, y: int) -> Strip:
        if y == 0:
            self.rendered_at = time.perf_counter()  # when the rows last went to the screen (for timings)
        width = self.scrollable_content_region.width
        layout = self._layout()
        if y == 0:
            cells = [fit(self._label(c), w, c.justify) for c, w in layout]
            return Strip([Segment(fit(" ".join(cells), width), self._style("lazy-table--header"))], width)
        index = int(self.scroll_y) + y - 1
        base = self._style("base")
        if index >= len(self.ids):
            if index == 0 and self.complete:
                dim = self._style("lazy-table--dim")
                return Strip([Segment(fit(" " + self.empty_message, width), dim)], width)
            return Strip.blank(width, base)
        row = self.row(index)
        if row is None:
            return Strip([Segment(fit(" …", width), self._style("lazy-table--placeholder"))], width)
        prev = self.row(index - 1) if index > 0 else None
        segments: list[Segment] = []
        cursor = index == self.cursor_row
        row_style = (self._style("cursor" if self.has_focus else "cursor-unfocused")) if cursor else base
        for i, (c, w) in enumerate(layout):
            if i:
                segments.append(Segment(" ", row_style))
            value = c.render(row, prev)
            if isinstance(value, Text):
                plain = fit(value.plain, w, c.justify)
                if cell_len(value.plain) > w or c.justify == "right":
                    segments.append(Segment(plain, row_style + value.style if value.style else row_style))
                else:
                    value = value.copy()
                    value.pad_right(w - value.cell_len)
                    for seg in value.render(self.app.console):
                        segments.append(Segment(seg.text, row_style + seg.style if seg.style else row_style))
            else:
                segments.append(Segment(fit(value, w, c.justify), row_style))
        used = sum(w for _, w in layout) + len(layout) - 1
        if used < width:
            segments.append(Segment(" " * (width - used), row_style))
        return Strip(segments).crop(0, width)

    # -------------------------------------------------------------- cursor

    @property
    def _page_rows(self) -> int:
        return max(1, self.scrollable_content_region.height - 1)

    def watch_cursor_row(self, old: int, new: int) -> None:
        self._keep_cursor_visible()
        self.refresh()
        self.post_message(self.Highlighted(self, new, self.row(new)))

    def validate_cursor_row(self, value: int) -> int:
        return max(0, min(value, len(self.ids) - 1)) if self.ids else 0

    def _keep_cursor_visible(self) -> None:
        top = int(self.scroll_y)
        if self.cursor_row < top:
            self.scroll_to(y=self.cursor_row, animate=False, immediate=True)
        elif self.cursor_row >= top + self._page_rows:
            self.scroll_to(y=self.cursor_row - self._page_rows + 1, animate=False, immediate=True)

    def action_cursor(self, step: int) -> None:
        self.cursor_row += step

    def action_page(self, step: int) -> None:
        self.cursor_row += step * self._page_rows

    def action_jump(self, where: int) -> None:
        self.cursor_row = 0 if where == 0 else len(self.ids) - 1

    def action_select(self) -> None:
        if self.ids:
            self.post_message(self.Selected(self, self.cursor_row, self.current_row))

    def _label(self, c: Column) -> str:
        if c.sort and self.sorted_by and self.sorted_by.lstrip("-") == c.sort:
            return c.label + ("▼" if self.sorted_by.startswith("-") else "▲")
        return c.label

    def on_click(self, event: events.Click) -> None:
        if event.y < 1:
            x = 0
            for c, w in self._layout():
                if x <= event.x < x + w + 1:
                    if c.sort:
                        self.post_message(self.HeaderClicked(self, c))
                    return
                x += w + 1
            return
        index = int(self.scroll_y) + event.y - 1
        if 0 <= index < len(self.ids):
            self.focus()
            if index == self.cursor_row and event.chain > 1:
                self.action_select()
            self.cursor_row = index

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()
