"""Reading article files: encoding detection and line-ending normalisation.

A file that cannot be used comes back as `None` with a `Problem` saying why,
so one bad file never stops a build.
"""
from __future__ import annotations

import codecs
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from ..records import Document, Problem

MAX_BYTES = 64 * 1024 * 1024  # bigger files are almost surely not article pages
HTML_SUFFIXES = (".html", ".htm", ".shtml", ".xhtml")

# Control characters other than tab, newline, carriage return and form feed.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_BINARY_MAGIC = (b"%PDF", b"PK\x03\x04", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"\x7fELF", b"\xd0\xcf\x11\xe0")


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    truncated: bool = False  # the file ended in the middle of a character
    damaged: bool = False  # a few invalid bytes were replaced by U+FFFD


def decode(data: bytes) -> Decoded | None:
    """Decode bytes of a text file in UTF-8 (BOM or not), UTF-16 (BOM) or GB18030; None if not text."""
    if data.startswith(codecs.BOM_UTF8):
        return _strict_or_truncated(data[3:], "utf-8", "utf-8-sig")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict_or_truncated(data, "utf-16", "utf-16")
    if data.startswith(_BINARY_MAGIC) or b"\x00" in data[:65536]:
        return None
    for codec in ("utf-8", "gb18030"):
        decoded = _strict_or_truncated(data, codec, codec)
        if decoded is not None:
            return decoded
    # UTF-8 with a few damaged bytes: keep the text, mark what was lost.
    text = data.decode("utf-8", errors="replace")
    if text.count("\ufffd") <= max(8, len(text) // 200):
        return Decoded(text, "utf-8", damaged=True)
    return None


def _strict_or_truncated(data: bytes, codec: str, name: str) -> Decoded | None:
    try:
        return Decoded(data.decode(codec), name)
    except UnicodeDecodeError as err:
        # A cut-off file: everything decodes but the last, incomplete character.
        if err.reason in ("unexpected end of data", "truncated data") or err.start >= len(data) - 3:
            try:
                return Decoded(data[: err.start].decode(codec), name, truncated=True)
            except UnicodeDecodeError:
                return None
        return None


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def looks_like_text(text: str) -> bool:
    """False when more than 1% of the characters are control characters (a binary file)."""
    sample = text[:200_000]
    return len(_CONTROL.findall(sample)) <= len(sample) // 100


def read_document(path: Path, display: str | None = None) -> tuple[Document | None, list[Problem]]:
    """Read one file; the document, or None and the problems that made it unusable."""
    name = display or str(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            return None, [Problem(name, "too large", f"{size} bytes; the limit is {MAX_BYTES}")]
        data = path.read_bytes()
    except OSError as err:
        return None, [Problem(name, "unreadable", err.strerror or str(err))]
    sha = hashlib.sha256(data).hexdigest()
    if not data.strip():
        return None, [Problem(name, "empty", "the file holds no text")]
    suffix = path.suffix.lower()
    if suffix in HTML_SUFFIXES:
        return _html_document(name, data, sha)
    if suffix == ".pdf":
        return _pdf_document(name, data, sha)
    decoded = decode(data)
    if decoded is None or not looks_like_text(decoded.text):
        return None, [Problem(name, "not text", "binary or undecodable (not UTF-8, UTF-16 or GB18030)")]
    text = normalise_newlines(decoded.text).lstrip("\ufeff")
    if not text.strip():
        return None, [Problem(name, "empty", "the file holds only white space")]
    problems = []
    if decoded.damaged:
        problems.append(Problem(name, "damaged", "some invalid UTF-8 bytes were replaced; kept the rest"))
    if decoded.truncated:
        problems.append(Problem(name, "truncated", "the file ends in the middle of a character; kept the rest"))
    return Document(name, text, decoded.encoding, sha, len(data), problems), problems


def _html_document(name: str, data: bytes, sha: str) -> tuple[Document | None, list[Problem]]:
    from .html import HtmlError, page_text

    try:
        page = page_text(data)
    except HtmlError as err:
        return None, [Problem(name, "not a readable web page", str(err))]
    except Exception as err:  # the parser's own failures on hostile markup: one line, the build goes on
        return None, [Problem(name, "not a readable web page", f"{type(err).__name__}: {err}")]
    if not page.text.strip():
        return None, [Problem(name, "empty", "the page holds no text")]
    problems = [Problem(name, "truncated", "the page ends in the middle of a character; kept the rest")
                ] if page.truncated else []
    return Document(name, page.text, page.encoding, sha, len(data), problems, page.site), problems


def _pdf_document(name: str, data: bytes, sha: str) -> tuple[Document | None, list[Problem]]:
    from .pdf import PdfError, pdf_text

    try:
        text = pdf_text(data)
    except PdfError as err:
        return None, [Problem(name, err.reason, str(err))]
    return Document(name, text, "pdf", sha, len(data), []), []
