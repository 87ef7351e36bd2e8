"""Saved web pages: the story's text without the site around it, and the page's own metadata.

The main text comes from trafilatura (the reference extractor for news pages: it
drops menus, adverts, related links and footers, and keeps paragraphs, headings
and tables). What it leaves out but an analyst needs comes from the page itself:
the headline (`<h1>`), the lines between the headline and the text
(`来源:… 作者:… 发布时间:…`), a notice's metadata table (索引号, 发文机关, 发文字号,
成文日期, 发布日期) wherever it stands, and the `<meta>` tags that government
sites' CMSes write (ArticleTitle, PubDate, ContentSource, Author, SiteName).

`page_text` writes all of it as a text page in the forms the splitter reads
(`# headline`, metadata lines, paragraphs), so HTML goes through the same rules
as copied web text.
"""
from __future__ import annotations

import copy
import re
import warnings
from dataclasses import dataclass

from . import webtext

MAX_MARKUP = 3_000_000  # characters; past this a page is not an article page (trafilatura takes ~1.6 s a MB)
_CHARSET = re.compile(rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9_-]+)""", re.I)
_BLOCKS = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "section", "article",
           "header", "footer", "ul", "ol", "dd", "dt", "blockquote", "pre", "td", "th", "form", "nav", "aside"}
_SKIP = {"script", "style", "noscript", "template", "head", "select", "option", "button", "iframe", "svg"}
_GOV_LABEL = re.compile(r"(索引号|主题分类|发文机关|发布机构|发文字号|文号|成文日期|发布日期|颁布日期|实施日期|标题)"
                        r"\s*[:：]")
# <meta> names of the facts, as government CMSes (TRS, 大汉) and news sites write them.
_META_NAMES = {
    "title": ("articletitle", "og:title"),
    "date": ("pubdate", "publishdate", "article:published_time", "og:release_date", "firstpublishedtime"),
    "source": ("contentsource", "source"),
    "author": ("author", "article:author"),
    "site": ("sitename", "og:site_name", "site_name"),
}
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_BARE_DATE = re.compile(r"^(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?"
                        r"(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$")
_TITLE_SUFFIX = re.compile(r"\s*(?:[_|｜—–]|\s-\s|－)\s*[^_|｜—–－]{1,24}$")


class HtmlError(ValueError):
    """A page that cannot be read; the message says why."""


@dataclass(frozen=True)
class Html:
    text: str  # the page as text, in the splitter's forms
    encoding: str
    site: str | None  # the site's name, the publication when the page names no other
    truncated: bool = False


def decode_html(data: bytes) -> tuple[str, str, bool]:
    """The markup as text, in the charset the page declares (gbk, gb2312 read as gb18030), else detected;
    and whether the file ends in the middle of a character (a download cut short)."""
    from .reader import decode

    m = _CHARSET.search(data[:4096])
    if m:
        declared = m.group(1).decode("ascii").lower()
        codec = "gb18030" if declared in ("gbk", "gb2312", "gb18030", "x-gbk") else declared
        try:
            return data.decode(codec), declared, False
        except (LookupError, UnicodeDecodeError):
            pass
    decoded = decode(data)
    if decoded is None:
        raise HtmlError("binary or undecodable; not a web page")
    return decoded.text, decoded.encoding, decoded.truncated


def page_text(data: bytes) -> Html:
    """The page's story and metadata as a text page; raises HtmlError for a page with no text."""
    markup, encoding, truncated = decode_html(data)
    if len(markup) > MAX_MARKUP:
        raise HtmlError(f"{len(markup):,} characters of markup; pages over {MAX_MARKUP:,} are not read")
    if "<" not in markup[:4096]:
        raise HtmlError("no markup; not a web page")
    import lxml.html
    from lxml import etree

    markup = _XML_DECLARATION.sub("", markup, count=1)  # lxml refuses text that declares an encoding
    try:
        tree = lxml.html.document_fromstring(markup)
    except (etree.ParserError, ValueError) as err:
        raise HtmlError(f"cannot parse the markup ({err})") from None
    meta = _meta_tags(tree)
    for el in list(tree.iter(*_SKIP - {"head"})):
        el.drop_tree()  # a <noscript> "turn JavaScript on" is not the page's text either
    lines = _visible_lines(tree)
    main = _main_text(_tables_as_blocks(copy.deepcopy(tree)))
    if not main and not lines:
        raise HtmlError("no text in the page (only markup or scripts)")
    title = _headline(tree, meta, lines)
    # Just under the headline a bare date is the page's date (2024-05-06 in a <div> of its own).
    top = next((i for i, ln in enumerate(lines) if ln == title), None)
    if top is not None:
        _date_lines(lines, top + 1)
    _date_lines(main, 0)
    start, end = _locate(lines, main)
    before = lines[:start]
    at = next((i for i in range(len(before) - 1, -1, -1) if title and before[i].strip() == title), None)
    header = before[at + 1:] if at is not None else []
    # Metadata above the headline (a notice's table) or anywhere before the text, and below the text.
    header = [ln for ln in before[: at if at is not None else len(before)]
              if _GOV_LABEL.search(ln) or webtext.metadata(ln)] + header
    trailer = [ln for ln in lines[end:end + 12] if webtext.metadata(ln) or webtext.citation(ln)]
    facts = []
    if meta.get("date") and not any(webtext.metadata(ln) for ln in header):
        facts.append(f"发布时间:{meta['date']}")
    if meta.get("source"):
        facts.append(f"来源:{meta['source']}")
    if meta.get("author") and re.fullmatch(r"[\u4e00-\u9fff·\s、，,]{2,30}", meta["author"]):
        facts.append(f"作者:{meta['author']}")
    blocks = [f"# {title}"] if title else []
    blocks += ["  ".join(facts)] if facts else []
    body = [ln for ln in (main or lines[start:end]) if ln != title]
    blocks += header + body + trailer
    text = "\n\n".join(b.strip() for b in blocks if b.strip()) + "\n"
    return Html(text, encoding, meta.get("site"), truncated)


def _meta_tags(tree) -> dict[str, str]:
    found: dict[str, str] = {}
    tags = {}
    for el in tree.iter("meta"):
        key = (el.get("name") or el.get("property") or "").strip().lower()
        value = (el.get("content") or "").strip()
        if key and value:
            tags.setdefault(key, value)
    for fact, names in _META_NAMES.items():
        value = next((tags[n] for n in names if n in tags), None)
        if value:
            found[fact] = value
    if "date" in found:
        m = re.search(r"((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})", found["date"])
        if m:
            found["date"] = f"{m.group(1)}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"
        else:
            del found["date"]
    return found


def _visible_lines(tree) -> list[str]:
    """The page's text, a line per block element (table cells of a row on one line)."""
    out: list[str] = []
    buf: list[str] = []

    def flush() -> None:
        line = re.sub(r"[ \t\r\n\u00a0\u3000]+", " ", "".join(buf)).strip()
        if line:
            out.append(line)
        buf.clear()

    def walk(el) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in _SKIP:
            if el.tail:
                buf.append(el.tail)
            return
        block = tag in _BLOCKS and tag not in ("td", "th")
        if block:
            flush()
        if tag in ("td", "th"):
            buf.append(" ")
        if el.text and tag:
            buf.append(el.text)
        for child in el:
            walk(child)
        if block:
            flush()
        if el.tail:
            buf.append(el.tail)

    body = tree.find("body")
    walk(body if body is not None else tree)
    flush()
    return out


def _main_text(tree) -> list[str]:
    """trafilatura's main text of the page, a paragraph a line; [] when it finds none."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import trafilatura

        try:
            text = trafilatura.extract(tree, include_tables=True, include_comments=False, favor_recall=True,
                                       deduplicate=False)
        except Exception:  # a page the extractor chokes on still has its visible text
            return []
    if not text:
        return []
    # Table rows come as "| a | b |": their cells as one line, as the page shows them.
    return [re.sub(r"\s*\|\s*", " ", ln).strip() if ln.startswith("|") else ln.strip()
            for ln in text.split("\n") if ln.strip()]


def _date_lines(lines: list[str], start: int) -> None:
    """Bare dates among the three lines from `start` as metadata lines the splitter reads."""
    for i in range(start, min(start + 3, len(lines))):
        if _BARE_DATE.match(lines[i]):
            lines[i] = f"发布时间:{lines[i]}"


def _tables_as_blocks(tree):
    """Tables used for layout (holding blocks, or of one row) as plain blocks, so the extractor
    finds the story inside an old site's table page; a data table stays a table."""
    for table in list(tree.iter("table")):
        rows = table.findall(".//tr")
        if len(rows) <= 1 or any(table.iterfind(f".//{tag}") for tag in ("p", "div", "table", "ul", "h1", "h2", "h3")):
            for el in [table, *table.iter("tbody", "thead", "tr", "td", "th")]:
                el.tag = "div"
    return tree


def _headline(tree, meta: dict[str, str], lines: list[str]) -> str:
    """The headline: the page's <h1> that is not the site's logo, else its title without the site's name."""
    for el in tree.iter("h1", "h2"):
        text = re.sub(r"\s+", " ", el.text_content()).strip()
        if 4 <= len(text) <= 100 and text != meta.get("site") and not webtext.is_chrome(text):
            return text
    title = meta.get("title") or next((re.sub(r"\s+", " ", t.text_content()).strip() for t in tree.iter("title")), "")
    while _TITLE_SUFFIX.search(title) and len(_TITLE_SUFFIX.sub("", title)) >= 6:
        title = _TITLE_SUFFIX.sub("", title)
    return title.strip()


def _locate(lines: list[str], main: list[str]) -> tuple[int, int]:
    """Where the main text begins and ends among the page's lines (all of them when it is not found)."""
    if not main:
        return 0, len(lines)

    def find(probe: str, after: int) -> int | None:
        key = probe[:12]
        return next((i for i in range(after, len(lines)) if key and key in lines[i]), None)

    start = find(main[0], 0)
    if start is None:
        return len(lines), len(lines)
    end = find(main[-1], start)
    return start, (end + 1) if end is not None else len(lines)
