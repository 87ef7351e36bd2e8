"""The Targets pane and the series screen, from the keyboard alone."""
from __future__ import annotations

import asyncio
import csv
import functools

from pilot import settle, until
from zgc.tui.app import ZgcApp
from zgc.tui.screens.reader import ReaderScreen
from zgc.tui.screens.series import SeriesScreen

SIZE = (120, 40)


def sync(fn):
    @functools.wraps(fn)
    def run(*args, **kwargs):
        return asyncio.run(fn(*args, **kwargs))

    return run


def rows(app, pane):
    table = app.pane(pane).table
    return [table.row(i) for i in range(table.row_count)]


@sync
async def test_five_shows_every_target_with_its_status(seed_db):
    app = ZgcApp(seed_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("5")
        await settle(pilot)
        assert app.query_one("TabbedContent").active == "targets"
        got = rows(app, "targets")
        plan = [r for r in got if r.scope == "中关村示范区" and r.target_period == "2022"]
        assert len(plan) == 16
        assert got[0].status == "in progress" and got[0].actual_value == 365  # figures first
        facets = app.pane("targets").query_one(".facets")
        labels = [str(facets.get_option_at_index(i).prompt) for i in range(facets.option_count)]
        assert any(label.startswith("in progress") and label.endswith(" 1") for label in labels), labels


@sync
async def test_a_status_filter_and_the_series_of_a_target(seed_db):
    app = ZgcApp(seed_db, pane="targets")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        pane = app.pane("targets")
        pane.filter_input.value = 'status:"no figure"'
        await settle(pilot)
        assert rows(app, "targets") and all(r.status == "no figure" for r in rows(app, "targets"))
        pane.filter_input.value = "上市公司"
        await settle(pilot)
        pane.table.focus()
        await pilot.press("enter")
        screen = await until(pilot, lambda: isinstance(app.screen, SeriesScreen) and app.screen, "the series screen")
        assert [(p["period"], p["value"], p["kind"]) for p in screen.points] == [
            ("2019-12-31", 365, "count"), ("2022", 500, "target")]
        await pilot.press("enter")  # the first figure: its sentence in the reader
        await until(pilot, lambda: isinstance(app.screen, ReaderScreen), "the reader")
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, SeriesScreen), "back on the series")


@sync
async def test_v_in_metrics_opens_the_series_and_e_exports_it(seed_db, tmp_path):
    app = ZgcApp(seed_db, pane="metrics")
    target = tmp_path / "series.csv"
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        pane = app.pane("metrics")
        pane.filter_input.value = "技术合同成交额"
        await settle(pilot)
        pane.table.focus()
        index = next(i for i, r in enumerate(rows(app, "metrics")) if r.scope == "全国" and r.unit == "元")
        pane.table.cursor_row = index
        await settle(pilot)
        await pilot.press("v")
        screen = await until(pilot, lambda: isinstance(app.screen, SeriesScreen) and app.screen, "the series screen")
        assert {p["period"] for p in screen.points} >= {"2018", "2022"}
        await pilot.press("e")
        await until(pilot, lambda: app.screen.query("#export-path"), "the export dialog")
        app.screen.query_one("#export-path").value = str(target)
        await pilot.press("enter")
        await until(pilot, lambda: target.exists(), "the export")
    with open(target, encoding="utf-8") as f:
        periods = [r["period"] for r in csv.DictReader(f)]
    assert periods == sorted(periods) and {"2018", "2022"} <= set(periods)
