"""At 80 columns the screen still tells the story: titles that can be read, details that say they go on,
lists that keep one line per entity."""
from __future__ import annotations

import sqlite3

from pilot import settle, sync, until
from zgc.tui.app import ZgcApp


def _columns(table) -> dict[str, int]:
    return {column.label: width for column, width in table._layout()}


@sync
async def test_articles_at_80_columns_drop_the_publication_for_a_readable_title(seed_db):
    app = ZgcApp(seed_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        narrow = _columns(app.pane("articles").table)
        await pilot.resize_terminal(120, 40)
        await until(pilot, lambda: "Publication" in _columns(app.pane("articles").table), "the wide layout")
    assert "Publication" not in narrow and narrow["Title"] >= 24
    assert {"Date", "Kind", "Met"} <= narrow.keys()


@sync
async def test_a_sentence_too_long_for_the_detail_view_ends_in_an_ellipsis(seed_db):
    with sqlite3.connect(seed_db) as conn:
        mid, sentence = conn.execute("SELECT id, sentence FROM metrics_view ORDER BY length(sentence) DESC").fetchone()
    app = ZgcApp(seed_db, pane="metrics")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        pane = app.pane("metrics")
        pane.table.cursor_row = list(pane.table.ids).index(mid)
        await settle(pilot)
        view = pane.query_one(".detail")
        shown = str(view.render())
        assert shown.rstrip().endswith("…")
        assert sentence[:10] in shown.replace("\n", "")
        assert len(shown.splitlines()) <= view.content_region.height
        await pilot.resize_terminal(120, 40)  # wider: more of it, fitted again
        await until(pilot, lambda: len(str(view.render())) > len(shown), "the detail fitted to the wider view")


@sync
async def test_the_entity_screen_keeps_one_line_per_related_entity_at_80_columns(seed_db):
    app = ZgcApp(seed_db, pane="entities")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        related = await until(pilot, lambda: app.screen.query("#entity-related"), "the entity screen")
        related = related.first()

        def one_line_each() -> bool:
            lines = [related.get_option_at_index(i).prompt for i in range(related.option_count)]
            width = related.scrollable_content_region.width
            return bool(lines) and all(p.cell_len <= width for p in lines) and any("…" in p.plain for p in lines)

        await until(pilot, one_line_each, "related names clipped to one line")
