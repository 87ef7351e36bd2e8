"""Full-text search for scripts (`zgc.db.query.search`): short words, ranking, snippets in the original text."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from zgc.db import catalog
from zgc.db.build import build_catalog
from zgc.db.query import search

PAGES = {
    "a.txt": "# 海淀园发布人工智能政策\n\n本报讯 海淀园日前发布人工智能产业支持政策，园区企业可申请发明专利资助。\n",
    "b.txt": "# 专利质押融资增长\n\n本报讯 今年专利质押融资金额同比增长，知识产权运用效益提升。专利专利。\n",
    "c.txt": "# 天气晴朗\n\n本报讯 今日天气晴朗，市民出行方便。\n",
}


@pytest.fixture(scope="module")
def conn(tmp_path_factory):
    root = tmp_path_factory.mktemp("pages")
    for name, text in PAGES.items():
        (root / name).write_text(text, encoding="utf-8")
    db = root / "s.db"
    build_catalog([root], db, jobs=1)
    c = catalog.connect(db)
    yield c
    c.close()


def titles(hits):
    return [h.title for h in hits]


def test_two_character_word_inside_a_longer_one(conn):
    assert set(titles(search(conn, "专利"))) == {"海淀园发布人工智能政策", "专利质押融资增长"}


def test_one_character_query_finds_words_it_begins(conn):
    assert "海淀园发布人工智能政策" in titles(search(conn, "园"))


def test_longer_query_is_segmented_and_every_word_required(conn):
    assert titles(search(conn, "人工智能发明专利")) == ["海淀园发布人工智能政策"]
    assert search(conn, "人工智能 天气") == []


def test_title_matches_rank_first(conn):
    assert titles(search(conn, "专利"))[0] == "专利质押融资增长"


def test_snippet_is_original_text_with_marks(conn):
    (hit,) = search(conn, "知识产权")
    assert "知识产权运用效益提升" in hit.snippet
    assert [hit.snippet[s:e] for s, e in hit.marks] == ["知识产权"]


@pytest.mark.parametrize("query", ['"', "AND", "OR NOT", "NEAR(", "*", "^", "'; DROP TABLE articles; --", "\x00", "\ud800", ""])
def test_fts_syntax_in_queries_is_harmless(conn, query):
    search(conn, query)  # no exception
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 3


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=40))
def test_any_query_is_a_valid_fts_expression(conn, query):
    search(conn, query)  # never raises
