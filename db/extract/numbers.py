"""Chinese quantity expressions: parse one (`parse_quantity`) or find them in text (`find_quantities`).

Handled forms (full-width digits too): 约4.287亿美元, 3000多亿元, 近两万家, 30,000余项,
1万-5万元, 2-3个, 一到两个, 三分之一, 1/3, 百分之十, 13.8%, 0.6个百分点, 超5.4万亿元,
10%以上, 500家左右, 数百家, 上万项, 40万元/人, 一千二百三十四, 一万零五百, 十二点五,
壹仟贰佰元整, 人民币100元, 七成, 近一半.

Decisions, so that callers can rely on them:
- `value` is in base units: 万/亿/千/百 are folded in (5.4万亿元 → 5.4e12 元).
- A range gives its lower bound as `value`, the upper as `value_max`, qualifier `~`.
- A vague magnitude (3000多, 十余, 数百, 上万) gives qualifier `>~`; `value_max` is the
  next step up where one is implied (3000多 → 4000, 数百 → 1000).
- Qualifier symbols: `>` 超/超过/突破/以上, `<` 不足/低于/以下, `<~` 近/接近, `~` 约/左右,
  `>~` 多/余/逾, `=` 达/达到/高达, `>=` 不少于/至少, `<=` 不超过/最多; none → None.
- A bare number has unit "" (两万 → 20000); a fraction has unit `share` (1/3 → 0.3333).
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass

from ..records import Quantity
from ..text import halfwidth

__all__ = ["QuantityMatch", "cn_number", "find_quantities", "parse_quantity"]


@dataclass(frozen=True)
class QuantityMatch:
    """A quantity found in a text: `text[start:end]` (qualifier included) parsed as `quantity`."""

    start: int
    end: int
    text: str
    quantity: Quantity
    num_start: int  # where the number itself starts (after a qualifier such as 超过)
    duration: bool = False  # a length of time (三年的时间, 用了一个星期)
    bare: bool = False  # no unit was written


# ---------------------------------------------------------------------------
# Chinese numerals

_DIGIT = {"零": 0, "〇": 0, "○": 0, "一": 1, "壹": 1, "幺": 1, "二": 2, "贰": 2, "两": 2, "三": 3,
          "叁": 3, "四": 4, "肆": 4, "五": 5, "伍": 5, "六": 6, "陆": 6, "七": 7, "柒": 7,
          "八": 8, "捌": 8, "九": 9, "玖": 9}
_SMALL = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_BIG = {"万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8}
_CN_D = "".join(_DIGIT)
_CN_U = "".join(_SMALL)
_CN_B = "".join(_BIG)
_TOKEN = re.compile(rf"\d+(?:\.\d+)?|[{_CN_D}{_CN_U}{_CN_B}]")


def cn_number(text: str) -> float | None:
    """一千二百三十四 → 1234, 5.4万亿 → 5.4e12, 二〇一九 → 2019, 十二点五 → 12.5; None if not a number."""
    s = text.replace(",", "").strip()
    if s and not s.isascii():
        s = halfwidth(s)
    if not s:
        return None
    sign = 1.0
    if s[0] in "负-−":
        sign, s = -1.0, s[1:]
    whole, _, frac = s.partition("点")
    if frac:
        if not all(c in _DIGIT or c.isdigit() for c in frac):
            return None
        frac_digits = "".join(str(_DIGIT[c]) if c in _DIGIT else c for c in frac)
        head = _integer(whole) if whole else 0.0
        if head is None:
            return None
        return sign * (head + float("0." + frac_digits))
    got = _integer(s)
    return None if got is None else sign * got


def _integer(s: str) -> float | None:
    tokens = _TOKEN.findall(s)
    if not tokens or "".join(tokens) != s:
        return None
    if len(tokens) > 1 and all(t in _DIGIT for t in tokens):
        return float("".join(str(_DIGIT[t]) for t in tokens))  # 二〇一九: read digit by digit
    total = section = 0.0
    current: float | None = None
    last_big = 0
    prev_unit = 0  # the unit just before a trailing digit: 一万五 → 15000
    for t in tokens:
        if t in _DIGIT or t[0].isdigit():
            if current is not None and current != 0:
                return None  # 十三五: two digits in a row inside a numeral is a name, not a number
            current = float(_DIGIT[t]) if t in _DIGIT else float(t)
            if t in _DIGIT and _DIGIT[t] == 0:
                prev_unit = 0
        elif t in _SMALL:
            section += (1.0 if current is None else current) * _SMALL[t]
            current, prev_unit = None, _SMALL[t]
        else:
            big = _BIG[t]
            value = section + (current or 0.0)
            if value == 0 and total == 0:
                value = 1.0 if current is None and section == 0 else value
            if big > last_big:
                total = (total + value) * big
                last_big = big
            else:
                total += value * big
            section, current, prev_unit = 0.0, None, big
    if current is not None:
        if prev_unit >= 100 and current < 10 and tokens[-1] in _DIGIT:
            current *= prev_unit / 10
        section += current
    return total + section


# ---------------------------------------------------------------------------
# The finder's pieces

_AR = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_CN_ALL = _CN_D + _CN_U + _CN_B
_NUM = rf"(?:{_AR}|[{_CN_ALL}])(?:[{_CN_ALL}]|(?<=[{_CN_U}{_CN_B}])(?:{_AR}))*(?:点[{_CN_D}]+)?"
_SEP = r"(?:-{1,2}|—{1,2}|–|~|～|至|到)"

_PRE_Q = {
    "超过": ">", "超出": ">", "超": ">", "突破": ">", "高于": ">", "多于": ">", "大于": ">",
    "逾": ">~", "不少于": ">=", "不低于": ">=", "至少": ">=", "不超过": "<=", "不高于": "<=",
    "至多": "<=", "最多": "<=", "不足": "<", "不到": "<", "低于": "<", "少于": "<", "小于": "<",
    "近": "<~", "接近": "<~", "将近": "<~", "约": "~", "大约": "~", "大概": "~", "大致": "~",
    "达到了": "=", "达到": "=", "高达": "=", "达": "=",
}
_POST_Q = {"以上": ">", "开外": ">", "有余": ">~", "以下": "<", "以内": "<", "左右": "~", "上下": "~"}
_PRE = "|".join(sorted(_PRE_Q, key=len, reverse=True))
# 上下游, 上下级: not "about".
_POST = "|".join(sorted(_POST_Q, key=len, reverse=True)).replace("上下", "上下(?![游级班车半文楼层])")

# Units, longest first; a lookahead keeps a unit out of a longer word (项目, 支持, 元宇宙).
_UNIT_PATTERNS = [
    r"元人民币", r"人民币元", r"美元", r"美金", r"港元", r"港币", r"新台币", r"台币", r"欧元", r"日元", r"日币",
    r"英镑",
    r"韩元", r"澳元", r"加元", r"卢布", r"块钱", r"元(?![宇素旦宵首老器])",
    r"个百分点", r"百分点", r"%", r"‰",
    r"个星期", r"个工作日", r"个小时", r"个月", r"个(?!人|体|性|别|案)", r"倍",
    r"平方公里", r"平方千米", r"平方米", r"平米", r"立方米", r"公顷", r"亩(?!产)", r"公里", r"千米",
    r"厘米", r"毫米", r"微米", r"纳米", r"米(?![饭粮价尔])",
    r"吨标准煤", r"吨标煤", r"吨", r"千克", r"公斤", r"克(?![服隆拉罗里])",
    r"千瓦时", r"千瓦", r"兆瓦", r"吉瓦", r"瓦(?![斯解片])", r"千伏", r"伏(?!特)", r"度电",
    r"周岁", r"岁",
    r"人次", r"家次", r"场次", r"人(?![民大工才口员们类士物])", r"家(?![庭族乡属电长])",
    r"件(?![事])", r"项(?!目)", r"台(?![湾阶风])", r"套", r"起(?![来步点草源诉到])", r"只(?![有是要能需用会在])",
    r"位(?!一体|数|于|居)", r"份(?!额)", r"期(?!工程|项目|间)", r"次(?!产业|元|方)",
    r"所(?![有在谓得属长])(?!以(?![上下内]))",
    r"支(?![持撑付出部援])", r"场(?![景所地馆])", r"户(?![口籍外型])", r"种(?![子植])", r"大类", r"小类",
    r"类(?![型似别脑])", r"部门", r"部委", r"方面", r"名(?![单称义誉列片牌录])", r"座", r"条(?![例件款])",
    r"篇", r"款", r"艘", r"辆", r"架(?!构)", r"株", r"例", r"颗", r"枚", r"栋", r"处(?![理长于在置])",
    r"年", r"月", r"天", r"日", r"小时", r"分钟", r"秒", r"周(?![边围年期])", r"星期", r"工作日",
]
_UNIT = "|".join(_UNIT_PATTERNS)
_PER = r"/(?:人|平方公里|平方米|吨|年|月|天|日|小时|股|件|台|亩|户|个|次|千瓦时|度|公斤|千克)"
_UNIT_NORM = {
    "元人民币": "元", "人民币元": "元", "美金": "美元", "港币": "港元", "块钱": "元", "台币": "新台币", "日币": "日元",
    "个百分点": "百分点", "个星期": "星期", "个工作日": "工作日", "个小时": "小时", "个月": "月",
    "平方千米": "平方公里", "平米": "平方米", "千米": "公里", "公斤": "千克", "吨标准煤": "吨标煤",
    "大类": "类", "小类": "类", "周岁": "岁", "‰": "‰",
}
DURATION_UNITS = frozenset({"年", "月", "天", "日", "小时", "分钟", "秒", "周", "星期", "工作日"})
_CLASSIFIER_ONE_OK = frozenset({"倍"}) | DURATION_UNITS  # 一倍, 一年: 一 is a count there, not "a"

# Currency names written before the number: 人民币3亿元, 港币三千五百元, 新台币56.3亿元, 美金500万.
_CURRENCY_BEFORE = "人民币|港币|新台币|台币|日币|美金"
_CURRENCY_OF = {"人民币": "元", "港币": "港元", "新台币": "新台币", "台币": "新台币", "日币": "日元", "美金": "美元"}
_FIRST = "".join(sorted({w[0] for w in _PRE_Q} | set(_CN_ALL) | set("人数几上港新台日美0123456789")))
_MAIN = re.compile(
    rf"(?=[{_FIRST}])(?P<pre>{_PRE})?(?P<rmb>{_CURRENCY_BEFORE})?(?P<vague>(?:数|几|上)(?=[十百千万亿]))?"
    rf"(?P<num>{_NUM})"
    rf"(?:(?P<u1>%|{_UNIT})?(?P<sep>{_SEP})(?P<num2>{_NUM}))?"
    rf"(?P<fuzz>多|余|几)?(?P<ge>个(?=[万亿]))?(?P<mag>[万亿]+)?"
    rf"(?P<big>大(?=[\u4e00-\u9fff])(?![类会学型幅量力批规家都多众概约于小]))?"
    rf"(?P<unit>{_UNIT})?(?:(?<=元)(?P<jiao>[\d{_CN_D}])[角毛](?:(?P<fen>[\d{_CN_D}])分)?)?"
    rf"(?P<per>{_PER})?(?P<rmb2>人民币)?(?P<zheng>整)?(?P<post>{_POST})?"
)
_FRACTION = re.compile(
    rf"(?=[{_FIRST}过大半])(?P<pre>{_PRE})?(?:(?P<a>\d{{1,3}})/(?P<b>\d{{1,3}})(?![\d/])"
    rf"|(?P<den>[{_CN_ALL}\d]+?)分之(?P<nom>[{_CN_ALL}\d]+(?:点[{_CN_D}\d]+)?)"
    rf"|(?P<half>一半|半数|过半|大半)"
    rf"|(?P<cheng>[一二三四五六七八九])成(?=以上|左右|多|[，,。；;、的]|$))(?P<post>{_POST})?"
)
_DURATION_AFTER = re.compile(r"(?:的)?时间|之久")
_DURATION_BEFORE = re.compile(r"(?:用了|利用|历时|耗时|花了|花费|用时|仅用|只用|经过|为期|长达|用)$")
_LATIN = re.compile(r"[A-Za-z]")
_BARE_START = re.compile(rf"[{_CN_U}{_CN_B}]")
_STEP_NUM = re.compile(rf"({_AR})([{_CN_U}{_CN_B}]*)")
_CN_SMALL_NUM = re.compile(rf"[{_CN_D}十]+")
_MAG_TAIL = re.compile(rf"[{_CN_B}]+$")
_SCALE_TAIL = re.compile(rf"[{_CN_U}{_CN_B}]+$")
_BIG_IN = re.compile(rf"[{_CN_B}]")
_ADJACENT = re.compile(r"([一二两三四五六七八九])([二三四五六七八九])([十百千万亿]*)")
_MAG_ONLY = re.compile(rf"[{_CN_U}{_CN_B}]+")


def _step(num: str, value: float) -> float:
    """The size of the last written place: 3000 → 1000, 3.8万 → 1000, 二十 → 10."""
    m = _STEP_NUM.fullmatch(num)
    if m:
        digits = m.group(1).replace(",", "")
        scale = _integer(m.group(2)) if m.group(2) else 1.0
        scale = scale or 1.0
        if "." in digits:
            return 10.0 ** -len(digits.split(".")[1]) * scale
        stripped = digits.rstrip("0")
        return 10.0 ** (len(digits) - len(stripped)) * scale if stripped else scale
    iv = int(value) if value >= 1 else 0
    zeros = 0
    while iv and iv % 10 == 0:
        iv //= 10
        zeros += 1
    return 10.0 ** zeros


def _clean(v: float) -> float:
    if not math.isfinite(v):
        return v
    return round(v, 6) if abs(v) < 1e15 else v


def _qualifier(m: re.Match[str], ranged: bool) -> str | None:
    if m.group("post"):
        return _POST_Q[m.group("post")]
    if ranged:
        return "~"
    pre = m.group("pre")
    if pre and _PRE_Q[pre] != "=":
        return _PRE_Q[pre]
    gd = m.groupdict()
    if gd.get("vague") or gd.get("fuzz"):
        return ">~"
    return _PRE_Q[pre] if pre else None


def _main_match(src: str, m: re.Match[str], strict: bool = True) -> tuple[Quantity, bool, bool] | None:
    """Quantity of one main-pattern match, with (duration, bare) flags; None to reject."""
    num = m.group("num")
    pair = _ADJACENT.fullmatch(num)  # before cn_number, which reads 三四 digit by digit (34)
    value = 0.0 if pair else cn_number(num)
    if value is None:
        return None
    vague, fuzz, mag = m.group("vague"), m.group("fuzz"), m.group("mag")
    if strict and _BARE_START.match(num) and not num.startswith(("十", "拾")) and not (vague or m.group("pre")):
        return None  # 万元增加值, 百校千企, 百万级: a magnitude word, not a number
    scale = float(_integer(mag) or 1.0) if mag else 1.0
    unit_raw = m.group("unit") or ""
    if pair is not None:
        # 七八亿, 三五十家, 两三百人: two numerals side by side are a vague range.
        step = float(_integer(pair.group(3)) or 1.0) if pair.group(3) else 1.0
        lo, hi = _DIGIT[pair.group(1)] * step * scale, _DIGIT[pair.group(2)] * step * scale
        if hi <= lo:
            return None
        unit = _UNIT_NORM.get(unit_raw, unit_raw)
        return Quantity(_clean(lo), unit, "~", _clean(hi)), unit in DURATION_UNITS, not unit
    if m.group("big"):
        if unit_raw or not _CN_SMALL_NUM.fullmatch(num) or not 2 <= value <= 10:
            return None
        unit_raw = "个"  # 七大机制, 两大产业集群
    value_max: float | None = None
    ranged = bool(m.group("num2"))
    if ranged:
        hi = cn_number(m.group("num2"))
        if hi is None:
            return None
        if m.group("u1") and m.group("u1") != unit_raw:
            return None
        # 3-5万元, 三千到五千万元, 六到七百亿: a scale written once, at the end, applies to both ends
        # (unless the low end would pass the high one: 从6000到2万).
        tail2 = _SCALE_TAIL.search(m.group("num2"))
        if tail2 and not _BIG_IN.search(num):
            tail1 = _SCALE_TAIL.search(num)
            mine = tail1.group() if tail1 else ""
            extra = tail2.group()[len(mine):] if tail2.group().startswith(mine) else ""
            factor = float(_integer(extra) or 1.0) if extra else 1.0
            if value * factor <= hi:
                value *= factor
        if hi < value:
            return None
        value_max = hi * scale
    if vague:
        if not _MAG_ONLY.fullmatch(num):
            return None  # 数 and 上 qualify a bare magnitude only: 数百, 上万
        value_max = None if vague == "上" else value * 10 * scale
    if fuzz:
        value_max = (value + _step(num, value)) * scale
    value *= scale
    unit = _UNIT_NORM.get(unit_raw, unit_raw)
    if m.group("jiao"):  # 45元6角7分
        value += _digit(m.group("jiao")) * 0.1 + (_digit(m.group("fen")) * 0.01 if m.group("fen") else 0.0)
    if m.group("rmb") or m.group("rmb2"):
        currency = _CURRENCY_OF.get(m.group("rmb") or "人民币", "元")
        if unit and unit not in ("元", currency):
            return None
        unit = currency
    if m.group("per") and unit:
        unit += m.group("per")
    duration = unit in DURATION_UNITS
    if strict and num in ("一", "壹") and not (vague or fuzz or ranged or m.group("pre")) and unit \
            and unit not in _CLASSIFIER_ONE_OK and unit != "%":
        return None  # 一个, 一家: the article "a", not a count
    q = Quantity(_clean(value), unit, _qualifier(m, ranged), None if value_max is None else _clean(value_max))
    return q, duration, not unit


def _digit(c: str) -> int:
    return int(c) if c.isdigit() else _DIGIT[c]


def _fraction_match(m: re.Match[str]) -> Quantity | None:
    qual = _POST_Q[m.group("post")] if m.group("post") else (_PRE_Q[m.group("pre")] if m.group("pre") else None)
    if m.group("a"):
        a, b = int(m.group("a")), int(m.group("b"))
        if b == 0 or a >= b:
            return None
        return Quantity(round(a / b, 4), "share", qual)
    if m.group("half"):
        half = m.group("half")
        if half in ("过半", "大半"):
            qual = ">"
        return Quantity(0.5, "share", qual)
    if m.group("cheng"):
        return Quantity(float(_DIGIT[m.group("cheng")] * 10), "%", qual)
    den, nom = m.group("den"), m.group("nom")
    top = cn_number(nom)
    if top is None:
        return None
    if den == "百":
        return Quantity(_clean(top), "%", qual)
    if den == "千":
        return Quantity(_clean(top), "‰", qual)
    bottom = cn_number(den)
    if not bottom:
        return None
    return Quantity(round(top / bottom, 4), "share", qual)


def find_quantities(text: str, halfwidth_text: str | None = None) -> list[QuantityMatch]:
    """Quantity expressions in `text`, in order, with offsets into `text`. Never raises.

    Skipped: ordinals (第三), numbers glued to Latin letters (5G, CN11), bare 一 with a
    classifier (一个), times (年, 月) unless the context makes them a duration, and bare
    numbers with neither unit nor qualifier (2019, 十九; 达到12亿 is kept, flagged `bare`).
    Dates are not filtered here: callers that see dates mask them (see `metrics`).
    `halfwidth_text`, when the caller has it, is `halfwidth(text)` (saves a pass over the text).
    """
    try:
        if halfwidth_text is None or len(halfwidth_text) != len(text):
            halfwidth_text = halfwidth(text)
        return _find(text, halfwidth_text)
    except (ValueError, KeyError, OverflowError, IndexError, TypeError, ZeroDivisionError):
        return []


def _find(text: str, src: str) -> list[QuantityMatch]:
    found: list[QuantityMatch] = []
    for m in _FRACTION.finditer(src):
        q = _fraction_match(m)
        if q is not None and not _ordinal(src, m.start("pre") if m.group("pre") else m.start()):
            core = m.end("pre") if m.group("pre") else m.start()
            found.append(QuantityMatch(m.start(), m.end(), text[m.start():m.end()], q, core))
    taken = [(f.start, f.end) for f in found]
    for m in _MAIN.finditer(src):
        start, end = m.span()
        if any(s < end and start < e for s, e in taken):
            continue
        if not (m.group("unit") or m.group("pre") or m.group("big") or m.group("post") or m.group("fuzz")
                or m.group("mag") or m.group("rmb") or m.group("rmb2")):
            continue  # a bare number: 2019, 一, 十九 (parse_quantity still reads one on its own)
        num_start = m.start("vague") if m.group("vague") else m.start("num")
        if _ordinal(src, num_start) or _glued_latin(src, num_start, m.end("num"), m):
            continue
        got = _main_match(src, m)
        if got is None:
            continue
        q, duration, bare = got
        if duration and not _is_duration(src, m):
            continue
        if not m.group("pre") and m.group("rmb") is None:
            start = num_start
        found.append(QuantityMatch(start, end, text[start:end], q, num_start, duration, bare))
    found.sort(key=lambda f: f.start)
    return found


def _ordinal(src: str, pos: int) -> bool:
    return pos > 0 and src[pos - 1] == "第"


def _glued_latin(src: str, start: int, end: int, m: re.Match[str]) -> bool:
    before = src[start - 1] if start > 0 else ""
    after = src[end] if end < len(src) else ""
    if _LATIN.match(before) or before in "-/.":
        return True
    return bool(_LATIN.match(after)) and not m.group("unit")


def _is_duration(src: str, m: re.Match[str]) -> bool:
    return bool(_DURATION_AFTER.match(src, m.end()) or _DURATION_BEFORE.search(src, max(0, m.start() - 4),
                                                                               m.start()))


_WHOLE_PRE = re.compile(r"^\s*(?P<neg>负|-|−)?")


def parse_quantity(text: str) -> Quantity | None:
    """Parse one quantity expression (约4.287亿美元, 三分之一, 两万); None if it is not one. Never raises."""
    try:
        if not isinstance(text, str) or not text.strip() or len(text) > 200:
            return None
        s = halfwidth(text).strip()
        neg = _WHOLE_PRE.match(s)
        sign = -1.0 if neg and neg.group("neg") else 1.0
        if sign < 0:
            s = s[neg.end():]
        return _parse_one(s, sign)
    except (ValueError, KeyError, OverflowError, IndexError, TypeError, ZeroDivisionError):
        return None


_FROM_TO = re.compile(r"^(?:从|由)(?=.+(?:到|至))")
# Colloquial money: 8k, 20w, 8k-12k (k a thousand, w 万).
_KW = re.compile(r"^(\d+(?:\.\d+)?)([kKwW])(?:\s*(?:-|~|～|到|至)\s*(\d+(?:\.\d+)?)([kKwW]))?\s*(元|块)?$")
_KW_SCALE = {"k": 1e3, "w": 1e4}


def _parse_one(s: str, sign: float) -> Quantity | None:
    if s in _BIG:
        return None  # 万 alone is a magnitude word
    s = _FROM_TO.sub("", s)
    kw = _KW.match(s)
    if kw:
        lo = float(kw.group(1)) * _KW_SCALE[kw.group(2).lower()]
        hi = float(kw.group(3)) * _KW_SCALE[kw.group(4).lower()] if kw.group(3) else None
        if hi is not None and hi < lo:
            return None
        return _signed(Quantity(_clean(lo), "元" if kw.group(5) else "", "~" if hi else None,
                                None if hi is None else _clean(hi)), sign)
    m = _FRACTION.fullmatch(s)
    if m:
        q = _fraction_match(m)
        return _signed(q, sign)
    m = _MAIN.fullmatch(s)
    if m is None:
        m = _MAIN.match(s)  # tolerate trailing words: 100家企业
        if m is None or not (m.group("unit") or m.group("big")) or m.start() != 0:
            return None
    got = _main_match(s, m, strict=False)
    if got is None:
        value = cn_number(m.group("num")) if m.group("num") == s and s not in _BIG else None
        return None if value is None else Quantity(_clean(sign * value), "")
    return _signed(got[0], sign)


def _signed(q: Quantity | None, sign: float) -> Quantity | None:
    if q is None or sign > 0:
        return q
    vmax = None if q.value_max is None else -q.value_max
    return Quantity(-q.value, q.unit, q.qualifier, vmax)
