"""Waiting for the app under Pilot: on the state a test needs, never on fixed sleeps or idle workers.

A loaded machine delays everything (the first query may not have started when the
test looks), so each wait polls a condition of the app's own state and fails with
a message saying what never came, instead of asserting on a half-drawn screen.
"""
from __future__ import annotations

import asyncio
import functools
import time
from collections.abc import Callable

from zgc.tui.app import PANES
from zgc.tui.panes.base import Pane

TIMEOUT = 60.0  # seconds; generous, for a machine busy with other work


async def until(pilot, condition: Callable[[], object], what: str, timeout: float = TIMEOUT) -> object:
    """Pause until `condition()` is true (returning its value); fail saying `what` never happened."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")
        await pilot.pause(0.02)


def _unsettled(app) -> list[str]:
    mounted = {p.PANE: p for p in app.query(Pane) if p.is_mounted}
    # The panes not shown at start are mounted after the first frame: until then they are busy too.
    return [name for name in PANES if name not in mounted or not mounted[name].settled]


async def settle(pilot, timeout: float = TIMEOUT) -> None:
    """Pause until every pane shows its filter's complete results, final facet counts and its row's detail."""
    app = pilot.app
    await pilot.pause()
    await until(pilot, lambda: not _unsettled(app), f"the panes to settle (still busy: {_unsettled(app)})",
                timeout)
    await pilot.pause()  # the last results' repaint


def sync(fn):
    """Run an async test with asyncio (no pytest plugin needed)."""

    @functools.wraps(fn)
    def run(*args, **kwargs):
        return asyncio.run(fn(*args, **kwargs))

    return run
