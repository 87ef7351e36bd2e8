"""One entity: names, roles, every mention in its sentence, its figures and events, and who appears with it."""
from __future__ import annotations

import sqlite3
from typing import ClassVar

from rich.cells import cell_len
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static, TabbedContent, TabPane
from textual.widgets.option_list import Option
from zgc.db import query

from ..messages import OpenArticle, OpenEntity
from ..panes.format import clip


class EntityScreen(Screen):
    """Enter on a mention, figure or event opens the reader at its sentence; on a co-occurring entity, that
    entity. m / f / v show its mentions, its figures (metrics it owns) and its events (as actor)."""

    BINDINGS: ClassVar = [
        Binding("escape", "back", "Back", id="entity.back", tooltip="back to where you came from"),
        Binding("m", "show('mentions')", "Mentions", id="entity.mentions", tooltip="every mention, in its sentence"),
        Binding("f", "show('figures')", "Figures", id="entity.figures",
                tooltip="the figures whose owner (scope) it is"),
        Binding("v", "show('events')", "Events", id="entity.events", tooltip="the dated events it is the actor of"),
        Binding("tab", "switch", "List/related", show=True, id="entity.switch",
                tooltip="switch between the list and the related entities"),
        Binding("y", "copy", "Copy name", show=False, id="entity.copy", tooltip="copy the entity's name"),
    ]

    def __init__(self, conn: sqlite3.Connection, entity_id: int) -> None:
        super().__init__()
        self.conn = conn
        self.entity_id = entity_id

    def compose(self) -> ComposeResult:
        conn = self.conn
        ent = query.entity(conn, self.entity_id)
        self.entity = ent or {"name": "(entity not found)", "type": "", "aliases": [], "roles": [],
                              "n_mentions": 0, "n_articles": 0, "role": None}
        self.mentions = query.entity_mentions(conn, self.entity_id) if ent else []
        self.figures = query.entity_figures(conn, self.entity_id) if ent else []
        self.events = query.entity_events(conn, self.entity_id) if ent else []
        self.related = query.cooccurring(conn, self.entity_id, 30) if ent else []
        yield Static(self._header(), id="entity-header")
        with Horizontal(id="entity-body"):
            with TabbedContent(id="entity-lists"):
                with TabPane(f"Mentions ({len(self.mentions)})", id="tab-mentions"):
                    yield OptionList(*self._mention_options(), id="entity-mentions")
                with TabPane(f"Figures ({len(self.figures)})", id="tab-figures"):
                    yield OptionList(*self._figure_options(), id="entity-figures")
                with TabPane(f"Events ({len(self.events)})", id="tab-events"):
                    yield OptionList(*self._event_options(), id="entity-events")
            with Vertical(id="entity-related-box"):
                title = Text("Appears with (sentences·articles)", style="bold", no_wrap=True, overflow="ellipsis")
                yield Static(title, classes="section-title")
                yield OptionList(*self._related_options(), id="entity-related")
        yield Footer()

    def _related_options(self, width: int = 0) -> list[Option]:
        """One line each, counts first: a long name ends in … rather than wrapping the list away."""
        if not self.related:
            return [Option(Text("nobody else", style="dim"), disabled=True)]
        options = []
        for r in self.related:
            counts = f"{r.sentences}·{r.articles} "
            kind = f" {r.type}" if not width or width >= 22 else ""  # narrow: the name matters more
            room = width - cell_len(counts) - cell_len(kind)
            name = clip(r.name, room) if width and room > 2 else r.name
            options.append(Option(Text.assemble((counts, "dim"), name, (kind, "magenta")), id=str(r.id)))
        return options

    def on_resize(self) -> None:
        self.call_after_refresh(self._fit_related)

    def _fit_related(self) -> None:
        related = self.query_one("#entity-related", OptionList)
        width = related.scrollable_content_region.width - 1
        if width > 0 and self.related:
            at = related.highlighted
            related.clear_options()
            related.add_options(self._related_options(width))
            related.highlighted = at

    def _header(self) -> Text:
        e = self.entity
        lines = [Text.assemble((e["name"], "bold"), "  ", (e["type"], "bold magenta"),
                               f"   {e['n_mentions']:,} mentions in {e['n_articles']:,} articles")]
        if e["aliases"]:
            lines.append(Text.assemble(("also called: ", "dim"), "、".join(e["aliases"])))
        if e["roles"]:
            lines.append(Text.assemble(("roles: ", "dim"), "、".join(e["roles"])))
        return Text("\n").join(lines)

    def _mention_options(self) -> list[Option]:
        out = []
        for m in self.mentions:
            sentence = m["sentence"].replace("\n", " ")
            text = Text(sentence)
            s = m["start"] - m["sentence_start"]
            if 0 <= s < len(sentence):
                text.stylize("bold reverse #af87d7", s, min(len(sentence), m["end"] - m["sentence_start"]))
            head = Text(f"{m['published'] or ''}  {m['title']}", style="dim")
            out.append(Option(Text("\n").join([head, text]), id=str(len(out))))
        return out or [Option(Text("no mentions", style="dim"), disabled=True)]

    def _figure_options(self) -> list[Option]:
        out = []
        for f in self.figures:
            line = Text.assemble((f"{f['period'] or '—':<10} ", "cyan"), (f["text"], "bold #d7af5f"), "  ",
                                 f["subject"] or "?", (f"  {f['kind']}", "dim"))
            head = Text(f"{f['published'] or ''}  {f['title']}", style="dim")
            out.append(Option(Text("\n").join([line, head]), id=str(len(out))))
        return out or [Option(Text("no figures give it as their owner", style="dim"), disabled=True)]

    def _event_options(self) -> list[Option]:
        out = []
        for e in self.events:
            line = Text.assemble((f"{e['date']:<10} ", "cyan"), (e["action"] or "", "bold #5fafd7"), " ",
                                 f"《{e['document']}》" if e["document"] else e["summary"])
            head = Text(f"{e['published'] or ''}  {e['title']}", style="dim")
            out.append(Option(Text("\n").join([line, head]), id=str(len(out))))
        return out or [Option(Text("no dated events with it as the actor", style="dim"), disabled=True)]

    def on_mount(self) -> None:
        self.query_one("#entity-mentions", OptionList).focus()

    @on(OptionList.OptionSelected, "#entity-mentions, #entity-figures, #entity-events")
    def _open_item(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is None:
            return
        items = {"entity-mentions": self.mentions, "entity-figures": self.figures, "entity-events": self.events}
        item = items[event.option_list.id or ""][int(event.option.id)]
        self.post_message(OpenArticle(item["article_id"], at=(item["start"], item["end"])))

    def action_show(self, which: str) -> None:
        self.query_one("#entity-lists", TabbedContent).active = f"tab-{which}"
        self.query_one(f"#entity-{which}", OptionList).focus()

    @on(TabbedContent.TabActivated)
    def _focus_tab(self, event: TabbedContent.TabActivated) -> None:
        event.stop()  # the app's own tabs are the panes
        which = (event.pane.id or "tab-mentions").removeprefix("tab-")
        self.query_one(f"#entity-{which}", OptionList).focus()

    @on(OptionList.OptionSelected, "#entity-related")
    def _open_related(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is not None:
            self.post_message(OpenEntity(int(event.option.id)))

    def action_switch(self) -> None:
        related = self.query_one("#entity-related", OptionList)
        if related.has_focus:
            active = self.query_one("#entity-lists", TabbedContent).active or "tab-mentions"
            self.query_one(f"#entity-{active.removeprefix('tab-')}", OptionList).focus()
        else:
            related.focus()

    def action_copy(self) -> None:
        self.app.copy_to_clipboard(self.entity["name"])
        self.notify("copied the name", timeout=2)

    def action_back(self) -> None:
        self.app.pop_screen()
