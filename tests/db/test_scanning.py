"""The fast scans find exactly what the plain ones do.

Some patterns are tried only where a quick search finds a character they can begin with, or only
when a word they need is there (db/text.py `finditer_from`). A character left out of such a set
would silently lose dates and links: these tests compare both ways on text made of the characters
the patterns read.
"""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from zgc.db.extract import dates
from zgc.db.ingest import webtext
from zgc.db.text import finditer_from

# Pieces of the forms the patterns read, and characters around them: random strings of single
# characters would seldom spell 全年 or 上周五.
_PIECES = ["全年", "上半年", "下半年", "前三季度", "第二季度", "三季度", "前4个月", "前十一个月", "个月", "今年", "去年",
           "本年", "上年", "2023年", "1999年", "今天", "今日", "今日头条", "昨天", "前天", "明日", "后天", "上周", "本周",
           "这星期", "这星期五", "这周日", "下周", "五", "日", "上月", "本月", "下月", "20日", "3日", "05日", "号", "底", "内", "以", "前", "后",
           "第", "每", "至", "-", ".", "月", "年", "1", "2", "3", "4", "9", "0", "的", "在", "，", "。", " ",
           "打印", "本页", "关闭", "窗口", "返回", "顶部", "上一篇", "下一条", "加入收藏", "分享", "纠错", "字体", "字号", "：",
           "大", "中", "小", "【", "】", "[", "]", "（", "）", "|"]
_TEXT = st.lists(st.sampled_from(_PIECES), max_size=20).map("".join)

SCANS = [
    pytest.param(dates._YEAR_PART, dates._YEAR_PART_FIRST, id="year parts"),
    pytest.param(dates._REL_DAY, dates._REL_DAY_FIRST, id="relative days"),
]


def _spans(matches) -> list[tuple[tuple[int, int], dict]]:  # type: ignore[no-untyped-def]
    return [(m.span(), m.groupdict()) for m in matches]


@pytest.mark.parametrize(("pattern", "first"), SCANS)
@settings(max_examples=400, deadline=None)
@given(text=_TEXT)
def test_a_fast_scan_finds_what_finditer_finds(pattern: re.Pattern[str], first: re.Pattern[str], text: str) -> None:
    assert _spans(finditer_from(pattern, first, text)) == _spans(pattern.finditer(text))


@pytest.mark.parametrize(("pattern", "first", "text", "found"), [
    # 2023年前三季度 is the main finder's: after 年 this pattern takes only 三季度.
    (dates._YEAR_PART, dates._YEAR_PART_FIRST, "2023年前三季度和上半年，全年增长", ["三季度", "上半年", "全年"]),
    (dates._YEAR_PART, dates._YEAR_PART_FIRST, "今年前4个月，第二季度", ["今年前4个月", "第二季度"]),
    (dates._REL_DAY, dates._REL_DAY_FIRST, "昨天和上周五，本月20日，25日", ["昨天", "上周五", "本月20日", "25日"]),
], ids=["year parts after a year", "year parts", "relative days"])
def test_a_fast_scan_finds_these(pattern: re.Pattern[str], first: re.Pattern[str], text: str,
                                 found: list[str]) -> None:
    assert [m.group() for m in finditer_from(pattern, first, text)] == found


@settings(max_examples=400, deadline=None)
@given(text=_TEXT)
def test_links_are_removed_as_the_full_pattern_removes_them(text: str) -> None:
    assert webtext._unlinked(text, " ") == webtext._LINKS.sub(" ", text)


def test_every_link_word_is_one_the_guard_looks_for() -> None:
    for link in ("【打印本页】", "[关闭窗口]", "返回顶部", "上一篇", "下一条", "加入收藏", "分享", "纠错",
                 "字体：大 中 小", "字号[大中小]"):
        assert webtext._unlinked(f"正文{link}", "") == "正文", link
