"""Days named from the article's date (昨天, 上周五, 本月20日) resolve against it, in parse_date and in the extractors."""
from __future__ import annotations

import datetime

import pytest
from zgc.db import parse_date
from zgc.db.extract.dates import find_dates
from zgc.db.extract.events import extract_events
from zgc.db.records import ArticleText

BASE = datetime.date(2021, 3, 16)  # a Tuesday

CASES = [
    ("今天", "2021-03-16", "day"), ("今日", "2021-03-16", "day"), ("昨天", "2021-03-15", "day"),
    ("昨日", "2021-03-15", "day"), ("前天", "2021-03-14", "day"), ("明天", "2021-03-17", "day"),
    ("后天", "2021-03-18", "day"), ("上周五", "2021-03-12", "day"), ("本周一", "2021-03-15", "day"),
    ("这周日", "2021-03-21", "day"), ("下周三", "2021-03-24", "day"), ("上星期四", "2021-03-11", "day"),
    ("本月20日", "2021-03-20", "day"), ("上月", "2021-02", "month"), ("下月3日", "2021-04-03", "day"),
    ("本月", "2021-03", "month"),
]


@pytest.mark.parametrize(("text", "start", "precision"), CASES)
def test_relative_days(text, start, precision):
    span = parse_date(text, BASE)
    assert span is not None and (span.start, span.end, span.precision) == (start, start, precision)


def test_across_a_year_and_invalid_days():
    assert parse_date("上月", datetime.date(2021, 1, 5)).start == "2020-12"
    assert parse_date("昨天", datetime.date(2021, 1, 1)).start == "2020-12-31"
    assert parse_date("下月31日", datetime.date(2021, 1, 5)) is None  # 2021-02-31
    assert parse_date("今日头条", BASE) is None


def test_found_in_text_only_with_a_reference_date():
    text = "科技部昨天召开会议，上周五发布通知，本月20日将举行论坛。"
    assert [(d.text, d.span.start) for d in find_dates(text, BASE)] == [
        ("昨天", "2021-03-15"), ("上周五", "2021-03-12"), ("本月20日", "2021-03-20")]
    assert find_dates(text) == []
    assert not [d for d in find_dates("今日头条发布年度报告，岁月如歌。", BASE)]


def test_events_on_relative_days_take_the_article_date():
    body = "科技部昨天在北京召开全国科技工作会议。上周五，国务院印发《关于加快科技成果转化的意见》。"
    events = extract_events(ArticleText(body=body, published="2021-03-16"))
    assert [(e.date, e.actor, e.action) for e in events] == [("2021-03-15", "科技部", "召开"), ("2021-03-12", "国务院", "印发")]
    assert extract_events(ArticleText(body=body)) == []  # nothing to resolve against
