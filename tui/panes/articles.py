"""The Articles pane: full-text search over the article index, snippets in the detail."""
from __future__ import annotations

import sqlite3

from rich.text import Text
from zgc.db import query

from ..messages import OpenArticle
from ..widgets.lazy_table import Column, Row
from .base import Pane
from .format import cell


class ArticlesPane(Pane):
    PANE = "articles"
    TITLE = "Articles"
    SORTS = ("-date", "date", "title", "-metrics", "source")
    PLACEHOLDER = "? help · / search words · kind:policy pub:… year:2020 date:2020-01..2020-06"

    def columns(self) -> list[Column]:
        return [
            Column("Date", lambda r, p: cell(r.published), 10, sort="date"),
            Column("Title", lambda r, p: cell(r.title), 16, flex=3, want=24, sort="title"),
            Column("Publication", lambda r, p: cell(r.publication), 8, flex=1, priority=3, sort="publication"),
            Column("Kind", lambda r, p: cell(r.kind), 7, priority=5, sort="kind"),
            Column("Met", lambda r, p: str(r.n_metrics), 3, justify="right", priority=6, sort="metrics"),
            Column("Evt", lambda r, p: str(r.n_events), 3, justify="right", priority=6, sort="events"),
            Column("Ent", lambda r, p: str(r.n_entities), 3, justify="right", priority=6, sort="entities"),
        ]

    def load_detail(self, conn: sqlite3.Connection, row: Row) -> Text | None:
        art = query.article(conn, row.id)
        if art is None:
            return None
        words = self.current.words if self.current else ()
        text, marks = query.snippet(art["body"], words, 360)
        body = Text(text)
        for s, e in marks:
            body.stylize("bold reverse", s, e)
        meta = " · ".join(x for x in (art.get("publication"), art.get("published"), art.get("kind"),
                                       art.get("doc_number"), f"{art['chars']:,} chars") if x)
        return Text.assemble((art["title"], "bold"), "\n", (meta, "dim"), "\n", body)

    def open_row(self, row: Row) -> None:
        words = self.current.words if self.current else ()
        self.post_message(OpenArticle(row.id, words=words))
