"""Shared fixtures: every test gets its database and settings in a temporary folder."""
from __future__ import annotations

import os

# Qt runs without a screen in tests; set before any Qt import.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_QPA_FONTDIR", "/usr/share/fonts")

import gc  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
GAZETTEER_CSV = SHARED / "data" / "gazetteer" / "syria-admin-pcodes.csv"


@pytest.fixture(autouse=True)
def _collect_on_the_main_thread():
    """As in the application (gui/collector.py): the cycle collector never runs on a
    worker thread, where it could destroy Qt objects of the GUI thread and deadlock."""
    gc.disable()
    yield
    gc.collect()


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep the user's data folder, settings and environment out of every test."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    for name in ("TAWTHIQ_DB", "TAWTHIQ_USER", "TAWTHIQ_PASSWORD", "TAWTHIQ_LANG"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "test.db"


@pytest.fixture
def db(db_path: Path):
    from core.storage import open_database

    database = open_database(db_path)
    yield database
    database.close()


@pytest.fixture
def fast_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    """Cheap Argon2id parameters, for tests that create or unlock encrypted databases."""
    from core.storage import keys

    monkeypatch.setattr(keys, "KDF_PARAMS", {"time_cost": 1, "memory_cost": 1024, "parallelism": 1})


@pytest.fixture
def gazetteer_csv() -> Path:
    if not GAZETTEER_CSV.exists():
        pytest.skip("the shared gazetteer is not beside the repository")
    return GAZETTEER_CSV


@pytest.fixture(autouse=True)
def _cheap_password_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    """Argon2id with the smallest parameters: account tests hash many passwords."""
    from argon2 import PasswordHasher

    from core import accounts

    monkeypatch.setattr(accounts, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))
