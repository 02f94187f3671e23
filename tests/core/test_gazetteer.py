"""Loading a full gazetteer: the real OCHA p-code file, and refusals of broken files."""
from __future__ import annotations

import pytest

from core.gazetteer import Gazetteer, GazetteerError, import_gazetteer


def test_the_shipped_governorates_are_there_without_an_import(db):
    gazetteer = Gazetteer.from_database(db)
    assert not gazetteer.loaded
    assert [p.pcode for p in gazetteer.children(None)] == [f"SY{n:02d}" for n in range(1, 15)]
    assert gazetteer.label("SY09", "ar") == "دير الزور"
    assert gazetteer.label("SY09", "en") == "Deir ez-Zor"


def test_the_real_gazetteer_file_loads(db, gazetteer_csv):
    count, changes = import_gazetteer(db, gazetteer_csv, "amal")
    assert count == 348 and changes.gazetteer
    gazetteer = Gazetteer.from_database(db)
    assert gazetteer.loaded
    districts = gazetteer.children("SY09")
    assert {p.name_en for p in districts} >= {"Deir ez-Zor", "Abu Kamal", "Mayadin"}
    assert all(p.pcode.startswith("SY09") and p.level == 2 for p in districts)
    subdistricts = gazetteer.children("SY0901")
    assert subdistricts and all(len(p.pcode) == 8 for p in subdistricts)
    assert gazetteer.get("SY0200").name_ar == "جبل سمعان"
    assert "Jebel Saman" in gazetteer.get("SY0200").aliases  # from the JSON beside the CSV


def test_importing_again_replaces_and_is_recorded(db, gazetteer_csv):
    import_gazetteer(db, gazetteer_csv, "amal")
    import_gazetteer(db, gazetteer_csv, "amal")
    assert db.execute("SELECT COUNT(*) FROM places").fetchone()[0] == 348
    assert db.execute("SELECT COUNT(*) FROM audit_log WHERE action = 'gazetteer_import'").fetchone()[0] == 2


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("pcode,name_en\nSY01,Damascus\n", "the header lacks the column(s) level, name_ar, parent_pcode"),
        ("level,pcode,name_en,name_ar,parent_pcode\n1,SY01,Damascus,دمشق,\n2,SY0200,Jebel Saman,جبل سمعان,SY01\n",
         "line 3: SY0200 does not lie inside its parent 'SY01'"),
        ("level,pcode,name_en,name_ar,parent_pcode\n4,SY01,Damascus,دمشق,\n", "line 2: level '4' is not 1, 2 or 3"),
        ("level,pcode,name_en,name_ar,parent_pcode\n1,XX01,Damascus,دمشق,\n", "line 2: 'XX01' is not a level-1 p-code"),
        ("level,pcode,name_en,name_ar,parent_pcode\n1,SY01,Damascus,دمشق,\n1,SY01,Damascus,دمشق,\n", "line 3: SY01 appears twice"),
        ("level,pcode,name_en,name_ar,parent_pcode\n", "holds no places"),
    ],
)
def test_a_broken_file_is_refused_with_where_and_why_and_nothing_changes(db, gazetteer_csv, tmp_path, content, message):
    import_gazetteer(db, gazetteer_csv, "amal")
    path = tmp_path / "places.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(GazetteerError) as info:
        import_gazetteer(db, path, "amal")
    assert message in str(info.value)
    assert db.execute("SELECT COUNT(*) FROM places").fetchone()[0] == 348


def test_a_file_that_is_not_utf8_is_refused(db, tmp_path):
    path = tmp_path / "places.csv"
    path.write_bytes("level,pcode,name_en,name_ar,parent_pcode\n1,SY01,Damascus,دمشق,\n".encode("cp1256"))
    with pytest.raises(GazetteerError, match="is not UTF-8 text"):
        import_gazetteer(db, path, "amal")
