"""db/ knows nothing of the UI: importing the pipeline and the query layer never loads Textual."""
from __future__ import annotations

import subprocess
import sys


def test_db_never_imports_textual():
    code = (
        "import sys, importlib, pkgutil, zgc.db\n"
        "for m in pkgutil.iter_modules(zgc.db.__path__):\n"
        "    importlib.import_module('zgc.db.' + m.name)\n"
        "bad = sorted(n for n in sys.modules if n.split('.')[0] in ('textual', 'zgc') and n.startswith(('textual', 'zgc.tui')))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
