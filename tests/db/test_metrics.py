"""extract_metrics: what a careful reader counts as a metric, and its period, kind and qualifier."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from zgc.db.extract.metrics import extract_metrics
from zgc.db.records import ArticleText

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def metrics(body: str, published: str | None = "2023"):
    return extract_metrics(ArticleText(body=body, published=published))


def row(m):
    return (m.text, m.value, m.unit, m.qualifier, m.period, m.kind)


def test_amount_rate_and_share_in_one_sentence():
    got = metrics("2020年，苏州工业园区实现地区生产总值2907亿元，同比增长6%，"
                  "其中高新技术产业产值占规模以上工业总产值比重达52.3%。", "2021-03-05")
    assert [row(m) for m in got] == [
        ("2907亿元", 290700000000, "元", None, "2020", "amount"),
        ("6%", 6, "%", None, "2020", "rate"),
        ("达52.3%", 52.3, "%", "=", "2020", "share"),
    ]
    assert got[1].subject == got[0].subject


def test_offsets_and_sentence():
    body = "前言。\n\n截至2020年底，全市国家高新技术企业超过1.1万家。"
    (m,) = metrics(body, "2021")
    assert body[m.start:m.end] == "超过1.1万家" == m.text
    assert m.period == "2020-12-31"
    assert m.sentence.startswith("截至2020年底")
    assert body[m.sentence_start:m.sentence_end] == "截至2020年底，全市国家高新技术企业超过1.1万家。"
    assert m.scope == "全市"


def test_comparison_year_is_not_the_period():
    got = metrics("截至2020年底，全市高新技术企业超过1.1万家，是2015年的3倍。", "2021")
    assert [m.period for m in got] == ["2020-12-31", "2020-12-31"]
    assert got[1].kind == "other"


def test_relative_dates_take_the_article_year():
    got = metrics("今年上半年，东湖高新区新增市场主体约2.3万户，同比增长15.6%。", "2022-08")
    assert [row(m) for m in got] == [
        ("约2.3万户", 23000, "户", "~", "2022-01/2022-06", "count"),
        ("15.6%", 15.6, "%", None, "2022-01/2022-06", "rate"),
    ]


def test_targets():
    got = metrics("到2025年，力争全区高新技术企业数量突破5000家，研发投入强度达到8%以上。", "2023")
    assert [(m.kind, m.period, m.qualifier) for m in got] == [("target", "2025", ">"), ("target", "2025", ">")]
    (m,) = metrics("项目拟扩建3000平方米厂房。")
    assert m.kind == "target"


def test_target_list_after_colon_and_semicolons():
    body = "(二)发展目标\n\n到2022年，主要目标包括：\n\n全市高新技术企业达到1万家；\n技术合同成交额突破500亿元。"
    got = metrics(body, "2019-06")
    assert [(m.text, m.kind, m.period) for m in got] == [
        ("达到1万家", "target", "2022"), ("突破500亿元", "target", "2022")]


def test_heading_ends_the_target_section():
    body = "到2022年，主要目标包括：\n\n企业利润率提高到10%以上。\n\n二、主要任务\n\n重点支持一批30岁以下青年人才。"
    got = metrics(body, "2019")
    assert [(m.text, m.kind, m.period) for m in got] == [("10%以上", "target", "2022"), ("30岁以下", "other", None)]


def test_ranges_and_vague_magnitudes():
    got = metrics("共有3至5家企业入围，每家获得50万—100万元资助。园区现有企业3000多家，其中上市公司数十家，从业人员近20万人。")
    assert [(m.value, m.value_max, m.unit, m.qualifier) for m in got] == [
        (3, 5, "家", "~"), (500000, 1000000, "元", "~"), (3000, 4000, "家", ">~"),
        (10, 100, "家", ">~"), (200000, None, "人", "<~")]


def test_spec_values_prices_and_times():
    got = metrics("该芯片功耗降低30%，运算速度提升了5倍，售价为每片299元。")
    assert [(m.text, m.kind) for m in got] == [("30%", "rate"), ("5倍", "other"), ("299元", "other")]
    (m,) = metrics("营收规模迅速扩张10倍。")
    assert m.kind == "rate"


def test_fractions_take_the_qualifier_before_the_whole():
    got = metrics("案例数和金额均超全国1/3，约占全国的二十分之一。")
    assert [(m.value, m.unit, m.qualifier, m.kind) for m in got] == [
        (0.3333, "share", ">", "share"), (0.05, "share", None, "share")]


@pytest.mark.parametrize("body", [
    "会议要求，一是加强统筹，二是强化落实。第三季度将召开第二次会议。",
    "请拨打电话010-12345678咨询，文号为京科发〔2023〕12号，详见第5版。",
    "5G基站建设加快，“十四五”时期，“3+N”产业体系基本形成，“两区”建设持续推进。",
    "统一刊号 CN11—0237，邮发代号 1—206。",
    "2023中关村论坛于5月25日在北京开幕。",
    "围绕“四个中心”定位，对一区十六园统筹规划，包括三城一区。",
    "党的十九大和十九届二中全会精神，建立了三位一体服务平台。",
    "印发《2019年中国海洋经济统计公报》和《关于做好2020年工作的通知》。",
    "这两个项目进展顺利，每一个分园都有一批企业。",
    "主要从支持创业、支持企业等三个方面开展工作。",
    "(三)发展目标\n\n1.紧扣需求，创新驱动。2.深化改革，释放活力。",
    "3年多来，中关村壹号已成首选举办地。全面总结过去30年的发展经验。",
    "科技服务业是千亿级产业，万元增加值能耗持续下降，打造百万级连接规模。",
])
def test_not_metrics(body):
    assert metrics(body) == []


def test_numbers_in_subheadings_restating_figures_are_skipped():
    body = "直接融资占GDP比重达80%\n是济南市3倍\n\n2019年，直接融资占GDP比重达到80%，是济南市比重的3倍。"
    got = metrics(body, "2020-05")
    assert [(m.text, m.period) for m in got] == [("达到80%", "2019"), ("3倍", "2019")]


def test_dated_subheading_gives_the_section_period():
    body = "2019年成绩亮眼\n\n创新创业生态持续优化，投资案例783起。\n\n支持产业\n\n每个分园发展一到两个主导产业。"
    got = metrics(body, "2020-01-20")
    assert [(m.text, m.period) for m in got] == [("783起", "2019"), ("一到两个", None)]


def test_period_carries_to_the_next_statistical_sentence_only():
    body = ("2018年，全省专利授权量达到5.2万件，比上年增长12.4%。发明专利授权量8000余件。\n\n"
            "目前，全省共有省级孵化器120家。")
    got = metrics(body, "2019-06")
    assert [(m.text, m.period) for m in got] == [
        ("达到5.2万件", "2018"), ("12.4%", "2018"), ("8000余件", "2018"), ("120家", None)]


def test_now_resets_unless_it_is_the_report_date():
    got = metrics("5月6日从人社部获悉，目前，全国向320万户企业发放返还423亿元。", "2020-05")
    assert [m.period for m in got] == ["2020-05-06", "2020-05-06"]
    got = metrics("2019年年初，该区获批集聚区，目前已设立私募投资类企业150多家。", "2020-05")
    assert [m.period for m in got] == [None]


def test_event_day_does_not_date_later_figures():
    got = metrics("5月30日，专利池正式启动。首批入池专利达170余项。", "2023")
    assert [(m.text, m.qualifier, m.period) for m in got] == [("达170余项", ">~", None)]


def test_recent_years_and_from_to_spans():
    got = metrics("近五年均保持了10%以上的增速。", "2020-01-20")
    assert [(m.period, m.kind) for m in got] == [("2015/2019", "rate")]
    got = metrics("合同从2018年的41.20万项提高到2022年的77.3万项，成交额从2018年的1.77万亿元提高到4.78万亿元，"
                  "分别增长87.6%和170%。", "2023")
    assert [m.period for m in got] == ["2018", "2022", "2018", "2022", "2018/2022", "2018/2022"]
    assert [m.kind for m in got][-2:] == ["rate", "rate"]


def test_enumerated_dates_make_a_span():
    (m,) = metrics("本报2020年1月27日、2月3日休刊两期。", "2020-01-20")
    assert (m.value, m.unit, m.period) == (2, "期", "2020-01-27/2020-02-03")


def test_bare_magnitude_with_qualifier_counts():
    (m,) = metrics("到2020年底，移动物联网连接数达到12亿。", "2020-05")
    assert (m.value, m.unit, m.qualifier, m.period, m.kind) == (1.2e9, "个", "=", "2020-12-31", "target")


def test_no_published_date():
    got = metrics("今年以来，全市新增上市公司16家。", None)
    assert [(m.value, m.period) for m in got] == [(16, None)]


def test_seed_sentences():
    body = (SEEDS / "000_114833f442edb46f.txt").read_text(encoding="utf-8")
    start = body.index("2019年1—11月，规模")
    got = metrics(body[start:start + 200], "2020-01-20")
    assert [row(m) for m in got][:3] == [
        ("超5.4万亿元", 5.4e12, "元", ">", "2019-01/2019-11", "amount"),
        ("13.8%", 13.8, "%", None, "2019-01/2019-11", "rate"),
        ("10%以上", 10, "%", ">", "2015/2019", "rate"),
    ]


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300), st.sampled_from([None, "2020", "2020-05", "2020-05-06", "bad"]))
def test_never_raises(body, published):
    for m in extract_metrics(ArticleText(body=body, published=published)):
        assert body[m.start:m.end] == m.text


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789.%—一二两三十百千万亿多余近超达到年月日底今截至目前，。；：\n《》“”家元个")),
               max_size=120))
def test_never_raises_on_numberish_text(body):
    for m in extract_metrics(ArticleText(body=body, published="2022")):
        assert body[m.start:m.end] == m.text


def test_a_yearless_period_takes_the_year_of_its_sentence_or_paragraph():
    from zgc.db.extract.metrics import extract_metrics
    from zgc.db.records import ArticleText

    body = "2019年，长沙高新区主要产业保持增长，全年实现增加值3572亿元。前三季度，园区新增企业120家。"
    got = {m.text: m.period for m in extract_metrics(ArticleText(body=body, published="2020-05-08"))}
    assert got["3572亿元"] == "2019"
    assert got["120家"] == "2019-01/2019-09"
