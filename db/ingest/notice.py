"""A government notice's metadata lines: 发布日期, 文号, 颁布部门 and the like, read field by field."""
from __future__ import annotations

import re

from .page import _DATE_CN, _DATE_ISO, Para, _iso

_GOV_LABEL = re.compile(r"[【\[]?\s*(发布日期|发文日期|颁布时间|颁布日期|实施时间|成文日期|发文字号|文号|颁布部门|"
                        r"发文机关|法规类别|信息来源|索引号|主题分类|来源|标题)\s*[】\]]?\s*[:：]\s*")
# Labels only a government notice's metadata has: on such a page every metadata line is the notice's.
_GOV_ONLY = re.compile(r"(颁布时间|颁布日期|实施时间|成文日期|发文字号|文号|颁布部门|发文机关|法规类别|索引号|主题分类)"
                       r"\s*[】\]]?\s*[:：]")


def _gov_fields(paras: list[Para], meta_idx: list[int]) -> list[tuple[str, str]]:
    """(label, value) of every field of a notice's metadata lines; a line may hold several."""
    out = []
    for i in meta_idx:
        for line in paras[i].text.split("\n"):
            found = list(_GOV_LABEL.finditer(line))
            for n, m in enumerate(found):
                end = found[n + 1].start() if n + 1 < len(found) else len(line)
                out.append((m.group(1), line[m.end():end].strip(" \u3000")))
    return out


def _meta_fields(paras: list[Para], meta_idx: list[int]) -> dict[str, str]:
    """The metadata lines of a notice, and the 文号 and 颁布部门 they give."""
    out: dict[str, str] = {}
    for label, value in _gov_fields(paras, meta_idx):
        if value and label in ("文号", "发文字号", "颁布部门", "发文机关"):
            out.setdefault("doc_number" if label in ("文号", "发文字号") else "issuer", value)
    out["meta"] = "\n".join(paras[i].text for i in meta_idx)
    return out


def _meta_date(paras: list[Para], meta_idx: list[int]) -> str | None:
    """The notice's date: the day it was published, else any day its metadata gives."""
    fields = _gov_fields(paras, meta_idx)
    for value in [v for label, v in fields if label in ("发布日期", "发文日期")] + [v for _, v in fields]:
        for rx in (_DATE_ISO, _DATE_CN):
            m = rx.search(value)
            if m and (iso := _iso(*m.groups())):
                return iso
    return None
