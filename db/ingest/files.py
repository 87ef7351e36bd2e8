"""Finding the article files under the paths a user gives: each once, symlink loops cut."""
from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
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
        for path, real in _article_files(str(root), problems):
            found.setdefault(real, Path(path))
    return sorted(found.values(), key=lambda p: str(p)), problems


def _article_files(top: str, problems: list[Problem]) -> Iterator[tuple[str, str]]:
    """(path, real path) of the article files under `top`, each folder's files before its subfolders.

    Symlinks are followed; a folder reached again (a loop) is reported and not entered twice. Only
    folders and symlinks have their real path worked out: a file's is its folder's and its name.
    """
    seen: set[str] = set()
    stack = [top]
    while stack:
        folder = stack.pop()
        real = os.path.realpath(folder)
        if real in seen:
            problems.append(Problem(folder, "symlink loop", f"already read as {real}"))
            continue
        seen.add(real)
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError:
            continue  # an unreadable folder, as os.walk skips it
        subfolders = []
        for entry in entries:
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            if is_dir:
                subfolders.append(entry.path)
            elif entry.name.lower().endswith(SUFFIXES) and not entry.name.startswith("."):
                yield entry.path, os.path.realpath(entry.path) if entry.is_symlink() else os.path.join(real, entry.name)
        stack.extend(reversed(subfolders))
