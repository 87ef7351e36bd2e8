"""Finding the article files under the paths a user gives: each once, symlink loops cut."""
from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from ..records import Problem

SUFFIXES = (".txt", ".md", ".html", ".htm", ".shtml", ".xhtml", ".pdf")


def collect_files(paths: Iterable[Path]) -> tuple[list[Path], list[Problem]]:
    """The article files (SUFFIXES) under `paths`, sorted, each once; symlink loops are cut."""
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
