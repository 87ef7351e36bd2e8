"""The incremental build: read only the files that are new or changed since the catalog was built.

A file is known by its path and the sha256 of its bytes (`documents`). The
previous catalog is copied beside itself; the rows of files that are gone,
changed, or no longer the first copy of their bytes are deleted; the new and
changed files are read and appended; the corpus-wide tables are merged again
(catalog/update.py). The result has the rows a full build gives; only the ids
of the kept files' rows differ, since they keep the ones they had.
"""
from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

from .catalog.update import CatalogUpdater
from .pipeline import BuildSummary, Progress, check_readable, duplicate, full_meta, results
from .records import Problem

# When fewer of the old files than this are kept, deleting their rows costs more than reading everything.
_MIN_KEPT = 0.5


def update_catalog(db_path: Path, tmp: Path, files: list[Path], jobs: int, progress: Progress | None,
                   meta: dict[str, str], summary: BuildSummary) -> bool:
    """Write into `tmp` the catalog of `files`, starting from the one at `db_path`. False when a full
    build would be quicker (then `tmp` is to be discarded)."""
    shas = {str(f): _sha256(f) for f in files}
    original: dict[str, str] = {}  # sha256 → the first path with those bytes, as a full build takes them
    for path, sha in shas.items():
        if sha is not None:
            original.setdefault(sha, path)
    shutil.copyfile(db_path, tmp)
    writer = CatalogUpdater.open(tmp)
    fresh = iter(())
    try:
        old, renamed = _as_spelled_now(writer, files)
        kept = {path: doc_id for path, (doc_id, sha, dup, _) in old.items()
                if dup is None and shas.get(path) == sha and original.get(sha) == path}
        if len(kept) < _MIN_KEPT * sum(dup is None for _, _, dup, _ in old.values()):
            return False
        known = {path: (doc_id, old[path][3]) for path, doc_id in kept.items()}
        old_problems = {}
        for path, reason, detail in writer.conn.execute("SELECT path, reason, detail FROM problems"):
            path = renamed.get(path, path)
            if path in kept and reason != "duplicate":
                old_problems.setdefault(path, []).append((reason, detail))
        kept_ids = set(kept.values())
        writer.remove_documents(doc_id for doc_id, *_ in old.values() if doc_id not in kept_ids)
        to_read = [f for f in files if str(f) not in kept and original.get(shas[str(f)]) in (str(f), None)]
        fresh = results(to_read, jobs)
        next_id = writer.next_document_id()
        summary.incremental, summary.read = True, len(to_read)
        summary.reused, summary.removed = len(kept), len(set(old) - set(kept))
        done = 0
        for f in files:
            path, sha = str(f), shas[str(f)]
            if path in kept:
                doc_id, (encoding, size, chars) = known[path]
                summary.problems.extend(Problem(path, r, d) for r, d in old_problems.get(path, ()))
                summary.documents += 1
                summary.chars += chars or 0
                continue
            if sha is not None and original[sha] != path:  # a copy of a file before it: its row only
                if original[sha] not in known:
                    continue  # the first copy could not be read after all
                doc_id, (encoding, size, chars) = known[original[sha]]
                writer.add_document(next_id, path, sha, encoding, size, chars, doc_id)
                next_id += 1
                summary.chars += chars or 0
                summary.duplicates += 1
                summary.problems.append(duplicate(path, original[sha]))
                continue
            result = next(fresh)
            done += 1
            if progress:
                progress(done, len(to_read), result.path)
            summary.problems.extend(result.problems)
            if result.sha256 is None:
                continue
            summary.chars += result.chars
            writer.add_document(next_id, path, result.sha256, result.encoding, result.size, result.chars)
            known[path] = (next_id, (result.encoding, result.size, result.chars))
            next_id += 1
            summary.documents += 1
            writer.add_file(known[path][0], path, result.articles)
        check_readable(summary)
        writer.finish(full_meta(meta, summary), summary.problems)
        summary.articles, summary.metrics, summary.events, summary.entities = (
            writer.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("articles", "metrics", "events", "entities"))
    finally:
        getattr(fresh, "close", lambda: None)()  # stops the workers if the loop was cut short
        writer.close()
    return True


def _as_spelled_now(writer: CatalogUpdater, files: list[Path]) -> tuple[dict, dict[str, str]]:
    """The catalog's documents by path as `files` spell them now, and the paths that were spelled
    another way (old → new), their rows renamed: the same folder given as `corpus`, then as
    `/home/me/corpus` or `./corpus/`, keeps its rows."""
    old = writer.documents()
    names = {str(f) for f in files}
    if all(path in names for path in old):
        return old, {}
    # Relative paths are relative to where the catalog was built.
    cwd = writer.meta().get("cwd") or os.getcwd()
    by_real = {os.path.realpath(name): name for name in names}
    renamed: dict[str, str] = {}
    for path in [p for p in old if p not in names]:
        new = by_real.get(os.path.realpath(os.path.join(cwd, path)))
        if new is not None and new not in old:
            renamed[path] = new
            old[new] = old.pop(path)
            writer.rename_document(old[new][0], new)
    return old, renamed


def _sha256(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None  # read again, so that the reader reports what is wrong with it
