"""Exports and copies that carry where a figure was read: the article's title and date, and the sentence;
a file that exists is overwritten only when asked twice."""
from __future__ import annotations

import csv
import sqlite3

from pilot import settle, sync, until
from zgc.tui.app import ZgcApp
from zgc.tui.screens.export import ExportScreen

SIZE = (120, 40)


async def export_to(app, pilot, path) -> None:
    app.pane().table.focus()
    await pilot.press("e")
    await until(pilot, lambda: isinstance(app.screen, ExportScreen) and app.screen.query("#export-path"), "export")
    app.screen.query_one("#export-path").value = str(path)
    await pilot.press("enter")


@sync
async def test_a_metrics_export_carries_the_article_and_the_sentence(seed_db, tmp_path):
    target = tmp_path / "figures.csv"
    app = ZgcApp(seed_db, pane="metrics", filter_text="kind:target")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await export_to(app, pilot, target)
        await until(pilot, lambda: any("wrote" in n.message for n in app._notifications), "the export's notice")
    with open(target, encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    with sqlite3.connect(seed_db) as conn:
        want = {str(i): (t, s) for i, t, s in conn.execute(
            "SELECT id, article_title, sentence FROM metrics_view WHERE kind = 'target'")}
    assert rows and {"article_title", "published", "publication", "sentence"} <= set(rows[0])
    for r in rows:
        title, sentence = want[r["id"]]
        assert r["article_title"] == title and r["text"] in r["sentence"]
        assert r["sentence"].replace(" ", "") in sentence.replace("\n", "").replace(" ", "")


@sync
async def test_an_existing_file_is_overwritten_only_on_a_second_enter(seed_db, tmp_path):
    target = tmp_path / "events.csv"
    target.write_text("keep me\n", encoding="utf-8")
    app = ZgcApp(seed_db, pane="timeline")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await export_to(app, pilot, target)
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)  # asked, not written
        assert "exists" in str(app.screen.query_one(".export-hint").render())
        assert target.read_text(encoding="utf-8") == "keep me\n"
        await pilot.press("enter")
        await until(pilot, lambda: any("wrote" in n.message for n in app._notifications), "the export's notice")
    assert target.read_text(encoding="utf-8").startswith("id,")


@sync
async def test_shift_y_copies_the_sentence_with_its_source(seed_db):
    app = ZgcApp(seed_db, pane="metrics")
    copied: list[str] = []
    app.copy_to_clipboard = copied.append
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.pane().table.focus()
        await pilot.press("Y")
        row = app.pane().table.current_row
        with sqlite3.connect(seed_db) as conn:
            title, published = conn.execute("SELECT article_title, article_published FROM metrics_view WHERE id = ?",
                                            (row.id,)).fetchone()
        assert copied and row.text in copied[0] and f"《{title}》" in copied[0] and published in copied[0]
