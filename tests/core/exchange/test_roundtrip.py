"""Export → import → export gives the same files, whatever the records hold."""
from __future__ import annotations

import csv
import io
import json
import tempfile
import zipfile
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.exchange import export_package, import_package
from core.models import Incident, Victim, new_uuid, utc_now
from core.storage import open_database
from core.storage.records import load_incident, save_incident
from core.vocab import GOVERNORATE_CODES, codes
from tests.core.exchange.helpers import CSV_FILES, csv_bytes, populated, read_rows

HOSTILE = ["=1+2", "+SUM(A1:A9)", "-2", "@cmd", "\tTab", "\rCR", 'a "quoted" word', "a, b, c",
           "line one\nline two", "windows\r\nline", "قصف على السوق، ٣ شهداء", "  spaces  ", ""]
text = st.one_of(
    st.sampled_from(HOSTILE),
    st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=20),
)
# A name is one line without direction controls (core.safe_text refuses the rest).
name_text = st.one_of(
    st.sampled_from([h for h in HOSTILE if not set(h) & set("\t\r\n")]),
    st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp"),
                                   blacklist_characters="\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"),
            max_size=20),
)
FIRST = date(2011, 3, 1)
LAST = date(2024, 12, 31)


@st.composite
def incidents(draw: st.DrawFn) -> tuple[Incident, list[Victim]]:
    precision = draw(st.sampled_from(["day", "month", "year"]))
    day = draw(st.dates(FIRST, LAST))
    if precision == "month":
        day = day.replace(day=1)
    elif precision == "year":
        day = max(FIRST, day.replace(month=1, day=1)) if day.year > 2011 else date(2011, 3, 1)
        precision = precision if day.month == 1 else "month"
    gov = draw(st.sampled_from(GOVERNORATE_CODES))
    district = draw(st.one_of(st.none(), st.sampled_from([gov + "01", gov + "02"])))
    subdistrict = draw(st.one_of(st.none(), st.just(district + "03"))) if district else None
    inc = Incident(
        date=day, date_precision=precision, governorate=gov, district=district, subdistrict=subdistrict,
        locality=draw(text), latitude=draw(st.one_of(st.none(), st.floats(32.0, 37.5))),
        longitude=draw(st.one_of(st.none(), st.floats(35.5, 42.5))),
        incident_type=draw(st.sampled_from(codes("incident_type"))),
        perpetrator=draw(st.sampled_from(codes("perpetrator"))),
        attribution=draw(st.one_of(st.none(), st.sampled_from(codes("attribution")))),
        facility=draw(st.one_of(st.none(), st.sampled_from(codes("facility")))),
        reported_killed=draw(st.one_of(st.none(), st.integers(0, 500))),
        source_count=draw(st.integers(0, 9)), sources=draw(text), summary=draw(text),
        review_status=draw(st.sampled_from(codes("review_status"))), created_by=draw(text),
    )
    victims = []
    for _ in range(draw(st.integers(0, 3))):
        age = draw(st.one_of(st.none(), st.integers(0, 120)))
        group = draw(st.sampled_from(["child", "adult", "unknown"])) if age is None else (
            "child" if age < 18 else "adult")
        death = draw(st.one_of(st.none(), st.dates(day, min(LAST, day + timedelta(days=60)))))
        victims.append(Victim(
            incident_uuid=inc.incident_uuid, given_name=draw(name_text), father_name=draw(name_text),
            grandfather_name=draw(name_text), family_name=draw(name_text), mother_name=draw(name_text),
            name_latin=draw(name_text), sex=draw(st.sampled_from(codes("sex"))), age=age, age_group=group,
            civilian=draw(st.sampled_from(codes("civilian"))), occupation=draw(text),
            origin_governorate=draw(st.one_of(st.none(), st.sampled_from(GOVERNORATE_CODES))),
            origin_locality=draw(text), outcome=draw(st.sampled_from(codes("outcome"))),
            death_date=death, notes=draw(text),
        ))
    return inc, victims


def _manifest(package: Path) -> dict:
    if package.is_dir():
        return json.loads((package / "manifest.json").read_text(encoding="utf-8"))
    with zipfile.ZipFile(package) as z:
        return json.loads(z.read("manifest.json"))


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(records=st.lists(incidents(), min_size=0, max_size=4), status=st.sampled_from(["all", "approved"]),
       remarks=st.lists(text, max_size=3), zipped=st.booleans())
def test_any_valid_records_survive_export_import_export(records, status, remarks, zipped) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        a = open_database(folder / "a.db", label="A")
        all_victims = []
        for inc, victims in records:
            save_incident(a, inc, victims, "documenter")
            all_victims += victims
        for i, remark in enumerate(remarks):
            if records:
                a["comments"].insert({"comment_uuid": new_uuid(), "incident_uuid": records[i % len(records)][0].incident_uuid,
                                      "author": remark, "written_at": utc_now(), "status_change": None, "text": remark})
            if len(all_victims) >= 2:
                a["duplicate_decisions"].insert({
                    "decision_uuid": new_uuid(), "victim_uuid_a": all_victims[0].victim_uuid,
                    "victim_uuid_b": all_victims[-1].victim_uuid, "decision": "different_people",
                    "decided_by": remark, "decided_at": utc_now(), "retracted": i % 2})
        suffix = ".zip" if zipped else ""
        first = export_package(a, folder / f"first{suffix}", status=status, user="a").path
        b = open_database(folder / "b.db", label="B")
        import_package(b, first, "b")
        second = export_package(b, folder / f"second{suffix}", status=status, user="b").path
        assert csv_bytes(first) == csv_bytes(second)
        m1, m2 = _manifest(first), _manifest(second)
        for key in ("exported_at", "origin", "origin_label", "exported_by", "audit_head"):
            m1.pop(key), m2.pop(key)
        assert m1 == m2
        if status == "all":  # the records themselves, not only the files, arrived unchanged
            assert _records(a) == _records(b)
        a.close(), b.close()


def _records(db) -> dict[str, list[tuple]]:
    from core.storage.schema import INCIDENT_COLUMNS, VICTIM_COLUMNS

    queries = {
        "incidents": f"SELECT {', '.join(INCIDENT_COLUMNS)} FROM incidents",
        "victims": f"SELECT {', '.join(VICTIM_COLUMNS)} FROM victims",
        "decisions": "SELECT * FROM duplicate_decisions",
        "comments": "SELECT * FROM comments",
    }
    return {name: sorted(db.execute(q).fetchall(), key=repr) for name, q in queries.items()}


def test_package_files_and_manifest(tmp_path: Path) -> None:
    db, rec = populated(tmp_path / "a.db")
    result = export_package(db, tmp_path / "p.zip", status="all", user="alice")
    with zipfile.ZipFile(result.path) as z:
        assert set(z.namelist()) == {"manifest.json", *CSV_FILES}
        manifest = json.loads(z.read("manifest.json"))
        raw = z.read("victims.csv")
    assert manifest["format"] == "tawthiq-exchange" and manifest["format_version"] == 1
    assert manifest["origin_label"] == "Team North" and manifest["exported_by"] == "alice"
    assert manifest["files"]["victims.csv"]["rows"] == 3
    assert manifest["files"]["decisions.csv"]["rows"] == 1
    assert len(manifest["audit_head"]) == 64
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    # As a spreadsheet program reads it: UTF-8 with a byte-order mark, Arabic intact.
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert {r["given_name"] for r in rows} == {"محمد", "فاطمة", "أحمد"}
    assert rows[0].keys() >= {"victim_uuid", "incident_uuid", "age_group"}
    # Formula-looking text is written as stored in a package (it is for machines).
    assert '=HYPERLINK("x")' in {r["notes"] for r in rows}
    history = db.execute("SELECT action, record_type FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
    assert history == ("export", "package")


def test_approved_export_writes_the_approved_version(tmp_path: Path) -> None:
    db, rec = populated(tmp_path / "a.db")
    one, victims = load_incident(db, rec["one"].incident_uuid)
    save_incident(db, one.model_copy(update={"summary": "corrected", "review_status": "submitted"}), victims, "alice")
    out = export_package(db, tmp_path / "approved", status="approved", user="alice").path
    rows = list(csv.DictReader(io.StringIO((out / "incidents.csv").read_text("utf-8-sig"), newline="")))
    assert [(r["incident_uuid"], r["version"], r["review_status"]) for r in rows] == [
        (rec["one"].incident_uuid, "1", "approved")]
    assert rows[0]["summary"] == rec["one"].summary
    everything = export_package(db, tmp_path / "all", status="all", user="alice").path
    rows = list(csv.DictReader(io.StringIO((everything / "incidents.csv").read_text("utf-8-sig"), newline="")))
    assert {r["summary"] for r in rows} >= {"corrected"}


def test_date_filter(tmp_path: Path) -> None:
    db, rec = populated(tmp_path / "a.db")
    result = export_package(db, tmp_path / "p", status="all", date_from="2017-01-01", date_to="2017-12-31")
    assert result.rows["incidents.csv"] == 1 and result.rows["victims.csv"] == 1
    assert result.rows["comments.csv"] == 0 and result.rows["decisions.csv"] == 1


def test_cancelled_export_leaves_nothing(tmp_path: Path) -> None:
    from core.jobs import Cancelled, JobState

    db, _ = populated(tmp_path / "a.db")
    job = JobState()
    job.cancel()
    import core.exchange.export as export

    old = export.PROGRESS_EVERY
    export.PROGRESS_EVERY = 1
    try:
        try:
            export_package(db, tmp_path / "p.zip", status="all", job=job)
        except Cancelled:
            pass
        else:
            raise AssertionError("not cancelled")
    finally:
        export.PROGRESS_EVERY = old
    assert list(tmp_path.glob("p.zip*")) == []


def test_export_queries_stream_without_sorting_everything(tmp_path: Path) -> None:
    """SQLite keeps temporary sorts in memory here: the export must walk an index in
    order (a sort within one incident is fine), or memory grows with the database."""
    from core.exchange.export import Selection

    db, _ = populated(tmp_path / "a.db")
    plans: list[str] = []
    execute = db.execute

    def explain(sql: str, params=()):  # noqa: ANN001
        if sql.lstrip().upper().startswith("SELECT") and "ORDER BY" in sql:
            plans.extend(row[3] for row in execute("EXPLAIN QUERY PLAN " + sql, params).fetchall())
        return execute(sql, params)

    db.execute = explain  # type: ignore[method-assign]
    for status in ("all", "approved"):
        for date_from, date_to in ((None, None), ("2016-01-01", "2016-12-31")):
            selection = Selection(db, status, date_from, date_to)
            for rows in (selection.incidents(), selection.victims(), selection.pairs()):
                list(rows)
    assert plans
    assert not [p for p in plans if p.startswith("USE TEMP B-TREE FOR ORDER BY")], plans


@pytest.mark.parametrize("status", ["all", "approved"])
def test_the_victims_of_an_incident_keep_the_order_they_were_entered_in(tmp_path, status) -> None:
    """A family entered father, mother, children is listed so after a merge, not in the
    order of random UUIDs."""
    from core.storage import open_database
    from core.storage.records import load_incident, save_incident
    from tests.core.factories import incident, victim

    a = open_database(tmp_path / "a.db")
    inc = incident(review_status="approved")
    names = ("أحمد", "فاطمة", "عمر", "سلمى", "زيد")
    # UUIDs in the reverse of the order entered: their order is not the one wanted
    family = [victim(inc, victim_uuid=f"{9 - n}0000000-0000-4000-8000-000000000000", given_name=name,
                     family_name="الحلبي") for n, name in enumerate(names)]
    save_incident(a, inc, family, "alice")
    entered = [v.victim_uuid for v in load_incident(a, inc.incident_uuid)[1]]
    assert entered == [v.victim_uuid for v in family] == sorted(entered, reverse=True)
    package = export_package(a, tmp_path / "p", status=status).path
    header, rows = read_rows(package, "victims.csv")
    assert [r[header.index("victim_uuid")] for r in rows] == entered
    b = open_database(tmp_path / "b.db")
    import_package(b, package, "bob", scan_duplicates=False)
    assert [v.victim_uuid for v in load_incident(b, inc.incident_uuid)[1]] == entered
    a.close()
    b.close()
