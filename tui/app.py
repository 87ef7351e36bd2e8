"""The zgc browser: five panes over one read-only catalog, a reader, an entity view and a series view."""
from __future__ import annotations

import asyncio
import gc
import sqlite3
from collections.abc import Iterable
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import ClassVar

from textual import events, work
from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.screen import Screen
from textual.widget import AwaitMount
from textual.widgets import Footer, Input, TabbedContent, TabPane
from zgc.db import catalog, query

from . import settings
from .messages import ExportView, OpenArticle, OpenEntity, OpenSeries, ResultsShown
from .panes.articles import ArticlesPane
from .panes.base import Pane
from .panes.entities import EntitiesPane
from .panes.metrics import MetricsPane
from .panes.targets import TargetsPane
from .panes.timeline import TimelinePane

PANES: dict[str, type[Pane]] = {
    "articles": ArticlesPane, "entities": EntitiesPane, "metrics": MetricsPane, "timeline": TimelinePane,
    "targets": TargetsPane,
}


class CatalogCommands(Provider):
    """Jump to an article by title or an entity by name."""

    async def search(self, text: str) -> Hits:
        app = self.app
        if not isinstance(app, ZgcApp) or not text.strip():
            return
        articles, entities = await asyncio.to_thread(app.find, text)
        matcher = self.matcher(text)
        for eid, name, etype in entities:
            label = f"entity: {name} ({etype})"
            yield Hit(max(matcher.match(label), 0.6), matcher.highlight(label), partial(app.open_entity, eid),
                      text=label, help="open the entity")
        for aid, title, published in articles:
            label = f"article: {title} {published or ''}"
            yield Hit(max(matcher.match(label), 0.5), matcher.highlight(label), partial(app.open_article, aid),
                      text=label, help="open in the reader")

    async def discover(self) -> Hits:
        app = self.app
        if not isinstance(app, ZgcApp):
            return
        for name, cls in PANES.items():
            yield DiscoveryHit(f"pane: {cls.TITLE}", partial(app.action_show_pane, name), help=f"switch to {name}")


class ZgcApp(App):
    """Browse a zgc catalog."""

    TITLE = "zgc"
    AUTO_FOCUS = None  # not the tab bar: the start pane's table takes the focus (and the keys) at mount
    SHOW_TIMINGS = True  # off in snapshot tests, whose screens must not vary
    CSS_PATH = Path(__file__).with_name("app.tcss")  # absolute, so subclasses elsewhere find it
    COMMANDS = App.COMMANDS | {CatalogCommands}
    HORIZONTAL_BREAKPOINTS: ClassVar = [(0, "-narrow"), (96, "-wide")]
    BINDINGS: ClassVar = [
        Binding("1", "show_pane('articles')", "Articles", show=False, id="app.articles", tooltip="the Articles pane"),
        Binding("2", "show_pane('entities')", "Entities", show=False, id="app.entities", tooltip="the Entities pane"),
        Binding("3", "show_pane('metrics')", "Metrics", show=False, id="app.metrics", tooltip="the Metrics pane"),
        Binding("4", "show_pane('timeline')", "Timeline", show=False, id="app.timeline", tooltip="the Timeline pane"),
        Binding("5", "show_pane('targets')", "Targets", show=False, id="app.targets", tooltip="the Targets pane"),
        Binding("escape", "back", "Back", show=False, id="app.back",
                tooltip="go back (reader → list, entity → reader, pane → previous pane)"),
        Binding("question_mark", "help", "Help", id="app.help", tooltip="this help"),
        Binding("q", "quit", "Quit", id="app.quit", tooltip="quit (when the filter line is not being typed in)"),
        Binding("ctrl+q", "quit", "Quit", show=False, priority=True, id="app.quit_anywhere", tooltip="quit, anywhere"),
        Binding("ctrl+r", "reload", "Reload", show=False, id="app.reload",
                tooltip="reload the catalog after a rebuild"),
    ]

    def __init__(self, db_path: Path, pane: str = "articles", filter_text: str = "", *,
                 keymap_path: Path | None = None, history_path: Path | None = None) -> None:
        super().__init__()
        self.keymap_path = keymap_path or settings.config_dir() / "keymap.toml"
        self.filter_history = settings.FilterHistory(history_path or settings.state_dir() / "history.json")
        self.db_path = Path(db_path)
        self.start_pane = pane if pane in PANES else "articles"
        self.start_filter = filter_text
        self.conn = catalog.connect(self.db_path)
        self.pool = catalog.Pool(self.db_path)
        self.identity = catalog.identity(self.db_path)
        self.history: list[str] = []  # panes left by following a link, for Escape to retrace
        self.keymap: dict[str, str] = {}  # binding id → keys, from the user's keymap file
        self.timings: dict[str, float] = {}  # seconds: what start-up took (validate_s), for the benchmark
        self._mounting: dict[str, AwaitMount] = {}  # the panes mounted after the start pane's first rows
        self._told_rebuilt = False
        self.sub_title = str(self.db_path)

    # -------------------------------------------------------------- layout

    def compose(self) -> ComposeResult:
        # Only the start pane at first: styling the other four's widgets would double the time to the
        # first rows. They are mounted once those rows are on screen, one sooner when asked for (ensure_pane).
        with TabbedContent(initial=self.start_pane, id="panes"):
            for i, (name, cls) in enumerate(PANES.items(), 1):
                with TabPane(f"{i} {cls.TITLE}", id=name):
                    if name == self.start_pane:
                        yield self._new_pane(name)
        yield Footer()

    def _new_pane(self, name: str) -> Pane:
        start = name == self.start_pane
        return PANES[name](self.conn, self.pool, self.start_filter if start else "", history=self.filter_history,
                           eager=start, id=f"{name}-pane")

    async def ensure_pane(self, name: str) -> Pane:
        """The pane `name`, mounted now if it was not yet."""
        main = self.main_screen
        if name not in self._mounting and not main.query(f"#{name}-pane"):
            self._mounting[name] = main.query_one(f"#{name}", TabPane).mount(self._new_pane(name))
        if name in self._mounting:
            await self._mounting[name]
        return self.pane(name)

    async def _mount_other_panes(self) -> None:
        for name in PANES:
            if not self.is_running or not self.screen_stack:
                return  # closing: nothing left to mount into
            await self.ensure_pane(name)
        # Imported in the idle after start (not at it, where they cost a third of the time to the first
        # rows), so that the first article, entity or series opens as fast as the next.
        from .screens import entity, reader, series  # noqa: F401
        gc.freeze()  # their widget trees too, like the start-up garbage (on_mount)

    def on_results_shown(self, message: ResultsShown) -> None:
        if len(self._mounting) < len(PANES) - 1:
            self.call_after_refresh(self._mount_other_panes)

    def on_key(self, event: events.Key) -> None:
        # A key that reaches the app while a text line has the focus was sent elsewhere before the focus
        # moved: the table had it when / and the keys after it came in one read (a fast typist, a paste,
        # a slow link). The line would have stopped it had it been the line's; the line takes it now.
        focused = self.focused
        if isinstance(focused, Input) and event.is_printable:
            event.stop()
            focused.post_message(events.Key(event.key, event.character))

    def on_mount(self) -> None:
        if self.keymap_path.exists():  # the binding ids import every screen: not for a start without a keymap
            self._load_keymap()
        self.set_interval(2.0, self._check_catalog)
        # The other panes come once the start pane's rows are on screen (on_results_shown), or after
        # a second if its filter shows none.
        self.set_timer(1.0, self._mount_other_panes)
        # Start-up garbage (Textual's CSS, widget trees) never dies: freezing it keeps the
        # collector's full passes, which pause 25-40 ms, off the keystroke path.
        self.call_after_refresh(gc.freeze)
        self._focus_start()

    def _load_keymap(self) -> None:
        known = {b.id for _, bindings in self.help_sections() for b in bindings if b.id}
        keymap, problems = settings.load_keymap(self.keymap_path, known)
        if keymap:
            self.keymap = keymap
            self.set_keymap(keymap)
        for problem in problems:
            self.notify(problem, title="keymap", severity="warning", timeout=10)

    def _focus_start(self) -> None:
        # The table, at once: keys typed as the tabs appear (3, or / and a word) go where they would later.
        self.set_focus(self.pane().table)

    @property
    def main_screen(self) -> Screen:
        """The panes' screen, whatever screen (reader, entity, series) is on top of it."""
        return self.screen_stack[0]

    def pane(self, name: str | None = None) -> Pane:
        return self.main_screen.query_one(f"#{name or self.active_pane}-pane", Pane)

    @property
    def active_pane(self) -> str:
        return self.main_screen.query_one(TabbedContent).active

    # -------------------------------------------------------------- navigation

    async def action_show_pane(self, name: str) -> None:
        await self.ensure_pane(name)
        while len(self.screen_stack) > 1:
            self.pop_screen()
        tabs = self.query_one(TabbedContent)
        if tabs.active != name:
            tabs.active = name  # a switch, not a link: Escape does not undo it
        self.pane(name).activate()
        # At once (not after the next frame): the keys typed right after 3 (/ and a word, in one burst or
        # in the first second after start) must reach this pane, not the one left.
        self.set_focus(self.pane(name).table)

    async def on_tabbed_content_tab_activated(self, event: TabbedContent.TabActivated) -> None:
        pane = event.pane.id
        if pane:
            (await self.ensure_pane(pane)).activate()  # a tab clicked
        # The start tab's activation arrives after the first keys: by then 1 may have moved on.
        if pane and pane == self.active_pane and not isinstance(self.focused, Input):
            self.set_focus(self.pane(pane).table)

    async def action_back(self) -> None:
        if len(self.screen_stack) > 1:
            self.pop_screen()
        elif self.history:
            name = self.history.pop()
            self.query_one(TabbedContent).active = name
            self.call_after_refresh((await self.ensure_pane(name)).table.focus)
        else:
            self.notify("nothing to go back to: Escape retraces the links you followed; 1–5 switch panes",
                        timeout=3)

    def open_article(self, article_id: int, at: tuple[int, int] | None = None, words: tuple[str, ...] = ()) -> None:
        from .screens.reader import ReaderScreen

        self.push_screen(ReaderScreen(self.conn, article_id, at, words))

    def open_entity(self, entity_id: int) -> None:
        from .screens.entity import EntityScreen

        self.push_screen(EntityScreen(self.conn, entity_id))

    def on_open_article(self, message: OpenArticle) -> None:
        self.open_article(message.article_id, message.at, message.words)

    def on_open_entity(self, message: OpenEntity) -> None:
        self.open_entity(message.entity_id)

    def on_open_series(self, message: OpenSeries) -> None:
        from .screens.series import SeriesScreen

        self.push_screen(SeriesScreen(self.conn, message.series_id))

    def on_export_view(self, message: ExportView) -> None:
        self._export(message.query, message.path)

    def action_help(self) -> None:
        from .screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.help_sections()))

    def help_sections(self) -> list[tuple[str, list[Binding]]]:
        """Every binding of the app, its panes and screens, by where it works."""
        from .screens.entity import EntityScreen
        from .screens.reader import ArticleText, ReaderScreen
        from .screens.series import SeriesScreen
        from .widgets.facet_list import FacetList
        from .widgets.filter_input import FilterInput
        from .widgets.lazy_table import LazyTable

        palette = Binding(self.COMMAND_PALETTE_BINDING, "command_palette", "Palette", id="app.palette",
                          tooltip="command palette: any action, any article by title, any entity by name")
        sections = [
            ("Anywhere", [*self.BINDINGS, palette]),
            ("Panes", [*Pane.BINDINGS, *MetricsPane.BINDINGS, *TimelinePane.BINDINGS, *LazyTable.BINDINGS]),
            ("Filter line and facets", [*FilterInput.BINDINGS, *FacetList.BINDINGS]),
            ("Reader", [*ReaderScreen.BINDINGS, *ArticleText.BINDINGS]),
            ("Entity", list(EntityScreen.BINDINGS)),
            ("Series", list(SeriesScreen.BINDINGS)),
        ]
        # As the keys are now, the user's keymap applied.
        return [(title, [replace(b, key=self.keymap.get(b.id or "", b.key)) for b in bindings])
                for title, bindings in sections]

    # -------------------------------------------------------------- data

    def find(self, text: str) -> tuple[list, list]:
        """Articles by title and entities by name, for the command palette (runs in a thread)."""
        try:
            with self.pool.connection() as conn:
                return query.find_articles(conn, text, 8), query.find_entities(conn, text, 8)
        except sqlite3.Error:
            return [], []

    @work(thread=True, group="export", exit_on_error=False)
    def _export(self, q: query.Query, path: str) -> None:
        from .screens.export import write_export

        try:
            with self.pool.connection() as conn:
                target, n = write_export(conn, q, path)
        except OSError as err:
            reason = err.strerror or str(err)
            self.call_from_thread(self.notify, f"could not write {path}: {reason}; nothing was written",
                                  title="export failed", severity="error", timeout=8)
            return
        except sqlite3.Error as err:
            self.call_from_thread(self.notify, f"export failed: {err}", severity="error")
            return
        self.call_from_thread(self.notify, f"wrote {n:,} rows to {target}", title="exported", timeout=8)

    def _check_catalog(self) -> None:
        now = catalog.identity(self.db_path)
        if now is not None and now != self.identity and not self._told_rebuilt:
            self._told_rebuilt = True
            self.notify("The catalog file changed (rebuilt?). You are still browsing the one opened; "
                        "press ctrl+r to load the new one.", title="catalog rebuilt", timeout=30)

    def action_reload(self) -> None:
        try:
            catalog.validate(self.db_path)
        except catalog.CatalogError as err:
            self.notify(str(err), title="cannot reload", severity="error", timeout=10)
            return
        old_conn, old_pool = self.conn, self.pool
        self.conn = catalog.connect(self.db_path)
        self.pool = catalog.Pool(self.db_path)
        self.identity = catalog.identity(self.db_path)
        self._told_rebuilt = False
        old_pool.close()
        old_conn.close()
        while len(self.screen_stack) > 1:
            self.pop_screen()
        for pane in self.query(Pane):  # one still to be mounted is made with the new connections
            pane.use_catalog(self.conn, self.pool)
        self.notify("reloaded the catalog", timeout=3)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        for name, cls in PANES.items():
            yield SystemCommand(f"Show {cls.TITLE}", f"switch to the {name} pane",
                                partial(self.action_show_pane, name))
        yield SystemCommand("Help: keys and filter syntax", "every key and filter field", self.action_help)
        yield SystemCommand("Export view", "write the current view's rows to CSV or JSON",
                            lambda: self.pane().action_export())
        yield SystemCommand("Copy row", "copy the selected row to the clipboard", lambda: self.pane().action_copy_row())
        yield SystemCommand("Next sort order", "sort the current view differently",
                            lambda: self.pane().action_cycle_sort())
        yield SystemCommand("Focus filter", "type a filter", lambda: self.pane().action_focus_filter())
        yield SystemCommand("Policy events only / all", "toggle policy:yes on the timeline",
                            self._toggle_policy)
        yield SystemCommand("Reload catalog", "open the catalog file again (after a rebuild)", self.action_reload)
        yield SystemCommand("Back", "go back", self.action_back)

    async def _toggle_policy(self) -> None:
        (await self.ensure_pane("timeline")).action_toggle_policy()

    def on_unmount(self) -> None:
        self.pool.close()
