"""value>100亿元: a number written with its unit is compared within that unit."""
from __future__ import annotations

import pytest
from zgc.db import catalog, query


@pytest.fixture(scope="module")
def conn(seed_db):
    c = catalog.connect(seed_db)
    yield c
    c.close()


def rows(conn, text):
    q = query.build(conn, text, "metrics")
    return query.fetch_rows(conn, "metrics", query.all_ids(conn, q))


@pytest.mark.parametrize(("text", "unit", "low", "high"), [
    ("value>100亿元", "元", 1e10, None), ("value>=5%", "%", 5, None), ("value:1万..5万家", "家", 1e4, 5e4),
    ("value<1000件", "件", None, 1000), ("value>1亿美元", "美元", 1e8, None),
])
def test_a_unit_keeps_the_comparison_within_it(conn, text, unit, low, high):
    got = rows(conn, text)
    assert got
    assert all(r.unit == unit for r in got)
    assert all((low is None or r.value >= low) and (high is None or r.value <= high) for r in got)


def test_without_a_unit_every_unit_counts(conn):
    assert {r.unit for r in rows(conn, "value>1e10")} > {r.unit for r in rows(conn, "value>100亿元")}


@pytest.mark.parametrize("text", ["value>lots", "value>元", "value:5亿元..lots"])
def test_nonsense_is_still_refused(conn, text):
    with pytest.raises(query.FilterError):
        query.build(conn, text, "metrics")
