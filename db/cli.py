"""`zgc-build`: build a catalog from article files."""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from .build import BuildError, BuildSummary, build_catalog
from .paths import bundled_corpus, default_db_path

EPILOG = """\
exit status: 0 every file was read; 1 some files were skipped (the catalog is
still written, the problems are listed and kept in its `problems` table);
2 usage error, or nothing could be built (the previous catalog is untouched).

The catalog goes to --db, else $ZGC_DB, else $XDG_DATA_HOME/zgc/catalog.db.
Run again on the same files to update it: only files that are new or changed
(by their bytes) are read; a new zgc version reads everything again.
"""


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="zgc-build",
        description="Read article files and build zgc's SQLite catalog of articles, metrics, events and entities.\n\n"
        "Files read (folders are searched for them):\n"
        "  .txt .md                    newspaper pages, notices, copied web text (UTF-8, UTF-16, GB18030)\n"
        "  .html .htm .shtml .xhtml    saved web pages: the story without the site's menus, with its metadata\n"
        "  .pdf                        PDFs with a text layer (e-paper pages, notices; columns read in order)",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("paths", nargs="*", type=Path, metavar="PATH",
                   help="files or folders (searched recursively); default: the bundled corpus")
    p.add_argument("--db", type=Path, help="where to write the catalog (default: $ZGC_DB or the user data folder)")
    p.add_argument("--jobs", "-j", type=int, default=None, metavar="N",
                   help="worker processes (default: the number of cores)")
    p.add_argument("--full", action="store_true",
                   help="read every file again (by default a catalog built before by this version is updated: "
                        "only new and changed files are read, and the rows of files gone are dropped)")
    p.add_argument("--quiet", "-q", action="store_true", help="print nothing but errors")
    p.add_argument("--json", action="store_true", help="print the summary as JSON")
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if args.jobs is not None and args.jobs < 1:
        parser().error("--jobs must be at least 1")
    db_path = args.db or default_db_path()
    paths = args.paths or [bundled_corpus()]
    corpus = "bundled seeds" if not args.paths else None
    try:
        summary = _run(paths, db_path, args, corpus)
    except BuildError as err:
        kept = f"the catalog at {db_path} is as it was" if db_path.exists() else f"nothing was written to {db_path}"
        print(f"zgc-build: {err}; {kept}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"\nzgc-build: interrupted; {db_path} was left as it was", file=sys.stderr)
        return 130
    except OSError as err:
        print(f"zgc-build: cannot write {db_path}: {err.strerror or err}", file=sys.stderr)
        return 2
    _report(summary, args)
    return summary.exit_status


def _run(paths: list[Path], db_path: Path, args: argparse.Namespace, corpus: str | None) -> BuildSummary:
    import signal

    # SIGTERM ends the build like ctrl+c: the temporary file is removed, the old catalog stays.
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    if args.quiet or args.json or not sys.stderr.isatty():
        def plain(done: int, total: int, path: str) -> None:
            if not (args.quiet or args.json):
                print(f"[{done}/{total}] {path}", file=sys.stderr)

        return build_catalog(paths, db_path, jobs=args.jobs, progress=plain, corpus=corpus, full=args.full)
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    with Progress(TextColumn("building"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                  TextColumn("{task.description}"), transient=True) as bar:
        task = bar.add_task("", total=None)

        def update(done: int, total: int, path: str) -> None:
            bar.update(task, completed=done, total=total, description=os.path.basename(path))

        return build_catalog(paths, db_path, jobs=args.jobs, progress=update, corpus=corpus, full=args.full)


def _report(summary: BuildSummary, args: argparse.Namespace) -> None:
    for p in summary.problems:
        if p.reason != "duplicate" or not args.quiet:
            print(f"zgc-build: {p.path}: {p.reason}" + (f" ({p.detail})" if p.detail else ""), file=sys.stderr)
    if args.json:
        print(json.dumps(summary.as_dict(), ensure_ascii=False, indent=2))
    elif not args.quiet:
        if summary.incremental:
            print(f"updated {summary.db_path}: {summary.read} file{'s' * (summary.read != 1)} read, "
                  f"{summary.reused} unchanged, {summary.removed} dropped")
        else:
            print(f"wrote {summary.db_path}")
        print(f"  {summary.files} files, {summary.articles} articles, {summary.metrics} metrics, "
              f"{summary.events} events, {summary.entities} entities, {len(summary.problems)} problems, "
              f"{summary.seconds:.1f} s")


if __name__ == "__main__":
    sys.exit(main())
