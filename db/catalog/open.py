"""Opening a catalog for reading: read-only connections, validation, change detection.

The browser never writes: every connection is opened with a `mode=ro` URI and
`PRAGMA query_only=1`, and `trusted_schema=OFF` keeps a hostile file's views or
triggers from calling functions. A catalog replaced by a rebuild (`os.replace`)
keeps the old inode open for connections made before, so `identity` lets the
app notice the new file without losing the one it is showing.
"""
from __future__ import annotations

import os
import sqlite3
import threading
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from . import schema


class CatalogError(Exception):
    """The file cannot be browsed; the message says why and what to do."""


class OutdatedCatalog(CatalogError):
    """A catalog of an older schema; `meta` is its meta table (what it was built from)."""

    def __init__(self, message: str, meta: dict[str, str]) -> None:
        super().__init__(message)
        self.meta = meta


@dataclass(frozen=True)
class Identity:
    """Enough of a file's stat to tell that it was replaced or rewritten."""

    inode: int
    size: int
    mtime_ns: int


def identity(path: Path) -> Identity | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return Identity(st.st_ino, st.st_size, st.st_mtime_ns)


def _uri(path: Path) -> str:
    return "file:" + urllib.parse.quote(str(Path(path).resolve())) + "?mode=ro"


def connect(path: Path, *, check_same_thread: bool = True) -> sqlite3.Connection:
    """A read-only connection with the temporary helper tables the query layer uses."""
    conn = sqlite3.connect(_uri(path), uri=True, check_same_thread=check_same_thread)
    conn.execute("PRAGMA trusted_schema=OFF")
    # The vocabulary of the article index lives in the connection's temp schema (never the file):
    # the query layer segments search words against it instead of loading jieba into the app.
    conn.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.articles_vocab USING fts5vocab(main, articles_fts, row)")
    conn.execute("PRAGMA query_only=1")
    return conn


def validate(path: Path) -> dict[str, str]:
    """Check that `path` is a catalog this version can read; return its meta table."""
    path = Path(path)
    if not path.exists():
        raise CatalogError(f"{path}: no such file; build one with `zgc-build --db {path} FILES`")
    if path.is_dir():
        raise CatalogError(f"{path}: is a folder, not a catalog; give the path of a catalog file")
    try:
        with open(path, "rb") as f:
            head = f.read(16)
    except OSError as err:
        raise CatalogError(f"{path}: cannot read ({err.strerror}); check its permissions") from None
    if head != b"SQLite format 3\x00":
        raise CatalogError(f"{path}: not a zgc catalog (not an SQLite file); build one with `zgc-build --db PATH`")
    try:
        conn = sqlite3.connect(_uri(path), uri=True)
    except sqlite3.Error as err:
        raise CatalogError(f"{path}: cannot open ({err}); rebuild it with `zgc-build --db {path}`") from None
    try:
        conn.execute("PRAGMA trusted_schema=OFF")
        conn.execute("PRAGMA query_only=1")
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        missing = [t for t in schema.REQUIRED_TABLES if t not in names]
        if missing:
            raise CatalogError(
                f"{path}: not a zgc catalog (no table {missing[0]}); build one with `zgc-build --db PATH`")
        meta = dict(conn.execute("SELECT key, value FROM meta"))
        try:
            version = int(meta.get("schema_version", "0"))
        except ValueError:
            version = 0
        if version > schema.SCHEMA_VERSION:
            raise CatalogError(
                f"{path}: catalog schema {version} is newer than this zgc understands "
                f"({schema.SCHEMA_VERSION}); upgrade zgc or rebuild the catalog with this version's zgc-build")
        if version < 1:
            raise CatalogError(f"{path}: catalog has no schema version; rebuild it with `zgc-build --db {path}`")
        if version < schema.SCHEMA_VERSION:
            raise OutdatedCatalog(
                f"{path}: catalog schema {version} was built by an older zgc; rebuild it with `zgc-build --db {path}`",
                meta)
        # Touch the last page of every table the app reads, so a truncated file fails here and not
        # mid-session (a full integrity check would read the whole file: seconds at a million rows).
        for table in ("articles", "metrics", "targets", "events", "timeline", "entities", "mentions", "facets"):
            conn.execute(f"SELECT * FROM {table} ORDER BY rowid DESC LIMIT 1").fetchall()
        for fts in ("articles_fts", "metrics_fts", "targets_fts", "events_fts", "entities_fts"):
            conn.execute(f"SELECT rowid FROM {fts} WHERE {fts} MATCH 'zgczgc' LIMIT 1").fetchall()
        expected = os.path.getsize(path)
        page_size, pages = (conn.execute(f"PRAGMA {p}").fetchone()[0] for p in ("page_size", "page_count"))
        if page_size * pages > expected:
            raise CatalogError(f"{path}: catalog is truncated; rebuild it with `zgc-build --db {path}`")
        return meta
    except sqlite3.OperationalError as err:
        if "locked" in str(err) or "busy" in str(err):
            raise CatalogError(
                f"{path}: catalog is locked by another program; close it or wait, then try again") from None
        raise CatalogError(f"{path}: catalog is damaged or not a catalog ({err}); "
                           f"rebuild it with `zgc-build --db {path}`") from err
    except sqlite3.DatabaseError as err:
        raise CatalogError(f"{path}: catalog is damaged or not a catalog ({err}); "
                           f"rebuild it with `zgc-build --db {path}`") from None
    finally:
        conn.close()


class Pool:
    """Read-only connections handed to worker threads, one thread at a time each.

    Any connection can be interrupted from another thread, which is how a
    superseded query is stopped mid-sort.
    """

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._free: list[sqlite3.Connection] = []
        self._all: list[sqlite3.Connection] = []
        self._lock = threading.Lock()
        self._closed = False

    @contextmanager
    def connection(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            conn = self._free.pop() if self._free else None
        if conn is None:
            conn = connect(self.path, check_same_thread=False)
            with self._lock:
                self._all.append(conn)
        try:
            yield conn
        finally:
            with self._lock:
                if self._closed:
                    conn.close()
                else:
                    self._free.append(conn)

    def interrupt(self) -> None:
        """Stop whatever every connection is running (their queries raise `sqlite3.OperationalError`)."""
        with self._lock:
            for conn in self._all:
                conn.interrupt()

    def close(self) -> None:
        """Close the idle connections now and the busy ones when they are handed back."""
        with self._lock:
            self._closed = True
            for conn in self._all:
                conn.interrupt()
            for conn in self._free:
                conn.close()
            self._free.clear()
