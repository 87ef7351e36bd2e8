"""Series: figures of the same measure, for the same owner, in the same unit, across articles and periods.

A series key groups the ways one measure is written (总收入 / 收入总额; 技术合同成交额 /
技术合同成交金额; 上市公司数量 / 上市公司; a leading 全年 or 年度 dropped) and keeps
apart what changes the meaning (规模以上企业总收入 is not 企业总收入; a growth rate is
not the amount it grows). A plan's target and the figure later reported for it share
a key, so that `target_progress` can set them side by side.
"""
from __future__ import annotations

import re
from typing import NamedTuple

# Words in front that change nothing of what is measured: when, and how it is counted up.
_LEAD = re.compile(r"^(?:全年|年度|当年|累计|共计|总共|新)+(?=[\u4e00-\u9fff]{2})")
# The same measure, written another way: the first form is the key's.
_SYNONYMS = [
    (re.compile(r"收入总额$"), "总收入"),
    (re.compile(r"成交金额$"), "成交额"),
    (re.compile(r"营业总收入$"), "营业收入"),
    (re.compile(r"(?<=[\u4e00-\u9fff]{2})(?:的)?(?:数量|总数|个数|数目)$"), ""),
    (re.compile(r"(?<=[\u4e00-\u9fff]{2})总量$"), ""),
    (re.compile(r"[“”\"‘’《》\s]"), ""),
]


class SeriesKey(NamedTuple):
    subject: str  # the measure, in its grouping form
    scope: str  # whose figure (already under its short name: 中关村示范区)
    unit: str
    kind: str  # "rate" for growth rates, else "level" (a target is a level of its measure)


def subject_key(subject: str) -> str:
    s = _LEAD.sub("", subject.strip())
    for rx, repl in _SYNONYMS:
        s = rx.sub(repl, s)
    return s


def series_key(subject: str | None, scope: str | None, unit: str, kind: str) -> SeriesKey | None:
    """The series a metric belongs to; None for a figure with no subject (it joins no series)."""
    if not subject:
        return None
    key = subject_key(subject)
    if len(key) < 2:
        return None
    return SeriesKey(key, scope or "", unit, "rate" if kind == "rate" else "level")
