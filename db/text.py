"""Small text helpers shared by the splitter and the extractors."""
from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

# A sentence ends at 。！？；!? or a line break; closing quotes stay with it.
_SENTENCE = re.compile(r"[^。！？!?；;\n]*(?:[。！？!?；;]+[”’」』\"]*|\n|$)")

# str.translate looks every character up (~0.1 µs each); full-width characters are a few per
# hundred in running text, so replacing just those is about ten times faster.
_FULLWIDTH_CHAR = re.compile("[\uff01-\uff5e\u3000]")
_HALF = {chr(c): chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F)} | {"\u3000": " "}


def halfwidth(text: str) -> str:
    """Full-width ASCII (１２３，ＡＢＣ) to half-width, same length, so offsets still hold."""
    if len(text) >= 256:
        return _halfwidth_long(text)  # an article body: each extractor asks for it
    return _FULLWIDTH_CHAR.sub(_half_of, text)


def _half_of(m: re.Match[str]) -> str:
    return _HALF[m.group()]


@lru_cache(maxsize=4)
def _halfwidth_long(text: str) -> str:
    return _FULLWIDTH_CHAR.sub(_half_of, text)


def finditer_from(pattern: re.Pattern[str], first: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """`pattern.finditer(text)`, trying `pattern` only where `first` finds a character its matches can
    begin with (`first` must allow every such character; `pattern` must never match empty).

    `re` searches fast only for a pattern that begins with a fixed set of characters: it skips to
    the next one in C. A pattern that begins with an optional group or a look-behind is
    tried at every position instead, five times slower over a news article.
    """
    pos, search, match = 0, first.search, pattern.match
    while (c := search(text, pos)) is not None:
        m = match(text, c.start())  # a look-behind still sees the text before the start
        if m is None:
            pos = c.start() + 1
            continue
        yield m
        pos = m.end()


_LINE_BREAK = re.compile(r"\s*\n\s*")


def unbroken(text: str) -> str:
    """`text` without its line breaks and the spaces around them (a page layout's, mid-sentence)."""
    return _LINE_BREAK.sub("", text)


def sentences(text: str) -> Iterator[tuple[int, int]]:
    """Yield (start, end) of each non-blank sentence of `text`."""
    for m in _SENTENCE.finditer(text):
        start, end = m.span()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            yield start, end


def sentence_at(text: str, pos: int) -> tuple[int, int]:
    """The (start, end) of the sentence holding offset `pos`."""
    for start, end in sentences(text):
        if start <= pos < end:
            return start, end
    return pos, pos


def chinese_number(v: float | None) -> str:
    """A normalised value as a Chinese reader writes it, every digit kept: 12,345 · 350亿 · 8.9415万亿 · 2,294.3."""
    if v is None:
        return ""
    a = abs(v)
    if a >= 1e12:
        return f"{v / 1e12:.10g}万亿"
    if a >= 1e8:
        return f"{v / 1e8:.10g}亿"
    if v == int(v):
        return f"{int(v):,}"
    return f"{v:,.10g}"
