"""Numbers as Chinese readers write them, exactly, in every view; sentences in the article's own characters."""
from __future__ import annotations

import sqlite3

import pytest
from pilot import settle, sync
from zgc.tui.app import ZgcApp
from zgc.tui.panes.format import fmt_number


@pytest.mark.parametrize(("value", "shown"), [
    (8.9415e12, "8.9415万亿"), (5.4e12, "5.4万亿"), (3.5724e12, "3.5724万亿"), (8.68e10, "868亿"),
    (2.2e8, "2.2亿"), (1.77e12, "1.77万亿"), (2294.3, "2,294.3"), (12345, "12,345"), (0.036, "0.036"),
    (-1.5e8, "-1.5亿"), (196, "196"),
])
def test_every_digit_written_is_kept(value, shown):
    assert fmt_number(value) == shown


@sync
async def test_the_detail_gives_a_range_whole_and_the_sentence_as_printed(seed_db):
    with sqlite3.connect(seed_db) as conn:
        mid, text = conn.execute(
            "SELECT id, text FROM metrics_view WHERE value_max IS NOT NULL AND sentence LIKE '%，%' "
            "ORDER BY id").fetchone()
    app = ZgcApp(seed_db, pane="metrics")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        pane = app.pane("metrics")
        table = pane.table
        index = list(table.ids).index(mid)
        table.cursor_row = index
        await settle(pilot)
        detail = str(pane.query_one(".detail").render())
        row = table.row(index)
        assert f"{fmt_number(row.value)}–{fmt_number(row.value_max)}" in detail
        assert "，" in detail and text in detail


def test_a_long_series_lists_its_latest_figures_and_says_how_many_more():
    from zgc.tui.screens.series import LISTED, SeriesScreen

    screen = SeriesScreen(None, 1)  # the list alone: no catalog needed
    screen.points = [{"period": f"{2000 + i // 12}-{i % 12 + 1:02d}", "value": float(i), "value_max": None,
                      "kind": "amount", "text": f"{i}亿元", "published": None, "title": "t"} for i in range(LISTED + 50)]
    options = screen._options()
    assert len(options) == LISTED + 1
    assert "50 earlier figures" in str(options[0].prompt) and options[0].disabled
    assert options[1].id == "50" and options[-1].id == str(LISTED + 49)  # ids index the points
