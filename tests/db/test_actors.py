"""Event actors are names: never a date, a clause, a quote mark or a preposition; a post is not a name."""
from __future__ import annotations

import re
import sqlite3

import pytest
from zgc.db.extract.actor import actor_name

CASES = [
    ("北京市委书记蔡奇在", None, "蔡奇"), ("习近平总书记在2021中关村论坛开幕式视频贺词", None, "习近平"),
    ("云州市市长王建国", None, "王建国"), ("本报2020年1月27日", None, None), ("2月3日", None, None),
    ("新三板”", None, "新三板"), ("我国高效推进知识产权强国战略纲要", None, None),
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
