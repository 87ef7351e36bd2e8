"""zgc's pipeline and query layer: reading, splitting, extraction, the catalog.

Nothing here imports the UI. The parsers are public for scripting::

    from zgc.db import parse_quantity, parse_date
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .extract.dates import parse_date
    from .extract.numbers import parse_quantity

__all__ = ["parse_date", "parse_quantity"]


def __getattr__(name: str) -> Any:
    # Lazy, so that `import zgc.db.query` in the app does not pay for the parsers.
    if name == "parse_quantity":
        from .extract.numbers import parse_quantity

        return parse_quantity
    if name == "parse_date":
        from .extract.dates import parse_date

        return parse_date
    raise AttributeError(name)
