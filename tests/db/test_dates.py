"""parse_date and find_dates: the written forms of Chinese dates."""
from __future__ import annotations

import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from zgc.db import parse_date
from zgc.db.extract.dates import find_dates
from zgc.db.records import DateSpan

BASE = datetime.date(2023, 6, 1)


def D(start: str, end: str | None = None, precision: str | None = None) -> DateSpan:
    p = precision or {4: "year", 7: "month", 10: "day"}[len(start)]
    return DateSpan(start, end or start, p)


CASES = [
    ("2009年3月20日", D("2009-03-20")),
    ("2019-02-18", D("2019-02-18")),
    ("2019/04/19", D("2019-04-19")),
    ("2019.04.19", D("2019-04-19")),
    ("2019-4-9", D("2019-04-09")),
    ("1988年5月", D("1988-05")),
    ("2020年", D("2020")),
    ("二〇二〇年", D("2020")),
    ("二〇〇六年十二月", D("2006-12")),
    ("二零一九年三月五日", D("2019-03-05")),
    ("二〇一九年十月三十一日", D("2019-10-31")),
    ("二〇一九年十二月二十日", D("2019-12-20")),
    ("○八年", D("2008")),
    ("98年4月", D("1998-04")),
    ("08年8月8日", D("2008-08-08")),
    ("30年1月", D("2030-01")),
    ("5月27日", D("2023-05-27")),
    ("5月27号", D("2023-05-27")),
    ("十月一日", D("2023-10-01")),
    ("6月", D("2023-06")),
    ("2017年8月至11月", D("2017-08", "2017-11")),
    ("2019年1—11月", D("2019-01", "2019-11")),
    ("2019年1-11月", D("2019-01", "2019-11")),
    ("2019年一至十一月", D("2019-01", "2019-11")),
    ("2019年4月12-19日", D("2019-04-12", "2019-04-19")),
    ("2023年5月26—30日", D("2023-05-26", "2023-05-30")),
    ("5月26日至30日", D("2023-05-26", "2023-05-30")),
    ("2018-2022年", D("2018", "2022")),
    ("2018年至2022年", D("2018", "2022")),
    ("2022—2025年", D("2022", "2025")),
    ("2017年8月至2018年3月", D("2017-08", "2018-03")),
    ("2019年12月-2020年2月", D("2019-12", "2020-02")),
    ("2019年12月30日至2020年1月2日", D("2019-12-30", "2020-01-02")),
    ("2019-02-18至2019-03-01", D("2019-02-18", "2019-03-01")),
    ("今年", D("2023")),
    ("去年", D("2022")),
    ("明年", D("2024")),
    ("前年", D("2021")),
    ("后年", D("2025")),
    ("今年6月", D("2023-06")),
    ("去年12月", D("2022-12")),
    ("今年6月底", D("2023-06-30", precision="day")),
    ("2019年底", D("2019-12-31")),
    ("2019年年底", D("2019-12-31")),
    ("2019年末", D("2019-12-31")),
    ("2019年初", D("2019-01")),
    ("2019年上半年", D("2019-01", "2019-06")),
    ("2019年下半年", D("2019-07", "2019-12")),
    ("2019年一季度", D("2019-01", "2019-03")),
    ("2019年第二季度", D("2019-04", "2019-06")),
    ("2019年前三季度", D("2019-01", "2019-09")),
    ("2019年3月上旬", D("2019-03-01", "2019-03-10")),
    ("2019年3月下旬", D("2019-03-21", "2019-03-31")),
    ("2019年2月底", D("2019-02-28")),
    ("2020年2月底", D("2020-02-29")),
    ("2019年度", D("2019")),
    ("2019全年", D("2019")),
    ("80年代", D("1980", "1989")),
    ("上世纪90年代", D("1990", "1999")),
    ("２０１９年３月５日", D("2019-03-05")),
    ("２０１９－０２－１８", D("2019-02-18")),
    ("2020年2月29日", D("2020-02-29")),
    ("2019", D("2019")),
    ("2019-04", D("2019-04")),
    ("2019年 3月 5日", D("2019-03-05")),
]

INVALID = ["2019年13月", "2019年2月30日", "2019年2月29日", "2019年4月31日", "2019年0月", "13月",
           "2月30日", "〔2018〕4号", "1/3", "2.0", "三年", "二十年", "", "   ", "中关村", "12345",
           "010-82345678", "2020年3月-1月", "2019年12月-11月", "abc", "第3期", "5G", "年", "月日"]


@pytest.mark.parametrize(("text", "want"), CASES)
def test_parse(text: str, want: DateSpan) -> None:
    assert parse_date(text, BASE) == want


@pytest.mark.parametrize("text", INVALID)
def test_invalid(text: str) -> None:
    assert parse_date(text, BASE) is None


@pytest.mark.parametrize(("text", "base", "year"), [
    ("98年4月", datetime.date(2023, 1, 1), 1998),
    ("20年4月", datetime.date(2023, 1, 1), 2020),
    ("33年4月", datetime.date(2023, 1, 1), 2033),
    ("34年4月", datetime.date(2023, 1, 1), 1934),
    ("99年1月", datetime.date(1999, 1, 1), 1999),
    ("05年1月", datetime.date(1999, 1, 1), 2005),
])
def test_two_digit_years(text: str, base: datetime.date, year: int) -> None:
    span = parse_date(text, base)
    assert span is not None and span.start.startswith(str(year))


def test_relative_uses_today_without_base() -> None:
    span = parse_date("今年")
    assert span == D(str(datetime.date.today().year))


def test_single_date_end_equals_start() -> None:
    span = parse_date("2009年3月20日")
    assert span is not None and span.end == span.start


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40))
def test_parse_never_raises(text: str) -> None:
    parse_date(text, BASE)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="0123456789年月日号至-—/.今去明上下半季度底初末一二三十〇零", max_size=20))
def test_parse_never_raises_datey(text: str) -> None:
    span = parse_date(text, BASE)
    if span is not None:
        assert span.start <= span.end
        assert span.precision in ("year", "month", "day")


# ---------------------------------------------------------------------------
# find_dates

def texts(text: str, base: datetime.date | None = BASE) -> list[str]:
    return [m.text for m in find_dates(text, base)]


@pytest.mark.parametrize(("text", "want"), [
    ("2019年1—11月，规模以上企业总收入超5.4万亿元。", ["2019年1—11月"]),
    ("截至2019年底，上市公司达365家。", ["2019年底"]),
    ("均超全国1/3。", []),
    ("中示区组发〔2018〕4号", []),
    ("联系电话：010-82345678", []),
    ("2023中关村论坛在京开幕", []),
    ("发布2.0版本，增长13.8%", []),
    ("共有2019家企业", []),
    ("2019年中关村示范区", ["2019年"]),
    ("2019年初步实现", ["2019年"]),
    ("5月27日,在论坛上", ["5月27日"]),
    ("本报2020年1月27日、2月3日休刊两期", ["2020年1月27日", "2月3日"]),
    ("行动计划(2018-2022年)", ["2018-2022年"]),
    ("发布日期:2019-02-18 信息来源", ["2019-02-18"]),
    ("二〇二〇年三月，国务院印发", ["二〇二〇年三月"]),
    ("今年2月，银行获批", ["今年2月"]),
    ("近10年来，3个月内", []),
    ("1988年5月，国务院批准", ["1988年5月"]),
    ("98年4月成立", ["98年4月"]),
    ("第3期(总第2365期)", []),
    ("２０２０年５月，科技部印发", ["２０２０年５月"]),
])
def test_find(text: str, want: list[str]) -> None:
    assert texts(text) == want


def test_find_offsets_and_span() -> None:
    text = "据悉，2021年8月，北京大学与中国石油签署协议。"
    (m,) = find_dates(text, BASE)
    assert text[m.start:m.end] == "2021年8月"
    assert m.span == D("2021-08")
    assert m.has_year and not m.relative and not m.fuzzy


def test_find_without_base_skips_yearless() -> None:
    assert texts("5月27日开幕，今年举办，2019年成立", None) == ["2019年"]


def test_find_flags() -> None:
    ms = find_dates("今年6月，2019年底，5月8日", BASE)
    assert [(m.relative, m.has_year, m.fuzzy) for m in ms] == [
        (True, False, False), (False, True, True), (False, False, False)]


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80))
def test_find_never_raises(text: str) -> None:
    for m in find_dates(text, BASE):
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start:m.end] == m.text


@pytest.mark.parametrize(("text", "start", "end"), [
    ("前三季度，全市", "2023-01", "2023-09"), ("上半年，园区", "2023-01", "2023-06"), ("一季度，", "2023-01", "2023-03"),
    ("第二季度", "2023-04", "2023-06"), ("今年前4月", "2023-01", "2023-04"), ("2022年前5个月", "2022-01", "2022-05"),
    ("前十个月", "2023-01", "2023-10"), ("全年技术合同", "2023", "2023"),
])
def test_parts_of_a_year_without_one_take_the_article_s(text, start, end):
    (found,) = find_dates(text, BASE)
    assert (found.span.start, found.span.end) == (start, end)


def test_the_whole_year_in_an_early_report_is_the_year_just_ended_and_months_ahead_are_no_period():
    assert find_dates("全年技术合同", datetime.date(2023, 2, 10))[0].span.start == "2022"
    assert find_dates("前3个月内完成", BASE) == []
