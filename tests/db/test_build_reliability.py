"""Bad input, interrupted builds: zgc-build says what it could not use and never damages a catalog."""
from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from zgc.db.build import build_catalog
from zgc.db.cli import main as build_main
from zgc.db.paths import bundled_corpus

SEED = bundled_corpus() / "001_f86e2cade3586fa1.txt"  # every character of it is in GBK
ORIGINAL = SEED.read_text(encoding="utf-8")


def articles_of(db: Path) -> dict[str, list[tuple]]:
    conn = sqlite3.connect(db)
    out: dict[str, list[tuple]] = {}
    for src, title, kind, body in conn.execute("SELECT source_file, title, kind, body FROM articles ORDER BY id"):
        out.setdefault(Path(src).name, []).append((title, kind, body))
    conn.close()
    return out


@pytest.fixture(scope="module")
def bad_corpus(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("bad")
    (root / "utf8.txt").write_text(ORIGINAL, encoding="utf-8")
    (root / "utf8_bom.txt").write_bytes(b"\xef\xbb\xbf" + ORIGINAL.encode("utf-8"))
    (root / "utf16.txt").write_bytes(ORIGINAL.encode("utf-16"))
    (root / "gbk.txt").write_bytes(ORIGINAL.encode("gbk"))
    (root / "gb18030.md").write_bytes((ORIGINAL + "\n\n").encode("gb18030"))  # differs from gbk.txt
    (root / "crlf.txt").write_bytes(ORIGINAL.replace("\n", "\r\n").encode("utf-8"))
    (root / "cr.txt").write_bytes(ORIGINAL.replace("\n", "\r").encode("utf-8"))
    (root / "truncated.txt").write_bytes(ORIGINAL.encode("utf-8")[:-4] + "中".encode()[:1])
    (root / "empty.txt").write_bytes(b"")
    (root / "blank.txt").write_bytes(" \n\r\n\t \u3000\n".encode("utf-8"))
    (root / "renamed.pdf.txt").write_bytes(b"%PDF-1.5\n%\xb5\xed\xae\xfb\n" + bytes(range(256)) * 40)
    (root / "nul.txt").write_bytes("正文".encode() + b"\x00\x00\x00" + "正文".encode())
    (root / "noise.txt").write_bytes(bytes((i * 37 + 11) % 256 for i in range(20000)))
    os.symlink(root / "nowhere.txt", root / "dangling.txt")
    sub = root / "zsub"  # sorts after utf8.txt, so the copy is the duplicate
    sub.mkdir()
    (sub / "copy.txt").write_text(ORIGINAL, encoding="utf-8")  # a duplicate of utf8.txt
    os.symlink(root, sub / "loop")  # a symlink loop back to the top
    return root


@pytest.fixture(scope="module")
def bad_build(bad_corpus, tmp_path_factory):
    db = tmp_path_factory.mktemp("out") / "bad.db"
    proc = subprocess.run([sys.executable, "-m", "zgc.db.cli", str(bad_corpus), "--db", str(db), "--jobs", "2"],
                          capture_output=True, text=True)
    return proc, db


def test_every_encoding_and_line_ending_gives_the_same_articles(bad_build):
    _, db = bad_build
    arts = articles_of(db)
    reference = arts["utf8.txt"]
    assert len(reference) == 6
    for name in ("utf8_bom.txt", "utf16.txt", "gbk.txt", "gb18030.md", "crlf.txt", "cr.txt"):
        assert arts[name] == reference, name


def test_truncated_file_keeps_what_it_has(bad_build):
    _, db = bad_build
    arts = articles_of(db)["truncated.txt"]
    assert [a[0] for a in arts][:4] == [a[0] for a in articles_of(db)["utf8.txt"]][:4]


def test_unusable_files_are_reported_by_name_and_recorded(bad_build, bad_corpus):
    proc, db = bad_build
    assert proc.returncode == 1, proc.stderr
    expected = {
        "empty.txt": "empty", "blank.txt": "empty", "renamed.pdf.txt": "not text", "nul.txt": "not text",
        "noise.txt": "not text", "dangling.txt": "unreadable",
    }
    for name, reason in expected.items():
        assert f"{bad_corpus / name}: {reason}" in proc.stderr
    conn = sqlite3.connect(db)
    recorded = {Path(p).name: r for p, r in conn.execute("SELECT path, reason FROM problems")}
    for name, reason in expected.items():
        assert recorded[name] == reason
    assert recorded["truncated.txt"] == "truncated"
    assert recorded["copy.txt"] == "duplicate"
    assert "symlink loop" in recorded.values()
    assert "wrote" in proc.stdout


def test_duplicates_are_kept_once_with_both_paths(bad_build):
    _, db = bad_build
    conn = sqlite3.connect(db)
    rows = conn.execute("SELECT path, duplicate_of FROM documents WHERE sha256 ="
                        " (SELECT sha256 FROM documents WHERE path LIKE '%/copy.txt')").fetchall()
    assert sorted(Path(p).name for p, _ in rows) == ["copy.txt", "utf8.txt"]
    assert "copy.txt" not in articles_of(db)


def test_a_huge_single_line_file_is_built_in_bounded_parts(tmp_path):
    page = tmp_path / "huge.txt"
    page.write_text("大文件" + "中关村企业总收入增长10%，科技部发布通知。" * 60_000, encoding="utf-8")
    summary = build_catalog([page], tmp_path / "h.db", jobs=1)
    assert summary.exit_status == 0
    conn = sqlite3.connect(tmp_path / "h.db")
    assert conn.execute("SELECT max(chars) FROM articles").fetchone()[0] <= 200_000
    assert conn.execute("SELECT sum(chars) FROM articles").fetchone()[0] >= 1_300_000


def test_exit_status_two_when_nothing_could_be_built(tmp_path, capsys):
    (tmp_path / "empty.txt").write_bytes(b"")
    previous = tmp_path / "catalog.db"
    previous.write_bytes(b"old catalog")
    assert build_main([str(tmp_path / "empty.txt"), "--db", str(previous)]) == 2
    assert previous.read_bytes() == b"old catalog"
    assert f"the catalog at {previous} is as it was" in capsys.readouterr().err
    assert build_main([str(tmp_path / "missing-folder"), "--db", str(previous)]) == 2


def _big_corpus(root: Path, n: int = 150) -> Path:
    root.mkdir()
    pages = [p.read_text(encoding="utf-8") for p in sorted(bundled_corpus().glob("*.txt"))]
    for i in range(n):
        (root / f"page{i:04d}.txt").write_text(pages[i % len(pages)] + f"\n\n第{i}页。\n", encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def previous_catalog(tmp_path_factory) -> tuple[Path, dict]:
    root = tmp_path_factory.mktemp("prev")
    db = root / "catalog.db"
    build_catalog([bundled_corpus()], db, jobs=1)
    conn = sqlite3.connect(db)
    counts = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("articles", "metrics", "events")}
    conn.close()
    return db, counts


def _start_build(corpus: Path, db: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "zgc.db.cli", str(corpus), "--db", str(db), "--jobs", "2"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)


def _wait_for_temporary(db: Path, proc: subprocess.Popen, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if list(db.parent.glob(f".{db.name}.*.tmp")):
            time.sleep(0.5)  # well into the build
            return
        assert proc.poll() is None, proc.communicate()
        time.sleep(0.05)
    raise AssertionError("the build never started writing")


def _assert_intact(db: Path, counts: dict) -> None:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    for table, n in counts.items():
        assert conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == n
    conn.close()


@pytest.mark.slow
def test_sigkill_mid_build_leaves_the_previous_catalog_intact(tmp_path, previous_catalog):
    source, counts = previous_catalog
    db = tmp_path / "catalog.db"
    db.write_bytes(source.read_bytes())
    corpus = _big_corpus(tmp_path / "corpus")
    proc = _start_build(corpus, db)
    _wait_for_temporary(db, proc)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    _assert_intact(db, counts)
    # The next build clears the dead build's temporary file; none accumulate.
    build_catalog([bundled_corpus() / "003_859b62759b1c0103.txt"], db, jobs=1)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["catalog.db", "corpus"]


@pytest.mark.slow
@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_interrupt_stops_cleanly_with_a_message(tmp_path, previous_catalog, sig):
    source, counts = previous_catalog
    db = tmp_path / "catalog.db"
    db.write_bytes(source.read_bytes())
    corpus = _big_corpus(tmp_path / "corpus")
    proc = _start_build(corpus, db)
    _wait_for_temporary(db, proc)
    os.killpg(proc.pid, sig) if sig == signal.SIGINT else proc.send_signal(sig)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130
    assert "interrupted" in err and "Traceback" not in err
    _assert_intact(db, counts)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["catalog.db", "corpus"]
