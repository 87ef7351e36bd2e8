"""Building a catalog: files → articles → extraction → one SQLite file.

The catalog is written to a temporary file beside the target and renamed into
place only when complete, so a failed or interrupted build never touches the
previous catalog. Files are processed in parallel (one process per core) but
their rows are written in the order of the sorted file list, so the same input
always gives the same rows. A catalog built before by the same code is updated
instead (update.py): only new and changed files are read.
"""
from __future__ import annotations

import contextlib
import errno
import os
import shutil
import sqlite3
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from .catalog.lock import CatalogLocked, build_lock
from .catalog.update import reusable
from .catalog.write import CatalogWriter
from .ingest.files import SUFFIXES, collect_files
from .pipeline import (
    BuildError,
    BuildSummary,
    Progress,
    check_readable,
    duplicate,
    extractor_version,
    full_meta,
    results,
    zgc_version,
)
from .update import update_catalog

__all__ = ["BuildError", "BuildSummary", "build_catalog", "zgc_version"]


def build_catalog(
    paths: Iterable[Path],
    db_path: Path,
    *,
    jobs: int | None = None,
    progress: Progress | None = None,
    corpus: str | None = None,
    full: bool = False,
) -> BuildSummary:
    """Build the catalog of `paths` at `db_path`, replacing any previous one atomically.

    When `db_path` holds a catalog made by this schema and these extractors, only the files that are
    new or changed are read (unless `full`); the result has the rows a full build gives.
    """
    started = time.perf_counter()
    paths = [Path(p) for p in paths]
    db_path = Path(db_path)
    files, problems = collect_files(paths)
    summary = BuildSummary(str(db_path), files=len(files), problems=list(problems))
    if not files:
        raise BuildError("no article files (" + " ".join(SUFFIXES) + ") in " + ", ".join(str(p) for p in paths))
    db_path.parent.mkdir(parents=True, exist_ok=True)
    meta = {"corpus": corpus or ", ".join(str(p) for p in paths), "cwd": os.getcwd(),
            "extractor": extractor_version()}
    jobs = jobs or os.cpu_count() or 1
    try:
        with build_lock(db_path):
            _remove_stale_temporaries(db_path)
            if full or not reusable(db_path, meta["extractor"]) or not _into_place(
                    db_path, lambda tmp: update_catalog(db_path, tmp, files, jobs, progress, meta, summary)):
                _into_place(db_path, lambda tmp: _build(tmp, files, jobs, progress, meta, summary))
    except CatalogLocked as err:
        raise BuildError(str(err)) from None
    except (sqlite3.DatabaseError, OSError) as err:
        if _out_of_space(err):
            raise BuildError(_space_message(db_path, files, err)) from None
        raise
    summary.seconds = time.perf_counter() - started
    return summary


def _into_place(db_path: Path, write: Callable[[Path], bool | None]) -> bool:
    """Have `write` make the catalog in a temporary file beside `db_path`, then rename it into place.

    `write` returns False when it gave up (an update that would cost more than a full build).
    """
    tmp = db_path.with_name(f".{db_path.name}.{os.getpid()}.tmp")
    try:
        if write(tmp) is False:
            tmp.unlink(missing_ok=True)
            return False
        with open(tmp, "rb+") as f:
            os.fsync(f.fileno())
        os.replace(tmp, db_path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    return True


def _build(tmp: Path, files: list[Path], jobs: int, progress: Progress | None, meta: dict[str, str],
           summary: BuildSummary) -> None:
    writer = CatalogWriter.create(tmp)
    try:
        _write(writer, files, jobs, progress, summary)
        check_readable(summary)
        writer.finish(full_meta(meta, summary), summary.problems)
    finally:
        writer.close()


def _out_of_space(err: Exception) -> bool:
    """SQLite says "database or disk is full" on ENOSPC and "disk I/O error" when a file-size limit stops it."""
    if isinstance(err, OSError):
        return err.errno in (errno.ENOSPC, errno.EFBIG, errno.EDQUOT)
    return any(s in str(err) for s in ("disk is full", "disk I/O error"))


def _space_message(db_path: Path, files: list[Path], err: Exception) -> str:
    """What a user needs to know to make room: where, how much, how much there is."""
    size = 0
    for f in files:
        with contextlib.suppress(OSError):
            size += f.stat().st_size
    # A catalog is four to eight times its input (more for a small corpus), and a rebuild is at least
    # the size of the catalog it replaces.
    needed = max(8 * size, db_path.stat().st_size if db_path.exists() else 0)
    folder = db_path.parent.resolve()
    try:
        free = f", {_mb(shutil.disk_usage(folder).free)} free"
    except OSError:
        free = ""
    what = "the disk is full" if "I/O" not in str(err) else "a write failed (the disk is full or a size limit hit)"
    return f"cannot write {db_path}: {what}; a catalog of these files needs about {_mb(needed)} in {folder}{free}"


def _mb(n: int) -> str:
    return f"{n / 1e6:.1f} MB"


def _remove_stale_temporaries(db_path: Path) -> None:
    """Temporaries left by builds that were killed: their process is gone."""
    for old in db_path.parent.glob(f".{db_path.name}.*.tmp"):
        try:
            pid = int(old.name.rsplit(".", 2)[-2])
        except ValueError:
            continue
        if pid == os.getpid() or not _alive(pid):
            with contextlib.suppress(OSError):
                old.unlink()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _write(writer: CatalogWriter, files: list[Path], jobs: int, progress: Progress | None,
           summary: BuildSummary) -> None:
    by_sha: dict[str, tuple[int, str]] = {}
    summary.read = len(files)
    for n, result in enumerate(results(files, jobs), 1):
        if progress:
            progress(n, len(files), result.path)
        summary.problems.extend(result.problems)
        if result.sha256 is None:
            continue
        summary.chars += result.chars
        duplicate_of = by_sha.get(result.sha256)
        writer.add_document(n, result.path, result.sha256, result.encoding, result.size, result.chars,
                            duplicate_of and duplicate_of[0])
        if duplicate_of is not None:
            summary.duplicates += 1
            summary.problems.append(duplicate(result.path, duplicate_of[1]))
            continue
        by_sha[result.sha256] = (n, result.path)
        summary.documents += 1
        writer.add_file(n, result.path, result.articles)
    summary.articles, summary.metrics, summary.events = writer.articles, writer.metrics, writer.events
    summary.entities = writer.entities
