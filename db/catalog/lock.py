"""One build at a time per catalog: a lock file beside it, held for the whole build.

Two builds of one catalog would each write their own temporary file and the
second rename would silently win; worse, an incremental build reads the
catalog the other is replacing. `flock` is released by the kernel when the
holder dies, so a killed build never leaves a stale lock behind.
"""
from __future__ import annotations

import contextlib
import fcntl
import os
from collections.abc import Iterator
from pathlib import Path


class CatalogLocked(Exception):
    """Another build holds the catalog."""


def lock_path(db_path: Path) -> Path:
    return db_path.with_name(f".{db_path.name}.lock")


@contextlib.contextmanager
def build_lock(db_path: Path) -> Iterator[None]:
    """Hold the build lock of `db_path`, or raise CatalogLocked naming the build that has it."""
    fd = os.open(lock_path(db_path), os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
            who = f"another zgc-build (process {holder})" if holder.isdigit() else "another zgc-build"
            raise CatalogLocked(f"{who} is writing {db_path}; run this build again when it has finished") from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode(), 0)
        try:
            yield
        finally:
            # Removed while still held: a build that opened it meanwhile finds it locked and refuses.
            with contextlib.suppress(OSError):
                os.unlink(lock_path(db_path))
    finally:
        os.close(fd)
