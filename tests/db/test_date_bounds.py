"""Every date a user types falls within its bounds (services.date_rules), on both backends: a letter
on or before the day it is received and at most a year earlier, a deadline forward from the day it is
written, a Surat Tugas forward from the day it is signed and at most 20 working days long, a citizen
served within the Surat Tugas' period, an innovation's meeting and output within theirs. Each
refusal names the bound; nothing is written."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.models import (
    AssignmentLetter,
    Disposition,
    IncomingLetter,
    PreparationCheck,
    ServiceRecord,
    SopCase,
)
from desktop.services import date_rules
from desktop.services.errors import InvalidFields, InvalidInput
from desktop.services.sijarla import record_import, service_records
from desktop.services.sijarla import steps as sijarla
from desktop.services.sop.workflow import office_calendar

from .factories import PASSWORD, letter_draft, make_office, nagari, session, team

pytestmark = pytest.mark.usefixtures("database")

TODAY = dt.date.today()
PAST = TODAY - dt.timedelta(days=21)  # a case walked with on=: the day it all happened
YEAR_1 = dt.date(1, 1, 1)
YEAR_9999 = dt.date(9999, 12, 31)


def _disposition(deadline: dt.date) -> sijarla.DispositionDraft:
    return sijarla.DispositionDraft(
        "Laksanakan.", team().id, deadline, "Ketua Tim SIJARLA", ("proses_lanjut",)
    )


def _at_surat_tugas(on: dt.date) -> int:
    """A case registered, disposed and signed on `on`, waiting for its Surat Tugas."""
    receipt = sijarla.register_letter(session("meja"), letter_draft(letter_date=on), on=on)
    kabid = session("kabid")
    d_id = sijarla.save_disposition(kabid, receipt.case_id, _disposition(on + dt.timedelta(days=3)), on=on)
    sijarla.sign_disposition(kabid, d_id, PASSWORD, Disposition.get_by_id(d_id).version, on=on)
    return receipt.case_id


def _assignment(start: object, end: object) -> sijarla.AssignmentDraft:
    members = (session("ketua1").user_id, session("anggota1").user_id)
    return sijarla.AssignmentDraft(members, "Kantor Wali Nagari Koto Baru", start, end)  # type: ignore[arg-type]


def _in_service(on: dt.date, start: dt.date, end: dt.date) -> int:
    """A case whose Surat Tugas (signed on `on`) runs from `start` to `end`, at the service step."""
    case_id = _at_surat_tugas(on)
    kadis = session("kadis")
    sijarla.issue_assignment(
        kadis, case_id, _assignment(start, end), PASSWORD, SopCase.get_by_id(case_id).version, on=on
    )
    for item in PreparationCheck.select().where(PreparationCheck.case == case_id):
        sijarla.check_preparation(session("anggota1"), case_id, item.item, True, "siap", item.version)
    sijarla.finish_preparation(session("ketua1"), case_id, SopCase.get_by_id(case_id).version, on=on)
    return case_id


def _record(served_on: object) -> service_records.RecordDraft:
    return service_records.RecordDraft(
        nik="1302034507510002",
        full_name="Siti Rahmah",
        nagari_id=nagari().id,
        category="ktp_rekam",
        target_group="lansia",
        outcome="selesai",
        served_on=served_on,  # type: ignore[arg-type]
    )


# --- the letter ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("letter_date", "message"),
    [
        (PAST + dt.timedelta(days=1), "sesudah hari surat diterima"),
        (PAST - dt.timedelta(days=367), "lebih dari setahun sebelum surat diterima"),
        (YEAR_1, "lebih dari setahun sebelum surat diterima"),
        (YEAR_9999, "sesudah hari surat diterima"),
        (dt.datetime(2026, 1, 1, 8, 0), "harus berupa tanggal"),
        ("2026-01-01", "harus berupa tanggal"),
    ],
)
def test_a_letter_dated_outside_its_window_is_refused_and_nothing_is_stored(letter_date, message):
    make_office()
    with pytest.raises(InvalidInput) as refused:
        sijarla.register_letter(session("meja"), letter_draft(letter_date=letter_date), on=PAST)
    assert refused.value.field == "letter_date"
    assert message in refused.value.message
    assert IncomingLetter.select().count() == 0 and SopCase.select().count() == 0


def test_a_letter_dated_the_day_it_arrives_or_a_year_before_is_accepted():
    make_office()
    for day in (PAST, PAST - dt.timedelta(days=date_rules.LETTER_AGE_LIMIT_DAYS)):
        sijarla.register_letter(session("meja"), letter_draft(letter_date=day), on=PAST)
    assert IncomingLetter.select().count() == 2


def test_the_letter_date_is_reported_with_the_other_wrong_fields():
    make_office()
    with pytest.raises(InvalidFields) as refused:
        sijarla.register_letter(session("meja"), letter_draft(letter_date=YEAR_9999, subject=""), on=PAST)
    assert [field for field, _message in refused.value.problems] == ["letter_date", "subject"]


# --- the disposition's deadline ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("deadline", "message"),
    [
        (PAST - dt.timedelta(days=1), "sudah lewat"),
        (YEAR_1, "sudah lewat"),
        (YEAR_9999, "paling lambat 60 hari kerja"),
    ],
)
def test_a_deadline_before_the_day_written_or_too_far_ahead_is_refused(deadline, message):
    make_office()
    receipt = sijarla.register_letter(session("meja"), letter_draft(letter_date=PAST), on=PAST)
    with pytest.raises(InvalidInput) as refused:
        sijarla.save_disposition(session("kabid"), receipt.case_id, _disposition(deadline), on=PAST)
    assert (refused.value.field, message in refused.value.message) == ("deadline", True)
    assert Disposition.select().count() == 0


def test_the_deadline_may_be_the_day_written_or_sixty_working_days_later():
    make_office()
    receipt = sijarla.register_letter(session("meja"), letter_draft(letter_date=PAST), on=PAST)
    latest = office_calendar().add_working_days(PAST, date_rules.DEADLINE_LIMIT)
    kabid = session("kabid")
    d_id = sijarla.save_disposition(kabid, receipt.case_id, _disposition(PAST), on=PAST)
    sijarla.save_disposition(kabid, receipt.case_id, _disposition(latest), on=PAST)
    assert Disposition.get_by_id(d_id).deadline == latest
    with pytest.raises(InvalidInput, match="paling lambat 60 hari kerja"):
        sijarla.save_disposition(kabid, receipt.case_id, _disposition(latest + dt.timedelta(days=1)), on=PAST)


def test_a_draft_whose_deadline_passed_before_signing_is_not_signed():
    make_office()
    receipt = sijarla.register_letter(session("meja"), letter_draft(letter_date=PAST), on=PAST)
    kabid = session("kabid")
    d_id = sijarla.save_disposition(
        kabid, receipt.case_id, _disposition(PAST + dt.timedelta(days=2)), on=PAST
    )
    with pytest.raises(InvalidInput, match="sudah lewat") as refused:
        sijarla.sign_disposition(kabid, d_id, PASSWORD, Disposition.get_by_id(d_id).version)
    assert refused.value.field == "deadline"
    assert Disposition.get_by_id(d_id).signed_at is None
    assert SopCase.get_by_id(receipt.case_id).current_step == "disposisi"


# --- the Surat Tugas ---------------------------------------------------------------------------


def test_a_surat_tugas_from_year_1_to_9999_is_refused_on_both_dates():
    make_office()
    case_id = _at_surat_tugas(TODAY)
    with pytest.raises(InvalidFields) as refused:
        sijarla.issue_assignment(
            session("kadis"),
            case_id,
            _assignment(YEAR_1, YEAR_9999),
            PASSWORD,
            SopCase.get_by_id(case_id).version,
        )
    problems = dict(refused.value.problems)
    assert "berlaku surut" in problems["start_on"]
    assert "paling lama 20 hari kerja" in problems["end_on"]
    assert AssignmentLetter.select().count() == 0
    assert SopCase.get_by_id(case_id).current_step == "surat_tugas"


@pytest.mark.parametrize(
    ("start_days", "end_days", "field", "message"),
    [
        (-1, 0, "start_on", "berlaku surut"),
        (None, None, "start_on", "paling lambat 60 hari kerja"),  # start beyond the limit (below)
        (0, -1, "end_on", "tidak boleh sebelum tanggal mulai"),
        (0, 40, "end_on", "paling lama 20 hari kerja"),
    ],
)
def test_a_surat_tugas_period_outside_its_bounds_is_refused(start_days, end_days, field, message):
    make_office()
    case_id = _at_surat_tugas(TODAY)
    if start_days is None:
        start = office_calendar().add_working_days(TODAY, date_rules.ASSIGNMENT_START_LIMIT) + dt.timedelta(
            days=3
        )
        end = start
    else:
        start, end = TODAY + dt.timedelta(days=start_days), TODAY + dt.timedelta(days=end_days)
    with pytest.raises(InvalidInput) as refused:
        sijarla.issue_assignment(
            session("kadis"), case_id, _assignment(start, end), PASSWORD, SopCase.get_by_id(case_id).version
        )
    assert (refused.value.field, message in refused.value.message) == (field, True)
    assert AssignmentLetter.select().count() == 0


def test_a_surat_tugas_of_twenty_working_days_from_today_is_signed():
    make_office()
    case_id = _at_surat_tugas(TODAY)
    end = office_calendar().add_working_days(TODAY, date_rules.ASSIGNMENT_LENGTH_LIMIT)
    issued = sijarla.issue_assignment(
        session("kadis"), case_id, _assignment(TODAY, end), PASSWORD, SopCase.get_by_id(case_id).version
    )
    assert AssignmentLetter.get_by_id(issued.id).end_on == end


# --- service records ---------------------------------------------------------------------------


def test_a_citizen_is_served_within_the_surat_tugas_period_only():
    make_office()
    start, end = PAST + dt.timedelta(days=1), PAST + dt.timedelta(days=2)
    case_id = _in_service(PAST, start, end)
    anggota = session("anggota1")
    for day, message in (
        (PAST, "di luar masa Surat Tugas"),
        (end + dt.timedelta(days=1), "di luar masa Surat Tugas"),
        (YEAR_1, "di luar masa Surat Tugas"),
        (TODAY + dt.timedelta(days=1), "belum terjadi"),
        (YEAR_9999, "belum terjadi"),
    ):
        with pytest.raises(InvalidInput) as refused:
            service_records.add_record(anggota, case_id, _record(day))
        assert refused.value.field == "served_on" and message in refused.value.message, day
    assert ServiceRecord.select().count() == 0
    record_id = service_records.add_record(anggota, case_id, _record(end))
    assert ServiceRecord.get_by_id(record_id).served_on == end
    with pytest.raises(InvalidInput, match="di luar masa Surat Tugas"):
        service_records.update_record(anggota, record_id, _record(PAST), 1)
    assert ServiceRecord.get_by_id(record_id).served_on == end


def test_imported_rows_dated_outside_the_period_are_row_errors():
    make_office()
    start = PAST + dt.timedelta(days=1)
    case_id = _in_service(PAST, start, start)
    header = ["NIK", "Nama", "Nagari", "Kategori", "Sasaran", "Hasil", "Tanggal"]
    code = nagari().code

    def row(nik: str, day: dt.date) -> list:
        return [nik, "Siti Rahmah", code, "ktp_rekam", "lansia", "selesai", day.strftime("%d-%m-%Y")]

    rows = [
        header,
        row("1302034507510002", start),
        row("1302034507510003", PAST),
        row("1302034507510004", TODAY + dt.timedelta(days=5)),
    ]
    result = record_import.import_records(session("ketua1"), case_id, rows)
    assert [(e.row, e.column) for e in result.errors] == [(3, "Tanggal"), (4, "Tanggal")]
    assert "di luar masa Surat Tugas" in result.errors[0].message
    assert "belum terjadi" in result.errors[1].message
    assert result.imported == 0 and ServiceRecord.select().count() == 0
