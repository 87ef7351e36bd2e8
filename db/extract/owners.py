"""Whose figure it is: the owners a metric's scope is chosen from, named as the entity extractor found them."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .lexicon import lexicon

SCOPE_NORM = {"我国": "全国", "中国": "全国"}  # the whole country, however it is written

_OWNER_TYPES = frozenset({"place", "park", "gov", "company", "org", "university"})
_ZONES = frozenset({"place", "park"})
_TITLE_BODIES = frozenset({"company", "org", "university"})
_KIND = "kind"  # a national kind of zone, or a country abroad: owner of its own clause only
_LEVEL = {"全省": "省", "全市": "市", "全区": "区", "本省": "省", "本市": "市", "本区": "区",
          "我省": "省", "我市": "市", "我区": "区"}
WHOLE_NAMES = frozenset({"全国", *_LEVEL})  # the whole country, province, city (全省, 本市): no named owner
_PLATFORM = re.compile("平台$")  # a platform owns its figures as a body does (a product does not)
_STREET = re.compile("(?:路|大道|大街)$")  # 麓谷路沿线的园区: the road is where, the park owns its figures
_OPENING_LEAD = re.compile(r"(?:(?:(?:截至|截止|到)?(?:\d{4}年(?:\d{1,2}月)?|\d{1,2}月)(?:底|末|以来)?|"
                           r"其中|目前|同时|此外|另外|近年来|(?:此次|本次|这次|新)?(?:发布|成立|启动|上线|揭牌|组建)的)"
                           r"[，,]?)*")
_WHOLE = re.compile(r"(?<![占超于过比居列])(?:全国|我国|[全本我][省市区])")
# 占北京市GDP的, 是云州市的3倍: the whole a figure is measured against, not its owner.
_BASE_BEFORE = re.compile(r"(?:占|超过|超|高于|低于|比|是|较|对|贡献了|相当于|居|位居|位列|领跑)$")
# 甲乙科技、丙丁等12家企业: a member of the set counted, not its owner.
_MEMBER_AFTER = re.compile(r"[、等]")
_AGENT_BEFORE = re.compile("[由被]$")
# 云州高新区86家“新三板”挂牌企业: a name after a count says what the set counted is, not whose it is.
_COUNT_BEFORE = re.compile(r"[\d一二三四五六七八九十百千万]+(?:多|余)?[家个所名位]“?$")
_NUMERAL = re.compile(r"[\d一二两三四五六七八九十百千万几数]")
_THIS_PAPER = re.compile(r"本报(?!讯|记者|评论员|特约|通讯员|见习|[\u4e00-\u9fff]{2}\d{1,2}月\d{1,2}日电)")
_QUOTED = re.compile(r"“[^“”\n]{1,40}”")
_BRACKETED = re.compile(r"[(（][^()（）]{0,40}[)）]")
# 全国高质量发展引领区: 全国 inside a name is no owner.
_NAME_AHEAD = re.compile(r"[\u4e00-\u9fff]{2,10}?(?:引领区|示范区|中心|高地|样板|标杆|先行区)")


class Owners:
    """Who a figure can belong to: the article's named places, zones, bodies and companies (from the
    entity extractor, so never a fragment of a word) and the whole country or province (全国, 全省).

    A body or company owns the figures of its own clause; a place or zone also those after it in the
    sentence and the sentences that follow, until another is named.
    """

    def __init__(self, src: str, mentions: tuple, publication: str | None = None) -> None:
        bracketed = [m.span() for m in _BRACKETED.finditer(src)]
        quoted = [m.span() for m in _QUOTED.finditer(src)]

        def free(start: int, end: int) -> bool:
            # (不含港澳台) names no owner, nor a name inside a quoted title (举办“走进科创板”活动3场)
            return not any(s < start < e for s, e in bracketed) \
                and not any(s <= start and end <= e and (s, e) != (start - 1, end + 1) for s, e in quoted)

        def compared(start: int, end: int) -> bool:
            base = _BASE_BEFORE.search(src, max(0, start - 3), start)
            # 是云州市的3倍 compares; 是云州市两大产业集群 says whose they are
            return bool(base) and not (base.group() == "是" and _NUMERAL.match(src, end))

        def owns(start: int, end: int) -> bool:
            return free(start, end) and not compared(start, end) \
                and not _MEMBER_AFTER.match(src, end) and not _COUNT_BEFORE.search(src, max(0, start - 6), start)

        # 国家高新区, 国家科技成果转化示范区: a national kind of zone, many zones. It owns the figures
        # of its own clause (国家高新区营业收入…), but is no zone that later sentences' figures belong to.
        # A country abroad (打破德国企业的垄断) likewise owns only its own clause's figures.
        abroad = lexicon().abroad
        spans = [(m.start, m.end, m.name,
                  _KIND if (m.type == "park" and m.name.startswith(("国家", "全国"))) or m.name in abroad else m.type)
                 for m in mentions if (m.type in _OWNER_TYPES or _PLATFORM.search(m.name)) and m.end > m.start
                 and owns(m.start, m.end) and not _STREET.search(m.name)]
        if publication:
            # 本报3月2日休刊两期: the paper itself (not the dateline 本报讯, nor 本报记者).
            spans += [(m.start(), m.end(), publication, "org") for m in _THIS_PAPER.finditer(src)]
        taken = [(s, e) for s, e, _, _ in spans]
        spans += [(m.start(), m.end(), SCOPE_NORM.get(m.group(), m.group()), "place") for m in _WHOLE.finditer(src)
                  if owns(m.start(), m.end()) and not any(s <= m.start() < e for s, e in taken)
                  and not _NAME_AHEAD.match(src, m.end())]
        self.spans = sorted(spans)
        central = _zones().central
        # Where the article first names a central body (工业和信息化部, 财政部办公厅): a figure after it
        # that nothing else owns is the country's.
        self.central_at = min((m.start for m in mentions if m.type == "gov" and central.match(m.name)), default=None)
        # 该联合体由云州集团联合12家企业组建: the one the clause opens with owns its figures, not the agent.
        self.agents = {s for s, _, _, _ in spans if _AGENT_BEFORE.search(src, max(0, s - 1), s)}
        self.title_zone: str | None = None  # the zone the title names, once in_title has found it
        self.title_body: str | None = None  # the company or body the title names (not a government's)
        # Each entity under its shortest name that keeps its kind: 中关村国家自主创新示范区 → 中关村示范区.
        surfaces: dict[str, set[str]] = {}
        companies: set[str] = set()
        for m in mentions:
            surfaces.setdefault(m.name, set()).add(m.text)
            if m.type == "company":
                companies.add(m.name)
        self.zones = _zones()
        self.display = {name: _brand(name, forms) if name in companies
                        else _short(name, forms | self.zones.aliases.get(name, set()))
                        for name, forms in surfaces.items()}

    def _name(self, name: str) -> str:
        if name not in self.display:
            self.display[name] = _short(name, self.zones.aliases.get(name, set()))
        return self.display[name]

    def own(self, clause: int, hi: int) -> str | None:
        """The last owner named in a figure's own clause (from `clause` to the figure at `hi`)."""
        own = [(s, n) for s, e, n, _ in self.spans if clause <= s and e <= hi]
        if len(own) > 1 and own[-1][0] in self.agents:
            own = [o for o in own if o[0] not in self.agents] or own
        return own[-1][1] if own else None

    def last(self, lo: int, hi: int, clause: int | None = None) -> str | None:
        """The owner of a figure at `hi`: the last body named in its clause (from `clause`), else the
        last place or zone named between `lo` and `hi`."""
        if clause is not None and (own := self.own(clause, hi)):
            return self._whole(own, lo, hi)
        zones = [n for s, e, n, t in self.spans if lo <= s and e <= hi and t in _ZONES]
        return self._whole(zones[-1], lo, hi) if zones else None

    def opening(self, start: int, sentence: str) -> str | None:
        """The body, company or zone a sentence opens with (after its time and linking words): the
        paragraph's topic, whose figures the next sentences give (云州大学技术转移中心围绕…。与120多家企业…)."""
        at = start + _OPENING_LEAD.match(sentence).end()
        for s, _, name, kind in self.spans:
            if s == at and name not in WHOLE_NAMES and kind != _KIND:
                return self._name(name)
            if s > at:
                break
        return None

    def country(self, at: int) -> str | None:
        """全国, for a figure at `at` in an article that has named a central body before it."""
        return "全国" if self.central_at is not None and self.central_at < at else None

    def _whole(self, name: str, lo: int, hi: int) -> str:
        """全省 after 湖南省 names that province (湖南省在全省42所高校): the figure is 湖南省's; 本市 is the
        city the article last named."""
        level = _LEVEL.get(name)
        if level:
            for start in (lo, 0):
                named = [n for s, e, n, t in self.spans if start <= s and e <= hi and t in _ZONES
                         and n.endswith(level) and n not in _LEVEL]
                if named:
                    return self._name(named[-1])
            if self.title_zone and self.title_zone.endswith(level):
                return self.title_zone  # 全市 in 长沙市某某规划: that city
        return self._name(name)

    def in_title(self, title: str) -> str | None:
        """The first zone or place its title names (a plan is its zone's): one its text names, or one
        the gazetteer knows."""
        names = {n: n for _, _, n, t in self.spans if t in _ZONES}
        names |= {alias: self.zones.canonical[alias] for alias in self.zones.names.findall(title)}
        names.pop("全国", None)
        forms = [(title.find(f), -len(f), n) for form, n in names.items() for f in {form, self._name(n)} if f in title]
        self.title_zone = self._name(min(forms)[2]) if forms else None
        bodies = {n for _, _, n, t in self.spans if t in _TITLE_BODIES or _PLATFORM.search(n)}
        named = [(title.find(f), n) for n in bodies for f in {n, self._name(n)} if f in title]
        self.title_body = self._name(min(named)[1]) if named else None
        return self.title_zone




def _short(name: str, forms: set[str]) -> str:
    """The shortest form that keeps the name's kind: 中关村示范区 for 中关村国家自主创新示范区."""
    return min((t for t in forms | {name} if t.endswith(name[-3:])), key=len, default=name)


def _brand(name: str, forms: set[str]) -> str:
    """A company under the short name the text gives it: 云州智造 for 云州智造(长沙)科技有限公司."""
    return min((f for f in forms if len(f) >= 2 and name.startswith(f)), key=len, default=name)


@dataclass(frozen=True)
class _Zones:
    """The gazetteer's names: the aliases of each, and a pattern that finds its places and zones in a title."""

    aliases: dict[str, set[str]]
    canonical: dict[str, str]
    names: re.Pattern[str]
    central: re.Pattern[str]  # the central bodies (the gazetteer's bodies), at the start of a name


@cache
def _zones() -> _Zones:
    aliases: dict[str, set[str]] = {}
    canonical: dict[str, str] = {}
    for alias, (name, kind) in lexicon().gazetteer.items():
        aliases.setdefault(name, set()).add(alias)
        if kind in _ZONES and len(alias) > 1:
            canonical[alias] = name
    names = re.compile("|".join(sorted(map(re.escape, canonical), key=len, reverse=True)) or "(?!)")
    bodies = [alias for alias, (_, kind) in lexicon().gazetteer.items() if kind == "gov"]
    central = re.compile("|".join(sorted(map(re.escape, bodies), key=len, reverse=True)) or "(?!)")
    return _Zones(aliases, canonical, names, central)
