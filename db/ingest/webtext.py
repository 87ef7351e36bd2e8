"""Pages saved from the web: the site's chrome, and the metadata lines around a headline.

A browser's "save as text" keeps everything around the story: breadcrumbs, menus,
print and share links, font-size switches, `上一篇/下一篇`, editor lines, copyright
and ICP lines, view counters. None of it is an article, a title or an author.
Around the headline sit metadata lines in many forms::

    发布时间:2021/8/16 09:30:12  来源:科技日报
    2017-03-02 10:15:00 来源:中国经济网
    作者:王明 | 来源:光明日报 | 责任编辑:李四
    2006-11-13 马骏 许静 来源:经济参考报

`line_kind` says what a line is; `metadata` reads the facts of a metadata line;
`citation` reads a newspaper's citation trailer (《人民日报》(2021年02月02日 02版)).
Lines are matched in simplified characters (a few traditional forms of the chrome
words are mapped), but facts keep the text as written.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from .page import Para, _iso

# Traditional forms of the characters the chrome and metadata words use.
_SIMPLIFIED = str.maketrans("頁關閉體發佈時間來聞網導號編輯責點擊覽數轉載當線舊標題於擊設錄詢應閱讀",
                            "页关闭体发布时间来闻网导号编辑责点击览数转载当线旧标题于击设录询应阅读")

_TRADITIONAL = re.compile("[" + "".join(chr(c) for c in _SIMPLIFIED) + "]")
_SEP = r"[\s\u3000|｜/、，,]*"
_DATE_ISO = r"(?P<y>(?:19|20)\d{2})\s*[-/.]\s*(?P<m>\d{1,2})\s*[-/.]\s*(?P<d>\d{1,2})"
_DATE_CN = r"(?P<cy>(?:19|20)\d{2})\s*年\s*(?P<cm>\d{1,2})\s*月\s*(?P<cd>\d{1,2})\s*日"
_TIME = r"(?:\s*\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)?"
_DATE = re.compile(rf"(?:{_DATE_ISO}|{_DATE_CN}){_TIME}")
_RELATIVE = re.compile(r"(?:今天|昨天|前天|刚刚|\d{1,2}\s*(?:分钟|小时)前)" + _TIME)

# Labels of metadata fields, by the fact they give; None: a fact the catalog does not keep.
_LABELS = {
    "date": ("发布时间", "发布日期", "发表时间", "发表日期", "更新时间", "时间", "日期"),
    "source": ("信息来源", "文章来源", "稿件来源", "稿源", "来源", "出处", "发布机构", "发布单位"),
    "authors": ("作者", "撰稿", "撰文", "记者"),
    None: ("责任编辑", "责编", "编辑", "校对", "审核", "浏览次数", "阅读次数", "点击数", "点击量", "点击", "阅读",
           "访问量", "出品", "监制", "策划", "制作"),
}
_LABEL_OF = {w: fact for fact, words in _LABELS.items() for w in words}
_FIELD = re.compile("(" + "|".join(sorted(_LABEL_OF, key=len, reverse=True)) + r")\s*[:：|｜]\s*")
_NAMES = re.compile(r"[\u4e00-\u9fff·]{2,4}")
_PUBLISHER = re.compile(r"[\u4e00-\u9fffA-Za-z]{2,14}(?:网|报|社|台|刊|新闻|杂志|客户端|电视台|广播)")
_URL = re.compile(r"https?://\S+|www\.\S+")
_SITE_THEN_DATE = re.compile(rf"\s*{_PUBLISHER.pattern}\s+(?:{_DATE_ISO}|{_DATE_CN})"
                             r"\s*\d{1,2}[:：]\d{2}(?:[:：]\d{2})?\s*")
_UNKNOWN = {"未知", "本站", "本网", "网络", "互联网", "原创", "佚名"}

# Chrome: links and switches a line may be made of, the lines that begin a chrome line, and what
# marks one anywhere in a short line.
_LINKS = re.compile(
    r"[【\[(（]?\s*(?:打印(?:本页|此页|此文|本文|文章)?|关闭(?:窗口|本页|此页)?|返回顶部|返回列表|返回目录|返回首页|返回|"
    r"上一篇|下一篇|上一版|下一版|上一期|下一期|上一条|下一条|收藏本页|加入收藏|收藏|分享|纠错|"
    r"(?:字体|字号)\s*[:：]?\s*[\[【]?\s*(?:[大中小]\s*){0,3}[\]】]?)\s*[】\])）]?")
# Every link above holds one of these; `re` finds them fast (a fixed first character), _LINKS doesn't.
_LINK_WORD = re.compile("打印|关闭|返回|上一|下一|收藏|分享|纠错|字体|字号")
_CHROME_START = re.compile(
    r"^(?:您当前所在位置|您现在的位置|当前位置|您的位置|所在位置|正在阅读|上一篇|下一篇|上一条|下一条|分享到|"
    r"[【\[(（]?\s*(?:责任编辑|责编|编辑|校对|审核|组版|值班编辑)\s*[:：|｜]|特别声明\s*[:：]|免责声明|"
    r"关键词\s*[:：]|关键字\s*[:：]|标签\s*[:：]|"
    r"(?:第\s*)?\d{1,3}\s*版\s*[:：]|第\s*\d{1,3}\s*版$|原标题\s*[:：]|[(（]\s*原标题\s*[:：])")
_CHROME_ANY = re.compile(
    r"版权所有|ICP备|ICP证|公网安备|网站标识码|Copyright|©|设为首页|网站导航|网站地图|联系我们|扫一扫|"
    r"点击右上角|请使用浏览器分享|微信好友|^朋友圈$|^微信$|^微博$", re.I)
_BREADCRUMB = re.compile(r"^(?:[^>＞›»\s][^>＞›»]{0,14}?\s*[>＞›»]+\s*)+[^>＞›»。，]{0,16}$")
_LIST_HEAD = re.compile(r"^(?:推荐阅读|相关阅读|相关新闻|相关文章|延伸阅读|热点推荐|猜你喜欢|更多精彩)\s*[:：]?$")
_COUNTER = re.compile(r"^(?:浏览次数|阅读次数|点击数|点击量|点击|阅读|访问量)\s*[:：]\s*\d*\s*次?$")
# Page credits: the editors and layout staff, people of the page but not authors of its stories.
_CREDIT = re.compile(r"(责任编辑|责编|值班编辑|美编|编辑|校对|审核|组版|排版)\s*[:：|｜]\s*"
                     r"((?:[\u4e00-\u9fff·]{2,4}(?:[\s\u3000、，,]+|$))+)")
_END_MARK = re.compile(r"\s*[(（]\s*完\s*[)）]\s*$")
_CITATION = re.compile(r"^《\s*(?P<pub>[^《》]{2,14})\s*》\s*[(（]\s*" + _DATE_CN.replace("?P<c", "?P<t")
                       + r"\s*(?:第?\s*\d{1,3}\s*版)?\s*[)）]$")
# An agency feature's dateline over its headline again: 新华社北京3月17日电 题:…
_FEATURE_TITLE = re.compile(r"^.{2,24}?(?:电|消息)\s*题\s*[:：]")
_ISSUER_DATE = re.compile(r"^[\u4e00-\u9fff]{2,20}(?:局|委|部|厅|院|办|办公室|府|委员会|中心|协会|学会|集团|公司)"
                          rf"[\s\u3000]+(?:{_DATE_ISO}|{_DATE_CN})$")
_DOC_NUMBER = re.compile(r"^[\u4e00-\u9fff]{1,12}[〔\[［(（]\s*(?:19|20)\d{2}\s*[〕\]］)）]\s*\d{1,4}\s*号$")
_INDEX_CODE = re.compile(r"^[A-Z0-9]{2,12}(?:[-/][A-Z0-9]{2,12}){1,3}$")


@dataclass(frozen=True)
class Facts:
    """What a metadata line says; None where it says nothing."""

    published: str | None = None  # ISO day
    relative: bool = False  # a date such as 昨天 18:20: nothing to resolve it against here
    publication: str | None = None
    authors: tuple[str, ...] = ()


def simplified(line: str) -> str:
    # str.translate looks up every character; a page in traditional characters is rare.
    return line.translate(_SIMPLIFIED) if _TRADITIONAL.search(line) else line


def credits(line: str) -> list[tuple[str, str]]:
    """(name, post) of each person a chrome line credits: 编辑:于大勇 组版:王新明, [ 责编:赵敏 ]."""
    return [(name, m.group(1)) for m in _CREDIT.finditer(simplified(line).strip(" []【】"))
            for name in re.split(r"[\s\u3000、，,]+", m.group(2)) if _NAMES.fullmatch(name)]


def strip_end_mark(line: str) -> str:
    """A story's last line without its agency end mark `(完)`."""
    return _END_MARK.sub("", line)


def is_chrome(line: str) -> bool:
    """Breadcrumbs, menus, links, switches, editor, copyright and counter lines: the site, not the story."""
    s = simplified(line.strip())
    if not s:
        return False
    if (len(s) <= 200 and _CHROME_START.match(s)) or (len(s) <= 120 and not s.endswith("。") and _CHROME_ANY.search(s)):
        return True
    if _COUNTER.match(s) or _LIST_HEAD.match(s) or _INDEX_CODE.match(s) or _FEATURE_TITLE.match(s):
        return True
    if len(s) <= 48 and ("首页" in s or len(re.findall(r"[>＞›»]", s)) >= 1) and _BREADCRUMB.match(s):
        return True
    items = re.split(r"\s*[|｜]\s*", s)
    if len(items) >= 3 and all(0 < len(x) <= 8 for x in items) and not _FIELD.search(s):
        return True  # a menu: 网站首页｜科技动态｜通知公告
    rest = _unlinked(s, "")
    return rest != s and not rest.strip(" \u3000|｜/·-")


def _unlinked(s: str, gap: str) -> str:
    """`s` with its print, close and font-size links replaced by `gap`."""
    return _LINKS.sub(gap, s) if _LINK_WORD.search(s) else s


def is_list_head(line: str) -> bool:
    """`推荐阅读` and the like: the lines after it are other pages' headlines."""
    return bool(_LIST_HEAD.match(simplified(line.strip())))


def citation(line: str) -> tuple[str, str] | None:
    """(publication, ISO day) of a citation trailer: 《人民日报》（2021年02月02日 02版）."""
    m = _CITATION.match(line.strip())
    if not m:
        return None
    iso = _iso(m.group("ty"), m.group("tm"), m.group("td"))
    return (re.sub(r"\s+", "", m.group("pub")), iso) if iso else None


def doc_number(line: str) -> str | None:
    """A bare 文号 line under a notice's title: 某政办发〔2023〕9号."""
    s = line.strip()
    return s if len(s) <= 30 and _DOC_NUMBER.match(s) else None


def metadata(line: str, above: bool = True) -> Facts | None:
    """The facts of a metadata line, or None when the line is something else; `above`: the line stands
    over the story, where an issuer and a date (云州市科学技术局 2024年6月3日) say who published it when."""
    raw = _unlinked(line.strip(), " ")  # a font-size switch or print link may share the line
    raw = _URL.sub(" ", raw).strip()  # the site's address: http://news.example.cn/ 云州新闻网 2024-11-09 10:43
    s = simplified(raw)
    if not s or len(s) > 160 or s.endswith(("。", "！", "？")):
        return None
    if above and (m := _ISSUER_DATE.match(s)):
        return Facts(_date_of(m), False, raw.split()[0] if raw.split() else None)
    published: str | None = None
    relative = False
    authors: list[str] = []
    publication: str | None = None
    lead = re.match(rf"\s*(?:{_DATE.pattern}|(?P<rel>{_RELATIVE.pattern}))", s)
    fields = list(_FIELD.finditer(s))
    if lead is None and not fields and (m := _SITE_THEN_DATE.fullmatch(s)):
        return Facts(_date_of(m), False, raw.split()[0])  # 云州新闻网 2024-11-09 10:43:03
    if lead is None and not fields:
        return None
    if lead is not None and not fields and not re.search(r"\d[:：]\d", lead.group()):
        return None  # a bare date (a notice's signature, a masthead) is not a metadata line
    pos = 0
    if lead is not None:
        if lead.group("rel"):
            relative = True
        else:
            published = _date_of(lead)
        pos = lead.end()
        # Before the first label: nothing, names (2006-11-13 马骏 许静 来源:…), or an unlabelled source.
        head = s[pos:fields[0].start()] if fields else s[pos:]
        words = [w for w in re.split(r"[\s\u3000|｜/、，,]+", head) if w]
        if fields and words and all(_NAMES.fullmatch(w) for w in words):
            authors += words
        elif len(words) == 1 and len(words[0]) <= 12 and re.fullmatch(r"[\u4e00-\u9fffA-Za-z]+", words[0]):
            # An unlabelled source (2021-03-10 11:03:23 科创新闻综合): the publication only if named like one.
            publication = words[0] if _PUBLISHER.fullmatch(words[0]) else None
        elif words:
            return None
    elif s[:fields[0].start()].strip(" \u3000|｜/"):
        return None  # text before the first label: a sentence that happens to hold one
    for n, f in enumerate(fields):
        end = fields[n + 1].start() if n + 1 < len(fields) else len(s)
        value = raw[f.end():end].strip(" \u3000|｜/，,")
        fact = _LABEL_OF[f.group(1)]
        if fact == "date":
            d = _DATE.search(value)
            if d:
                published = published or _date_of(d)
            elif _RELATIVE.match(value):
                relative = True
        elif fact == "source":
            d = _DATE.search(value)  # 来源:光明网2019-12-26 09:45
            if d:
                published = published or _date_of(d)
                value = value[: d.start()]
            value = value.split()[0] if value.split() else ""
            if value and simplified(value) not in _UNKNOWN:
                publication = publication or value
        elif fact == "authors":
            authors += [w for w in re.split(r"[\s\u3000、，,]+", value) if _NAMES.fullmatch(w)]
    if lead is not None and not fields and publication is None and published is None and not relative:
        return None
    return Facts(published, relative, publication, tuple(dict.fromkeys(authors)))


def _date_of(m: re.Match[str]) -> str | None:
    if m.group("y"):
        return _iso(m.group("y"), m.group("m"), m.group("d"))
    return _iso(m.group("cy"), m.group("cm"), m.group("cd"))


@dataclass
class WebPage:
    """A page's paragraphs without the site's chrome and metadata lines, and what those lines said."""

    paras: list[Para]
    facts: Facts  # the metadata lines above the story
    trailing: Facts  # labelled lines below it (来源:央视新闻, 记者:…)
    citation: tuple[str, str] | None = None  # (publication, day) of a citation trailer
    doc_number: str | None = None
    credits: list[tuple[int, str, str]] | None = None  # (offset, name, post) of the page's credit lines


def clean(text: str, paras: list[Para], keep: Callable[[str], object] | None = None) -> WebPage:
    """Drop chrome and metadata lines (a paragraph that held some is cut into its other lines);
    lines `keep` accepts stay whatever they are (a notice's metadata, read by the splitter)."""
    groups = [(p, _lines(text, p)) for p in paras]
    lines = [(p, start, line) for p, own in groups for start, line in own]
    chrome = [is_chrome(line) for _, _, line in lines]
    above_facts: dict[int, Facts | None] = {}

    def meta_above(i: int) -> Facts | None:  # each line read as a metadata line once
        if i not in above_facts:
            above_facts[i] = metadata(lines[i][2])
        return above_facts[i]

    body_like = [i for i, (_, _, line) in enumerate(lines)
                 if (len(line) > 64 or re.search(r"[。！？]['\"”’」』）)]*$", line))
                 and not chrome[i] and meta_above(i) is None]
    first_body = body_like[0] if body_like else len(lines)
    last_body = body_like[-1] if body_like else -1
    above: list[Facts] = []
    below: list[Facts] = []
    cite: tuple[str, str] | None = None
    number: str | None = None
    dropped: set[int] = set()
    skipping_list_of: Para | None = None
    page_credits: list[tuple[int, str, str]] = []
    for i, (p, start, line) in enumerate(lines):
        if keep is not None and keep(line):
            continue
        if skipping_list_of is p:
            dropped.add(i)
            continue
        if is_list_head(line):
            skipping_list_of = p
            dropped.add(i)
        elif chrome[i]:
            dropped.add(i)
            page_credits += [(start, name, post) for name, post in credits(line)]
        elif (c := citation(line)) is not None:
            cite = cite or c
            dropped.add(i)
        elif i < first_body and (n := doc_number(line)) is not None:
            number = number or n
            dropped.add(i)
        elif i < first_body and (f := meta_above(i)) is not None:
            above.append(f)
            dropped.add(i)
        elif i > last_body and (f := metadata(line, above=False)) is not None:
            below.append(f)
            dropped.add(i)
    # Above a headline that a metadata line follows, short lines are the site's channel names
    # (政府信息公开, 通知公告), not a headline of their own.
    first_meta = next((i for i in range(first_body) if meta_above(i)), None)
    if first_meta is not None and first_meta >= 2:
        dropped.update(i for i in range(first_meta - 1) if len(lines[i][2]) <= 12
                       and not re.search(r"[，。,.！？]", lines[i][2]))
    out: list[Para] = []
    i = 0
    for p, own in groups:
        mine = range(i, i + len(own))
        i += len(own)
        if not any(j in dropped for j in mine) and last_body not in mine:
            out.append(p)
            continue
        for j, (start, line) in zip(mine, own, strict=True):
            if j in dropped:
                continue
            if j == last_body:
                line = strip_end_mark(line)
            if line:
                out.append(Para(start, start + len(line), line, p.level if len(own) == 1 else 0))
    return WebPage(out, _merged(above), _merged(below), cite, number, page_credits)


def _lines(text: str, p: Para) -> list[tuple[int, str]]:
    """The lines of a paragraph with their offsets in the page."""
    out = []
    pos = p.start
    for line in p.text.split("\n"):
        at = text.find(line, pos, p.end + 1) if line else -1
        start = at if at >= 0 else pos
        out.append((start, line))
        pos = start + len(line)
    return out


def _merged(found: list[Facts]) -> Facts:
    published = next((f.published for f in found if f.published), None)
    publication = next((f.publication for f in found if f.publication), None)
    authors = tuple(dict.fromkeys(a for f in found for a in f.authors))
    return Facts(published, any(f.relative for f in found) and published is None, publication, authors)
