"""Chinese date expressions: parse one (`parse_date`) or find them in running text (`find_dates`).

Handled forms (full-width digits too): 2009年3月20日, 2019-02-18, 2019/04/19,
2019.04.19, 1988年5月, 二〇二〇年, 二零一九年三月五日, 98年4月, 5月27日,
2017年8月至11月, 2019年1—11月, 2019年4月12-19日, 2018-2022年, 今年/去年/明年/前年,
今年6月, 2019年底, 2019年上半年, 2019年一季度, 前三季度, 上旬, 80年代.

Decisions, so that callers can rely on them:
- A span's `start`/`end` are at the precision the text gives; a single date has end == start.
- 年底/年末 is the last day of the year (2019-12-31, precision day), the reference point
  that statistics 截至2019年底 mean; 月底/月末 likewise the month's last day.
- 年初 is January, 年中 June to July, 上半年 January to June, 一季度 January to March,
  前三季度 January to September, 上旬/中旬/下旬 days 1-10/11-20/21-end: all ranges.
- Two-digit years (98年) resolve within the hundred years ending at base.year + 10.
- A date with no year (5月27日, 今年) takes base's year; `parse_date` without base uses today,
  `find_dates` without base skips such mentions (they cannot be placed on a calendar).
- Invalid dates (2019年13月, 2月30日) and reversed ranges give None.
"""
from __future__ import annotations

import calendar
import datetime
import re
from dataclasses import dataclass
from functools import lru_cache

from ..records import DateSpan
from ..text import finditer_from, halfwidth

__all__ = ["DateMention", "find_dates", "parse_date"]


@dataclass(frozen=True)
class DateMention:
    """A date expression found in a text: `text[start:end]` parsed as `span`."""

    start: int
    end: int
    text: str
    span: DateSpan
    has_year: bool = True  # the year is written (2019年, 98年), not taken from base
    relative: bool = False  # the year is relative to base (今年, 去年)
    fuzzy: bool = False  # 年底, 上半年, 一季度 ...: a part of the period, not a point


# ---------------------------------------------------------------------------
# ---------------------------------------------------------------------------
# Normalisation: Chinese numerals before a date unit become Arabic digits.

_CN_DIGIT = {"〇": 0, "零": 0, "○": 0, "O": 0, "Ｏ": 0, "一": 1, "二": 2, "三": 3, "四": 4,
             "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_NUM = re.compile(
    r"[〇零○一二三四五六七八九十]+(?=[年月日号季]|(?:至|到|—+|-|~)[〇零○一二三四五六七八九十\d]+[年月日号])"
)
_UNIT = re.compile(r"[年月日号季]")
_CONNECTOR = re.compile(r"\s*(?:至|到|—+|–|−|－|~|～|-)\s*")
_ISO_DAY = re.compile(r"(?<!\d)(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?![\d.])(?:日|号)?")
_ISO_MONTH = re.compile(r"(?<!\d)(\d{4})[-/](\d{1,2})(?![\d./-])(?!年)")
_SHARED_UNIT = re.compile(r"(\d+)-(\d+)([年月日])")


def _cn_value(run: str, before_year: bool) -> str:
    """二〇二〇 → 2020 (digit by digit before 年), 二十三 → 23, 十二 → 12."""
    if "十" not in run:
        return "".join(str(_CN_DIGIT[c]) for c in run)
    if before_year:
        return run  # 二十年 is a duration, not the year 20
    head, _, tail = run.partition("十")
    if len(head) > 1 or len(tail) > 1 or "十" in tail:
        return run
    tens = _CN_DIGIT.get(head, 1) if head else 1
    ones = _CN_DIGIT.get(tail, 0) if tail else 0
    return str(tens * 10 + ones)


def _unit_after(text: str, pos: int) -> str:
    u = _UNIT.search(text, pos)
    return u.group() if u else ""


def _normalise(text: str) -> str:
    text = halfwidth(text).strip()
    text = text.replace("号", "日")
    text = _CN_NUM.sub(lambda m: _cn_value(m.group(), _unit_after(text, m.end()) == "年"), text)
    text = _ISO_DAY.sub(lambda m: f"{m.group(1)}年{m.group(3)}月{m.group(4)}日", text)
    text = _ISO_MONTH.sub(r"\1年\2月", text)
    text = _CONNECTOR.sub("-", text)
    text = _SPACES.sub("", text)
    # 2019年1-11月 → 2019年1月-11月: each side of a range gets its unit.
    return _SHARED_UNIT.sub(r"\1\3-\2\3", text)


# ---------------------------------------------------------------------------
# Parsing the normalised form.

_REL_YEAR = {"今年": 0, "本年": 0, "当年": 0, "同年": 0, "去年": -1, "上年": -1, "前年": -2,
             "明年": 1, "来年": 1, "后年": 2}
_REL = "|".join(_REL_YEAR)
_YEAR_MOD = (r"年底|年末|年初|年中|底|末|初|全年|年度|度|上半年|下半年|前半年|后半年|"
             r"第?[1-4]季度|前[1-3]季度|[1-4]季度")
_MONTH_MOD = r"初|底|末|上旬|中旬|下旬|份"
_POINT = re.compile(
    rf"(?:(?P<y>\d{{4}}|\d{{2}})年|(?P<r>{_REL})|(?P<ybare>\d{{4}})(?=全年|年度))?"
    rf"(?:(?P<m>\d{{1,2}})月(?:(?P<d>\d{{1,2}})日|(?P<mm>{_MONTH_MOD}))?|(?P<ym>{_YEAR_MOD})|(?P<d0>\d{{1,2}})日)?"
)
_DECADE = re.compile(r"(?:(?:上|20)世纪)?(?P<y>\d{2}|\d{4})年代(?P<part>初|中|末)?")


@dataclass(frozen=True)
class _Point:
    year: int | None
    month: int | None
    day: int | None
    mod: str | None
    has_year: bool
    relative: bool


def _two_digit_year(y: int, base: datetime.date) -> int:
    pivot = base.year + 10
    century = pivot - pivot % 100
    year = century + y
    return year - 100 if year > pivot else year


def _point(s: str, base: datetime.date | None) -> _Point | None:
    m = _POINT.fullmatch(s)
    if not m or not m.group():
        return None
    year: int | None = None
    has_year = relative = False
    if m["y"] or m["ybare"]:
        raw = m["y"] or m["ybare"]
        if len(raw) == 2:
            if base is None:
                return None
            year = _two_digit_year(int(raw), base)
        else:
            year = int(raw)
        has_year = True
    elif m["r"]:
        if base is None:
            return None
        year = base.year + _REL_YEAR[m["r"]]
        relative = True
    month = int(m["m"]) if m["m"] else None
    day = int(m["d"] or m["d0"]) if (m["d"] or m["d0"]) else None
    mod = m["mm"] or m["ym"]
    if m["ym"] and year is None:
        return None  # 底, 上半年 alone: no year to attach to
    return _Point(year, month, day, mod, has_year, relative)


def _iso(y: int, m: int | None = None, d: int | None = None) -> str:
    if m is None:
        return f"{y:04d}"
    if d is None:
        return f"{y:04d}-{m:02d}"
    return f"{y:04d}-{m:02d}-{d:02d}"


def _valid(y: int, m: int | None, d: int | None) -> bool:
    if not 1 <= y <= 9999:
        return False
    if m is not None and not 1 <= m <= 12:
        return False
    if d is not None:
        if m is None:
            return False
        return 1 <= d <= calendar.monthrange(y, m)[1]
    return True


def _quarter(mod: str) -> tuple[int, int] | None:
    q = _QUARTER.search(mod)
    if not q:
        return None
    n = int(q.group(2))
    return (1, 3 * n) if q.group(1) else (3 * n - 2, 3 * n)


def _year_part(y: int, mod: str) -> DateSpan | None:
    if mod in ("年底", "年末", "底", "末"):
        return DateSpan(_iso(y, 12, 31), _iso(y, 12, 31), "day")
    if mod in ("年初", "初"):
        return DateSpan(_iso(y, 1), _iso(y, 1), "month")
    if mod == "年中":
        return DateSpan(_iso(y, 6), _iso(y, 7), "month")
    if mod in ("上半年", "前半年"):
        return DateSpan(_iso(y, 1), _iso(y, 6), "month")
    if mod in ("下半年", "后半年"):
        return DateSpan(_iso(y, 7), _iso(y, 12), "month")
    q = _quarter(mod)
    if q:
        return DateSpan(_iso(y, q[0]), _iso(y, q[1]), "month")
    return DateSpan(_iso(y), _iso(y), "year")  # 全年, 年度


def _month_part(y: int, mo: int, mod: str) -> DateSpan:
    last = calendar.monthrange(y, mo)[1]
    if mod in ("底", "末"):
        return DateSpan(_iso(y, mo, last), _iso(y, mo, last), "day")
    if mod == "上旬":
        return DateSpan(_iso(y, mo, 1), _iso(y, mo, 10), "day")
    if mod == "中旬":
        return DateSpan(_iso(y, mo, 11), _iso(y, mo, 20), "day")
    if mod == "下旬":
        return DateSpan(_iso(y, mo, 21), _iso(y, mo, last), "day")
    return DateSpan(_iso(y, mo), _iso(y, mo), "month")  # 初, 份


def _span(p: _Point) -> DateSpan | None:
    """The span of one resolved point (its year is known)."""
    if p.year is None or not _valid(p.year, p.month, p.day):
        return None
    if p.month is None:
        if p.mod:
            return _year_part(p.year, p.mod)
        return DateSpan(_iso(p.year), _iso(p.year), "year")
    if p.day is None:
        if p.mod:
            return _month_part(p.year, p.month, p.mod)
        return DateSpan(_iso(p.year, p.month), _iso(p.year, p.month), "month")
    iso = _iso(p.year, p.month, p.day)
    return DateSpan(iso, iso, "day")


def _inherit(first: _Point, second: _Point) -> _Point:
    """The right side of a range takes what it leaves out from the left: 2017年8月至11月."""
    year = second.year if second.year is not None else first.year
    month = second.month
    if month is None and second.day is not None:
        month = first.month
    return _Point(year, month, second.day, second.mod, first.has_year or second.has_year,
                  first.relative or second.relative)


def _resolve(p: _Point, base: datetime.date | None) -> _Point | None:
    if p.year is not None:
        return p
    if base is None:
        return None
    month = base.month if p.month is None and p.day is not None else p.month  # 27日: this month
    return _Point(base.year, month, p.day, p.mod, False, False)


def _coarser(a: str, b: str) -> str:
    order = {"year": 0, "month": 1, "day": 2}
    return a if order[a] <= order[b] else b


def _cut(iso: str, precision: str) -> str:
    return iso[: {"year": 4, "month": 7, "day": 10}[precision]]


def _decade(m: re.Match[str], base: datetime.date) -> DateSpan | None:
    raw = m["y"]
    y = int(raw) if len(raw) == 4 else _two_digit_year(int(raw), base)
    if y % 10:
        return None
    lo, hi = {"初": (0, 3), "中": (3, 7), "末": (7, 9)}.get(m["part"] or "", (0, 9))
    return DateSpan(_iso(y + lo), _iso(y + hi), "year")


def _parse(text: str, base: datetime.date | None) -> tuple[DateSpan, _Point] | None:
    s = _normalise(text)
    if not s:
        return None
    dm = _DECADE.fullmatch(s)
    if dm:
        span = _decade(dm, base or datetime.date.today())
        return (span, _Point(None, None, None, "decade", True, False)) if span else None
    if _BARE_YEAR.fullmatch(s):
        s += "年"  # a bare year given on its own
    left, sep, right = s.partition("-")
    p1 = _point(left, base)
    if p1 is None:
        return None
    r1 = _resolve(p1, base)
    if r1 is None:
        return None
    span1 = _span(r1)
    if span1 is None:
        return None
    if not sep:
        return span1, p1
    p2 = _point(right, base)
    if p2 is None or (p2.year is None and p2.month is None and p2.day is None):
        return None
    r2 = _inherit(r1, p2)
    span2 = _span(r2)
    if span2 is None:
        return None
    precision = _coarser(span1.precision, span2.precision)
    start, end = _cut(span1.start, precision), _cut(span2.end, precision)
    if end < start:
        return None
    return DateSpan(start, end, precision), p1


# Days and months named from the reference date: 昨天, 前天, 上周五, 本月20日, 上月, 20日.
_REL_DAYS = {"今天": 0, "今日": 0, "昨天": -1, "昨日": -1, "前天": -2, "明天": 1, "明日": 1, "后天": 2}
_REL_DAY = re.compile(r"(?:今天|今日(?!头条)|昨天|昨日|前天|明天|明日|后天)"
                      r"|(?P<week>上|本|这|下)(?:周|星期)(?P<wd>[一二三四五六日天])"
                      r"|(?<![\u4e00-\u9fff])(?P<mon>上|本|下)月(?:(?P<d>3[01]|[12]\d|0?[1-9])[日号])?"
                      # a day alone (20日): in news, the reference month's, or the month before when still to come
                      r"|(?<![\d.月年第每近共计约期至到-])(?P<bd>3[01]|[12]\d|0?[1-9])日(?![内以之左前后]|\d)")
_REL_DAY_FIRST = re.compile("[今昨前明后上本这下0-9]")


# 前三季度, 上半年, 全年, 前4个月 with no year written (or after 今年, 2023年): the article's year.
_YEAR_PART = re.compile(
    r"(?P<y>(?:19|20)\d\d年|今年|去年|本年|上年)?(?P<part>前(?P<n>1[0-2]|[1-9]|十[一二]?|[一二三四五六七八九])个?月(?![份底末初内])"
    r"|(?<![\d年])(?:前[一二三1-3]季度|第?[一二三四1-4]季度|上半年|下半年|全年))")
_YEAR_PART_FIRST = re.compile("[1-4今去本上前第一二三四下全]")  # every character a match can begin with
_QUARTER_DIGITS = str.maketrans("一二三四", "1234")  # 前三季度 → 前3季度, as _year_part reads it


def _with_year_parts(text: str, src: str, found: list[DateMention], base: datetime.date) -> list[DateMention]:
    """`found` with the parts of a year the main finder leaves without one (前三季度) or cuts (今年前4月)."""
    out = list(found)
    for m in finditer_from(_YEAR_PART, _YEAR_PART_FIRST, src):
        part, y = m.group("part"), m.group("y")
        if y is None and any(d.start < m.end() and m.start() < d.end for d in out):
            continue  # 2019年上半年: the main finder has it
        if y is None:  # like 5月27日: the article's year, unless the text around gives one
            year, relative = base.year, False
            if part == "全年" and base.month <= 3:
                year -= 1  # 全年 in a report of January to March: the year just ended
        elif y[0].isdigit():
            year, relative = int(y[:4]), False
        else:
            year, relative = base.year + _REL_YEAR[y], True
        if n := m.group("n"):
            last = int(n if n.isdigit() else _cn_value(n, before_year=False))
            if not 1 <= last <= 12:
                continue
            span = DateSpan(_iso(year, 1), _iso(year, last), "month")
        else:
            span = _year_part(year, part.translate(_QUARTER_DIGITS).lstrip("第"))
        if span is None:
            continue
        out = [d for d in out if not (d.start < m.end() and m.start() < d.end)]
        written = y is not None and not relative
        out.append(DateMention(m.start(), m.end(), text[m.start():m.end()], span, has_year=written,
                               relative=relative, fuzzy=part != "全年"))
    out.sort(key=lambda d: d.start)
    return out


def _relative_day(m: re.Match[str], base: datetime.date) -> DateSpan | None:
    if m.group("wd"):
        shift = {"上": -7, "下": 7}.get(m.group("week"), 0)
        wd = "一二三四五六日".index(m.group("wd").replace("天", "日"))
        day = base + datetime.timedelta(days=shift + wd - base.weekday())
        return DateSpan(day.isoformat(), day.isoformat(), "day")
    if m.group("bd"):
        d = int(m.group("bd"))
        y, mo = (base.year, base.month) if d <= base.day else (
            (base.year, base.month - 1) if base.month > 1 else (base.year - 1, 12))
        if not _valid(y, mo, d):
            return None
        iso = _iso(y, mo, d)
        return DateSpan(iso, iso, "day")
    if m.group("mon"):
        month = base.month - 1 + {"上": -1, "下": 1}.get(m.group("mon"), 0)
        y, mo = base.year + month // 12, month % 12 + 1
        if not m.group("d"):
            return DateSpan(f"{y:04d}-{mo:02d}", f"{y:04d}-{mo:02d}", "month")
        if not _valid(y, mo, int(m.group("d"))):
            return None
        iso = _iso(y, mo, int(m.group("d")))
        return DateSpan(iso, iso, "day")
    day = base + datetime.timedelta(days=_REL_DAYS[m.group()])
    return DateSpan(day.isoformat(), day.isoformat(), "day")


# Forms that only a date field writes (running text would mistake them for other numbers), so
# parse_date reads them and find_dates does not: 20190815, 2021 06 05, 2003.05-2006.11, 7·15, 10-08.
_COMPACT = re.compile(r"(?<!\d)((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?!\d)")
_SPACED = re.compile(r"^((?:19|20)\d{2})\s+(\d{1,2})\s+(\d{1,2})$")
_DOTTED_MONTH = re.compile(r"(?<![\d.])((?:19|20)\d{2})\.(\d{1,2})(?![\d.])")
_DOT_DAY = re.compile(r"^(\d{1,2})\s*·\s*(\d{1,2})$|^(\d{1,2})-(\d{2})$")  # 7·15, 10-08; not 1/3 nor 1.5
_BARE_YEAR_END = re.compile(r"(?<=[-—~至到])\s*((?:19|20)\d{2})$")
_BARE_DAY = re.compile(r"(\d{1,2}月)(\d{1,2})(?=\s*(?:至|到|-|—|~|$))")
_SPAN_WORDS = re.compile(r"^(?:从|自|由)|(?:止|为止|以来)$|起(?=至|到)")


def _written(text: str) -> str:
    s = halfwidth(text).strip()
    s = _SPAN_WORDS.sub("", _SPAN_WORDS.sub("", s)).strip()
    if m := _SPACED.match(s):
        return f"{m[1]}年{m[2]}月{m[3]}日"
    if m := _DOT_DAY.match(s):
        return f"{m[1] or m[3]}月{m[2] or m[4]}日"
    s = _COMPACT.sub(lambda m: f"{m[1]}年{int(m[2])}月{int(m[3])}日", s)
    s = _DOTTED_MONTH.sub(lambda m: f"{m[1]}年{int(m[2])}月", s)
    s = _BARE_YEAR_END.sub(lambda m: f"{m[1]}年", s)
    return _BARE_DAY.sub(lambda m: f"{m[1]}{m[2]}日", s)


def parse_date(text: str, base: datetime.date | None = None) -> DateSpan | None:
    """Parse one date expression; None when `text` is not a valid date. Never raises.

    Dates without a year (5月27日, 今年6月) and days named from it (昨天, 上周五, 本月20日)
    take `base` (today when None).
    """
    try:
        if not isinstance(text, str) or len(text) > 64:
            return None
        rel = _REL_DAY.fullmatch(halfwidth(text.strip()))
        if rel:
            return _relative_day(rel, base or datetime.date.today())
        got = _parse(text, base or datetime.date.today()) or _parse(_written(text), base or datetime.date.today())
    except (ValueError, KeyError, OverflowError, IndexError):
        return None
    return got[0] if got else None


# ---------------------------------------------------------------------------
# Finding date expressions in running text (halfwidth offsets equal the original ones).

_Y4R = r"(?:1[5-9]|20)\d\d(?![\d.])"
_Y4 = rf"(?<![\d.\-/]){_Y4R}"
_YCN = r"[〇零○一二三四五六七八九]{4}"
_MN = r"(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])"
_DN = r"(?:3[01]|[12]\d|0?[1-9]|[一二]?十[一二三四五六七八九]?|三十一?|[一二三四五六七八九])"
_CONN = r"(?:至|到|—{1,2}|–|－|-|~|～)"
_YP = (rf"(?:(?:{_Y4}|{_YCN})(?:{_CONN}(?:{_Y4R}|{_YCN}))?年"
       rf"|(?<![\d.])\d\d年(?={_MN}月)|(?:{_REL})|{_Y4}(?=全年|年度))")
_MP = rf"(?<![\d.]){_MN}(?:{_CONN}{_MN})?月(?!份额)"
_DP = rf"{_DN}(?:{_CONN}{_DN})?[日号]"
# 年中 is left out on purpose: 2019年中关村 is far more common than 2019年年中.
_YMOD = (r"(?:年底|年末|年初|年年中|底|末|初(?![步级中心创])|全年|年度|度|上半年|下半年|"
         r"第?[一二三四1-4]季度|前[一二三1-3]季度)")
_MMOD = r"(?:初(?![步级中心创])|底|末|上旬|中旬|下旬|份)"
_POINT_RE = rf"(?:{_YP}(?:{_MP}(?:{_DP}|{_MMOD})?|{_YMOD})?|{_MP}(?:{_DP}|{_MMOD})?)"
_POINT2_RE = rf"(?:{_YP.replace(_Y4, _Y4R)}(?:{_MP}(?:{_DP}|{_MMOD})?)?|{_MP}(?:{_DP}|{_MMOD})?|{_DP})"
_ISO_RE = (rf"(?:{_Y4}(?P<sep>[-/.])(?:1[0-2]|0?[1-9])(?P=sep)(?:3[01]|[12]\d|0?[1-9])(?![\d.])"
           rf"|{_Y4}[-/](?:1[0-2]|0[1-9])(?![\d./\-年]))")
# Every form starts with a digit, a Chinese numeral or a relative-year word: checking that one
# character first lets the scan skip other positions without trying each alternative (8x faster).
_FIRST_CHAR = rf"(?=[\d〇零○一二三四五六七八九十{''.join(sorted({w[0] for w in _REL_YEAR}))}])"
_FINDER = re.compile(
    rf"{_FIRST_CHAR}(?:{_ISO_RE}(?:{_CONN}{_ISO_RE.replace('sep', 'sep2').replace(_Y4, _Y4R)})?"
    rf"|(?:(?:上|20)世纪)?\d\d(?:\d\d)?年代[初中末]?"
    rf"|{_POINT_RE}(?:{_CONN}{_POINT2_RE})?)"
)
_LEFT_OF_RANGE = re.compile(rf"(.*?){_CONN}")
# Compiled once: a pattern string passed to re.sub looks up re's cache on every call.
_SPACES = re.compile(r"\s+")
_QUARTER = re.compile(r"(前)?([1-4])季度")
_BARE_YEAR = re.compile(r"\d{4}")


_PUBLISHED = re.compile(r"(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?")


def published_base(published: str | None) -> tuple[datetime.date | None, str]:
    """An article's ISO date (2020, 2020-05, 2020-05-27) as a base date and its precision;
    a missing part counts as the first of the year or month."""
    m = _PUBLISHED.match(published or "")
    if not m:
        return None, "year"
    try:
        day = datetime.date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))
    except ValueError:
        return None, "year"
    return day, "day" if m.group(3) else "month" if m.group(2) else "year"


def find_dates(text: str, base: datetime.date | None = None) -> list[DateMention]:
    """Date expressions in `text`, in order, with offsets into `text`. Never raises.

    Not dates: 1/3, 〔2018〕4号, phone numbers, 2.0, a year in a name without 年 (2023中关村论坛),
    bare numbers. Without `base`, mentions that need one (5月27日, 今年) are skipped.
    """
    # The metrics and events extractors both ask for the same article's dates: compute once.
    return list(_find_dates_cached(text, base))


@lru_cache(maxsize=8)
def _find_dates_cached(text: str, base: datetime.date | None) -> tuple[DateMention, ...]:
    return tuple(_find_dates(text, base))


def _find_dates(text: str, base: datetime.date | None) -> list[DateMention]:
    out: list[DateMention] = []
    try:
        src = halfwidth(text)
        for m in _FINDER.finditer(src):
            got = _mention(text, m, base)
            if got is not None:
                out.append(got)
        if base is not None and any(w in src for w in ("季度", "半年", "全年", "前")):
            out = _with_year_parts(text, src, out, base)
        if base is not None and any(w in src for w in ("天", "日", "周", "星期", "月")):
            taken = [(d.start, d.end) for d in out]
            for m in finditer_from(_REL_DAY, _REL_DAY_FIRST, src):
                span = _relative_day(m, base)
                if span and not any(s < m.end() and m.start() < e for s, e in taken):
                    out.append(DateMention(m.start(), m.end(), text[m.start():m.end()], span,
                                           has_year=False, relative=True))
            out.sort(key=lambda d: d.start)
    except (ValueError, KeyError, OverflowError, IndexError, TypeError):
        return out
    return out


def _mention(text: str, m: re.Match[str], base: datetime.date | None) -> DateMention | None:
    raw = m.group()
    if not raw or raw.endswith(("-", "至", "到")):
        return None
    start, end = m.span()
    got = _parse(raw, base)
    if got is None:
        # A range whose right side fails (2019年12月-3) still dates its left side.
        cut = _LEFT_OF_RANGE.match(raw)
        if not cut or not cut.group(1):
            return None
        raw = cut.group(1)
        end = start + len(raw)
        got = _parse(raw, base)
        if got is None:
            return None
    span, p = got
    fuzzy = bool(p.mod and p.mod not in ("全年", "年度", "度", "份"))
    return DateMention(start, end, text[start:end], span,
                       has_year=p.has_year, relative=p.relative, fuzzy=fuzzy)
