"""Data classes for what the pipeline reads and what the extractors find.

Offsets (`start`, `end`) are character offsets into the article's `body`
unless a field says otherwise; `end` is exclusive, as in Python slices.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Quantity:
    """A parsed quantity expression: 约4.287亿美元 → 428700000.0 美元, qualifier ~."""

    value: float
    unit: str
    qualifier: str | None = None
    value_max: float | None = None


@dataclass(frozen=True)
class DateSpan:
    """A parsed date expression; `start`/`end` are ISO strings at `precision`."""

    start: str
    end: str
    precision: str  # "day" | "month" | "year"


@dataclass(frozen=True)
class ArticleText:
    """What an extractor gets to see of one article."""

    body: str
    title: str = ""
    published: str | None = None  # ISO YYYY, YYYY-MM or YYYY-MM-DD
    publication: str | None = None
    tokens: tuple[str, ...] | None = None  # jieba.lcut(body), precise mode, with zgc's user dictionary
    title_tokens: tuple[str, ...] | None = None  # the same for the title
    # The body's entity mentions, when already found, with the references back to them (该公司): scopes
    # and actors use them.
    entities: tuple[EntityMention, ...] = ()


@dataclass(frozen=True)
class Metric:
    text: str  # the quantity as written, with its qualifier: 超5.4万亿元
    value: float
    unit: str
    qualifier: str | None
    period: str | None
    subject: str | None
    scope: str | None
    kind: str  # amount | count | rate | share | target | other
    sentence: str  # the sentence's text, line breaks removed (half-width, as the extractor read it)
    sentence_start: int  # the sentence's span in the body (its raw text, line breaks kept)
    sentence_end: int
    start: int
    end: int
    value_max: float | None = None


@dataclass(frozen=True)
class Event:
    date: str
    precision: str  # day | month | year
    actor: str | None
    action: str | None
    document: str | None
    summary: str
    is_policy: bool
    sentence: str
    sentence_start: int  # span of `sentence` in the body; (0, 0) for a line outside it (a notice's metadata)
    sentence_end: int
    start: int  # span of the date expression
    end: int


@dataclass(frozen=True)
class EntityMention:
    name: str  # canonical name of the entity
    type: str  # person gov org company university place park document product event
    text: str  # the surface form at this place
    start: int
    end: int
    role: str | None = None  # for a person: the post given here
    aliases: tuple[str, ...] = ()  # other names the text shows this entity to have


@dataclass(frozen=True)
class Article:
    """One article cut from a page; `start`/`end` are offsets in the source text."""

    title: str
    body: str
    kind: str  # news | policy | caption | ad | toc | notice | other
    start: int
    end: int
    body_start: int  # offset of body[0] in the source text
    subtitle: str | None = None
    authors: tuple[str, ...] = ()
    publication: str | None = None
    published: str | None = None
    doc_number: str | None = None  # 文号 of a government notice
    issuer: str | None = None  # 颁布部门
    meta: str = ""  # a notice's metadata lines (发布日期, 颁布时间, 文号), kept out of the body
    # (name, post) of a page credit (编辑:王明 组版:李四) or of the speaker over an opinion piece: not authors
    credits: tuple[tuple[str, str], ...] = ()
    masthead: tuple[str, ...] = ()  # the bodies the page's masthead names (on the page's first article)


@dataclass
class Problem:
    path: str
    reason: str
    detail: str = ""


@dataclass
class Document:
    path: str
    text: str
    encoding: str
    sha256: str
    size: int
    problems: list[Problem] = field(default_factory=list)
    site: str | None = None  # a web page's site name: its publication when the page names no other
