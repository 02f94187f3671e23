"""`Changes`: what a write touched, and "everything" when it is too much to list."""
from __future__ import annotations

from pathlib import Path

import pytest

from core.changes import Changes
from core.exchange import export_package, import_package
from core.exchange import import_ as import_module
from core.storage import open_database
from tests.core.exchange.helpers import populated


def test_everything_raises_the_flags_of_every_view_of_records() -> None:
    changes = Changes.all_records()
    assert changes and changes.everything and changes.records
    assert (changes.tallies, changes.duplicates, changes.review) == (True, True, True)
    assert (changes.incidents, changes.victims) == (set(), set())
    assert not changes.accounts and not changes.gazetteer


def test_records_follows_the_sets_without_everything() -> None:
    assert not Changes(tallies=True).records
    assert Changes(incidents={"x"}).records
    assert Changes(victims={"y"}).records


def test_merge_keeps_everything() -> None:
    merged = Changes(incidents={"x"}).merge(Changes.all_records())
    assert merged.everything and merged.records and merged.incidents == {"x"}
    assert not Changes().merge(Changes(review=True)).everything


@pytest.mark.parametrize("limit, everything", [(1, True), (10_000, False)])
def test_an_import_beyond_the_limit_says_everything(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                    limit: int, everything: bool) -> None:
    team, rec = populated(tmp_path / "team.db")
    package = export_package(team, tmp_path / "p", status="all").path
    team.close()
    monkeypatch.setattr(import_module, "CHANGES_LIMIT", limit)
    central = open_database(tmp_path / "central.db")
    changes = import_package(central, package, "bob").changes
    central.close()
    assert changes.everything is everything
    assert changes.records and changes.tallies and changes.review and changes.duplicates
    if everything:
        assert changes.incidents == changes.victims == set()
    else:
        assert changes.incidents == {rec["one"].incident_uuid, rec["two"].incident_uuid}
        assert len(changes.victims) == 3
