"""parse_quantity and find_quantities: the written forms of Chinese quantities."""
from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from zgc.db import parse_quantity
from zgc.db.extract.numbers import cn_number, find_quantities

CASES = [
    # text, value, unit, qualifier, value_max
    ("约4.287亿美元", 428700000, "美元", "~", None),
    ("2100多亿元", 210000000000, "元", ">~", 220000000000),
    ("近两万家", 20000, "家", "<~", None),
    ("30,000余项", 30000, "项", ">~", 40000),
    ("1万-5万元", 10000, "元", "~", 50000),
    ("3-5万元", 30000, "元", "~", 50000),
    ("三分之一", 0.3333, "share", None, None),
    ("13.8%", 13.8, "%", None, None),
    ("13.8％", 13.8, "%", None, None),
    ("超5.4万亿元", 5.4e12, "元", ">", None),
    ("百分之十", 10, "%", None, None),
    ("百分之三十五点五", 35.5, "%", None, None),
    ("千分之五", 5, "‰", None, None),
    ("两万", 20000, "", None, None),
    ("十六", 16, "", None, None),
    ("2.1万", 21000, "", None, None),
    ("1/3", 0.3333, "share", None, None),
    ("2-3个", 2, "个", "~", 3),
    ("5—10家", 5, "家", "~", 10),
    ("3至5家", 3, "家", "~", 5),
    ("数百家", 100, "家", ">~", 1000),
    ("数十亿元", 1e9, "元", ">~", 1e10),
    ("数百万元", 1e6, "元", ">~", 1e7),
    ("上万项", 10000, "项", ">~", None),
    ("一到两个", 1, "个", "~", 2),
    ("１２３４", 1234, "", None, None),
    ("１２３４家", 1234, "家", None, None),
    ("0.6个百分点", 0.6, "百分点", None, None),
    ("10%以上", 10, "%", ">", None),
    ("500家左右", 500, "家", "~", None),
    ("40万元/人", 400000, "元/人", None, None),
    ("183亿元/平方公里", 1.83e10, "元/平方公里", None, None),
    ("一千二百三十四", 1234, "", None, None),
    ("一万零五百", 10500, "", None, None),
    ("两千万", 2e7, "", None, None),
    ("3千", 3000, "", None, None),
    ("1.2千亿", 1.2e11, "", None, None),
    ("十二点五", 12.5, "", None, None),
    ("人民币100元", 100, "元", None, None),
    ("100元人民币", 100, "元", None, None),
    ("五十美元", 50, "美元", None, None),
    ("二十万元整", 200000, "元", None, None),
    ("壹仟贰佰元整", 1200, "元", None, None),
    ("3000多", 3000, "", ">~", 4000),
    ("十余个", 10, "个", ">~", 20),
    ("10余个", 10, "个", ">~", 20),
    ("3.8万余项", 38000, "项", ">~", 39000),
    ("七大机制", 7, "个", None, None),
    ("五大类", 5, "类", None, None),
    ("二十小类", 20, "类", None, None),
    ("一个星期", 1, "星期", None, None),
    ("三个月", 3, "月", None, None),
    ("三年", 3, "年", None, None),
    ("0.065吨标煤", 0.065, "吨标煤", None, None),
    ("4000平米", 4000, "平方米", None, None),
    ("30岁以下", 30, "岁", "<", None),
    ("达170余项", 170, "项", ">~", 180),
    ("达到了281亿元", 2.81e10, "元", "=", None),
    ("高达27亿元", 2.7e9, "元", "=", None),
    ("不足6%", 6, "%", "<", None),
    ("突破6万人", 60000, "人", ">", None),
    ("逾千家", 1000, "家", ">~", None),
    ("近百家", 100, "家", "<~", None),
    ("一亿零一", 100000001, "", None, None),
    ("十万零三千六百零九", 103609, "", None, None),
    ("三千万亿", 3e15, "", None, None),
    ("三亿五千万", 3.5e8, "", None, None),
    ("一百二", 120, "", None, None),
    ("一万五", 15000, "", None, None),
    ("负十", -10, "", None, None),
    ("七成以上", 70, "%", ">", None),
    ("近一半", 0.5, "share", "<~", None),
    ("过半", 0.5, "share", ">", None),
    ("4.6万人次", 46000, "人次", None, None),
    ("8513万人", 85130000, "人", None, None),
    ("10倍", 10, "倍", None, None),
    ("4500伏", 4500, "伏", None, None),
    ("50万美元", 500000, "美元", None, None),
    ("三千万日元", 3e7, "日元", None, None),
    ("6000～9000元", 6000, "元", "~", 9000),
    ("100元至200元", 100, "元", "~", 200),
    ("九千元以上", 9000, "元", ">", None),
    ("不少于10家", 10, "家", ">=", None),
    ("不超过500万元", 5e6, "元", "<=", None),
    ("二〇一九", 2019, "", None, None),
    ("320万户", 3200000, "户", None, None),
    ("1000所以上", 1000, "所", ">", None),
]


@pytest.mark.parametrize(("text", "value", "unit", "qualifier", "value_max"), CASES)
def test_parse_quantity(text, value, unit, qualifier, value_max):
    q = parse_quantity(text)
    assert q is not None, text
    assert math.isclose(q.value, value, rel_tol=1e-4), (text, q)
    assert q.unit == unit, (text, q)
    assert q.qualifier == qualifier, (text, q)
    if value_max is None:
        assert q.value_max is None, (text, q)
    else:
        assert q.value_max is not None and math.isclose(q.value_max, value_max, rel_tol=1e-4), (text, q)


@pytest.mark.parametrize("text", ["", "   ", "中关村", "abc", "万", "第", "%", "分之"])
def test_not_a_quantity(text):
    assert parse_quantity(text) is None


@pytest.mark.parametrize(("text", "value"), [("十三五", None), ("零", 0), ("十", 10), ("一百零八", 108)])
def test_cn_number(text, value):
    assert cn_number(text) == value


def _found(text: str) -> list[str]:
    return [m.text for m in find_quantities(text)]


def test_find_keeps_qualifiers_in_text():
    text = "规模以上企业总收入超5.4万亿元，同比增长13.8%，近五年均保持了10%以上的增速，投入达到210亿元。"
    assert [t for t in _found(text) if "五" not in t] == ["超5.4万亿元", "13.8%", "10%以上", "达到210亿元"]


def test_find_offsets_point_into_the_text():
    text = "全市共有企业１２３家，比上年增加二十家。"
    for m in find_quantities(text):
        assert text[m.start:m.end] == m.text


def test_find_stops_at_the_comma():
    assert "4.78万亿元" in _found("提高到4.78万亿元,分别增长87.6%")


@pytest.mark.parametrize("text", ["第一个国家级高新区", "5G网络", "3C产品", "一个平台", "一批企业", "千校万企",
                                  "万元增加值能耗", "百万级连接", "十九大", "三位一体", "上下游企业12家上下游"])
def test_find_skips_non_counts(text):
    units = [m.quantity.unit for m in find_quantities(text) if not m.bare]
    assert not [u for u in units if u not in ("家",)], (text, _found(text))


def test_durations_need_context():
    assert not [m for m in find_quantities("2019年以来，近五年") if not m.bare]
    got = find_quantities("经过三年的时间，计划利用5年时间，用了一个星期")
    assert [(m.quantity.value, m.quantity.unit) for m in got] == [(3, "年"), (5, "年"), (1, "星期")]
    assert all(m.duration for m in got)


def test_fraction_and_share():
    got = find_quantities("均超全国1/3，占全国近一半")
    assert [(m.text, m.quantity.unit) for m in got] == [("1/3", "share"), ("近一半", "share")]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789.,%-—/一二两三十百千万亿零点分之多余数上近约超达元家个年月日的，。第５")),
               max_size=40))
def test_never_raises_on_numberish_text(text):
    parse_quantity(text)
    for m in find_quantities(text):
        assert 0 <= m.start < m.end <= len(text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_never_raises_on_arbitrary_text(text):
    parse_quantity(text)
    find_quantities(text)
