"""Exporting the current view: ask for a path, write CSV or JSON atomically (temp file, then rename)."""
from __future__ import annotations

import contextlib
import csv
import json
import os
import sqlite3
import tempfile
import time
from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static
from zgc.db import query


def default_export_path(pane: str) -> str:
    return str(Path.cwd() / f"zgc-{pane}-{time.strftime('%Y%m%d-%H%M%S')}.csv")


def write_export(conn: sqlite3.Connection, q: query.Query, path: str | os.PathLike) -> tuple[Path, int]:
    """Write every row of `q` to `path` (.json → a JSON array of objects, else CSV); return (path, rows).

    The rows go to a temporary file in the same folder, renamed over `path` only
    when complete: a failure leaves nothing half-written. Raises OSError.
    """
    target = Path(path).expanduser().resolve()
    if target.is_dir():
        raise IsADirectoryError(21, "is a folder", str(target))
    fields = query.SPECS[q.pane].row
    with_source = q.pane in ("metrics", "timeline", "targets")
    if with_source:  # a figure or an event says little without the article and the sentence it came from
        fields = (*fields, *query.SOURCE_FIELDS)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    n = 0
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
            as_json = target.suffix.lower() == ".json"
            w = None if as_json else csv.writer(f)
            if as_json:
                f.write("[")
            else:
                w.writerow(fields)
            for row in _rows(conn, q, with_source):
                if as_json:
                    f.write(",\n " if n else "\n ")
                    f.write(json.dumps(dict(zip(fields, row, strict=True)), ensure_ascii=False))
                else:
                    w.writerow(row)
                n += 1
            if as_json:
                f.write("\n]\n")
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return target, n


def _rows(conn: sqlite3.Connection, q: query.Query, with_source: bool):
    """The query's rows, each with its source when asked, a batch of ids at a time."""
    batch: list[tuple] = []
    blank = (None,) * len(query.SOURCE_FIELDS)

    def flush():
        found = query.sources(conn, q.pane, [r[0] for r in batch]) if with_source else {}
        for r in batch:
            yield (*r, *found.get(r[0], blank)) if with_source else r
        batch.clear()

    for row in query.iter_rows(conn, q):
        batch.append(row)
        if len(batch) >= 2000:
            yield from flush()
    yield from flush()


class ExportScreen(ModalScreen[str | None]):
    """Asks where to write; the ending (.csv or .json) picks the format."""

    BINDINGS: ClassVar = [Binding("escape", "cancel", "Cancel", id="export.cancel")]

    def __init__(self, default: str, rows: int) -> None:
        super().__init__()
        self.default = default
        self.rows = rows
        self._confirmed: str | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="export"):
            yield Static(f"Export the {self.rows:,} rows of this view. File (.csv or .json):", classes="export-title")
            yield Input(self.default, id="export-path")
            yield Static("Enter writes · Escape cancels", classes="export-hint")

    def on_mount(self) -> None:
        # All selected: Enter takes the default, typing replaces it.
        self.query_one(Input).focus()

    @on(Input.Submitted)
    def _submit(self, event: Input.Submitted) -> None:
        value = event.value.strip()
        if value and value != self._confirmed and Path(value).expanduser().is_file():
            # Asked once: Enter again on the same name overwrites it; any other name is written at once.
            self._confirmed = value
            hint = self.query_one(".export-hint", Static)
            hint.update(f"{value} exists: Enter again to overwrite it, or type another name · Escape cancels")
            hint.add_class("-warning")
            return
        self.dismiss(value or None)

    def action_cancel(self) -> None:
        self.dismiss(None)
