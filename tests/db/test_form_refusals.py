"""A letter, a disposition or a Surat Tugas with several wrong fields is refused with all of them at once
(InvalidFields, each problem with its field), and a requested service needs at least one person."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.models import AssignmentLetter, Disposition, IncomingLetter, SopCase
from desktop.services.errors import InvalidFields, InvalidInput
from desktop.services.search import letters
from desktop.services.sijarla import steps as sijarla

from .factories import PASSWORD, letter_draft, make_office, session, team

pytestmark = pytest.mark.usefixtures("database")


def test_a_service_requested_for_0_people_is_refused_with_its_name():
    make_office()
    with pytest.raises(InvalidInput) as refused:
        sijarla.register_letter(session("meja"), letter_draft(requested={"ktp_rekam": 25, "kia": 0}))
    assert refused.value.field == "requested.kia"
    assert (
        refused.value.message
        == "Isi perkiraan jumlah warga untuk KIA (Kartu Identitas Anak): 1 sampai 100.000 orang."
    )
    assert IncomingLetter.select().count() == 0


def test_every_wrong_field_of_a_letter_is_reported_at_once_in_the_forms_order():
    make_office()
    draft = letter_draft(letter_number="  ", nagari_id=0, sender="", subject="", requested={})
    with pytest.raises(InvalidFields) as refused:
        sijarla.register_letter(session("meja"), draft)
    assert refused.value.problems == (
        ("letter_number", "Nomor surat wajib diisi."),
        ("nagari", "Pilih nagari dari daftar."),
        ("sender", "Pengirim wajib diisi."),
        ("subject", "Perihal wajib diisi."),
        ("requested", "Pilih paling sedikit satu jenis layanan yang dimohon."),
    )
    assert refused.value.field == "letter_number"  # as a plain InvalidInput: the first problem
    assert SopCase.select().count() == 0


def test_one_wrong_field_is_still_a_plain_invalid_input():
    make_office()
    with pytest.raises(InvalidInput) as refused:
        sijarla.register_letter(session("meja"), letter_draft(subject=""))
    assert not isinstance(refused.value, InvalidFields)
    assert (refused.value.field, refused.value.message) == ("subject", "Perihal wajib diisi.")


def test_every_wrong_field_of_a_disposition_is_reported_at_once():
    make_office()
    receipt = sijarla.register_letter(session("meja"), letter_draft())
    draft = sijarla.DispositionDraft(
        instructions="", team_id=0, deadline=dt.date.today(), forwarded_to="", requests=(), sifat="segera"
    )
    with pytest.raises(InvalidFields) as refused:
        sijarla.save_disposition(session("kabid"), receipt.case_id, draft)
    assert [field for field, _message in refused.value.problems] == [
        "team",
        "forwarded_to",
        "requests",
        "instructions",
    ]
    assert Disposition.select().count() == 0


def test_every_wrong_field_of_a_surat_tugas_is_reported_at_once():
    make_office()
    kabid = session("kabid")
    receipt = sijarla.register_letter(session("meja"), letter_draft())
    draft = sijarla.DispositionDraft(
        "Laksanakan.", team().id, dt.date.today(), "Ketua Tim SIJARLA", ("proses_lanjut",)
    )
    disposition_id = sijarla.save_disposition(kabid, receipt.case_id, draft)
    sijarla.sign_disposition(kabid, disposition_id, PASSWORD, Disposition.get_by_id(disposition_id).version)
    case = SopCase.get_by_id(receipt.case_id)
    today = dt.date.today()
    wrong = sijarla.AssignmentDraft((), "", today, today - dt.timedelta(days=1), "tugas", "dasar", "")
    with pytest.raises(InvalidFields) as refused:
        sijarla.issue_assignment(session("kadis"), case.id, wrong, PASSWORD, case.version)
    assert sorted(field for field, _message in refused.value.problems) == ["end_on", "members", "place"]
    assert AssignmentLetter.select().count() == 0


def test_the_newest_letters_come_first_and_typing_narrows_them():
    make_office()
    meja = session("meja")
    first = sijarla.register_letter(meja, letter_draft(subject="Permohonan pertama"))
    second = sijarla.register_letter(
        meja, letter_draft(subject="Permohonan kedua", sender="Wali Nagari Lain")
    )
    assert [hit.case_id for hit in letters(meja)] == [second.case_id, first.case_id]
    assert [hit.case_id for hit in letters(meja, "pertama")] == [first.case_id]
    assert [hit.case_id for hit in letters(meja, "Wa")] == [second.case_id, first.case_id]  # under 3: all
