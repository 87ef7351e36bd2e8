"""The query layer: filter parsing, parameterised SQL, FTS, facets, sorting, paging; catalog opening."""
from __future__ import annotations

import contextlib
import os
import re
import shutil
import sqlite3
from pathlib import Path

import pytest
from catalogs import make_catalog
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from zgc.db import catalog, query
from zgc.db.catalog import schema
from zgc.db.query import FilterError, parse


@pytest.fixture(scope="module")
def conn(synthetic_db: Path) -> sqlite3.Connection:
    c = catalog.connect(synthetic_db)
    yield c
    c.close()


@pytest.fixture(scope="module")
def seed(seed_db: Path) -> sqlite3.Connection:
    c = catalog.connect(seed_db)
    yield c
    c.close()


# ------------------------------------------------------------------ parsing: good


def test_plain_words_and_phrases():
    f = parse('专利  增长 "a b"', "metrics")
    assert f.words == ("专利", "增长", "a b")
    assert f.terms == ()


def test_field_terms_metrics():
    f = parse("unit:元 kind:target,amount year:2019..2022 value>1e9 sort:-value", "metrics")
    terms = {t.field: t for t in f.terms}
    assert terms["unit"].values == ("元",)
    assert terms["kind"].values == ("target", "amount")
    assert terms["year"] == query.Term("year", "range", (2019, 2022))
    assert terms["value"] == query.Term("value", ">", (1e9,))
    assert f.sort == "-value"


@pytest.mark.parametrize(("text", "value"), [("value>=2.5亿", 2.5e8), ("value<300万", 3e6), ("value>1万亿", 1e12),
                                             ("value>1,000", 1000.0), ("value>2k", 2000.0)])
def test_chinese_and_suffixed_numbers(text, value):
    assert parse(text, "metrics").terms[0].values == (value,)


def test_open_ranges_and_dates():
    assert parse("year:2019..", "metrics").terms[0].values == (2019, None)
    assert parse("value:..1e6", "metrics").terms[0].values == (None, 1e6)
    t = parse("date:2020-3", "timeline").terms[0]
    assert t.op == "range" and t.values == ("2020-03", "2020-03\uffff")
    t = parse("date:2019..2020-06", "timeline").terms[0]
    assert t.values == ("2019", "2020-06\uffff")


def test_fullwidth_colon_and_operators():
    f = parse("unit：元 value＞100", "metrics")
    assert [t.field for t in f.terms] == ["unit", "value"]


def test_bool_and_negation():
    assert parse("policy:yes", "timeline").terms[0].values == (1,)
    assert parse("policy:no", "timeline").terms[0].values == (0,)
    assert parse("policy:all", "timeline").terms[0].op == "all"
    assert parse("kind!=caption", "articles").terms[0].op == "!="


def test_quoted_field_value_and_aliases():
    f = parse('pub:"中国 高新" publication:x', "articles")
    assert [t.values for t in f.terms] == [("中国 高新",), ("x",)]


def test_quotes_keep_colons_as_words():
    assert parse('"http://x.cn"', "articles").words == ("http://x.cn",)


def test_punctuation_only_words_are_dropped():
    assert parse("*** ^ ( )", "articles").empty


# ------------------------------------------------------------------ parsing: bad


@pytest.mark.parametrize(("text", "pane", "needle"), [
    ("foo:bar", "metrics", "unknown field"),
    ("value>abc", "metrics", "number"),
    ("year:2022..2019", "metrics", "empty"),
    ("unit:", "metrics", "needs a value"),
    ("sort:zzz", "metrics", "cannot sort"),
    ("date:2020-13", "timeline", "not a date"),
    ("year:abc", "timeline", "whole number"),
    ("policy:maybe", "timeline", "yes, no or all"),
    ("value>1e999", "metrics", "too large"),
    ("unit>元", "metrics", "unit:TEXT"),
    ("type:gov", "metrics", "unknown field"),
    ("x" * 1001, "articles", "too long"),
    ("year:..", "metrics", "at least one end"),
])
def test_bad_filters_say_why(text, pane, needle):
    with pytest.raises(FilterError) as err:
        parse(text, pane)
    assert needle in str(err.value)


def test_unknown_pane():
    with pytest.raises(FilterError):
        parse("x", "nope")


# ------------------------------------------------------------------ SQL


def test_values_are_bound_never_inlined(conn):
    q = query.build(conn, "unit:元' OR 1=1 -- value>5", "metrics")
    assert "OR 1=1" not in q.where and "元" not in q.where
    assert "元' OR 1=1" not in q.ids_sql()[0]
    assert "元'" in q.params


def test_fts_words_are_quoted_phrases(conn):
    q = query.build(conn, 'a OR NEAR(x) 专利', "metrics")
    assert q.match == '"a" AND "O R" AND "N E A R x" AND "专 利"'
    query.all_ids(conn, q)
    # An unclosed quote runs to the end: one phrase.
    q = query.build(conn, 'a"b OR 专利', "metrics")
    assert q.match == '"a" AND "b O R 专 利"'
    query.all_ids(conn, q)  # valid FTS5 syntax


def test_one_two_and_longer_characters_find_substrings(conn):
    for text in ("专", "专利", "发明专利授权"):
        ids = query.all_ids(conn, query.build(conn, text, "metrics"))
        rows = query.fetch_rows(conn, "metrics", ids)
        assert rows and all(text in (r[1] or "") + (r[9] or "") + r[2] for r in rows)


def test_fts_column_term(conn):
    rows = query.fetch_rows(conn, "metrics", query.all_ids(conn, query.build(conn, "scope:海淀", "metrics")))
    assert rows and all("海淀" in r[9] for r in rows)


def test_a_search_word_is_split_as_the_index_vocabulary_says(seed_db):
    """The words of a search are looked up by their first article (fast): the same split as the
    index's vocabulary table gives, for every stretch of the seeds' own text and for words not in it."""
    conn = catalog.connect(seed_db)
    vocab = {t for (t,) in conn.execute("SELECT term FROM temp.articles_vocab")}

    def by_vocabulary(run: str) -> list[str]:
        out, i = [], 0
        while i < len(run):
            n = next(n for n in range(min(8, len(run) - i), 0, -1) if n == 1 or run[i:i + n] in vocab)
            out.append(run[i:i + n])
            i += n
        return list(dict.fromkeys(out))

    bodies = "".join(b for (b,) in conn.execute("SELECT body FROM articles"))
    runs = [r for r in re.findall(r"[\u4e00-\u9fff]+", bodies) if len(r) >= 2][:400]
    runs += ["云州智造科技", "不存在的词语", "中关村示范区", "科技创新"]
    assert len(runs) > 300
    for run in runs:
        assert query.article_terms(conn, [run]) == by_vocabulary(run), run


def test_article_words_use_index_vocabulary(conn):
    assert query.article_terms(conn, ["科技创新"]) == ["科技", "创新"]
    assert query.article_terms(conn, ["Ab1"]) == ["ab1"]
    q = query.build(conn, "科技创新", "articles")
    assert q.ranked and q.match == '"科技" AND "创新"'
    assert query.all_ids(conn, q)
    assert query.build(conn, "科 ai", "articles").match == '"科"* AND "ai"*'


@pytest.mark.parametrize("word", ["科技", "专利", "创新", "企业", "中关村", "知识产权", "人工智能", "园区", "融资"])
def test_exact_article_word_finds_what_its_prefix_finds(seed, word):
    # The index holds the dictionary words inside longer ones (科技 inside 科技园区),
    # so a word searched exactly loses nothing to the prefix query it replaces.
    ids = set(query.all_ids(seed, query.build(seed, word, "articles")))
    by_prefix = {r[0] for r in seed.execute("SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?",
                                              (f'"{word}"*',))}
    assert ids == by_prefix and ids


def test_articles_rank_prefix_single_character(conn):
    ids = query.all_ids(conn, query.build(conn, "科", "articles"))
    assert len(ids) == query.count(conn, query.build(conn, "", "articles"))


def test_filters_narrow(conn):
    all_n = query.count(conn, query.build(conn, "", "metrics"))
    yuan = query.count(conn, query.build(conn, "unit:元", "metrics"))
    big = query.count(conn, query.build(conn, "unit:元 value>1亿", "metrics"))
    assert all_n > yuan > big > 0
    rows = query.fetch_rows(conn, "metrics", query.all_ids(conn, query.build(conn, "unit:元 value>1亿", "metrics")))
    assert all(r[5] == "元" and r[3] > 1e8 for r in rows)


def test_year_range_and_negation(conn):
    rows = query.fetch_rows(conn, "metrics", query.all_ids(conn, query.build(conn, "year:2018..2019 unit!=%", "metrics")))
    assert rows and all(2018 <= r[12] <= 2019 and r[5] != "%" for r in rows)


def test_metric_date_term_joins_article(conn):
    q = query.build(conn, "date:2020", "metrics")
    rows = query.fetch_rows(conn, "metrics", query.all_ids(conn, q))
    assert rows and all(r[10].startswith("2020") for r in rows)
    assert query.count(conn, q) == len(rows)


@pytest.mark.parametrize("sort", ["value", "-value", "period", "-period", "date", "-date", "source", "subject"])
def test_sorts(conn, sort):
    q = query.build(conn, f"sort:{sort}", "metrics")
    rows = query.fetch_rows(conn, "metrics", query.all_ids(conn, q))
    key = {"value": 3, "period": 7, "date": 10, "source": 0, "subject": 1}[sort.lstrip("-")]
    values = [r[key] for r in rows]
    assert values == sorted(values, reverse=sort.startswith("-"))


def test_sort_argument_overrides_filter(conn):
    q = query.build(conn, "sort:value", "metrics", sort="-value")
    assert q.sort == "-value" and "DESC" in q.order


def test_timeline_policy_and_years(conn):
    rows = query.fetch_rows(conn, "timeline", query.all_ids(conn, query.build(conn, "policy:yes year:2019..2021", "timeline")))
    assert rows and all(r[8] == 1 and 2019 <= r[3] <= 2021 for r in rows)
    dates = [r[1] for r in rows]
    assert dates == sorted(dates)


def test_entities_type_and_name(conn):
    rows = query.fetch_rows(conn, "entities", query.all_ids(conn, query.build(conn, "type:gov 中关村", "entities")))
    assert [r[1] for r in rows] == ["中关村管委会"]


def test_paging_by_keyset_covers_everything_once(conn):
    q = query.build(conn, "unit:件,家", "metrics")
    seen, after = [], None
    while page := query.page(conn, q, after, limit=7):
        seen.extend(r[0] for r in page)
        after = page[-1]
    assert seen == sorted(query.all_ids(conn, query.build(conn, "unit:件,家 sort:source", "metrics")))


def test_fetch_rows_keeps_order_and_skips_missing(conn):
    rows = query.fetch_rows(conn, "metrics", [5, 3, 999999, 1])
    assert [r[0] for r in rows] == [5, 3, 1]


def test_iter_ids_first_chunk_is_small(tmp_path):
    db = make_catalog(tmp_path / "m.db", articles=3, metrics=900, events=3, entities=3)
    c = catalog.connect(db)
    chunks = list(query.iter_ids(c, query.build(c, "", "metrics"), chunk=300))
    assert [len(x) for x in chunks] == [200, 300, 300, 100]


@pytest.mark.parametrize(("pane", "text"), [("articles", "科技"), ("timeline", "发布"), ("articles", "科 kind:news")])
def test_slow_sort_shows_index_order_preview_then_sorted_rows(seed, monkeypatch, pane, text):
    monkeypatch.setattr(query.run, "FIRST_PAGE_BUDGET", 0.0)  # every sort is "slow"
    monkeypatch.setattr(query.run, "POLL_STEPS", 1)
    q = query.build(seed, text, pane)
    sorted_ids = query.all_ids(seed, q)
    previews: list[list[int]] = []
    ids = [i for part in query.iter_ids(seed, q, on_preview=previews.append) for i in part]
    assert ids == sorted_ids and len(ids) > 1
    assert len(previews) == 1
    assert previews[0] == sorted(previews[0]) and set(previews[0]) <= set(sorted_ids)
    assert len(previews[0]) == min(len(sorted_ids), query.FIRST_PAGE)


def test_fast_sort_needs_no_preview(seed):
    q = query.build(seed, "科技", "articles")
    previews: list[list[int]] = []
    assert [i for part in query.iter_ids(seed, q, on_preview=previews.append) for i in part] == query.all_ids(seed, q)
    assert previews == []


def test_facets_unfiltered_from_table_and_filtered_counted(conn):
    q0 = query.build(conn, "", "metrics")
    f0 = query.facets(conn, q0)
    assert set(f0) == {"unit", "kind", "year"}
    assert sum(n for _, n in f0["unit"]) == query.count(conn, q0)
    q = query.build(conn, "unit:元", "metrics")
    f = query.facets(conn, q)
    assert f["unit"] == [("元", query.count(conn, q))]
    assert [y for y, _ in f["year"]] == sorted(y for y, _ in f["year"])


def test_facets_give_up_over_budget(tmp_path):
    c = catalog.connect(make_catalog(tmp_path / "f.db", articles=5, metrics=5000, events=5, entities=5))
    q = query.build(c, "unit:元", "metrics")
    assert query.facets(c, q, budget=-1.0) is None
    assert query.facets(c, q) is not None  # the connection is usable afterwards


def test_first_facets_exact_when_all_matches_counted(tmp_path):
    c = catalog.connect(make_catalog(tmp_path / "f.db", articles=5, metrics=3000, events=5, entities=5))
    q = query.build(c, "unit:元", "metrics")
    total = query.count(c, q)
    assert total > 100
    some, exact = query.first_facets(c, q, sample=100)
    assert not exact and sum(n for _, n in some["unit"]) == 100
    counts, exact = query.first_facets(c, q, sample=total + 1)
    assert exact and counts == query.facets(c, q)
    assert query.first_facets(c, q, sample=100, budget=-1.0) == (None, False)


def test_facets_for_every_pane(conn):
    for pane in query.PANES:
        assert query.facets(conn, query.build(conn, "1", pane)) is not None


def test_snippet_and_marks():
    text, marks = query.snippet("甲" * 200 + "专利池启动" + "乙" * 200, ["专利"], 60)
    assert text.startswith("…") and text.endswith("…")
    assert [text[s:e] for s, e in marks] == ["专利"]


def test_details(conn):
    art = query.article(conn, 1)
    for m in query.article_marks(conn, 1):
        assert art["body"][m.start:m.end]
        if m.kind == "metric":
            assert art["body"][m.start:m.end] == query.metric(conn, m.ref)["text"]
    ent = query.entity(conn, 1)
    mentions = query.entity_mentions(conn, 1)
    assert mentions and all(ent["name"] in m["sentence"] for m in mentions)
    assert query.cooccurring(conn, 1)
    m = query.metric(conn, 1)
    assert len(query.metric_series(conn, m["series_id"])) >= 2
    ev = query.timeline_event(conn, 1)
    assert ev["sources"] and ev["sources"][0]["sentence"]


def test_palette_lookups(conn):
    assert query.find_entities(conn, "清华")[0][1] == "清华大学"
    assert query.find_articles(conn, "科技")
    assert query.find_entities(conn, "'\"") and query.find_articles(conn, "")


# ------------------------------------------------------------------ the seed catalog


def test_seed_patent_search(seed):
    q = query.build(seed, "专利", "articles")
    rows = query.fetch_rows(seed, "articles", query.all_ids(seed, q))
    assert any("专利" in r[2] for r in rows)


def test_seed_metrics_patent_22787(seed):
    if not seed.execute("SELECT count(*) FROM metrics").fetchone()[0]:
        pytest.skip("the seed catalog has no metrics yet (extraction not in place)")
    rows = query.fetch_rows(seed, "metrics", query.all_ids(seed, query.build(seed, "专利", "metrics")))
    assert any("22787" in r[2] or r[3] == 22787 for r in rows)


# ------------------------------------------------------------------ property tests


ANY_TEXT = st.text(st.characters(blacklist_categories=()), max_size=80) | st.text(
    st.sampled_from(list('专利"*^():-<>=.., ANDORNOTNEAR\'\\;\x00\ud800unit:kind:value>year:..sort:')), max_size=60)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=ANY_TEXT, pane=st.sampled_from(query.PANES))
def test_parser_raises_only_filter_error(text, pane):
    with contextlib.suppress(FilterError):
        parse(text, pane)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=ANY_TEXT, pane=st.sampled_from(query.PANES))
def test_any_filter_runs_as_valid_sql(conn, text, pane):
    try:
        q = query.build(conn, text, pane)
    except FilterError:
        return
    ids = query.all_ids(conn, q)
    query.fetch_rows(conn, pane, ids[:20])
    assert query.count(conn, q) == len(ids)
    assert query.facets(conn, q, budget=5.0) is not None


# ------------------------------------------------------------------ catalog opening


def test_connection_is_read_only(synthetic_db):
    c = catalog.connect(synthetic_db)
    with pytest.raises(sqlite3.Error):
        c.execute("DELETE FROM articles")
    with pytest.raises(sqlite3.Error):
        c.execute("CREATE TABLE x (a)")


def test_validate_accepts_catalogs(synthetic_db, seed_db):
    assert catalog.validate(synthetic_db)["schema_version"] == str(schema.SCHEMA_VERSION)
    assert catalog.validate(seed_db)["schema_version"] == str(schema.SCHEMA_VERSION)


def test_metric_and_timeline_sentences(synthetic_db, seed_db):
    conn = catalog.connect(synthetic_db)
    m = query.metric(conn, 1)
    assert m is not None and m["text"] in m["sentence"] and m["sentence"].endswith("。")
    ev = query.timeline_event(conn, 1)
    assert ev and all(src["sentence"].endswith("。") for src in ev["sources"])
    conn = catalog.connect(seed_db)
    for (mid,) in conn.execute("SELECT id FROM metrics"):
        m = query.metric(conn, mid)
        assert m is not None and m["text"] in m["sentence"] and "\n" not in m["sentence"]


def test_validate_rejects(tmp_path):
    with pytest.raises(catalog.CatalogError, match="no such file"):
        catalog.validate(tmp_path / "missing.db")
    (tmp_path / "text.db").write_text("hello")
    with pytest.raises(catalog.CatalogError, match="not an SQLite file"):
        catalog.validate(tmp_path / "text.db")
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE t (a)").connection.commit()
    with pytest.raises(catalog.CatalogError, match="no table"):
        catalog.validate(other)
    newer = make_catalog(tmp_path / "newer.db", schema_version=99)
    with pytest.raises(catalog.CatalogError, match="newer"):
        catalog.validate(newer)
    with pytest.raises(catalog.CatalogError, match="folder"):
        catalog.validate(tmp_path)


def test_validate_rejects_truncated(tmp_path, synthetic_db):
    cut = tmp_path / "cut.db"
    shutil.copy(synthetic_db, cut)
    with open(cut, "r+b") as f:
        f.truncate(os.path.getsize(cut) // 3)
    with pytest.raises(catalog.CatalogError):
        catalog.validate(cut)


def test_pool_reuses_connections(synthetic_db):
    pool = catalog.Pool(synthetic_db)
    with pool.connection() as a:
        pass
    with pool.connection() as b:
        assert a is b
    with pool.connection() as c1, pool.connection() as c2:
        assert c1 is not c2
    pool.close()


def test_identity_changes_on_replace(tmp_path, synthetic_db):
    db = tmp_path / "c.db"
    shutil.copy(synthetic_db, db)
    before = catalog.identity(db)
    shutil.copy(synthetic_db, tmp_path / "new.db")
    os.replace(tmp_path / "new.db", db)
    assert catalog.identity(db) != before
