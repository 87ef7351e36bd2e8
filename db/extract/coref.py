"""References back to a named entity: 该公司, 该区, 此平台, and a sentence that opens with the
head of a name just given (云州智造创新联合体…。创新联合体围绕…).

Whose figure it is and who acted are read from the entities named around a figure or a verb;
a reference back names the same entity, so it is added as a mention of it (for those readers
only: the catalog's mentions stay what the text names).
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from ..records import EntityMention

# The kind of thing a head names: a reference finds the last entity of that kind.
_HEAD_TYPES: dict[str, frozenset[str]] = {
    head: frozenset(kinds.split())
    for kinds, heads in (
        ("company", "公司 集团 企业 银行"),
        ("university", "大学 高校 学校 学院"),
        ("university org", "研究院 研究所"),
        ("park", "园区 高新区 示范区 开发区"),
        ("park place", "新区 区"),
        ("place", "市 省 县"),
        ("org product", "平台"),
        ("org", "联合体 联盟 协会 基金 专利池 实验室"),
        ("org gov", "中心"),
        ("org gov company university", "机构"),
    )
    for head in heads.split()
}
_HEADS = "|".join(sorted(_HEAD_TYPES, key=len, reverse=True))
_H = "\u4e00-\u9fff"
_NOT_HEAD_END = "场|域|块|间|级|长|委|政府"  # 该市场, 该区域, 该市市长: not the city or the district
# 该公司, 该创新联合体, 这家企业, 此平台: a pointer, a modifier of up to four characters, the head.
_POINTER = re.compile(rf"(?:该|此|这(?:一|家|个|所)?)(?![次外前后时项刻些样里么])"
                      rf"([{_H}]{{0,4}}?)({_HEADS})(?!{_NOT_HEAD_END})")
# A sentence opening with a head of two characters or more that ends a name just given:
# 公司拟扩建…, 创新联合体围绕…. A bare one-character head (区, 市) or 企业 says nothing of which.
_OPENING = re.compile(rf"(?:^|(?<=[。！？!?\n]))([{_H}]{{0,4}}?)({_HEADS})(?!{_NOT_HEAD_END})(?=[{_H}])")
_BARE_GENERIC = frozenset({"区", "市", "省", "县", "企业", "高校", "学校", "机构", "中心", "大学"})
_ANY_OF_KIND = frozenset({"公司", "企业", "机构", "高校", "学校"})  # 该公司: any company, whatever its name ends with
_REACH = 400  # characters back a reference looks for the entity it names


def with_references(text: str, mentions: Sequence[EntityMention]) -> tuple[EntityMention, ...]:
    """The mentions, with each reference back to an entity added as a mention of it, in text order."""
    if not mentions:
        return tuple(mentions)
    ordered = sorted(mentions, key=lambda m: m.start)
    spans = [(m.start, m.end) for m in ordered]
    added: list[EntityMention] = []
    for rx, bare in ((_POINTER, False), (_OPENING, True)):
        for m in rx.finditer(text):
            start, end = m.start(), m.end(2)
            modifier, head = m.group(1), m.group(2)
            if bare and not modifier and head in _BARE_GENERIC:
                continue
            if any(s < end and start < e for s, e in spans):
                continue  # part of a name the extractor found (该…有限公司 is a name, 区 of 海淀区 too)
            ref = _referent(ordered, start, modifier, head, by_kind=not (bare and modifier))
            if ref is not None:
                added.append(replace(ref, start=start, end=end, role=None, aliases=()))  # written as named before
                spans.append((start, end))
    return tuple(sorted([*ordered, *added], key=lambda m: m.start))


def _referent(mentions: list[EntityMention], at: int, modifier: str, head: str,
              by_kind: bool) -> EntityMention | None:
    """The last entity named before `at` (within reach) that the words can name: one whose name ends
    with them (创新联合体 → 云州智造创新联合体), else (by_kind) the last of the head's kind whose name
    ends with the head (该区 → 云州高新区; 该公司 names any company)."""
    before = [m for m in mentions if m.end <= at and at - m.end <= _REACH]
    if modifier:
        phrase = modifier + head
        return next((m for m in reversed(before) if m.name.endswith(phrase) or m.text.endswith(phrase)),
                    None) or (_referent(mentions, at, "", head, True) if by_kind else None)
    if not by_kind:
        return None
    kinds = _HEAD_TYPES[head]
    return next((m for m in reversed(before) if m.type in kinds
                 and (head in _ANY_OF_KIND or m.name.endswith(head) or m.text.endswith(head))), None)
