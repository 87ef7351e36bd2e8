"""Keys the user owns: a keymap file remaps any binding by its id; ↑/↓ in the filter line recall the pane's
earlier filters, this session and the next."""
from __future__ import annotations

from pilot import settle, sync, until
from zgc.tui.app import ZgcApp
from zgc.tui.screens.help import HelpScreen, key_rows

SIZE = (120, 40)


@sync
async def test_a_keymap_file_moves_a_binding_to_another_key(seed_db, tmp_path):
    keymap = tmp_path / "keymap.toml"
    keymap.write_text('[keys]\n"pane.sort" = "o"\n"app.help" = "f1"\n', encoding="utf-8")
    app = ZgcApp(seed_db, pane="metrics", keymap_path=keymap, history_path=tmp_path / "h.json")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        pane = app.pane("metrics")
        pane.table.focus()
        before = pane.current.sort
        await pilot.press("o")
        await until(pilot, lambda: pane.current.sort != before, "the sort o now asks for")
        await pilot.press("f1")
        await until(pilot, lambda: isinstance(app.screen, HelpScreen), "the help, on its new key")
        rows = dict((what, keys) for _, bindings in app.help_sections()
                    for keys, what, _ in key_rows(bindings, lambda b: b.key))
        assert rows[next(w for w in rows if w.startswith("next sort order"))] == "o"  # help shows the keys as mapped


@sync
async def test_a_bad_keymap_is_reported_and_the_defaults_stay(seed_db, tmp_path):
    keymap = tmp_path / "keymap.toml"
    keymap.write_text('"no.such.binding" = "x"\n"pane.sort" = \n', encoding="utf-8")
    app = ZgcApp(seed_db, pane="metrics", keymap_path=keymap, history_path=tmp_path / "h.json")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert any(str(keymap) in n.message and "cannot be read" in n.message for n in app._notifications)
        pane = app.pane("metrics")
        pane.table.focus()
        before = pane.current.sort
        await pilot.press("s")
        await until(pilot, lambda: pane.current.sort != before, "the sort s still asks for")


@sync
async def test_an_unknown_binding_id_is_named(seed_db, tmp_path):
    keymap = tmp_path / "keymap.toml"
    keymap.write_text('"pane.sortt" = "o"\n', encoding="utf-8")
    app = ZgcApp(seed_db, keymap_path=keymap, history_path=tmp_path / "h.json")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert any("pane.sortt" in n.message for n in app._notifications)


async def _type_and_leave(app, pilot, pane, text: str) -> None:
    await pilot.press("slash", "ctrl+u", *text, "enter")
    await settle(pilot)


@sync
async def test_up_recalls_earlier_filters_and_down_comes_back(seed_db, tmp_path):
    history = tmp_path / "history.json"
    app = ZgcApp(seed_db, pane="metrics", history_path=history, keymap_path=tmp_path / "none.toml")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        pane = app.pane("metrics")
        await _type_and_leave(app, pilot, pane, "kind:target")
        await _type_and_leave(app, pilot, pane, "unit:%")
        await _type_and_leave(app, pilot, pane, "kind:oops")  # refused: not kept
        await pilot.press("slash", "ctrl+u", *"draft")
        line = pane.filter_input

        async def press(key: str, value: str, why: str) -> None:
            await pilot.press(key)
            await until(pilot, lambda: line.value == value, why)

        await press("up", "unit:%", "the newest filter")
        await press("up", "kind:target", "the one before")
        await pilot.press("up")  # the oldest stays
        await until(pilot, lambda: pane._recalled == 0, "the oldest entry")
        assert line.value == "kind:target"
        await press("down", "unit:%", "forward again")
        await press("down", "draft", "back to what was being typed")
        await pilot.press("down")
        await until(pilot, lambda: pane.table.has_focus, "the table, past the newest")
    # and the next session has them
    again = ZgcApp(seed_db, pane="metrics", history_path=history, keymap_path=tmp_path / "none.toml")
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        pane = again.pane("metrics")
        await pilot.press("slash", "up")
        await until(pilot, lambda: pane.filter_input.value == "draft", "the last session's newest filter")
        await pilot.press("up")
        await until(pilot, lambda: pane.filter_input.value == "unit:%", "and the one before it")
        assert again.pane("articles").history.of("articles") == []  # each pane its own
