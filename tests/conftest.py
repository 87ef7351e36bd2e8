"""Shared fixtures: the real catalog built from the bundled seeds, and synthetic ones."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))


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
