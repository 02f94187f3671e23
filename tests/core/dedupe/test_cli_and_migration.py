"""`tawthiq duplicates`, and the migration that fills the keys of existing records."""
from __future__ import annotations

import csv
import sqlite3

from sqlite_utils import Database

from core.cli import main
from core.storage import open_database
from core.storage.records import save_incident
from core.storage.schema import apply_migrations
from tests.core.factories import incident, victim


def _fill(db_path) -> None:
    db = open_database(db_path)
    first = incident(locality="Douma")
    save_incident(db, first, [victim(first, given_name="محمد", father_name="أحمد", family_name="الحلبي"),
                              victim(first, given_name="محمود", father_name="أحمد", family_name="الحلبي")], "a")
    second = incident(locality="Douma", date="2016-01-06")
    save_incident(db, second, [victim(second, given_name="Mohammad", father_name="Ahmad",
                                      family_name="al-Halabi")], "b")
    db.close()


def test_duplicates_writes_each_pair_once(db_path, tmp_path, capsys) -> None:
    _fill(db_path)
    out = tmp_path / "pairs.csv"
    assert main(["--db", str(db_path), "duplicates", "--out", str(out)]) == 0
    rows = list(csv.DictReader(out.read_text(encoding="utf-8").splitlines()))
    assert list(rows[0]) == ["victim_uuid_a", "victim_uuid_b", "score", "reasons"]
    assert len(rows) == 1 and float(rows[0]["score"]) >= 0.8 and rows[0]["reasons"]
    assert "1 likely duplicate pairs" in capsys.readouterr().out


def test_duplicates_min_score_lowers_the_bar(db_path, capsys) -> None:
    _fill(db_path)
    assert main(["--db", str(db_path), "duplicates", "--min-score", "0.3"]) == 0
    rows = list(csv.reader(capsys.readouterr().out.splitlines()))
    # The brothers appear, scored low; Mohammed's pairing with the brother who is not him
    # does not: he matches his own record in that incident better.
    assert len(rows) - 1 == 2 and min(float(r[2]) for r in rows[1:]) < 0.5


def test_duplicates_refuses_a_score_out_of_range(db_path, capsys) -> None:
    _fill(db_path)
    assert main(["--db", str(db_path), "duplicates", "--min-score", "2"]) == 1
    assert "--min-score must be between 0 and 1" in capsys.readouterr().err


def test_migration_fills_keys_of_records_saved_before_it(db_path) -> None:
    old = Database(sqlite3.connect(str(db_path)))
    apply_migrations(old, up_to=4)
    inc = incident()
    v = victim(inc, given_name="عبد الله", family_name="الحلبي")
    old["incidents"].insert({**inc.model_dump(mode="json"), "deleted": 0})
    old["victims"].insert({**v.model_dump(mode="json"), "deleted": 0, "search_text": ""})
    old["victim_keys"].insert({"victim_uuid": v.victim_uuid, "key_given": "old"})
    old.close()
    db = open_database(db_path)
    row = db["victim_keys"].get(v.victim_uuid)
    assert row["key_given"] == "عبدله" and row["skel_family"] == "hlb" and row["event_date"] == "2016-01-05"
    db.close()


def test_duplicates_incidents_lists_incident_records_of_one_event(db_path, capsys) -> None:
    _fill(db_path)
    assert main(["--db", str(db_path), "duplicates", "--incidents"]) == 0
    rows = list(csv.reader(capsys.readouterr().out.splitlines()))
    assert rows[0] == ["incident_uuid_a", "incident_uuid_b", "shared_victims", "score", "reasons"]
    assert len(rows) == 2 and rows[1][2] == "1"


def test_keys_are_recomputed_with_the_current_rules(db_path) -> None:
    from core.storage.schema import MIGRATIONS

    _fill(db_path)
    db = open_database(db_path)
    db.execute("UPDATE victim_keys SET key_family = 'stale', skel_family = 'stale'")
    recompute = next(fn for number, _, fn in MIGRATIONS if number == 35)
    recompute(db)
    families = {r[0] for r in db.execute("SELECT skel_family FROM victim_keys")}
    assert families == {"hlb"}
    db.close()
