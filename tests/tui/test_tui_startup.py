"""Start-up does the work of the pane on screen only: the others query when first shown."""
from __future__ import annotations

import time

from pilot import settle, sync, until
from zgc.tui.app import ZgcApp


@sync
async def test_only_the_start_pane_queries_at_start_and_a_switch_runs_the_next_pane_s_query(seed_db):
    app = ZgcApp(seed_db, pane="metrics")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert app.pane("metrics").table.row_count > 0
        assert [p for p in ("articles", "entities", "timeline", "targets") if app.pane(p).queried] == []
        await pilot.press("4")
        timeline = app.pane("timeline")
        await until(pilot, lambda: timeline.queried and timeline.settled and timeline.table.row_count > 0,
                    "the timeline's first rows after the switch")
        assert not app.pane("articles").queried


@sync
async def test_keys_typed_at_start_reach_a_pane_mounted_after_the_first_rows(seed_db):
    from zgc.tui.panes.base import Pane

    app = ZgcApp(seed_db, pane="metrics")
    async with app.run_test(size=(100, 30)) as pilot:
        # At once: the timeline may not be mounted yet (the other panes come after the first rows).
        await pilot.press("4", "slash", *"policy:yes")
        timeline = app.pane("timeline")
        await until(pilot, lambda: timeline.filter_input.value == "policy:yes",
                    "the keys typed after 4 to reach the timeline's filter line")
        await settle(pilot)
        assert app.active_pane == "timeline"
        assert sorted(p.PANE for p in app.query(Pane)) == sorted(["articles", "entities", "metrics", "targets",
                                                                    "timeline"])


@sync
async def test_the_rest_of_the_ids_are_fetched_only_once_the_first_page_is_on_screen(tmp_path, monkeypatch):
    # A slow first paint (a busy machine): ids fetched meanwhile would take the GIL from it.
    from catalogs import make_catalog
    from zgc.db import query
    from zgc.tui.panes import base
    from zgc.tui.widgets.lazy_table import LazyTable

    db = make_catalog(tmp_path / "big.db", metrics=4 * query.FIRST_PAGE)
    order: list[str] = []
    real_iter, real_render = query.iter_ids, LazyTable.render_line

    def iter_ids(*args, **kwargs):
        for n, chunk in enumerate(real_iter(*args, **kwargs)):
            order.append(f"chunk {n}")
            yield chunk

    def render_line(self, y):
        if y == 0 and self.row_count and "painted" not in order:
            time.sleep(0.1)
            order.append("painted")
        return real_render(self, y)

    monkeypatch.setattr(base.query, "iter_ids", iter_ids)
    monkeypatch.setattr(LazyTable, "render_line", render_line)
    app = ZgcApp(db, pane="metrics")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert app.pane("metrics").table.row_count == 4 * query.FIRST_PAGE
    assert order.index("painted") < order.index("chunk 1"), order
