"""`zgc-tui` on the command line: errors are one line and exit 2; the default catalog is built on first use."""
from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from catalogs import make_catalog
from zgc.tui import cli


def run(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "zgc.tui.cli", *args], capture_output=True, text=True,
                          timeout=60, env=env, stdin=subprocess.DEVNULL)


def one_line_error(p: subprocess.CompletedProcess, *needles: str) -> None:
    assert p.returncode == 2, p.stderr
    lines = p.stderr.strip().splitlines()
    assert len(lines) == 1, p.stderr
    assert lines[0].startswith("zgc-tui: ")
    assert "Traceback" not in p.stderr
    for n in needles:
        assert n in lines[0]


def test_missing_db(tmp_path):
    missing = tmp_path / "nope.db"
    one_line_error(run("--db", str(missing)), str(missing), "zgc-build")


def test_not_a_catalog(tmp_path):
    text = tmp_path / "notes.db"
    text.write_text("just text\n")
    one_line_error(run("--db", str(text)), str(text), "not a zgc catalog")
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE t (a)").connection.commit()
    one_line_error(run("--db", str(other)), "not a zgc catalog")


def test_newer_schema(tmp_path):
    db = make_catalog(tmp_path / "newer.db", schema_version=99)
    one_line_error(run("--db", str(db)), "newer", "upgrade")


def test_older_schema(tmp_path):
    db = make_catalog(tmp_path / "older.db", schema_version=1)
    one_line_error(run("--db", str(db)), str(db), "older zgc", f"zgc-build --db {db}")


def test_truncated(tmp_path, synthetic_db):
    cut = tmp_path / "cut.db"
    shutil.copy(synthetic_db, cut)
    with open(cut, "r+b") as f:
        f.truncate(cut.stat().st_size // 4)
    one_line_error(run("--db", str(cut)), str(cut))


def test_folder(tmp_path):
    one_line_error(run("--db", str(tmp_path)), "folder")


def test_version_and_bad_pane():
    p = run("--version")
    assert p.returncode == 0 and p.stdout.startswith("zgc-tui ")
    assert run("--pane", "nope").returncode == 2


def test_default_catalog_is_built_on_first_use(tmp_path, monkeypatch):
    from zgc.tui import app as app_module

    opened = []
    monkeypatch.setattr(app_module.ZgcApp, "run", lambda self: opened.append(self.db_path))
    monkeypatch.delenv("ZGC_DB", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert cli.main(["--pane", "metrics", "--filter", "专利"]) == 0
    db = tmp_path / "zgc" / "catalog.db"
    assert opened == [db] and db.exists()
    assert cli.main([]) == 0  # second start: opens it without building


@pytest.mark.parametrize(("corpus", "rebuilt"), [("bundled seeds", True), ("/home/me/pages", False)])
def test_outdated_default_catalog_is_rebuilt_only_from_the_bundled_corpus(tmp_path, monkeypatch, capsys,
                                                                          corpus, rebuilt):
    from zgc.db import catalog
    from zgc.db.catalog import schema
    from zgc.tui import app as app_module

    opened = []
    monkeypatch.setattr(app_module.ZgcApp, "run", lambda self: opened.append(self.db_path))
    monkeypatch.delenv("ZGC_DB", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    (tmp_path / "zgc").mkdir()
    db = make_catalog(tmp_path / "zgc" / "catalog.db", schema_version=1)
    with sqlite3.connect(db) as c:
        c.execute("UPDATE meta SET value = ? WHERE key = 'corpus'", (corpus,))
    c.close()
    code = cli.main([])
    meta = dict(sqlite3.connect(db).execute("SELECT key, value FROM meta"))
    if rebuilt:
        assert code == 0 and opened == [db]
        assert meta["schema_version"] == str(schema.SCHEMA_VERSION)
        assert catalog.validate(db)
        assert "older zgc" in capsys.readouterr().err
    else:
        assert code == 2 and opened == []
        assert meta["schema_version"] == "1"  # the user's own catalog is left alone
        assert "zgc-build --db" in capsys.readouterr().err


@pytest.mark.parametrize("pane", ["articles", "entities", "metrics", "timeline"])
def test_start_pane_and_filter(pane, seed_db, monkeypatch):
    from zgc.tui import app as app_module

    seen = []
    monkeypatch.setattr(app_module.ZgcApp, "run", lambda self: seen.append((self.start_pane, self.start_filter)))
    assert cli.main(["--db", str(seed_db), "--pane", pane, "--filter", "x"]) == 0
    assert seen == [(pane, "x")]


def test_fps_set_before_textual(tmp_path):
    code = ("import os, sys; from zgc.tui import cli; "
            "sys.argv=['zgc-tui','--db',sys.argv[1]]; "
            "import zgc.tui.app as a; a.ZgcApp.run=lambda self: print(os.environ['TEXTUAL_FPS']); cli.main()")
    db = make_catalog(tmp_path / "c.db")
    out = subprocess.run([sys.executable, "-c", code, str(db)], capture_output=True, text=True, timeout=60)
    assert out.stdout.strip() == "240", out.stderr


def test_help_mentions_keys(capsys):
    with pytest.raises(SystemExit):
        cli.main(["--help"])
    assert "--pane" in capsys.readouterr().out


def test_main_module_path():
    assert Path(cli.__file__).name == "cli.py"


def test_locked(tmp_path, synthetic_db):
    """A catalog another process holds an exclusive lock on: one line, exit 2, and it says why."""
    locked = tmp_path / "locked.db"
    shutil.copy(synthetic_db, locked)
    holder = sqlite3.connect(locked, timeout=0)
    holder.execute("PRAGMA locking_mode=EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        one_line_error(run("--db", str(locked)), str(locked), "locked")
    finally:
        holder.rollback()
        holder.close()
