"""The Entities pane: people, bodies, companies, places… with their mention counts."""
from __future__ import annotations

import sqlite3

from rich.text import Text
from zgc.db import query

from .lazy_table import Column, Row
from .pane import Pane


def _s(v: object) -> str:
    return "" if v is None else str(v)


class EntitiesPane(Pane):
    PANE = "entities"
    TITLE = "Entities"
    SORTS = ("-mentions", "-articles", "name", "type")
    PLACEHOLDER = "/ name characters · type:gov role:主任 mentions>5 · ? help"

    def columns(self) -> list[Column]:
        return [
            Column("Name", lambda r, p: _s(r[1]), 12, flex=3),
            Column("Type", lambda r, p: _s(r[2]), 10),
            Column("Role", lambda r, p: _s(r[3]), 6, flex=2),
            Column("Mentions", lambda r, p: f"{r[4]:,}", 8, justify="right"),
            Column("Articles", lambda r, p: f"{r[5]:,}", 8, justify="right"),
        ]

    def load_detail(self, conn: sqlite3.Connection, row: Row) -> Text | None:
        ent = query.entity(conn, row[0])
        if ent is None:
            return None
        co = query.cooccurring(conn, row[0], 8)
        lines = [Text.assemble((ent["name"], "bold"), "  ", (ent["type"], "magenta"),
                               f"  {ent['n_mentions']:,} mentions in {ent['n_articles']:,} articles")]
        if ent["aliases"]:
            lines.append(Text.assemble(("also: ", "dim"), "、".join(ent["aliases"])))
        if ent["roles"]:
            lines.append(Text.assemble(("roles: ", "dim"), "、".join(ent["roles"])))
        if co:
            lines.append(Text.assemble(("with: ", "dim"), "  ".join(f"{n} ({k})" for _, n, _, k in co)))
        lines.append(Text("Enter: every mention, with its sentence", style="dim italic"))
        return Text("\n").join(lines)

    def open_row(self, row: Row) -> None:
        self.zapp.open_entity(row[0])
