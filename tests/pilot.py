"""Waiting for the app under Pilot: until its queries, facets and detail views have all finished."""
from __future__ import annotations

from zgc.tui.pane import Pane


def _ready(app) -> bool:
    """Every pane has shown a query's complete results and has no filter edit waiting to run."""
    return all(p.current is not None and p.table.complete and not p.provisional and p._timer is None
               for p in app.query(Pane))


async def settle(pilot, quiet_rounds: int = 2, step: float = 0.05, rounds: int = 200) -> None:
    """Pause until the panes are ready and no worker has run for `quiet_rounds` pauses in a row.

    A fixed number of pauses is not enough on a loaded machine: the first query
    may not have started yet, a query's results start a timer, the timer starts
    a detail worker, and that one may come late.
    """
    app = pilot.app
    quiet = 0
    for _ in range(rounds):
        await pilot.pause(step)
        busy = len(app.workers) > 0
        await app.workers.wait_for_complete()
        quiet = 0 if busy or not _ready(app) else quiet + 1
        if quiet >= quiet_rounds:
            return
