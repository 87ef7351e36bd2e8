"""The app in a real terminal (tmux): keys sent in one burst right after start and after / all land where a
user meant them. Skipped where tmux is not installed."""
from __future__ import annotations

import shutil
import subprocess
import sys
import time
import uuid

import pytest

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")

TIMEOUT = 60.0


SOCKET = f"zgc-test-{uuid.uuid4().hex[:8]}"  # a tmux server of the tests' own: no other session is touched


def _tmux(*args: str, check: bool = False) -> str:
    return subprocess.run(["tmux", "-L", SOCKET, *args], capture_output=True, text=True, check=check).stdout


@pytest.fixture
def terminal(seed_db, tmp_path):
    session = f"s{uuid.uuid4().hex[:8]}"
    cmd = (f"XDG_STATE_HOME={tmp_path} XDG_CONFIG_HOME={tmp_path} {sys.executable} -m zgc.tui.cli "
           f"--db {seed_db} --pane metrics")
    _tmux("new-session", "-d", "-s", session, "-x", "120", "-y", "40", cmd, check=True)
    yield session
    _tmux("kill-server")


def screen(session: str) -> str:
    return _tmux("capture-pane", "-p", "-t", session)


def filter_line(text: str) -> str:
    """The third line: the tabs, their underline, then the pane's filter line."""
    lines = text.splitlines()
    return lines[2] if len(lines) > 2 else ""


def alive(session: str) -> bool:
    return subprocess.run(["tmux", "-L", SOCKET, "has-session", "-t", session], capture_output=True).returncode == 0


def wait_for(session: str, condition, what: str) -> str:
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        text = screen(session)
        if condition(text):
            return text
        time.sleep(0.1)  # polling the terminal's state: the wait ends on what it shows
    raise AssertionError(f"timed out waiting for {what}; the screen shows:\n{screen(session)}")


def test_slash_q_in_one_burst_types_q_and_never_quits(terminal):
    wait_for(terminal, lambda s: "rows" in s and "sorted by" in s, "the metrics table")
    _tmux("send-keys", "-t", terminal, "-l", "/q")  # one write: a fast typist, a paste, a slow link
    text = wait_for(terminal, lambda s: "q" in filter_line(s), "q in the filter line")
    assert alive(terminal)
    assert filter_line(text).strip() == "q"


def test_keys_right_after_start_reach_the_app_in_order(terminal):
    # Sent as soon as the tabs appear, while the first rows are still being read: the pane switch and
    # the filter typed after it.
    wait_for(terminal, lambda s: "1 Articles" in s, "the tabs")
    _tmux("send-keys", "-t", terminal, "-l", "1/专利")
    text = wait_for(terminal, lambda s: "专利" in filter_line(s) and "rows" in s, "the articles pane filtered by 专利")
    assert alive(terminal)
    assert filter_line(text).strip() == "专利", text  # typed into the Articles pane's filter line, nothing lost
    assert "Title" in text.splitlines()[3]  # the Articles pane's table, not the Metrics pane it started in
