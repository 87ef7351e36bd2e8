"""Metrics filtered by the article or document they come from, written by name."""
from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from zgc.db import catalog, query
from zgc.db.query import FilterError


@pytest.fixture(scope="module")
def seed(seed_db: Path) -> sqlite3.Connection:
    return catalog.connect(seed_db)


def ids(conn, text: str) -> set[int]:
    return set(query.all_ids(conn, query.build(conn, text, "metrics")))


def metrics_where(conn, sql: str, *params) -> set[int]:
    return {i for (i,) in conn.execute(f"SELECT id FROM metrics WHERE {sql}", params)}


def test_article_by_title_words_gives_the_figures_of_the_articles_so_titled(seed):
    plan = metrics_where(seed, "article_id IN (SELECT id FROM articles WHERE title LIKE '%行动计划%')")
    assert plan and ids(seed, "article:行动计划") == plan
    assert ids(seed, "article:行动计划 kind:target") == {i for i in plan if i in metrics_where(seed, "kind='target'")}
    assert ids(seed, "article!=行动计划") == metrics_where(seed, "1") - plan


def test_article_by_id_still_works(seed):
    aid = seed.execute("SELECT article_id FROM metrics LIMIT 1").fetchone()[0]
    assert ids(seed, f"article:{aid}") == metrics_where(seed, "article_id = ?", aid)


def test_doc_gives_the_figures_of_articles_about_a_document(seed):
    doc, aid = seed.execute("SELECT document, article_id FROM events WHERE document IS NOT NULL "
                            "AND article_id IN (SELECT article_id FROM metrics) LIMIT 1").fetchone()
    got = ids(seed, f"doc:{doc}")
    assert metrics_where(seed, "article_id = ?", aid) <= got


def test_wildcards_in_a_name_are_plain_characters(seed):
    assert ids(seed, "article:100%_") == set()
    assert ids(seed, "doc:%") == set()


def test_a_name_takes_no_comparison(seed):
    with pytest.raises(FilterError, match="article takes article:NAME"):
        query.build(seed, "article>行动计划", "metrics")
