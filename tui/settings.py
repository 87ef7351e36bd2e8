"""The user's own files: a keymap (config folder) and the filter history (state folder).

    $XDG_CONFIG_HOME/zgc/keymap.toml   binding ids to keys, e.g.  "pane.sort" = "o"
    $XDG_STATE_HOME/zgc/history.json   each pane's earlier filters, newest last

A file that cannot be read never stops the app: the problem is reported once, and
the defaults are used.
"""
from __future__ import annotations

import contextlib
import json
import os
import re
import tempfile
from pathlib import Path

HISTORY_MAX = 200  # filters kept per pane


def config_dir() -> Path:
    return Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config").expanduser() / "zgc"


def state_dir() -> Path:
    return Path(os.environ.get("XDG_STATE_HOME") or Path.home() / ".local" / "state").expanduser() / "zgc"


def _toml(text: str) -> dict:
    """The keymap's TOML; tomllib is imported only for a keymap, as most starts have none (~5 ms)."""
    try:
        import tomllib
    except ImportError:  # Python 3.10: the keymap's few lines are read by _simple_toml
        return _simple_toml(text)
    return tomllib.loads(text)


def load_keymap(path: Path, known: set[str]) -> tuple[dict[str, str], list[str]]:
    """The keymap in `path` (binding id → keys, comma-separated for several) and the problems found."""
    if not path.exists():
        return {}, []
    try:
        text = path.read_text(encoding="utf-8")
        data = _toml(text)
    except (OSError, UnicodeDecodeError, ValueError) as err:  # TOMLDecodeError is a ValueError
        return {}, [f"{path}: cannot be read ({err}); the default keys are used"]
    keymap, problems = {}, []
    for binding_id, keys in data.get("keys", data).items():
        if binding_id not in known:
            problems.append(f"{path}: no key binding is called {binding_id!r} (see ? for the ids)")
        elif not isinstance(keys, str) or not keys.strip():
            problems.append(f"{path}: {binding_id} needs keys as text, such as \"ctrl+o\"")
        else:
            keymap[binding_id] = keys.strip()
    return keymap, problems


_TOML_LINE = re.compile(r'^\s*"?([\w.\-]+)"?\s*=\s*"([^"]*)"\s*(?:#.*)?$')


def _simple_toml(text: str) -> dict[str, str]:
    """`"pane.sort" = "o"` lines (a [keys] header and comments allowed), for Pythons without tomllib."""
    out = {}
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith(("#", "[")):
            continue
        m = _TOML_LINE.match(line)
        if not m:
            raise ValueError(f"line {n} is not  \"binding.id\" = \"keys\"")
        out[m.group(1)] = m.group(2)
    return out


class FilterHistory:
    """Each pane's filters as they were left, oldest first, saved after each one."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.entries: dict[str, list[str]] = {}
        if path is not None and path.exists():
            with contextlib.suppress(OSError, ValueError, AttributeError):
                data = json.loads(path.read_text(encoding="utf-8"))
                self.entries = {k: [v for v in vs if isinstance(v, str)][-HISTORY_MAX:]
                                for k, vs in data.items() if isinstance(vs, list)}

    def of(self, pane: str) -> list[str]:
        return self.entries.get(pane, [])

    def add(self, pane: str, text: str) -> None:
        text = text.strip()
        items = self.entries.setdefault(pane, [])
        if not text or (items and items[-1] == text):
            return
        if text in items:
            items.remove(text)
        items.append(text)
        del items[:-HISTORY_MAX]
        self._save()

    def _save(self) -> None:
        if self.path is None:
            return
        with contextlib.suppress(OSError):  # a history that cannot be kept is no reason to stop browsing
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".history.", dir=self.path.parent)
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                json.dump(self.entries, f, ensure_ascii=False)
            os.replace(tmp, self.path)
