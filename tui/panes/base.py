"""What the four panes share: filter line, lazy table, facet column, detail view, and the query workers.

A keystroke in the filter parses at once (errors show under the filter line),
then starts the query in a thread worker with its own read-only connection:
the first ids arrive and paint before the rest stream in. A keystroke within
DEBOUNCE of the last query start waits for the typing to pause; the first one
never waits. A superseded query is interrupted in SQLite and its results are
dropped by generation number.
"""
from __future__ import annotations

import re
import sqlite3
import threading
import time
from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.timer import Timer
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker
from zgc.db import query
from zgc.db.catalog import Pool

from ..messages import ExportView, FacetsShown, ResultsShown
from ..settings import FilterHistory
from ..widgets.detail import Detail
from ..widgets.facet_list import FacetList
from ..widgets.filter_input import FilterInput
from ..widgets.lazy_table import Column, LazyTable, Row
from .format import clip, query_label

DEBOUNCE = 0.08  # seconds: typing faster than this waits for the pause
DETAIL_DELAY = 0.02  # seconds: the detail view follows the cursor once it rests
PAINT_WAIT = 0.25  # seconds at most the query worker waits for its first page to be painted
STREAM_INTERVAL = 0.25  # seconds between updates of the row count while ids stream in
_SORT_TERM = re.compile(r"(?<!\S)sort:\S*")
FACET_SAMPLE = 5_000  # matches counted first: exact when fewer match, else an estimate shown at once
FACET_BUDGET = 0.25  # seconds those first counts may take
FACET_PATIENCE = 5.0  # seconds the exact counts may take after the estimate
FACET_WIDTH = 16  # cells for a facet line until the facet column has a size (the narrow one, in app.tcss)


class Pane(Vertical):
    """One browsing pane; subclasses give the columns, the detail and what Enter opens."""

    PANE: ClassVar[str] = ""
    TITLE: ClassVar[str] = ""
    SORTS: ClassVar[tuple[str, ...]] = ()
    PLACEHOLDER: ClassVar[str] = ""
    BINDINGS: ClassVar = [
        Binding("slash", "focus_filter", "Filter", id="pane.filter",
                tooltip="type in the filter line; it filters as you type"),
        Binding("s", "cycle_sort", "Sort", id="pane.sort",
                tooltip="next sort order, through every column (also: click a header; sort:NAME in the filter)"),
        Binding("e", "export", "Export", id="pane.export",
                tooltip="export the rows of the current view to CSV or JSON (by the file name's ending)"),
        Binding("y", "copy_row", "Copy", show=False, id="pane.copy",
                tooltip="copy the selected row, with a header line"),
        Binding("Y", "copy_source", "Copy sentence", show=False, id="pane.copy_source",
                tooltip="copy the row's sentence with its source (title, publication, date)"),
        Binding("f", "focus_facets", "Facets", show=False, id="pane.facets",
                tooltip="focus the facet column; Enter on a value adds it to the filter"),
    ]

    def __init__(self, conn: sqlite3.Connection, pool: Pool, initial_filter: str = "",
                 history: FilterHistory | None = None, eager: bool = True, **kwargs) -> None:
        super().__init__(**kwargs)
        # A pane not on screen at start waits until it is shown: five panes' first queries at once
        # would hold up the one the user sees (on a million rows, by most of a second).
        self.eager = eager
        self.queried = False
        self.conn = conn  # for the table's rows, on the event loop (a page of rows by id is a millisecond)
        self.pool = pool  # for the workers' queries
        self.initial_filter = initial_filter
        self.history = history or FilterHistory(None)
        self._recalled: int | None = None  # the history entry on the filter line while ↑/↓ step
        self._draft = ""  # what was typed before ↑ was first pressed
        self.sort: str | None = None
        self.current: query.Query | None = None
        self._generation = 0
        self._last_start = 0.0
        self._timer: Timer | None = None
        self._detail_timer: Timer | None = None
        self._started = 0.0
        self.total: int | None = None
        self.provisional = False  # the rows shown are a preview in index order while the sort runs
        self._facets_for = -1  # the generation whose facet counts are running or shown
        self._facets_shown: tuple[dict | None, str] | None = None
        self.facets_done = -1  # the generation whose final facet counts are shown
        self.detail_pending = False  # the cursor moved and its detail view is not shown yet

    def use_catalog(self, conn: sqlite3.Connection, pool: Pool) -> None:
        """Browse another catalog (a reload): drop the cached rows and run the filter again."""
        self.conn, self.pool = conn, pool
        self.table.clear_cache()
        if self.queried:
            self.refilter()

    # -------------------------------------------------------------- layout

    def columns(self) -> list[Column]:
        raise NotImplementedError

    def compose(self) -> ComposeResult:
        yield FilterInput(self.initial_filter, placeholder=self.PLACEHOLDER, id="filter", classes="filter")
        yield Static("", classes="filter-error")
        with Horizontal(classes="body"):
            with Vertical(classes="main"):
                yield LazyTable(self.columns(), self._fetch, classes="table")
                yield Static("", classes="status")
                yield from self.compose_detail()
            yield FacetList(classes="facets")

    def compose_detail(self) -> ComposeResult:
        yield Detail()

    @property
    def table(self) -> LazyTable:
        return self.query_one(LazyTable)

    @property
    def filter_input(self) -> FilterInput:
        return self.query_one(FilterInput)

    def _fetch(self, ids: Sequence[int]) -> list[Row]:
        return query.fetch_rows(self.conn, self.PANE, ids)

    def on_mount(self) -> None:
        if self.eager:
            self.refilter()

    def activate(self) -> None:
        """Run the first query of a pane that was not on screen at start (the app calls this on a switch)."""
        if not self.queried:
            self.refilter()

    def on_show(self) -> None:
        self.activate()

    @property
    def settled(self) -> bool:
        """The filter's complete results, final facet counts and the row's detail are all on screen (a pane
        never shown has nothing to wait for)."""
        if not self.queried:
            return True
        return (self.current is not None and self._timer is None and self.table.complete and not self.provisional
                and self.facets_done == self._generation and not self.detail_pending)

    @on(FilterInput.Left)
    @on(FacetList.Left)
    def _back_to_table(self, event) -> None:
        event.stop()
        if isinstance(event, FilterInput.Left):
            self._remember()
        self.table.focus()

    def _remember(self) -> None:
        self._recalled = None
        try:
            query.parse(self.filter_input.value, self.PANE)
        except query.FilterError:
            return  # only filters that worked are worth recalling
        self.history.add(self.PANE, self.filter_input.value)

    @on(FilterInput.Recall)
    def _recall(self, event: FilterInput.Recall) -> None:
        event.stop()
        items = self.history.of(self.PANE)
        if self._recalled is None:
            if event.step > 0 or not items:
                if event.step > 0:
                    self._remember()
                    self.table.focus()
                return
            self._draft, self._recalled = self.filter_input.value, len(items)
        self._recalled = max(0, self._recalled + event.step)
        if self._recalled >= len(items):
            self._recalled = None
            self.filter_input.value = self._draft
        else:
            self.filter_input.value = items[self._recalled]
        self.filter_input.cursor_position = len(self.filter_input.value)

    @on(FacetList.Resized)
    def _facets_resized(self, event: FacetList.Resized) -> None:
        event.stop()
        self.reshow_facets()

    # -------------------------------------------------------------- filtering

    @on(Input.Changed, "#filter")
    def _changed(self, event: Input.Changed) -> None:
        event.stop()
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        if time.monotonic() - self._last_start > DEBOUNCE:
            self.refilter()
        else:
            self._timer = self.set_timer(DEBOUNCE, self.refilter)

    def refilter(self) -> None:
        """Parse the filter and start its query (errors go under the filter line)."""
        self.queried = True
        self._timer = None
        error = self.query_one(".filter-error", Static)
        try:
            flt = query.parse(self.filter_input.value, self.PANE)
        except query.FilterError as err:
            error.update(Text("⚠ " + str(err)))
            error.add_class("-shown")
            self.filter_input.add_class("-invalid")
            return
        if error.has_class("-shown"):  # a layout change: only when the error goes away
            error.update("")
            error.remove_class("-shown")
            self.filter_input.remove_class("-invalid")
        self._last_start = time.monotonic()
        self._generation += 1
        self._started = time.perf_counter()
        # A sort: typed in the filter wins over the one chosen with s or a header click.
        self.run_query(flt, None if flt.sort else self.sort, self._generation)

    @work(exclusive=True, thread=True, group="query", exit_on_error=False)
    def run_query(self, flt: query.Filter, sort: str | None, generation: int) -> None:
        worker = get_current_worker()
        with self.pool.connection() as conn:
            try:
                q = query.compile_query(conn, flt, sort)
                first = True
                pending: list[int] = []
                sent = time.perf_counter()

                def preview(ids: list[int]) -> None:
                    if generation == self._generation:
                        self.app.call_from_thread(self._receive, generation, q, ids, True, provisional=True)

                # SQLite polls `stop` while it sorts or scans: a superseded query ends within a millisecond.
                for chunk in query.iter_ids(conn, q, stop=lambda: generation != self._generation,
                                            on_preview=preview):
                    if worker.is_cancelled or generation != self._generation:
                        return
                    if first:
                        # The rest of the ids wait until the screen has painted the first page: fetched
                        # meanwhile, they take the GIL from the paint once per row (a first paint of the
                        # whole screen at start-up takes far longer than one of a table).
                        on_screen = threading.Event()
                        self.app.call_from_thread(self._receive, generation, q, chunk, True, on_screen=on_screen)
                        on_screen.wait(PAINT_WAIT)
                        first = False
                        continue
                    pending.extend(chunk)
                    if time.perf_counter() - sent > STREAM_INTERVAL:
                        self.app.call_from_thread(self._receive, generation, q, pending, False)
                        pending, sent = [], time.perf_counter()
                if generation == self._generation:
                    self.app.call_from_thread(self._receive, generation, q, pending, first, True)
            except sqlite3.OperationalError as err:
                if "interrupt" not in str(err):
                    self.app.call_from_thread(self.notify, f"query failed: {err}", severity="error")

    def _receive(self, generation: int, q: query.Query, ids: list[int], reset: bool, done: bool = False,
                 provisional: bool = False, on_screen: threading.Event | None = None) -> None:
        """Show a query's ids: `reset` replaces the rows, else they are appended; a `provisional`
        page (matches in index order) stands in while a slow sort runs. `on_screen` is set once they
        are on screen."""
        if generation != self._generation:
            if on_screen is not None:
                on_screen.set()
            return
        table = self.table
        self.provisional = provisional
        if reset:
            self.current = q
            table.sorted_by = None if q.ranked else q.sort
            table.empty_message = "no rows match this filter" if q.filtered else "the catalog holds no rows here"
            table.set_ids(ids, complete=done and not provisional)
            if self._facets_for != generation:
                self._facets_for = generation
                self.run_facets(q, generation)
        else:
            table.extend(ids, complete=done)
        if done:
            self.total = table.row_count
        self._show_status()
        if reset or done:
            shown = ResultsShown(self.PANE, self.filter_input.value, generation, table.row_count,
                                 table.complete, provisional, self._started, tuple(ids[:query.FIRST_PAGE]))
            self.call_after_refresh(self._post_shown, shown, on_screen)

    def _post_shown(self, message: ResultsShown | FacetsShown, on_screen: threading.Event | None = None) -> None:
        # The table's own repaint is when the rows reached the screen; the refresh that runs this
        # callback may come later, after other widgets' work.
        painted = self.table.rendered_at
        message.shown = painted if isinstance(message, ResultsShown) and painted >= message.started \
            else time.perf_counter()
        self.post_message(message)
        if on_screen is not None:
            on_screen.set()

    def _show_status(self) -> None:
        table = self.table
        n = table.row_count
        q = self.current
        sort = q.sort if q else ""
        shown = "rank" if q and q.ranked else sort
        if self.provisional:
            self.query_one(".status", Static).update(
                Text.assemble((f"{n:,}+ rows…", "bold"), f" · first matches shown while sorting by {shown}",
                              style="dim"), layout=False)
            return
        count = f"{n:,} rows" if table.complete else f"{n:,}+ rows…"
        ms = (time.perf_counter() - self._started) * 1000 if table.complete else None
        took = f" · {ms:.0f} ms" if ms is not None and getattr(self.app, "SHOW_TIMINGS", True) else ""
        self.query_one(".status", Static).update(
            Text.assemble((count, "bold"), f" · sorted by {shown}{took}", style="dim"), layout=False)

    @work(exclusive=True, thread=True, group="facets", exit_on_error=False)
    def run_facets(self, q: query.Query, generation: int) -> None:
        """The counts of the first matches at once: exact when they were all; else shown as an
        estimate while the exact counts follow (up to FACET_PATIENCE)."""
        worker = get_current_worker()

        def stale() -> bool:
            return generation != self._generation or worker.is_cancelled

        def show(counts: dict | None, note: str = "") -> None:
            if generation == self._generation and not worker.is_cancelled:
                self.app.call_from_thread(self._facets_arrived, generation, counts, note)

        try:
            with self.pool.connection() as conn:
                counts, exact = query.first_facets(conn, q, FACET_SAMPLE, FACET_BUDGET, stop=stale)
                if stale():
                    return
                if exact:
                    show(counts)
                    return
                if counts is not None:
                    show(counts, f"first {FACET_SAMPLE:,} rows")
                exact_counts = query.facets(conn, q, FACET_PATIENCE, stop=stale)
                if exact_counts is not None or counts is None:
                    show(exact_counts)  # None: no counts at all, the pane says it gave up
        except sqlite3.Error:
            show(None)

    def reshow_facets(self) -> None:
        if self._facets_shown is not None:
            self._show_facets(*self._facets_shown)

    def _facets_arrived(self, generation: int, counts: dict | None, note: str) -> None:
        if generation != self._generation:
            return
        self._show_facets(counts, note)
        kind = "gave up" if counts is None else "estimate" if note else "exact"
        if kind != "estimate":
            self.facets_done = generation
        self.call_after_refresh(self._post_shown, FacetsShown(self.PANE, generation, kind))

    def _show_facets(self, counts: dict[str, list[tuple[str, int]]] | None, note: str = "") -> None:
        self._facets_shown = (counts, note)
        facets = self.query_one(FacetList)
        highlighted = facets.highlighted
        options: list[Option] = []
        if counts is None:
            options.append(Option(Text("too many rows to count\nin time; narrow the filter", style="dim"),
                                  disabled=True))
        else:
            if note:
                options.append(Option(Text(f"≈ {note}", style="dim italic"), disabled=True))
            for name, values in counts.items():
                options.append(Option(Text(self.facet_title(name), style="bold"), disabled=True))
                if not values:
                    options.append(Option(Text("  none", style="dim"), disabled=True))
                top = max((n for _, n in values), default=1)
                options.extend(Option(self.facet_line(name, value, n, top), id=f"{name}\x00{value}")
                               for value, n in values)
        # One replacement, not an option at a time: each addition would re-measure the list.
        facets.set_options(options)
        if facets.has_focus and highlighted is not None and highlighted < facets.option_count:
            facets.highlighted = highlighted  # the user is choosing a value: keep their place

    def facet_title(self, name: str) -> str:
        return name

    def facet_line(self, name: str, value: str, n: int, top: int) -> Text:
        label = query_label(name, value)
        if name == "year":
            bar = "█" * max(1, round(6 * n / top))
            return Text.assemble(f"{label} ", (f"{bar:<6}", "cyan"), f" {n:,}")
        # One line each, whatever the label: a wrapped line would make the list's height depend on
        # the width it had when the counts came in.
        count = f"{n:,}"
        # Room for the scrollbar whether or not it shows yet: it comes when the options overflow.
        facets = self.query_one(FacetList)
        width = facets.scrollable_content_region.width - (
            0 if facets.show_vertical_scrollbar else facets.styles.scrollbar_size_vertical)
        width = width if width > 0 else FACET_WIDTH
        return Text.assemble(clip(label, width - len(count) - 2), "  ", (count, "dim"))

    @on(OptionList.OptionSelected, ".facets")
    def _facet_chosen(self, event: OptionList.OptionSelected) -> None:
        if not event.option.id:
            return
        name, _, value = event.option.id.partition("\x00")
        term = facet_term(self.PANE, name, value)
        if term:
            current = self.filter_input.value.strip()
            self.filter_input.value = (current + " " + term).strip()
            self.table.focus()

    # -------------------------------------------------------------- detail

    @on(LazyTable.Highlighted)
    def _highlighted(self, event: LazyTable.Highlighted) -> None:
        # After the table has painted, and once for a burst of cursor moves (a held arrow key).
        if self._detail_timer is not None:
            self._detail_timer.stop()
        self.detail_pending = True
        self._detail_timer = self.set_timer(DETAIL_DELAY, self._detail_rested)

    def _detail_rested(self) -> None:
        row = self.table.current_row
        if row is None:
            self.workers.cancel_group(self, "detail")
            self._detail_loaded(None)
        else:
            self.run_detail(row)

    @work(exclusive=True, thread=True, group="detail", exit_on_error=False)
    def run_detail(self, row: Row) -> None:
        """Load the detail off the event loop: a slow lookup must never hold up typing or a repaint."""
        worker = get_current_worker()
        try:
            with self.pool.connection() as conn:
                data = self.load_detail(conn, row)
        except sqlite3.OperationalError:
            data = None
        if not worker.is_cancelled:
            self.app.call_from_thread(self._detail_loaded, data)

    @on(LazyTable.Selected)
    def _selected(self, event: LazyTable.Selected) -> None:
        if event.row is not None:
            self.open_row(event.row)

    def load_detail(self, conn: sqlite3.Connection, row: Row) -> object:
        """What the detail view shows for `row` (runs in a worker thread: no widgets here)."""
        raise NotImplementedError

    def _detail_loaded(self, data: object) -> None:
        self.show_detail(data)
        self.detail_pending = False

    def show_detail(self, data: object) -> None:
        """Put `load_detail`'s result (None: nothing selected) in the detail view."""
        self.query_one(Detail).show(data)

    def open_row(self, row: Row) -> None:
        raise NotImplementedError

    def row_values(self, row: Row) -> dict[str, object]:
        """The selected row as field → value, for copying and export."""
        return dict(zip(query.SPECS[self.PANE].row, row, strict=False))

    # -------------------------------------------------------------- actions

    def action_focus_filter(self) -> None:
        # At once, not after the queued events (as focus() would): keys typed right after / in one burst
        # (a paste, a fast typist, a slow link) must reach the filter, never the table's or app's keys (q).
        self.app.set_focus(self.filter_input)

    def action_focus_facets(self) -> None:
        self.query_one(FacetList).focus()

    def sort_names(self) -> list[str]:
        """The orders `s` steps through: the pane's usual ones, then every other column's."""
        names = list(self.SORTS)
        for c in self.table.columns:
            if c.sort and c.sort not in names and "-" + c.sort not in names:
                names.append(c.sort)
        return names

    def action_cycle_sort(self) -> None:
        current = self.current.sort if self.current else None
        names = self.sort_names()
        self.sort_by(names[(names.index(current) + 1) % len(names)] if current in names else names[0])

    @on(LazyTable.HeaderClicked)
    def _header_clicked(self, event: LazyTable.HeaderClicked) -> None:
        event.stop()
        name = event.column.sort or ""
        current = self.current.sort if self.current else None
        self.sort_by("-" + name if current == name else name)

    def sort_by(self, name: str) -> None:
        """Sort the rows by `name` (-name: descending); a sort: term in the filter is rewritten to it."""
        text = self.filter_input.value
        if _SORT_TERM.search(text):
            self.filter_input.value = _SORT_TERM.sub(f"sort:{name}", text, count=1)
        else:
            self.sort = name
            self.refilter()
        self.notify(f"sorted by {name}", timeout=2)

    def action_copy_row(self) -> None:
        row = self.table.current_row
        if row is None:
            self.notify("no row to copy", severity="warning")
            return
        values = self.row_values(row)
        # With a header line, so that it pastes into a spreadsheet as a table.
        self.app.copy_to_clipboard("\t".join(values) + "\n"
                                   + "\t".join("" if v is None else str(v) for v in values.values()))
        self.notify("copied the row with its header (tab-separated)", timeout=3)

    def action_copy_source(self) -> None:
        row = self.table.current_row
        found = query.sources(self.conn, self.PANE, [row.id]).get(row.id) if row is not None else None
        if not found:
            self.notify("this row has no sentence to copy", severity="warning")
            return
        title, published, publication, sentence = found
        source = "，".join(x for x in (f"《{title}》" if title else "", publication, published) if x)
        self.app.copy_to_clipboard(f"{sentence}（{source}）" if source else sentence)
        self.notify("copied the sentence with its source", timeout=3)

    def action_export(self) -> None:
        if self.current is None:
            return
        from ..screens.export import ExportScreen, default_export_path

        q = self.current

        def chosen(path: str | None) -> None:
            if path:
                self.post_message(ExportView(q, path))

        self.app.push_screen(ExportScreen(default_export_path(self.PANE), self.table.row_count), chosen)


def facet_term(pane: str, name: str, value: str) -> str | None:
    """The filter term that narrows the view to one facet value."""
    if name == "policy":
        return "policy:yes" if value == "policy" else "policy:no"
    field = {"publication": "pub"}.get(name, name)
    if field not in query.SPECS[pane].fields:
        return None
    return f'{field}:"{value}"' if (" " in value or not value) else f"{field}:{value}"
