"""The `tawthiq` command opens the window by default; core's own command line cannot."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_gui_command_is_registered_by_gui_not_core(monkeypatch):
    import gui.launch  # noqa: F401  registers the command
    from core import cli

    opened = []
    monkeypatch.setattr("gui.app.main", lambda argv: opened.append(argv) or 0)
    assert cli.main(["--db", "x.db"]) == 0
    assert opened == [["--db", "x.db"]]


def test_core_alone_says_where_the_window_is():
    result = subprocess.run([sys.executable, "-m", "core", "gui"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 2
    assert "python -m gui" in result.stderr and "Traceback" not in result.stderr


def test_python_dash_m_gui_is_the_command():
    result = subprocess.run([sys.executable, "-m", "gui", "--help"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "tally" in result.stdout and "gui" in result.stdout
