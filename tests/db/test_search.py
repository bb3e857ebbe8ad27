"""Search by NIK, name, letter or agenda number and nagari; user text stays text."""

from __future__ import annotations

import pytest

from desktop.models import AuditLog
from desktop.services import search, service_records
from desktop.services.errors import InvalidInput

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
    people = search.search(kabid, "130210450751")
    assert [(h.kind, h.case_id) for h in people] == [("penduduk", case_id)]
    assert [h.kind for h in search.search(kabid, "siti rahmah")] == ["penduduk"]
    # every search that may reveal people is a logged read of personal data
    assert AuditLog.select().where(AuditLog.action == "cari_penduduk").count() == 4


def test_front_desk_search_does_not_reveal_people():
    make_office()
    case_id = at_step("pelayanan")
    service_records.add_record(session("anggota1"), case_id, record_draft("1302104507510002"))
    assert search.search(session("meja"), "1302104507") == []


@pytest.mark.parametrize("text", ["%%%", "___", "' OR 1=1 --", "\"; DROP TABLE sop_case; --", "%_%"])
def test_wildcards_quotes_and_sql_are_plain_text(text):
    make_office()
    at_step("pelayanan")
    assert search.search(session("kabid"), text) == []
    assert len(search.search(session("kabid"), "Koto Baru")) >= 2


def test_control_characters_are_refused():
    make_office()
    with pytest.raises(InvalidInput):
        search.search(session("kabid"), "Koto\x00Baru")
