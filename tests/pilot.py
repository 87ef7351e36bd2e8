"""Waiting for the app under Pilot: until its workers (queries, facets, detail) have all finished."""
from __future__ import annotations


async def settle(pilot, quiet_rounds: int = 2, step: float = 0.05, rounds: int = 200) -> None:
    """Pause until no worker has run for `quiet_rounds` pauses in a row.

    A fixed number of pauses is not enough on a loaded machine: a query's results
    start a timer, the timer starts a detail worker, and that one may come late.
    """
    app = pilot.app
    quiet = 0
    for _ in range(rounds):
        await pilot.pause(step)
        busy = len(app.workers) > 0
        await app.workers.wait_for_complete()
        quiet = 0 if busy else quiet + 1
        if quiet >= quiet_rounds:
            return
