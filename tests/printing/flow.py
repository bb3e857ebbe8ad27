"""One SIJARLA case walked through the real use cases, from the letter to the forwarded recap."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from desktop.models import Disposition, PreparationCheck, Report, SopCase
from desktop.services.sijarla import recap, service_records
from desktop.services.sijarla import steps as sijarla
from tests.db.factories import PASSWORD, letter_draft, make_office, nagari, session, team

NIK_LANSIA = "1302034507510002"
NIK_ANAK = "1302031203800011"


@dataclass(frozen=True)
class FinishedCase:
    case_id: int
    letter_id: int
    disposition_id: int
    assignment_id: int
    report_id: int
    recap_id: int


def _record(nik: str, name: str, category: str, outcome: str, reason: str = ""):
    return service_records.RecordDraft(
        nik=nik,
        full_name=name,
        nagari_id=nagari().id,
        category=category,
        target_group="lansia",
        outcome=outcome,
        served_on=dt.date.today(),
        kk="1302031201100003",
        address="Jl. Lintas Sumatera",
        jorong="Jorong Koto Baru",
        outcome_reason=reason,
    )


def registered_letter(**overrides) -> sijarla.LetterReceipt:
    """The demo office, and one Surat Permohonan registered by the front desk."""
    make_office()
    return sijarla.register_letter(session("meja"), letter_draft(**overrides))


def signed_disposition(case_id: int) -> int:
    kabid = session("kabid")
    draft = sijarla.DispositionDraft(
        instructions="Siapkan Tim SIJARLA I untuk pelayanan di Nagari Koto Baru minggu ini.",
        team_id=team().id,
        deadline=dt.date.today() + dt.timedelta(days=3),
        requests=("proses_lanjut", "koordinasi"),
        sifat="segera",
    )
    disposition_id = sijarla.save_disposition(kabid, case_id, draft)
    sijarla.sign_disposition(kabid, disposition_id, PASSWORD, 1)
    return disposition_id


def finished_case() -> FinishedCase:
    """A case whose report is in and whose recap went up to the Kepala Dinas."""
    receipt = registered_letter()
    case_id = receipt.case_id
    disposition_id = signed_disposition(case_id)
    ketua, anggota = session("ketua1"), session("anggota1")
    today = dt.date.today()
    draft = sijarla.AssignmentDraft(
        (ketua.user_id, anggota.user_id), "Kantor Wali Nagari Koto Baru", today, today
    )
    assignment = sijarla.issue_assignment(
        session("kadis"), case_id, draft, PASSWORD, SopCase.get_by_id(case_id).version
    )
    for item in PreparationCheck.select().where(PreparationCheck.case == case_id):
        sijarla.check_preparation(anggota, case_id, item.item, True, "siap", item.version)
    sijarla.finish_preparation(ketua, case_id, SopCase.get_by_id(case_id).version)
    service_records.add_record(anggota, case_id, _record(NIK_LANSIA, "Siti Rahmah", "ktp_rekam", "selesai"))
    service_records.add_record(
        ketua, case_id, _record(NIK_ANAK, "Syafrizal", "kia", "ditunda", "Akta lahir anak belum ada")
    )
    report = sijarla.ReportDraft("Menindaklanjuti surat Wali Nagari.", "Perekaman KTP-el lansia.", "Lancar.")
    sijarla.submit_report(ketua, case_id, report, SopCase.get_by_id(case_id).version)
    kph = session("kph")
    built = recap.build_recap(kph, recap.period("bulan", today.year, today.month))
    recap.forward_recap(kph, built.id, built.version)
    recap.submit_recap(session("kabidpdip"), built.id, built.version + 1)
    assert Disposition.get_by_id(disposition_id).signed_at is not None
    report_id = Report.get(Report.case == case_id).id
    return FinishedCase(
        case_id, receipt_letter_id(case_id), disposition_id, assignment.id, report_id, built.id
    )


def receipt_letter_id(case_id: int) -> int:
    from desktop.models import IncomingLetter

    return IncomingLetter.get(IncomingLetter.case == case_id).id
