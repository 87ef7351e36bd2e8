"""Candidate entity mentions: each rule finds spans of one kind (people, suffixed names, the
gazetteer, quoted names, documents, enumerations); entities.py chooses among them."""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from itertools import compress, repeat

from .. import segment
from .lexicon import (
    _AFTER_NAME_RE,
    _APPOSITIVE_RE,
    _APPOSITIVE_TYPE,
    _BROAD_DOC,
    _BYLINE_NAME,
    _BYLINE_RE,
    _CAS_INSTITUTE,
    _CLAUSE_MARK,
    _CREDIT_RE,
    _DIRECTIONS,
    _DOC_BRACKET,
    _DOC_JOINER,
    _DOC_SUFFIX_END,
    _DOC_VERB_RE,
    _ENDS_LIKE_NAME,
    _ENUM_KIND,
    _ENUM_RE,
    _ENUM_STOP,
    _EXTRA_STOPS,
    _FIRM_AFTER,
    _GENERIC_EVENT,
    _GENERIC_PREFIX,
    _GENERIC_SUFFIX_WORDS,
    _HAN_ONLY,
    _HAS_DIGIT,
    _INNER_EVENT,
    _IS_A_FIRM,
    _LATIN,
    _LATIN_ONLY,
    _LAW_RE,
    _MAX_LEN,
    _MINISTRY_CENTRE,
    _NAME_CHAR,
    _NAME_TOKEN,
    _NEEDS_ANCHOR,
    _NOT_A_BODY,
    _NOT_FIRMS,
    _NUMBER_PREFIX,
    _NUMERAL_HEAD,
    _ONE_CHAR_TRIGGERS,
    _ORG_END,
    _PERIODICAL_END,
    _PHOTO_RE,
    _PLENUM_RE,
    _QUOTED_DOC,
    _QUOTED_EVENT_RE,
    _QUOTED_NAME,
    _QUOTED_PLATFORM_RE,
    _QUOTED_RE,
    _ROAD_RE,
    _ROLE_CLAUSE,
    _ROLE_LEAD,
    _SHORT_DOC,
    _SPACED_CREDIT,
    _SPEECH_RE,
    _SPEECH_VERB_RE,
    _SUB_FORUM,
    _SUB_PARK,
    _SUB_UNIT,
    _SUFFIX_END,
    _SUFFIX_RE,
    _SUFFIX_TYPE,
    _TITLE_RE,
    _TRIGGER,
    _UNIV_SUB,
    _UNIV_SUB_JOINER,
    _UNIV_UNIT,
    _YEAR_TOKEN,
    _ZONE_SET,
    Lexicon,
)

_GLUED_LEAD = frozenset("受由经据向对从为在与和")
_BUILD_VERBS = frozenset({"共建", "合建", "联建", "打造", "建设"})
_COMMON_WORD = 1000  # jieba's count for a word too common to be a place's name (资金 6555; 海淀 103, 朝阳 767)
_FIELD_BODIES = frozenset({"专利池"})
_NAMING_SUFFIXES = frozenset({"科学城", "软件园", "科技城", "生物城", "科创城"})


@dataclass
class _Cand:
    start: int
    end: int
    type: str
    name: str
    source: str
    role: str | None = None
    aliases: set[str] = field(default_factory=set)


@dataclass
class _Ctx:
    text: str  # half-width body, same offsets as the body
    tokens: list[str]
    starts: list[int]
    lex: Lexicon

    def token_at(self, pos: int) -> int:
        return bisect_right(self.starts, pos) - 1


def _documents(ctx: _Ctx) -> list[_Cand]:
    text = ctx.text
    out: list[_Cand] = []
    last_doc: list[_Cand] = []
    for m in _DOC_BRACKET.finditer(text):
        inner = m.group(1).strip()
        after = text[m.end(): m.end() + 3]
        periodical = after.startswith(("杂志", "期刊", "周刊")) or _PERIODICAL_END.search(inner)
        if _LATIN_ONLY.match(inner) or periodical:
            out.append(_Cand(m.start(1), m.end(1), "org", inner, "document"))
            continue
        if _SHORT_DOC.match(inner):
            ref = next((d for d in reversed(last_doc) if d.name.endswith(inner)), None)
            if ref is not None:
                out.append(_Cand(m.start(1), m.end(1), "document", ref.name, "document"))
            continue
        if len(inner) < 3:
            continue
        c = _Cand(m.start(1), m.end(1), "document", inner, "document")
        out.append(c)
        last_doc.append(c)
    for m in _DOC_VERB_RE.finditer(text):
        name = m.group(1)
        if ("“" in name and "”" not in name) or len(name) < 6 or _DOC_JOINER.search(name) \
                or _BROAD_DOC.search(name):
            continue
        out.append(_Cand(m.start(1), m.end(1), "document", name, "quoted"))
    for m in _LAW_RE.finditer(text):
        out.append(_Cand(m.start(1), m.end(1), "document", m.group(1), "quoted"))
    for m in _PLENUM_RE.finditer(text):
        out.append(_Cand(m.start(), m.end(), "event", m.group(), "quoted"))
    for m in _QUOTED_DOC.finditer(text):
        s = m.start()
        prefix = _gazetteer_ending_at(ctx, s, ("place", "park"))
        start = s - len(prefix) if prefix else s
        if not prefix and s >= 4 and _YEAR_TOKEN.fullmatch(text[s - 4:s]):
            start = s - 4  # 2023“百校千企”全国行动计划: the year is part of its name
        out.append(_Cand(start, m.end(), "document", text[start:m.end()], "quoted"))
    return out


def _gazetteer_ending_at(ctx: _Ctx, pos: int, types: tuple[str, ...]) -> str:
    if pos < 2:
        return ""
    text, gaz = ctx.text, ctx.lex.gazetteer
    for n in ctx.lex.lengths_by_last.get(text[pos - 1], ()):
        if n > pos:
            continue
        hit = gaz.get(text[pos - n:pos])
        if hit and hit[1] in types:
            return text[pos - n:pos]
    return ""


# ------------------------------------------------------------------ persons

def _is_surname(lex: Lexicon, s: str) -> int:
    """Length of the surname at the head of `s` (0 if none)."""
    if s[:2] in lex.compound_surnames:
        return 2
    return 1 if s[:1] in lex.surnames else 0


def _plausible_name(ctx: _Ctx, name: str) -> bool:
    """Not an ordinary word that happens to start with a surname character (高校, 来说)."""
    freq = segment.tokenizer().FREQ
    lex = ctx.lex
    return not (freq.get(name) and name not in lex.proper and name not in lex.persons) and name not in lex.stops


def _name_after(ctx: _Ctx, p: int) -> str | None:
    """A person name starting at `p` and followed by a trigger (a speech verb, punctuation...)."""
    text = ctx.text
    k = _is_surname(ctx.lex, text[p:p + 2])
    if not k:
        return None
    for n in (k + 2, k + 1):
        cand = text[p:p + n]
        if len(cand) < n or not _HAN_ONLY.fullmatch(cand):
            continue
        if n == k + 2 and cand[-1] in _ONE_CHAR_TRIGGERS:
            continue
        if _TRIGGER.match(text, p + n) and _plausible_name(ctx, cand):
            return cand
    return None


def _role_before(ctx: _Ctx, title_start: int, title_end: int) -> str:
    text = ctx.text
    i = title_start
    lo = max(0, title_start - 40)
    while i > lo and text[i - 1] not in "，。；：:;,!?！？“”\"\n()（）《》 \u3000":
        i -= 1
    role = _ROLE_LEAD.sub("", text[i:title_end])
    role = _ROLE_CLAUSE.sub("", role)
    return role or text[title_start:title_end]


def _persons(ctx: _Ctx) -> list[_Cand]:
    text, lex = ctx.text, ctx.lex
    out: list[_Cand] = []
    for m in _TITLE_RE.finditer(text):
        name = _name_after(ctx, m.end())
        if name and name not in _GENERIC_SUFFIX_WORDS:
            out.append(_Cand(m.end(), m.end() + len(name), "person", name, "person",
                             role=_role_before(ctx, m.start(), m.end())))
    for m in _AFTER_NAME_RE.finditer(text):
        p = m.start()
        for n in (3, 2):
            cand = text[p - n:p] if p >= n else ""
            # A name starts where a word does: not 南省委 of 湖南省委书记.
            if len(cand) == n and _HAN_ONLY.fullmatch(cand) and _is_surname(lex, cand) \
                    and cand[-1] not in "的和与在等是" and _plausible_name(ctx, cand) \
                    and ctx.starts[max(ctx.token_at(p - n), 0)] == p - n and cand not in lex.gazetteer:
                left = _role_before(ctx, p - n, p)[:-n]
                role = left + m.group() if _ORG_END.search(left) else m.group()
                out.append(_Cand(p - n, p, "person", cand, "person", role=role))
                break
    for rx in (_BYLINE_RE, _CREDIT_RE):
        for m in rx.finditer(text):
            who = m.group("who")
            base = m.start("names")
            chunk = text[base: m.end("names") + 3]
            for nm in _BYLINE_NAME.finditer(chunk):
                name = nm.group(1)
                if nm.start(1) >= m.end("names") - base or not _is_surname(lex, name) or not _plausible_name(ctx, name):
                    continue
                out.append(_Cand(base + nm.start(1), base + nm.end(1), "person", name, "person", role=who))
    for m in _PHOTO_RE.finditer(text) if "/摄" in text else ():
        name = m.group(1)
        for cand, off in ((name, 0), (name[1:], 1)):
            if len(cand) >= 2 and _is_surname(lex, cand) and _plausible_name(ctx, cand):
                out.append(_Cand(m.start(1) + off, m.end(1), "person", cand, "person", role="摄影"))
                break
    for m in _SPACED_CREDIT.finditer(text):
        name = m.group(1) + m.group(2)
        if _is_surname(lex, name) and _plausible_name(ctx, name):
            out.append(_Cand(m.start(1), m.end(2), "person", name, "person", role="摄影"))
    for m in _speech_matches(text):
        name = m.group(1)
        if _is_surname(lex, name) and _plausible_name(ctx, name) and name[-1] not in _ONE_CHAR_TRIGGERS:
            out.append(_Cand(m.start(1), m.end(1), "person", name, "person"))
    return out


def _speech_matches(text: str) -> list[re.Match[str]]:
    """`_SPEECH_RE.finditer(text)`, tried only where a speech verb follows two or three characters.

    Its lookbehind start cannot use the regex engine's fast scan. Matches cannot overlap (a
    match starts after punctuation and holds none), so they are the positions that match.
    """
    starts = sorted({v.start() - n for v in _SPEECH_VERB_RE.finditer(text) for n in (2, 3) if v.start() >= n})
    return [m for m in map(_SPEECH_RE.match, repeat(text, len(starts)), starts) if m]


# ------------------------------------------------------ suffix-named bodies

def _extend_left(ctx: _Ctx, s: int, e: int, kind: str, suffix: str) -> int:
    """Start of the name ending in the suffix at [s, e): walk back over name-like tokens."""
    text, toks, starts = ctx.text, ctx.tokens, ctx.starts
    ti = ctx.token_at(s)
    b = starts[ti] if 0 <= ti < len(starts) and starts[ti] < s else s
    k = ti - 1
    limit = _MAX_LEN[kind]
    sub_unit = bool(_SUB_UNIT.search(suffix))
    if kind == "park" and text.startswith(("国家", "中国", "全国"), b):
        return b  # one token 国家高新区: a national park's name starts there, as below
    while k >= 0:
        known = _gazetteer_ending_at(ctx, b, ("place", "park", "gov", "university", "org", "company"))
        if known and e - b + len(known) <= limit:
            hit = ctx.lex.gazetteer[known]
            if hit[1] in ("gov", "org") and not sub_unit and kind in ("gov", "org"):
                break  # 北京市委市政府: two bodies side by side, not one name
            b -= len(known)
            k = ctx.token_at(b - 1) if b > 0 else -1
            if kind == "park" and known.startswith(("国家", "中国", "全国")):
                break
            continue
        t, ts = toks[k], starts[k]
        if e - ts > limit:
            break
        tt = text[ts:ts + len(t)]
        if tt in (")", "）"):
            o = max(text.rfind("(", max(0, ts - 8), ts), text.rfind("（", max(0, ts - 8), ts))
            inner = text[o + 1:ts] if o >= 0 else ""
            if o > 0 and 2 <= len(inner) <= 6 and _HAN_ONLY.fullmatch(inner) \
                    and _NAME_CHAR.match(text[o - 1]):
                b = o
                k = ctx.token_at(o) - 1
                continue
            break
        if tt == "”" and kind in ("event", "org"):
            o = text.rfind("“", max(0, ts - 12), ts)
            if o >= 0 and _QUOTED_NAME.fullmatch(text[o + 1:ts]):
                b = o
                k = ctx.token_at(o) - 1
                if kind == "event" and k >= 0 and _YEAR_TOKEN.fullmatch(toks[k]):
                    b = starts[k]
            break
        if _YEAR_TOKEN.fullmatch(tt):
            if kind == "event" and not tt.endswith("年"):
                b = ts
            break
        if not _NAME_TOKEN.fullmatch(tt) or tt.isdigit():
            break
        if tt in ("和", "与", "及"):
            joined = _ENDS_LIKE_NAME.search(text, max(0, ts - 12), ts)
            if kind in ("company", "university", "product", "place", "park") or joined:
                break
            b = ts
            k -= 1
            continue
        if kind in ("gov", "org") and not sub_unit and len(tt) >= 2 and tt[-1] in "委府院" \
                and not tt.endswith(("学院", "研究院", "科学院")):
            break  # 北京市委市政府, 党中央国务院: bodies side by side
        if kind == "place" and tt in _DIRECTIONS:
            b = ts
            break
        if tt == "园" and _gazetteer_ending_at(ctx, ts, ("place",)):
            b = ts  # 朝阳园管委会: a zone's sub-park, named after its district, is part of the name
            k -= 1
            continue
        if tt in ("辖属", "下属") and kind == "company" and text.endswith(("行", "公司"), 0, ts):
            # 某银行某分行辖属某支行: a branch of the body named before, one name with it
            parent = _extend_left(ctx, ts - 2, ts, "company", text[ts - 2:ts])
            b = parent if parent < ts - 2 else b
            break
        if tt in ctx.lex.stops and not (kind == "event" and len(tt) >= 2 and tt not in _EXTRA_STOPS):
            break  # (an event's name holds verbs: 科技成果转化经验交流会议; not 召开 or 举办)
        if len(tt) == 2 and tt[0] in _GLUED_LEAD and tt[1] in "省市区县":
            b = ts + 1  # 受省人民政府: jieba's one word 受省 holds the name's first character
            break
        b = ts
        if kind == "park" and tt in ("国家", "中国", "全国"):
            break  # a national park's name starts there: 新时代国家高新区
        k -= 1
    while b < s and text[b] in "和与及-·":
        b += 1
    if kind == "company" and b < s:
        # 甲公司、如意智造(长沙)科技有限公司: an item of a list of companies is a whole name, from the 、.
        p = b - 1
        while p >= max(0, b - 3) and _HAN_ONLY.fullmatch(text[p]):
            p -= 1
        if p >= 0 and p < b - 1 and text[p] == "、" and text[p + 1] not in _GLUED_LEAD:
            b = p + 1
    if kind == "event":
        # The verbs an event's name may hold stand inside it, never at its start (开展前沿技术大赛).
        while b < s and (t := ctx.token_at(b)) >= 0 and ctx.starts[t] == b and toks[t] in ctx.lex.stops:
            b += len(toks[t])
    return b


def _suffix_ok(ctx: _Ctx, s: int, e: int, suffix: str) -> bool:
    """The suffix must end a word: not 部 of 部门, nor 局 of 布局."""
    text = ctx.text
    ti = ctx.token_at(e - 1)
    if ti < 0:
        return False
    t0 = ctx.starts[ti]
    tok = ctx.tokens[ti]
    tend = t0 + len(tok)
    if tend != e:
        rest = text[e:tend]
        if not (len(rest) == 1 and rest in "等和与及的在对为将已是向从与就") and not _TITLE_RE.fullmatch(rest):
            return False
    if len(suffix) == 1:
        word = text[t0:e]
        if word != suffix and (word in _GENERIC_SUFFIX_WORDS or word[-2:] in _GENERIC_SUFFIX_WORDS):
            return False
        if t0 < s:
            tag = ctx.lex.tags.get(word)
            if tag is not None and tag not in ("nt", "ns", "nz", "j", "nr", "n"):
                return False
    return True


def _suffixed(ctx: _Ctx) -> list[_Cand]:
    text = ctx.text
    out: list[_Cand] = []
    for m in _SUFFIX_RE.finditer(text):
        s, e = m.span()
        suffix = m.group()
        kind = _SUFFIX_TYPE[suffix]
        if not _suffix_ok(ctx, s, e, suffix):
            continue
        b = _extend_left(ctx, s, e, kind, suffix)
        if kind == "event":
            inner_ends = [x.end() for x in _INNER_EVENT.finditer(text, b, s)]
            if inner_ends:
                b = inner_ends[-1]
        name = text[b:e]
        prefix = text[b:s]
        if not _good_prefix(ctx, b, s, kind, suffix) and not _listed_with_its_kind(text, b, kind):
            continue
        if _NOT_A_BODY.search(name):
            continue
        if kind == "event" and _GENERIC_EVENT.search(name):
            continue
        if kind == "event" and _SUB_FORUM.search(name):
            continue
        if kind in ("gov", "org") and _UNIV_UNIT.search(name):
            kind = "university"
        if kind == "org" and suffix == "中心" and _MINISTRY_CENTRE.match(name):
            kind = "gov"
        if prefix:
            out.append(_Cand(b, e, kind, name, "suffix"))
            if (shared := _shared_suffix(ctx, b, e)) is not None:
                out.append(_Cand(shared[0], shared[1], kind, shared[2], "suffix"))
    for m in _SUB_PARK.finditer(text):
        hit = ctx.lex.gazetteer.get(m.group(1))
        if hit and hit[1] == "place":
            out.append(_Cand(m.start(), m.end(), "park", m.group(), "suffix"))
    for m in _UNIV_SUB.finditer(text):
        s, e = m.span()
        ti = ctx.token_at(e - 1)
        if _UNIV_SUB_JOINER.search(m.group()) or ti < 0 or ctx.starts[ti] + len(ctx.tokens[ti]) != e:
            continue
        b = _extend_left(ctx, s - 2, s, "university", text[s - 2:s])
        if b < s - 2:
            out.append(_Cand(b, e, "university", text[b:e], "suffix"))
    for m in _CAS_INSTITUTE.finditer(text):
        out.append(_Cand(m.start(), m.end(), "university", m.group(), "suffix"))
    for m in _IS_A_FIRM.finditer(text):
        name = m.group(1)
        if name not in ctx.lex.stops and name not in _GENERIC_PREFIX and name[0] not in "该这此其本那它" \
                and not name.endswith(("公司", "企业", "集团")):
            out.append(_Cand(m.start(1), m.end(1), "company", name, "suffix"))
    for m in _FIRM_AFTER.finditer(text):
        out.append(_Cand(m.start(1), m.end(1), "company", m.group(1), "suffix"))
    return out


def _listed_with_its_kind(text: str, b: int, kind: str) -> bool:
    """未来科学城、创新型产业集群示范区: a name listed after one of its kind is one, however common its words."""
    if kind != "park" or b < 3 or text[b - 1] != "、":
        return False
    before = _SUFFIX_END.search(text, max(0, b - 13), b - 1)
    return bool(before) and _SUFFIX_TYPE[before.group()] == kind


def _shared_suffix(ctx: _Ctx, b: int, e: int) -> tuple[int, int, str] | None:
    """岳麓、河西高教园区: the name before 、 shares the kind words of the one after it (岳麓高教园区)."""
    if b < 3 or ctx.text[b - 1] != "、":
        return None
    k, first = ctx.token_at(b - 2), ctx.token_at(b)
    if k < 0 or ctx.starts[first] != b:
        return None
    word, ws = ctx.tokens[k], ctx.starts[k]
    kind_words = ctx.text[b + len(ctx.tokens[first]):e]
    if kind_words[:1] in ("和", "与", "及") or ws + len(word) != b - 1 or not 2 <= len(word) <= 3 \
            or not _HAN_ONLY.fullmatch(word) or len(kind_words) < 2 \
            or word in ctx.lex.stops or word in _GENERIC_PREFIX:
        return None
    # A place's name starts its item (支持岳麓、…; not 长沙岳麓、…) and is no common word (资金, 主任).
    if k > 0 and ctx.tokens[k - 1] not in ctx.lex.stops and _HAN_ONLY.fullmatch(ctx.tokens[k - 1]):
        return None
    if segment.tokenizer().FREQ.get(word, 0) >= _COMMON_WORD:
        return None
    return ws, b - 1, word + kind_words


def _good_prefix(ctx: _Ctx, b: int, s: int, kind: str, suffix: str) -> bool:
    prefix = ctx.text[b:s]
    if len(prefix) < 2 and not (prefix and len(suffix) >= 3):
        return False
    if prefix in _GENERIC_PREFIX or prefix in ctx.lex.stops or _NUMBER_PREFIX.fullmatch(prefix) \
            or _NUMERAL_HEAD.match(prefix) or prefix.endswith("非"):
        return False
    words = _words_in(ctx, b, s)
    if not words or all(w in _GENERIC_PREFIX for w in words):
        return False
    if kind == "park" and len(words) > 1 and words[0] in ("国家", "中国", "全国") \
            and (words[1] in _EXTRA_STOPS or words[1] in _BUILD_VERBS):
        return False  # 沿线国家共建火炬创新园: the countries that build it, not a national park
    short_generic = words[-1] in _GENERIC_PREFIX and len(words) <= 2
    if short_generic and kind in ("company", "park") and not suffix.startswith("有限"):
        return False
    if kind in _NEEDS_ANCHOR and not suffix.startswith(("有限", "股份")):
        # 未来科学城, 光谷软件园: a science city or software park is always a named one.
        # 人工智能产业专利池: a patent pool of a named field is one, however common its words.
        return any(_is_proper(ctx, w) for w in words) or (suffix in _NAMING_SUFFIXES and len(words) == 1) \
            or (suffix in _FIELD_BODIES and len(words) >= 2)
    return True


def _words_in(ctx: _Ctx, b: int, s: int) -> list[str]:
    """The jieba tokens covering [b, s), clipped to it."""
    out: list[str] = []
    k = max(ctx.token_at(b), 0)
    while k < len(ctx.tokens) and ctx.starts[k] < s:
        ts = ctx.starts[k]
        w = ctx.text[max(ts, b):min(ts + len(ctx.tokens[k]), s)]
        if w.strip():
            out.append(w)
        k += 1
    return out


def _is_proper(ctx: _Ctx, w: str) -> bool:
    """A place, brand or other proper name: tagged so, in the gazetteer, Latin, or unknown to jieba."""
    if w in ctx.lex.proper or _LATIN.search(w) or w in ("“", "”", "国家", "中国", "中央", "全国"):
        return True
    return len(w) >= 2 and not segment.tokenizer().FREQ.get(w)  # FREQ also holds every word's prefixes, at 0


# ---------------------------------------------------------- quoted names

def _quoted(ctx: _Ctx) -> list[_Cand]:
    out: list[_Cand] = []
    for m in _QUOTED_RE.finditer(ctx.text):
        inner = m.group(1)
        if _CLAUSE_MARK.search(inner):
            continue
        sm = _SUFFIX_END.search(inner)
        if sm and len(inner) > len(sm.group()) + 1 and not _NUMERAL_HEAD.match(inner):
            out.append(_Cand(m.start(1), m.end(1), _SUFFIX_TYPE[sm.group()], inner, "quoted"))
        elif _DOC_SUFFIX_END.search(inner) and len(inner) >= 4 and not inner.endswith(("政策", "战略", "法")):
            out.append(_Cand(m.start(1), m.end(1), "document", inner, "quoted"))
    for m in _ROAD_RE.finditer(ctx.text):
        out.append(_Cand(m.start(1), m.end(1), "place", m.group(1), "quoted"))
    for m in _ZONE_SET.finditer(ctx.text):
        out.append(_Cand(m.start(), m.end(), "park", m.group(), "quoted"))
    for m in _APPOSITIVE_RE.finditer(ctx.text):
        out.append(_Cand(m.start(2), m.end(2), _APPOSITIVE_TYPE[m.group(1)], m.group(2), "quoted"))
    for m in _QUOTED_PLATFORM_RE.finditer(ctx.text):
        out.append(_Cand(m.start(), m.end(), "product", m.group(), "quoted"))
    for m in _QUOTED_EVENT_RE.finditer(ctx.text):
        s = m.start()
        if s >= 4 and _YEAR_TOKEN.fullmatch(ctx.text[s - 4:s]):
            s -= 4
        out.append(_Cand(s, m.end(), "event", ctx.text[s:m.end()], "quoted"))
    return out


# -------------------------------------------------------------- gazetteer

def _gazetteer(ctx: _Ctx) -> list[_Cand]:
    gaz, prefixes = ctx.lex.gazetteer, ctx.lex.prefixes
    toks, starts, text = ctx.tokens, ctx.starts, ctx.text
    out: list[_Cand] = []
    n = len(toks)
    nxt = 0
    for i in compress(range(n), map(prefixes.__contains__, toks)):
        if i < nxt:
            continue
        best = None
        acc = ""
        for j in range(i, min(n, i + 5)):
            acc += text[starts[j]:starts[j] + len(toks[j])]
            if acc not in prefixes:
                break
            if acc in gaz:
                best = (j, acc)
        if best is None:
            continue
        j, surface = best
        nxt = j + 1
        canon, typ = gaz[surface]
        if typ == "place" and text.startswith("特色", starts[i] + len(surface)):
            continue
        out.append(_Cand(starts[i], starts[i] + len(surface), typ, canon, "gazetteer"))
    return out


# ------------------------------------------------------------ enumerations

def _enumerations(ctx: _Ctx) -> list[_Cand]:
    """小米、兆易创新、天智航等7家领军企业: the items are companies (or universities)."""
    text = ctx.text
    out: list[_Cand] = []
    for m in _enum_matches(text):
        kind = _ENUM_KIND.get(m.group(3), "company")
        if kind == "company" and _NOT_FIRMS.search(m.group(2)):
            continue
        pos = m.start(1)
        items = m.group(1).split("、")
        known = 0
        if kind in ("place", "park"):
            at = m.start(1)
            for item in items:
                words = _words_in(ctx, at, at + len(item))
                known += bool(_SUFFIX_END.search(item)) or any(_is_proper(ctx, w) for w in words)
                at += len(item) + 1
        for idx, item in enumerate(items):
            s, e = pos, pos + len(item)
            pos = e + 1
            if idx == 0:
                s = _first_item_start(ctx, s, e)
            name = text[s:e]
            if len(name) < 2 or name in ctx.lex.stops or name in _GENERIC_PREFIX or _HAS_DIGIT.search(name):
                continue
            if kind in ("place", "park") and 2 * known <= len(items):
                continue  # 科研、生活等社区: kinds of use, not places (most items of a list of places are names)
            out.append(_Cand(s, e, kind, name, "enum"))
    return out


def _enum_matches(text: str) -> list[re.Match[str]]:
    """`_ENUM_RE.finditer(text)`, searched only near each 、 (the plain scan tries every position).

    A match's first item is 2-10 characters before its first 、, so none starts more than 10
    characters before the next 、; and it cannot leave the run of name characters that holds it.
    """
    out: list[re.Match[str]] = []
    pos = 0
    while (c := text.find("、", pos + 2)) >= 0:
        stop = _ENUM_STOP.search(text, c)
        run_end = stop.start() if stop else len(text)
        m = _ENUM_RE.search(text, max(pos, c - 10), run_end)
        if m is None:
            pos = run_end  # every start before the run's end was tried
            continue
        out.append(m)
        pos = m.end()
    return out


def _first_item_start(ctx: _Ctx, s: int, e: int) -> int:
    k = ctx.token_at(e - 1)
    b = e
    while k >= 0 and ctx.starts[k] >= s:
        t = ctx.text[ctx.starts[k]:ctx.starts[k] + len(ctx.tokens[k])]
        if t in ctx.lex.stops:
            break
        b = ctx.starts[k]
        k -= 1
    return b


# -------------------------------------------------------- choosing spans
