"""Series of one measure across reports, and a plan's targets against the figures reported later."""
from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from zgc.db.build import build_catalog
from zgc.db.extract.series import series_key, subject_key

REPORTS = {
    # A zone's yearly total revenue, in differently worded reports, one page a year.
    "2017.txt": "# 云州高新区2016年发展成绩单\n\n本报讯 2016年，云州高新区企业总收入达到1200亿元，同比增长11.2%。\n",
    "2018.txt": "# 云州高新区经济稳中有进\n\n本报讯 2017年，云州高新区实现企业收入总额1350亿元，比上年增长12.5%。\n",
    "2019.txt": "# 云州高新区发布年度报告\n\n本报讯 2018年全年，云州高新区企业总收入1510亿元。\n",
    "2022.txt": "# 云州高新区总收入再创新高\n\n本报讯 2021年，云州高新区企业总收入突破2000亿元，同比增长10.3%。\n",
    # A plan with 2025 targets, and the report of 2025's figures: one met, one missed, one not reported.
    "plan.txt": ("# 云州高新区创新发展行动计划(2021-2025年)\n\n为加快建设创新型园区，制定本计划。"
                 "到2025年，云州高新区企业总收入超过3000亿元，高新技术企业数量达到1500家，"
                 "企业研发投入强度达到4%。\n"),
    "2026.txt": ("# 云州高新区“十四五”收官\n\n本报讯 2025年，云州高新区企业总收入3120亿元，"
                 "高新技术企业1380家。\n"),
}


@pytest.fixture(scope="module")
def conn(tmp_path_factory):
    root = tmp_path_factory.mktemp("series")
    for name, text in REPORTS.items():
        (root / name).write_text(text, encoding="utf-8")
    db = root / "c.db"
    build_catalog([root], db, jobs=1)
    c = sqlite3.connect(db)
    yield c
    c.close()


def test_subject_keys_group_ways_of_writing_one_measure():
    assert subject_key("收入总额") == subject_key("总收入") == "总收入"
    assert subject_key("技术合同成交金额") == subject_key("技术合同成交额")
    assert subject_key("上市公司数量") == subject_key("上市公司")
    assert subject_key("全年企业总收入") == "企业总收入"
    assert subject_key("规模以上企业总收入") != subject_key("企业总收入")
    a, r = series_key("企业总收入", "云州高新区", "元", "amount"), series_key("企业总收入", "云州高新区", "%", "rate")
    assert a != r and a.kind == "level" and r.kind == "rate"
    assert series_key("企业总收入", "云州高新区", "元", "target") == a  # a target joins its measure's series


def test_a_zone_s_revenue_is_one_series_over_the_years(conn):
    rows = conn.execute(
        "SELECT s.subject, s.scope, s.n_points, s.first_period, s.last_period FROM series s"
        " WHERE s.unit = '元' AND s.kind = 'level' AND s.subject LIKE '%总收入' AND s.scope = '云州高新区'").fetchall()
    assert len(rows) == 1
    subject, _scope, n, first, last = rows[0]
    assert (subject, n, first, last) == ("企业总收入", 6, "2016", "2025")
    periods = [r[0] for r in conn.execute(
        "SELECT m.period FROM metrics m JOIN series s ON s.id = m.series_id WHERE s.subject = '企业总收入'"
        " AND s.unit = '元' AND m.kind != 'target' ORDER BY m.period")]
    assert periods == ["2016", "2017", "2018", "2021", "2025"]


def test_targets_against_actuals(conn):
    got = {r[0]: r[1:] for r in conn.execute(
        "SELECT subject, target_period, target_value, actual_value, actual_period, status FROM target_progress"
        " WHERE scope = '云州高新区'")}
    assert got["企业总收入"] == ("2025", 3e11, 3.12e11, "2025", "met")
    assert got["高新技术企业"] == ("2025", 1500, 1380, "2025", "missed")
    assert got["企业研发投入强度"][-1] == "no figure"


def test_the_bundled_plan_s_targets(seed_db: Path):
    with sqlite3.connect(seed_db) as c:
        plan = c.execute("SELECT subject, scope, target_value, actual_value, actual_period, status FROM target_progress"
                         " WHERE target_period = '2022' AND scope = '中关村示范区'").fetchall()
        assert len(plan) == 16
        listed = next(r for r in plan if r[2] == 500)
        assert listed[3:] == (365, "2019-12-31", "in progress")
        contract = c.execute("SELECT n_points, first_period, last_period FROM series WHERE subject = '技术合同成交额'"
                             " AND scope = '全国' AND unit = '元'").fetchall()
        assert contract == [(2, "2018", "2022")]
