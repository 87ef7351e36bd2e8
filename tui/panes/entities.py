"""The Entities pane: people, bodies, companies, places… with their mention counts."""
from __future__ import annotations

import sqlite3

from rich.text import Text
from zgc.db import query

from ..messages import OpenEntity
from ..widgets.lazy_table import Column, Row
from .base import Pane
from .format import cell


class EntitiesPane(Pane):
    PANE = "entities"
    TITLE = "Entities"
    SORTS = ("-mentions", "-articles", "name", "type")
    PLACEHOLDER = "? help · / name characters · type:gov role:主任 mentions>5"

    def columns(self) -> list[Column]:
        return [
            Column("Name", lambda r, p: cell(r.name), 12, flex=3, sort="name"),
            Column("Type", lambda r, p: cell(r.type), 10, sort="type"),
            Column("Role", lambda r, p: cell(r.role), 6, flex=2, sort="role"),
            Column("Mentions", lambda r, p: f"{r.n_mentions:,}", 8, justify="right", sort="mentions"),
            Column("Articles", lambda r, p: f"{r.n_articles:,}", 8, justify="right", sort="articles"),
        ]

    def load_detail(self, conn: sqlite3.Connection, row: Row) -> Text | None:
        ent = query.entity(conn, row.id)
        if ent is None:
            return None
        co = query.cooccurring(conn, row.id, 8, mentions=60)
        lines = [Text.assemble((ent["name"], "bold"), "  ", (ent["type"], "magenta"),
                               f"  {ent['n_mentions']:,} mentions in {ent['n_articles']:,} articles")]
        if ent["aliases"]:
            lines.append(Text.assemble(("also: ", "dim"), "、".join(ent["aliases"])))
        if ent["roles"]:
            lines.append(Text.assemble(("roles: ", "dim"), "、".join(ent["roles"])))
        if co:
            lines.append(Text.assemble(("with (sentences shared): ", "dim"),
                                       "  ".join(f"{r.name} ({r.sentences})" for r in co)))
        lines.append(Text("Enter: every mention, with its sentence", style="dim italic"))
        return Text("\n").join(lines)

    def open_row(self, row: Row) -> None:
        self.post_message(OpenEntity(row.id))
