"""Building a catalog: files → articles → extraction → one SQLite file.

The catalog is written to a temporary file beside the target and renamed into
place only when complete, so a failed or interrupted build never touches the
previous catalog. Files are processed in parallel (one process per core) but
their rows are written in the order of the sorted file list, so the same input
always gives the same rows.
"""
from __future__ import annotations

import contextlib
import errno
import gc
import os
import shutil
import signal
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timezone
from importlib.metadata import PackageNotFoundError, version
from multiprocessing import get_context
from pathlib import Path

from . import segment
from .catalog import schema
from .catalog.lock import CatalogLocked, build_lock
from .catalog.write import CatalogWriter
from .extract.article import ArticleResult, process_article
from .extract.lexicon import lexicon
from .ingest.files import collect_files
from .ingest.reader import read_document
from .ingest.splitter import split_page
from .records import Problem

Progress = Callable[[int, int, str], None]


def zgc_version() -> str:
    try:
        return version("zgc")
    except PackageNotFoundError:
        return "0+unknown"


@dataclass
class FileResult:
    path: str
    encoding: str | None = None
    sha256: str | None = None
    size: int = 0
    chars: int = 0
    articles: list[ArticleResult] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


@dataclass
class BuildSummary:
    db_path: str
    files: int = 0
    documents: int = 0
    duplicates: int = 0
    articles: int = 0
    metrics: int = 0
    events: int = 0
    entities: int = 0
    chars: int = 0
    seconds: float = 0.0
    problems: list[Problem] = field(default_factory=list)

    @property
    def failed_files(self) -> int:
        """Files that were skipped (a truncated file is kept, so it does not count)."""
        return len({p.path for p in self.problems if p.reason not in ("truncated", "duplicate")})

    @property
    def exit_status(self) -> int:
        return 1 if self.failed_files else 0

    def as_dict(self) -> dict:
        return {
            "db": self.db_path,
            "files": self.files,
            "documents": self.documents,
            "duplicates": self.duplicates,
            "articles": self.articles,
            "metrics": self.metrics,
            "events": self.events,
            "entities": self.entities,
            "chars": self.chars,
            "problems": [{"path": p.path, "reason": p.reason, "detail": p.detail} for p in self.problems],
            "seconds": round(self.seconds, 3),
        }


class BuildError(Exception):
    """Nothing could be built (no input files, an unwritable target)."""


# ---------------------------------------------------------------- one file


def process_file(path: str) -> FileResult:
    """Read, split and extract one file. Never raises: failures become problems."""
    doc, problems = read_document(Path(path))
    result = FileResult(path, problems=list(problems))
    if doc is None:
        return result
    result.encoding, result.sha256, result.size, result.chars = doc.encoding, doc.sha256, doc.size, len(doc.text)
    try:
        for article in split_page(doc.text, doc.site):
            result.articles.append(process_article(article))
    except Exception as err:  # a bug in one extractor must not cost the rest of the corpus
        result.problems.append(Problem(path, "extraction failed", f"{type(err).__name__}: {err}"))
        result.articles = []
    return result


def _results(files: list[Path], jobs: int) -> Iterator[FileResult]:
    names = [str(p) for p in files]
    segment.tokenizer()
    lexicon()  # before the fork, so workers share it instead of each building its own
    # jieba's dictionary is millions of long-lived objects: keep the collector from walking them
    # again and again (and forked workers from touching their pages).
    gc.freeze()
    if jobs <= 1 or len(names) <= 1:
        for name in names:
            yield process_file(name)
        return
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=get_context("fork"), initializer=_worker_init)
    try:
        yield from pool.map(process_file, names, chunksize=1)
    finally:
        # On ctrl+c or an error, drop the queued files instead of finishing them.
        pool.shutdown(wait=True, cancel_futures=True)


def _worker_init() -> None:
    # ctrl+c reaches the whole process group; only the parent handles it.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


# ---------------------------------------------------------------- the catalog


def build_catalog(
    paths: Iterable[Path],
    db_path: Path,
    *,
    jobs: int | None = None,
    progress: Progress | None = None,
    corpus: str | None = None,
) -> BuildSummary:
    """Build the catalog of `paths` at `db_path`, replacing any previous one atomically."""
    started = time.perf_counter()
    paths = [Path(p) for p in paths]
    db_path = Path(db_path)
    files, problems = collect_files(paths)
    summary = BuildSummary(str(db_path), files=len(files), problems=list(problems))
    if not files:
        raise BuildError("no .txt or .md files in " + ", ".join(str(p) for p in paths))
    db_path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with build_lock(db_path):
            _remove_stale_temporaries(db_path)
            _build(files, paths, db_path, jobs or os.cpu_count() or 1, progress, corpus, summary)
    except CatalogLocked as err:
        raise BuildError(str(err)) from None
    except (sqlite3.DatabaseError, OSError) as err:
        if _out_of_space(err):
            raise BuildError(_space_message(db_path, files, err)) from None
        raise
    summary.seconds = time.perf_counter() - started
    return summary


def _build(files: list[Path], paths: list[Path], db_path: Path, jobs: int, progress: Progress | None,
           corpus: str | None, summary: BuildSummary) -> None:
    """Write the catalog into a temporary file beside `db_path`, then rename it into place."""
    tmp = db_path.with_name(f".{db_path.name}.{os.getpid()}.tmp")
    try:
        writer = CatalogWriter.create(tmp)
        try:
            _write(writer, files, jobs, progress, summary)
            writer.finish(_meta(corpus or ", ".join(str(p) for p in paths), summary), summary.problems)
        finally:
            writer.close()
        if summary.documents == 0:
            raise BuildError("none of the files could be read: " + "; ".join(
                f"{p.path}: {p.reason}" for p in summary.problems[:5]))
        with open(tmp, "rb+") as f:
            os.fsync(f.fileno())
        os.replace(tmp, db_path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


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
    by_sha: dict[str, int] = {}
    for n, result in enumerate(_results(files, jobs), 1):
        if progress:
            progress(n, len(files), result.path)
        summary.problems.extend(result.problems)
        if result.sha256 is None:
            continue
        summary.chars += result.chars
        duplicate_of = by_sha.get(result.sha256)
        writer.add_document(n, result.path, result.sha256, result.encoding, result.size, result.chars, duplicate_of)
        if duplicate_of is not None:
            summary.duplicates += 1
            summary.problems.append(Problem(result.path, "duplicate", f"same content as document {duplicate_of}"))
            continue
        by_sha[result.sha256] = n
        summary.documents += 1
        writer.add_file(n, result.path, result.articles)
    summary.articles, summary.metrics, summary.events = writer.articles, writer.metrics, writer.events
    summary.entities = writer.entities


def _meta(corpus: str, summary: BuildSummary) -> dict[str, str]:
    return {
        "schema_version": str(schema.SCHEMA_VERSION),
        "zgc_version": zgc_version(),
        "built_at": datetime.now(timezone.utc).replace(microsecond=0).isoformat(),
        "corpus": corpus,
        "files": str(summary.files),
        "chars": str(summary.chars),
    }
