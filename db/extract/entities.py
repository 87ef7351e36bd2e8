"""Named-entity extraction: people with their posts, organisations, places, documents, events.

Everything is found by rules over the body text plus a small shipped lexicon
(db/data/surnames.txt, db/data/gazetteer.tsv) and the tags of jieba's own
dictionary (which words are verbs, prepositions, adverbs...), so the cost is a
few compiled regexes and dict lookups per article:

- people: a post word before the name (中关村管委会主任X表示), an honorific after it
  (X教授), bylines (本报记者 X, (记者 X), X/摄, 编辑:X) and speech verbs after a
  clause-initial name (X表示); a name is a known surname plus one or two characters;
- organisations, parks and events: a suffix (管委会, 有限公司, 大学, 协会, 高新区,
  论坛 ...) extended leftwards over jieba tokens until punctuation or a word that
  cannot sit inside a name (a verb, preposition, adverb, pronoun, numeral);
- places, central bodies, exchanges, well-known companies: the gazetteer;
- documents: 《...》, quoted plan names, names after 印发/发布/实施 ending in 方案/办法/...;
- aliases: (以下简称“X”), the gazetteer's short forms, standard abbreviations.

Titles are not scanned: offsets are body offsets and a headline repeats its body.
The page's publication is emitted as an org at span (0, 0).
"""
from __future__ import annotations

from dataclasses import replace
from itertools import accumulate

from .. import segment
from ..records import ArticleText, EntityMention
from ..text import halfwidth
from .candidates import (
    _Cand,
    _Ctx,
    _documents,
    _enumerations,
    _gazetteer,
    _persons,
    _quoted,
    _suffixed,
)
from .lexicon import (
    _ABBREV,
    _ABBREV_FULL,
    _ALIAS_RE,
    _BARE_LOCAL,
    _LOCAL_BODY,
    _LOCAL_BODY_TAIL,
    _MUNICIPALITIES,
    _PRIO,
    _SUFFIX_RE,
    _SUFFIX_TYPE,
    lexicon,
)


def extract_entities(article: ArticleText) -> list[EntityMention]:
    """Entity mentions in the article's body (plus its publication at span (0, 0))."""
    try:
        return _extract(article)
    except Exception:  # an extractor must never stop the build; a bad article yields nothing
        return []


def masthead_mentions(names: tuple[str, ...] | list[str]) -> list[EntityMention]:
    """Mentions, at span (0, 0), of the bodies a page's masthead names: a known body under its canonical
    name (科技部主管 → 科学技术部), else an organisation under the name the masthead gives."""
    gaz = lexicon().gazetteer
    out: list[EntityMention] = []
    for name in names:
        if hit := gaz.get(name):
            out.append(EntityMention(hit[0], hit[1], name, 0, 0))
        else:  # a website (云州科技网), a body by its suffix (高新智库), a section's brand
            m = _SUFFIX_RE.search(name)
            kind = _SUFFIX_TYPE[m.group()] if m and m.end() == len(name) else "org"
            out.append(EntityMention(name, kind, name, 0, 0))
    return out


def place_mentions(mentions: list[EntityMention]) -> list[EntityMention]:
    """The place a local body is named after (湖南省科技厅 → 湖南省), as a mention of that place.

    For the catalog's mentions only: whose figure it is and who acted stay with the body.
    """
    gaz = lexicon().gazetteer
    out: list[EntityMention] = []
    for m in mentions:
        if m.type != "gov" or m.end <= m.start or m.name in gaz or m.text.startswith(("中国", "中华", "全国")):
            continue  # a central body (中国人民银行) is named after no place
        for n in range(min(len(m.text) - 2, 6), 1, -1):
            hit = gaz.get(m.text[:n])
            if hit and hit[1] == "place":
                out.append(EntityMention(hit[0], "place", m.text[:n], m.start, m.start + n))
                break
    return out


def byline_mentions(authors: tuple[str, ...] | list[str], role: str = "记者") -> list[EntityMention]:
    """Person mentions for a byline the splitter cut off the body; span (0, 0)."""
    return [EntityMention(name=a, type="person", text=a, start=0, end=0, role=role) for a in authors if a]


def _extract(article: ArticleText) -> list[EntityMention]:
    body = article.body or ""
    out = _mentions(body, _tokens_of(body, article.tokens))
    if article.title:
        # A headline names what the body names; keep only what the body lacks, at span (0, 0).
        seen = {(m.name, m.type) for m in out}
        for m in _mentions(article.title, _tokens_of(article.title, article.title_tokens)):
            if (m.name, m.type) not in seen:
                seen.add((m.name, m.type))
                out.append(replace(m, start=0, end=0))
    if article.publication:
        out.insert(0, EntityMention(article.publication, "org", article.publication, 0, 0))
    return out


def _tokens_of(text: str, given: tuple[str, ...] | None) -> list[str]:
    """The build's tokens when they cover `text` exactly, else a fresh cut."""
    if given is not None and sum(map(len, given)) == len(text):
        return list(given)
    return segment.tokens(text) if text else []


def _mentions(body: str, toks: list[str]) -> list[EntityMention]:
    starts = list(accumulate(map(len, toks), initial=0))[:-1]
    ctx = _Ctx(halfwidth(body), toks, starts, lexicon())
    cands: list[_Cand] = []
    cands += _documents(ctx)
    cands += _persons(ctx)
    cands += _quoted(ctx)
    cands += _suffixed(ctx)
    cands += _gazetteer(ctx)
    cands += _enumerations(ctx)
    chosen = _select(cands)
    chosen = _merge_places(chosen, ctx)
    chosen += _bare_local(ctx, chosen)
    chosen += _declared_aliases(ctx, chosen)
    chosen += _repeats(ctx, chosen)
    chosen.sort(key=lambda c: c.start)
    return _canonical(chosen, body)


# ---------------------------------------------------------------- documents

def _select(cands: list[_Cand]) -> list[_Cand]:
    """Non-overlapping spans: stronger evidence first, then longer."""
    cands.sort(key=lambda c: (-_PRIO[c.source], -(c.end - c.start), c.start))
    size = max((c.end for c in cands), default=0)
    used = bytearray(size)
    chosen: list[_Cand] = []
    for c in cands:
        if c.end <= c.start or (len(c.name) < 2 and c.type != "product"):
            continue
        if any(used[c.start:c.end]):
            continue
        used[c.start:c.end] = b"\x01" * (c.end - c.start)
        chosen.append(c)
    chosen.sort(key=lambda c: c.start)
    return chosen


def _merge_places(chosen: list[_Cand], ctx: _Ctx) -> list[_Cand]:
    """北京市 + 海淀区 written together is one place, named by the district."""
    out: list[_Cand] = []
    for c in chosen:
        prev = out[-1] if out else None
        if prev is not None and prev.type == "place" and c.type == "place" and prev.end == c.start \
                and prev.name in _MUNICIPALITIES and c.name.endswith("区"):
            out[-1] = _Cand(prev.start, c.end, "place", c.name, c.source)
            continue
        out.append(c)
    return out


def _bare_local(ctx: _Ctx, chosen: list[_Cand]) -> list[_Cand]:
    """市委, 市政府 standing alone belong to the city named last before them."""
    out: list[_Cand] = []
    taken = [(c.start, c.end) for c in chosen]
    for m in _BARE_LOCAL.finditer(ctx.text):
        if any(m.start() < e and s < m.end() for s, e in taken):
            continue
        level = m.group()[0]
        before = [c for c in chosen if c.start < m.start()] or chosen
        city = next((c.name for c in reversed(before) if c.type in ("place", "gov")
                     and _LOCAL_BODY[level].search(c.name)), None)
        if city is None:
            continue
        city = _LOCAL_BODY_TAIL[level].sub("", city)
        out.append(_Cand(m.start(), m.end(), "gov", city + m.group()[1:], "suffix"))
    return out


def _declared_aliases(ctx: _Ctx, chosen: list[_Cand]) -> list[_Cand]:
    """X(以下简称“Y”), X(WIPO): Y names X, here and wherever else it appears."""
    text = ctx.text
    extra: list[_Cand] = []
    for c in list(chosen):
        if c.type in ("person", "place"):
            continue
        m = _ALIAS_RE.match(text, c.end)
        if not m:
            continue
        alias = m.group(1).strip()
        if len(alias) < 2 or alias == c.name or (_SUFFIX_RE.search(alias) and len(alias) > len(c.name)):
            continue
        c.aliases.add(alias)
        for a0 in _find_all(text, alias):
            a1 = a0 + len(alias)
            inside = [x for x in chosen if a0 <= x.start and x.end <= a1 and x.end - x.start < len(alias)]
            for x in inside:
                chosen.remove(x)
            if not any(a0 < x.end and x.start < a1 for x in chosen + extra):
                extra.append(_Cand(a0, a1, c.type, c.name, "suffix"))
    return extra


def _find_all(text: str, word: str) -> list[int]:
    out: list[int] = []
    i = text.find(word)
    while i >= 0 and word:
        out.append(i)
        i = text.find(word, i + len(word))
    return out


def _repeats(ctx: _Ctx, chosen: list[_Cand]) -> list[_Cand]:
    """Every other place a found person's name appears."""
    names = {c.name for c in chosen if c.type == "person"}
    taken = [(c.start, c.end) for c in chosen]
    out: list[_Cand] = []
    for name in names:
        for i in _find_all(ctx.text, name):
            if not any(i < e and s < i + len(name) for s, e in taken):
                out.append(_Cand(i, i + len(name), "person", name, "person"))
    return out


def _short_forms(name: str) -> set[str]:
    if not name.endswith(_ABBREV_FULL):
        return set()  # most names: one C-level check instead of ten
    out = set()
    for full, short in _ABBREV:
        if name.endswith(full) and len(name) - len(full) >= 2:
            out.add(name[: -len(full)] + short)
    return out


def _tails(names: set[str]) -> dict[str, list[str]]:
    """Each proper tail of four characters or more -> the names ending in it (a dict, not a pairwise scan)."""
    tails: dict[str, list[str]] = {}
    for x in names:
        for i in range(1, len(x) - 3):
            tails.setdefault(x[i:], []).append(x)
    return tails


def _elided(short: str, full: str) -> bool:
    """`short` is `full` without a middle part: a head of two characters or more, a tail of three or more."""
    if len(full) <= len(short) or len(short) < 5:
        return False
    return any(full.startswith(short[:i]) and full.endswith(short[i:]) for i in range(2, len(short) - 2))


def _canonical(chosen: list[_Cand], body: str) -> list[EntityMention]:
    """Name every mention by the fullest form of its entity in this article."""
    gaz = lexicon().gazetteer
    canon: dict[tuple[str, str], str] = {}
    for c in chosen:
        hit = gaz.get(c.name)
        if hit and c.source != "person":
            c.name, c.type = hit
    by_type: dict[str, set[str]] = {}
    for c in chosen:
        by_type.setdefault(c.type, set()).add(c.name)
    for typ, names in by_type.items():
        for n in names:
            for short in _short_forms(n):
                if short in names:
                    canon[(short, typ)] = n
        if typ in ("gov", "org", "university", "company", "event"):
            # 服务业促进局 after 云州高新区服务业促进局: the tail names the same body.
            tails = _tails(names)
            for n in names:
                longer = tails.get(n, ())
                if len(n) >= 4 and len(longer) == 1 and (n, typ) not in canon and not gaz.get(n):
                    canon[(n, typ)] = longer[0]
        if typ in ("org", "park", "event"):
            # 云州创新联合体 after 云州智造创新联合体: the same name with its middle left out.
            for n in names:
                longer = [x for x in names if _elided(n, x)]
                if len(longer) == 1 and (n, typ) not in canon and not gaz.get(n):
                    canon[(n, typ)] = longer[0]
    groups: dict[tuple[str, str], set[str]] = {}
    roles: dict[str, str] = {}
    for c in chosen:
        c.name = canon.get((c.name, c.type), c.name)
        groups.setdefault((c.name, c.type), set()).update({body[c.start:c.end], *c.aliases})
        if c.role and c.name not in roles:
            roles[c.name] = c.role
    out: list[EntityMention] = []
    for c in chosen:
        surface = body[c.start:c.end]
        aliases = tuple(sorted(a for a in groups[(c.name, c.type)] if a and a != c.name and a != surface))
        out.append(EntityMention(name=c.name, type=c.type, text=surface, start=c.start, end=c.end,
                                 role=c.role, aliases=aliases))
    return out
