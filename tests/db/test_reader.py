"""Reading files in every encoding a user may have, and refusing what is not text."""
from __future__ import annotations

import codecs

import pytest
from zgc.db.ingest.reader import decode, read_document

TEXT = "中关村示范区规模以上企业总收入超5.4万亿元，同比增长13.8%。\n第二段：科技部印发《通知》。\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
        (TEXT.encode("utf-16"), "utf-16"),  # with BOM, native order
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16"),
        (TEXT.encode("gb18030"), "gb18030"),
        (TEXT.encode("gbk"), "gb18030"),
    ],
)
def test_decodes_every_supported_encoding(data, encoding):
    decoded = decode(data)
    assert decoded is not None
    assert decoded.encoding == encoding
    assert decoded.text.lstrip("\ufeff") == TEXT


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_line_endings_are_normalised(tmp_path, newline):
    path = tmp_path / "page.txt"
    path.write_bytes(TEXT.replace("\n", newline).encode("utf-8"))
    doc, problems = read_document(path)
    assert problems == []
    assert doc.text == TEXT


def test_truncated_mid_character_keeps_what_it_has(tmp_path):
    path = tmp_path / "cut.txt"
    path.write_bytes(TEXT.encode("utf-8") + "中".encode()[:2])
    doc, problems = read_document(path)
    assert doc is not None and doc.text.startswith("中关村示范区")
    assert [p.reason for p in problems] == ["truncated"]


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"  \n\t\r\n ", "empty"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>stream\x00\x01\x02", "not text"),
        (bytes(range(256)) * 20, "not text"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "not text"),
    ],
)
def test_unusable_files_are_reported_with_a_reason(tmp_path, data, reason):
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    doc, problems = read_document(path)
    assert doc is None
    assert [p.reason for p in problems] == [reason]
    assert problems[0].path == str(path)


def test_unreadable_file(tmp_path):
    doc, problems = read_document(tmp_path / "missing.txt")
    assert doc is None and problems[0].reason == "unreadable"


def test_a_few_damaged_bytes_keep_the_text(tmp_path):
    path = tmp_path / "damaged.txt"
    data = TEXT.encode("utf-8") * 20
    path.write_bytes(data[:100] + b"\xff" + data[100:])
    doc, problems = read_document(path)
    assert doc is not None and doc.encoding == "utf-8" and "中关村示范区" in doc.text
    assert [p.reason for p in problems] == ["damaged"]
