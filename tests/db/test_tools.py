"""The catalog in the tools the README names: sqlite-utils' search and Datasette's search box find articles."""
from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import sqlite_utils


def test_sqlite_utils_finds_the_articles_index(seed_db: Path):
    db = sqlite_utils.Database(seed_db)
    assert db["articles"].detect_fts() == "articles_fts"
    hits = list(db["articles"].search("专利"))
    with sqlite3.connect(seed_db) as conn:
        expected = {r[0] for r in conn.execute(
            "SELECT id FROM articles WHERE body LIKE '%专利%' OR title LIKE '%专利%'")}
    assert hits and {h["id"] for h in hits} == expected
    assert all("专利" in h["body"] or "专利" in h["title"] for h in hits)


def test_sqlite_utils_command_line_search(seed_db: Path):
    out = subprocess.run([sys.executable, "-m", "sqlite_utils", "search", str(seed_db), "articles", "专利",
                          "-c", "title", "--csv"], capture_output=True, text=True, check=True)
    titles = out.stdout.splitlines()[1:]
    assert titles and "我国知识产权质量效益持续提升" in titles


def test_datasette_table_page_searches_articles(seed_db: Path):
    import asyncio

    from datasette import app as datasette

    async def search():
        ds = datasette.Datasette([str(seed_db)])
        name = seed_db.stem
        page = await ds.client.get(f"/{name}/articles.json?_search=专利&_shape=array&_col=title")
        html = await ds.client.get(f"/{name}/articles")
        return page, html

    page, html = asyncio.run(search())
    assert page.status_code == 200, page.text
    titles = [r["title"] for r in page.json()]
    assert "我国知识产权质量效益持续提升" in titles
    assert 'name="_search"' in html.text  # the search box is offered
