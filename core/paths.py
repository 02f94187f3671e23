"""Where the application keeps its files."""
from __future__ import annotations

import os
from pathlib import Path

import platformdirs

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
APP_NAME = "Tawthiq"


def data_dir() -> Path:
    """The user's data folder for Tawthiq (created on demand)."""
    path = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_database(saved: str | Path | None = None) -> Path:
    """`TAWTHIQ_DB` when set, else the database the user chose before (`saved`), else
    `tawthiq.db` in the user's data folder."""
    env = os.environ.get("TAWTHIQ_DB")
    if env:
        return Path(env)
    if saved:
        return Path(saved)
    return data_dir() / "tawthiq.db"
