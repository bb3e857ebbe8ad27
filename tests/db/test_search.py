"""Search by NIK, name, letter or agenda number and nagari; user text stays text."""

from __future__ import annotations

import json

import pytest

from desktop.models import AuditLog
from desktop.services import search
from desktop.services.errors import InvalidInput
from desktop.services.sijarla import record_query, service_records

from .factories import make_office, session
from .test_permissions import at_step, record_draft

pytestmark = pytest.mark.usefixtures("database")


def test_search_finds_cases_letters_and_people():
    make_office()
    case_id = at_step("pelayanan")
    service_records.add_record(session("anggota1"), case_id, record_draft("1302104507510002"))
    kabid = session("kabid")
    assert {h.kind for h in search.search(kabid, "Koto Baru")} >= {"kasus", "surat"}
    assert [h.kind for h in search.search(kabid, "140/27/WN-KB")] == ["surat"]
    people = search.search(kabid, "1302104507510002")
    assert [(h.kind, h.case_id) for h in people] == [("penduduk", case_id)]
    assert [h.kind for h in search.search(kabid, "siti rahmah")] == ["penduduk"]
    assert [h.kind for h in search.search(kabid, "130210")] == ["penduduk"]  # the region code is shown
    # every search that may reveal people is a logged read of personal data
    assert AuditLog.select().where(AuditLog.action == "cari_penduduk").count() == 5


@pytest.mark.parametrize("digits", ["1302104", "130210450751", "130210450751000"])
def test_a_masking_role_cannot_probe_the_hidden_nik_digits_with_longer_prefixes(digits):
    """Searching 1302104…, 13021045… and watching which names stay would spell out the masked digits."""
    make_office()
    case_id = at_step("pelayanan")
    service_records.add_record(session("anggota1"), case_id, record_draft(NIK))
    with pytest.raises(InvalidInput, match="16 digit NIK lengkap"):
        search.search(session("kabid"), digits)
    assert AuditLog.select().where(AuditLog.action == "cari_penduduk").count() == 0
    # the team that sees the NIK in full keeps prefix search
    assert [h.kind for h in search.search(session("ketua1"), digits)] == ["penduduk"]


NIK = "1302104507510002"


def test_search_by_full_nik_finds_the_person_with_the_nik_masked_as_in_the_kabid_records_list():
    make_office()
    case_id = at_step("pelayanan")
    service_records.add_record(session("anggota1"), case_id, record_draft(NIK))
    kabid = session("kabid")
    hits = search.search(kabid, NIK)
    assert [(h.kind, h.case_id, h.title) for h in hits] == [
        ("penduduk", case_id, "Siti Rahmah (130210******0002)")
    ]
    row = record_query.rows_by_id(kabid, record_query.sorted_ids(kabid))[0]
    assert row.nik == "130210******0002"  # the same rule as the records list
    read = AuditLog.get(AuditLog.action == "cari_penduduk")  # a read of personal data
    assert (read.username, json.loads(read.detail)) == ("kabid", {"kata_kunci": NIK, "hasil": 1})


def test_a_team_sees_full_niks_of_its_own_cases_and_no_other_teams_people():
    make_office()
    case_id = at_step("pelayanan")
    service_records.add_record(session("anggota1"), case_id, record_draft(NIK))
    own = search.search(session("ketua1"), NIK[:10])
    assert [(h.kind, h.title) for h in own] == [("penduduk", f"Siti Rahmah ({NIK})")]
    assert search.search(session("ketua2"), NIK) == []  # Tim SIJARLA II: not its case
    assert search.search(session("ketua2"), "siti rahmah") == []
    assert AuditLog.select().where(AuditLog.action == "cari_penduduk").count() == 3


def test_front_desk_search_does_not_reveal_people():
    make_office()
    case_id = at_step("pelayanan")
    service_records.add_record(session("anggota1"), case_id, record_draft("1302104507510002"))
    assert search.search(session("meja"), "1302104507") == []


@pytest.mark.parametrize("text", ["%%%", "___", "' OR 1=1 --", '"; DROP TABLE sop_case; --', "%_%"])
def test_wildcards_quotes_and_sql_are_plain_text(text):
    make_office()
    at_step("pelayanan")
    assert search.search(session("kabid"), text) == []
    assert len(search.search(session("kabid"), "Koto Baru")) >= 2


def test_control_characters_are_refused():
    make_office()
    with pytest.raises(InvalidInput):
        search.search(session("kabid"), "Koto\x00Baru")


def test_search_ignores_case_beyond_ascii_on_both_backends():
    """Issue 16 item 7: "ZOË MÜLLER" finds "Zoë Müller" in the records filter, the global search,
    letters and cases, on SQLite (whose LIKE folds ASCII only) and PostgreSQL alike."""
    import dataclasses

    from desktop.services.sijarla import steps as sijarla
    from tests.db.factories import letter_draft

    make_office()
    case_id = at_step("pelayanan")
    draft = dataclasses.replace(record_draft("1302104507510002"), full_name="Zoë Müller")
    service_records.add_record(session("anggota1"), case_id, draft)
    draft = dataclasses.replace(record_draft("1302104507510003"), full_name="Gerd Straße")
    service_records.add_record(session("anggota1"), case_id, draft)
    sijarla.register_letter(
        session("meja"),
        letter_draft(letter_number="141/9/ÇİĞ/2026", subject="Permohonan ÉLECTION Öffentlich"),
    )
    kph = session("kph")
    for typed, name in (
        ("ZOË MÜLLER", "Zoë Müller"),
        ("zoe muller", "Zoë Müller"),  # typed without accents
        ("STRASSE", "Gerd Straße"),
    ):
        rows = record_query.page(kph, record_query.RecordFilter(text=typed)).rows
        assert [r.full_name for r in rows] == [name], typed
        people = [h for h in search.search(kph, typed) if h.kind == "penduduk"]
        assert len(people) == 1 and name in people[0].title, typed
    kabid = session("kabid")
    assert [h.kind for h in search.search(kabid, "öffentlich")] == ["kasus", "surat"]
    assert [h.kind for h in search.search(kabid, "élection")] == ["kasus", "surat"]
    assert "surat" in {h.kind for h in search.search(kabid, "141/9/çiğ")}
