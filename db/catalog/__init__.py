"""The catalog file: its schema, the one writer (write.py), and opening it for reading (open.py).

Importing this package gives the reading side only; the writer pulls in the
extractors (and jieba) and is imported by the build alone.
"""
from __future__ import annotations

from .open import CatalogError, Identity, OutdatedCatalog, Pool, connect, identity, validate

__all__ = ["CatalogError", "Identity", "OutdatedCatalog", "Pool", "connect", "identity", "validate"]
