"""The demonstration data reproduces the published figures, and holds what the review
and duplicate screens need, without the latter changing the former."""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from core import names as core_names
from core.cli import main
from core.storage import open_database
from core.tallies import tally
from seeds.demo import DemoAlreadyLoaded, generate, load_demo, published_figures

JANUARY = published_figures()["january_2016"]
ATTACKS = published_figures()["attacks_2016_02_15"]


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory):
    db = open_database(tmp_path_factory.mktemp("demo") / "demo.db")
    load_demo(db, "tester")
    yield db
    db.close()


def january_tally(db, **kwargs):
    return tally(db, date_from=JANUARY["from"], date_to=JANUARY["to"], **kwargs)


def test_figures_file_is_consistent():
    assert sum(g["killed"] for g in JANUARY["by_perpetrator"]) == JANUARY["killed"]


def test_january_tally_by_perpetrator_equals_the_published_figures(demo_db):
    result = january_tally(demo_db)
    assert result.total.killed == JANUARY["killed"]
    groups = {g.key: g for g in result.groups}
    assert set(groups) == {g["key"] for g in JANUARY["by_perpetrator"]}
    for published in JANUARY["by_perpetrator"]:
        group = groups[published["key"]]
        for field in ("killed", "children", "women"):
            if field in published:
                assert getattr(group, field) == published[field], (published["key"], field)


def test_january_russian_killings_by_governorate_equal_the_published_figures(demo_db):
    split = JANUARY["by_governorate"]
    result = january_tally(demo_db, by="governorate", perpetrator=split["perpetrator"])
    groups = {g.key: g.killed for g in result.groups}
    for published in split["groups"]:
        assert groups[published["key"]] == published["killed"]
    party = next(g for g in JANUARY["by_perpetrator"] if g["key"] == split["perpetrator"])
    assert result.total.killed == party["killed"]


def test_cli_demo_then_tally_json_prints_the_published_figures(tmp_path: Path, capsys, monkeypatch, fast_kdf):
    # `tawthiq demo` on a new file creates it encrypted under these credentials.
    monkeypatch.setenv("TAWTHIQ_USER", "amal")
    monkeypatch.setenv("TAWTHIQ_PASSWORD", "correct horse")
    db = str(tmp_path / "x.db")
    assert main(["--db", db, "demo"]) == 0
    assert "Loaded the demonstration data" in capsys.readouterr().out
    assert main(["--db", db, "tally", "--from", JANUARY["from"], "--to", JANUARY["to"], "--json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed["from"] == JANUARY["from"] and printed["to"] == JANUARY["to"]
    assert printed["status"] == "approved" and printed["by"] == "perpetrator"
    assert printed["total"]["killed"] == JANUARY["killed"]
    groups = {g["key"]: g for g in printed["groups"]}
    for published in JANUARY["by_perpetrator"]:
        for field, value in published.items():
            if field != "key":
                assert groups[published["key"]][field] == value
    split = JANUARY["by_governorate"]
    assert main(["--db", db, "tally", "--from", JANUARY["from"], "--to", JANUARY["to"], "--by", "governorate",
                 "--perpetrator", split["perpetrator"], "--json"]) == 0
    by_place = {g["key"]: g["killed"] for g in json.loads(capsys.readouterr().out)["groups"]}
    for published in split["groups"]:
        assert by_place[published["key"]] == published["killed"]


def test_cli_refuses_to_load_twice_in_one_sentence(tmp_path: Path, capsys, monkeypatch, fast_kdf):
    # `tawthiq demo` on a new file creates it encrypted under these credentials.
    monkeypatch.setenv("TAWTHIQ_USER", "amal")
    monkeypatch.setenv("TAWTHIQ_PASSWORD", "correct horse")
    db = str(tmp_path / "x.db")
    assert main(["--db", db, "demo"]) == 0
    capsys.readouterr()
    assert main(["--db", db, "demo"]) == 1
    err = capsys.readouterr().err
    assert "already" in err and "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_loading_twice_is_refused_and_changes_nothing(demo_db):
    before = [demo_db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
              for t in ("incidents", "victims", "audit_log", "comments", "duplicate_decisions")]
    with pytest.raises(DemoAlreadyLoaded, match="already"):
        load_demo(demo_db, "tester")
    after = [demo_db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
             for t in ("incidents", "victims", "audit_log", "comments", "duplicate_decisions")]
    assert after == before


def test_the_attacks_on_hospitals_and_schools(demo_db):
    rows = demo_db.execute(
        "SELECT facility, review_status FROM incidents WHERE date = ? AND deleted = 0", [ATTACKS["date"]]
    ).fetchall()
    assert Counter(f for f, _ in rows) == Counter(ATTACKS["facilities"])
    assert {s for _, s in rows} == {"approved"}
    day = tally(demo_db, date_from=ATTACKS["date"], date_to=ATTACKS["date"])
    assert day.total.killed >= ATTACKS["killed_at_least"]


def test_the_data_is_the_same_every_time():
    first, second = generate(), generate()
    dump = lambda demo: [(i.model_dump(), [v.model_dump() for v in vs]) for i, vs in demo.records]  # noqa: E731
    assert dump(first) == dump(second)
    assert first.decisions == second.decisions and first.comments == second.comments
    assert first.planted == second.planted


def test_two_databases_get_the_same_records(tmp_path: Path, demo_db):
    other = open_database(tmp_path / "other.db")
    load_demo(other, "someone")
    query = "SELECT victim_uuid, given_name, age, civilian, outcome FROM victims ORDER BY victim_uuid"
    assert other.execute(query).fetchall() == demo_db.execute(query).fetchall()
    other.close()


def test_every_review_state_and_kind_of_victim_is_there(demo_db):
    statuses = {r[0] for r in demo_db.execute("SELECT DISTINCT review_status FROM incidents")}
    assert statuses == {"draft", "submitted", "approved", "returned", "rejected"}
    one = lambda sql: demo_db.execute(sql).fetchone()[0]  # noqa: E731
    assert one("SELECT COUNT(*) FROM victims WHERE outcome = 'injured'") > 0
    assert one("SELECT COUNT(*) FROM victims WHERE civilian = 'combatant'") > 0
    assert one("SELECT COUNT(*) FROM victims WHERE name_latin != ''") > 0
    assert one("""SELECT COUNT(*) FROM victims WHERE given_name = '' AND father_name = ''
                  AND grandfather_name = '' AND family_name = '' AND name_latin = ''""") > 0
    assert one("SELECT COUNT(*) FROM victims WHERE death_date IS NOT NULL") > 0
    assert one("SELECT COUNT(DISTINCT substr(date, 1, 7)) FROM incidents") > 5
    # families: siblings with the same father's, grandfather's and family names
    assert one("""SELECT COUNT(*) FROM (SELECT incident_uuid FROM victims WHERE father_name != ''
                  AND grandfather_name != '' AND age_group = 'child'
                  GROUP BY incident_uuid, father_name, grandfather_name, family_name
                  HAVING COUNT(*) >= 2)""") > 0
    assert one("SELECT COUNT(*) FROM comments WHERE status_change = 'returned'") > 0
    assert one("SELECT COUNT(*) FROM comments WHERE status_change = 'rejected'") > 0


def test_records_not_yet_approved_add_to_the_all_records_tally(demo_db):
    approved = january_tally(demo_db).total.killed
    everything = january_tally(demo_db, status="all").total.killed
    assert everything > approved


def test_planted_duplicates_are_pending_or_linked(demo_db):
    planted = generate().planted
    assert {p.kind for p in planted} >= {"hamza", "latin", "no_father", "age", "linked"}
    status_of = dict(demo_db.execute(
        "SELECT v.victim_uuid, i.review_status FROM victims v JOIN incidents i USING (incident_uuid)").fetchall())
    person = dict(demo_db.execute("SELECT victim_uuid, person_key FROM victim_person").fetchall())
    for p in planted:
        if status_of[p.duplicate] == "approved":
            assert person[p.duplicate] == person[p.original], p
        else:
            assert status_of[p.duplicate] in ("draft", "submitted", "returned", "rejected")


def test_planted_duplicates_differ_as_their_kind_says(demo_db):
    cols = "given_name, father_name, grandfather_name, family_name, age, name_latin"
    rows = {r[0]: r[1:] for r in demo_db.execute(f"SELECT victim_uuid, {cols} FROM victims")}
    for p in generate().planted:
        a, b = rows[p.original], rows[p.duplicate]
        if p.kind in ("hamza", "taa_marbuta"):
            assert a[:4] != b[:4]
            assert [core_names.normalize(x) for x in a[:4]] == [core_names.normalize(x) for x in b[:4]]
        elif p.kind == "latin":
            assert not any(core_names.is_arabic(x) for x in b[:4]) and b[0]
        elif p.kind == "no_father":
            assert a[1] and not b[1] and a[0] == b[0]
        elif p.kind in ("age", "linked"):
            assert abs(a[4] - b[4]) == 1


def test_planted_duplicates_wait_in_the_duplicates_list(demo_db):
    waiting = {frozenset(r) for r in demo_db.execute(
        "SELECT victim_uuid_a, victim_uuid_b FROM duplicate_candidates").fetchall()}
    for p in generate().planted:
        if p.kind != "linked":  # decided already: no longer a candidate
            assert frozenset((p.original, p.duplicate)) in waiting, p


def test_the_demonstration_messages_come_in_arabic(demo_db):
    from core import i18n

    before = i18n.language()
    i18n.set_language("ar")
    try:
        with pytest.raises(DemoAlreadyLoaded) as refused:
            load_demo(demo_db, "tester")
    finally:
        i18n.set_language(before)
    assert any("\u0600" <= ch <= "\u06ff" for ch in str(refused.value))
    source = (Path(__file__).resolve().parents[2] / "seeds" / "demo.py").read_text(encoding="utf-8")
    catalogue = i18n.catalogue()
    import ast

    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "tr":
            assert node.args[0].value in catalogue, node.args[0].value


def test_a_returned_record_that_repeats_a_victim_says_so():
    from seeds.demo import _Builder

    demo = generate()
    repeated = {p.duplicate: p for p in demo.planted if p.kind == "same_incident"}
    incident_of = {v.victim_uuid: i.incident_uuid for i, vs in demo.records for v in vs}
    returned = {incident_of[uuid] for uuid in repeated}
    texts = {c["incident_uuid"]: c["text"] for c in demo.comments if c["status_change"] == "returned"}
    assert returned and all(texts[uuid] in _Builder.REASONS["returned_repeated"] for uuid in returned)


def test_the_data_does_not_depend_on_the_hash_seed():
    import os
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[2]
    script = ("import hashlib, json; from seeds.demo import generate; d = generate(); print(hashlib.sha256(json.dumps("
              "[(i.model_dump(mode='json'), [v.model_dump(mode='json') for v in vs]) for i, vs in d.records]"
              " + d.comments + d.decisions, sort_keys=True).encode()).hexdigest())")
    digests = {
        subprocess.run([sys.executable, "-c", script], cwd=root, capture_output=True, text=True, check=True,
                       env={**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(root)}).stdout
        for seed in ("1", "2")
    }
    assert len(digests) == 1
