"""Occurrences beyond documents (visits, letters, interviews, openings, laws passed, zones upgraded), and days
written alone (20日) or relative to the article's date, on sentences of our own making."""
from __future__ import annotations

import pytest
from zgc.db.extract.events import extract_events
from zgc.db.records import ArticleText, Event


def ev(body: str, published: str | None = "2023-05-22") -> list[Event]:
    return extract_events(ArticleText(body=body, published=published))


@pytest.mark.parametrize(("body", "date", "action", "policy"), [
    ("2023年4月10日，市委书记到云州科学城考察。", "2023-04-10", "考察", False),
    ("2022年9月，国务院领导视察某某实验室。", "2022-09", "视察", False),
    ("2021年11月2日，国家主席向大会致贺信。", "2021-11-02", "致贺信", False),
    ("2023年3月8日，该所所长接受采访时介绍了研究进展。", "2023-03-08", "接受采访", False),
    ("2022年10月16日，总书记在大会上作报告。", "2022-10-16", "作报告", False),
    ("2022年6月，某某国际会展中心正式开馆。", "2022-06", "开馆", False),
    ("2021年3月11日，全国人大表决通过《某某规划纲要》。", "2021-03-11", "表决通过", True),
    ("2021年12月24日，全国人大常委会通过《科学技术进步法》修订案。", "2021-12-24", "通过", True),
    ("2015年9月，云州高新区升级为国家高新区。", "2015-09", "升级为", True),  # a state decision
    ("2019年，国务院批复同意调整云州高新区空间布局。", "2019", "批复", True),
    ("2022年8月1日起，《某某促进条例》施行。", "2022-08-01", "施行", True),
    ("2月9日上午，总书记走进云州信创园，了解产业发展情况。", "2023-02-09", "走进", False),
    ("1月30日，中共中央政治局就发展未来产业进行集体学习。", "2023-01-30", "集体学习", False),
    ("2022年4月，云州高新区正式更名为云州国家高新区。", "2022-04", "更名为", True),
    ("2022年10月，某某教授当选中国科学院院士。", "2022-10", "当选", False),
    ("3月5日，总理在大会上作政府工作报告。", "2023-03-05", "作政府工作报告", False),
    # 联合建设 is what was built; 制定工作 and 制定的研究 are nouns; 发起的 is a relative clause
    ("2021年，云州区政府和云州智造联合建设科技企业赋能站。", "2021", "建设", True),
    ("2019年，我国推进规划纲要制定工作，成立了专家咨询委员会。", "2019", "成立", True),
    ("2020年，云州市将加强对纲要制定的研究论证，完成规划纲要的文本编制。", "2020", "完成", True),
    ("5月30日，由云州智造联合百度发起的首个产业专利池正式启动。", "2023-05-30", "启动", False),
    ("5月8日，工业和信息化部发布的《关于推进物联网发展的通知》提出新目标。", "2023-05-08", "发布", True),
])
def test_occurrences_of_every_kind_are_events(body, date, action, policy):
    got = ev(body)
    assert [(e.date, e.action) for e in got] == [(date, action)], got
    assert got[0].is_policy is policy


@pytest.mark.parametrize(("body", "date"), [
    ("本报讯 20日，科技部印发《某某工作方案》。", "2023-05-20"),  # this month: the article is of the 22nd
    ("国务院25日召开常务会议，部署创新工作。", "2023-04-25"),  # still to come this month: last month's
    ("昨天，市政府发布《某某措施》。", "2023-05-21"),
])
def test_a_day_alone_or_relative_resolves_against_the_article_date(body, date):
    assert [e.date for e in ev(body)] == [date]


@pytest.mark.parametrize("body", [
    "企业须在30日内完成申报。",
    "为期3日的论坛吸引了众多企业。",
    "每月15日发布统计数据。",
    "活动共计10日。",
])
def test_a_count_of_days_is_no_date(body):
    assert ev(body) == []


def test_a_day_alone_needs_the_article_date():
    assert ev("20日，科技部印发《某某工作方案》。", published=None) == []


def test_the_paper_itself_is_the_actor_of_what_it_does():
    got = extract_events(ArticleText(body="本报2023年1月23日、1月30日休刊两期。", published="2023-01-20",
                                     publication="云州日报"))
    assert [(e.date, e.actor, e.action) for e in got] == [("2023-01-23", "云州日报", "休刊"),
                                                          ("2023-01-30", "云州日报", "休刊")]


def test_the_word_report_inside_work_report_is_no_report_delivered():
    assert [e.action for e in ev("2023年2月，云州市发布政府工作报告解读。")] == ["发布"]


def test_the_day_a_law_takes_effect_and_that_law_named_before():
    got = ev("昨天，全国人大常委会表决通过了《某某国家豁免法》，该法自2024年1月1日起施行。")
    assert [(e.date, e.action, e.document) for e in got] == [
        ("2023-05-21", "表决通过", "某某国家豁免法"), ("2024-01-01", "施行", "某某国家豁免法")]


def test_a_letter_to_a_dated_meeting_takes_its_date():
    got = ev("5月25日，2023云州论坛在长沙开幕。国家主席习近平向论坛致贺信。")
    assert [(e.date, e.action, e.actor) for e in got] == [
        ("2023-05-25", "开幕", "2023云州论坛"), ("2023-05-25", "致贺信", "习近平")]


def test_a_document_named_without_brackets_is_the_event_s_document():
    from zgc.db.extract.article import process_article
    from zgc.db.records import Article

    body = "2023年3月，湖南省科技厅出台了湖南省科技成果转化若干措施。2022年8月，生态环境部等9部委公布了国家气候投融资试点地区名单。"
    article = Article(title="政策", body=body, kind="news", start=0, end=len(body), body_start=0, published="2023-06-01")
    got = [(e.date, e.action, e.document) for e in process_article(article).events]
    assert got == [("2023-03", "出台", "湖南省科技成果转化若干措施"), ("2022-08", "公布", "国家气候投融资试点地区名单")]


def test_a_founding_dated_after_its_verb_and_the_law_a_date_brings_into_force():
    got = [(e.date, e.action, e.document) for e in ev(
        "据了解，该公司成立于2015年，是一家高新技术企业。2023年7月28日，省人大常委会审议通过《湖南省科学技术进步条例》，"
        "自2023年10月1日起施行。")]
    assert got == [("2015", "成立", None), ("2023-07-28", "审议通过", "湖南省科学技术进步条例"),
                   ("2023-10-01", "施行", "湖南省科学技术进步条例")]


def test_an_inspection_tour_is_an_event_and_a_survey_meeting_is_not():
    assert [e.action for e in ev("7月5日上午，市委书记率队赴云州高新区调研科技创新工作。")] == ["调研"]
    assert [e.action for e in ev("2023年5月，园区开展调研座谈，听取企业意见。")] == ["开展"]
