"""The detail view under a pane's table: a box of fixed size whose text ends in … where it does not fit."""
from __future__ import annotations

from rich.console import Console
from rich.text import Text
from textual.widgets import Static


def clip_lines(text: Text, width: int, height: int) -> Text:
    """`text` wrapped to `width` cells and cut to `height` lines, the last ending in … when anything is cut."""
    if width <= 0 or height <= 0:
        return text
    lines = text.wrap(Console(width=width), width)
    if len(lines) <= height:
        return text
    kept = lines[:height]
    last = kept[-1]
    last.rstrip()
    last.truncate(width - 1)
    last.append("…")
    return Text("\n").join(kept)


class Detail(Static):
    """Shows what a pane's row has to say, clipped to the box again whenever the box changes size
    (the pane resized, the narrow layout, a chart beside it coming or going)."""

    def __init__(self, *, classes: str = "detail") -> None:
        super().__init__("", classes=classes)
        self._data: object = None  # what it shows, kept to clip it again on a resize

    def show(self, data: object) -> None:
        """Show `data` (a Text is clipped to the box; None shows nothing)."""
        self._data = data
        self._fit()

    def on_resize(self) -> None:
        self._fit()

    def _fit(self) -> None:
        data = self._data
        if isinstance(data, Text):
            region = self.content_region
            data = clip_lines(data, region.width, region.height)
        self.update(data or "", layout=False)
