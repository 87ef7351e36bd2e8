"""Saved web pages and PDFs: their story, title, date, publication and authors; bad files reported by name."""
from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path

import pages
import pytest
from zgc.db.build import build_catalog
from zgc.db.cli import main as build_main
from zgc.db.ingest.reader import read_document
from zgc.db.ingest.splitter import split_page


def _articles(path: Path):
    doc, problems = read_document(path)
    assert doc is not None, problems
    return split_page(doc.text, doc.site), doc, problems


def _squeezed(text: str) -> str:
    """Without white space, and without a 本报讯 lead (the splitter keeps the lead out of the body)."""
    return re.sub(r"^本报讯[（(][^)）]*[)）]", "", re.sub(r"\s+", "", text))


@pytest.mark.parametrize(("maker", "suffix"), [
    (pages.gov_notice_html, ".html"), (pages.news_html, ".htm"), (pages.gbk_html, ".shtml"),
    (lambda p: pages.gbk_html(p, declare="http-equiv"), ".html"),
])
def test_a_saved_web_page_gives_its_story_and_facts(tmp_path, maker, suffix):
    path = tmp_path / f"page{suffix}"
    want = maker(path)
    articles, doc, _ = _articles(path)
    story = articles[0]
    assert story.title == want["title"]
    assert story.published == want["published"]
    assert list(story.authors) == want["authors"]
    assert story.publication == want["publication"]
    for key in ("doc_number", "issuer"):
        if key in want:
            assert getattr(story, key) == want[key]
    body = _squeezed(story.body)
    for sentence in want["body_contains"]:
        assert _squeezed(sentence) in body
    for chrome in want["not_in_body"]:
        assert chrome not in story.body and chrome not in story.title
    assert all(a.kind != "news" or a is story for a in articles)  # chrome never makes a story of its own
    if want.get("encoding"):
        assert doc.encoding in ("gbk", "gb2312")  # as the page declares it


def test_a_page_cut_short_keeps_what_it_has(tmp_path):
    path = tmp_path / "cut.html"
    want = pages.truncated_html(path)
    articles, _, problems = _articles(path)
    assert [p.reason for p in problems] == ["truncated"]
    assert articles[0].title == want["title"] and articles[0].published == want["published"]
    for sentence in want["body_contains"]:
        assert _squeezed(sentence) in _squeezed(articles[0].body)


def test_a_pdf_in_two_columns_reads_in_order(tmp_path):
    path = tmp_path / "notice.pdf"
    want = pages.two_column_pdf(path)
    articles, doc, _ = _articles(path)
    (story,) = articles
    assert doc.encoding == "pdf"
    assert story.title == want["title"]
    assert story.published == want["published"]
    assert story.publication == want["publication"]
    body = _squeezed(story.body)
    places = [body.index(_squeezed(s)) for s in want["in_order"]]
    assert places == sorted(places)
    for running in want["not_in_body"]:
        assert _squeezed(running) not in body
    # Articles of the measures are whole paragraphs: no line of the columns is left on its own.
    assert all(p.startswith("第") and p.endswith("。") for p in story.body.split("\n\n")[1:])


BAD = [
    (pages.scanned_pdf, "scan.pdf", "no text layer"),
    (pages.encrypted_pdf, "locked.pdf", "encrypted"),
    (pages.truncated_pdf, "cut.pdf", "damaged"),
    (pages.zip_as_pdf, "archive.pdf", "not a PDF"),
    (pages.scripts_only_html, "app.html", "not a readable web page"),
    (pages.garbage_html, "noise.html", "not a readable web page"),
    (lambda p: pages.huge_html(p, mb=50), "huge.html", "not a readable web page"),
]


@pytest.mark.parametrize(("maker", "name", "reason"), BAD, ids=[b[1] for b in BAD])
def test_a_bad_file_is_reported_with_its_reason(tmp_path, maker, name, reason):
    path = tmp_path / name
    maker(path)
    doc, problems = read_document(path)
    assert doc is None
    assert [p.reason for p in problems] == [reason]
    assert problems[0].path == str(path) and problems[0].detail


def test_bad_files_never_stop_a_build(tmp_path, capsys):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    pages.news_html(corpus / "news.html")
    pages.two_column_pdf(corpus / "notice.pdf")
    (corpus / "plain.txt").write_text("# 云州高新区举办成果对接会\n\n本报讯 云州高新区日前举办科技成果对接会。\n", encoding="utf-8")
    for maker, name, _ in BAD:
        if name != "huge.html":
            maker(corpus / name)
    db = tmp_path / "c.db"
    code = build_main([str(corpus), "--db", str(db), "--json", "--jobs", "1"])
    assert code == 1  # some files were skipped; the catalog is still written
    summary = json.loads(capsys.readouterr().out)
    assert {Path(p["path"]).name for p in summary["problems"]} == {n for _, n, _ in BAD if n != "huge.html"}
    with sqlite3.connect(db) as conn:
        titles = {r[0] for r in conn.execute("SELECT title FROM articles")}
        stored = {Path(r[0]).name: r[1] for r in conn.execute("SELECT path, reason FROM problems")}
    assert {"云州高新区前三季度营业收入达1826.4亿元", "云州市促进高新技术企业高质量发展的若干措施",
            "云州高新区举办成果对接会"} <= titles
    assert stored["scan.pdf"] == "no text layer" and stored["locked.pdf"] == "encrypted"


def test_metric_periods_follow_the_page_date(tmp_path):
    """前三季度 on a web page takes the year of its 发布时间 line."""
    path = tmp_path / "news.html"
    pages.news_html(path)
    db = tmp_path / "c.db"
    build_catalog([path], db, jobs=1)
    with sqlite3.connect(db) as conn:
        periods = {r[0] for r in conn.execute("SELECT period FROM metrics WHERE text LIKE '%1826.4亿元%'")}
    assert periods == {"2024-01/2024-09"}


def test_help_names_the_formats(capsys):
    with pytest.raises(SystemExit):
        build_main(["--help"])
    out = capsys.readouterr().out
    assert ".html" in out and ".pdf" in out


def test_xhtml_with_an_xml_declaration_and_a_bare_date_under_the_headline(tmp_path):
    path = tmp_path / "page.xhtml"
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><head><title>x</title></head>'
        "<body><div class='nav'>首页 | 新闻 | 政务 | 服务</div><h1>云州高新区科技成果转化对接会举行</h1><div>2024-05-06</div>"
        "<div class='content'><p>云州高新区日前举办科技成果转化对接会，32个项目现场签约，签约金额达到12.6亿元。</p>"
        "<p>对接会由云州市科学技术局指导，来自高校院所的120多位专家参加活动。</p></div></body></html>",
        encoding="utf-8")
    (story, *_), _, _ = _articles(path)
    assert story.title == "云州高新区科技成果转化对接会举行"
    assert story.published == "2024-05-06"
    assert "签约金额达到12.6亿元" in story.body and "首页" not in story.body


def test_an_old_table_layout_page_gives_its_story_alone(tmp_path):
    path = tmp_path / "old.htm"
    want = pages.gbk_html(path)
    (story, *_), _, _ = _articles(path)
    for chrome in want["not_in_body"]:
        assert chrome not in story.body
