"""The filter line: typing filters as you type; Enter, Escape or ↓ hand the keys back to the table."""
from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.reactive import Reactive
from textual.widgets import Input


class FilterInput(Input):
    """The filter line of a pane."""

    # Input sets its virtual size on every edit, which by default lays out the whole screen
    # (~20 ms on every keystroke); a one-line input of fixed size needs no layout for it.
    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False)

    BINDINGS: ClassVar = [
        Binding("enter", "leave", "To table", show=False, id="filter.submit"),
        Binding("escape", "leave", "Leave filter", show=False, id="filter.leave"),
        Binding("down", "leave", "To table", show=False, id="filter.down"),
    ]

    class Left(Message):
        """The user is done typing: the pane puts the keys back on its table."""

    def action_leave(self) -> None:
        self.post_message(self.Left())
