"""One entity: names, roles, every mention in its sentence, and who else appears alongside."""
from __future__ import annotations

import sqlite3
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option
from zgc.db import query

from ..messages import OpenArticle, OpenEntity


class EntityScreen(Screen):
    """Enter on a mention opens the reader at its sentence; on a co-occurring entity, that entity."""

    BINDINGS: ClassVar = [
        Binding("escape", "back", "Back", id="entity.back", tooltip="back to where you came from"),
        Binding("tab", "switch", "Mentions/related", show=True, id="entity.switch",
                tooltip="switch between mentions and related entities"),
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
        self.related = query.cooccurring(conn, self.entity_id, 30) if ent else []
        yield Static(self._header(), id="entity-header")
        with Horizontal(id="entity-body"):
            with Vertical(id="entity-mentions-box"):
                yield Static(Text(f"Mentions ({len(self.mentions)})", style="bold"), classes="section-title")
                yield OptionList(*self._mention_options(), id="entity-mentions")
            with Vertical(id="entity-related-box"):
                yield Static(Text("Appears with", style="bold"), classes="section-title")
                yield OptionList(*[Option(Text.assemble(name, (f" {etype} ", "magenta"), (f"{n}", "dim")),
                                          id=str(eid)) for eid, name, etype, n in self.related]
                                 or [Option(Text("nobody else", style="dim"), disabled=True)],
                                 id="entity-related")
        yield Footer()

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

    def on_mount(self) -> None:
        self.query_one("#entity-mentions", OptionList).focus()

    @on(OptionList.OptionSelected, "#entity-mentions")
    def _open_mention(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is None:
            return
        m = self.mentions[int(event.option.id)]
        self.post_message(OpenArticle(m["article_id"], at=(m["start"], m["end"])))

    @on(OptionList.OptionSelected, "#entity-related")
    def _open_related(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is not None:
            self.post_message(OpenEntity(int(event.option.id)))

    def action_switch(self) -> None:
        a = self.query_one("#entity-mentions", OptionList)
        b = self.query_one("#entity-related", OptionList)
        (b if a.has_focus else a).focus()

    def action_copy(self) -> None:
        self.app.copy_to_clipboard(self.entity["name"])
        self.notify("copied the name", timeout=2)

    def action_back(self) -> None:
        self.app.pop_screen()
