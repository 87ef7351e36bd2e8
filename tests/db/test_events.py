"""extract_events: which dated mentions are events, and what they say."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from zgc.db.extract.events import extract_events, is_policy_event, notice_events, timeline_key
from zgc.db.records import ArticleText, Event


def ev(body: str, published: str | None = "2023-06-01") -> list[Event]:
    return extract_events(ArticleText(body=body, published=published))


def one(body: str, published: str | None = "2023-06-01") -> Event:
    got = ev(body, published)
    assert len(got) == 1, got
    return got[0]


@pytest.mark.parametrize(("body", "date", "precision", "action", "policy"), [
    ("2020年5月,科技部、发展改革委、教育部等9部门印发《赋予科研人员职务科技成果所有权试点方案》。",
     "2020-05", "month", "印发", True),
    ("2009年3月20日，《国务院关于同意支持某科技园区建设示范区的批复》正式公布。", "2009-03-20", "day", "公布", True),
    ("1988年5月，国务院批准成立高新技术产业开发试验区。", "1988-05", "month", "批准", True),
    ("2017年9月，江苏省人民政府出台《关于加快科技创新的若干政策》。", "2017-09", "month", "出台", True),
    ("2016年，深圳市政府设立天使投资引导基金。", "2016", "year", "设立", True),
    ("2018年3月，工业和信息化部发布《工业互联网发展行动计划》。", "2018-03", "month", "发布", True),
    ("二〇一九年十月，省科技厅启动科技成果评价改革试点。", "2019-10", "month", "启动", True),
    ("2021年8月，北京大学与中国石油签署了战略合作协议。", "2021-08", "month", "签署", False),
    ("2022年，某某大学与市教委合作举办创新创业大赛。", "2022", "year", "举办", False),
    ("2019年11月5日，第二届进口博览会在上海开幕。", "2019-11-05", "day", "开幕", False),
    ("2020年12月，某某科技公司正式成立。", "2020-12", "month", "成立", False),
    ("2021年3月，某某生物公司的新药产品获批上市。", "2021-03", "month", "获批", False),
    ("2022年7月，某某集团在杭州召开年度合作伙伴大会。", "2022-07", "month", "召开", False),
    ("2015年11月，该公司在“新三板”挂牌。", "2015-11", "month", "挂牌", False),
    ("2023年5月26—30日，2023某某论坛展览在北京举办。", "2023-05-26", "day", "举办", False),
    ("2019年12月，市人大常委会审议通过《某某科技创新条例》。", "2019-12", "month", "审议通过", True),
    ("2020年，财政部、国家知识产权局继续在全国选择若干重点城市，支持开展运营服务体系建设。",
     "2020", "year", "选择", True),
    ("2019年年初，某某高新区积极争取，成功获批首批“私募投资企业集聚区”。", "2019", "year", "获批", True),
])
def test_events(body: str, date: str, precision: str, action: str, policy: bool) -> None:
    e = one(body)
    assert (e.date, e.precision, e.action, e.is_policy) == (date, precision, action, policy)
    assert body[e.start:e.end] in body and e.sentence
    assert body[e.sentence_start:e.sentence_end] == e.sentence
    assert e.sentence_start <= e.start < e.end <= e.sentence_end


@pytest.mark.parametrize("body", [
    "2019年，我国共授权发明专利45.3万件，同比增长5%。",
    "截至2019年底，中关村上市公司达365家。",
    "到2022年，初步建成具有全球影响力的科技创新中心。",
    "2019年1—11月，规模以上企业总收入超5.4万亿元。",
    "近日，国务院印发《关于某某的通知》。",
    "目前，各试点单位已经制定了实施方案。",
    "近年来，科技部等部门推动科技成果转化工作。",
    "会议指出，2020年是全面建成小康社会和“十三五”规划收官之年。",
    "全国技术合同从2018年的41.20万项提高到2022年的77.3万项。",
    "财政部办公厅印发《关于做好2020年知识产权运营服务体系建设的通知》。",
    "2019全年支持企业超过4000家。",
    "今年以来，全市新增上市公司16家。",
    "2023中关村论坛开幕，多家企业发布新品。",
    "## 2019年海洋生产总值超8.9万亿元",
    "2021年科技型中小企业的研发投入超过6300亿元。",
    "中关村坚持不断完善创新政策，自2023年起纳入支持范围。",
])
def test_not_events(body: str) -> None:
    assert ev(body) == []


def test_yearless_date_takes_article_year() -> None:
    e = one("5月7日,中国人民银行、国家外汇管理局发布《境外机构投资者资金管理规定》。", "2020-05-09")
    assert (e.date, e.action, e.document, e.is_policy) == ("2020-05-07", "发布", "境外机构投资者资金管理规定", True)
    assert e.actor == "中国人民银行、国家外汇管理局"


def test_yearless_date_in_january_paper_is_last_year() -> None:
    e = one("12月20日，市科委发布《科技企业孵化器管理办法》。", "2020-01-05")
    assert e.date == "2019-12-20"


def test_yearless_without_article_date_makes_no_event() -> None:
    assert ev("5月7日，市政府印发《某某办法》。", None) == []


def test_relative_year() -> None:
    e = one("今年2月，北京银行、北京农商银行获批纳入碳减排支持工具支持范围。", "2023")
    assert (e.date, e.precision, e.is_policy) == ("2023-02", "month", True)
    e = one("去年，省政府印发了《支持外资研发中心发展若干措施》。", "2022-08-01")
    assert (e.date, e.precision, e.action) == ("2021", "year", "印发")


def test_listed_dates_share_the_verb() -> None:
    got = ev("因春节放假，本报2020年1月27日、2月3日休刊两期。", "2020-01-20")
    assert [(e.date, e.action) for e in got] == [("2020-01-27", "休刊"), ("2020-02-03", "休刊")]


def test_several_documents_give_several_events() -> None:
    got = ev("2022年以来，北京市先后印发《金融业发展规划》《绿色金融行动方案》《低碳试点工作方案》等政策。")
    assert [e.document for e in got] == ["金融业发展规划", "绿色金融行动方案", "低碳试点工作方案"]
    assert all(e.date == "2022" and e.is_policy and e.actor == "北京市" for e in got)


def test_meeting_frame_and_continuation() -> None:
    body = "5月28日，2023某某高校技术转移大会举办。会上，某某软件园联合某促进会正式发布协同创新平台。"
    got = ev(body)
    assert [(e.date, e.action, e.is_policy) for e in got] == [
        ("2023-05-28", "举办", False), ("2023-05-28", "发布", False)]
    got = ev("5月30日，在2023某某论坛全球知识产权保护与创新论坛上，由某公司联合某公司发起的专利池正式启动。")
    # what happened at the meeting first, then the meeting; 发起的 is a relative clause, 启动 the occurrence
    assert [e.action for e in got] == ["启动", "举办"]


def test_meeting_frame_alone() -> None:
    e = one("5月29日，在2023某某论坛科技服务创新发展论坛上，与会人士共同探讨了科技服务业发展的新范式。")
    assert (e.date, e.action, e.is_policy) == ("2023-05-29", "举办", False)


def test_date_inside_clause() -> None:
    e = one("某集团牵头组建创新联合体，已于7月30日正式启动实施。", "2022")
    assert (e.date, e.action, e.is_policy) == ("2022-07-30", "启动", False)


def test_two_dates_in_one_sentence() -> None:
    got = ev("2021年8月，北京大学与中国石油签署了战略合作协议，2022年已正式启动18项研究项目。")
    assert [(e.date, e.action) for e in got] == [("2021-08", "签署"), ("2022", "启动")]


def test_purpose_clause_skipped() -> None:
    e = one("2022年11月，为落实先行先试改革任务部署，科技部、财政部等五部门联合开展职务科技成果管理试点。")
    assert (e.action, e.actor, e.is_policy) == ("开展", "科技部、财政部等五部门", True)


def test_later_relative_clause_does_not_inherit() -> None:
    e = one("2020年，科技部、教育部启动技术转移机构建设，首批20家高校已取得进展，第二批试点工作将于近期启动。")
    assert e.action == "启动" and e.date == "2020"


def test_quoted_documents() -> None:
    got = ev("2021年，某软件园在全国首发“管家式科创服务标准”和“科创服务管家人才培养体系”。")
    assert [e.document for e in got] == ["管家式科创服务标准", "科创服务管家人才培养体系"]
    assert not any(e.is_policy for e in got)


def test_speech_by_leader() -> None:
    e = one("2019年6月，市委书记某某在调研时强调推动高质量发展。")
    assert (e.action, e.is_policy) == ("强调", False)


def test_leader_announces_reform() -> None:
    e = one("2021年9月24日，习近平总书记在论坛开幕式视频贺词中，宣布支持开展新一轮先行先试改革。")
    assert (e.action, e.is_policy) == ("宣布", True)


def test_summary_short() -> None:
    e = one("2020年，科技部" + "、某某部" * 30 + "联合印发《某方案》。")
    assert len(e.summary) <= 60


def test_metadata_in_body() -> None:
    got = ev("发布日期:2019-02-18 信息来源: 某某领导小组\n\n【颁布时间】:2018-12-27\n\n正文。")
    assert [(e.date, e.action, e.is_policy) for e in got] == [("2019-02-18", "发布", True),
                                                              ("2018-12-27", "颁布", True)]


def test_notice_events() -> None:
    meta = "发布日期:2019-02-18 信息来源: 某某领导小组\n【颁布时间】:2018-12-27\n【实施时间】:2018-12-27"
    got = notice_events(meta, "关于印发《某某行动计划(2018-2022年)》的通知")
    assert [(e.date, e.action) for e in got] == [("2019-02-18", "发布"), ("2018-12-27", "颁布"),
                                                 ("2018-12-27", "实施")]
    assert all(e.document == "某某行动计划(2018-2022年)" and e.actor == "某某领导小组" for e in got)
    assert meta[got[0].start:got[0].end] == "2019-02-18"


def test_is_policy_rules() -> None:
    assert is_policy_event("印发", "国务院办公厅", "某方案", "")
    assert not is_policy_event("举办", "市科委", None, "")
    assert not is_policy_event("发布", "某某科技有限公司", None, "")
    assert is_policy_event("获批", "某银行", None, "纳入支持范围")
    assert not is_policy_event("获批", "某公司", None, "新药产品获批上市")
    assert is_policy_event("推出", None, None, "随着注册制改革推出")


def _event(**kw: object) -> Event:
    base = dict(date="2020-05", precision="month", actor="科技部", action="印发", document=None,
                summary="", is_policy=True, sentence="", sentence_start=0, sentence_end=0, start=0, end=1)
    base.update(kw)
    return Event(**base)  # type: ignore[arg-type]


def test_timeline_key() -> None:
    a = _event(document="《某某方案》", actor="科技部")
    b = _event(document="某某方案", actor="科技部等9部门", sentence="x")
    assert timeline_key(a) == timeline_key(b)
    assert timeline_key(_event()) == timeline_key(_event(summary="other"))
    assert timeline_key(_event()) != timeline_key(_event(action="发布"))
    assert timeline_key(_event()) != timeline_key(_event(date="2020-06"))


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=120), st.sampled_from([None, "2020", "2020-05", "2020-05-09", "garbage"]))
def test_never_raises(body: str, published: str | None) -> None:
    for e in ev(body, published):
        assert 0 <= e.start < e.end <= len(body)
        assert 0 <= e.sentence_start < e.sentence_end <= len(body)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["2020年", "5月7日", "，", "。", "国务院", "印发", "《某办法》", "今年",
                                 "在论坛上", "会上", "举办", "\n", "截至", "1—11月", "支持企业", "4000家"]),
                max_size=25))
def test_never_raises_datey(parts: list[str]) -> None:
    ev("".join(parts), "2020-05-09")
