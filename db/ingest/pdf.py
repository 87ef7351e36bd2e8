"""PDFs with a text layer (a newspaper's e-paper page, a ministry's notice) as a text page.

pdfminer.six finds the lines and where they stand; the reading order is ours,
because Chinese pages set in columns defeat a plain top-to-bottom order: on each
page, lines that span the page (headlines, a notice's title) cut it into bands,
and inside a band the left column is read before the right. Lines repeated at
the top or bottom of several pages (running heads, `第 1 页 共 2 页`, page
numbers) are dropped. A paragraph starts at an indented line (the full-width
spaces of Chinese typesetting), after a vertical gap, or at a centred line;
the lines of a paragraph are joined without spaces, as Chinese text runs.

A PDF with no text layer (a scan) is refused with that reason: OCR is not ours.
"""
from __future__ import annotations

import io
import re
from collections import Counter
from dataclasses import dataclass

MAX_PAGES = 400


class PdfError(ValueError):
    """A PDF that cannot be read; `reason` is the short form for the problems table."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


@dataclass(frozen=True)
class _Line:
    text: str
    x0: float
    x1: float
    top: float  # distance from the top of the page
    height: float


_PAGE_NUMBER = re.compile(r"^(?:第\s*\d+\s*页(?:\s*[/，,、]?\s*共\s*\d+\s*页)?|[-—–\s]*\d{1,4}[-—–\s]*|\d+\s*/\s*\d+|"
                          r"page\s*\d+(?:\s*of\s*\d+)?)$", re.I)


def pdf_text(data: bytes) -> str:
    """The text of a PDF in reading order, paragraphs separated by blank lines; raises PdfError."""
    if not data.startswith(b"%PDF"):
        raise PdfError("not a PDF", "does not begin with %PDF (another kind of file named .pdf?)")
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams, LTTextLine
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfminer.psparser import PSException

    pages: list[tuple[float, list[_Line]]] = []
    try:
        for n, layout in enumerate(extract_pages(io.BytesIO(data), laparams=LAParams(line_margin=0.3))):
            if n >= MAX_PAGES:
                break
            lines = [_Line(ln.get_text().rstrip("\n"), ln.x0, ln.x1, layout.height - ln.y1, ln.height)
                     for ln in _text_lines(layout, LTTextLine) if ln.get_text().strip()]
            pages.append((layout.width, lines))
    except (PDFPasswordIncorrect, PDFEncryptionError):
        raise PdfError("encrypted", "encrypted with a password; save an unprotected copy to read it") from None
    except (PDFSyntaxError, PSException) as err:
        if not pages:
            raise PdfError("damaged", f"not a readable PDF ({err or type(err).__name__})") from None
    except Exception as err:  # pdfminer raises assorted errors on damaged files
        if not pages:
            raise PdfError("damaged", f"not a readable PDF ({type(err).__name__}: {err})") from None
    if not pages:
        raise PdfError("damaged", "no pages could be read")
    if not any(lines for _, lines in pages):
        raise PdfError("no text layer", "no text layer; scanned pages are not read")
    repeated = _running_lines(pages)
    paragraphs: list[str] = []
    for width, lines in pages:
        kept = [ln for ln in _reading_order(width, lines)
                if _key(ln.text) not in repeated and not _PAGE_NUMBER.match(ln.text.strip())]
        page = _paragraphs(width, kept)
        # A paragraph cut by the page break (no sentence end) goes on with the next page's first line.
        if paragraphs and page and not page[0][1] and not re.search(r"[。！？；：”」』）)]$", paragraphs[-1]):
            paragraphs[-1] += page.pop(0)[0]
        paragraphs.extend(t for t, _ in page)
    text = "\n\n".join(p for p in paragraphs if p) + "\n"
    if re.search(r"\(cid:\d+\)", text):
        raise PdfError("unreadable text layer", "its fonts map no characters to text (cid codes only)")
    return text


def _text_lines(layout, kind) -> list:
    out = []
    stack = [layout]
    while stack:
        item = stack.pop()
        if isinstance(item, kind):
            out.append(item)
        elif hasattr(item, "__iter__"):
            stack.extend(item)
    return out


def _key(text: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", text))


def _running_lines(pages: list[tuple[float, list[_Line]]]) -> set[str]:
    """Lines that stand in the top or bottom tenth of at least two pages, in the same words (numbers aside)."""
    if len(pages) < 2:
        return set()
    seen: Counter[str] = Counter()
    for _, lines in pages:
        if not lines:
            continue
        bottom = max(ln.top + ln.height for ln in lines)
        edge = {_key(ln.text) for ln in lines if ln.top < 0.1 * bottom or ln.top > 0.9 * bottom}
        seen.update(edge)
    return {k for k, n in seen.items() if n >= 2 and k}


def _reading_order(width: float, lines: list[_Line]) -> list[_Line]:
    """Top to bottom; between lines that span the page, the left column before the right."""
    mid = width / 2
    ordered: list[_Line] = []
    band: list[_Line] = []

    def flush() -> None:
        ordered.extend(sorted((ln for ln in band if ln.x0 < mid), key=lambda ln: ln.top))
        ordered.extend(sorted((ln for ln in band if ln.x0 >= mid), key=lambda ln: ln.top))
        band.clear()

    two_columns = any(ln.x0 >= mid for ln in lines) and any(ln.x1 <= mid + 0.05 * width for ln in lines)
    for ln in sorted(lines, key=lambda ln: (round(ln.top), ln.x0)):
        spans = ln.x0 < mid - 0.05 * width and ln.x1 > mid + 0.05 * width
        if not two_columns or spans:
            flush()
            ordered.append(ln)
        else:
            band.append(ln)
    flush()
    return ordered


def _paragraphs(width: float, lines: list[_Line]) -> list[tuple[str, bool]]:
    """The page's paragraphs, each with whether it began a paragraph for sure (indented or centred)."""
    out: list[tuple[str, bool]] = []
    if not lines:
        return out
    step = sorted(ln.height for ln in lines)[len(lines) // 2]  # a line's height, whatever one glyph's box says
    prev: _Line | None = None
    for ln in lines:
        text = ln.text.rstrip()
        indented = text.startswith(("\u3000", "  ")) or bool(re.match(r"\s{2,}", ln.text))
        centred = _centred(ln, width)
        # Moving up is the next column: the paragraph goes on there unless the line says otherwise.
        gap = prev is not None and ln.top - (prev.top + prev.height) > 0.8 * step
        punctuation = bool(re.match(r"[。，、；：！？”」』）)]", text.strip()))
        continues = prev is not None and (punctuation or (not indented and not centred and not gap
                                                          and not _centred(prev, width)))
        if continues and out:
            out[-1] = (out[-1][0] + text.strip(), out[-1][1])
        else:
            out.append((text.strip(), indented or centred))
        prev = ln
    return out


def _centred(ln: _Line, width: float) -> bool:
    """A short line across the middle of the page, as a heading is set (a column's line never crosses it)."""
    return ln.x0 < width / 2 < ln.x1 and abs((ln.x0 + ln.x1) / 2 - width / 2) < 0.06 * width \
        and (ln.x1 - ln.x0) < 0.7 * width
