"""Shared fixtures: the real catalog built from the bundled seeds, and synthetic ones."""
from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

# The app keeps a filter history and reads a keymap from the user's folders, the build keeps jieba's
# dictionary in the user's cache: never the real ones in tests.
_HOME = tempfile.mkdtemp(prefix="zgc-test-home-")
os.environ["XDG_CONFIG_HOME"] = os.path.join(_HOME, "config")
os.environ["XDG_STATE_HOME"] = os.path.join(_HOME, "state")
os.environ["XDG_CACHE_HOME"] = os.path.join(_HOME, "cache")


@pytest.fixture(scope="session")
def seed_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The catalog of the bundled corpus, built once per test session (never written by the tests)."""
    from zgc.db.build import build_catalog
    from zgc.db.paths import bundled_corpus

    db = tmp_path_factory.mktemp("seed") / "catalog.db"
    build_catalog([bundled_corpus()], db, jobs=1, corpus="bundled seeds")
    return db


@pytest.fixture(scope="session")
def synthetic_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small catalog of known synthetic rows (every table filled, offsets exact)."""
    from catalogs import make_catalog

    return make_catalog(tmp_path_factory.mktemp("synthetic") / "synthetic.db")
