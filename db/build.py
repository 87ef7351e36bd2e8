"""Building a catalog: files → articles → extraction → one SQLite file.

The catalog is written to a temporary file beside the target and renamed into
place only when complete, so a failed or interrupted build never touches the
previous catalog. Files are processed in parallel (one process per core) but
their rows are written in the order of the sorted file list, so the same input
always gives the same rows.
"""
from __future__ import annotations

import contextlib
import gc
import json
import os
import signal
import sqlite3
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from importlib.metadata import PackageNotFoundError, version
from multiprocessing import get_context
from pathlib import Path

from . import schema, segment
from .entities import byline_mentions, extract_entities, lexicon
from .events import extract_events, notice_events, timeline_key
from .metrics import extract_metrics
from .reader import read_document
from .records import Article, ArticleText, EntityMention, Event, Metric, Problem
from .splitter import split_page

SUFFIXES = (".txt", ".md")

Progress = Callable[[int, int, str], None]


def zgc_version() -> str:
    try:
        return version("zgc")
    except PackageNotFoundError:
        return "0+unknown"


@dataclass
class ArticleResult:
    article: Article
    title_index: str
    body_index: str
    metrics: list[Metric]
    events: list[Event]
    mentions: list[EntityMention]
    # Each metric's full-text fields (subject, scope, text), made in the worker to spare the writer.
    metrics_index: list[tuple[str, str, str]]


@dataclass
class FileResult:
    path: str
    encoding: str | None = None
    sha256: str | None = None
    size: int = 0
    chars: int = 0
    articles: list[ArticleResult] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


@dataclass
class BuildSummary:
    db_path: str
    files: int = 0
    documents: int = 0
    duplicates: int = 0
    articles: int = 0
    metrics: int = 0
    events: int = 0
    entities: int = 0
    chars: int = 0
    seconds: float = 0.0
    problems: list[Problem] = field(default_factory=list)

    @property
    def failed_files(self) -> int:
        """Files that were skipped (a truncated file is kept, so it does not count)."""
        return len({p.path for p in self.problems if p.reason not in ("truncated", "duplicate")})

    @property
    def exit_status(self) -> int:
        return 1 if self.failed_files else 0

    def as_dict(self) -> dict:
        return {
            "db": self.db_path,
            "files": self.files,
            "documents": self.documents,
            "duplicates": self.duplicates,
            "articles": self.articles,
            "metrics": self.metrics,
            "events": self.events,
            "entities": self.entities,
            "chars": self.chars,
            "problems": [{"path": p.path, "reason": p.reason, "detail": p.detail} for p in self.problems],
            "seconds": round(self.seconds, 3),
        }


class BuildError(Exception):
    """Nothing could be built (no input files, an unwritable target)."""


# ---------------------------------------------------------------- input files


def collect_files(paths: Iterable[Path]) -> tuple[list[Path], list[Problem]]:
    """The .txt and .md files under `paths`, sorted, each once; symlink loops are cut."""
    found: dict[str, Path] = {}
    problems: list[Problem] = []
    for root in paths:
        root = Path(root)
        if root.is_file():
            found.setdefault(os.path.realpath(root), root)
            continue
        if not root.exists():
            problems.append(Problem(str(root), "missing", "no such file or folder"))
            continue
        seen_dirs: set[str] = set()
        for dirpath, dirnames, filenames in os.walk(root, followlinks=True):
            real = os.path.realpath(dirpath)
            if real in seen_dirs:
                dirnames[:] = []
                problems.append(Problem(dirpath, "symlink loop", f"already read as {real}"))
                continue
            seen_dirs.add(real)
            dirnames.sort()
            for name in sorted(filenames):
                if name.lower().endswith(SUFFIXES) and not name.startswith("."):
                    p = Path(dirpath) / name
                    found.setdefault(os.path.realpath(p), p)
    return sorted(found.values(), key=lambda p: str(p)), problems


# ---------------------------------------------------------------- one file


def process_file(path: str) -> FileResult:
    """Read, split and extract one file. Never raises: failures become problems."""
    doc, problems = read_document(Path(path))
    result = FileResult(path, problems=list(problems))
    if doc is None:
        return result
    result.encoding, result.sha256, result.size, result.chars = doc.encoding, doc.sha256, doc.size, len(doc.text)
    try:
        for article in split_page(doc.text):
            result.articles.append(process_article(article))
    except Exception as err:  # a bug in one extractor must not cost the rest of the corpus
        result.problems.append(Problem(path, "extraction failed", f"{type(err).__name__}: {err}"))
        result.articles = []
    return result


def process_article(article: Article) -> ArticleResult:
    body_tokens = segment.tokens(article.body)
    title_tokens = segment.tokens(article.title)
    text = ArticleText(
        body=article.body,
        title=article.title,
        published=article.published,
        publication=article.publication,
        tokens=tuple(body_tokens),
        title_tokens=tuple(title_tokens),
    )
    metrics = extract_metrics(text)
    return ArticleResult(
        article=article,
        title_index=segment.index_text(title_tokens),
        body_index=segment.index_text(body_tokens),
        metrics=metrics,
        events=_notice_events(article) + extract_events(text),
        mentions=byline_mentions(article.authors) + extract_entities(text),
        metrics_index=[(segment.chars_text(m.subject or ""), segment.chars_text(m.scope or ""),
                        segment.chars_text(m.text)) for m in metrics],
    )


def _notice_events(article: Article) -> list[Event]:
    """Dates of a notice's metadata lines; they stand before the body, so their spans are (0, 0).

    The catalog then shows the line itself (the event's summary) as its sentence.
    """
    if not article.meta:
        return []
    return [replace(e, start=0, end=0, sentence_start=0, sentence_end=0)
            for e in notice_events(article.meta, article.title, article.issuer)]


def _results(files: list[Path], jobs: int) -> Iterator[FileResult]:
    names = [str(p) for p in files]
    segment.tokenizer()
    lexicon()  # before the fork, so workers share it instead of each building its own
    # jieba's dictionary is millions of long-lived objects: keep the collector from walking them
    # again and again (and forked workers from touching their pages).
    gc.freeze()
    if jobs <= 1 or len(names) <= 1:
        for name in names:
            yield process_file(name)
        return
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=get_context("fork"), initializer=_worker_init)
    try:
        yield from pool.map(process_file, names, chunksize=1)
    finally:
        # On ctrl+c or an error, drop the queued files instead of finishing them.
        pool.shutdown(wait=True, cancel_futures=True)


def _worker_init() -> None:
    # ctrl+c reaches the whole process group; only the parent handles it.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


# ---------------------------------------------------------------- the catalog


def build_catalog(
    paths: Iterable[Path],
    db_path: Path,
    *,
    jobs: int | None = None,
    progress: Progress | None = None,
    corpus: str | None = None,
) -> BuildSummary:
    """Build the catalog of `paths` at `db_path`, replacing any previous one atomically."""
    started = time.perf_counter()
    paths = [Path(p) for p in paths]
    db_path = Path(db_path)
    files, problems = collect_files(paths)
    summary = BuildSummary(str(db_path), files=len(files), problems=list(problems))
    if not files:
        raise BuildError("no .txt or .md files in " + ", ".join(str(p) for p in paths))
    db_path.parent.mkdir(parents=True, exist_ok=True)
    _remove_stale_temporaries(db_path)
    tmp = db_path.with_name(f".{db_path.name}.{os.getpid()}.tmp")
    try:
        conn = sqlite3.connect(tmp)
        try:
            _write(conn, files, jobs or os.cpu_count() or 1, progress, summary)
            _write_meta(conn, corpus or ", ".join(str(p) for p in paths), summary)
            conn.commit()
        finally:
            conn.close()
        if summary.documents == 0:
            raise BuildError("none of the files could be read: " + "; ".join(
                f"{p.path}: {p.reason}" for p in summary.problems[:5]))
        with open(tmp, "rb+") as f:
            os.fsync(f.fileno())
        os.replace(tmp, db_path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    summary.seconds = time.perf_counter() - started
    return summary


def _remove_stale_temporaries(db_path: Path) -> None:
    """Temporaries left by builds that were killed: their process is gone."""
    for old in db_path.parent.glob(f".{db_path.name}.*.tmp"):
        try:
            pid = int(old.name.rsplit(".", 2)[-2])
        except ValueError:
            continue
        if pid == os.getpid() or not _alive(pid):
            with contextlib.suppress(OSError):
                old.unlink()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class _Entities:
    """Entities merged across the corpus by (name, type), with ids in order of first mention."""

    def __init__(self) -> None:
        self.ids: dict[tuple[str, str], int] = {}
        self.aliases: dict[int, set[str]] = defaultdict(set)
        self.roles: dict[int, Counter[str]] = defaultdict(Counter)
        self.mentions: Counter[int] = Counter()
        self.articles: dict[int, set[int]] = defaultdict(set)

    def add(self, m: EntityMention, article_id: int) -> int:
        key = (m.name, m.type)
        eid = self.ids.setdefault(key, len(self.ids) + 1)
        for alias in (m.text, *m.aliases):
            if alias and alias != m.name:
                self.aliases[eid].add(alias)
        if m.role:
            self.roles[eid][m.role] += 1
        self.mentions[eid] += 1
        self.articles[eid].add(article_id)
        return eid


def _write(conn: sqlite3.Connection, files: list[Path], jobs: int, progress: Progress | None,
           summary: BuildSummary) -> None:
    conn.execute("PRAGMA journal_mode=OFF")
    conn.execute("PRAGMA synchronous=OFF")
    conn.executescript(schema.TABLES + schema.FTS)
    entities = _Entities()
    timeline: dict[tuple, int] = {}
    timeline_rows: dict[int, list] = {}
    by_sha: dict[str, int] = {}
    article_id = metric_id = event_id = mention_id = 0
    for n, result in enumerate(_results(files, jobs), 1):
        if progress:
            progress(n, len(files), result.path)
        summary.problems.extend(result.problems)
        if result.sha256 is None:
            continue
        summary.chars += result.chars
        doc_id = n
        duplicate_of = by_sha.get(result.sha256)
        conn.execute(
            "INSERT INTO documents (id, path, sha256, encoding, bytes, chars, duplicate_of) VALUES (?,?,?,?,?,?,?)",
            (doc_id, result.path, result.sha256, result.encoding, result.size, result.chars, duplicate_of),
        )
        if duplicate_of is not None:
            summary.duplicates += 1
            summary.problems.append(Problem(result.path, "duplicate", f"same content as document {duplicate_of}"))
            continue
        by_sha[result.sha256] = doc_id
        summary.documents += 1
        # One executemany per table and file: a statement per row cost more than the rows.
        mentions, articles, articles_fts, metrics, metrics_fts, events = [], [], [], [], [], []
        for seq, ar in enumerate(result.articles):
            article_id += 1
            a = ar.article
            eids = set()
            for m in ar.mentions:
                mention_id += 1
                eid = entities.add(m, article_id)
                eids.add(eid)
                mentions.append((mention_id, eid, article_id, m.text, m.role, m.start, m.end))
            articles.append(
                (article_id, doc_id, result.path, seq, a.title, a.subtitle,
                 json.dumps(list(a.authors), ensure_ascii=False),
                 a.publication, a.published, _year(a.published), a.kind, a.doc_number, a.issuer, a.body,
                 len(a.body), a.start, a.end, a.body_start, len(ar.metrics), len(ar.events), len(eids)),
            )
            articles_fts.append((article_id, ar.title_index, ar.body_index))
            for m, index in zip(ar.metrics, ar.metrics_index, strict=True):
                metric_id += 1
                metrics.append(
                    (metric_id, article_id, m.text, m.value, m.value_max, m.unit, m.qualifier, m.period,
                     _year(m.period) or _year(a.published), m.subject, m.scope, m.kind, m.sentence_start,
                     m.sentence_end, m.start, m.end),
                )
                metrics_fts.append((metric_id, *index))
            for e in ar.events:
                event_id += 1
                key = timeline_key(e)
                tid = timeline.get(key)
                if tid is None:
                    tid = timeline[key] = len(timeline) + 1
                    timeline_rows[tid] = [tid, e.date, e.precision, _year(e.date), e.actor, e.action, e.document,
                                          e.summary, int(e.is_policy), 0]
                timeline_rows[tid][-1] += 1
                events.append(
                    (event_id, article_id, e.date, e.precision, _year(e.date), e.actor, e.action, e.document,
                     e.summary, int(e.is_policy), e.sentence_start, e.sentence_end, e.start, e.end, tid),
                )
        conn.executemany(
            "INSERT INTO mentions (id, entity_id, article_id, text, role, start, end) VALUES (?,?,?,?,?,?,?)",
            mentions,
        )
        conn.executemany(
            "INSERT INTO articles (id, document_id, source_file, seq, title, subtitle, authors, publication,"
            " published, year, kind, doc_number, issuer, body, chars, start, end, body_start,"
            " n_metrics, n_events, n_entities) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            articles,
        )
        conn.executemany("INSERT INTO articles_fts (rowid, title, body) VALUES (?,?,?)", articles_fts)
        conn.executemany(
            "INSERT INTO metrics (id, article_id, text, value, value_max, unit, qualifier, period, year,"
            " subject, scope, kind, sentence_start, sentence_end, start, end) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            metrics,
        )
        conn.executemany("INSERT INTO metrics_fts (rowid, subject, scope, text) VALUES (?,?,?,?)", metrics_fts)
        conn.executemany(
            "INSERT INTO events (id, article_id, date, precision, year, actor, action, document, summary,"
            " is_policy, sentence_start, sentence_end, start, end, timeline_id) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            events,
        )
    summary.articles, summary.metrics, summary.events = article_id, metric_id, event_id
    _write_timeline(conn, timeline_rows)
    _write_entities(conn, entities)
    summary.entities = len(entities.ids)
    _write_facets(conn)
    conn.executescript(schema.INDEXES + schema.VIEWS)
    conn.execute("INSERT INTO articles_fts(articles_fts) VALUES ('optimize')")
    conn.execute("ANALYZE")  # lets SQLite pick good plans for the app's filters
    conn.commit()
    # Merging the full-text segments leaves about a sixth of the file free; VACUUM costs ~2% of a build.
    conn.execute("VACUUM")


def _write_timeline(conn: sqlite3.Connection, rows: dict[int, list]) -> None:
    conn.executemany(
        "INSERT INTO timeline (id, date, precision, year, actor, action, document, summary, is_policy, n_sources)"
        " VALUES (?,?,?,?,?,?,?,?,?,?)",
        [rows[k] for k in sorted(rows)],
    )
    conn.executemany(
        "INSERT INTO events_fts (rowid, actor, action, document, summary) VALUES (?,?,?,?,?)",
        [(r[0], segment.chars_text(r[4] or ""), segment.chars_text(r[5] or ""), segment.chars_text(r[6] or ""),
          segment.chars_text(r[7])) for r in (rows[k] for k in sorted(rows))],
    )


def _write_entities(conn: sqlite3.Connection, ents: _Entities) -> None:
    for (name, etype), eid in sorted(ents.ids.items(), key=lambda kv: kv[1]):
        roles = ents.roles.get(eid, Counter())
        role = roles.most_common(1)[0][0] if roles else None
        aliases = sorted(ents.aliases.get(eid, ()))
        conn.execute(
            "INSERT INTO entities (id, name, type, role, n_mentions, n_articles) VALUES (?,?,?,?,?,?)",
            (eid, name, etype, role, ents.mentions[eid], len(ents.articles[eid])),
        )
        conn.executemany("INSERT INTO entity_aliases (entity_id, alias) VALUES (?,?)", [(eid, a) for a in aliases])
        conn.executemany("INSERT INTO entity_roles (entity_id, role) VALUES (?,?)", [(eid, r) for r in sorted(roles)])
        conn.execute(
            "INSERT INTO entities_fts (rowid, name, aliases, role) VALUES (?,?,?,?)",
            (eid, segment.chars_text(name), segment.chars_text(" ".join(aliases)),
             segment.chars_text(" ".join(sorted(roles)))),
        )


# Unfiltered facet counts, precomputed so the app never counts a million rows at start-up.
FACETS = {
    ("articles", "kind"): "SELECT kind, count(*) FROM articles GROUP BY 1",
    ("articles", "year"): "SELECT year, count(*) FROM articles WHERE year IS NOT NULL GROUP BY 1",
    ("articles", "publication"): "SELECT publication, count(*) FROM articles WHERE publication IS NOT NULL GROUP BY 1",
    ("metrics", "unit"): "SELECT unit, count(*) FROM metrics GROUP BY 1",
    ("metrics", "kind"): "SELECT kind, count(*) FROM metrics GROUP BY 1",
    ("metrics", "year"): "SELECT year, count(*) FROM metrics WHERE year IS NOT NULL GROUP BY 1",
    ("entities", "type"): "SELECT type, count(*) FROM entities GROUP BY 1",
    ("timeline", "policy"): "SELECT CASE is_policy WHEN 1 THEN 'policy' ELSE 'other' END, count(*)"
                            " FROM timeline GROUP BY 1",
    ("timeline", "year"): "SELECT year, count(*) FROM timeline GROUP BY 1",
    ("timeline", "actor"): "SELECT actor, count(*) FROM timeline WHERE actor IS NOT NULL GROUP BY 1",
}


def _write_facets(conn: sqlite3.Connection) -> None:
    for (pane, facet), sql in FACETS.items():
        conn.executemany(
            "INSERT INTO facets (pane, facet, value, n) VALUES (?,?,?,?)",
            [(pane, facet, str(value), n) for value, n in conn.execute(sql)],
        )


def _write_meta(conn: sqlite3.Connection, corpus: str, summary: BuildSummary) -> None:
    meta = {
        "schema_version": str(schema.SCHEMA_VERSION),
        "zgc_version": zgc_version(),
        "built_at": datetime.now(timezone.utc).replace(microsecond=0).isoformat(),
        "corpus": corpus,
        "files": str(summary.files),
        "chars": str(summary.chars),
    }
    conn.executemany("INSERT INTO meta (key, value) VALUES (?, ?)", sorted(meta.items()))
    conn.executemany(
        "INSERT INTO problems (path, reason, detail) VALUES (?,?,?)",
        [(p.path, p.reason, p.detail) for p in summary.problems],
    )


def _year(iso: str | None) -> int | None:
    if iso and len(iso) >= 4 and iso[:4].isdigit():
        return int(iso[:4])
    return None
