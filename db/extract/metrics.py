"""Metric extraction: every stated quantity of an article body, with what, whose, when and what kind.

The rules follow the annotation guide (gold/GUIDE.md, section metrics):
- Not metrics: dates, ordinals, identifiers, numbers inside names (《...》, short “...” tags,
  5G), bare numbers, and figures in a sub-heading that restates the story's own figures.
- The period is the latest date written before the figure in its sentence; without one, it
  carries over from the previous sentence when that one stated figures or a year/month, else it
  falls back to the section's date (a dated sub-heading, or an intro paragraph ending in ：).
  目前/截至目前 mean "as of publication" and give no period unless the date beside them is
  the report date itself.
- kind: share (fractions, 占/比重), rate (增长/减少 x%), target (到2022年, 力争, 计划, 拟, 目标包括),
  amount (money), count, other (倍, physical and per-unit values, ages, durations).
"""
from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field

from ..records import ArticleText, DateSpan, Metric
from ..text import halfwidth, unbroken
from .dates import DateMention, find_dates, published_base
from .numbers import QuantityMatch, cn_number, find_quantities
from .owners import SCOPE_NORM, WHOLE_NAMES, Owners
from .subject import COUNTED_SET, counted_in_list
from .subject import subject as subject_of

__all__ = ["extract_metrics"]

_TOPICS = frozenset({"product", "company", "org", "university", "gov", "park"})  # who or what a figure is of
_MONEY = frozenset({"元", "美元", "港元", "欧元", "日元", "英镑", "韩元", "澳元", "加元", "卢布"})
_COUNT = frozenset({"家", "件", "项", "个", "人", "人次", "家次", "场次", "台", "套", "起", "只", "位", "份",
                    "期", "次", "所", "支", "场", "户", "种", "类", "部门", "部委", "方面", "名", "座",
                    "条", "篇", "款", "艘", "辆", "架", "株", "例", "颗", "枚", "栋", "处"})
_PCT = frozenset({"%", "百分点", "‰"})

_BOOK = re.compile(r"《[^》\n]{0,120}》")
_TAG = re.compile(r"“[^”\n]{1,12}”|‘[^’\n]{1,12}’|「[^」\n]{1,12}」|\"[^\"\n]{1,12}\"")
_HEAD_PUNCT = re.compile(r"[，,。；;！？!?：:]")
_SENT_END = re.compile(r"[。！？!?；;]+[”’」』\"]*|[:：](?=——|\s*\n)")
_LINE_END_CLOSED = tuple("。！？!?；;：:”’」』)）")
_CLAUSE_PUNCT = re.compile(r"[，,；;：:。！？!?]")
_NOUN_UNITS = frozenset({"部门", "部委"})
_CLASS_WORDS = ("大类", "小类")
_EXAMPLE = re.compile(r"\s*(?:如|例如|比如|譬如)[，,：:]?(?!何|果|期|今|此)")
# 占全省600余家高校合同总额的9%: the figure inside the whole compared with is the whole's.
# 16个高新区重大项目开工382个: the zones' projects, whose figures are the zones'.
_ZONE_WORD = re.compile(r"高新区|开发区|示范区|园区|新区|自贸区")
_WHOLE_OF = re.compile(r"占([\u4e00-\u9fff]{2,10})$")
# Only time and lead words before a sentence's first count: the sentence is about the set it counts.
_COUNT_OPENS = re.compile(r"(?:(?:据统计|据了解|据悉|数据显示|统计显示|目前|其中|此外|同时|截至[^，,。]{0,12}|"
                          r"(?:19|20)\d\d年(?:\d{1,2}月)?(?:底|末|以来|全年)?|今年|去年|全年|上半年|前三季度)[，,]?)*"
                          r"(?:共有|共|有)?")
# 其中，云州市企业120家: a part of the figure before, which keeps that figure's owner.
_PLAN_TITLE = re.compile(r"《|计划|规划|方案|纲要|意见|通知|办法|若干措施")
_PART_OF = re.compile(r"\s*其中")
_PART_OF_BEFORE = re.compile(r"其中[，,]$")

# 目前 and friends: the figure is as of publication, not of an earlier date.
_NOW = re.compile(r"目前|当前|截至目前|截止目前|迄今|至今|现有|现已")
_COMPARE_BEFORE = re.compile(r"(?:比|较|是|相比|相较|与|为)$")
_COMPARE_AFTER = re.compile(r"^(?:同期|相比|的水平)")
_RECENT = re.compile(r"(?:近|连续|过去)([一二三四五六七八九十两\d]{1,2})年")
_TARGET_YEAR = re.compile(r"(?:^|[，,：:；;\s(（—])(?:到|至|至到)(\d{4})年")
# A cue counts in the figure's clause or the one before it; 计划/拟 inside names (人才计划实施,
# 拟上市企业) and 未来 in 未来科学城 are not cues.
_TARGET_CUE = re.compile(
    r"力争|争取(?=到|在|实现|达到|突破)|计划(?![实的等”中和、，,。])|拟(?!上市)|预计|有望|"
    r"将(?:达|突破|超过|增至|提高|形成|建成|实现|新增|培育|打造|建设|建|推动|带动)"
)
# Time frames and framings hold for the whole sentence: 未来一个时期, ..., 重点建设100个.
_TARGET_FRAME = re.compile(r"未来(?=[，,]|一个|几|[一二三四五六七八九十\d]+年)|目标.{0,6}(?:包括|是|为)")
_SHARE_QUAL = re.compile(r"(超过|超|近|接近|将近|约|不足|不到|逾)(?:全国|全省|全市|全区|总数|总量|总额)?的?$")
_RATE_BEFORE = re.compile(
    r"(?:增长|增加|提高|提升|下降|减少|降低|增幅|增速|上升|上涨|下滑|回落|扩大|缩小|涨幅|降幅|同比|环比|年均|"
    r"扩张)(?:了|为|达|达到|超过|超|近|约)?(?:[\d.]+%(?:和|、|及|与))?$"
)
_RATE_AFTER = re.compile(r"^(?:的)?(?:增速|增幅|增长|涨幅|降幅)")
_TIMES_RATE = re.compile(r"(?:增长|扩张|增加|翻|扩大)(?:了)?$")
_PRICE = re.compile(r"定价|售价|价格|单价|票价|均价|报价|价")
_FROM_TO = re.compile(r"从.{0,30}?(?:提高|增长|增加|上升|下降|减少|降低|扩大)(?:到|至)$")
# Whose figure: a place or zone name, found by its suffix and read back to the clause start.
_SCOPE = re.compile(
    r"(?<![占超于过])(?:全国|全省|全市|全区)|我国|中国|示范区|高新区|开发区|自贸区|科学城|经济圈|新区|园区|(?<!节)省|自治区|"
    r"(?<!上)市(?![场值民委])|县|区(?=[，,内])"
)
_SCOPE_WHOLE = frozenset({"全国", "我国", "中国", "全省", "全市", "全区"})
_NAME_BACK = re.compile(r"[\u4e00-\u9fff]{1,8}$")
_SCOPE_LEAD = re.compile(r"^.*?(?:其中|共有|现有|目前|全年|已有|已|在|对|向|由|是|共|有|从|的|和|与|及|为|了|将)")
_SHARE_QUALIFIER = {"超过": ">", "超": ">", "近": "<~", "接近": "<~", "将近": "<~", "约": "~", "不足": "<",
                    "不到": "<", "逾": ">~"}
# Compiled once: a pattern string passed to re.search looks up re's cache on every call.
_POINTING_BACK = re.compile(r"(?:这|那|此|上述|前述)$")
_MAGNITUDE = re.compile(r"[万亿]")
_DIGIT = re.compile(r"\d")
_LINE = re.compile(r"[^\n]+")
_YEAR_HEAD = re.compile(r"^\d{4}年(?:\d{1,2}[—-]?\d{0,2}月)?(?:底|末)?")


@dataclass
class _Sentence:
    start: int
    end: int
    dates: list[DateMention] = field(default_factory=list)
    quantities: list[QuantityMatch] = field(default_factory=list)
    ends_list: bool = False  # ends with ；/： so the next sentence continues the same list
    periods: list[str | None] = field(default_factory=list)  # the periods given to its figures
    intro: bool = False  # ends with ：, introducing a list (主要目标包括：)


@dataclass
class _Paragraph:
    start: int
    end: int
    heading: bool
    sentences: list[_Sentence] = field(default_factory=list)


def extract_metrics(article: ArticleText) -> list[Metric]:
    """All metrics of `article.body`, in order. Never raises."""
    try:
        return _extract(article)
    except (ValueError, KeyError, IndexError, TypeError, OverflowError, ZeroDivisionError, AttributeError):
        return []


def _spans(rx: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [m.span() for m in rx.finditer(text)]


def _inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


def _extract(article: ArticleText) -> list[Metric]:
    body = article.body or ""
    if not body.strip():
        return []
    src = halfwidth(body)
    base = published_base(article.published)[0]
    books = _spans(_BOOK, src)
    tags = _spans(_TAG, src)
    dates = [d for d in find_dates(body, base) if not _inside(books, d.start, d.end)]
    date_spans = [(d.start, d.end) for d in dates]
    dates = [d for d in dates if not _comparison_base(src, d)]
    dates += _recent_years(src, base)
    dates.sort(key=lambda d: d.start)
    quantities = [q for q in find_quantities(body, src) if _keep(src, q, books, tags, date_spans)]
    paragraphs = _paragraphs(src)
    _attach(paragraphs, dates, quantities)
    return _resolve(article, src, paragraphs, base)


def _comparison_base(src: str, d: DateMention) -> bool:
    """去年全年 in 是去年全年的3倍, 上年 in 比上年增长: a point of comparison, not the figure's time."""
    return bool(_COMPARE_BEFORE.search(src, max(0, d.start - 2), d.start)
                or _COMPARE_AFTER.match(src[d.end:d.end + 3]))


def _recent_years(src: str, base: datetime.date | None) -> list[DateMention]:
    """近五年/连续五年 in a 2020 article: the five full years before it, 2015/2019."""
    if base is None:
        return []
    out = []
    for m in _RECENT.finditer(src):
        n = cn_number(m.group(1))
        if not n or n > 30 or src[m.end():m.end() + 1] in ("来", "前"):
            continue
        end = base.year - 1
        span = DateSpan(f"{end - int(n) + 1:04d}", f"{end:04d}", "year")
        out.append(DateMention(m.start(), m.end(), m.group(), span, has_year=False, relative=True))
    return out


def _keep(src: str, q: QuantityMatch, books: list, tags: list, date_spans: list) -> bool:
    qty = q.quantity
    if _inside(books, q.start, q.end) or _inside(tags, q.num_start, q.end):
        return False
    if _overlaps(date_spans, q.num_start, q.end):
        return False
    if _POINTING_BACK.search(src[max(0, q.num_start - 2):q.num_start]):
        return False  # 这两个项目: pointing back, not counting
    if q.bare:
        # A bare number is a metric only with a magnitude and a qualifier: 连接数达到12亿.
        return bool(_MAGNITUDE.search(q.text)) and q.num_start > q.start and qty.value >= 1e4
    if qty.unit == "方面" or (qty.unit == "个" and src.startswith("方面", q.end)):
        # 从三个方面: discourse structure, unless the count is written in figures (12个方面).
        return bool(_DIGIT.match(src[q.num_start:q.end]))
    return True


# ---------------------------------------------------------------------------
# Layout: headings, paragraphs (joining lines broken mid-sentence), sentences


def _paragraphs(src: str) -> list[_Paragraph]:
    paras: list[_Paragraph] = []
    open_para: _Paragraph | None = None
    for m in _LINE.finditer(src):
        line = m.group()
        stripped = line.strip()
        if not stripped:
            continue
        start = m.start() + (len(line) - len(line.lstrip()))
        end = m.start() + len(line.rstrip())
        heading = not _HEAD_PUNCT.search(stripped) and len(stripped) <= 40
        if heading:
            paras.append(_Paragraph(start, end, True))
            open_para = None
            continue
        if open_para is not None and not src[open_para.end - 1:open_para.end].endswith(_LINE_END_CLOSED):
            open_para.end = end  # a line broken by the page layout: the sentence goes on
            continue
        open_para = _Paragraph(start, end, False)
        paras.append(open_para)
    for p in paras:
        pos = p.start
        for m in _SENT_END.finditer(src, p.start, p.end):
            p.sentences.append(_Sentence(pos, m.end(), ends_list=m.group()[0] in "；;：:",
                                         intro=m.group()[0] in "：:"))
            pos = m.end()
        if pos < p.end:
            colon = src[p.end - 1] in "：:"
            p.sentences.append(_Sentence(pos, p.end, ends_list=colon, intro=colon))
    return paras


def _attach(paras: list[_Paragraph], dates: list[DateMention], quantities: list[QuantityMatch]) -> None:
    sents = [s for p in paras for s in p.sentences]
    i = 0
    for d in dates:
        while i < len(sents) and sents[i].end <= d.start:
            i += 1
        if i < len(sents) and sents[i].start <= d.start:
            sents[i].dates.append(d)
    i = 0
    for q in quantities:
        while i < len(sents) and sents[i].end <= q.num_start:
            i += 1
        if i < len(sents) and sents[i].start <= q.num_start:
            sents[i].quantities.append(q)


# ---------------------------------------------------------------------------
# Period, kind, subject, scope


def _fmt(span) -> str:
    return span.start if span.start == span.end else f"{span.start}/{span.end}"


@dataclass
class _Context:
    section_period: str | None = None
    section_target: bool = False
    scope: str | None = None
    owners: Owners | None = None
    title_scope: str | None = None
    plan: bool = False  # the article is a plan or notice: its figures are its zone's throughout
    horizon: str | None = None  # the year a plan runs to: its targets' period when a target names none
    list_period: str | None = None
    list_target: bool = False
    # (start, name, is a product) of the products and the makers, bodies and schools named
    products: list[tuple[int, str, bool]] = field(default_factory=list)


def _resolve(article: ArticleText, src: str, paras: list[_Paragraph], base: datetime.date | None) -> list[Metric]:
    out: list[Metric] = []
    owners = Owners(src, article.entities, article.publication) if article.entities else None
    title_scope = owners.in_title(article.title or "") if owners else _scope_in(article.title or "")
    plan = bool(_PLAN_TITLE.search(article.title or ""))
    horizon = _horizon(article.title or "") if plan else None
    ctx = _Context(scope=title_scope, owners=owners, title_scope=title_scope, plan=plan, horizon=horizon,
                   products=[(m.start, m.name, m.type == "product" and not m.name.endswith("平台"))
                             for m in article.entities or ()
                             if m.type in _TOPICS])
    for p in paras:
        if p.heading:
            ctx.list_period, ctx.list_target = None, False
            years = [d for s in p.sentences for d in s.dates if d.has_year]
            ctx.section_period = _fmt(years[-1].span) if years else None
            ctx.section_target = False
            heading_text = src[p.start:p.end].strip()
            if any(len(heading_text) - len(q.text) >= 3 for s in p.sentences for q in s.quantities):
                continue  # a sub-heading restating the story's own figures
            if not any(s.quantities for s in p.sentences):
                continue
        out.extend(_paragraph_metrics(article, src, p, ctx, base))
    return out


def _paragraph_metrics(article: ArticleText, src: str, p: _Paragraph, ctx: _Context,
                       base: datetime.date | None) -> list[Metric]:
    out: list[Metric] = []
    carried = ctx.list_period or ctx.section_period
    target_carry = ctx.list_target or ctx.section_target
    ctx.list_period, ctx.list_target = None, False
    topic: str | None = None  # the last subject of the paragraph's sentences so far
    topic_owner: str | None = None  # the owner the paragraph's last sentence opening with one named
    lo = p.start  # where a product named before a figure still speaks for it: this sentence or the one before
    for s in p.sentences:
        text = src[s.start:s.end]
        if ctx.owners:
            topic_owner = ctx.owners.opening(s.start, text) or topic_owner
        sent_target = target_carry
        previous: list[str] = []  # subjects of the sentence's figures so far (not rates)
        counted: str | None = None  # the set a sentence opens by counting (30家试点单位…): its figures' owner
        for q in s.quantities:
            before = text[:max(0, q.start - s.start)]
            period = _period(src, s, q, carried, base)
            s.periods.append(period)
            target = (sent_target or bool(_TARGET_CUE.search(_last_clauses(before)))
                      or bool(_TARGET_FRAME.search(before)) or _target_year(before, base))
            kind = _kind(src, q, before, target)
            if kind == "target" and period is None and ctx.horizon:
                period = ctx.horizon  # 力争…达到1000家 in a plan for 2021–2025: by 2025
            after = text[q.end - s.start:]
            if q.quantity.unit in _NOUN_UNITS:
                after = q.quantity.unit + after  # 7部委公布了…: what is counted is the unit itself
            subject = _of_product(subject_of(before, after, kind, previous, topic),
                                  _product_before(ctx.products, lo, q.start))
            if q.text.endswith(_CLASS_WORDS) and (counted_noun := counted_in_list(after)):
                subject = counted_noun + q.text[-2:]  # 五大类、二十小类、200余项产品: 产品大类
            whole = _WHOLE_OF.search(before) if kind in ("count", "amount") else None
            if kind != "rate" and subject and not whole:
                previous.append(subject)  # not 600余家 of 占全省600余家高校合同总额的9%: that is the whole's
            clause = s.start + max((m.end() for m in _CLAUSE_PUNCT.finditer(before)), default=0)
            prev = out[-1] if out else None
            if prev and (_PART_OF.match(src, clause) or _PART_OF_BEFORE.search(src, max(s.start, clause - 3), clause)):
                scope = prev.scope
            elif whole and (named := _scope_in(whole.group(1))):
                scope = named
            elif counted and not (ctx.owners and ctx.owners.last(s.start, q.start, clause)):
                scope = counted
            elif prev and prev.scope and _same_list(src, prev, s) \
                    and not (ctx.owners and ctx.owners.own(clause, q.start)):
                # 营业收入12万亿元，同比增长8%；净利润7265亿元: the sentence's figures stay with its owner.
                scope = prev.scope
            else:
                scope = (ctx.owners.last(s.start, q.start, clause) if ctx.owners else _scope_in(before)) \
                    or topic_owner or ctx.scope \
                    or (ctx.owners.title_body or ctx.owners.country(q.start) if ctx.owners else None)
            if q is s.quantities[0] and kind == "count" and subject and _COUNT_OPENS.fullmatch(before) \
                    and COUNTED_SET.search(subject[-3:]) and not _ZONE_WORD.search(subject):
                counted = subject
            qualifier = q.quantity.qualifier
            if qualifier is None and q.quantity.unit == "share":
                # 均超全国1/3: the qualifier sits before the whole the fraction is of.
                sq = _SHARE_QUAL.search(before[-8:])
                qualifier = _SHARE_QUALIFIER.get(sq.group(1)) if sq else None
            out.append(Metric(
                text=q.text, value=q.quantity.value, unit=q.quantity.unit or "个", qualifier=qualifier,
                period=period, subject=subject, scope=scope, kind=kind,
                sentence=unbroken(text), sentence_start=s.start, sentence_end=s.end,
                start=q.start, end=q.end,
                value_max=q.quantity.value_max,
            ))
        topic = previous[-1] if previous else topic
        lo = s.start
        # A zone named in one sentence owns the next ones' figures, unless the title names the
        # article's own zone (a plan's figures are its zone's, whatever places its text passes).
        # 全国 in a sentence without figures (在全国率先, 全国首个) is praise, not the next figures' owner.
        # A place given as an example (如，在云州市…) is no owner of what the article goes on to say.
        if not (ctx.owners and ctx.title_scope and ctx.plan) and not _EXAMPLE.match(text):
            named = ctx.owners.last(s.start, s.end) if ctx.owners else _scope_in(text)
            if named and (s.quantities or named not in WHOLE_NAMES):
                ctx.scope = named
        has_target = s.ends_list and (sent_target or bool(_TARGET_CUE.search(text))
                                      or bool(_TARGET_FRAME.search(text)) or _target_year(text, base))
        target_carry = (has_target and s.ends_list) or ctx.section_target
        exit_period = _exit_period(src, s, carried, base)
        if s.intro and not p.heading:
            # An intro paragraph ending in ：: its date and aim hold for the list that follows.
            ctx.section_period = exit_period or carried or ctx.section_period
            ctx.section_target = has_target
            target_carry = has_target
        carried = exit_period or ctx.section_period
        if s is p.sentences[-1] and s.ends_list:
            # A list item ending in ； on its own line: the next line continues the list.
            ctx.list_period, ctx.list_target = carried, target_carry
    return out


_FIVE_YEAR = {"十一五": "2010", "十二五": "2015", "十三五": "2020", "十四五": "2025", "十五五": "2030"}
_TITLE_YEARS = re.compile(r"(?:19|20)\d\d(?=年)|(?<=[—\-–~至])(?:19|20)\d\d")


def _horizon(title: str) -> str | None:
    """The year a plan runs to, from its title: (2018—2022年) → 2022, “十四五” → 2025, 到2030年 → 2030."""
    for name, year in _FIVE_YEAR.items():
        if name in title:
            return year
    years = _TITLE_YEARS.findall(title)
    return max(years) if years else None


def _same_list(src: str, prev: Metric, s: _Sentence) -> bool:
    """The figure before stands in this sentence, or in the list item this one follows (…；)."""
    return prev.sentence_start == s.start or src[prev.sentence_end - 1] in "；;"


def _product_before(products: list[tuple[int, str, bool]], lo: int, hi: int) -> str | None:
    """The product last named before `hi` (from `lo`), unless a company, body, school or zone came after it."""
    named = [(name, product) for start, name, product in products if lo <= start < hi]
    return named[-1][0] if named and named[-1][1] else None


def _of_product(subject: str | None, product: str | None) -> str | None:
    """A product's figures are told of it: 紫微骨科机器人 …。手术时间减少40% → 紫微骨科机器人手术时间;
    某某科技的HX1芯片速度 → HX1芯片速度 (the maker is whose, not what)."""
    if not subject or not product:
        return subject
    if product in subject:
        return subject[subject.index(product):]
    return product + subject if len(subject) <= 6 else subject


def _last_clauses(before: str) -> str:
    """The clause holding the figure and the one before it, when a ，or ： joins them.

    A linear scan: the regex form ([^，...]*[，,：:]?[^，...]*$) retried every start position.
    """
    marks = [m.start() for m in _CLAUSE_PUNCT.finditer(before)]
    if not marks:
        return before
    if before[marks[-1]] not in "，,：:":
        return before[marks[-1] + 1:]
    return before[marks[-2] + 1:] if len(marks) >= 2 else before


def _target_year(before: str, base: datetime.date | None) -> bool:
    return any(base is None or int(m.group(1)) >= base.year for m in _TARGET_YEAR.finditer(before))


def _now_word(text: str) -> re.Match[str] | None:
    found = None
    for m in _NOW.finditer(text):
        found = m
    return found


def _period(src: str, s: _Sentence, q: QuantityMatch, carried: str | None,
            base: datetime.date | None) -> str | None:
    before = [d for d in s.dates if d.end <= q.start]
    prefix = src[s.start:q.start]
    if before:
        last = before[-1]
        now = _now_word(prefix)
        if now and s.start + now.start() > last.end and not _report_date(last, base):
            return None
        years = sorted({d.span.start[:4] for d in before if d.has_year})
        if q.quantity.unit in ("%", "百分点") and len(years) >= 2 and "从" in prefix:
            return f"{years[0]}/{years[-1]}"  # 从2018年...到2022年..., 分别增长x%: over the whole span
        if _FROM_TO.search(prefix) and len(before) >= 2:
            return _fmt(max((d.span for d in before), key=lambda sp: sp.end))
        first = _enumeration_start(src, before)
        if first is not None:
            return f"{first.span.start}/{last.span.end}"
        if not last.has_year and not last.relative and (years or carried):
            # 2019年…，全年…; 2019年…。1—7月…: the year the sentence or the paragraph is in
            return _in_year(last.span, years[-1] if years else carried[:4])
        return _fmt(last.span)
    if _now_word(prefix):
        return None
    return carried


def _in_year(span, year: str) -> str:
    """`span` moved to `year`: a yearless 1—7月 or 全年 in a paragraph about that year."""
    if not year.isdigit():
        return _fmt(span)
    start, end = year + span.start[4:], year + span.end[4:]
    return start if start == end else f"{start}/{end}"


def _report_date(d: DateMention, base: datetime.date | None) -> bool:
    """5月6日 in a May 2020 report, next to 目前: the date the figures were given."""
    if base is None or d.span.precision != "day":
        return False
    return d.span.start[:7] == f"{base.year:04d}-{base.month:02d}" or (
        d.span.start[:4] == f"{base.year:04d}" and base.month == 1 and base.day == 1)


def _enumeration_start(src: str, before: list[DateMention]) -> DateMention | None:
    """2020年1月27日、2月3日: the figure covers the listed dates, first to last."""
    i = len(before) - 1
    while i > 0 and src[before[i - 1].end:before[i].start] == "、":
        i -= 1
    return before[i] if i < len(before) - 1 else None


def _exit_period(src: str, s: _Sentence, carried: str | None, base: datetime.date | None) -> str | None:
    """What the next sentence inherits from this one."""
    if s.periods:
        # Figures of two different times in one sentence: the next figure's time is not clear.
        return s.periods[0] if len(set(s.periods)) == 1 else None
    if s.dates:
        last = s.dates[-1]
        if last.span.precision != "year" and not last.fuzzy:
            return None  # an event's day or month (会议5月30日举行) says nothing of later figures
        return _fmt(last.span)
    return None


def _kind(src: str, q: QuantityMatch, before: str, target: bool) -> str:
    unit = q.quantity.unit
    if unit == "share":
        return "share"
    if target:
        return "target"
    head = before[-14:]
    after = src[q.end:q.end + 4]
    if unit in _PCT:
        if _RATE_BEFORE.search(head) or _RATE_AFTER.match(after):
            return "rate"
        return "share"
    if unit == "倍":
        return "rate" if _TIMES_RATE.search(before[-4:]) else "other"
    if unit in _MONEY:
        window = src[max(0, q.start - 8):q.start]
        return "other" if _PRICE.search(window) else "amount"
    if unit in _COUNT or unit == "":
        return "count"
    return "other"


def _scope_in(text: str) -> str | None:
    found = None
    for m in _SCOPE.finditer(text):
        found = m
    if found is None:
        return None
    word = found.group()
    if word in _SCOPE_WHOLE:
        return SCOPE_NORM.get(word, word)
    back = _NAME_BACK.search(text, max(0, found.start() - 8), found.start())
    name = (back.group() if back else "") + word
    name = _SCOPE_LEAD.sub("", name)
    if len(name) < 2 or (name == word and len(word) < 3):
        return None
    return name
