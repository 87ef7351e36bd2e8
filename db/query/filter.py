"""Parsing a filter: plain words plus field terms, into a `Filter`; `FilterError` for anything else.

    专利 增长  unit:元 kind:target,amount  year:2019..2022  value>1亿  sort:-value

Field values become bound parameters later (sql.py); here they are only read and checked.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass

from ..text import halfwidth
from .specs import _COMMON_FIELDS, ALIASES, SPECS, FieldSpec, PaneSpec

MAX_FILTER = 1000  # characters; a longer filter is a paste gone wrong
MAX_WORDS = 24


class FilterError(ValueError):
    """A filter that cannot be understood; `str(err)` is a message for the user."""

    def __init__(self, message: str, position: int | None = None) -> None:
        super().__init__(message)
        self.position = position



@dataclass(frozen=True)
class Term:
    field: str
    op: str  # = (one of values) | range | > >= < <= != | named !named (ids by a name, FieldSpec.named)
    values: tuple = ()  # for =: alternatives; for range: (lo, hi) with None for open ends
    unit: str | None = None  # a number written with its unit (value>100亿元): compared within that unit


@dataclass(frozen=True)
class Filter:
    pane: str
    words: tuple[str, ...] = ()
    terms: tuple[Term, ...] = ()
    sort: str | None = None

    @property
    def empty(self) -> bool:
        return not self.words and not self.terms


_CLEAN = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff\u2028\u2029\ufeff]")
_TOKEN = re.compile(
    r'(?P<field>[A-Za-z_]+)\s*(?P<op>>=|<=|!=|[:><=])\s*(?P<value>"[^"]*"?|[^\s"]*)'
    r'|"(?P<phrase>[^"]*)"?'
    r"|(?P<word>[^\s\"]+)"
)
_NUMBER = re.compile(r"^([+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?)(万亿|亿|万|千|百|k|m|b)?$", re.I)
_MULT = {"万亿": 1e12, "亿": 1e8, "万": 1e4, "千": 1e3, "百": 1e2, "k": 1e3, "m": 1e6, "b": 1e9}
_DATE = re.compile(r"^(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?$")
_YES = {"yes", "y", "true", "1", "on", "是", "only"}
_NO = {"no", "n", "false", "0", "off", "否"}
_ALL = {"all", "any", "*", "全部"}
_WORDCHAR = re.compile(r"\w")


def clean(text: str) -> str:
    """The filter with control characters and lone surrogates turned into spaces."""
    return _CLEAN.sub(" ", text)


def parse(text: str, pane: str) -> Filter:
    """Parse the filter `text` for `pane`; raise FilterError when it makes no sense."""
    if pane not in SPECS:
        raise FilterError(f"unknown pane {pane!r}")
    if len(text) > MAX_FILTER:
        raise FilterError(f"filter too long ({len(text)} characters, at most {MAX_FILTER})")
    spec = SPECS[pane]
    norm = halfwidth(clean(text))  # same length as text, so positions hold
    words: list[str] = []
    terms: list[Term] = []
    sort: str | None = None
    for m in _TOKEN.finditer(norm):
        if m.group("field") is not None:
            name = m.group("field").lower()
            name = ALIASES.get(name, name)
            value = m.group("value")
            if value.startswith('"'):
                value = value[1:-1] if len(value) > 1 and value.endswith('"') else value[1:]
            value = value.strip()
            if name == "sort":
                sort = _parse_sort(spec, value, m.start())
                continue
            if name not in spec.fields:
                known = " ".join(f"{f}:" for f in [*spec.fields, *_COMMON_FIELDS])
                raise FilterError(f'unknown field "{m.group("field")}:" here; fields: {known} '
                                  f'(quote text to search for it: "{m.group(0)}")', m.start())
            if not value:
                raise FilterError(f"{name}{m.group('op')} needs a value ({spec.fields[name].help})", m.end())
            terms.append(_parse_term(name, spec.fields[name], m.group("op"), value, m.start()))
        else:
            word = (m.group("phrase") if m.group("phrase") is not None else m.group("word")).strip()
            if word and _WORDCHAR.search(word):
                words.append(word)
    if len(words) > MAX_WORDS:
        raise FilterError(f"too many words ({len(words)}, at most {MAX_WORDS})")
    return Filter(pane, tuple(dict.fromkeys(words)), tuple(terms), sort)


def _parse_sort(spec: PaneSpec, value: str, pos: int) -> str:
    name = value.lstrip("+-").lower()
    if name not in spec.sorts:
        raise FilterError(f"cannot sort by {value!r}; sort by {', '.join(spec.sorts)} (add - for descending)", pos)
    return ("-" if value.startswith("-") else "") + name


def _parse_term(name: str, f: FieldSpec, op: str, value: str, pos: int) -> Term:
    if f.named and (f.kind == "name" or not value.strip().isdigit()):
        if op not in (":", "=", "!="):
            raise FilterError(f"{name} takes {name}:NAME, not {op}", pos)
        return Term(name, "!named" if op == "!=" else "named", (value.strip(),))
    if f.kind in ("text", "fts"):
        if op not in (":", "=", "!="):
            raise FilterError(f"{name} takes {name}:TEXT, not {op}", pos)
        alts = tuple(v.strip() for v in value.split(",") if v.strip()) if f.kind == "text" else (value,)
        if f.kind == "fts" and not _WORDCHAR.search(value):
            raise FilterError(f"{name}: needs letters or digits to search for", pos)
        unknown = [v for v in alts if f.choices and v not in f.choices]
        if unknown:
            raise FilterError(f"{name}:{unknown[0]} matches nothing; {name} is one of {', '.join(f.choices)}", pos)
        return Term(name, "!=" if op == "!=" else "=", alts)
    if f.kind == "bool":
        v = value.lower()
        if v in _YES:
            return Term(name, "=", (1,) if op != "!=" else (0,))
        if v in _NO:
            return Term(name, "=", (0,) if op != "!=" else (1,))
        if v in _ALL:
            return Term(name, "all", ())
        raise FilterError(f"{name}: takes yes, no or all, not {value!r}", pos)
    conv = {"int": _int, "num": _num, "date": _date}[f.kind]
    unit = None
    if f.kind == "num":
        value, unit = _unit_of(value)
    if ".." in value:
        if op != ":" and op != "=":
            raise FilterError(f"a range takes {name}:LOW..HIGH, not {op}", pos)
        lo_s, _, hi_s = value.partition("..")
        lo = conv(name, lo_s, pos, False) if lo_s else None
        hi = conv(name, hi_s, pos, True) if hi_s else None
        if lo is None and hi is None:
            raise FilterError(f"{name}:.. needs at least one end", pos)
        if lo is not None and hi is not None and f.kind != "date" and lo > hi:
            raise FilterError(f"{name}: range {lo_s}..{hi_s} is empty (low end above high end)", pos)
        return Term(name, "range", (lo, hi), unit)
    if f.kind == "date" and op in (":", "="):
        return Term(name, "range", (conv(name, value, pos, False), conv(name, value, pos, True)))
    v = conv(name, value, pos, op in ("<=", ">"))
    return Term(name, "=" if op == ":" else op, (v,), unit)


_WITH_UNIT = re.compile(r"^(.*?\d(?:\.\d+)?(?:万亿|亿|万|千|百|[kmb])?)([^\d.,\s][^\d]*)$", re.I)


def _unit_of(value: str) -> tuple[str, str | None]:
    """value>100亿元: the number and the unit written after it (元 in 100亿元, % in 5%); a range's ends share it."""
    ends = value.split("..")
    units = set()
    out = []
    for end in ends:
        m = _WITH_UNIT.match(end.strip()) if end else None
        if m and not _NUMBER.match(end.strip().replace(",", "")):
            out.append(m.group(1))
            units.add(m.group(2).strip())
        else:
            out.append(end)
    return "..".join(out), (units.pop() if len(units) == 1 else None)


def _int(name: str, s: str, pos: int, _hi: bool) -> int:
    s = s.strip()
    if not re.fullmatch(r"[+-]?\d{1,9}", s):
        raise FilterError(f"{name}: expects a whole number, not {s!r}", pos)
    return int(s)


def _num(name: str, s: str, pos: int, _hi: bool) -> float:
    m = _NUMBER.match(s.strip().replace(",", ""))
    if not m:
        raise FilterError(f"{name}: expects a number such as 1e9, 2.5亿, 300万 or 100亿元, not {s!r}", pos)
    v = float(m.group(1)) * _MULT.get((m.group(2) or "").lower() if m.group(2) and m.group(2).isascii()
                                      else (m.group(2) or ""), 1.0)
    if not math.isfinite(v):
        raise FilterError(f"{name}: {s!r} is too large", pos)
    return v


def _date(name: str, s: str, pos: int, hi: bool) -> str:
    """An ISO prefix; a high end is made inclusive of everything it begins."""
    m = _DATE.match(s.strip())
    if not m:
        raise FilterError(f"{name}: expects a date such as 2020, 2020-03 or 2020-03-15, not {s!r}", pos)
    y, mo, d = m.groups()
    if (mo and not 1 <= int(mo) <= 12) or (d and not 1 <= int(d) <= 31):
        raise FilterError(f"{name}: {s!r} is not a date", pos)
    iso = y + (f"-{int(mo):02d}" if mo else "") + (f"-{int(d):02d}" if d else "")
    return iso + "\uffff" if hi else iso

