"""The filter line and sorting as analysts type: / adds to what is there, a typed sort: wins, any column sorts
(s, or a click on its header; again: the other way), a value a field cannot have is said so."""
from __future__ import annotations

from pilot import settle, sync
from zgc.tui.app import ZgcApp

SIZE = (120, 40)


def rows(table) -> list:
    return [table.row(i) for i in range(min(table.row_count, 30))]


def status(pane) -> str:
    return str(pane.query_one(".status").render())


def error(pane) -> str:
    return str(pane.query_one(".filter-error").render())


@sync
async def test_slash_puts_the_cursor_at_the_end_so_typing_adds_a_term(seed_db):
    app = ZgcApp(seed_db, pane="metrics", filter_text="kind:target")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        pane = app.pane("metrics")
        await pilot.press("slash", *" year:2022")
        await settle(pilot)
        assert pane.filter_input.value == "kind:target year:2022"
        assert {r.kind for r in rows(pane.table)} == {"target"}
        await pilot.press("ctrl+u")  # clears the whole line, wherever the cursor is
        await pilot.press("left", "left")
        assert pane.filter_input.value == ""


@sync
async def test_a_sort_typed_in_the_filter_wins_over_s(seed_db):
    app = ZgcApp(seed_db, pane="metrics")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        pane = app.pane("metrics")
        pane.table.focus()
        await pilot.press("s", "s")
        await settle(pilot)
        assert pane.current.sort == "value"  # chosen with s: ascending
        await pilot.press("slash", *"unit:元 sort:-value")
        await settle(pilot)
        assert "sorted by -value" in status(pane)
        values = [r.value for r in rows(pane.table)]
        assert values == sorted(values, reverse=True)
        pane.table.focus()
        await pilot.press("s")  # with a sort: in the filter, s rewrites it
        await settle(pilot)
        assert "sort:-value" not in pane.filter_input.value and "sort:" in pane.filter_input.value
        assert f"sorted by {pane.current.sort}" in status(pane)


@sync
async def test_a_click_on_a_header_sorts_by_it_and_again_the_other_way(seed_db):
    app = ZgcApp(seed_db, pane="metrics")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        pane = app.pane("metrics")
        table = pane.table
        x = 0
        for column, width in table._layout():
            if column.sort == "scope":
                break
            x += width + 1
        await pilot.click(table, offset=(x + 1, 0))
        await settle(pilot)
        assert pane.current.sort == "scope" and "Scope▲" in table.render_line(0).text
        scopes = [r.scope for r in rows(table) if r.scope]
        assert scopes == sorted(scopes)
        await pilot.click(table, offset=(x + 1, 0))
        await settle(pilot)
        assert pane.current.sort == "-scope" and "Scope▼" in table.render_line(0).text


@sync
async def test_s_steps_through_every_column(seed_db):
    app = ZgcApp(seed_db, pane="metrics")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        pane = app.pane("metrics")
        names = pane.sort_names()
        assert {"scope", "kind", "unit", "qualifier", "text", "subject"} <= {n.lstrip("-") for n in names}
        pane.filter_input.value = "sort:scope"
        await settle(pilot)
        assert pane.current.sort == "scope" and not error(pane)


@sync
async def test_a_value_a_field_cannot_have_is_said_so_and_the_rows_stay(seed_db):
    app = ZgcApp(seed_db, pane="metrics")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        pane = app.pane("metrics")
        before = pane.table.row_count
        pane.filter_input.value = "kind:ad"
        await settle(pilot)
        assert "kind:ad matches nothing" in error(pane) and "target" in error(pane)
        assert pane.table.row_count == before


@sync
async def test_a_two_character_qualifier_is_shown_whole(seed_db):
    app = ZgcApp(seed_db, pane="metrics", filter_text="qualifier:<~")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        table = app.pane("metrics").table
        assert table.row_count > 0
        assert " <~ " in table.render_line(1).text


@sync
async def test_at_80_columns_metrics_keep_what_tells_figures_apart_and_the_footer_keeps_help_and_quit(seed_db):
    app = ZgcApp(seed_db, pane="metrics")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        header = app.pane("metrics").table.render_line(0).text
        for label in ("Subject", "Value", "Q", "Period", "Kind", "Scope"):
            assert label in header, header
        keys = {k.description: k.region for k in app.screen.query("FooterKey")}
        for what in ("Help", "Quit"):
            region = keys[what]
            assert region.width > 0 and region.right <= 80, (what, region)  # whole, on screen
