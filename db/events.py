"""Dated events: documents issued, approvals, foundings, launches, meetings, signings.

A date mention makes an event when a verb of occurrence follows it in its scope (the
text up to the next date or the end of the sentence): 2020年5月,科技部等9部门印发《X》.
A date that only frames a statistic (2019年,我国共授权发明专利45.3万件), a period or a
target (截至2019年底, 到2022年), or that sits inside a document's name makes none.
"""
from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from .dates import DateMention, find_dates, published_base
from .records import ArticleText, Event
from .text import halfwidth

__all__ = ["extract_events", "is_policy_event", "notice_events", "timeline_key"]

# Verbs of occurrence. Weak ones also describe running activity (支持企业超过4000家):
# followed by a quantity they state a figure, not an event.
_STRONG = (
    "审议通过", "印发", "发布", "颁布", "出台", "公布", "下发", "批准", "获批", "批复", "核准",
    "签署", "签订", "签约", "成立", "设立", "组建", "揭牌", "挂牌", "启动", "开通", "上线",
    "举办", "举行", "召开", "开幕", "闭幕", "落幕", "推出", "首发", "发起", "宣布", "修订",
    "制定", "拨付", "命名", "创立", "创办", "施行", "试行", "生效", "投产", "开工", "竣工",
    "拉开帷幕", "休刊", "停刊", "获悉", "联合建设", "共同建设", "合作建设", "强调",
    "入选", "授牌", "发行", "落地", "出炉",
)
_WEAK = ("开展", "实施", "支持", "完成", "选择", "建立", "认定", "上市")
_VERB = re.compile(
    r"(?<![拟待])(?:" + "|".join(sorted(_STRONG + _WEAK, key=len, reverse=True)) + r")"
    r"|通过(?=[^,，。；;]{0,24}(?:审查|审议|验收|认证|评审|评估|备案))"
)
_WEAK_SET = frozenset(_WEAK)
_NOUN_AFTER = {"上市": "企公", "挂牌": "企公", "开幕": "式", "闭幕": "式", "启动": "式仪", "签约": "仪"}
_MEETING_VERBS = frozenset({"举办", "举行", "召开", "开幕", "闭幕", "落幕"})
_SPEECH_VERBS = frozenset({"强调", "获悉"})
_NON_POLICY = frozenset({"休刊", "停刊"}) | _MEETING_VERBS | _SPEECH_VERBS
_APPROVAL = frozenset({"批准", "获批", "批复", "核准"})
_ISSUE = frozenset({"印发", "发布", "颁布", "出台", "公布", "下发", "审议通过", "施行", "实施"})

# A quantity: 4000家, 18项, 1.5亿元 (not 5G, not a year).
_QUANTITY = re.compile(r"(等)?[\d.]+(?:[万亿千百]+)?(?:多|余)?(?:家|项|个|件|人|元|亿|万|只|起|支|次|户|所|台|条)")
# Words before a date that make it a period or a target, not an occurrence.
_PERIOD_BEFORE = re.compile(r"(?:截至|截止|截止到|到|至|直到|预计到|从|自|由)$")
# Words after a date that make it a frame for something else: 2020年是..., 2018年的41万项.
_FRAME_AFTER = re.compile(r"^(?:的|是|为|起|之前|前后|以前|底前|年底前|末)")
# A clause after these no longer reports the dated occurrence.
_STOP = re.compile(r"近期|近日|日前|目前|当前|今后|未来|下一步|多年来|近年来|长期以来|此前|随后|截至|此外")
_SPEECH = re.compile(r"(?:介绍说|表示|介绍|指出|认为|说)$")
_MEETING_FRAME = re.compile(
    r"^在(?P<name>[^,，。；;]{2,60}?(?:会|论坛|峰会|博览会|展览|交易会|发布会|仪式|开幕式|大赛|年会|沙龙|活动))"
    r"(?:上|期间|中|现场)"
)
_CONTINUATION = re.compile(r"(?:会上|会议上|会议期间|活动上|活动中|活动现场|现场|仪式上|论坛上|大会上)")
_CLAUSE = re.compile(r"[^,，；;：:]+")
_BOOK = re.compile(r"《([^《》\n]{1,120})》")
_QUOTED_DOC = re.compile(
    r"“([^“”\n]{2,40}(?:标准|体系|方案|计划|政策|规划|意见|办法|措施|倡议|名单|纲要|通知|条例|规定|指南|"
    r"目录|清单|细则|决定|公报|战略|工程|行动))”"
)
_ADVERBS = re.compile(
    r"^(?:已经|已|于|在|并|也|还|均|又|再|则|就|便|即|共同|联合|正式|先后|陆续|相继|率先|继续|首次|再次|"
    r"分别|合作|成功|集中|日前|近日|今天|当天|同日|随后|牵头)+|(?:已经|已|于|正式|先后|陆续|相继|率先|"
    r"继续|首次|再次|分别|联合|共同|合作|成功|集中|在全国|在京|牵头|组织|对外|向社会)+$"
)
_AT_PHRASE = re.compile(r"在[^,，。；;]{1,40}(?:上|期间|方面)|在[\u4e00-\u9fff]{1,10}$")
# 与/和 join two actors only after an organisation's ending: 人力资源和社会保障部 is one name.
_AND = re.compile(r"(?<=[部局委院园司厅署办学所团行心会府])(?:与|和|同)(?=[\u4e00-\u9fff“])")
# Clauses of purpose or manner (为落实..., 以改革创新为动力) do not report the occurrence.
_PURPOSE = re.compile(r"^(?:为了?|以|按照|根据|围绕|通过|在[^,，]*下)(?![^,，]*(?:发布|印发|举办))")
_MASK = re.compile(r"《[^《》\n]*》|“[^“”\n]*”")
_GOV = re.compile(
    r"国务院|中央|党中央|全国人大|人大常委会|政府|管委会|管理委员会|人民银行|领导小组|委员会|市委|省委|区委|"
    r"县委|党委|部门|部委|国家|我国|总书记|主席|总理|财政|"
    r"(?:部|局|厅|委|署|办|司|办公室)(?=$|[、，,和与及等])|^[\u4e00-\u9fff]{2,8}(?:市|省|区|县|自治区|特区)$"
)
_NOT_GOV = re.compile(r"公司|集团|银行|大学|学院|研究院|研究所|股份|企业|协会|学会|联盟|园|中心|基金")
_POLICY_TOPIC = re.compile(r"改革|试点|政策|注册制|规划|方案|条例|办法|示范区|先行先试|拨付|财政资金")
_PRODUCT = re.compile(r"产品|药品|注册证|医疗器械|上市许可|新药|疫苗|型号")
_META = re.compile(
    r"(?:【|\[)?(?P<label>发布|颁布|实施|印发|成文|公布|施行|生效)(?:日期|时间)(?:】|\])?\s*[:：]\s*$"
)
_META_ISSUER = re.compile(r"(?:颁布部门|发布机构|发文机关|发文单位|信息来源)(?:】|\])?\s*[:：]\s*([^\s【\[]{2,40})")
_SENTENCE_END = re.compile(r"[。！？!?；;]")
_SUMMARY_MAX = 60
_WINDOW = 400
_SCOPE_MAX = 200  # a date's verb comes within a clause or two of it
# Compiled once: a pattern string passed to re.sub looks up re's cache on every call.
_ACTOR_EDGES = re.compile(r"^[“”\"\s(（]+|[\s]+$")
_ACTOR_LEAD = re.compile(r"^(?:为[^，,]*|据了解|此外|同时|其中|由|随着|经|从|向)")
_ACTOR_CUT = re.compile(r"按照|根据|依据|围绕|将|为了|积极|大力|主要从")
_WORD_CHAR = re.compile(r"[\u4e00-\u9fffA-Za-z]")
_NAMED_BODY = re.compile(r"[\u4e00-\u9fff]{2,}(?:司|所|社|馆|报)$")
_LIST_SEP = re.compile(r"[、，,]")
_GOV_HEAD = re.compile(r"国务院|政府|管委会|部$|局$")
_NORM_DROP = re.compile(r"[\s《》“”\"'‘’()（）、,，·]+")


@dataclass(frozen=True)
class _Base:
    date: datetime.date | None
    precision: str  # year | month | day, of the article's publication date


def _base(published: str | None) -> _Base:
    return _Base(*published_base(published))

def _inside_brackets(text: str, pos: int, sent_start: int) -> bool:
    """True when `pos` lies inside 《...》 (a document's name)."""
    seg = text[sent_start:pos]
    return seg.rfind("《") > seg.rfind("》")


def _sentence_bounds(text: str, pos: int) -> tuple[int, int]:
    """The sentence around `pos`: a line break ends it only after a full stop or a short line.

    The window is capped (_WINDOW chars each side) so that text without punctuation stays linear.
    """
    lo = max(0, pos - _WINDOW)
    start = max(text.rfind(c, lo, pos) for c in "。！？!?；;") + 1
    start = max(start, lo)
    nl = text.rfind("\n", start, pos)
    while nl >= start:
        if _line_closed(text, nl):
            start = nl + 1
            break
        nl = text.rfind("\n", start, nl)
    hi = min(len(text), pos + _WINDOW)
    m = _SENTENCE_END.search(text, pos, hi)
    end = m.end() if m else hi
    nl = text.find("\n", pos, end)
    while 0 <= nl < end:
        if _line_closed(text, nl):
            end = nl
            break
        nl = text.find("\n", nl + 1, end)
    return start, end


def _line_closed(text: str, nl: int) -> bool:
    """A line break ends a sentence unless the line stops mid-clause (a page layout break)."""
    i = nl
    while i > 0 and text[i - 1] in " \t\n":
        i -= 1
    if i == 0:
        return True
    lo = max(0, i - 40)
    k = text.rfind("\n", lo, i)
    line = text[k + 1 if k >= 0 else lo:i]
    if (k >= 0 or lo == 0) and (len(line) < 12 or line.lstrip().startswith("#")):
        return True
    j = nl
    while j < len(text) and text[j] in " \t\n":
        j += 1
    if j >= len(text) or text[j] == "#":
        return True
    return text[i - 1] in "。！？!?；;:：”\"」)）》】"


def _year_for(m: DateMention, prev: DateMention | None, base: _Base, scope: str) -> DateMention:
    """A date written without its year: from an earlier full date in the sentence, else the article's."""
    if m.has_year or m.relative:
        return m
    span = m.span
    if prev is not None and prev.has_year:
        year = prev.span.start[:4]
    elif base.date is not None:
        year = f"{base.date.year:04d}"
        # 12月20日 in a January paper is last December, unless the text announces it (将于).
        if base.precision != "year" and "将" not in scope[:20]:
            try:
                when = datetime.date.fromisoformat(_full(year + span.start[4:]))
                if (when - base.date).days > 62:
                    year = f"{base.date.year - 1:04d}"
            except ValueError:
                pass
    else:
        return m
    start = year + span.start[4:]
    end = year + span.end[4:]
    return DateMention(m.start, m.end, m.text, type(span)(start, end, span.precision),
                       has_year=False, relative=False, fuzzy=m.fuzzy)


def _full(iso: str) -> str:
    return iso if len(iso) == 10 else (iso + "-01")[:10] if len(iso) == 7 else iso + "-01-01"


def _event_date(m: DateMention) -> tuple[str, str]:
    """The event's date: a range takes its start; 年底/年初/上半年 only tell the year."""
    if m.fuzzy:
        return m.span.start[:4], "year"
    return m.span.start, m.span.precision


def _clean_actor(s: str) -> str | None:
    s = s[-100:]  # an actor is named just before its verb; a longer lead is not a name
    s = _AT_PHRASE.sub("", s)
    s = _ACTOR_EDGES.sub("", s)
    prev = None
    while prev != s:
        prev = s
        s = _ADVERBS.sub("", s).strip()
        s = _ACTOR_LEAD.sub("", s)
    s = _ACTOR_CUT.split(s)[0]
    s = _AND.sub("、", s)
    s = s.strip("，,、 ")
    if not s or len(s) > 60 or s.startswith("《") or not _WORD_CHAR.search(s):
        return None
    return s


def _looks_named(actor: str) -> bool:
    """An actor that names a body (科技部, 中关村软件园), not a stray phrase (加强对纲要)."""
    named = _NAMED_BODY.search(actor)
    return bool(_GOV.search(actor) or _NOT_GOV.search(actor) or named)


def _is_gov(actor: str) -> bool:
    for part in _LIST_SEP.split(actor):
        if not part:
            continue
        if _GOV.search(part) and not (_NOT_GOV.search(part) and not _GOV_HEAD.search(part)):
            return True
    return False


def is_policy_event(action: str | None, actor: str | None, document: str | None, clause: str) -> bool:
    """A government policy action: a document issued or approved, a reform or pilot, a public fund."""
    if action in _NON_POLICY:
        return False
    if action in _APPROVAL:
        return not _PRODUCT.search(clause)
    if actor:
        return _is_gov(actor)
    if document and action in _ISSUE and _is_gov(document):
        return True
    return bool(_POLICY_TOPIC.search(clause))


def _documents(clause: str, verb_end: int, verb_start: int) -> list[str]:
    after = [m.group(1) for m in _BOOK.finditer(clause, verb_end)]
    if after:
        return after
    before = [m.group(1) for m in _BOOK.finditer(clause, 0, verb_start)]
    if before:
        return before[-1:]
    quoted = [m.group(1) for m in _QUOTED_DOC.finditer(clause, verb_end)]
    return quoted


@dataclass(frozen=True)
class _Found:
    action: str
    actor: str | None
    documents: tuple[str, ...]
    clause: str


def _is_stat(clause: str, verb_end: int) -> bool:
    q = _QUANTITY.search(clause, verb_end)
    return bool(q and not q.group(1))


def _masked(clause: str) -> str:
    """Names in 《》 and “” hidden (same length), so that verbs inside them are not read."""
    return _MASK.sub(lambda m: m.group()[0] + "□" * (len(m.group()) - 2) + m.group()[-1], clause)


def _verb_in(clause: str, first: bool) -> tuple[re.Match[str] | None, bool]:
    """The clause's verb of occurrence, and whether reported speech ends the scope here."""
    masked = _masked(clause)
    for v in _VERB.finditer(masked):
        action = v.group()
        nxt = masked[v.end():v.end() + 1]
        if nxt and nxt in _NOUN_AFTER.get(action, ""):
            continue  # 上市企业, 挂牌企业, 开幕式: the verb is part of a noun
        if action in _WEAK_SET and _is_stat(clause, v.end()):
            continue
        if not first and action in _SPEECH_VERBS:
            continue
        return v, False
    return None, bool(_SPEECH.search(clause.rstrip("。!！?？")))


def _scan(scope: str, lead: str) -> tuple[list[_Found], bool]:
    """Events in the text after a date (`scope`); `lead` is the clause text before the date."""
    found: list[_Found] = []
    meeting = False
    pending_actor = _clean_actor(lead) if lead else None
    first_named = pending_actor if pending_actor and _looks_named(pending_actor) else None
    clauses = [(c.start(), c.group()) for c in _CLAUSE.finditer(scope)]
    for i, (_, clause) in enumerate(clauses):
        text = clause.strip()
        if not text:
            continue
        if i > 0 and _STOP.search(text):
            break
        fm = _MEETING_FRAME.match(text)
        if fm and i == 0 and not found:
            found.append(_Found("举办", None, (), fm.group("name")))
            meeting = True
            text = text[fm.end():]
            if not text:
                continue
        if _PURPOSE.match(text):
            continue
        v, speech = _verb_in(text, first=not found)
        if v is None:
            if speech:
                break
            pending_actor = _clean_actor(text) or pending_actor
            if first_named is None and pending_actor and _looks_named(pending_actor):
                first_named = pending_actor
            continue
        actor = _clean_actor(text[: v.start()])
        if not actor or not _looks_named(actor):
            actor = first_named or actor or pending_actor
        docs = _documents(text, v.end(), v.start())
        found.append(_Found(v.group(), actor, tuple(docs), text))
        if v.group() in _MEETING_VERBS:
            meeting = True
        break
    return found, meeting


def _summary(clause: str) -> str:
    s = clause.strip()
    return s if len(s) <= _SUMMARY_MAX else s[: _SUMMARY_MAX - 1] + "…"


def _stripped(text: str, start: int, end: int) -> tuple[int, int]:
    """The span `start`..`end` of `text` without its leading and trailing whitespace (as str.strip)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _events_for(found: _Found, date: str, precision: str, body: str, span: tuple[int, int],
                m: DateMention) -> list[Event]:
    docs = found.documents if found.action not in _MEETING_VERBS else ()
    out = []
    for doc in docs or (None,):
        out.append(Event(
            date=date, precision=precision, actor=found.actor, action=found.action, document=doc,
            summary=_summary(found.clause),
            is_policy=is_policy_event(found.action, found.actor, doc, found.clause),
            sentence=body[span[0]:span[1]], sentence_start=span[0], sentence_end=span[1], start=m.start, end=m.end,
        ))
    return out


def _meta_events(body: str, title: str, hb: str, m: DateMention, date: str, precision: str,
                 span: tuple[int, int]) -> list[Event] | None:
    """发布日期:2019-02-18, 【颁布时间】:2018-12-27: a notice's metadata dates its issue."""
    label = _META.search(hb[max(0, m.start - 20):m.start])
    if not label:
        return None
    issuer = _META_ISSUER.search(hb)
    book = _BOOK.search(title) or _BOOK.search(body[:400])
    doc = book.group(1) if book else (title.strip() or None)
    action = label.group("label")
    sentence = body[span[0]:span[1]]
    return [Event(date=date, precision=precision, actor=issuer.group(1) if issuer else None,
                  action=action, document=doc, summary=_summary(sentence), is_policy=True,
                  sentence=sentence, sentence_start=span[0], sentence_end=span[1], start=m.start, end=m.end)]


def extract_events(article: ArticleText) -> list[Event]:
    """Events dated explicitly in `article.body` (a year at least). Never raises."""
    try:
        return _extract(article)
    except Exception:  # an extractor must not stop a build; a bad article yields nothing
        return []


def _extract(article: ArticleText) -> list[Event]:
    body = article.body or ""
    hb = halfwidth(body)
    base = _base(article.published)
    mentions = find_dates(body, base.date)
    out: list[Event] = []
    prev_in_sentence: DateMention | None = None
    prev_sentence = (-1, -1)
    for idx, m in enumerate(mentions):
        s0, s1 = _sentence_bounds(hb, m.start)
        if (s0, s1) != prev_sentence:
            prev_in_sentence, prev_sentence = None, (s0, s1)
        span = _stripped(body, s0, s1)
        if _inside_brackets(hb, m.start, s0):
            continue
        m_full = _year_for(m, prev_in_sentence, base, hb[m.end:s1])
        if m.has_year:
            prev_in_sentence = m
        if not m_full.has_year and not m_full.relative and base.date is None:
            continue
        date, precision = _event_date(m_full)
        meta = _meta_events(body, article.title or "", hb, m_full, date, precision, span)
        if meta is not None:
            out.extend(meta)
            continue
        before = hb[max(s0, m.start - 6):m.start].rstrip()
        if _PERIOD_BEFORE.search(before) or _FRAME_AFTER.match(hb[m.end:m.end + 4]):
            continue
        # The scope runs to the next date, or past it when dates are listed (1月27日、2月3日休刊).
        scope_end = s1
        nxt = _next_boundary(mentions, idx, hb, s0, s1)
        if nxt is not None:
            scope_end = nxt
        scope = hb[m.end:min(scope_end, m.end + _SCOPE_MAX)].lstrip("，,、 ")
        clause_start = max(hb.rfind(c, s0, m.start) for c in "，,；;")
        lead_from = max(clause_start + 1, s0)
        lead = hb[lead_from:m.start]
        found, meeting = _scan(scope, lead)
        for f in found:
            out.extend(_events_for(f, date, precision, body, span, m_full))
        if meeting:
            out.extend(_continuation(body, hb, s1, date, precision, m_full))
    return out


def _next_boundary(mentions: list[DateMention], idx: int, hb: str, s0: int, s1: int) -> int | None:
    j = idx + 1
    cur = mentions[idx]
    while j < len(mentions) and mentions[j].start < s1 and j - idx <= 12:
        nxt = mentions[j]
        if _inside_brackets(hb, nxt.start, s0):
            j += 1
            continue
        between = hb[cur.end:nxt.start].strip()
        if between in ("、", "和", "及", "与", "以及", ",", "，"):
            cur = nxt  # listed dates share what follows the last of them
            j += 1
            continue
        return nxt.start
    return None


def _continuation(body: str, hb: str, s1: int, date: str, precision: str, m: DateMention) -> list[Event]:
    """会上,X发布Y: the sentence after a dated meeting reports what happened at it."""
    k = s1
    while k < len(hb) and hb[k] in "。！？!?；; \t":
        k += 1
    c = _CONTINUATION.match(hb, k)
    if not c or "\n" in hb[s1:k]:
        return []
    n0, n1 = _sentence_bounds(hb, c.end())
    scope = hb[c.end():n1].lstrip("，,、 ")
    if find_dates(scope):
        return []
    found, _ = _scan(scope, "")
    # The span is this sentence's, after the dated one: it does not hold the date's span.
    span = _stripped(body, n0, n1)
    out: list[Event] = []
    for f in found:
        if f.action in _MEETING_VERBS:
            continue
        out.extend(_events_for(f, date, precision, body, span, m))
    return out


def timeline_key(event: Event) -> tuple[str, ...]:
    """Events that are the same occurrence reported by several articles share this key."""
    if event.document:
        return (event.date, "doc", _norm(event.document))
    return (event.date, "act", _norm(event.actor or ""), event.action or "")


def _norm(s: str) -> str:
    return _NORM_DROP.sub("", halfwidth(s))


_META_LINE = re.compile(
    r"[【\[]?\s*(?P<label>发布|颁布|实施|印发|成文|公布|施行|生效|发文)(?:日期|时间)\s*[】\]]?\s*[:：]\s*"
    r"(?P<date>\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}(?:\s*日)?)"
)
_META_VERB = {"成文": "印发", "发文": "印发"}


def notice_events(meta: str, title: str = "", issuer: str | None = None) -> list[Event]:
    """Events from a government notice's metadata lines (发布日期:2019-02-18, 【颁布时间】:2018-12-27).

    `meta` is the metadata text the splitter keeps out of the body; offsets (the date's span and
    the line's, `sentence_start`/`sentence_end`) are into `meta`. The summary is the whole line
    (a label and a date, well under _SUMMARY_MAX): the catalog shows it as the event's sentence.
    Never raises.
    """
    from .dates import parse_date

    out: list[Event] = []
    try:
        found = _META_ISSUER.search(halfwidth(meta))
        actor = issuer or (found.group(1) if found else None)
        book = _BOOK.search(title or "")
        doc = book.group(1) if book else ((title or "").strip() or None)
        for m in _META_LINE.finditer(halfwidth(meta)):
            span = parse_date(m.group("date"))
            if span is None:
                continue
            label = m.group("label")
            out.append(Event(
                date=span.start, precision=span.precision, actor=actor, action=_META_VERB.get(label, label),
                document=doc, summary=_summary(m.group()), is_policy=True, sentence=m.group(),
                sentence_start=m.start(), sentence_end=m.end(), start=m.start("date"), end=m.end("date"),
            ))
    except Exception:  # metadata of any shape must not stop a build
        return out
    return out
