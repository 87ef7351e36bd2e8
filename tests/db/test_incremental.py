"""Incremental rebuilds: only new and changed files are read, and the catalog is the one a full build makes."""
from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest
from zgc.db.build import build_catalog
from zgc.db.catalog.update import CatalogUpdater
from zgc.db.cli import main as build_main
from zgc.db.paths import bundled_corpus

SEEDS = sorted(bundled_corpus().glob("*.txt"))
N = 10  # pages in the test corpus: each seed twice, told apart by a line of their own
EXTRA = ("云州高新区发布年度数据\n\n本报讯 2023年5月8日，云州高新区管委会发布《云州高新区创新发展报告》。"
         "2022年，云州高新区规模以上企业总收入1.2万亿元，同比增长9.5%；新增高新技术企业860家。"
         "云州大学技术转移中心与120多家企业建立了合作关系。\n")


def canonical(db: Path) -> dict[str, list]:
    """Every table's rows with the ids of per-file rows (documents, articles, metrics, events, mentions)
    replaced by what they stand for; the corpus-wide tables as they are; the full-text vocabularies."""
    conn = sqlite3.connect(db)
    doc = {i: p for i, p in conn.execute("SELECT id, path FROM documents")}
    art = {i: (f, s) for i, f, s in conn.execute("SELECT id, source_file, seq FROM articles")}
    met = {i: (art[a], s, t) for i, a, s, t in conn.execute("SELECT id, article_id, start, text FROM metrics")}
    out: dict[str, list] = {}

    def rows(table: str, drop: tuple[str, ...] = ("id",), **mapped) -> list:
        cols = [c for c in (r[1] for r in conn.execute(f"PRAGMA table_info({table})")) if c not in drop]
        got = []
        for r in conn.execute(f"SELECT {', '.join(cols)} FROM {table}"):
            got.append(tuple(mapped[c].get(v, v) if c in mapped and v is not None else v
                             for c, v in zip(cols, r, strict=True)))
        return sorted(got, key=repr)

    out["documents"] = rows("documents", duplicate_of=doc)
    out["articles"] = rows("articles", ("id", "document_id"))
    for table in ("metrics", "events", "mentions"):
        out[table] = rows(table, article_id=art)
    out["targets"] = rows("targets", target_id=met, actual_id=met)
    for table in ("timeline", "series", "entities", "entity_aliases", "entity_roles", "facets"):
        out[table] = rows(table, ())
    out["meta"] = sorted(r for r in conn.execute("SELECT key, value FROM meta") if r[0] != "built_at")
    out["problems"] = [r for r in conn.execute("SELECT path, reason, detail FROM problems ORDER BY id")]
    for fts in ("articles_fts", "metrics_fts", "targets_fts", "events_fts", "entities_fts"):
        conn.execute(f"CREATE VIRTUAL TABLE temp.v_{fts} USING fts5vocab(main, {fts}, 'row')")
        out[fts] = conn.execute(f"SELECT term, doc, cnt FROM temp.v_{fts} ORDER BY term").fetchall()
    conn.close()
    return out


def assert_same(incremental: Path, full: Path) -> None:
    a, b = canonical(incremental), canonical(full)
    for table in b:
        assert a[table] == b[table], table


@pytest.fixture
def corpus(tmp_path) -> Path:
    root = tmp_path / "corpus"
    (root / "sub").mkdir(parents=True)
    for i in range(N):
        text = SEEDS[i % len(SEEDS)].read_text(encoding="utf-8") + f"\n\n（第{i}版）\n"
        (root / ("sub" if i % 2 else "") / f"page{i}.txt").write_text(text, encoding="utf-8")
    return root


def _build(corpus: Path, db: Path, **kw):
    read: list[str] = []
    summary = build_catalog([corpus], db, jobs=1, progress=lambda n, total, path: read.append(Path(path).name),
                            **kw)
    return summary, read


def test_an_unchanged_corpus_reads_nothing_and_keeps_the_catalog(corpus, tmp_path):
    db = tmp_path / "c.db"
    _build(corpus, db)
    before = canonical(db)
    summary, read = _build(corpus, db)
    assert read == [] and summary.reused == N and summary.removed == 0
    assert summary.articles > 0 and summary.metrics > 0
    assert canonical(db) == before


def test_adds_edits_deletes_renames_and_copies_give_the_rows_of_a_full_build(corpus, tmp_path):
    db = tmp_path / "c.db"
    _build(corpus, db)
    (corpus / "a_first.txt").write_text(EXTRA, encoding="utf-8")  # sorts before every kept file
    edited = corpus / "sub" / "page1.txt"
    edited.write_text(edited.read_text(encoding="utf-8") + "\n\n" + EXTRA, encoding="utf-8")
    (corpus / "page2.txt").unlink()
    (corpus / "sub" / "page3.txt").rename(corpus / "renamed.txt")
    shutil.copy(corpus / "page0.txt", corpus / "sub" / "zz_copy.txt")  # a copy of a kept file
    summary, read = _build(corpus, db)
    assert sorted(read) == ["a_first.txt", "page1.txt", "renamed.txt"]
    assert summary.reused == N - 3 and summary.removed == 3 and summary.duplicates == 1
    full = tmp_path / "full.db"
    _build(corpus, full)
    assert_same(db, full)
    # and the app's searches find the new rows and not the deleted ones
    conn = sqlite3.connect(db)
    hits = {f for (f,) in conn.execute("SELECT source_file FROM articles WHERE id IN "
                                       "(SELECT rowid FROM articles_fts WHERE articles_fts MATCH '云州')")}
    assert {Path(f).name for f in hits} == {"a_first.txt", "page1.txt"}


def test_the_first_copy_going_away_makes_the_next_copy_the_one_read(corpus, tmp_path):
    shutil.copy(corpus / "page0.txt", corpus / "sub" / "zz_copy.txt")
    db = tmp_path / "c.db"
    _build(corpus, db)
    (corpus / "page0.txt").unlink()
    summary, read = _build(corpus, db)
    assert read == ["zz_copy.txt"] and summary.duplicates == 0
    full = tmp_path / "full.db"
    _build(corpus, full)
    assert_same(db, full)


def test_the_same_folder_spelled_another_way_keeps_its_rows(corpus, tmp_path, monkeypatch):
    db = tmp_path / "c.db"
    monkeypatch.chdir(tmp_path)
    _build(Path("corpus"), db)
    edited = corpus / "sub" / "page1.txt"
    edited.write_text(edited.read_text(encoding="utf-8") + "\n\n" + EXTRA, encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)  # relative paths in the catalog are relative to where it was built
    summary, read = _build(corpus.resolve(), db)
    assert summary.incremental and read == ["page1.txt"] and summary.reused == N - 1
    full = tmp_path / "full.db"
    _build(corpus.resolve(), full)
    assert_same(db, full)
    assert {Path(p).is_absolute() for (p,) in sqlite3.connect(db).execute("SELECT path FROM documents")} == {True}


def test_new_extractors_or_full_read_everything_again(corpus, tmp_path, monkeypatch):
    db = tmp_path / "c.db"
    _build(corpus, db)
    assert len(_build(corpus, db, full=True)[1]) == N
    monkeypatch.setattr("zgc.db.build.extractor_version", lambda: "changed")
    summary, read = _build(corpus, db)
    assert len(read) == N and summary.reused == 0


def test_a_corpus_mostly_new_is_built_in_full(corpus, tmp_path):
    db = tmp_path / "c.db"
    _build(corpus, db)
    for f in sorted(corpus.rglob("*.txt"))[:6]:
        f.write_text(f.read_text(encoding="utf-8") + "\n\n" + EXTRA, encoding="utf-8")
    summary, read = _build(corpus, db)
    assert len(read) == N and summary.reused == 0  # rereading all is cheaper than deleting most


def test_a_failed_update_leaves_the_previous_catalog_as_it_was(corpus, tmp_path, monkeypatch):
    db = tmp_path / "c.db"
    _build(corpus, db)
    digest = hashlib.sha256(db.read_bytes()).hexdigest()
    (corpus / "a_first.txt").write_text(EXTRA, encoding="utf-8")

    def fail(self, *a, **kw):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(CatalogUpdater, "finish", fail)
    assert build_main([str(corpus), "--db", str(db), "-q", "-j", "1"]) == 2
    assert hashlib.sha256(db.read_bytes()).hexdigest() == digest
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c.db", "corpus"]


def test_the_command_line_says_what_it_reread(corpus, tmp_path, capsys):
    db = tmp_path / "c.db"
    assert build_main([str(corpus), "--db", str(db), "-j", "1"]) == 0
    (corpus / "a_first.txt").write_text(EXTRA, encoding="utf-8")
    capsys.readouterr()
    assert build_main([str(corpus), "--db", str(db), "-j", "1"]) == 0
    out = capsys.readouterr().out
    assert "updated" in out and "1 file read" in out and f"{N} unchanged" in out
    assert build_main([str(corpus), "--db", str(db), "-j", "1", "--full"]) == 0
    assert "updated" not in capsys.readouterr().out
