"""One key from an entity to its figures and events, from an article to its figures and dates."""
from __future__ import annotations

import sqlite3

from pilot import settle, sync, until
from textual.widgets import OptionList, TabbedContent
from zgc.tui.app import ZgcApp
from zgc.tui.screens.entity import EntityScreen
from zgc.tui.screens.reader import ReaderScreen

SIZE = (120, 40)


def shown(app, cls, part: str):
    """The screen on top, once it is of `cls` and has composed `part`."""
    return isinstance(app.screen, cls) and app.screen.query(part) and app.screen


def entity_id(db, name: str) -> int:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT id FROM entities WHERE name = ?", (name,)).fetchone()[0]


@sync
async def test_f_lists_the_figures_an_entity_owns_and_enter_reads_one(seed_db):
    app = ZgcApp(seed_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.open_entity(entity_id(seed_db, "北京市"))
        screen = await until(pilot, lambda: shown(app, EntityScreen, "#entity-related"), "the entity")
        await pilot.press("f")
        assert screen.query_one("#entity-lists", TabbedContent).active == "tab-figures"
        assert screen.figures and all(f["scope"] == "北京市" for f in screen.figures)
        periods = [f["period"] for f in screen.figures if f["period"]]
        assert periods == sorted(periods, reverse=True)  # the latest first
        assert screen.query_one("#entity-figures", OptionList).has_focus
        await pilot.press("down", "enter")
        reader = await until(pilot, lambda: shown(app, ReaderScreen, "#reader-status"), "the reader")
        figure = screen.figures[1]
        mark = reader.text.marks[reader.text.current]
        assert (mark.kind, mark.ref, reader.article_id) == ("metric", figure["id"], figure["article_id"])


@sync
async def test_v_lists_the_events_an_entity_is_the_actor_of(seed_db):
    app = ZgcApp(seed_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.open_entity(entity_id(seed_db, "北京市"))
        screen = await until(pilot, lambda: shown(app, EntityScreen, "#entity-related"), "the entity")
        await pilot.press("v")
        assert screen.events and all(e["actor"] == "北京市" for e in screen.events)
        await pilot.press("enter")
        reader = await until(pilot, lambda: shown(app, ReaderScreen, "#reader-status"), "the reader")
        mark = reader.text.marks[reader.text.current]
        assert (mark.kind, mark.ref) == ("event", screen.events[0]["id"])
        await pilot.press("escape")
        await pilot.press("m")  # and back to its mentions
        assert screen.query_one("#entity-lists", TabbedContent).active == "tab-mentions"


@sync
async def test_appears_with_ranks_who_shares_its_sentences_first(seed_db):
    app = ZgcApp(seed_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.open_entity(entity_id(seed_db, "北京市"))
        screen = await until(pilot, lambda: shown(app, EntityScreen, "#entity-related"), "the entity")
        shared = [r.sentences for r in screen.related]
        assert shared == sorted(shared, reverse=True) and shared[0] > 0


@sync
async def test_l_lists_an_article_s_figures_and_dates_and_enter_goes_to_one(seed_db):
    with sqlite3.connect(seed_db) as conn:
        aid = conn.execute("SELECT id FROM articles WHERE n_metrics > 3 AND n_events > 0 ORDER BY id").fetchone()[0]
    app = ZgcApp(seed_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.open_article(aid)
        reader = await until(pilot, lambda: shown(app, ReaderScreen, "#reader-status"), "the reader")
        await pilot.press("l")
        box = reader.query_one("#reader-list", OptionList)
        assert box.display and box.has_focus
        kinds = {reader.text.marks[int(box.get_option_at_index(i).id)].kind for i in range(box.option_count)}
        assert kinds == {"metric", "event"}
        await pilot.press("down", "down", "enter")
        chosen = int(box.get_option_at_index(2).id)
        assert reader.text.current == chosen
        status = str(reader.query_one("#reader-status").render())
        mark = reader.text.marks[chosen]
        same = [m for m in reader.text.marks if m.kind == mark.kind]
        assert f"/{len(same)}:" in status  # counted within its kind, as the header counts
        await pilot.press("escape")  # closes the list, stays in the article
        assert not box.display and app.screen is reader
        await pilot.press("escape")
        assert not isinstance(app.screen, ReaderScreen)
