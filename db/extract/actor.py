"""Who acted: the named actor of an event, never a date, a clause, a quote mark or a preposition.

The events extractor reads the text before the verb; this turns that into a name:
dates and 本报 go (本报2020年1月27日 休刊: no actor), a trailing 在… goes with what
follows it (北京市委书记蔡奇在 → 蔡奇, the post being his role, not his name), and
what is left must end like a body, a place or a company (部, 委, 局, 中心, 公司,
银行, 大学, 园, 市 …), be a short name, or a list of such; otherwise it is a clause
(我国高效推进知识产权强国战略纲要) and there is no named actor. When the text
names none, a document's own name may (国务院关于…的批复 → 国务院).

The names the entity extractor found come first: the first that can be the
verb's subject (entity_actor) replaces a text that is no name (prefer_named).
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from ..records import EntityMention

_DATE = re.compile(r"(?:(?:19|20)\d{2}年)?(?:\d{1,2}月)?\d{1,2}日|(?:19|20)\d{2}年(?:\d{1,2}月)?|本报")
_AT = re.compile(r"(?<=[\u4e00-\u9fff]{2})[在向赴].*$")  # 在…, 向大会 (the addressee), 赴云州
_BRACKETED = re.compile(r"[(（][^()（）]*[)）]")
_QUOTES = re.compile(r"[“”\"‘’「」]")
_POST_THEN_NAME = re.compile(
    r"^.{2,20}?(?:总书记|书记|主任|副主任|部长|局长|市长|省长|区长|主席|总理|院长|校长|司长|厅长|董事长|总经理|"
    r"总裁|负责人|巡视员|秘书长)([\u4e00-\u9fff]{2,3})$")
_NAME_THEN_POST = re.compile(r"^([\u4e00-\u9fff]{2,3})(?:总书记|书记|主席|总理|同志|委员长)$")
_BODY_END = re.compile(
    r"(?:部|委|局|院|会|府|司|厅|办|办公室|中心|公司|集团|银行|分行|支行|大学|学院|小组|社|园|区|市|省|县|州|所|室|"
    r"协会|联盟|基金|政府|企业|团队|平台|交易所|法院|党委|组织|机构|委员会|联合体|实验室|站|台|网|报|馆|队|处|科|组)$")
_MOTION = re.compile(r"赴|前往|来到|走进|深入")
_PARTS = re.compile(r"、|联合")
_SHORT = 10  # a name without a body's ending: 百度, 小米, 蔡奇, 电子城高科旗下“创E+”
_COUNTED = re.compile(r"等[\d一二三四五六七八九十两]+(?:个|家)?(?:部门|部委|单位|机构|家)$")  # …等9部门
_ISSUER = re.compile(r"^([\u4e00-\u9fff]{2,16}?(?:部|委|局|院|办公厅|政府|委员会|中心|署|总局))(?:关于|印发)")


def actor_name(actor: str | None, document: str | None = None) -> str | None:
    """The actor as a name, or None when what the text gives is not one."""
    name = _clean(actor) if actor else None
    if name is None and document and (m := _ISSUER.match(document)):
        return m.group(1)
    return name


def _clean(text: str) -> str | None:
    s = _BRACKETED.sub("", text)
    s = _QUOTES.sub("", s)
    s = _DATE.sub("", s)
    s = _AT.sub("", s).strip("，,、 ")
    if m := _POST_THEN_NAME.match(s) or _NAME_THEN_POST.match(s):
        return m.group(1)
    if len(s) < 2 or _MOTION.search(s):
        return None  # 三赴云州实地: a clause of going somewhere, no name
    listed = _COUNTED.sub("", s)
    if _BODY_END.search(listed):
        return s
    parts = [p for p in _PARTS.split(listed) if p]
    if not parts or not all(_BODY_END.search(p) or len(p) <= _SHORT for p in parts):
        # a clause: 云州市私募投资企业注册难、管理难; but 我国加快推进…: the country acted
        return "我国" if s.startswith("我国") else None
    return s


_ACTOR_TYPES = frozenset({"person", "gov", "org", "company", "university", "park", "place", "event"})
# 在X, 到X, 来到X考察, 向X致信, 经X批准, 据X: a place, a host or an addressee, not who acted.
_NOT_SUBJECT_BEFORE = re.compile(r"(?:在|到|来到|赴|前往|走进|向|对|给|为|于|从|经|据|由于|陪同|同)$")
_NOT_SUBJECT_AFTER = re.compile(r"(?:陪同|的支持|的指导|的领导|的见证)")
_APPROVED_BY = re.compile(r"(?:获|经|由)$")
_FRAME_CLAUSE = re.compile(r"\s*(?:在|为了?|按照|根据|围绕|据|经|随着)")
_DATELINE = re.compile(r"[\u4e00-\u9fff]{0,6}\d{1,2}月\d{1,2}日电")  # 新华社云州6月30日电
# 张明到云州大学, 云州市政府主办的大会: a person going somewhere, a clause, not one name
_MOVES = re.compile(r"[到在向赴的]|主办|承办")
_POST_BETWEEN = re.compile(r"[\u4e00-\u9fff]{1,8}")  # 云州市委(书记)张明


def entity_actor(mentions: Sequence[EntityMention], text: str, lo: int, verb_at: int) -> str | None:
    """The name the entity extractor found nearest before the verb at `verb_at` (from `lo`, the start of
    the date's clause) that can be its subject: the first such in the verb's own clause, else in the
    clause before it, and so on. Not a place one goes to (来到云州科学园考察), not a host (在云州市长
    陪同下), not one addressed (向论坛致贺信), not in a frame or purpose clause (在…上, 为落实…), and a
    person rather than the body of their post (云州市委书记张明 → 张明)."""
    # (A byline's or the publication's mention has no place in the text: start == end.)
    chosen = [m for m in mentions if lo <= m.start < m.end <= verb_at and m.type in _ACTOR_TYPES]
    if chosen and _APPROVED_BY.search(text, max(lo, chosen[-1].start - 2), chosen[-1].start) \
            and not text[chosen[-1].end:verb_at].strip():
        return chosen[-1].text  # 获云州市药监局批准: the one who approved
    starts = [lo] + [i + 1 for i in range(lo, verb_at) if text[i] in "，,；;："]
    for start, end in reversed(list(zip(starts, [*starts[1:], verb_at], strict=True))):
        if _FRAME_CLAUSE.match(text, start):
            continue
        if found := _subject_in(text, [m for m in chosen if start <= m.start < end], lo):
            return found
    return None


def _subject_in(text: str, chosen: list[EntityMention], lo: int) -> str | None:
    for i, m in enumerate(chosen):
        if _NOT_SUBJECT_BEFORE.search(text, max(lo, m.start - 2), m.start) or _NOT_SUBJECT_AFTER.match(text, m.end):
            continue
        if _DATELINE.match(text, m.end):
            continue
        person = next((p for p in chosen[i + 1:i + 2] if p.type == "person" and p.start - m.end <= 8), None)
        if person and m.type != "person" and _POST_BETWEEN.fullmatch(text, m.end, person.start):
            return person.text
        return m.text
    return None


def in_frame(text: str, clause: int, verb_at: int) -> bool:
    """The verb stands in a frame clause (在2016年8月新三板挂牌前): what the clause names is where."""
    return bool(_FRAME_CLAUSE.match(text, clause)) and not any(c in text[clause:verb_at] for c in "，,；;")


def prefer_named(actor: str | None, named: str | None) -> str | None:
    """The text's actor when it is a name holding or held in the named one, or a list with it; else
    the named entity."""
    if named is None or actor == named:
        return actor
    if actor and named in actor and _PARTS.search(actor):
        return actor  # 甲部、乙局: both acted
    if actor and (actor in named or actor.startswith(named)) and _BODY_END.search(actor) \
            and not _MOVES.search(actor):
        return actor  # 某银行某分行辖属某支行: a longer name the entity extractor cut
    return named
