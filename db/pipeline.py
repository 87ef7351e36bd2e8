"""One file through reading, splitting and extraction, in worker processes; what a build reports.

Shared by the full build (build.py) and the incremental one (update.py).
"""
from __future__ import annotations

import gc
import hashlib
import signal
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timezone
from importlib.metadata import PackageNotFoundError, version
from multiprocessing import get_context
from pathlib import Path

from . import segment
from .catalog import schema
from .extract.article import ArticleResult, process_article
from .extract.lexicon import lexicon
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
    incremental: bool = False  # only new and changed files were read
    read: int = 0  # files read (all of them in a full build)
    reused: int = 0  # files whose rows an incremental build kept
    removed: int = 0  # files whose rows it deleted (gone or changed)
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
            "incremental": self.incremental,
            "read": self.read,
            "reused": self.reused,
            "removed": self.removed,
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


MAX_BATCH = 8  # files sent to a worker at once


def results(files: list[Path], jobs: int) -> Iterator[FileResult]:
    """Each file read and extracted, in the order of `files` (in worker processes when jobs > 1)."""
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
        # Files go to the workers a few at a time: one message per file cost the parent's executor
        # threads ~10,000 context switches and ~8% of its CPU per 2,000 files. Small enough that
        # each worker still gets many batches, so none is left working alone at the end.
        chunk = max(1, min(MAX_BATCH, len(names) // (16 * jobs)))
        yield from pool.map(process_file, names, chunksize=chunk)
    finally:
        # On ctrl+c or an error, drop the queued files instead of finishing them.
        pool.shutdown(wait=True, cancel_futures=True)


def _worker_init() -> None:
    # ctrl+c reaches the whole process group; only the parent handles it.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def check_readable(summary: BuildSummary) -> None:
    if summary.documents == 0:
        raise BuildError("none of the files could be read: " + "; ".join(
            f"{p.path}: {p.reason}" for p in summary.problems[:5]))


def extractor_version() -> str:
    """A digest of the code and data that make the rows (and of the libraries they use): when it
    changes, rows read by the old code cannot be kept, and a rebuild reads every file again."""
    h = hashlib.sha256(zgc_version().encode())
    for dist in ("jieba", "trafilatura", "pdfminer.six", "lxml"):
        try:
            h.update(f"{dist}={version(dist)}".encode())
        except PackageNotFoundError:
            h.update(dist.encode())
    root = Path(__file__).parent
    for f in sorted(root.rglob("*")):
        if f.is_file() and f.suffix in (".py", ".txt", ".tsv") and "query" not in f.parts and f.name != "cli.py":
            h.update(str(f.relative_to(root)).encode())
            h.update(f.read_bytes())
    return h.hexdigest()[:16]


def duplicate(path: str, original: str) -> Problem:
    return Problem(path, "duplicate", f"same content as {original}")


def full_meta(meta: dict[str, str], summary: BuildSummary) -> dict[str, str]:
    return {
        **meta,
        "schema_version": str(schema.SCHEMA_VERSION),
        "zgc_version": zgc_version(),
        "built_at": datetime.now(timezone.utc).replace(microsecond=0).isoformat(),
        "files": str(summary.files),
        "chars": str(summary.chars),
    }
