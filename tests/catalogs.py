"""Test catalogs of known synthetic content, written through the catalog writer (no extraction).

    python tests/catalogs.py /tmp/small.db --metrics 1000

Rows are made of a small vocabulary, with every offset pointing at the text it
names, so the reader, the entity view and the query layer can be tested on a
catalog of known content, and timed on a big one.
"""
from __future__ import annotations

import argparse
import json
import random
import time
from pathlib import Path

from zgc.db.catalog import schema
from zgc.db.catalog.write import CatalogWriter, EntityRow
from zgc.db.segment import chars_text

SUBJECTS = ["发明专利授权量", "技术合同成交额", "高新技术企业数量", "研发投入", "总收入", "独角兽企业",
            "专利申请量", "出口额", "从业人员", "新增企业", "融资金额", "实缴税费"]
SCOPES = ["中关村示范区", "海淀园", "朝阳园", "全市", "丰台园", None]
UNITS = [("元", "amount"), ("件", "count"), ("家", "count"), ("%", "rate"), ("人", "count"), ("美元", "amount")]
KINDS_ART = ["news", "news", "news", "policy", "notice", "caption"]
PUBS = ["中国高新技术产业导报", "北京日报", "科技日报", None]
ENTITIES = [("北京市科委", "gov"), ("中关村管委会", "gov"), ("国务院", "gov"), ("清华大学", "university"),
            ("北京大学", "university"), ("百度", "company"), ("小米", "company"), ("海淀区", "place"),
            ("张明", "person"), ("李华", "person"), ("中关村软件园", "park"), ("京东方", "company")]
ACTIONS = ["印发", "发布", "召开", "启动", "批复", "实施"]
DOCS = ["《关于促进科技成果转化的若干意见》", "《中关村条例》", "《行动计划》", None]
WORDS = ["科技", "创新", "园区", "政策", "企业", "发展", "成果", "转化", "人才", "服务", "产业", "数字", "经济"]


def _value_text(rng: random.Random, unit: str) -> tuple[str, float]:
    if unit == "%":
        v = round(rng.uniform(0.5, 60), 1)
        return f"{v}%", v
    base = rng.choice([1, 10, 100, 1000, 10000])
    n = rng.randint(1, 9999)
    if unit in ("元", "美元") and base >= 1000:
        return f"{n}亿{unit}", n * 1e8
    return f"{n * base}{unit}", float(n * base)


def make_catalog(path: Path, *, articles: int = 12, metrics: int = 60, events: int = 30, entities: int = 12,
                 seed: int = 7, schema_version: int | None = None) -> Path:
    """Write a catalog of synthetic rows at `path` (replacing it) and return the path."""
    rng = random.Random(seed)
    path = Path(path)
    if path.exists():
        path.unlink()
    writer = CatalogWriter.create(path)
    writer.add_document(1, "synthetic.txt", "x", "utf-8", 1, 1)
    n_ent = max(1, min(entities, len(ENTITIES) * 50))
    ent_names = []
    for i in range(n_ent):
        name, etype = ENTITIES[i % len(ENTITIES)]
        if i >= len(ENTITIES):
            name = f"{name}{i // len(ENTITIES)}号"
        ent_names.append((i + 1, name, etype))
    per_article_metrics = [metrics // articles + (1 if i < metrics % articles else 0) for i in range(articles)]
    per_article_events = [events // articles + (1 if i < events % articles else 0) for i in range(articles)]
    metric_id = event_id = mention_id = 0
    ent_mentions: dict[int, int] = {}
    ent_articles: dict[int, set[int]] = {}
    timeline_rows = []
    for aid in range(1, articles + 1):
        year = 2018 + aid % 6
        published = f"{year}-{1 + aid % 12:02d}-{1 + aid % 28:02d}"
        title = "".join(rng.sample(WORDS, 3)) + f"第{aid}期"
        parts: list[str] = []
        pos = 0
        mrows, erows, nrows = [], [], []

        def add(text: str, parts: list[str] = parts) -> int:
            nonlocal pos
            start = pos
            parts.append(text)
            pos += len(text)
            return start

        add("".join(rng.sample(WORDS, 4)) + "。\n")
        for _ in range(per_article_metrics[aid - 1]):
            metric_id += 1
            subject = SUBJECTS[metric_id % len(SUBJECTS)]
            scope = SCOPES[metric_id % len(SCOPES)]
            unit, kind = UNITS[metric_id % len(UNITS)]
            text, value = _value_text(rng, unit)
            period = str(2015 + metric_id % 9)
            s0 = add(f"{period}年{scope or ''}{subject}达")
            start = add(text)
            add("。")
            mrows.append((metric_id, aid, text, value, None, unit, None, period, int(period), subject, scope,
                          kind, s0, pos, start, start + len(text), writer.series_id(subject, scope, unit, kind, period)))
        for _ in range(per_article_events[aid - 1]):
            event_id += 1
            ey = 2015 + event_id % 9
            date = f"{ey}-{1 + event_id % 12:02d}-{1 + event_id % 28:02d}"
            written = f"{ey}年{1 + event_id % 12}月{1 + event_id % 28}日"
            ename = ENTITIES[event_id % 3][0]
            action = ACTIONS[event_id % len(ACTIONS)]
            doc = DOCS[event_id % len(DOCS)]
            start = add(written)
            add(f"，{ename}{action}{doc or '会议'}。")
            policy = int(doc is not None)
            tid = len(timeline_rows) + 1
            summary = f"{ename}{action}{doc or '会议'}"
            timeline_rows.append((tid, date, "day", ey, ename, action, doc, summary, policy, 1))
            erows.append((event_id, aid, date, "day", ey, ename, action, doc, summary, policy, start, pos, start,
                          start + len(written), tid))
        for k in range(3):
            eid, name, etype = ent_names[(aid * 3 + k) % len(ent_names)]
            mention_id += 1
            add("据悉，")
            start = add(name)
            add("表示，" + "".join(rng.sample(WORDS, 3)) + "。")
            nrows.append((mention_id, eid, aid, name, "主任" if etype == "person" else None, start, start + len(name),
                          None))
            ent_mentions[eid] = ent_mentions.get(eid, 0) + 1
            ent_articles.setdefault(eid, set()).add(aid)
        body = "".join(parts)
        writer.insert("articles", [
            (aid, 1, "synthetic.txt", aid, title, None, json.dumps([]), PUBS[aid % len(PUBS)], published, year,
             KINDS_ART[aid % len(KINDS_ART)], None, None, body, len(body), 0, len(body), 0, len(mrows), len(erows),
             len({r[1] for r in nrows}))])
        tokens = " ".join([*WORDS, title])
        writer.insert("articles_fts", [
            (aid, " ".join([*rng.sample(WORDS, 3), title]), tokens if aid % 2 else " ".join(WORDS[:6]))])
        writer.insert("metrics", mrows)
        writer.insert("metrics_fts", [(r[0], chars_text(r[9] or ""), chars_text(r[10] or ""), chars_text(r[2]))
                                      for r in mrows])
        writer.insert("events", erows)
        writer.insert("mentions", nrows)
    writer.add_timeline(timeline_rows)
    entities = []
    for eid, name, etype in ent_names:
        role = "主任" if etype == "person" else None
        alias = name[:2] if len(name) > 3 else None
        entities.append(EntityRow(eid, name, etype, role, ent_mentions.get(eid, 0), len(ent_articles.get(eid, ())),
                                  (alias,) if alias else (), (role,) if role else ()))
    writer.add_entities(entities)
    version = schema.SCHEMA_VERSION if schema_version is None else schema_version
    writer.finish({"schema_version": str(version), "corpus": "synthetic", "built_at": "2024-01-01T00:00:00+00:00"})
    writer.close()
    return path


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("path", type=Path)
    p.add_argument("--articles", type=int, default=2000)
    p.add_argument("--metrics", type=int, default=1_000_000)
    p.add_argument("--events", type=int, default=20000)
    p.add_argument("--entities", type=int, default=600)
    args = p.parse_args()
    t = time.perf_counter()
    make_catalog(args.path, articles=args.articles, metrics=args.metrics, events=args.events, entities=args.entities)
    print(f"wrote {args.path} in {time.perf_counter() - t:.1f} s")


if __name__ == "__main__":
    main()
