"""The whole SIJARLA SOP through the service layer, from the letter to the acknowledged recap."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.models import (
    AssignmentLetter,
    AssignmentMember,
    Attachment,
    AuditLog,
    CaseStep,
    Disposition,
    IncomingLetter,
    PreparationCheck,
    Recap,
    Report,
    ServiceRecord,
    SopCase,
)
from desktop.services.errors import AuthenticationFailed, InvalidInput, StaleRecord, WorkflowError
from desktop.services.sijarla import recap, service_records
from desktop.services.sijarla import steps as sijarla

from .factories import PASSWORD, letter_draft, make_office, nagari, session, team

pytestmark = pytest.mark.usefixtures("database")


def record(nik: str, name: str, category: str = "ktp_rekam", outcome: str = "selesai", **kw):
    return service_records.RecordDraft(
        nik=nik,
        full_name=name,
        nagari_id=nagari().id,
        category=category,
        target_group=kw.pop("group", "lansia"),
        outcome=outcome,
        served_on=dt.date.today(),
        kk="1302031201100003",
        address="Jl. Lintas Sumatera",
        jorong="Jorong Koto Baru",
        **kw,
    )


def test_sijarla_from_letter_to_acknowledged_recap():
    make_office()
    meja, kabid, kadis = session("meja"), session("kabid"), session("kadis")
    ketua, anggota, kph = session("ketua1"), session("anggota1"), session("kph")
    kabidpdip = session("kabidpdip")

    # Step: registration of the Surat Permohonan; output: tanda terima.
    receipt = sijarla.register_letter(meja, letter_draft())
    assert receipt.agenda_number.endswith(f"/AG/{dt.date.today().year}")
    assert receipt.tracking_code.startswith("SJ-") and receipt.nagari == "Koto Baru"
    assert ("KTP-el perekaman", 25) in receipt.requested
    case = SopCase.get_by_id(receipt.case_id)
    assert case.current_step == "disposisi" and case.due_on == receipt.due_on
    assert Attachment.get(Attachment.case == case.id).filename == "permohonan.pdf"
    first = CaseStep.get(CaseStep.case == case.id)
    assert (first.step_code, first.output_label) == ("registrasi", "Tanda Terima Surat Permohonan")

    # Step: the Kabid disposes and signs; output: Disposisi Surat Permohonan.
    draft = sijarla.DispositionDraft(
        instructions="Siapkan Tim SIJARLA I untuk pelayanan di Nagari Koto Baru minggu ini.",
        team_id=team().id,
        deadline=dt.date.today() + dt.timedelta(days=3),
    )
    disposition_id = sijarla.save_disposition(kabid, case.id, draft)
    with pytest.raises(AuthenticationFailed):
        sijarla.sign_disposition(kabid, disposition_id, "salah-sandi", 1)
    signed = sijarla.sign_disposition(kabid, disposition_id, PASSWORD, 1)
    row = Disposition.get_by_id(disposition_id)
    assert row.signed_by_id == kabid.user_id and row.signature_sha256 == signed.signature_sha256
    assert len(signed.signature_sha256) == 64
    with pytest.raises(WorkflowError):
        sijarla.sign_disposition(kabid, disposition_id, PASSWORD, signed.version)
    with pytest.raises(WorkflowError):  # read-only once signed: no rewrite at a later step
        sijarla.save_disposition(kabid, case.id, draft)
    step = CaseStep.select().where(CaseStep.case == case.id).order_by(CaseStep.id.desc()).first()
    assert (step.step_code, step.output_label) == ("disposisi", "Disposisi Surat Permohonan")

    # Step: the Kepala Dinas issues the Surat Tugas; output: Surat Tugas.
    case = SopCase.get_by_id(case.id)
    assignment = sijarla.issue_assignment(
        kadis,
        case.id,
        sijarla.AssignmentDraft(
            (ketua.user_id, anggota.user_id),
            "Nagari Koto Baru",
            dt.date.today(),
            dt.date.today() + dt.timedelta(days=1),
        ),
        PASSWORD,
        case.version,
    )
    letter = AssignmentLetter.get_by_id(assignment.id)
    assert letter.number.startswith("400.12/001/ST/")
    assert [m.full_name for m in letter.members.order_by(AssignmentMember.position)] == [
        "Andi Saputra, S.E.",
        "Rina Marlina, A.Md",
    ]
    assert letter.signed_by_id == kadis.user_id
    step = CaseStep.select().where(CaseStep.case == case.id).order_by(CaseStep.id.desc()).first()
    assert (step.step_code, step.output_label) == ("surat_tugas", "Surat Tugas")

    # Step: preparation; the step cannot close until every item is ticked.
    case = SopCase.get_by_id(case.id)
    with pytest.raises(WorkflowError, match="Persyaratan belum terpenuhi"):
        sijarla.finish_preparation(ketua, case.id, case.version)
    for item in PreparationCheck.select().where(PreparationCheck.case == case.id):
        sijarla.check_preparation(anggota, case.id, item.item, True, "siap", item.version)
    checks = PreparationCheck.select().where(PreparationCheck.case == case.id)
    assert all(c.is_done and c.checked_by_id == anggota.user_id for c in checks)
    sijarla.finish_preparation(ketua, case.id, SopCase.get_by_id(case.id).version)

    # Step: service by name by address, then the team leader's report.
    service_records.add_record(anggota, case.id, record("1302034507510002", "Siti Rahmah"))
    service_records.add_record(
        ketua,
        case.id,
        record("1302031203800011", "Syafrizal", "kia", "ditunda", outcome_reason="Akta lahir anak belum ada"),
    )
    with pytest.raises(InvalidInput, match="sudah tercatat"):
        service_records.add_record(anggota, case.id, record("1302034507510002", "Siti Rahmah"))
    case = SopCase.get_by_id(case.id)
    sijarla.submit_report(
        ketua,
        case.id,
        sijarla.ReportDraft(
            "Menindaklanjuti surat Wali Nagari.", "Perekaman KTP-el lansia.", "Berjalan baik."
        ),
        case.version,
    )
    report = Report.get(Report.case == case.id)
    assert report.submitted_by_id == ketua.user_id
    step = CaseStep.select().where(CaseStep.case == case.id).order_by(CaseStep.id.desc()).first()
    assert (step.step_code, step.output_label) == ("pelayanan", "Laporan Pelaksanaan Inovasi SIJARLA")
    assert SopCase.get_by_id(case.id).current_step == "rekap"

    # Step: the recap for this month; it completes the case and goes up to the Kepala Dinas.
    today = dt.date.today()
    view = recap.build_recap(kph, recap.period("bulan", today.year, today.month))
    assert view.cases_completed == (case.reference,)
    figures = view.figures
    assert figures.total_records == 2 and figures.served == 1
    assert figures.by_nagari == {"Koto Baru": 2}
    assert figures.by_category == {"KTP-el perekaman": 1, "KIA (Kartu Identitas Anak)": 1}
    assert figures.cases_finished == 1 and figures.cases_within_limit == 1 and figures.cases_late == 0
    case = SopCase.get_by_id(case.id)
    assert case.status == "selesai" and case.closed_at is not None
    step = CaseStep.select().where(CaseStep.case == case.id).order_by(CaseStep.id.desc()).first()
    assert (step.step_code, step.output_label) == ("rekap", "Rekapitulasi Pelayanan Inovasi SIJARLA")

    assert recap.forward_recap(kph, view.id, view.version) == "diteruskan"
    assert recap.submit_recap(kabidpdip, view.id, view.version + 1) == "diajukan"
    assert recap.acknowledge_recap(kadis, view.id, view.version + 2, "Diterima, lanjutkan.") == "diterima"
    stored = Recap.get_by_id(view.id)
    assert stored.acknowledged_by_id == kadis.user_id and stored.note == "Diterima, lanjutkan."

    steps = [s.step_code for s in CaseStep.select().where(CaseStep.case == case.id).order_by(CaseStep.id)]
    assert steps == ["registrasi", "disposisi", "surat_tugas", "persiapan", "pelayanan", "rekap"]
    actions = {a.action for a in AuditLog.select()}
    assert {
        "surat_masuk_dicatat",
        "disposisi_ditandatangani",
        "surat_tugas_diterbitkan",
        "rekap_diterima",
    } <= actions
    assert IncomingLetter.select().count() == 1 and ServiceRecord.select().count() == 2


def test_kabid_returns_a_request_with_a_reason():
    make_office()
    receipt = sijarla.register_letter(session("meja"), letter_draft())
    case = SopCase.get_by_id(receipt.case_id)
    summary = sijarla.return_request(
        session("kabid"), case.id, "Lampiran daftar nama belum ada.", case.version
    )
    assert summary.current_step == "registrasi"
    last = CaseStep.select().where(CaseStep.case == case.id).order_by(CaseStep.id.desc()).first()
    assert (last.action, last.note) == ("kembalikan", "Lampiran daftar nama belum ada.")


def test_stale_disposition_edit_is_refused_and_names_who_changed_it():
    make_office()
    kabid = session("kabid")
    receipt = sijarla.register_letter(session("meja"), letter_draft())
    draft = sijarla.DispositionDraft("Siapkan tim.", team().id, dt.date.today() + dt.timedelta(days=3))
    disposition_id = sijarla.save_disposition(kabid, receipt.case_id, draft)
    sijarla.save_disposition(kabid, receipt.case_id, draft, expected_version=1)  # another PC saved first
    with pytest.raises(StaleRecord, match="Dedi Syafrizal"):
        sijarla.save_disposition(kabid, receipt.case_id, draft, expected_version=1)
    assert Disposition.get_by_id(disposition_id).version == 2


def test_stale_case_move_is_refused():
    make_office()
    receipt = sijarla.register_letter(session("meja"), letter_draft())
    case = SopCase.get_by_id(receipt.case_id)
    with pytest.raises(StaleRecord, match="Muat ulang"):
        sijarla.return_request(session("kabid"), case.id, "Kurang lampiran.", case.version - 1)
    assert SopCase.get_by_id(case.id).current_step == "disposisi"


def test_case_from_low_coverage_analysis_starts_at_disposition_without_letter():
    make_office()
    summary = sijarla.open_from_analysis(
        session("kadis"), nagari("Koto Baru").id, "Perekaman KTP-el baru 61%."
    )
    case = SopCase.get_by_id(summary.id)
    assert case.origin == "analisis" and case.current_step == "disposisi"
    assert IncomingLetter.select().where(IncomingLetter.case == case.id).count() == 0
