"""A page's paragraphs and the forms its lines take: headings, bylines, leads, credits, metadata
lines, mastheads; and the dates a page states (its masthead date, or the tightest its content supports)."""
from __future__ import annotations

import re
from dataclasses import dataclass

# ---------------------------------------------------------------- paragraphs

_BLOCK = re.compile(r"(?:[^\n]*\S[^\n]*(?:\n|$))+")
_MD_HEADING = re.compile(r"^(#{1,6})\s+")
_TERMINAL = re.compile(r"[。！？!?…；;]['\"”’」』）)]*\s*$")
_NAME = r"[\u4e00-\u9fff·]{2,4}"
_NAMES = rf"{_NAME}(?:[ \u3000、,，]+{_NAME}){{0,3}}"

_BYLINE = re.compile(
    rf"^[▶■●◆▲★☆>＞\s]*(?:(?:本报|新华社|中新社)?(?:特约)?(?:记者|通讯员|实习生|撰文|作者|文)\s*[:：/]?\s*"
    rf"(?P<names>{_NAME}(?:(?:[ \u3000、,，]+|\s*(?:通讯员|实习生|记者)\s*){_NAME}){{0,4}}))\s*(?:报道|采写|文|摄)?$"
)
_BARE_NAMES = re.compile(rf"^(?P<names>{_NAMES})$")
# News agencies, sites and papers that open a story with a dateline (新华社北京3月5日电, 人民网北京6月1日电).
_AGENCY = (r"(?:新华社|中新社|中新网|中国新闻网|人民网|新华网|央广网|央视网|光明网|中国日报网|"
           r"[\u4e00-\u9fff]{2,6}(?:日报|晚报|时报))")
_LEAD = re.compile(
    r"^(?:本报[\u4e00-\u9fff\d]{0,10}讯|【[^】]{0,20}讯】"
    r"|据?(?:本报|" + _AGENCY + r")[\u4e00-\u9fff\d]{0,14}?(?:电|消息))"
    r"\s*(?:[(（]\s*(?:记者|通讯员)[^)）]{1,30}[)）]|[(（]\s*" + _NAME + r"(?:[ \u3000、]+" + _NAME + r"){0,3}\s*[)）]"
    r"|(?:记者|通讯员)\s*(?!日前|近日|从)[\u4e00-\u9fff]{2,3}?(?=日前|近日|从|获悉|了解|在|表示|介绍|\s)"
    r"|(?:记者|通讯员)\s*(?!日前|近日|从|获悉)" + _NAME + r"(?:报道)?)?\s*"
)
# The same opening, read for the day it gives and who sent it (据: a reprint, not the publication).
_DATELINE = re.compile(r"^(?P<reprint>据)?(?P<agency>本报|" + _AGENCY + r")[\u4e00-\u9fff]{0,6}?"
                       r"(?P<m>\d{1,2})月(?P<d>\d{1,2})日(?:电|讯|消息)")
_LEAD_AUTHORS = re.compile(
    r"(?:记者|通讯员|实习生)\s*(" + _NAME + r"(?:[ \u3000、]+(?!记者|通讯员|实习生)" + _NAME + r")*)"
    r"(?:报道)?(?=[)）\s]|$)"
)
# Names in a dateline's brackets without a role word: 中新网北京1月15日电 (邓悦 郑凯)
_LEAD_NAMES = re.compile(r"[(（]\s*(" + _NAME + r"(?:[ \u3000、]+" + _NAME + r")*)\s*[)）]")
_CONTINUED_FROM = re.compile(r"^[▲▶■◆\s]*上接\s*[\d一二三四五六七八九十]+\s*版")
_CONTINUED_TO = re.compile(r"^[▲▶■◆\s]*(?:下转|转)\s*[\d一二三四五六七八九十]+\s*版")
_SPEAKER = re.compile(r"^[\u4e00-\u9fffA-Za-z0-9()（）·“”\s]{4,40}[：:]$")
_CREDIT = re.compile(
    r"^(?:[(（][^()（）]{2,40}(?:供图|摄)[)）]|图片来源\s*[:：].{1,40}|(?:本报|新华社|中新社)?(?:记者|通讯员)?\s*"
    + _NAME
    + r"(?:\s+" + _NAME + r")?\s*/?\s*摄)$"
)
_INLINE_CREDIT = re.compile(r"(?:(?:本报|新华社|中新社)?记者|通讯员)\s*(" + _NAME + r")\s*/?\s*摄\s*$")
_TRAILING_NAMES = re.compile(r"[。！？”](" + _NAME + r"(?:\s+" + _NAME + r"){0,2})$")
_MASTHEAD = re.compile(
    r"刊号|邮发代号|星期[一二三四五六日天]|第\s*\d+\s*期|总第|https?://|www\.|主管|主办|出版|电子版|版次"
)
_GOV_META = re.compile(r"^[【\[]?\s*(发布日期|发文日期|颁布时间|颁布日期|实施时间|成文日期|文号|发文字号|颁布部门|"
                       r"发文机关|"
                       r"法规类别|信息来源|索引号|主题分类|来源)\s*[】\]]?\s*[:：]")
_POLICY_TITLE = re.compile(r"通知|意见|办法|方案|规定|决定|计划|规划|纲要|细则|条例|措施|公告|批复|函")
_BREADCRUMB = re.compile(r"^(您当前所在位置|当前位置|您的位置|首页|>|＞|›)")
_FOOTER = re.compile(r"^(转载链接地址|【打印本页】|【关闭窗口】|分享到|Produced By|打印本页|关闭窗口|扫一扫|责任编辑)")
_PUBLICATION = re.compile(r"^[\u4e00-\u9fff]{2,14}(?:日报|晚报|导报|时报|早报|商报|周报|周刊|科技报|青年报|报)$")
_SUPERVISOR = re.compile(r"^([\u4e00-\u9fff]{2,20}?)(?:主管|主办)(?:单位)?$")
_BRAND = re.compile(r"[\u4e00-\u9fff]{2,8}(?:网|智库|研究院)")
_DATE_CN = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_DATE_ISO = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")

LABELS = {
    "ad": ("广告", "广而告之"),
    "toc": ("本期导读", "导读", "目录", "本期目录", "今日导读"),
    "notice": ("启事", "声明", "更正", "公告", "通告", "征稿启事", "更正启事"),
}
_KICKER_MAX = 4  # a heading this short before a headline is a section label (相关报道, 声音)
_HEADING_MAX = 64
# A short line that asks or exclaims, with no sentence ended inside it.
_QUESTION_HEADLINE = re.compile(r"[^。！？!?；;\n]{6,40}[？?！!]")


@dataclass
class Para:
    start: int
    end: int
    text: str  # stripped, without markdown heading marks
    level: int = 0  # markdown heading level, 0 for none

    @property
    def terminal(self) -> bool:
        return bool(_TERMINAL.search(self.text))

    @property
    def headingish(self) -> bool:
        """Short and unpunctuated at the end: a headline, a label or a sub-heading."""
        if self.level:
            return True
        t = self.text
        if _QUESTION_HEADLINE.fullmatch(t):
            return True  # 习近平为何来到这片“科创高地”?: a headline may ask
        return len(t) <= _HEADING_MAX and not self.terminal and not t.endswith(("：", ":", "，", ","))


def paragraphs(text: str) -> list[Para]:
    out = []
    for m in _BLOCK.finditer(text):
        raw = m.group()
        lead = len(raw) - len(raw.lstrip())
        body = raw.strip()
        start = m.start() + lead
        level = 0
        h = _MD_HEADING.match(body)
        if h:
            level = len(h.group(1))
            body = body[h.end():].strip()
        body = re.sub(r"[ \t\u3000]*\n[ \t\u3000]*", "\n", body)
        if body:
            out.append(Para(start, start + len(raw.strip()), body, level))
    return out


# ---------------------------------------------------------------- page facts


def _iso(y: str, m: str, d: str) -> str | None:
    yi, mi, di = int(y), int(m), int(d)
    if 1900 <= yi <= 2100 and 1 <= mi <= 12 and 1 <= di <= 31:
        return f"{yi:04d}-{mi:02d}-{di:02d}"
    return None


def _masthead_end(paras: list[Para]) -> int:
    """Index of the first paragraph after the masthead (0 when there is none)."""
    end = 0
    for i, p in enumerate(paras[:40]):
        if _MASTHEAD.search(p.text) and len(p.text) < 80:
            end = i + 1
    return end


def page_publication(paras: list[Para], masthead_end: int) -> str | None:
    """The paper's name in the masthead: a line of its own, or the start of one (经济日报 2021年09月06日 星期一)."""
    names = [m.group() for p in paras[:masthead_end] for line in p.text.split("\n")
             if (m := _PUBLICATION.match(line.split()[0] if line.split() else ""))]
    return max(names, key=len) if names else None


def masthead_names(paras: list[Para], masthead_end: int, publication: str | None) -> tuple[str, ...]:
    """The bodies a masthead names on lines of their own: who supervises the paper (科学技术部主管 →
    科学技术部), its website and its think tank (云州科技网, 高新智库); not the paper itself. (A
    section's name alone, 园区观察 or 创新新品, says nothing of what it is.)"""
    out: list[str] = []
    for p in paras[:masthead_end]:
        for line in p.text.split("\n"):
            line = line.strip()
            if m := _SUPERVISOR.match(line):
                out.append(m.group(1))
            elif _BRAND.fullmatch(line) and line != publication and not _PUBLICATION.match(line):
                out.append(line)
    return tuple(dict.fromkeys(out))


def dateline(paras: list[Para]) -> tuple[str | None, int, int] | None:
    """(agency, month, day) of the first story's dateline; the agency is None for 本报 and reprints (据新华社)."""
    for p in paras[:12]:
        m = _DATELINE.match(p.text)
        if m:
            agency = None if m.group("reprint") or m.group("agency") == "本报" else m.group("agency")
            return agency, int(m.group("m")), int(m.group("d"))
    return None


def page_date(paras: list[Para], masthead_end: int) -> str | None:
    for p in paras[:masthead_end]:
        for rx in (_DATE_CN, _DATE_ISO):
            m = rx.search(p.text)
            if m and (iso := _iso(*m.groups())):
                return iso
    return None


# The leading lookaheads let the regex engine skip to candidate characters instead of trying
# the lookbehind at every position.
_YEAR = re.compile(r"(?=[12])(?<![\d.])((?:19|20)\d{2})(?=年|中关村|\s*[-—–~至到]\s*(?:19|20)\d{2}年)")
_FUTURE = re.compile(r"(?:到|至|力争|预计|计划|将于?|争取|目标|\d{2}\s*[-—–~])\s*$")
_MONTH_DAY = re.compile(r"(?=\d)(?<![\d年.])(\d{1,2})月(?:(\d{1,2})日|份|上旬|中旬|下旬)")
_THIS_YEAR_MONTH = re.compile(r"今年(\d{1,2})月")


def content_date(text: str) -> str | None:
    """The tightest date the content supports: the latest year it reports as past, with
    the month when every yearless date in it falls in one month."""
    years = []
    for m in _YEAR.finditer(text):
        if _FUTURE.search(text[max(0, m.start() - 4) : m.start()]):
            continue
        years.append(int(m.group(1)))
    if not years:
        return None
    year = max(years)
    months = {int(m.group(1)) for m in _MONTH_DAY.finditer(text) if not _preceded_by_year(text, m.start())}
    months |= {int(m.group(1)) for m in _THIS_YEAR_MONTH.finditer(text)}
    months = {m for m in months if 1 <= m <= 12}
    if len(months) == 1:
        return f"{year:04d}-{months.pop():02d}"
    return f"{year:04d}"


_YEAR_BEFORE = re.compile(r"(?:\d{2,4}|[〇零一二三四五六七八九]{2,4}|今|去|明|前)年\s*$")


def _preceded_by_year(text: str, pos: int) -> bool:
    return bool(_YEAR_BEFORE.search(text[max(0, pos - 5) : pos]))


# ---------------------------------------------------------------- the split
