"""Where things live: the default catalog, the bundled corpus, the cache of loaded data."""
from __future__ import annotations

import os
from pathlib import Path


def default_db_path() -> Path:
    """`$ZGC_DB`, else `$XDG_DATA_HOME/zgc/catalog.db` (~/.local/share/zgc/catalog.db)."""
    env = os.environ.get("ZGC_DB")
    if env:
        return Path(env).expanduser()
    data_home = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(data_home).expanduser() / "zgc" / "catalog.db"


def cache_dir() -> Path:
    """`$XDG_CACHE_HOME/zgc` (~/.cache/zgc): data zgc can always make again, kept to start faster."""
    cache_home = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(cache_home).expanduser() / "zgc"


def bundled_corpus() -> Path:
    """The seed pages shipped inside the package (zgc/seeds)."""
    return Path(__file__).resolve().parent.parent / "seeds"
