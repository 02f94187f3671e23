"""`python -m core.cli`, as `make run` and `make demo` call it, runs the command line."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent


def run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "core.cli", *args], cwd=ROOT, env=env, capture_output=True,
                          text=True, stdin=subprocess.DEVNULL, timeout=300)


def test_python_m_core_cli_runs_commands_and_reports_user_errors(tmp_path):
    db = str(tmp_path / "m.db")
    first = run("--db", db, "--plain", "demo")
    assert first.returncode == 0, first.stderr
    again = run("--db", db, "--plain", "demo")
    assert again.returncode == 1
    assert again.stderr.startswith("tawthiq: ") and "Traceback" not in again.stderr
    tallied = run("--db", db, "tally", "--from", "2016-01-01", "--to", "2016-01-31", "--json")
    assert tallied.returncode == 0, tallied.stderr
    assert json.loads(tallied.stdout)["total"]["killed"] > 0
