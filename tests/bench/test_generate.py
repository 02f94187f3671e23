"""The benchmark generator makes what it promises (at a small size)."""
from __future__ import annotations

import pytest

from bench.generate import NationalBuilder, generate, main
from core.storage import open_database
from core.tallies import tally


def test_a_small_national_database(tmp_path):
    made = generate(tmp_path / "n.db", 1500)
    assert made.victims == 1500
    db = open_database(tmp_path / "n.db")
    one = lambda sql: db.execute(sql).fetchone()[0]  # noqa: E731
    assert one("SELECT COUNT(*) FROM victims") == 1500
    assert one("SELECT COUNT(*) FROM incidents") == made.incidents
    assert one("SELECT MIN(date) FROM incidents") >= "2011-03-01"
    assert one("SELECT MAX(date) FROM incidents") <= "2024-12-31"
    assert one("SELECT COUNT(DISTINCT substr(date, 1, 4)) FROM incidents") >= 8
    assert one("SELECT COUNT(DISTINCT review_status) FROM incidents") == 5
    assert one("SELECT COUNT(DISTINCT governorate) FROM incidents") >= 12
    assert one("SELECT COUNT(*) FROM victims WHERE given_name = '' AND name_latin = ''") > 0
    assert one("SELECT COUNT(*) FROM victims WHERE outcome = 'injured'") > 0
    approved = tally(db, status="approved", civilian="all").total.killed
    assert 0 < approved < tally(db, status="all", civilian="all").total.killed
    db.close()


def test_the_same_seed_gives_the_same_records():
    first = [(i.model_dump(), [v.model_dump() for v in vs]) for i, vs in NationalBuilder(7).stream(300)]
    again = [(i.model_dump(), [v.model_dump() for v in vs]) for i, vs in NationalBuilder(7).stream(300)]
    assert first == again


def test_an_existing_file_is_refused(tmp_path, capsys):
    (tmp_path / "x.db").write_bytes(b"")
    assert main(["--victims", "10", "--out", str(tmp_path / "x.db")]) == 1
    assert "exists" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["--victims", "0", "--out", str(tmp_path / "y.db")])
