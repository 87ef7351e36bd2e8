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
        Binding("down", "recall(1)", "To table", show=False, id="filter.down",
                tooltip="a later filter of this pane's history; past the newest, back to the table"),
        Binding("up", "recall(-1)", "Earlier filter", show=False, id="filter.up",
                tooltip="an earlier filter of this pane (kept across sessions)"),
        Binding("ctrl+u", "clear_line", "Clear", show=False, id="filter.clear", tooltip="clear the filter line"),
    ]

    class Recall(Message):
        """↑ / ↓: the pane steps through its filter history (↓ past the newest leaves the line)."""

        def __init__(self, step: int) -> None:
            super().__init__()
            self.step = step

    def action_recall(self, step: int) -> None:
        self.post_message(self.Recall(step))

    def __init__(self, *args, **kwargs) -> None:
        # Typing after / adds to the filter (` date:2019` after `kind:target`): nothing is selected on focus.
        super().__init__(*args, select_on_focus=False, **kwargs)

    def on_focus(self) -> None:
        self.cursor_position = len(self.value)

    def action_clear_line(self) -> None:
        self.value = ""

    class Left(Message):
        """The user is done typing: the pane puts the keys back on its table."""

    def action_leave(self) -> None:
        self.post_message(self.Left())
