"""Facet counts under a filter: the first matches' counts at once, the exact counts after them."""
from __future__ import annotations

import pytest
from catalogs import SUBJECTS, make_catalog
from pilot import settle, sync, until
from zgc.db import catalog, query
from zgc.tui.app import ZgcApp
from zgc.tui.messages import FacetsShown
from zgc.tui.panes import base

SIZE = (120, 40)


@pytest.fixture(scope="module")
def facets_db(tmp_path_factory):
    return make_catalog(tmp_path_factory.mktemp("facets") / "f.db", articles=10, metrics=2000, events=5,
                        entities=5)


def _option_texts(pane) -> list[str]:
    facets = pane.query_one(".facets")
    return [str(facets.get_option_at_index(i).prompt) for i in range(facets.option_count)]


async def _facets_for(facets_db, monkeypatch, sample: int, text: str) -> tuple[list[str], list[list[str]], int]:
    """Type `text` in the metrics pane with the first count capped at `sample` matches: the kinds
    of counts reported for it in order, the facet list as each showing of counts left it, and the
    number of rows matching."""
    monkeypatch.setattr(base, "FACET_SAMPLE", sample)
    shown: list[FacetsShown] = []
    lists: list[list[str]] = []
    show = base.Pane._show_facets

    def recording(pane, counts, note=""):
        show(pane, counts, note)
        if pane.PANE == "metrics" and pane.filter_input.value == text:
            lists.append(_option_texts(pane))

    monkeypatch.setattr(base.Pane, "_show_facets", recording)

    def hook(message) -> None:
        if isinstance(message, FacetsShown) and message.pane == "metrics" and message not in shown:
            shown.append(message)

    app = ZgcApp(facets_db, pane="metrics")
    async with app.run_test(size=SIZE, message_hook=hook) as pilot:
        await settle(pilot)
        before = app.pane("metrics")._generation
        pane = app.pane("metrics")
        pane.filter_input.focus()
        pane.filter_input.insert_text_at_cursor(text)
        await until(pilot, lambda: pane._generation > before, "the filter's query to start")
        await settle(pilot)
        generation = pane._generation
        conn = catalog.connect(facets_db)
        try:
            n = query.count(conn, query.build(conn, text, "metrics"))
        finally:
            conn.close()
        return [m.kind for m in shown if m.generation == generation], lists, n


@sync
async def test_many_matches_show_an_estimate_then_the_exact_counts(facets_db, monkeypatch):
    kinds, lists, n = await _facets_for(facets_db, monkeypatch, 20, SUBJECTS[0])
    assert n > 20
    assert kinds == ["estimate", "exact"]
    first, final = lists
    assert first[0] == "≈ first 20 rows"
    assert not any(t.startswith("≈") for t in final)
    assert first != final


@sync
async def test_few_matches_are_counted_exactly_at_once(facets_db, monkeypatch):
    kinds, lists, n = await _facets_for(facets_db, monkeypatch, 100_000, SUBJECTS[0])
    assert 0 < n < 100_000
    assert kinds == ["exact"]
    assert len(lists) == 1 and not any(t.startswith("≈") for t in lists[0])
