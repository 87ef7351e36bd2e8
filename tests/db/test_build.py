"""zgc-build: the catalog from the bundled corpus, determinism, atomicity and bad input."""
from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from zgc.db.build import BuildError, build_catalog
from zgc.db.catalog import schema
from zgc.db.cli import main as build_main
from zgc.db.paths import bundled_corpus

ROOT = Path(__file__).resolve().parents[2]
CONTRACT = {
    "articles": {"id", "source_file", "title", "published", "authors", "kind", "body"},
    "metrics": {"article_id", "text", "value", "unit", "qualifier", "period", "kind"},
    "events": {"article_id", "date", "precision", "is_policy"},
    "entities": {"id", "name", "type"},
    "entity_aliases": {"entity_id", "alias"},
    "mentions": {"entity_id", "article_id"},
    "documents": {"path", "sha256", "encoding", "bytes"},
    "meta": {"key", "value"},
}


def _dump(path: Path) -> dict[str, list]:
    conn = sqlite3.connect(path)
    tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE '%fts%'")]
    out = {t: conn.execute(f"SELECT * FROM {t}").fetchall() for t in tables if t != "meta"}
    out["meta"] = conn.execute("SELECT * FROM meta WHERE key NOT IN ('built_at')").fetchall()
    conn.close()
    return out


@pytest.fixture(scope="module")
def seed_db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("catalog") / "catalog.db"
    build_catalog([bundled_corpus()], path, jobs=1)
    return path


def test_bundled_corpus_is_the_five_seed_pages():
    names = sorted(p.name for p in bundled_corpus().glob("*.txt"))
    assert len(names) == 5
    shared = ROOT.parent / "shared" / "seeds"
    if shared.exists():
        for name in names:
            assert (bundled_corpus() / name).read_bytes() == (shared / name).read_bytes()


def test_contract_tables_and_columns(seed_db):
    conn = sqlite3.connect(seed_db)
    for table, cols in CONTRACT.items():
        have = {r[1] for r in conn.execute(f"PRAGMA table_info({table})")}
        assert cols <= have, table
    meta = dict(conn.execute("SELECT key, value FROM meta"))
    assert meta["schema_version"] == str(schema.SCHEMA_VERSION)
    assert {"zgc_version", "built_at", "corpus"} <= meta.keys()
    kinds = {r[0] for r in conn.execute("SELECT DISTINCT kind FROM articles")}
    assert {"news", "policy", "caption", "ad", "toc", "notice"} <= kinds
    n = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    assert n >= 30
    authors = [json.loads(a) for (a,) in conn.execute("SELECT authors FROM articles")]
    assert ["张伟"] in authors


def test_sentence_spans_hold_their_figures_and_dates(seed_db):
    conn = sqlite3.connect(seed_db)
    metrics = conn.execute(
        "SELECT m.sentence_start, m.start, m.end, m.sentence_end, m.text, v.sentence, a.body"
        " FROM metrics m JOIN metrics_view v ON v.id = m.id JOIN articles a ON a.id = m.article_id").fetchall()
    assert metrics
    for s0, start, end, s1, text, sentence, body in metrics:
        assert s0 <= start < end <= s1 <= len(body)
        assert text in sentence == body[s0:s1]
    events = conn.execute(
        "SELECT e.sentence_start, e.start, e.end, e.sentence_end, e.summary, v.sentence, a.body"
        " FROM events e JOIN events_view v ON v.id = e.id JOIN articles a ON a.id = e.article_id").fetchall()
    assert events
    told_after = from_meta = 0
    for s0, start, end, s1, summary, sentence, body in events:
        assert sentence
        if (s0, s1, start, end) == (0, 0, 0, 0):  # a notice's metadata line, outside the body
            from_meta += 1
            assert sentence == summary
        elif end <= s0:  # 会上, ...: told in the sentence after the dated one
            told_after += 1
            assert s0 - end < 200 and sentence == body[s0:s1]
        else:
            assert s0 <= start < end <= s1 <= len(body) and sentence == body[s0:s1]
    assert from_meta and told_after < len(events) // 10


def test_two_builds_give_identical_rows(seed_db, tmp_path):
    again = tmp_path / "again.db"
    build_catalog([bundled_corpus()], again, jobs=2)
    assert _dump(seed_db) == _dump(again)


def test_fts_table_is_queryable_without_extensions(seed_db):
    conn = sqlite3.connect(seed_db)
    rows = conn.execute(
        "SELECT a.title FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid"
        " WHERE articles_fts MATCH '专利' ORDER BY bm25(articles_fts)"
    ).fetchall()
    assert rows, "a two-character word inside 发明专利 must be found"


def test_failed_build_leaves_the_previous_catalog(seed_db, tmp_path, monkeypatch):
    target = tmp_path / "catalog.db"
    target.write_bytes(seed_db.read_bytes())
    before = target.read_bytes()

    def explode(path):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr("zgc.db.pipeline.process_file", explode)
    with pytest.raises(RuntimeError):
        build_catalog([bundled_corpus()], target, jobs=1, full=True)
    assert target.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["catalog.db"], "no temporary file is left behind"


def test_stale_temporaries_of_dead_builds_are_removed(tmp_path):
    target = tmp_path / "catalog.db"
    stale = tmp_path / ".catalog.db.999999999.tmp"
    stale.write_bytes(b"half a catalog")
    build_catalog([bundled_corpus() / "000_114833f442edb46f.txt"], target, jobs=1)
    assert not stale.exists() and target.exists()


def test_one_bad_file_does_not_spoil_the_build(tmp_path, capsys):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    good = bundled_corpus() / "002_7e43d652c04b9167.txt"
    (corpus / "good.txt").write_bytes(good.read_bytes())
    (corpus / "gbk.txt").write_bytes(good.read_text(encoding="utf-8").encode("gb18030"))
    (corpus / "binary.txt").write_bytes(b"%PDF-1.4\x00\x01\x02\x03" * 100)
    (corpus / "empty.md").write_bytes(b"")
    (corpus / "fake.pdf").write_bytes(b"not a PDF at all")
    (corpus / "notes.docx").write_bytes(b"not read at all")
    db = tmp_path / "x.db"
    status = build_main([str(corpus), "--db", str(db), "--json"])
    assert status == 1
    out = capsys.readouterr()
    summary = json.loads(out.out)
    reasons = {Path(p["path"]).name: p["reason"] for p in summary["problems"]}
    assert reasons == {"binary.txt": "not text", "empty.md": "empty", "fake.pdf": "not a PDF"}
    assert "binary.txt: not text" in out.err
    conn = sqlite3.connect(db)
    per_file = dict(conn.execute("SELECT source_file, count(*) FROM articles GROUP BY 1"))
    assert per_file[str(corpus / "gbk.txt")] == per_file[str(corpus / "good.txt")] > 5
    assert conn.execute("SELECT count(*) FROM problems").fetchone()[0] == 3


def test_duplicates_are_recorded_once_with_both_paths(tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    page = (bundled_corpus() / "003_859b62759b1c0103.txt").read_bytes()
    (corpus / "a.txt").write_bytes(page)
    (corpus / "b.txt").write_bytes(page)
    summary = build_catalog([corpus], tmp_path / "d.db", jobs=1)
    assert summary.duplicates == 1 and summary.exit_status == 0
    conn = sqlite3.connect(tmp_path / "d.db")
    docs = conn.execute("SELECT path, duplicate_of FROM documents ORDER BY id").fetchall()
    assert [Path(p).name for p, _ in docs] == ["a.txt", "b.txt"] and docs[1][1] == 1
    assert conn.execute("SELECT count(DISTINCT source_file) FROM articles").fetchone()[0] == 1


def test_nothing_to_build_is_a_usage_error(tmp_path, capsys):
    assert build_main([str(tmp_path), "--db", str(tmp_path / "x.db")]) == 2
    assert "no article files" in capsys.readouterr().err
    with pytest.raises(BuildError):
        build_catalog([tmp_path], tmp_path / "x.db")


def test_help_explains_the_command():
    out = subprocess.run([sys.executable, "-m", "zgc.db.cli", "--help"], capture_output=True, text=True, check=True)
    assert "--db" in out.stdout and "exit status" in out.stdout


def test_catalog_location_follows_zgc_db_then_xdg(tmp_path, monkeypatch):
    from zgc.db.paths import default_db_path

    monkeypatch.delenv("ZGC_DB", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert default_db_path() == tmp_path / "zgc" / "catalog.db"
    monkeypatch.setenv("ZGC_DB", str(tmp_path / "elsewhere.db"))
    assert default_db_path() == tmp_path / "elsewhere.db"


@pytest.mark.slow
def test_plain_install_builds_the_bundled_corpus_from_any_folder(tmp_path):
    """A non-editable install carries the seeds inside the package."""
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-build-isolation",
         "--target", str(target), str(ROOT)],
        check=True, capture_output=True,
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {**os.environ, "PYTHONPATH": str(target)}
    out = subprocess.run(
        [sys.executable, "-c", "import sys; from zgc.db.cli import main; sys.exit(main(['--db', 'x.db', '--json']))"],
        cwd=elsewhere, env=env, capture_output=True, text=True,
    )
    assert out.returncode == 0, out.stderr
    summary = json.loads(out.stdout)
    assert summary["files"] == 5 and summary["articles"] >= 30
    conn = sqlite3.connect(elsewhere / "x.db")
    paths = [p for (p,) in conn.execute("SELECT path FROM documents")]
    assert paths and all(p.startswith(str(target)) for p in paths), "the seeds come from the installed package"


def test_files_sent_to_workers_in_batches_give_the_rows_of_one_process(tmp_path):
    # Enough files that each worker is sent several at a time; the rows and their order must not change.
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(1, 81):
        (corpus / f"{i:03d}.txt").write_text(
            f"云州高新区发布第{i}期运行简报\n\n2024年{i % 12 + 1}月{i % 27 + 1}日，云州高新区管委会发布简报。"
            f"1-{i % 11 + 1}月，园区规模以上企业总收入{i}.5亿元，同比增长{i % 9 + 1}.2%；新设企业{i * 3}家。\n",
            encoding="utf-8")
    one, two = tmp_path / "one.db", tmp_path / "two.db"
    build_catalog([corpus], one, jobs=1)
    build_catalog([corpus], two, jobs=2)
    rows = _dump(one)
    assert len(rows["articles"]) == 80 and len(rows["metrics"]) >= 160
    assert rows == _dump(two)
