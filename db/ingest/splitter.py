"""Splitting a page into articles.

A newspaper page holds several stories, briefs (本报讯), photo captions, an
advert, a table of contents and notices; a government page holds one notice
with metadata lines. The rules read the form of such pages: a story starts
where a byline, a 本报讯 lead, a 上接 marker, a speaker line or a top-level
heading says so, and its headline is the run of heading-like paragraphs just
before; a heading with none of these after it is a sub-heading of the story
it stands in.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..records import Article
from . import webtext
from .bylines import _bare_names, _byline_names, _clean_names, _is_person_name, speaker
from .notice import _GOV_ONLY, _meta_date, _meta_fields
from .page import (
    _BREADCRUMB,
    _CONTINUED_FROM,
    _CONTINUED_TO,
    _CREDIT,
    _FOOTER,
    _GOV_META,
    _HEADING_MAX,
    _INLINE_CREDIT,
    _KICKER_MAX,
    _LEAD,
    _LEAD_AUTHORS,
    _LEAD_NAMES,
    _NAME,
    _POLICY_TITLE,
    _SPEAKER,
    _TRAILING_NAMES,
    LABELS,
    Para,
    _iso,
    _masthead_end,
    content_date,
    dateline,
    masthead_names,
    page_date,
    page_publication,
    paragraphs,
)


@dataclass
class _Unit:
    kind: str
    header: list[Para]
    body: list[Para]
    authors: list[str]
    lead_strip: int = 0  # characters of the first body paragraph that are a 本报讯 lead
    speaker: tuple[str, str] | None = None  # (name, post) of the speaker line over an opinion piece


def split_page(text: str, site: str | None = None) -> list[Article]:
    """Cut one page into its articles, in reading order; `site` is the publication of last resort."""
    raw = paragraphs(text)
    government = any(_GOV_ONLY.search(p.text) for p in raw[:60])
    page = webtext.clean(text, raw, keep=_GOV_META.match if government else None)
    paras = page.paras
    if not paras:
        return []
    mast = _masthead_end(paras)
    cited_pub, cited_day = page.citation or (None, None)
    # Each fact from the best source the page has: its metadata lines, the masthead (or a citation
    # trailer, which says the same), the dateline, then lines below the story and the content. A
    # notice's 信息来源 is the office that issued it, not a publication.
    publication = (None if government else page.facts.publication) or page_publication(paras, mast) or cited_pub
    published = page.facts.published or page_date(paras, mast) or cited_day
    meta_idx = [i for i, p in enumerate(paras[:60]) if _GOV_META.match(p.text)]
    if meta_idx:
        units = [_government_unit(paras, meta_idx)]
        published = published or _meta_date(paras, meta_idx)
        facts = _meta_fields(paras, meta_idx)
    else:
        units = _newspaper_units(paras, mast, publication)
        facts = {"doc_number": page.doc_number} if page.doc_number else {}
    content = content_date(text)
    line = dateline(raw)  # before cleaning: a feature's dateline stands on its own line, as chrome
    if line is not None:
        agency, month, day = line
        publication = publication or agency
        year = published[:4] if published else content[:4] if content else None
        published = published or (year and _iso(year, str(month), str(day)))
    publication = publication or page.trailing.publication or site
    published = published or page.trailing.published or (None if page.facts.relative else content)
    authors = page.facts.authors or page.trailing.authors
    articles = [a for u in units for a in _bounded(_article(u)) if a.title or a.body]
    articles = [replace(a, publication=publication, published=published, authors=a.authors or authors, **facts)
                for a in articles]
    if articles and (named := masthead_names(paras, mast, publication)):
        articles[0] = replace(articles[0], masthead=named)
    return _credited(articles, page.credits or [])


def _credited(articles: list[Article], credits: list[tuple[int, str, str]]) -> list[Article]:
    """Each credit line's people go to the article it stands in or after (the first, for a page's header)."""
    if not articles:
        return articles
    given: dict[int, list[tuple[str, str]]] = {}
    for offset, name, post in credits:
        n = max((i for i, a in enumerate(articles) if a.start <= offset), default=0)
        given.setdefault(n, []).append((name, post))
    return [replace(a, credits=tuple(dict.fromkeys((*a.credits, *given[i])))) if i in given else a
            for i, a in enumerate(articles)]


MAX_BODY = 200_000  # characters; a longer "article" is a dump, cut so each part stays cheap to process


def _bounded(article: Article) -> list[Article]:
    """The article, or for a huge one, parts of at most MAX_BODY characters cut at sentence ends."""
    body = article.body
    if len(body) <= MAX_BODY:
        return [article]
    parts: list[Article] = []
    pos = 0
    while pos < len(body):
        end = min(len(body), pos + MAX_BODY)
        if end < len(body):
            cut = max(body.rfind(ch, pos, end) for ch in "。！？\n")
            end = cut + 1 if cut > pos else end
        n = len(parts) + 1
        parts.append(replace(article, body=body[pos:end], title=article.title if n == 1 else f"{article.title} ({n})",
                             body_start=article.body_start + pos))
        pos = end
    return parts


def _government_unit(paras: list[Para], meta_idx: list[int]) -> _Unit:
    first, last = meta_idx[0], meta_idx[-1]
    header = []
    for p in reversed(paras[:first]):
        if _BREADCRUMB.match(p.text) or p.text.startswith(">"):
            break
        if p.headingish or p.level:
            header.insert(0, p)
            if len(header) == 2:
                break
        else:
            break
    body = []
    for p in paras[last + 1 :]:
        if _FOOTER.match(p.text):
            break
        body.append(p)
    title = header[-1].text if header else ""
    kind = "policy" if _POLICY_TITLE.search(title) else "notice"
    return _Unit(kind, header[-1:], body, [])


def _label_kind(text: str) -> str | None:
    first = text.split("\n", 1)[0].strip()
    for kind, words in LABELS.items():
        if first in words:
            return kind
    return None


def _is_credit(p: Para) -> bool:
    return len(p.text) <= 50 and bool(_CREDIT.match(p.text))


def _is_kicker(p: Para) -> bool:
    return not p.level and (len(p.text) <= _KICKER_MAX or _label_kind(p.text) is not None)


def _anchor(paras: list[Para], i: int) -> str | None:
    """What, if anything, makes paragraph i the start (or the byline) of a new article."""
    p = paras[i]
    if p.level == 1:
        return "heading"
    if _CONTINUED_FROM.match(p.text):
        return "continued"
    if _LEAD.match(p.text) and not _LEAD.fullmatch(p.text):
        return "lead"
    if _byline_names(p.text) is not None:
        return "byline"
    prev = paras[i - 1] if i > 0 else None
    nxt = paras[i + 1] if i + 1 < len(paras) else None
    if prev is not None and prev.headingish and nxt is not None and not nxt.headingish and _bare_names(p.text):
        return "byline"
    if _SPEAKER.match(p.text) and nxt is not None and nxt.headingish and not nxt.level:
        return "speaker"
    return None


@dataclass
class _Start:
    head: int  # first paragraph of the header
    body: int  # first paragraph of the body
    kind: str  # what anchored it
    authors: list[str]
    lead_strip: int = 0
    marks: tuple[int, ...] = ()  # header paragraphs that are not headline text (bylines, markers)


def _header_start(flow: list[Para], i: int, floor: int) -> int:
    """Walk back from paragraph i over the headline run above it (at most three)."""
    h = i
    while h > floor and i - h < 3:
        p = flow[h - 1]
        if not p.headingish or _CONTINUED_TO.match(p.text) or _label_kind(p.text) or _bare_names(p.text):
            break
        h -= 1
        if p.level:
            break
    return h


def _starts(flow: list[Para]) -> list[_Start]:
    starts: list[_Start] = []
    for i in range(len(flow)):
        kind = _anchor(flow, i)
        if kind is None:
            continue
        prev = starts[-1] if starts else None
        # A byline or lead right under a headline that already opened an article joins it.
        if prev is not None and i <= prev.body and kind in ("byline", "lead"):
            _extend(prev, flow, i, kind)
            continue
        floor = prev.body if prev is not None else 0
        head = i if kind == "speaker" else _header_start(flow, i, floor)
        start = _Start(head, i, kind, [])
        _extend(start, flow, i, kind)
        starts.append(start)
    return starts


def _extend(start: _Start, flow: list[Para], i: int, kind: str) -> None:
    p = flow[i]
    start.body = i + 1
    if kind == "byline":
        start.authors = _byline_names(p.text) or _bare_names(p.text) or []
        start.marks += (i,)
    elif kind == "lead":
        lm = _LEAD.match(p.text)
        start.lead_strip = lm.end() if lm else 0
        lead = p.text[: start.lead_strip]
        start.authors = start.authors or [n for g in _LEAD_AUTHORS.findall(lead) for n in _clean_names(g)]
        if not start.authors and (m := _LEAD_NAMES.search(lead)):
            start.authors = [n for n in _clean_names(m.group(1)) if _is_person_name(n)]
        start.body = i
    elif kind == "continued":
        start.marks += (i,)
    elif kind == "speaker":
        start.marks += (i,)
        start.body = i + 2
    # Markdown sub-headings right under the headline are its subtitle.
    while start.body < len(flow) and flow[start.body].level > 1 and start.body - i <= 2 and kind != "lead":
        start.body += 1


def _captions(flow: list[Para]) -> tuple[list[Para], list[tuple[int, _Unit]]]:
    """Take captions (a short text with a photo credit) out of the flow; they sit in the
    middle of stories and must not cut them."""
    keep: list[Para] = []
    captions: list[tuple[int, _Unit]] = []
    after_caption = False
    i = 0
    while i < len(flow):
        p = flow[i]
        nxt = flow[i + 1] if i + 1 < len(flow) else None
        if nxt is not None and _is_credit(nxt) and len(p.text) <= 100 and not p.level and not _broken(p) \
                and not _anchor(flow, i):
            captions.append((len(keep), _caption(p, nxt)))
            i, after_caption = i + 2, True
            continue
        if _is_credit(p):
            captions.append((len(keep), _caption(None, p)))
            i, after_caption = i + 1, True
            continue
        m = _INLINE_CREDIT.search(p.text) if "摄" in p.text else None  # the credit ends in 摄: skip the scan
        if m and len(p.text) <= 300 and not p.level:
            captions.append((len(keep), _Unit("caption", [], [p], [m.group(1)])))
            i, after_caption = i + 1, True
            continue
        # A lone short paragraph after photos, not continuing the story before them.
        if after_caption and keep and keep[-1].terminal and len(p.text) <= 200 and not _anchor(flow, i) \
                and not p.headingish and (nxt is None or _is_credit(nxt) or _anchor(flow, i + 1)):
            captions.append((len(keep), _Unit("caption", [], [p], [])))
            i += 1
            continue
        after_caption = False
        keep.append(p)
        i += 1
    return keep, captions


def _newspaper_units(paras: list[Para], mast: int, publication: str | None) -> list[_Unit]:
    flow, captions = _captions(paras[mast:])
    starts = _starts(flow)
    if not starts or starts[0].head > 0:
        top = 0
        while top < min(len(flow), 3) and flow[top].headingish:
            top += 1
        starts.insert(0, _Start(0, top if top < len(flow) else min(1, len(flow)), "top", []))
    units: list[_Unit] = []
    for n, s in enumerate(starts):
        end = starts[n + 1].head if n + 1 < len(starts) else len(flow)
        units.extend(_story(flow, s, end, publication))
    order = sorted(
        [(u.header[0].start if u.header else u.body[0].start, u) for u in units if u.header or u.body]
        + [(c.body[0].start, c) for _, c in captions],
        key=lambda x: x[0],
    )
    return [u for _, u in order]


def _caption(text: Para | None, credit: Para) -> _Unit:
    authors: list[str] = []
    m = re.search(r"(" + _NAME + r")\s*/?\s*摄", credit.text)
    if m and not credit.text.startswith(("(", "（")):
        authors = _clean_names(m.group(1))
    return _Unit("caption", [], [text if text is not None else credit], authors)


def _story(flow: list[Para], s: _Start, end: int, publication: str | None) -> list[_Unit]:
    """One story, and any labelled blocks (广告, 本期导读, 启事) that follow it."""
    header = [flow[j] for j in range(s.head, min(s.body, end)) if j not in s.marks]
    while len(header) > 1 and _is_kicker(header[0]):
        header = header[1:]
    body = flow[min(s.body, end) : end]
    kind = "other" if s.kind == "speaker" else "news"
    units: list[_Unit] = []
    cut = next((j for j, p in enumerate(body) if p.headingish and _label_kind(p.text)), None)
    rest: list[Para] = []
    if cut is not None:
        body, rest = body[:cut], body[cut:]
    if s.kind == "top" and header and _label_kind(header[0].text):
        rest, header, body = header + body + rest, [], []
    body = [p for p in body if not _CONTINUED_TO.match(p.text) and not _CONTINUED_FROM.match(p.text)]
    authors = list(s.authors)
    if body and not authors:
        names = _bare_names(body[-1].text) if len(body) > 1 else None
        m = _TRAILING_NAMES.search(body[-1].text)
        if names and body[-2].terminal:
            authors, body = names, body[:-1]
        elif m and all(_is_person_name(n) for n in m.group(1).split()):
            authors = m.group(1).split()
    lead_strip = s.lead_strip if body and s.lead_strip and body[0] is flow[s.body] else 0
    if header or body:
        voice = speaker(flow[s.head].text) if s.kind == "speaker" else None
        units.append(_Unit(kind, header, body, authors, lead_strip, voice))
    while rest:
        label = rest[0]
        lk = _label_kind(label.text) or "other"
        nxt = next((j for j, p in enumerate(rest[1:], 1) if p.headingish and _label_kind(p.text)), len(rest))
        block = rest[1:nxt]
        title = next((p for p in block if p.headingish and p.text != publication
                      and re.search(r"[\u4e00-\u9fff]{3}", p.text)), None) if lk == "ad" else None
        if title is not None:
            units.append(_Unit(lk, [title], block[block.index(title) + 1 :], []))
        else:
            units.append(_Unit(lk, [label], block, []))
        rest = rest[nxt:]
    return units


def _article(u: _Unit) -> Article:
    header = u.header
    title = ""
    subtitle = None
    if header:
        top = min((p for p in header if p.level), key=lambda p: p.level, default=None)
        main = top if top is not None else header[0]
        title = main.text.replace("\n", " ")
        rest = [p.text.replace("\n", " ") for p in header[header.index(main) + 1 :]
                if not _byline_names(p.text) and len(p.text) > _KICKER_MAX]
        subtitle = " ".join(rest) or None
    body_text, body_start = _join(u.body, u.lead_strip)
    if u.kind == "caption" or not title:
        title = _first_clause(body_text)
    spans = [p.start for p in header + u.body] + [p.end for p in header + u.body]
    start, end = (min(spans), max(spans)) if spans else (0, 0)
    return Article(
        title=title,
        body=body_text,
        kind=u.kind,
        start=start,
        end=end,
        body_start=body_start if u.body else end,
        subtitle=subtitle,
        authors=tuple(dict.fromkeys(u.authors)),
        credits=(u.speaker,) if u.speaker else (),
    )


def _join(paras: list[Para], lead_strip: int) -> tuple[str, int]:
    """The body text: paragraphs separated by a blank line, except that a paragraph the
    layout broke in mid-sentence is joined to the one that continues it."""
    parts: list[str] = []
    for n, p in enumerate(paras):
        t = p.text[lead_strip:].lstrip() if n == 0 else p.text
        if n and _broken(paras[n - 1]):
            parts.append(t)
        else:
            if n:
                parts.append("\n\n")
            parts.append(t)
    if not paras:
        return "", 0
    first = paras[0].text[lead_strip:]
    return "".join(parts), paras[0].start + lead_strip + len(first) - len(first.lstrip())


def _broken(p: Para) -> bool:
    return not p.level and not p.terminal and (len(p.text) > _HEADING_MAX or bool(re.search(r"[，,]", p.text)))


def _first_clause(body: str) -> str:
    first = re.split(r"[。！？!?\n]", body.strip(), maxsplit=1)[0]
    if len(first) > 40:
        first = re.split(r"[，,；;]", first, maxsplit=1)[0]
    return first.strip()
