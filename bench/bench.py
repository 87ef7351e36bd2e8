"""zgc's benchmark: build throughput, query layer, app latency and memory at scale.

    python bench/bench.py            # full run: 100/1,000/10,000 pages, 10k/100k/1M metric rows
    python bench/bench.py --quick    # smallest sizes only (a smoke run for CI, under a minute)
    python bench/bench.py --json     # one JSON object with every figure instead of the table

Synthetic corpora and catalogs come from bench/synth.py (deterministic, made from
the seeds). The build is timed by running the real `zgc-build` in a subprocess;
the app is driven headless with Textual's Pilot, one subprocess per catalog so
its peak RSS is its own. Not collected by pytest.
"""
from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

if TYPE_CHECKING:
    import synth


def _synth():  # type: ignore[no-untyped-def]
    """The synthetic-data maker, imported when needed: it loads the whole build (jieba, the extractors),
    which the app's child process must not pay for, or its start-up would be timed with it."""
    import synth

    return synth

PAGES = (100, 1_000, 10_000)
ROWS = (10_000, 100_000, 1_000_000)
QUICK_PAGES = (100,)
QUICK_ROWS = (10_000,)

GOALS = {
    "build_ratio_vs_jieba": (">=", 1.0),
    "build_jobs_speedup": (">=", 1.8),
    "catalog_size_ratio": ("<=", 4.0),
    "incremental_ratio": ("<", 0.05),
    "app_first_paint_s": ("<=", 0.5),
    "app_filter_p95_ms": ("<=", 35.0),
    "app_facet_p95_ms": ("<=", 150.0),
    "app_rss_mb": ("<=", 150.0),
}

# Realistic one- and two-word queries for each pane, typed a character at a time.
# At least 50 keystrokes per pane (a space between two words is a keystroke too).
QUERIES = {
    "metrics": ["专利", "收入", "研发投入", "企业 收入", "技术合同", "增加值", "高新 企业", "融资", "出口",
                "中关村 企业", "独角兽", "营业收入", "专利 授权", "科技 企业", "投资"],
    "articles": ["科技成果", "知识产权", "高质量 发展", "中关村", "创新 政策", "金融", "专利", "人才", "人工智能",
                 "产业 集群", "科技 企业", "国家 高新区", "融资", "论坛"],
    "timeline": ["发布", "印发 通知", "管委会", "中关村 论坛", "国务院", "批复", "科技部", "行动 计划", "知识产权",
                 "北京市", "意见", "成立", "举办", "会议", "通知", "政策", "试点"],
    "targets": ["收入", "企业", "专利", "技术合同", "上市 公司", "研发 投入", "高新 企业", "增加值", "融资", "出口",
                "中关村 企业", "独角兽", "营业收入", "专利 授权", "科技 企业", "投资", "人才", "孵化器", "标准"],
    "entities": ["科技", "大学", "管委会", "中关村 发展", "北京", "研究院", "有限公司", "科技部", "集团", "中心",
                 "海淀", "实验室", "清华", "基金", "联盟", "张", "王", "李", "深圳", "上海", "创新 中心"],
}
PACE = 0.12  # seconds between keystrokes at the least (a fast typist); above the app's 80 ms debounce
APP_SIZE = (100, 30)


def percentile(values: list[float], q: float) -> float:
    """The q-th percentile (0-100) by linear interpolation; NaN for no values."""
    if not values:
        return float("nan")
    s = sorted(values)
    k = (len(s) - 1) * q / 100
    lo = int(k)
    hi = min(lo + 1, len(s) - 1)
    return s[lo] + (s[hi] - s[lo]) * (k - lo)


def summary_ms(samples_s: list[float]) -> dict:
    """n, p50, p95 and max in milliseconds (None when there are no samples)."""
    if not samples_s:
        return {"n": 0, "p50_ms": None, "p95_ms": None, "max_ms": None}
    return {"n": len(samples_s), "p50_ms": round(percentile(samples_s, 50) * 1000, 2),
            "p95_ms": round(percentile(samples_s, 95) * 1000, 2), "max_ms": round(max(samples_s) * 1000, 2)}


def _worst(values: list) -> float | None:
    """The largest of some figures, None if any is missing (a missing figure is never a pass)."""
    return None if not values or any(v is None for v in values) else max(values)


def log(msg: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


# ---------------------------------------------------------------- build


def bench_build(work: Path, pages: int, material: synth.Material, cores: int) -> dict:
    corpus = work / f"corpus_{pages}"
    t = time.perf_counter()
    chars = _synth().make_corpus(corpus, pages, seed=pages, material=material)
    texts = [p.read_text(encoding="utf-8") for p in sorted(corpus.rglob("*.txt"))]
    in_bytes = sum(len(t.encode("utf-8")) for t in texts)
    log(f"corpus {pages} pages: {chars} chars, {in_bytes / 1e6:.1f} MB ({time.perf_counter() - t:.1f} s)")
    out: dict = {"pages": pages, "chars": chars, "input_bytes": in_bytes}
    for jobs in sorted({1, cores}):
        db = work / f"build_{pages}_j{jobs}.db"
        cmd = [sys.executable, "-m", "zgc.db.cli", str(corpus), "--db", str(db), "--jobs", str(jobs), "--quiet",
               "--full"]
        t = time.perf_counter()
        proc = subprocess.run(cmd, capture_output=True, text=True)
        wall = time.perf_counter() - t
        if proc.returncode not in (0, 1):
            raise RuntimeError(f"zgc-build failed ({proc.returncode}): {proc.stderr[-2000:]}")
        out[f"jobs_{jobs}"] = {"wall_s": round(wall, 3), "chars_per_s": round(chars / wall)}
        log(f"  build --jobs {jobs}: {wall:.2f} s, {chars / wall / 1000:.0f}k chars/s")
        if jobs == 1:
            out["catalog_bytes"] = db.stat().st_size
            out["catalog_size_ratio"] = round(db.stat().st_size / in_bytes, 3)
            out["counts"] = _counts(db)
            out["incremental_s"] = bench_incremental(corpus, cmd)
            out["incremental_ratio"] = round(out["incremental_s"] / wall, 4)
            log(f"  one page added, rebuilt: {out['incremental_s']:.2f} s ({out['incremental_ratio']:.1%} of a build)")
        db.unlink()
    out["jieba_chars_per_s"] = round(jieba_speed(texts))
    log(f"  jieba.lcut: {out['jieba_chars_per_s'] / 1000:.0f}k chars/s")
    out["build_chars_per_s"] = out["jobs_1"]["chars_per_s"]
    out["build_ratio_vs_jieba"] = round(out["build_chars_per_s"] / out["jieba_chars_per_s"], 3)
    out["build_jobs_speedup"] = round(out[f"jobs_{cores}"]["chars_per_s"] / out["jobs_1"]["chars_per_s"], 3)
    out["build_jobs"] = cores
    shutil.rmtree(corpus)
    return out


def bench_incremental(corpus: Path, cmd: list[str]) -> float:
    """Seconds to rebuild the catalog `cmd` made after one page is added to `corpus` (then removed again)."""
    page = corpus / "zz_added.txt"
    first = sorted(corpus.rglob("*.txt"))[0]
    page.write_text(first.read_text(encoding="utf-8") + "\n\n（增刊）\n", encoding="utf-8")
    t = time.perf_counter()
    proc = subprocess.run([*(c for c in cmd if c != "--full"), "--json"], capture_output=True, text=True)
    wall = time.perf_counter() - t
    page.unlink()
    if proc.returncode not in (0, 1) or not json.loads(proc.stdout).get("incremental"):
        raise RuntimeError(f"the rebuild was not incremental ({proc.returncode}): {proc.stderr[-2000:]}")
    return round(wall, 3)


def _counts(db: Path) -> dict:
    import sqlite3

    conn = sqlite3.connect(db)
    try:
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("articles", "metrics", "events", "timeline", "entities", "mentions")}
    finally:
        conn.close()


def jieba_speed(texts: list[str]) -> float:
    """Characters per second of plain `jieba.lcut` over `texts` in this process (dictionary loaded first)."""
    import logging
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import jieba
    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    t = time.perf_counter()
    for text in texts:
        jieba.lcut(text)
    return sum(map(len, texts)) / (time.perf_counter() - t)


# ---------------------------------------------------------------- catalogs


def make_catalogs(work: Path, sizes: tuple[int, ...], material: synth.Material) -> dict[int, dict]:
    out = {}
    for rows in sizes:
        db = work / f"catalog_{rows}.db"
        s = _synth().make_catalog(db, rows, seed=rows, material=material)
        out[rows] = {"db": str(db), "generate_s": round(s.seconds, 2), "bytes": db.stat().st_size,
                     "articles": s.articles, "metrics": s.metrics, "events": s.events, "timeline": s.timeline,
                     "entities": s.entities, "mentions": s.mentions}
        log(f"catalog {rows} metric rows: {s.seconds:.1f} s, {db.stat().st_size / 1e6:.0f} MB, "
            f"{s.articles} articles, {s.events} events, {s.entities} entities")
    return out


# ---------------------------------------------------------------- query layer


def typed(query: str) -> list[str]:
    """The filter after each keystroke of typing `query` a character at a time."""
    return [query[:i] for i in range(1, len(query) + 1)]


def bench_query(db: str) -> dict:
    """The query layer alone on one catalog: what a keystroke and a facet refresh cost in SQL."""
    from zgc.db import catalog, query

    conn = catalog.connect(Path(db))
    out: dict = {}
    search_all: list[float] = []
    facets_all: list[float] = []
    count_all: list[float] = []
    for pane, queries in QUERIES.items():
        search, counts, facet = [], [], []
        for text in (f for q in queries for f in typed(q)):
            t = time.perf_counter()
            q = query.build(conn, text, pane)
            ids = next(query.iter_ids(conn, q))
            query.fetch_rows(conn, pane, ids[:40])
            search.append(time.perf_counter() - t)
            t = time.perf_counter()
            query.count(conn, q)
            counts.append(time.perf_counter() - t)
            t = time.perf_counter()
            result = query.facets(conn, q, budget=60.0)
            facet.append(time.perf_counter() - t)
            assert result is not None
        out[pane] = {"search": summary_ms(search), "count": summary_ms(counts), "facets": summary_ms(facet)}
        search_all += search
        facets_all += facet
        count_all += counts
    out["all"] = {"search": summary_ms(search_all), "count": summary_ms(count_all), "facets": summary_ms(facets_all)}
    conn.close()
    return out


# ---------------------------------------------------------------- the app


FIRST_PAINT_RUNS = 5  # launches timed to the first rows: one launch's figure varies by a third


def bench_app(db: str, timeout: float = 900.0) -> dict:
    """Run the app on `db` in a child process driven by Pilot; its figures plus its own peak RSS.

    First rows: the median of FIRST_PAINT_RUNS launches (this one and launches that stop there)."""
    result = _child(db, timeout)
    if "error" in result:
        return result
    runs = [result["first_paint_s"]]
    for _ in range(FIRST_PAINT_RUNS - 1):
        got = _child(db, 120.0, "--first-rows-only")
        if "error" in got:
            return got
        runs.append(got["first_paint_s"])
    result["first_paint_runs_s"] = runs
    result["first_paint_s"] = round(percentile(runs, 50), 3)
    return result


def _child(db: str, timeout: float, *flags: str) -> dict:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--app-child", db, repr(time.time()), *flags]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        out, err = proc.communicate()
        return {"error": f"timed out after {timeout:.0f} s", "stderr": err[-2000:]}
    if proc.returncode != 0 or not out.strip():
        return {"error": f"app child exited with {proc.returncode}", "stderr": err[-3000:]}
    return json.loads(out.strip().splitlines()[-1])


class _Recorder:
    """What the app reports through its public messages: rows on screen (ResultsShown), facet counts
    on screen (FacetsShown), each stamped by the app after the screen painted it."""

    def __init__(self) -> None:
        self.results: list = []  # ResultsShown
        self.facets: list = []  # FacetsShown
        self.changed = None  # an asyncio.Event set on each message, made inside the app's loop

    def hook(self, message) -> None:  # type: ignore[no-untyped-def]
        from zgc.tui.messages import FacetsShown, ResultsShown

        if isinstance(message, ResultsShown):
            self.results.append(message)
        elif isinstance(message, FacetsShown):
            self.facets.append(message)
        else:
            return
        if self.changed is not None:
            self.changed.set()


def _debug(msg: str) -> None:
    if os.environ.get("ZGC_BENCH_DEBUG"):
        print(f"{time.perf_counter():.3f} {msg}", file=sys.stderr, flush=True)


def _vm(field: str) -> float:
    """A /proc/self/status memory figure in MB (VmHWM: peak resident set)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return float("nan")


def app_child(db: str, launched: float, first_rows_only: bool = False) -> None:
    """Start the app as `zgc-tui --db DB --pane metrics` does, but headless under Pilot; print JSON."""
    import asyncio

    from zgc.tui import cli

    offset = time.time() - time.perf_counter()  # perf_counter → wall clock, to compare with the launch time
    rec = _Recorder()
    result: dict = {}

    async def until(pred, timeout: float):  # type: ignore[no-untyped-def]
        """Wait for pred() to hold, waking on the app's own messages (no busy polling that would steal the GIL)."""
        end = time.perf_counter() + timeout
        while True:
            rec.changed.clear()
            v = pred()
            if v:
                return v
            left = end - time.perf_counter()
            if left <= 0:
                return None
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(rec.changed.wait(), min(left, 0.05))

    async def drive(app) -> None:  # type: ignore[no-untyped-def]
        rec.changed = asyncio.Event()
        async with app.run_test(size=APP_SIZE, message_hook=rec.hook) as pilot:
            shown = await until(lambda: next((r for r in rec.results if r.pane == "metrics" and r.rows > 0), None),
                                120)
            if not shown:
                raise RuntimeError("the metrics table never showed rows")
            result["first_paint_s"] = round(shown.shown + offset - launched, 3)
            result["validate_s"] = round(app.timings.get("validate_s", 0.0), 3)
            result["rss_at_first_paint_mb"] = round(_vm("VmRSS"), 1)
            if first_rows_only:
                return
            panes = {}
            for name in QUERIES:
                panes[name] = await type_queries(app, pilot, name)
            result["panes"] = panes
            result["series_open_ms"] = await open_series(app, pilot)

    async def open_series(app, pilot) -> dict:  # type: ignore[no-untyped-def]
        """The series screen of the longest series, from the message that opens it to its list painted."""
        from zgc.tui.messages import OpenSeries
        from zgc.tui.screens.series import SeriesScreen

        sid = app.conn.execute("SELECT id FROM series ORDER BY n_points DESC LIMIT 1").fetchone()
        times = []
        for _ in range(5 if sid else 0):
            t = time.perf_counter()
            app.post_message(OpenSeries(sid[0]))
            if not await until(lambda: isinstance(app.screen, SeriesScreen) and app.screen.query("OptionList"), 30):
                break
            await pilot.pause()  # one frame: the chart and the list on screen
            times.append(time.perf_counter() - t)
            app.pop_screen()
            await pilot.pause()
        return summary_ms(times)

    async def settle(pane) -> bool:  # type: ignore[no-untyped-def]
        t = time.perf_counter()
        ok = bool(await until(lambda: pane.settled, 30))
        _debug(f"settle {pane.PANE} {pane.filter_input.value!r}: {ok} in {time.perf_counter() - t:.3f} s")
        return ok

    async def type_queries(app, pilot, name: str) -> dict:  # type: ignore[no-untyped-def]
        await app.action_show_pane(name)
        await pilot.pause()
        pane = app.pane(name)
        await settle(pane)
        pane.filter_input.focus()
        await pilot.pause()
        keys: list[float] = []
        facets_first: list[float] = []
        facets_exact: list[float] = []
        timeouts = facet_timeouts = estimates = 0
        last = 0.0
        for text in QUERIES[name]:
            if pane.filter_input.value:
                # Clear the filter (not timed) and let the unfiltered view and its facets finish,
                # as a user would look at the table before typing the next query.
                t = time.perf_counter()
                pane.filter_input.value = ""
                await until(lambda t=t: any(r.shown > t and r.pane == name and r.filter_text == ""
                                            for r in rec.results), 5)
                await settle(pane)
                last = time.perf_counter()  # the clear was a keystroke too: keep the typing pace after it
            t0 = 0.0
            got = None
            for i, ch in enumerate(text):
                target = text[: i + 1]
                await asyncio.sleep(max(0.0, last + PACE - time.perf_counter()))
                t0 = last = time.perf_counter()
                await pilot.press(ch)
                # The first rows shown for this text: a preview in index order counts, as it is what the
                # user sees (pilot.press may return only after the sorted rows replaced it).
                got = await until(lambda t0=t0, target=target: next(
                    (r for r in rec.results if r.shown > t0 and r.pane == name and r.filter_text == target), None), 10)
                if not got:
                    timeouts += 1
                    continue
                keys.append(got.shown - t0)
                _debug(f"key {name} {target!r}: {1000 * (got.shown - t0):.1f} ms")
            gen = got.generation if got else -1

            def facet_shown(kinds, gen=gen):  # type: ignore[no-untyped-def]
                return next((f for f in rec.facets if f.pane == name and f.generation == gen and f.kind in kinds),
                            None)

            first = await until(lambda: facet_shown(("exact", "estimate")), 10)
            if first:
                facets_first.append(first.shown - t0)
                estimates += first.kind == "estimate"
            exact = await until(lambda: facet_shown(("exact", "gave up")), 15)
            if exact and exact.kind == "exact":
                facets_exact.append(exact.shown - t0)
            else:
                facet_timeouts += 1  # no exact counts: over the app's patience, or it gave up
        return {"keystroke": summary_ms(keys), "facets": summary_ms(facets_first),
                "facets_exact": summary_ms(facets_exact), "facet_estimates": estimates,
                "keystroke_timeouts": timeouts, "facet_timeouts": facet_timeouts, "queries": len(QUERIES[name])}

    app, code = cli.open_app(["--db", db, "--pane", "metrics"])
    if app is None:
        raise SystemExit(f"zgc-tui exited with {code}")
    asyncio.run(drive(app))
    panes = list(result.get("panes", {}).values())
    result["rss_mb"] = round(_vm("VmHWM"), 1)
    result["keystroke_p95_ms"] = _worst([p["keystroke"]["p95_ms"] for p in panes])
    result["facet_p95_ms"] = _worst([p["facets"]["p95_ms"] for p in panes])
    result["facet_exact_p95_ms"] = _worst([p["facets_exact"]["p95_ms"] for p in panes])
    result["facet_estimates"] = sum(p["facet_estimates"] for p in panes)
    result["facet_timeouts"] = sum(p["facet_timeouts"] for p in panes)
    print(json.dumps(result, ensure_ascii=False))


# ---------------------------------------------------------------- report


def _fmt(v: object) -> str:
    if v is None:
        return "-"
    if isinstance(v, float):
        return f"{v:,.3g}" if abs(v) < 100 else f"{v:,.0f}"
    if isinstance(v, int):
        return f"{v:,}"
    return str(v)


def _goal(key: str, value: object) -> str:
    if key not in GOALS or not isinstance(value, (int, float)):
        return ""
    op, target = GOALS[key]
    ok = {">=": value >= target, "<=": value <= target, "<": value < target}[op]
    return f"{'met' if ok else 'NOT MET'} (goal {op} {target:g})"


def table(result: dict) -> str:
    lines = [f"zgc benchmark · {result['cores']} cores · Python {result['python']} · {result['command']}", ""]
    if result.get("build"):
        lines.append("Build (zgc-build in a subprocess; chars/s = input characters / wall time)")
        head = ["pages", "chars", "jobs=1 s", "jobs=1 chars/s", f"jobs={result['cores']} chars/s", "speedup",
                "jieba chars/s", "build/jieba", "catalog/input"]
        rows = [[b["pages"], b["chars"], b["jobs_1"]["wall_s"], b["jobs_1"]["chars_per_s"],
                 b[f"jobs_{b['build_jobs']}"]["chars_per_s"], b["build_jobs_speedup"], b["jieba_chars_per_s"],
                 b["build_ratio_vs_jieba"], b["catalog_size_ratio"]] for b in result["build"]]
        lines += [*_grid(head, rows), ""]
    if result.get("query"):
        lines.append("Query layer alone (every prefix of the typed queries; ms: p50 / p95)")
        head = ["metric rows", "pane", "search (ids + first rows)", "count", "facets"]
        rows = []
        for size in result["query"]:
            for pane in (*QUERIES, "all"):
                q = size["panes"][pane]
                rows.append([size["rows"], pane] + [f"{q[k]['p50_ms']:.1f} / {q[k]['p95_ms']:.1f}"
                                                    for k in ("search", "count", "facets")])
        lines += [*_grid(head, rows), ""]
    if result.get("app"):
        lines.append("App (headless Pilot, 100x30; ms: p50 / p95)")
        head = ["metric rows", "first rows s", "pane", "keystroke→repaint", "last key→facets", "facet timeouts",
                "RSS MB"]
        rows = []
        for size in result["app"]:
            if "error" in size:
                rows.append([size["rows"], "-", "error: " + size["error"][:60], "", "", "", ""])
                continue
            for pane, p in size["panes"].items():
                rows.append([size["rows"], size["first_paint_s"], pane,
                             f"{p['keystroke']['p50_ms']:.1f} / {p['keystroke']['p95_ms']:.1f}",
                             f"{p['facets']['p50_ms']:.1f} / {p['facets']['p95_ms']:.1f}",
                             p["facet_timeouts"], size["rss_mb"]])
        lines += [*_grid(head, rows), ""]
    lines.append("Headline figures (largest sizes run)")
    lines += _grid(["figure", "value", "goal"], [[k, result[k], _goal(k, result[k])] for k in HEADLINE])
    for note in result.get("notes", []):
        lines.append("note: " + note)
    return "\n".join(lines)


def _grid(head: list[str], rows: list[list]) -> list[str]:
    from rich.cells import cell_len

    cells = [[_fmt(c) for c in r] for r in rows]
    widths = [max([cell_len(h)] + [cell_len(r[i]) for r in cells]) for i, h in enumerate(head)]

    def line(r: list[str]) -> str:
        return "  ".join(c + " " * (w - cell_len(c)) for c, w in zip(r, widths, strict=False)).rstrip()

    return [line(head), line(["-" * w for w in widths]), *(line(r) for r in cells)]


HEADLINE = ("build_chars_per_s", "jieba_chars_per_s", "build_ratio_vs_jieba", "build_jobs_speedup",
            "catalog_size_ratio", "incremental_s", "incremental_ratio", "app_first_paint_s", "app_filter_p95_ms",
            "app_facet_p95_ms", "app_series_open_p95_ms", "app_rss_mb", "rows")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description="zgc's benchmark (see the module docstring)")
    p.add_argument("--quick", action="store_true", help="smallest sizes only: 100 pages, 10k metric rows")
    p.add_argument("--json", action="store_true", help="print one JSON object instead of the table")
    p.add_argument("--pages", type=int, nargs="+", help="corpus sizes in pages (default: 100 1000 10000)")
    p.add_argument("--rows", type=int, nargs="+", help="catalog sizes in metric rows (default: 10k 100k 1M)")
    p.add_argument("--skip", nargs="+", default=[], choices=("build", "query", "app"), help="parts to leave out")
    p.add_argument("--work", type=Path, help="folder for corpora and catalogs (default: a temporary one, removed)")
    p.add_argument("--app-child", nargs=2, metavar=("DB", "LAUNCHED"), help=argparse.SUPPRESS)
    p.add_argument("--first-rows-only", action="store_true", help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if args.app_child:
        app_child(args.app_child[0], float(args.app_child[1]), args.first_rows_only)
        return 0
    pages = tuple(args.pages or (QUICK_PAGES if args.quick else PAGES))
    rows = tuple(args.rows or (QUICK_ROWS if args.quick else ROWS))
    cores = os.cpu_count() or 1
    result: dict = {"command": "python bench/bench.py " + " ".join(argv if argv is not None else sys.argv[1:]),
                    "cores": cores, "python": platform.python_version(), "platform": platform.platform(),
                    "notes": [], "build": [], "catalogs": {}, "query": [], "app": []}
    result["notes"] += [
        "corpora: synthetic pages recombining the seeds' paragraphs (bench/synth.py), 1-4 articles a page",
        "catalogs: synthetic, proportions of the seeds (6.75 metrics per article, 4 per event, 5 per entity);"
        " article bodies are 1-3 seed paragraphs, so the articles index is about half a real one's size",
        f"app: zgc-tui's own start-up path, run headless at {APP_SIZE[0]}x{APP_SIZE[1]} under Pilot; times are the"
        " app's own ResultsShown / FacetsShown messages, stamped after the screen painted the rows or counts;"
        f" keystrokes at least {PACE * 1000:.0f} ms apart, each waiting for its repaint",
        "first rows: from process launch to the metrics table's first rows on screen"
        f" (includes interpreter start, imports and catalog validation); the median of {FIRST_PAINT_RUNS} launches",
    ]
    work = args.work or Path(tempfile.mkdtemp(prefix="zgc-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    try:
        material = _synth().load_material()
        if "build" not in args.skip:
            for n in pages:
                result["build"].append(bench_build(work, n, material, cores))
        if {"query", "app"} - set(args.skip):
            cats = make_catalogs(work, rows, material)
            result["catalogs"] = {str(k): v for k, v in cats.items()}
            for n, cat in cats.items():
                if "query" not in args.skip:
                    log(f"query layer on {n} metric rows")
                    result["query"].append({"rows": n, "panes": bench_query(cat["db"])})
                if "app" not in args.skip:
                    log(f"app on {n} metric rows")
                    result["app"].append({"rows": n, **bench_app(cat["db"])})
                Path(cat["db"]).unlink()
    finally:
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)
    result["seconds"] = round(time.perf_counter() - started, 1)
    headline(result)
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=1))
        print(table(result), file=sys.stderr)  # the same figures for a reader, out of the JSON's way
    else:
        print(table(result))
    return 0


def headline(result: dict) -> None:
    """The top-level figures the README quotes, from the largest size of each part that ran."""
    b = result["build"][-1] if result["build"] else {}
    for key in ("build_chars_per_s", "jieba_chars_per_s", "build_ratio_vs_jieba", "build_jobs_speedup",
                "catalog_size_ratio", "incremental_s", "incremental_ratio"):
        result[key] = b.get(key)
    apps = [a for a in result["app"] if "error" not in a]
    a = apps[-1] if apps else {}
    result["app_first_paint_s"] = a.get("first_paint_s")
    result["app_filter_p95_ms"] = a.get("keystroke_p95_ms")
    result["app_facet_p95_ms"] = a.get("facet_p95_ms")
    result["app_rss_mb"] = a.get("rss_mb")
    result["rows"] = a.get("rows")
    result["app_facet_exact_p95_ms"] = a.get("facet_exact_p95_ms")
    result["app_validate_s"] = a.get("validate_s")
    result["app_series_open_p95_ms"] = (a.get("series_open_ms") or {}).get("p95_ms")


if __name__ == "__main__":
    sys.exit(main())
