"""How values read in the panes: numbers as Chinese readers write them, periods, clipped labels."""
from __future__ import annotations

from rich.cells import cell_len, set_cell_size
from zgc.db.text import chinese_number as fmt_number

__all__ = ["cell", "clip", "compact_period", "fmt_number", "query_label"]


def cell(v: object) -> str:
    """A cell's text: None shows as nothing."""
    return "" if v is None else str(v)


def clip(text: str, width: int) -> str:
    """`text` cut to at most `width` cells, with … where it was cut."""
    return text if cell_len(text) <= width else set_cell_size(text, max(0, width - 1)) + "…"


def query_label(name: str, value: str) -> str:
    return value if value else "(none)"


def compact_period(period: str | None) -> str:
    """2019-01/2019-11 → 2019-01~11; 2015/2019 → 2015~2019."""
    if not period:
        return ""
    a, sep, b = period.partition("/")
    if not sep:
        return period
    if a[:4] == b[:4] and len(a) > 4 and len(b) > 4:
        return f"{a}~{b[5:]}"
    return f"{a}~{b}"
