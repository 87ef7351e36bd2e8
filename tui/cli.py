"""`zgc-tui`: open a catalog (building the default one on first use) and browse it."""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .app import ZgcApp

EPILOG = """\
The catalog is --db, else $ZGC_DB, else $XDG_DATA_HOME/zgc/catalog.db; when the
default catalog does not exist yet it is built from the bundled corpus first.
Exit status: 0 normal; 2 the catalog cannot be opened (the message says why).
Press ? in the app for every key and the filter syntax.
"""


def parser() -> argparse.ArgumentParser:
    from zgc.db.query import PANES

    p = argparse.ArgumentParser(prog="zgc-tui", description="Browse a zgc catalog: articles, entities, "
                                "metrics and a timeline of Chinese science and technology policy news.",
                                epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--db", type=Path, help="the catalog to open (read-only)")
    p.add_argument("--pane", choices=PANES, default="articles", help="the pane to start in")
    p.add_argument("--filter", default="", metavar="TEXT", help="the filter to start with (see ? in the app)")
    p.add_argument("--version", action=_Version, help="show the version and exit")
    return p


class _Version(argparse.Action):
    """--version, looked up only when asked for: importing importlib.metadata costs ~35 ms of every start."""

    def __init__(self, option_strings: list[str], dest: str = argparse.SUPPRESS, **kwargs: object) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, **kwargs)  # type: ignore[arg-type]

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> None:
        print(f"{parser.prog} {_version()}")  # on stdout, as argparse's own version action
        parser.exit()


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("zgc")
    except PackageNotFoundError:
        return "0+unknown"


def _fail(message: str) -> int:
    print(f"zgc-tui: {message}", file=sys.stderr)
    return 2


SWITCH_INTERVAL = 0.0005  # seconds a thread may hold the GIL while another waits for it
BUNDLED = "bundled seeds"  # the corpus name the default catalog records in its meta table


def _build_default(db_path: Path, why: str) -> None:
    """Build the default catalog from the bundled corpus, showing progress on stderr."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
    from zgc.db.build import build_catalog
    from zgc.db.paths import bundled_corpus

    console = Console(stderr=True)
    console.print(f"zgc-tui: {why}; building it from the bundled corpus")
    with Progress(TextColumn("building"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.description}"),
                  console=console, transient=True) as bar:
        task = bar.add_task("", total=None)

        def update(done: int, total: int, path: str) -> None:
            bar.update(task, completed=done, total=total, description=os.path.basename(path))

        summary = build_catalog([bundled_corpus()], db_path, progress=update, corpus=BUNDLED)
    console.print(f"zgc-tui: wrote {db_path} ({summary.articles} articles, {summary.metrics} metrics, "
                  f"{summary.events} events, {summary.entities} entities)")


def main(argv: list[str] | None = None) -> int:
    app, code = open_app(argv)
    if app is None:
        return code
    app.run()
    return app.return_code or 0


def open_app(argv: list[str] | None = None) -> tuple[ZgcApp | None, int]:
    """Everything `zgc-tui` does before the app takes the terminal: the app to run, or None and an exit status.

    The app's `timings` say how long checking the catalog took (the benchmark reads them).
    """
    # Frame rate and GC settings must precede Textual's import (see DESIGN.md: keystroke latency).
    os.environ.setdefault("TEXTUAL_FPS", "240")
    # Queries run in threads, and SQLite hands the GIL back and forth once per row fetched. At Python's
    # default 5 ms switch interval, a main thread busy laying out or painting makes each of those
    # handoffs wait up to 5 ms: the first 200 ids took 40-200 ms at start-up instead of 0.2 ms.
    sys.setswitchinterval(SWITCH_INTERVAL)
    args = parser().parse_args(argv)
    from zgc.db import catalog
    from zgc.db.paths import default_db_path

    db_path = args.db.expanduser() if args.db else default_db_path()
    default = args.db is None and not os.environ.get("ZGC_DB")

    def build(why: str) -> int:
        try:
            _build_default(db_path, why)
        except KeyboardInterrupt:
            return _fail(f"interrupted; {db_path} was left as it was")
        except Exception as err:  # the build's own errors carry their message
            return _fail(f"could not build the default catalog at {db_path}: {err}")
        return 0

    if default and not db_path.exists() and (code := build(f"no catalog at {db_path} yet")):
        return None, code
    started = time.perf_counter()
    try:
        catalog.validate(db_path)
    except catalog.OutdatedCatalog as err:
        # The bundled corpus's catalog is ours to rebuild after an upgrade; one of the user's own files is not.
        if not (default and err.meta.get("corpus") == BUNDLED):
            return None, _fail(str(err))
        if code := build(f"{db_path} was built by an older zgc"):
            return None, code
    except catalog.CatalogError as err:
        return None, _fail(str(err))
    validated = time.perf_counter() - started
    from .app import ZgcApp

    try:
        app = ZgcApp(db_path, pane=args.pane, filter_text=args.filter)
    except Exception as err:  # sqlite3 errors opening the file: one line, no traceback
        return None, _fail(f"{db_path}: cannot open ({err})")
    app.timings["validate_s"] = validated
    return app, 0


if __name__ == "__main__":
    sys.exit(main())
