"""A full disk and a second build of the same catalog: one clear line, exit 2, the previous catalog whole."""
from __future__ import annotations

import contextlib
import hashlib
import os
import resource
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from zgc.db.build import build_catalog
from zgc.db.catalog.lock import build_lock, lock_path
from zgc.db.paths import bundled_corpus

ONE_SEED = sorted(bundled_corpus().glob("*.txt"))[0]


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _build(db: Path, *paths: Path, limit: int | None = None) -> subprocess.CompletedProcess:
    def cap() -> None:  # a quota of `limit` bytes per file, as a full disk would leave
        if limit is not None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return subprocess.run([sys.executable, "-m", "zgc.db.cli", *map(str, paths), "--db", str(db), "-j", "1", "-q"],
                          capture_output=True, text=True, preexec_fn=cap, timeout=600)


@pytest.fixture
def previous(tmp_path) -> Path:
    db = tmp_path / "catalog.db"
    done = _build(db, ONE_SEED)  # also fills jieba's cache, which the limited build must not have to write
    assert done.returncode == 0, done.stderr
    return db


def _one_line_no_traceback(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in err, err
    return lines[0]


def test_a_write_that_runs_out_of_space_fails_in_one_line_and_keeps_the_previous_catalog(previous):
    before = _digest(previous)
    done = _build(previous, bundled_corpus(), limit=200_000)
    assert done.returncode == 2
    line = _one_line_no_traceback(done.stderr)
    assert str(previous) in line and "MB" in line and "free" in line
    assert f"the catalog at {previous} is as it was" in line
    assert _digest(previous) == before
    assert sorted(p.name for p in previous.parent.iterdir()) == ["catalog.db"]  # no temporary, no lock


@contextlib.contextmanager
def _small_filesystem(where: Path, size: str):
    where.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)],
                             capture_output=True).returncode == 0
    if not mounted:
        pytest.skip("cannot mount a small filesystem here (needs root)")
    try:
        yield where
    finally:
        subprocess.run(["umount", str(where)], check=False)


@pytest.mark.skipif(shutil.which("mount") is None, reason="no mount command")
def test_a_really_full_disk_says_so_and_leaves_nothing_behind(tmp_path):
    with _small_filesystem(tmp_path / "small", "400k") as small:
        db = small / "catalog.db"
        done = _build(db, bundled_corpus())
        assert done.returncode == 2
        line = _one_line_no_traceback(done.stderr)
        assert "the disk is full" in line and f"nothing was written to {db}" in line
        assert list(small.iterdir()) == []


def test_a_second_build_of_a_catalog_being_built_refuses_and_names_the_first(previous):
    before = _digest(previous)
    with build_lock(previous):
        done = _build(previous, bundled_corpus())
    assert done.returncode == 2
    line = _one_line_no_traceback(done.stderr)
    assert f"another zgc-build (process {os.getpid()}) is writing {previous}" in line
    assert _digest(previous) == before
    assert not lock_path(previous).exists()  # the holder cleaned up after itself


def test_the_lock_of_a_killed_build_does_not_block_the_next(previous):
    holder = subprocess.Popen([sys.executable, "-c", (
        "import sys, time; from pathlib import Path; from zgc.db.catalog.lock import build_lock\n"
        f"with build_lock(Path({str(previous)!r})):\n    print('held', flush=True); time.sleep(600)")],
        stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "held"
    holder.send_signal(signal.SIGKILL)
    holder.wait()
    assert lock_path(previous).exists()  # left behind by the kill, but no longer locked
    summary = build_catalog([ONE_SEED], previous, jobs=1)
    assert summary.exit_status == 0
    assert not lock_path(previous).exists()
