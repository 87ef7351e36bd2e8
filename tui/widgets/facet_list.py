"""The facet column: counts of each value among the matching rows; Enter on a value narrows to it."""
from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.reactive import Reactive
from textual.widgets import OptionList


class FacetList(OptionList):
    """Facet counts of the current view; Enter adds the value to the filter."""

    BINDINGS: ClassVar = [Binding("escape", "leave", "Back to table", show=False, id="facets.leave")]
    # New counts change the list's height, which by default lays out the whole screen (a keystroke
    # arriving meanwhile waits for it) in case the scrollbar comes or goes; this list always shows
    # its scrollbar (app.tcss), so only its own scroll range changes.
    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False)

    class Left(Message):
        """Escape: the pane puts the keys back on its table."""

    class Resized(Message):
        """A new width: labels are clipped to the width, so the pane clips them again."""

    def action_leave(self) -> None:
        self.post_message(self.Left())

    def on_resize(self, event: events.Resize) -> None:
        self.post_message(self.Resized())
