"""The layers stay apart: db/ knows nothing of the UI, the query layer never loads jieba, one writer."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _loaded_after(code: str) -> set[str]:
    out = subprocess.run([sys.executable, "-c", code + "\nprint(','.join(sorted(sys.modules)))"],
                         capture_output=True, text=True, check=True)
    return set(out.stdout.strip().split(","))


def test_db_never_imports_textual():
    loaded = _loaded_after(
        "import sys, importlib, pkgutil, zgc.db\n"
        "for pkg in [zgc.db] + [importlib.import_module('zgc.db.' + m.name)"
        " for m in pkgutil.iter_modules(zgc.db.__path__) if m.ispkg]:\n"
        "    for m in pkgutil.iter_modules(pkg.__path__):\n"
        "        importlib.import_module(pkg.__name__ + '.' + m.name)\n")
    assert "zgc.db.extract.entities" in loaded and "zgc.db.catalog.write" in loaded  # it did import them all
    assert not {n for n in loaded if n.startswith(("textual", "zgc.tui"))}


def test_query_layer_never_loads_jieba():
    loaded = _loaded_after("import sys, zgc.db.query, zgc.db.catalog")
    assert "zgc.db.query.lookups" in loaded
    assert not {n for n in loaded if n.startswith("jieba") or n == "zgc.db.segment"}


def test_only_the_catalog_writer_inserts_rows():
    inserts = re.compile(r"INSERT\s+(OR\s+\w+\s+)?INTO", re.I)
    offenders = []
    for folder in ("db", "tui", "tests", "bench"):
        for path in (ROOT / folder).rglob("*.py"):
            if path.is_relative_to(ROOT / "db" / "catalog") or path == Path(__file__).resolve():
                continue
            offenders += [f"{path.relative_to(ROOT)}:{i}" for i, line in enumerate(path.read_text().splitlines(), 1)
                          if inserts.search(line)]
    assert not offenders
