"""Small text helpers shared by the splitter and the extractors."""
from __future__ import annotations

import re
from collections.abc import Iterator

# A sentence ends at 。！？；!? or a line break; closing quotes stay with it.
_SENTENCE = re.compile(r"[^。！？!?；;\n]*(?:[。！？!?；;]+[”’」』\"]*|\n|$)")

_FULLWIDTH = {i: i - 0xFEE0 for i in range(0xFF01, 0xFF5F)}
_FULLWIDTH[0x3000] = 0x20


def halfwidth(text: str) -> str:
    """Full-width ASCII (１２３，ＡＢＣ) to half-width, same length, so offsets still hold."""
    return text.translate(_FULLWIDTH)


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
