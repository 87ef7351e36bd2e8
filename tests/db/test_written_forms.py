"""The written forms of quantities and dates, generated across values, scales, units and connectors.

Expectations are computed from the parts each case is made of, so the cases can be many and each
one states what a reader would understand.
"""
from __future__ import annotations

import datetime
import itertools
import random

import pytest
from hypothesis import given
from hypothesis import strategies as st
from zgc.db import parse_date, parse_quantity

DIGITS = "零一二三四五六七八九"
FINANCIAL = "零壹贰叁肆伍陆柒捌玖"


def chinese(n: int, digits: str = DIGITS, units: str = "十百千") -> str:
    """n (1..9999) in Chinese numerals: 3405 → 三千四百零五."""
    out, zero = [], False
    for place, unit in ((1000, units[2]), (100, units[1]), (10, units[0]), (1, "")):
        d, n = divmod(n, place)
        if d:
            if zero and out:
                out.append(digits[0])
            out.append(digits[d] + unit)
            zero = False
        elif out:
            zero = True
    text = "".join(out)
    return text[1:] if text.startswith(digits[1] + units[0]) and digits is DIGITS else text


SCALES = [("千", 1e3), ("万", 1e4), ("十万", 1e5), ("百万", 1e6), ("千万", 1e7), ("亿", 1e8)]
UNITS = [("元", "元"), ("家", "家"), ("美元", "美元"), ("", "")]
CONNECTORS = ["到", "至", "-", "~", "～"]

RANGE_CASES = [
    (f"{lo if arabic else DIGITS[lo]}{c}{hi if arabic else DIGITS[hi]}{scale}{written}", lo * k, hi * k, unit)
    for (lo, hi), (scale, k), (written, unit), c, arabic in itertools.product(
        [(3, 5), (2, 8), (6, 7), (1, 3), (4, 9)], SCALES, UNITS, CONNECTORS, (True, False))
    if not (arabic and scale in ("十万", "百万", "千万"))  # 3-5百万 is not how figures are written
]


@pytest.mark.parametrize(("text", "lo", "hi", "unit"), RANGE_CASES)
def test_a_scale_written_once_applies_to_both_ends(text, lo, hi, unit):
    q = parse_quantity(text)
    assert q is not None, text
    assert (q.value, q.value_max, q.unit, q.qualifier) == (pytest.approx(lo), pytest.approx(hi), unit, "~")


@pytest.mark.parametrize(("text", "lo", "hi", "unit"), [
    ("三千到五千万元", 3e7, 5e7, "元"), ("六到七百亿", 6e10, 7e10, ""), ("20~30万元", 2e5, 3e5, "元"),
    ("2万元--8万元", 2e4, 8e4, "元"), ("从6000到2万美元", 6000, 2e4, "美元"), ("1万-5万元", 1e4, 5e4, "元"),
    ("两千至三千万元", 2e7, 3e7, "元"), ("由300到500家", 300, 500, "家"),
])
def test_ranges_as_the_issue_writes_them(text, lo, hi, unit):
    q = parse_quantity(text)
    assert (q.value, q.value_max, q.unit) == (pytest.approx(lo), pytest.approx(hi), unit)


ADJACENT = [(a, b) for a, b in zip("一二三四五六七八", "二三四五六七八九", strict=True)] + [("三", "五"), ("两", "三")]
ADJACENT_CASES = [
    (f"{a}{b}{step}{scale}{written}", DIGITS.index(a.replace("两", "二")) * s1 * s2,
     DIGITS.index(b) * s1 * s2, unit)
    for (a, b), (step, s1), (scale, s2), (written, unit) in itertools.product(
        ADJACENT, [("", 1), ("十", 10), ("百", 100), ("千", 1000)], [("", 1), ("万", 1e4), ("亿", 1e8)],
        [("家", "家"), ("元", "元"), ("人", "人"), ("", "")])
    if (step, scale) != ("", "") or written  # 七八 alone is no figure
]


@pytest.mark.parametrize(("text", "lo", "hi", "unit"), ADJACENT_CASES)
def test_adjacent_numerals_are_a_vague_range(text, lo, hi, unit):
    q = parse_quantity(text)
    assert q is not None, text
    assert (q.value, q.value_max, q.unit, q.qualifier) == (pytest.approx(lo), pytest.approx(hi), unit, "~")


random.seed(20)
FINANCIAL_CASES = sorted(set(random.sample(range(1, 10000), 120)) | {10, 100, 1000, 1001, 1010, 9999})


@pytest.mark.parametrize("n", FINANCIAL_CASES)
def test_financial_numerals(n):
    written = chinese(n, FINANCIAL, "拾佰仟")
    assert parse_quantity(f"{written}元").value == n
    assert parse_quantity(f"人民币{written}元整").value == n
    assert parse_quantity(f"{chinese(n)}元").value == n


CURRENCIES = [("人民币", "元"), ("港币", "港元"), ("新台币", "新台币"), ("台币", "新台币"), ("日币", "日元"),
              ("美金", "美元")]


@pytest.mark.parametrize(("before", "unit"), CURRENCIES)
@pytest.mark.parametrize(("number", "value"), [("3亿", 3e8), ("56.3亿", 5.63e9), ("三千五百", 3500), ("500万", 5e6)])
def test_currency_names_before_the_number(before, unit, number, value):
    for text in (f"{before}{number}", f"{before}{number}元"):
        q = parse_quantity(text)
        assert (q.value, q.unit) == (pytest.approx(value), unit), text


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("1.5亿美金", 1.5e8, "美元"), ("300万港币", 3e6, "港元"), ("20亿日币", 2e9, "日元"), ("8亿元人民币", 8e8, "元"),
    ("45元6角7分", 45.67, "元"), ("3元5角", 3.5, "元"), ("十二元八角", 12.8, "元"), ("三个亿", 3e8, ""),
    ("8k", 8000, ""), ("20w", 2e5, ""), ("20w元", 2e5, "元"), ("1.5k", 1500, ""),
])
def test_other_money_forms(text, value, unit):
    q = parse_quantity(text)
    assert (q.value, q.unit) == (pytest.approx(value), unit)


def test_colloquial_ranges():
    q = parse_quantity("8k-12k")
    assert (q.value, q.value_max, q.qualifier) == (8000, 12000, "~")


BASE = datetime.date(2021, 6, 1)
random.seed(7)
DAYS = [datetime.date(2000, 1, 1) + datetime.timedelta(days=random.randrange(9000)) for _ in range(60)]


@pytest.mark.parametrize("day", DAYS)
def test_compact_spaced_and_dotted_dates(day):
    iso = day.isoformat()
    for text in (day.strftime("%Y%m%d"), f"{day.year} {day.month:02d} {day.day:02d}", f"{day.year}.{day.month}.{day.day}"):
        span = parse_date(text, BASE)
        assert span is not None and (span.start, span.precision) == (iso, "day"), text
    month = parse_date(f"{day.year}.{day.month:02d}", BASE)
    assert (month.start, month.precision) == (iso[:7], "month")


@pytest.mark.parametrize(("text", "start", "end", "precision"), [
    ("2003.05-2006.11", "2003-05", "2006-11", "month"), ("2011.07-2013", "2011", "2013", "year"),
    ("7·15", "2021-07-15", "2021-07-15", "day"), ("10-08", "2021-10-08", "2021-10-08", "day"),
    ("九五年", "1995", "1995", "year"), ("〇六年", "2006", "2006", "year"),
    ("从2019年3月1日至2020年3月1日止", "2019-03-01", "2020-03-01", "day"),
    ("自2020年1月1日起至2020年12月31日止", "2020-01-01", "2020-12-31", "day"),
    ("从2012年——2020年", "2012", "2020", "year"),
    ("从2020年3月五号到十二号", "2020-03-05", "2020-03-12", "day"),
    ("4月6至5月20", "2021-04-06", "2021-05-20", "day"),
    ("1992到96年3月", "1992", "1996", "year"),
])
def test_date_spans_as_written(text, start, end, precision):
    span = parse_date(text, BASE)
    assert span is not None and (span.start, span.end, span.precision) == (start, end, precision)


@pytest.mark.parametrize("text", ["13-45", "2019 13 01", "20191332", "7·45", "13.5", "110-08"])
def test_number_shapes_that_are_no_dates(text):
    assert parse_date(text, BASE) is None


@given(st.text(alphabet="0123456789一二三四五六七八九十百千万亿元到至-~家kKwW角分毛从由人民币港台", max_size=14))
def test_parsers_never_raise(text):
    parse_quantity(text)
    parse_date(text, BASE)
