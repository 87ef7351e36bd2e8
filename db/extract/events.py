"""Dated events: documents issued, approvals, foundings, launches, meetings, signings.

A date mention makes an event when a verb of occurrence follows it in its scope (the
text up to the next date or the end of the sentence): 2020年5月,科技部等9部门印发《X》.
A date that only frames a statistic (2019年,我国共授权发明专利45.3万件), a period or a
target (截至2019年底, 到2022年), or that sits inside a document's name makes none.
"""
from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, replace

from ..records import ArticleText, Event
from ..text import halfwidth
from .actor import _BRACKETED, actor_name, entity_actor, in_frame, prefer_named
from .dates import DateMention, find_dates, published_base

__all__ = ["extract_events", "is_policy_event", "notice_events", "timeline_key"]
from .event_words import (
    _ACTOR_CUT,
    _ACTOR_EDGES,
    _ACTOR_LEAD,
    _ADVERBS,
    _AND,
    _APPROVAL,
    _AT_PHRASE,
    _BOOK,
    _CLAUSE,
    _CONTINUATION,
    _FRAME_AFTER,
    _GOV,
    _GOV_HEAD,
    _IN_FORCE,
    _ISSUE,
    _LIST_SEP,
    _MASK,
    _MEETING_FRAME,
    _MEETING_VERBS,
    _META,
    _META_ISSUER,
    _NAMED_BODY,
    _NON_POLICY,
    _NORM_DROP,
    _NOT_GOV,
    _NOUN_AFTER,
    _PERIOD_BEFORE,
    _POLICY_TOPIC,
    _PRODUCT,
    _PURPOSE,
    _QUANTITY,
    _QUOTED_DOC,
    _SCOPE_MAX,
    _SENTENCE_END,
    _SPEECH,
    _SPEECH_VERBS,
    _STOP,
    _SUMMARY_MAX,
    _VERB,
    _WEAK_SET,
    _WINDOW,
    _WORD_CHAR,
    CORE_ACTION,
)


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


_LETTER = re.compile(r"致贺信|发来贺信|致信|贺电")
_FOUNDED_IN = re.compile(r"(成立|创办|创建|创立|设立|始建|组建|建立|挂牌|上市|开园|获批)于$")
_IN_FORCE_VERBS = frozenset({"施行", "生效", "试行"})  # …通过《某某条例》，自10月1日起施行: that text
_DOC_GAP = 5  # 了, 新一轮: what may stand between an issuing verb and the document's name
_THAT_TEXT = re.compile(r"[该本此](?:法|条例|办法|规定|细则|决定|意见|方案|规划|通知|政策|措施)")
_MEETING_WORDS = "会议|会|论坛|峰会|大赛|活动|交易会|博览会"
_MEETING_NAME = re.compile(rf"(?:{_MEETING_WORDS})$|^(?:会议|论坛|大会|活动)")
_ORGANISED = re.compile(r"(?P<what>[^。！？\n由]{0,40})由(?P<who>[^。！？\n由]{2,160}?)(?:共同|联合)?主办")
_ORGANISER_REACH = 3000
# 会议由…主办, 云州论坛由…主办: the meeting itself right before 由 (not 论坛期间，由…主办的另一场活动).
_HELD_WHAT = re.compile(rf"(?:{_MEETING_WORDS})$")
_OWN_PAPER = re.compile(r"本报[\d年月日、\s]*$")  # 本报 before a date, or before dates listed
_RULES = re.compile(r"(?:条例|法|办法|规定|细则|决定|规划|纲要)(?:修订案|修正案)?$")


def is_policy_event(action: str | None, actor: str | None, document: str | None, clause: str) -> bool:
    """A government policy action: a document issued or approved, a reform or pilot, a public fund."""
    if action in _NON_POLICY:
        return False
    if action in _APPROVAL:
        return not _PRODUCT.search(clause)
    if document and action in _ISSUE and _RULES.search(document):
        return True  # a law or rule passed, issued, taking effect (《某某条例》施行)
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
    verb_at: int = 0  # where its verb stands, from the start of the scanned text


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
        if nxt == "的" and (_VERB.search(masked, v.end()) or masked[v.end() + 1:v.end() + 2] not in "《“"):
            continue  # 由甲发起的专利池正式启动, 纲要制定的研究: a relative clause (发布的《通知》 is the issue)
        if action in _WEAK_SET and _is_stat(clause, v.end()):
            continue
        if not first and action in _SPEECH_VERBS:
            continue
        return v, False
    return None, bool(_SPEECH.search(clause.rstrip("。!！?？")))


def _scan(scope: str, lead: str) -> tuple[list[_Found], bool]:
    """Events in the text after a date (`scope`); `lead` is the clause text before the date."""
    found: list[_Found] = []
    frame: _Found | None = None
    meeting = False
    pending_actor = _clean_actor(lead) if lead else None
    first_named = pending_actor if pending_actor and _looks_named(pending_actor) else None
    clauses = [(c.start(), c.group()) for c in _CLAUSE.finditer(scope)]
    for i, (at, clause) in enumerate(clauses):
        text = clause.strip()
        if not text:
            continue
        at += len(clause) - len(clause.lstrip())
        if i > 0 and _STOP.search(text):
            break
        fm = _MEETING_FRAME.match(text)
        if fm and i == 0 and not found:
            # 在云州论坛上，甲发布…: what happened at the meeting comes first, the meeting held after it.
            frame = _Found("举办", None, (), fm.group("name"), at)
            meeting = True
            text = text[fm.end():]
            at += fm.end()
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
        found.append(_Found(CORE_ACTION.get(v.group(), v.group()), actor, tuple(docs), text, at + v.start()))
        if v.group() in _MEETING_VERBS:
            meeting = True
        break
    return [*found, frame] if frame else found, meeting


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
                m: DateMention, named: str | None = None) -> list[Event]:
    docs = found.documents if found.action not in _MEETING_VERBS else ()
    out = []
    for doc in docs or (None,):
        actor = prefer_named(actor_name(found.actor, doc), named)
        out.append(Event(
            date=date, precision=precision, actor=actor, action=found.action, document=doc,
            summary=_summary(found.clause),
            is_policy=is_policy_event(found.action, found.actor or actor, doc, found.clause),
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
        after = hb[m.end:m.end + 48]
        if founded := _FOUNDED_IN.search(before):
            # 该公司成立于2015年: the verb stands before its date.
            verb_at = m.start - len(before) + founded.start()
            lead_from = _clause_start(hb, s0, verb_at)
            named = entity_actor(article.entities, hb, lead_from, verb_at)
            found = _Found(founded.group(1), named, (), hb[lead_from:m.end], 0)
            out.extend(_events_for(found, date, precision, body, span, m_full, named))
            continue
        if (_PERIOD_BEFORE.search(before) and not _IN_FORCE.match(after)) or _FRAME_AFTER.match(after):
            continue
        # The scope runs to the next date, or past it when dates are listed (1月27日、2月3日休刊).
        scope_end = s1
        nxt = _next_boundary(mentions, idx, hb, s0, s1)
        if nxt is not None:
            scope_end = nxt
        raw_scope = hb[m.end:min(scope_end, m.end + _SCOPE_MAX)]
        scope = raw_scope.lstrip("，,、 ")
        scope_at = m.end + len(raw_scope) - len(scope)
        lead_from = _clause_start(hb, s0, m.start)
        lead = hb[lead_from:m.start]
        found, meeting = _scan(scope, lead)
        for f in found:
            verb_at = scope_at + f.verb_at
            if not f.documents and (_THAT_TEXT.search(lead + f.clause) or f.action in _IN_FORCE_VERBS):
                # …通过了《某某法》，该法自2024年1月1日起施行: the text named before.
                named_before = [d.group(1) for d in _BOOK.finditer(hb, s0, verb_at)]
                f = replace(f, documents=tuple(named_before[-1:]))
            elif not f.documents:
                # 印发了云州市科技创新若干措施: a document named without 《》, as the entity extractor found it.
                verb_end = verb_at + len(f.action)
                f = replace(f, documents=tuple(m.name for m in article.entities if m.type == "document"
                                               and verb_end <= m.start <= verb_end + _DOC_GAP)[:1])
            # The actor is named in the date's clause, else earlier in the sentence (甲集团牵头组建…，已于7月30日启动).
            if f.actor and in_frame(hb, lead_from, verb_at):
                f = replace(f, actor=None)  # 在2016年8月“新三板”挂牌前: where it happened, not who acted
            named = entity_actor(article.entities, hb, lead_from, verb_at) \
                or (entity_actor(article.entities, hb, s0, verb_at) if not f.actor else None)
            events = _events_for(f, date, precision, body, span, m_full, named)
            if article.publication and _OWN_PAPER.search(lead):
                # 本报2020年1月27日、2月3日休刊: the paper itself acted.
                events = [replace(e, actor=e.actor or article.publication) for e in events]
            out.extend(events)
        if meeting:
            out.extend(_continuation(body, hb, s1, date, precision, m_full))
    return [_with_organiser(e, hb) for e in out]


def _with_organiser(e: Event, hb: str) -> Event:
    """A meeting held with no one named as holding it (大会举办, 在…论坛上): held by whoever the article
    says organised it (会议由甲、乙主办; 该活动由甲主办)."""
    if e.action not in ("举办", "召开") or (e.actor and not _MEETING_NAME.search(e.actor)):
        return e
    reach = e.sentence_start + _ORGANISER_REACH
    if hb.find("主办", e.sentence_start, reach) < 0:
        return e  # the pattern tries 40 starts at each character: not worth it when no 主办 is near
    for m in _ORGANISED.finditer(hb, e.sentence_start, reach):
        what = m.group("what").strip()
        if _HELD_WHAT.search(what) or what.startswith(("该", "本次", "此次", "本届")):
            who = _BRACKETED.sub("", m.group("who"))
            who = re.split(r"指导[,，、]", who)[-1]  # 由甲指导，乙主办: 乙 held it
            return replace(e, actor=who.strip("，,、 "))
    return e


def _clause_start(hb: str, s0: int, at: int) -> int:
    """Where the clause holding `at` starts, within the sentence starting at `s0`."""
    return max(max(hb.rfind(c, s0, at) for c in "，,；;") + 1, s0)


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
    if "\n" in hb[s1:k] or k >= len(hb):
        return []
    c = _CONTINUATION.match(hb, k)
    n0, n1 = _sentence_bounds(hb, c.end() if c else k)
    if c:
        scope = hb[c.end():n1].lstrip("，,、 ")
    elif _LETTER.search(hb, k, n1):
        scope = hb[k:n1]  # 某某向大会致贺信: the letter came the day the meeting opened
    else:
        return []
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
