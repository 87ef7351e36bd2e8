"""The app driven with Pilot: panes, filters, detail, reader, entity view, export, read-only."""
from __future__ import annotations

import asyncio
import csv
import functools
import hashlib
import json
import sqlite3
from pathlib import Path

import pytest
from pilot import settle as pilot_settle
from pilot import until
from zgc.tui.app import ZgcApp
from zgc.tui.messages import ExportView, ResultsShown
from zgc.tui.screens.entity import EntityScreen
from zgc.tui.screens.help import HelpScreen
from zgc.tui.screens.reader import ReaderScreen, wrap
from zgc.tui.widgets.lazy_table import fit

SIZE = (100, 30)


def sync(fn):
    """Run an async test with asyncio (no pytest plugin needed)."""

    @functools.wraps(fn)
    def run(*args, **kwargs):
        return asyncio.run(fn(*args, **kwargs))

    return run


async def settle(app, pilot) -> None:
    await pilot_settle(pilot)


async def type_filter(app, pilot, text: str) -> None:
    await pilot.press("slash")
    app.focused.value = ""
    await pilot.press(*text) if text.isascii() else None
    if not text.isascii():
        app.focused.insert_text_at_cursor(text)
    await settle(app, pilot)


def visible_rows(app, pane: str) -> list[tuple]:
    table = app.pane(pane).table
    return [table.row(i) for i in range(table.row_count)]


def has_rows(db: Path, table: str) -> bool:
    with sqlite3.connect(db) as c:
        return c.execute(f"SELECT count(*) FROM {table}").fetchone()[0] > 0


# ------------------------------------------------------------------ panes


@sync
async def test_starts_on_articles_with_rows(seed_db):
    app = ZgcApp(seed_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert app.active_pane == "articles"
        n = sqlite3.connect(seed_db).execute("SELECT count(*) FROM articles").fetchone()[0]
        assert app.pane("articles").table.row_count == n
        assert isinstance(app.focused, type(app.pane("articles").table))


@sync
async def test_number_keys_switch_panes_and_escape_does_not_undo_them(seed_db):
    app = ZgcApp(seed_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        for key, pane in (("2", "entities"), ("3", "metrics"), ("4", "timeline"), ("1", "articles")):
            await pilot.press(key)
            await settle(app, pilot)
            assert app.active_pane == pane
        # A switch is not a link: Escape stays (and says why) rather than wander back through panes.
        await pilot.press("escape")
        assert app.active_pane == "articles"
        assert any("1–5 switch panes" in n.message for n in app._notifications)


@sync
async def test_digits_type_into_the_filter(seed_db):
    app = ZgcApp(seed_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("slash", "2", "0", "2", "3", "q")
        assert app.active_pane == "articles"
        assert app.pane("articles").filter_input.value == "2023q"
        assert app.is_running


@sync
async def test_articles_search_and_reader(seed_db):
    app = ZgcApp(seed_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await type_filter(app, pilot, "专利")
        rows = visible_rows(app, "articles")
        assert rows and any("专利" in r[2] for r in rows)
        assert "专利" in str(app.pane("articles").query_one(".detail").render())
        await pilot.press("enter")  # from the filter to the table
        await pilot.press("enter")  # open
        await settle(app, pilot)
        assert isinstance(app.screen, ReaderScreen)
        assert app.screen.article_id == rows[0][0]
        await pilot.press("escape")
        assert not isinstance(app.screen, ReaderScreen)
        assert app.pane("articles").filter_input.value == "专利"


@sync
async def test_slow_ranking_shows_first_matches_then_ranked_rows(seed_db, monkeypatch):
    from zgc.db import catalog, query
    from zgc.db.query import run

    monkeypatch.setattr(run, "FIRST_PAGE_BUDGET", 0.0)  # as on a huge catalog: ranking is over budget
    monkeypatch.setattr(run, "POLL_STEPS", 1)
    conn = catalog.connect(seed_db)
    ranked = query.all_ids(conn, query.build(conn, "科技", "articles"))
    app = ZgcApp(seed_db)
    shown: list[tuple[bool, list[int]]] = []

    def results(message):
        if isinstance(message, ResultsShown) and message.pane == "articles" and message.filter_text == "科技":
            shown.append((message.provisional, list(message.first_ids)))

    async with app.run_test(size=SIZE, message_hook=results) as pilot:
        await settle(app, pilot)
        pane = app.pane("articles")
        await type_filter(app, pilot, "科技")
        assert shown[0][0] and shown[0][1] == sorted(shown[0][1])  # the preview: index order
        assert not pane.provisional
        assert [r[0] for r in visible_rows(app, "articles")] == ranked != sorted(ranked)
        assert "sorted by rank" in str(pane.query_one(".status").render())


@sync
async def test_timeline_filter_and_open_source_sentence(seed_db):
    app = ZgcApp(seed_db, pane="timeline")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        all_rows = app.pane("timeline").table.row_count
        await pilot.press("p")
        await settle(app, pilot)
        policy = visible_rows(app, "timeline")
        assert 0 < len(policy) < all_rows and all(r[8] == 1 for r in policy)
        dates = [r[1] for r in policy]
        assert dates == sorted(dates)
        await pilot.press("enter")
        await settle(app, pilot)
        reader = app.screen
        assert isinstance(reader, ReaderScreen)
        mark = reader.text.marks[reader.text.current]
        assert mark.kind == "event"
        assert reader.text.sentence is not None


@pytest.mark.parametrize("which", ["seed", "synthetic"])
@sync
async def test_metrics_filter_and_open(which, seed_db, synthetic_db):
    db = seed_db if which == "seed" else synthetic_db
    if not has_rows(db, "metrics"):
        pytest.skip("no metrics extracted yet")
    app = ZgcApp(db, pane="metrics")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await type_filter(app, pilot, "专利")
        rows = visible_rows(app, "metrics")
        assert rows
        if which == "seed":
            assert any("22787" in r[2] or r[3] == 22787 for r in rows)
        await pilot.press("enter", "enter")
        await settle(app, pilot)
        reader = app.screen
        assert isinstance(reader, ReaderScreen)
        m = reader.text.marks[reader.text.current]
        assert m.kind == "metric" and m.ref == rows[0][0]


@sync
async def test_metrics_chart_and_sort(synthetic_db):
    app = ZgcApp(synthetic_db, pane="metrics")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        pane = app.pane("metrics")
        assert pane.query_one(".chart").display
        assert "over time" in str(pane.query_one(".chart").render())
        await pilot.press("s")  # source → -value
        await settle(app, pilot)
        values = [r[3] for r in visible_rows(app, "metrics")]
        assert values == sorted(values, reverse=True)


@pytest.mark.parametrize("which", ["seed", "synthetic"])
@sync
async def test_entities_open_and_mention_to_reader(which, seed_db, synthetic_db):
    db = seed_db if which == "seed" else synthetic_db
    if not has_rows(db, "entities"):
        pytest.skip("no entities extracted yet")
    app = ZgcApp(db, pane="entities")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        top = app.pane("entities").table.current_row
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, EntityScreen) and app.screen.entity_id == top[0]
        mention = app.screen.mentions[0]
        await pilot.press("enter")
        await settle(app, pilot)
        reader = app.screen
        assert isinstance(reader, ReaderScreen) and reader.article_id == mention["article_id"]
        m = reader.text.marks[reader.text.current]
        assert (m.kind, m.start) == ("entity", mention["start"])
        await pilot.press("enter")  # the highlighted entity opens again
        await settle(app, pilot)
        assert isinstance(app.screen, EntityScreen) and app.screen.entity_id == top[0]
        await pilot.press("escape", "escape", "escape")
        assert app.active_pane == "entities" and len(app.screen_stack) == 1


@sync
async def test_entities_type_facet_filter(synthetic_db):
    app = ZgcApp(synthetic_db, pane="entities")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await type_filter(app, pilot, "type:gov")
        assert {r[2] for r in visible_rows(app, "entities")} == {"gov"}


@sync
async def test_reader_steps_through_highlights(synthetic_db):
    app = ZgcApp(synthetic_db)
    async with app.run_test(size=SIZE) as pilot:
        app.open_article(1)
        await settle(app, pilot)
        text = app.screen.text
        assert text.current is None and len(text.marks) > 3
        await pilot.press("n")
        assert text.current == 0
        await pilot.press("n", "n")
        assert text.current == 2
        await pilot.press("N")
        assert text.current == 1
        await pilot.press("t")
        assert text.marks[text.current].kind == "entity"
        await pilot.press("d")
        assert text.marks[text.current].kind == "event"


# ------------------------------------------------------------------ filters that fail


@pytest.mark.parametrize("bad", ["foo:bar", "value>abc", "year:2022..2019"])
@sync
async def test_bad_filter_shows_error_and_keeps_rows(bad, synthetic_db):
    app = ZgcApp(synthetic_db, pane="metrics")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        before = app.pane("metrics").table.row_count
        app.pane("metrics").filter_input.value = bad
        await settle(app, pilot)
        error = app.pane("metrics").query_one(".filter-error")
        assert error.display and "⚠" in str(error.render())
        assert app.pane("metrics").table.row_count == before
        await type_filter(app, pilot, "unit:元")
        assert not error.display


@sync
async def test_hostile_input_never_crashes(seed_db):
    app = ZgcApp(seed_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        pane = app.pane("articles")
        for text in ['"', '" OR 1=1; DROP TABLE articles; --', "NEAR(a b) * ^ AND OR NOT", "\x00\x1b[31m",
                     "\ud800", "专" * 10_000, "title:\"", 'pub:"x', "year:..", "😀" * 50]:
            pane.filter_input.value = text
            await settle(app, pilot)
        assert app.is_running


# ------------------------------------------------------------------ help, export, copy


@sync
async def test_help_lists_keys_and_fields(seed_db):
    app = ZgcApp(seed_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("question_mark")
        await settle(app, pilot)
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


@pytest.mark.parametrize("suffix", [".csv", ".json"])
@sync
async def test_export_writes_rows_shown(suffix, seed_db, tmp_path):
    app = ZgcApp(seed_db, pane="timeline")
    target = tmp_path / f"out{suffix}"
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await type_filter(app, pilot, "policy:yes")
        shown = [r[0] for r in visible_rows(app, "timeline")]
        await pilot.press("enter", "e")
        await settle(app, pilot)
        field = app.screen.query_one("#export-path")
        field.value = str(target)
        await pilot.press("enter")
        await until(pilot, lambda: any("wrote" in n.message for n in app._notifications), "the export's notice")
    if suffix == ".json":
        ids = [r["id"] for r in json.loads(target.read_text(encoding="utf-8"))]
    else:
        with open(target, encoding="utf-8") as f:
            ids = [int(r["id"]) for r in csv.DictReader(f)]
    assert ids == shown and ids
    assert not list(tmp_path.glob(".*.tmp"))


@sync
async def test_export_to_unwritable_path_says_so(seed_db, tmp_path):
    app = ZgcApp(seed_db)
    bad = tmp_path / "no" / "such" / "dir" / "x.csv"
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        app.pane().post_message(ExportView(app.pane().current, str(bad)))
        await until(pilot, lambda: any("could not write" in n.message and "nothing was written" in n.message
                                       for n in app._notifications), "the export's failure notice")
    assert not bad.exists()


@sync
async def test_copy_row(seed_db):
    app = ZgcApp(seed_db)
    copied = []
    app.copy_to_clipboard = copied.append
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("y")
        row = app.pane().table.current_row
        header, values = copied[0].split("\n")
        assert header.split("\t")[0] == "id" and values.split("\t")[0] == str(row[0])


@sync
async def test_palette_finds_entities_and_articles(synthetic_db):
    app = ZgcApp(synthetic_db)
    async with app.run_test(size=SIZE):
        _, ents = app.find("清华")
        assert ents and ents[0][1] == "清华大学"


# ------------------------------------------------------------------ read-only, reload


@sync
async def test_session_leaves_catalog_bytes_unchanged(seed_db, tmp_path):
    before = hashlib.sha256(seed_db.read_bytes()).hexdigest()
    app = ZgcApp(seed_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        for key in ("2", "3", "4", "1"):
            await pilot.press(key)
            await settle(app, pilot)
        await type_filter(app, pilot, "中关村")
        await pilot.press("enter", "enter")
        await settle(app, pilot)
        await pilot.press("n", "escape")
        app.pane().post_message(ExportView(app.pane().current, str(tmp_path / "x.json")))
        await until(pilot, lambda: any("wrote" in n.message for n in app._notifications), "the export's notice")
    assert hashlib.sha256(seed_db.read_bytes()).hexdigest() == before
    assert not list(seed_db.parent.glob("*-journal")) and not list(seed_db.parent.glob("*-wal"))


@sync
async def test_rebuilt_catalog_offers_reload(synthetic_db, tmp_path):
    import os
    import shutil

    db = tmp_path / "c.db"
    shutil.copy(synthetic_db, db)
    app = ZgcApp(db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        n = app.pane().table.row_count
        from catalogs import make_catalog

        make_catalog(tmp_path / "new.db", articles=5)
        os.replace(tmp_path / "new.db", db)
        app._check_catalog()
        await until(pilot, lambda: any("ctrl+r" in n.message for n in app._notifications), "the rebuilt notice")
        assert app.pane().table.row_count == n  # still the old one
        await pilot.press("ctrl+r")
        await settle(app, pilot)
        assert app.pane().table.row_count == 5


# ------------------------------------------------------------------ small helpers


def test_fit_cuts_by_cells():
    assert fit("中关村科技园", 7) == "中关村…"
    assert fit("ab", 4, "right") == "  ab"
    assert fit("中关村", 6) == "中关村"


def test_wrap_by_cells():
    lines = wrap("中关村科技园区\n第二行", 6)
    assert lines == [(0, 3), (3, 6), (6, 7), (8, 11)]


def test_app_never_loads_jieba():
    import subprocess
    import sys

    code = "import sys, zgc.tui.app, zgc.tui.cli; print('jieba' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


@sync
async def test_command_palette_jumps_to_entity(synthetic_db):
    app = ZgcApp(synthetic_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("ctrl+p")
        await settle(app, pilot)
        await pilot.press(*"清华")
        from textual.command import CommandList

        await until(pilot, lambda: app.screen.query_one(CommandList).option_count > 0, "the palette's hits")
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, EntityScreen)
        assert app.screen.entity["name"] == "清华大学"


@sync
async def test_facet_value_adds_filter_term(synthetic_db):
    app = ZgcApp(synthetic_db, pane="metrics")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        pane = app.pane("metrics")
        await pilot.press("f")
        facets = pane.query_one(".facets")
        assert app.focused is facets
        await pilot.press("down", "enter")  # the first value under the first facet (unit)
        await settle(app, pilot)
        assert pane.filter_input.value.startswith("unit:")
        unit = pane.filter_input.value.split(":", 1)[1]
        rows = visible_rows(app, "metrics")
        assert rows and all(r[5] == unit for r in rows)


@sync
async def test_big_table_streams_and_scrolls_to_the_end(tmp_path):
    from catalogs import make_catalog

    db = make_catalog(tmp_path / "big.db", articles=20, metrics=30_000, events=20, entities=20)
    app = ZgcApp(db, pane="metrics")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        table = app.pane("metrics").table
        assert table.row_count == 30_000 and table.complete
        assert len(table._cache) < 1000  # only the rows in view were fetched
        await pilot.press("end")
        await settle(app, pilot)
        assert table.current_row[0] == 30_000
        await pilot.press("s")  # by value, largest first
        await settle(app, pilot)
        assert table.cursor_row == 0 and table.row_count == 30_000
        first, second = table.row(0), table.row(1)
        assert first[3] >= second[3]


def test_every_binding_has_an_id_and_is_in_help(seed_db):
    """Remappable and documented: each binding of the app, panes, widgets and screens has an id and help text."""
    app = ZgcApp(seed_db)
    sections = app.help_sections()
    bindings = [b for _, group in sections for b in group]
    assert len(bindings) > 30
    assert all(b.id for b in bindings), [b.key for b in bindings if not b.id]
    assert all(b.tooltip or b.description for b in bindings)
    ids = {b.id for b in bindings}
    assert {"app.quit", "pane.filter", "pane.export", "reader.next", "entity.switch", "timeline.policy"} <= ids


@sync
async def test_a_burst_of_keys_after_slash_never_quits(seed_db):
    """/q typed in one burst (a paste, a slow link): q must not reach the app's quit key."""
    from textual import events

    app = ZgcApp(seed_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        for key, character in (("slash", "/"), ("q", "q")):
            app.post_message(events.Key(key, character))
        await until(pilot, lambda: isinstance(app.focused, type(app.pane().filter_input)), "the filter's focus")
        await pilot.pause(0.2)
        assert app.is_running
