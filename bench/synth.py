"""Synthetic corpora and catalogs for the benchmark (bench/bench.py), made from the seeds.

Everything starts from a real catalog built from seeds/ with `build_catalog`: its
article paragraphs, titles, page headers, metrics (subject, scope, unit, kind),
events and entities. Synthetic pages recombine those paragraphs and vary their
numbers, years and person names; synthetic catalogs recombine the extracted rows
the same way and write every table the app reads just as `zgc.db.build` does.
Both are deterministic for a given seed (random.Random(seed)).

    python bench/synth.py corpus DIR --pages 1000
    python bench/synth.py catalog X.db --rows 100000
"""
from __future__ import annotations

import argparse
import json
import math
import re
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from zgc.db import segment
from zgc.db.build import build_catalog, zgc_version
from zgc.db.catalog import schema
from zgc.db.catalog.write import CatalogWriter, EntityRow

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

# Proportions of the seeds' gold catalog (32 articles, 216 metrics, 54 events, 361
# entity mentions in 31,882 characters): one article per 6.75 metrics, one event per
# 4 metrics. Unique entities grow slower than mentions across a corpus, so a
# synthetic catalog holds one entity per 5 metrics and 1.5 mentions per metric.
METRICS_PER_ARTICLE = 6.75
METRICS_PER_EVENT = 4.0
METRICS_PER_ENTITY = 5.0
MENTIONS_PER_METRIC = 1.5
EVENTS_PER_TIMELINE = 1.15  # the same event reported by several articles
ARTICLES_PER_DOCUMENT = 3.0
# Synthetic catalog articles keep 1-3 seed paragraphs (about 500 characters, half a
# seed article) so a million-metric catalog is generated in about a minute; the
# metrics, events and entities panes are unaffected, the articles index is smaller.
PARAGRAPHS_PER_ARTICLE = (1, 3)

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍建国志红文辉新立海波宁晨宇浩然子涵思远嘉欣雨轩博文一鸣佳琪梓萱俊杰"
PLACES = ("海淀", "朝阳", "丰台", "昌平", "亦庄", "顺义", "通州", "石景山", "大兴", "房山", "西城", "东城",
          "上海", "深圳", "杭州", "武汉", "成都", "西安", "南京", "苏州", "合肥", "广州", "天津", "济南",
          "青岛", "长沙", "郑州", "沈阳", "厦门", "宁波", "无锡", "昆山", "东莞", "佛山", "福州", "重庆")
SCOPES = ("中关村示范区", "全国", "北京市", "海淀园", "{p}高新区", "{p}市", "{p}园区", "国家高新区")
ORG_SUFFIXES = ("有限公司", "科技有限公司", "研究院", "创新中心", "产业联盟", "基金", "集团", "实验室")

_NUM = re.compile(r"\d+(?:\.\d+)?")
_PERSON_CUE = re.compile(
    r"(?:主任|副主任|局长|副局长|书记|记者|院长|副市长|市长|部长|副部长|董事长|总经理|主席|理事长|教授|司长|处长)"
    r"([\u4e00-\u9fa5]{2,3})(?=[，、,。：:就表示说指出介绍在]|\s)")
# A quantity as these pages write it; a fallback while the seed catalog has no metrics.
_QUANTITY = re.compile(
    r"(?P<q>约|超过|超|近|达到|达|逾|突破)?(?P<num>\d+(?:\.\d+)?)(?P<more>多|余)?(?P<mag>万亿|亿|万|千)?"
    r"(?P<unit>美元|元|件|家|个|项|人次|人|户|%|平方米|亩|吨|台|所|倍)")
_MAG = {"万亿": 1e12, "亿": 1e8, "万": 1e4, "千": 1e3, None: 1.0}
_QUAL = {"约": "~", "超过": ">", "超": ">", "近": "<~", "达到": "=", "达": "=", "逾": ">~", "突破": ">"}
_CLAUSE_CUT = re.compile(r"[，。；：、,;:！？（）()“”\s]")


# ---------------------------------------------------------------- seed material


@dataclass
class SeedMetric:
    text: str
    value: float
    unit: str
    qualifier: str | None
    period: str | None
    subject: str | None
    scope: str | None
    kind: str


@dataclass
class SeedEvent:
    date: str
    precision: str
    actor: str | None
    action: str | None
    document: str | None
    summary: str
    is_policy: int


@dataclass
class Material:
    """What the generators recombine, all taken from a catalog of the seeds."""

    paragraphs: list[str]
    titles: list[str]
    headers: list[str]
    publications: list[str | None]
    metrics: list[SeedMetric]
    events: list[SeedEvent]
    entities: list[tuple[str, str, str | None]]  # name, type, role
    persons: list[str]
    # Filled lazily for catalogs: each paragraph with its search-index text.
    indexed: list[tuple[str, str]] = field(default_factory=list)
    titles_indexed: list[tuple[str, str]] = field(default_factory=list)


def load_material(seeds: Path = SEEDS) -> Material:
    """Build a catalog of `seeds` in a temporary folder and read the parts to recombine."""
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "seeds.db"
        build_catalog([seeds], db, jobs=1)
        conn = sqlite3.connect(db)
        try:
            return _material(conn)
        finally:
            conn.close()


def _material(conn: sqlite3.Connection) -> Material:
    arts = conn.execute(
        "SELECT a.title, a.body, a.kind, a.start, a.publication, d.path"
        " FROM articles a JOIN documents d ON d.id = a.document_id ORDER BY a.id").fetchall()
    paragraphs, titles, headers, pubs = [], [], [], []
    seen_paths: set[str] = set()
    for title, body, kind, start, publication, path in arts:
        if kind in ("news", "policy", "other"):
            titles.append(title)
            paragraphs.extend(p.strip() for p in body.split("\n") if len(p.strip()) >= 40)
        if path not in seen_paths:  # the page's masthead: the text before its first article
            seen_paths.add(path)
            headers.append(Path(path).read_text(encoding="utf-8")[:start].strip())
            pubs.append(publication)
    metrics = [SeedMetric(*r) for r in conn.execute(
        "SELECT text, value, unit, qualifier, period, subject, scope, kind FROM metrics")]
    if len(metrics) < 50:
        metrics = _fallback_metrics(paragraphs)
    events = [SeedEvent(*r) for r in conn.execute(
        "SELECT date, precision, actor, action, document, summary, is_policy FROM events")]
    entities = conn.execute("SELECT name, type, role FROM entities").fetchall()
    persons = sorted({n for n, t, _ in entities if t == "person"}
                     | {m[1] for p in paragraphs for m in _PERSON_CUE.finditer(p)})
    if len(entities) < 30:
        entities = _fallback_entities(paragraphs, persons, entities)
    return Material(paragraphs, titles, headers, pubs, metrics, events, entities, persons)


def _fallback_metrics(paragraphs: list[str]) -> list[SeedMetric]:
    """Quantities found by a plain regex, for as long as the metric extractor finds none."""
    out = []
    for para in paragraphs:
        for m in _QUANTITY.finditer(para):
            clause_start = max((c.end() for c in _CLAUSE_CUT.finditer(para, 0, m.start())), default=0)
            subject = para[clause_start:m.start()].strip() or None
            if subject and len(subject) > 16:
                subject = subject[-16:]
            unit = m["unit"]
            kind = "rate" if unit == "%" and "增长" in para[max(0, m.start() - 6):m.start()] else (
                "share" if unit == "%" else "amount" if unit.endswith("元") else "count")
            qual = _QUAL.get(m["q"] or "") or (">~" if m["more"] else None)
            out.append(SeedMetric(m[0], float(m["num"]) * _MAG[m["mag"]], unit, qual, None, subject,
                                  None, kind))
    return out


def _fallback_entities(paragraphs: list[str], persons: list[str],
                       have: list[tuple[str, str, str | None]]) -> list[tuple[str, str, str | None]]:
    names = re.compile(r"[\u4e00-\u9fa5]{2,10}(?:管委会|委员会|科技部|部|局|大学|研究院|公司|中心|高新区|园)")
    found = {(m[0], "org" if m[0].endswith(("公司", "研究院", "中心")) else "gov", None)
             for p in paragraphs for m in names.finditer(p)}
    return sorted(set(have) | found | {(p, "person", None) for p in persons}, key=str)


# ---------------------------------------------------------------- varying text


@dataclass(frozen=True)
class Variation:
    """How one synthetic article differs from its seed text; a pure function of its fields."""

    year_shift: int
    factor: float
    names: dict[str, str]

    def number(self, s: str) -> str:
        if "." not in s and len(s) == 4 and 1990 <= int(s) <= 2035:
            return str(int(s) + self.year_shift)
        if "." in s:
            decimals = len(s) - s.index(".") - 1
            return f"{float(s) * self.factor:.{decimals}f}"
        n = int(s)
        if n <= 31:  # months, days, ordinals, "12条": keep
            return s
        return str(max(32, round(n * self.factor)))

    def apply(self, text: str, names_re: re.Pattern[str] | None) -> str:
        memo: dict[str, str] = {}

        def num(m: re.Match[str]) -> str:
            s = m[0]
            r = memo.get(s)
            if r is None:
                r = memo[s] = self.number(s)
            return r

        text = _NUM.sub(num, text)
        if names_re is not None and self.names:
            text = names_re.sub(lambda m: self.names.get(m[0], m[0]), text)
        return text


def random_person(rng) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2, 2))))


def _variation(rng, persons: list[str]) -> Variation:
    picked = rng.sample(persons, min(len(persons), 4)) if persons else []
    return Variation(rng.randint(-6, 3), rng.choice((0.3, 0.5, 0.8, 1.2, 1.5, 2.0, 3.0, 7.0)),
                     {p: random_person(rng) for p in picked})


def _names_re(persons: list[str]) -> re.Pattern[str] | None:
    if not persons:
        return None
    return re.compile("|".join(re.escape(p) for p in sorted(persons, key=len, reverse=True)))


# ---------------------------------------------------------------- corpora


def make_corpus(out: Path, pages: int, *, seed: int = 0, material: Material | None = None) -> int:
    """Write `pages` synthetic newspaper pages (.txt) under `out`; returns the characters written."""
    mat = material or load_material()
    rng = __import__("random").Random(seed)
    names_re = _names_re(mat.persons)
    out.mkdir(parents=True, exist_ok=True)
    total = 0
    for i in range(pages):
        text = _page(rng, mat, names_re)
        # 100 files per folder, as a real archive would be laid out.
        folder = out / f"{i // 100:03d}"
        folder.mkdir(exist_ok=True)
        (folder / f"page_{i:05d}.txt").write_text(text, encoding="utf-8")
        total += len(text)
    return total


def _page(rng, mat: Material, names_re: re.Pattern[str] | None) -> str:
    var = _variation(rng, mat.persons)
    parts = [var.apply(rng.choice(mat.headers), names_re)] if mat.headers else []
    for _ in range(rng.choice((1, 2, 2, 3, 3, 4))):
        art = _variation(rng, mat.persons)
        parts.append(art.apply(rng.choice(mat.titles), names_re))
        if rng.random() < 0.5:
            parts.append(f"▶ 本报记者 {random_person(rng)}报道")
        for _ in range(rng.randint(2, 7)):
            parts.append(art.apply(rng.choice(mat.paragraphs), names_re))
    return "\n\n".join(p for p in parts if p) + "\n"


# ---------------------------------------------------------------- catalogs


@dataclass
class CatalogSummary:
    db_path: str
    documents: int
    articles: int
    metrics: int
    events: int
    timeline: int
    entities: int
    mentions: int
    chars: int
    seconds: float


def make_catalog(db_path: Path, metrics: int, *, seed: int = 0, material: Material | None = None,
                 log: Callable[[str], None] | None = None) -> CatalogSummary:
    """Write a catalog with `metrics` metric rows and proportional articles, events and entities."""
    import random

    started = time.perf_counter()
    mat = material or load_material()
    _index_material(mat)
    rng = random.Random(seed)
    n_articles = max(1, round(metrics / METRICS_PER_ARTICLE))
    n_events = max(1, round(metrics / METRICS_PER_EVENT))
    n_timeline = max(1, round(n_events / EVENTS_PER_TIMELINE))
    n_entities = max(1, round(metrics / METRICS_PER_ENTITY))
    n_mentions = max(1, round(metrics * MENTIONS_PER_METRIC))
    n_docs = max(1, math.ceil(n_articles / ARTICLES_PER_DOCUMENT))
    db_path = Path(db_path)
    if db_path.exists():
        db_path.unlink()
    writer = CatalogWriter.create(db_path)
    conn = writer.conn
    conn.execute("PRAGMA cache_size=-200000")
    say = log or (lambda s: None)

    writer.insert("documents", (
        (d, f"synthetic/{(d - 1) // 100:05d}/page_{d:07d}.txt", f"{rng.getrandbits(256):064x}", "utf-8", 0, 0, None)
        for d in range(1, n_docs + 1)))
    articles, chars = _write_articles(writer, rng, mat, n_articles, n_docs)
    say(f"articles {n_articles} ({time.perf_counter() - started:.1f} s)")
    _write_metrics(writer, rng, mat, metrics, articles)
    say(f"metrics {metrics} ({time.perf_counter() - started:.1f} s)")
    _write_events(writer, rng, mat, n_events, n_timeline, articles)
    say(f"events {n_events} ({time.perf_counter() - started:.1f} s)")
    _write_entities(writer, rng, mat, n_entities, n_mentions, n_articles)
    say(f"entities {n_entities} ({time.perf_counter() - started:.1f} s)")
    conn.execute(
        "UPDATE articles SET n_metrics = coalesce((SELECT count(*) FROM metrics m WHERE m.article_id = articles.id), 0),"
        " n_events = coalesce((SELECT count(*) FROM events e WHERE e.article_id = articles.id), 0),"
        " n_entities = coalesce((SELECT count(DISTINCT entity_id) FROM mentions x WHERE x.article_id = articles.id), 0)"
    ) if metrics <= 20000 else None  # the per-article counts are display only; skip the slow update at scale
    meta = {"schema_version": str(schema.SCHEMA_VERSION), "zgc_version": zgc_version(),
            "built_at": datetime.now(timezone.utc).replace(microsecond=0).isoformat(),
            "corpus": f"synthetic (seed {seed}, {metrics} metrics)", "files": str(n_docs), "chars": str(chars)}
    writer.finish(meta, vacuum=False)  # a fresh file written in order has little to reclaim
    writer.close()
    say(f"indexes ({time.perf_counter() - started:.1f} s)")
    return CatalogSummary(str(db_path), n_docs, n_articles, metrics, n_events, n_timeline, n_entities,
                          n_mentions, chars, time.perf_counter() - started)


def _index_material(mat: Material) -> None:
    if not mat.indexed:
        mat.indexed = [(p, segment.index_text(segment.tokens(p))) for p in mat.paragraphs]
        mat.titles_indexed = [(t, segment.index_text(segment.tokens(t))) for t in mat.titles]


def _write_articles(writer: CatalogWriter, rng, mat: Material, n: int, n_docs: int
                    ) -> tuple[list[tuple[str, int | None, int]], int]:
    """Articles and their index; returns the body characters and, per article, (published, year, the
    end of the body's first sentence): the sentence span (from 0) given to its metrics and events."""
    names_re = _names_re(mat.persons)
    lo, hi = PARAGRAPHS_PER_ARTICLE
    meta: list[tuple[str, int | None, int]] = []
    chars = 0
    kinds = ("news",) * 8 + ("policy", "notice", "caption", "other")
    pubs = [p for p in mat.publications if p] + ["中国高新技术产业导报", "科技日报", "北京日报", "中关村"]

    def rows() -> Iterator[tuple]:
        nonlocal chars
        for aid in range(1, n + 1):
            var = _variation(rng, mat.persons)
            paras = [mat.indexed[rng.randrange(len(mat.indexed))] for _ in range(rng.randint(lo, hi))]
            body = var.apply("\n".join(p for p, _ in paras), names_re)
            index = var.apply(" ".join(i for _, i in paras), names_re)
            title, title_index = mat.titles_indexed[rng.randrange(len(mat.titles_indexed))]
            title, title_index = var.apply(title, names_re), var.apply(title_index, names_re)
            year = rng.randint(2012, 2024)
            published = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            line_end = body.find("\n")
            line_end = line_end if line_end >= 0 else len(body)
            stop = body.find("。", 0, line_end)
            meta.append((published, year, stop + 1 if stop >= 20 else line_end))
            chars += len(body)
            doc = min(n_docs, (aid - 1) // int(ARTICLES_PER_DOCUMENT) + 1)
            yield ((aid, doc, f"synthetic/{(doc - 1) // 100:05d}/page_{doc:07d}.txt", aid, title, None,
                    json.dumps([random_person(rng)], ensure_ascii=False), rng.choice(pubs), published, year,
                    rng.choice(kinds), None, None, body, len(body), 0, len(body), 0),
                   (aid, title_index, index))

    batch: list[tuple] = []
    for row in rows():
        batch.append(row)
        if len(batch) >= 5000:
            _insert_articles(writer, batch)
            batch = []
    _insert_articles(writer, batch)
    return meta, chars


_ARTICLE_COLUMNS = schema.columns("articles")[:-3]  # the per-article counts are filled afterwards


def _insert_articles(writer: CatalogWriter, batch: list[tuple]) -> None:
    writer.insert("articles", [a for a, _ in batch], _ARTICLE_COLUMNS)
    writer.insert("articles_fts", [f for _, f in batch])


def _scope(rng) -> str:
    return rng.choice(SCOPES).format(p=rng.choice(PLACES))


def _write_metrics(writer: CatalogWriter, rng, mat: Material, n: int,
                   articles: list[tuple[str, int | None, int]]) -> None:
    chars_cache: dict[str, str] = {}

    def chars(s: str | None) -> str:
        if not s:
            return ""
        r = chars_cache.get(s)
        if r is None:
            r = segment.chars_text(s)
            if len(chars_cache) < 200_000:
                chars_cache[s] = r
        return r

    scopes = [_scope(rng) for _ in range(200)]
    n_articles = len(articles)
    seeds = mat.metrics

    def rows() -> Iterator[tuple]:
        for mid in range(1, n + 1):
            sm = seeds[rng.randrange(len(seeds))]
            aid = min(n_articles, 1 + (mid - 1) * n_articles // n)  # metrics in article order, as a build writes them
            factor = rng.choice((0.25, 0.5, 0.8, 1.0, 1.25, 1.5, 2.0, 3.0, 4.0, 10.0))
            num = _NUM.search(sm.text)
            if num:
                s = num[0]
                decimals = len(s) - s.index(".") - 1 if "." in s else 0
                new = f"{float(s) * factor:.{decimals}f}" if decimals else str(max(1, round(int(s) * factor)))
                text = sm.text[:num.start()] + new + sm.text[num.end():]
            else:
                text = sm.text
            published, ayear, line_end = articles[aid - 1]
            shift = (ayear or 2020) - 2020
            period = _shift_period(sm.period, shift) if sm.period else (published[:4] if rng.random() < 0.7 else None)
            year = int(period[:4]) if period and period[:4].isdigit() else ayear
            scope = sm.scope if sm.scope and rng.random() < 0.5 else scopes[rng.randrange(len(scopes))]
            value = sm.value * factor
            yield ((mid, aid, text, value, sm.value * factor * 1.5 if sm.qualifier == "~" and rng.random() < 0.2
                    else None, sm.unit, sm.qualifier, period, year, sm.subject, scope, sm.kind, 0, max(line_end, len(text)),
                    0, len(text), writer.series_id(sm.subject, scope, sm.unit, sm.kind, period)),
                   (mid, chars(sm.subject), chars(scope), chars(text)))

    batch: list[tuple] = []
    for row in rows():
        batch.append(row)
        if len(batch) >= 20000:
            _insert_metrics(writer, batch)
            batch = []
    _insert_metrics(writer, batch)


def _shift_period(period: str, shift: int) -> str:
    return re.sub(r"(?<!\d)(19|20)\d\d(?!\d)", lambda m: str(int(m[0]) + shift), period)


def _insert_metrics(writer: CatalogWriter, batch: list[tuple]) -> None:
    writer.insert("metrics", [m for m, _ in batch])
    writer.insert("metrics_fts", [f for _, f in batch])


def _write_events(writer: CatalogWriter, rng, mat: Material, n_events: int, n_timeline: int,
                  articles: list[tuple[str, int | None, int]]) -> None:
    seeds = mat.events or [SeedEvent("2020-01-01", "day", None, None, None, "事件", 0)]
    timeline: list[list] = []
    for tid in range(1, n_timeline + 1):
        se = seeds[rng.randrange(len(seeds))]
        year = rng.randint(2008, 2025)
        date = str(year) + se.date[4:]
        actor = se.actor if rng.random() < 0.6 else (rng.choice(PLACES) + "市科委" if se.actor else None)
        timeline.append([tid, date, se.precision, year, actor, se.action, se.document, se.summary,
                         se.is_policy, 0])
    events = []
    n_articles = len(articles)
    for eid in range(1, n_events + 1):
        t = timeline[(eid - 1) if eid <= n_timeline else rng.randrange(n_timeline)]
        t[9] += 1
        aid = min(n_articles, 1 + (eid - 1) * n_articles // n_events)
        line_end = articles[aid - 1][2]
        events.append((eid, aid, t[1], t[2], t[3], t[4], t[5], t[6], t[7], t[8], 0, line_end, 0, 4, t[0]))
    writer.add_timeline([t[:10] for t in timeline])
    writer.insert("events", events)


def _entity_name(rng, name: str, etype: str, i: int) -> str:
    if etype == "person":
        return random_person(rng)
    if i == 0:
        return name
    place = rng.choice(PLACES)
    if etype in ("company", "org", "university"):
        return place + name + rng.choice(ORG_SUFFIXES) if rng.random() < 0.5 else name + place + "分公司"
    return place + name


def _write_entities(writer: CatalogWriter, rng, mat: Material, n_entities: int, n_mentions: int,
                    n_articles: int) -> None:
    seeds = mat.entities or [("中关村管委会", "gov", None)]
    seen: set[tuple[str, str]] = set()
    rows: list[tuple[int, str, str, str | None]] = []
    attempt = 0
    while len(rows) < n_entities:
        name, etype, role = seeds[attempt % len(seeds)]
        new = _entity_name(rng, name, etype, attempt // len(seeds))
        if attempt >= 20 * n_entities + len(seeds):
            new += str(attempt)  # pools exhausted: numbered names keep (name, type) unique
        attempt += 1
        if (new, etype) in seen:
            continue
        seen.add((new, etype))
        rows.append((len(rows) + 1, new, etype, role))
    mentions = []
    per_entity = [0] * (n_entities + 1)
    articles_of: dict[int, set[int]] = {}
    for mid in range(1, n_mentions + 1):
        # A few entities take most mentions, as in real news.
        eid = min(n_entities, int(n_entities ** rng.random()))
        aid = min(n_articles, 1 + (mid - 1) * n_articles // n_mentions)
        per_entity[eid] += 1
        articles_of.setdefault(eid, set()).add(aid)
        name = rows[eid - 1][1]
        mentions.append((mid, eid, aid, name, rows[eid - 1][3], 0, len(name), None))
    alias_of = {eid: name[:2] + name[-2:] for eid, name, etype, _ in rows if etype != "person" and len(name) > 5}
    writer.add_entities(EntityRow(eid, name, etype, role, per_entity[eid], len(articles_of.get(eid, ())),
                                  (alias_of[eid],) if eid in alias_of else (), (role,) if role else ())
                        for eid, name, etype, role in rows)
    writer.insert("mentions", mentions)


# ---------------------------------------------------------------- command line


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = p.add_subparsers(dest="what", required=True)
    c = sub.add_parser("corpus", help="write synthetic pages")
    c.add_argument("out", type=Path)
    c.add_argument("--pages", type=int, default=100)
    k = sub.add_parser("catalog", help="write a synthetic catalog")
    k.add_argument("db", type=Path)
    k.add_argument("--rows", type=int, default=10000, help="metric rows")
    for s in (c, k):
        s.add_argument("--seed", type=int, default=0)
    args = p.parse_args(argv)
    if args.what == "corpus":
        chars = make_corpus(args.out, args.pages, seed=args.seed)
        print(f"{args.pages} pages, {chars} characters in {args.out}")
    else:
        s = make_catalog(args.db, args.rows, seed=args.seed, log=lambda m: print(m, file=sys.stderr))
        print(json.dumps(s.__dict__, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
