"""Screens of every pane, the reader, the entity view and help, at 120x40 and 80x24 (pytest-textual-snapshot).

Regenerate after a deliberate change with `pytest tests/tui/test_tui_snapshots.py --snapshot-update`
and look at the SVGs in tests/tui/__snapshots__/.
"""
from __future__ import annotations

import pytest
from pilot import settle as pilot_settle
from zgc.tui.app import ZgcApp
from zgc.tui.panes.base import Pane

SIZES = [(120, 40), (80, 24)]
IDS = ["120x40", "80x24"]


class SnapApp(ZgcApp):
    """The app with nothing that varies between runs: no timings, no blinking cursor."""

    SHOW_TIMINGS = False

    def on_mount(self) -> None:
        super().on_mount()
        for field in self.query("Input"):
            field.cursor_blink = False


async def settle(pilot) -> None:
    app = pilot.app
    await pilot_settle(pilot)
    for field in app.screen.query("Input"):
        field.cursor_blink = False
    await pilot.wait_for_scheduled_animations()
    await pilot.pause(0.05)


def typing(text: str, *keys: str):
    async def run_before(pilot) -> None:
        await settle(pilot)
        if text:
            pane: Pane = pilot.app.pane()
            pane.filter_input.focus()
            pane.filter_input.value = text
            await settle(pilot)
            pane.table.focus()
        for key in keys:
            await pilot.press(key)
            await settle(pilot)
    return run_before


@pytest.mark.parametrize("size", SIZES, ids=IDS)
@pytest.mark.parametrize("pane", ["articles", "entities", "metrics", "timeline", "targets"])
def test_pane(snap_compare, seed_db, pane, size):
    assert snap_compare(SnapApp(seed_db, pane=pane), terminal_size=size, run_before=typing(""))


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_articles_search(snap_compare, seed_db, size):
    assert snap_compare(SnapApp(seed_db), terminal_size=size, run_before=typing("专利"))


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_metrics_filtered(snap_compare, seed_db, size):
    assert snap_compare(SnapApp(seed_db, pane="metrics"), terminal_size=size, run_before=typing("专利"))


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_reader(snap_compare, seed_db, size):
    assert snap_compare(SnapApp(seed_db), terminal_size=size, run_before=typing("专利", "enter", "n", "n"))


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_timeline_policy(snap_compare, seed_db, size):
    assert snap_compare(SnapApp(seed_db, pane="timeline"), terminal_size=size, run_before=typing("", "p"))


def test_entity_view(snap_compare, synthetic_db):
    assert snap_compare(SnapApp(synthetic_db, pane="entities"), terminal_size=(100, 30),
                        run_before=typing("", "enter"))


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_entity_screen_of_the_seeds(snap_compare, seed_db, size):
    # The most mentioned entity: its mentions, and the related list one line each, even at 80 columns.
    assert snap_compare(SnapApp(seed_db, pane="entities"), terminal_size=size, run_before=typing("", "enter"))


def test_bad_filter(snap_compare, seed_db):
    assert snap_compare(SnapApp(seed_db, pane="metrics"), terminal_size=(80, 24),
                        run_before=typing("value>lots"))


def test_help(snap_compare, seed_db):
    assert snap_compare(SnapApp(seed_db), terminal_size=(100, 30), run_before=typing("", "question_mark"))


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_series_screen(snap_compare, seed_db, size):
    # The plan's listed-companies target: its series holds the 2019 figure and the 2022 target.
    assert snap_compare(SnapApp(seed_db, pane="targets"), terminal_size=size,
                        run_before=typing("上市公司", "enter"))
