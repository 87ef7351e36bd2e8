"""Event actors are names: never a date, a clause, a quote mark or a preposition; a post is not a name."""
from __future__ import annotations

import re
import sqlite3

import pytest
from zgc.db.extract.actor import actor_name

CASES = [
    ("北京市委书记蔡奇在", None, "蔡奇"), ("习近平总书记在2021中关村论坛开幕式视频贺词", None, "习近平"),
    ("云州市市长王建国", None, "王建国"), ("本报2020年1月27日", None, None), ("2月3日", None, None),
    ("新三板”", None, "新三板"), ("我国高效推进知识产权强国战略纲要", None, "我国"),
    ("济南市私募投资企业注册难、管理难", None, None), ("科技部、发展改革委、教育部等9部门", None, "科技部、发展改革委、教育部等9部门"),
    ("自然资源部海洋战略规划与经济司", None, "自然资源部海洋战略规划与经济司"), ("中国人民银行、国家外汇管理局", None, "中国人民银行、国家外汇管理局"),
    ("北京知识产权运营管理有限公司(“北京IP”)联合百度", None, "北京知识产权运营管理有限公司联合百度"),
    (None, "国务院关于同意支持中关村科技园区建设国家自主创新示范区的批复", "国务院"),
    (None, "科技部关于印发《科技型中小企业评价办法》的通知", "科技部"), (None, "强链工程", None),
    ("小米", None, "小米"), ("云州高新区管委会", None, "云州高新区管委会"), ("在", None, None),
]


@pytest.mark.parametrize(("raw", "document", "name"), CASES)
def test_actor_names(raw, document, name):
    assert actor_name(raw, document) == name


def test_no_actor_on_the_seed_timeline_is_a_date_a_clause_or_a_fragment(seed_db):
    with sqlite3.connect(seed_db) as conn:
        actors = [r[0] for r in conn.execute("SELECT actor FROM timeline WHERE actor IS NOT NULL")]
    assert actors
    for actor in actors:
        assert not re.search(r"\d{1,2}月\d{1,2}日|\d{4}年|本报", actor), actor
        assert not actor.endswith(("在", "的", "难")) and "在" not in actor[2:], actor
        assert actor.count("“") == actor.count("”") and "(" not in actor, actor


def _actors(body: str, published: str = "2023-06-01") -> dict[str, str | None]:
    from zgc.db.extract.article import process_article
    from zgc.db.records import Article

    article = Article(title="报道", body=body, kind="news", start=0, end=len(body), body_start=0, published=published)
    return {e.action: e.actor for e in process_article(article).events}


@pytest.mark.parametrize(("body", "action", "actor"), [
    # the host, the place visited and the dateline are not who acted
    ("新华社长沙6月30日电 30日下午，国家主席习近平在湖南省负责同志陪同下，来到长沙高新区考察。", "考察", "习近平"),
    ("11月5日下午，习近平总书记到武汉产业创新发展研究院考察，观看科技成果展示。", "考察", "习近平"),
    # the body of the post is not the person
    ("2019年6月，湖南省委书记张明在长沙主持召开座谈会。", "召开", "张明"),
    # a purpose or frame clause names no actor
    ("2022年11月，为落实中关村改革任务部署，科技部、财政部等五部门启动试点。", "启动", "科技部、财政部等五部门"),
    # the actor named before the date's clause
    ("长沙智造集团牵头组建创新联合体，已于7月30日正式启动实施。", "启动", "长沙智造集团"),
    ("6月12日，国家药品监督管理局批准了湖南云州生物科技有限公司的疫苗上市。", "批准", "国家药品监督管理局"),
    ("2015年，张明创办了湖南云州科技有限公司。", "创办", "张明"),
    # 获X批准: X approved; a post's body (国务院总理) is not a person
    ("2023年9月，湖南云州生物研发的抗癌新药获国家药监局批准上市。", "批准", "国家药监局"),
    ("3月5日，国务院总理李强在大会上作政府工作报告。", "作政府工作报告", "李强"),
    # 由X主办的大会: the organiser
    ("6月18日，由湖南省人民政府主办的2023湖南科技创新大会在长沙召开。", "召开", "湖南省人民政府"),
    # the name nearest before the verb, in its own clause or the one before
    ("2019年年初，云州市企业融资难，为破解难题，云州高新区积极争取，成功获批首批试点。", "获批", "云州高新区"),
    # a place in a frame clause is where, not who; the company the sentence introduces acted
    ("刚刚上市的云州智造是一家高校教授创办的企业，在2015年11月“新三板”挂牌前主要做软件。", "挂牌", "云州智造"),
    # a meeting held: by whoever the article says organised it
    ("5月28日，2023云州科技成果转化大会举办。会议由湖南省科技厅、云州市科委主办，云州软件园协办。",
     "举办", "湖南省科技厅、云州市科委"),
    ("5月29日，在2023云州论坛平行论坛科技服务论坛上，多家企业签约。该活动由长沙智造集团主办。", "举办", "长沙智造集团"),
    ("5月30日，在云州知识产权论坛上，云州专利池正式启动。据悉，云州知识产权论坛由国家知识产权局指导，"
     "湖南省知识产权局、云州市政府主办。", "举办", "湖南省知识产权局、云州市政府"),
    # 随着… is a frame: what it names did not act
    ("今年，随着创业板注册制改革和“新三板”精选层推出，企业上市加快。", "推出", None),
])
def test_the_actor_is_the_named_subject_of_the_occurrence(body, action, actor):
    assert _actors(body)[action] == actor


def test_what_happened_at_a_meeting_comes_before_the_meeting_held():
    from zgc.db.extract.article import process_article
    from zgc.db.records import Article

    body = "5月30日，在云州知识产权论坛上，云州专利池正式启动。"
    article = Article(title="报道", body=body, kind="news", start=0, end=len(body), body_start=0, published="2023-06-01")
    assert [e.action for e in process_article(article).events] == ["启动", "举办"]


def test_a_side_event_s_organiser_does_not_hold_the_meeting():
    from zgc.db.extract.article import process_article
    from zgc.db.records import Article

    body = ("5月25日，2023云州论坛年会在长沙召开。论坛期间，由云州管委会主办的技术交易大会同期举行。"
            "本届论坛由湖南省科技厅主办。")
    article = Article(title="报道", body=body, kind="news", start=0, end=len(body), body_start=0, published="2023-06-01")
    held = [e for e in process_article(article).events if e.action == "召开"]
    assert held and held[0].actor != "云州管委会"
