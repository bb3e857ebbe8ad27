"""The whole Inovasi Pelayanan Publik SOP through the service layer, from the idea to a running innovation."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.models import (
    Attachment,
    AuditLog,
    CaseStep,
    Holiday,
    Innovation,
    InnovationDocument,
    Meeting,
    MeetingParticipant,
    NameOption,
    OutputLog,
    SopCase,
)
from desktop.services.errors import InvalidInput, PermissionDenied, StaleRecord, WorkflowError
from desktop.services.inovasi import steps as inovasi

from .factories import make_office, session

pytestmark = pytest.mark.usefixtures("database")

MON = dt.date(2026, 9, 7)  # a Monday; tests clear the office calendar around it


def day(offset: int) -> dt.date:
    return MON + dt.timedelta(days=offset)


def clear_calendar(start: dt.date | None = None, end: dt.date | None = None) -> None:
    """No national holiday near the test dates: the working-day counts below assume so."""
    start, end = start or day(-7), end or day(35)
    Holiday.delete().where(Holiday.day.between(start, end)).execute()


def idea(**overrides) -> inovasi.IdeaDraft:
    values = dict(
        title="Layanan akta kelahiran langsung di puskesmas",
        problem="Banyak bayi belum memiliki akta kelahiran karena orang tua jauh dari kantor dinas.",
        target="Ibu melahirkan di puskesmas se-kabupaten",
        pointers="1. Petugas puskesmas mengunggah berkas.\n2. Dinas menerbitkan akta dalam 1 hari.",
        attachments=(("kajian.pdf", b"%PDF-1.4\n% kajian\n"),),
    )
    values.update(overrides)
    return inovasi.IdeaDraft(**values)


def people() -> dict[str, int]:
    return {
        name: session(name).user_id
        for name in ("kabid", "kadis", "kph", "kabidpdip", "kasi", "sekretaris", "adb")
    }


def first_discussion(ids: dict[str, int], decision: str, reason: str = "", **kw) -> inovasi.MeetingDraft:
    return inovasi.MeetingDraft(
        held_on=kw.pop("held_on"),
        place="Ruang rapat Kepala Dinas",
        participant_ids=(ids["kadis"], ids["kabidpdip"], ids["kasi"], ids["sekretaris"]),
        decision=decision,
        reason=reason,
        **kw,
    )


def to_first_discussion(on: dt.date = MON) -> inovasi.InnovationSummary:
    """Steps 1 to 3 on one day each, starting on `on`."""
    kasi, kabidpdip, kadis = session("kasi"), session("kabidpdip"), session("kadis")
    summary = inovasi.propose_idea(kasi, idea(), on=on)
    summary = inovasi.review_by_kabid(
        kabidpdip, summary.id, "Layak; perjelas alur data.", True, summary.case_version, on=on
    )
    return inovasi.review_by_kepala_dinas(
        kadis, summary.id, "Bahas dalam rapat pejabat struktural.", summary.case_version, on=on
    )


def case_steps(case_id: int) -> list[tuple[str, str, str]]:
    rows = CaseStep.select().where(CaseStep.case == case_id).order_by(CaseStep.id)
    return [(s.step_code, s.action, s.output_label) for s in rows]


def test_innovation_runs_all_eight_steps_with_one_return_at_the_first_discussion():
    make_office()
    clear_calendar()
    kasi, kabidpdip, kadis = session("kasi"), session("kabidpdip"), session("kadis")
    sekretaris, adb = session("sekretaris"), session("adb")
    ids = people()

    # Step 1: the Kasi Inovasi's idea opens the case; output: pointers konsep.
    summary = inovasi.propose_idea(kasi, idea(), on=day(0))
    assert summary.reference == "INV-2026-001" and summary.current_step == "telaah_kabid"
    assert summary.step_due_on == day(1) and summary.year == 2026
    case_id = summary.case_id
    attachment = Attachment.get(Attachment.case == case_id)
    assert (attachment.purpose, attachment.step_code, attachment.filename) == (
        "lampiran",
        "ide",
        "kajian.pdf",
    )
    with pytest.raises(PermissionDenied):
        inovasi.propose_idea(adb, idea())

    # Step 2: the Kabid reviews.
    with pytest.raises(PermissionDenied):
        inovasi.review_by_kabid(kadis, summary.id, "Saya telaah.", True, summary.case_version)
    summary = inovasi.review_by_kabid(
        kabidpdip, summary.id, "Layak; perjelas alur data.", True, summary.case_version, on=day(0)
    )
    with pytest.raises(StaleRecord):
        inovasi.review_by_kepala_dinas(kadis, summary.id, "Lanjut.", summary.case_version - 1)

    # Step 3: the Kepala Dinas' catatan tindak lanjut.
    summary = inovasi.review_by_kepala_dinas(
        kadis, summary.id, "Bahas dalam rapat pejabat struktural.", summary.case_version, on=day(1)
    )
    assert summary.current_step == "pembahasan_awal"

    # Step 4, first time: "tidak" sends the idea back to the Kasi with the meeting's reason.
    with pytest.raises(InvalidInput, match="pejabat struktural"):
        inovasi.decide_first_discussion(
            kasi,
            summary.id,
            inovasi.MeetingDraft(day(2), "Aula", (ids["kasi"], ids["adb"]), "tidak", "Belum jelas."),
            summary.case_version,
            on=day(2),
        )
    with pytest.raises(InvalidInput, match="Alasan keputusan wajib"):
        inovasi.decide_first_discussion(
            kasi, summary.id, first_discussion(ids, "tidak", held_on=day(2)), summary.case_version
        )
    reason = "Perlu kesepakatan dengan Dinas Kesehatan lebih dulu."
    summary = inovasi.decide_first_discussion(
        kasi,
        summary.id,
        first_discussion(ids, "tidak", reason, held_on=day(2)),
        summary.case_version,
        on=day(2),
    )
    assert summary.current_step == "ide" and summary.status == "berjalan" and summary.step_due_on == day(3)
    meeting = Meeting.get(Meeting.step_code == "pembahasan_awal")
    assert (meeting.decision, meeting.reason, meeting.chaired_by_id) == ("tidak", reason, ids["kasi"])
    assert MeetingParticipant.select().where(MeetingParticipant.meeting == meeting.id).count() == 4

    # The return path: the Kasi revises, the Kabid and the Kepala Dinas review again, then "ya".
    summary = inovasi.revise_idea(
        kasi,
        summary.id,
        idea(pointers="1. Kerja sama dengan Dinas Kesehatan.\n2. Akta terbit dalam 1 hari.", attachments=()),
        summary.case_version,
        on=day(3),
    )
    assert Innovation.get_by_id(summary.id).pointers.startswith("1. Kerja sama")
    summary = inovasi.review_by_kabid(
        kabidpdip, summary.id, "Sudah sesuai.", True, summary.case_version, on=day(3)
    )
    summary = inovasi.review_by_kepala_dinas(
        kadis, summary.id, "Lanjutkan ke rapat.", summary.case_version, on=day(4)
    )
    summary = inovasi.decide_first_discussion(
        kadis,
        summary.id,
        first_discussion(ids, "ya", "Disepakati bersama.", held_on=day(7)),
        summary.case_version,
        on=day(7),
    )
    assert summary.current_step == "finalisasi_konsep"
    draft = InnovationDocument.get(InnovationDocument.kind == "draft_inovasi")
    assert "Kerja sama dengan Dinas Kesehatan" in draft.body and "Disepakati bersama." in draft.body

    # Step 5: every participant approves the draft themselves before the notulen closes the step.
    with pytest.raises(WorkflowError, match="belum dibuka"):
        inovasi.approve_draft(kabidpdip, summary.id, True)
    participants = (ids["kadis"], ids["kabidpdip"], ids["sekretaris"])
    with pytest.raises(PermissionDenied):
        inovasi.open_finalization(adb, summary.id, day(8), "Aula", participants)
    view = inovasi.open_finalization(kasi, summary.id, day(8), "Aula", participants)
    assert [p.approved for p in view.participants] == [None, None, None] and not view.all_approved
    with pytest.raises(PermissionDenied, match="peserta rapat"):
        inovasi.approve_draft(kasi, summary.id, True)
    inovasi.approve_draft(kadis, summary.id, True, on=day(8))
    with pytest.raises(InvalidInput, match="Catatan wajib"):
        inovasi.approve_draft(sekretaris, summary.id, False)
    inovasi.approve_draft(sekretaris, summary.id, False, "Jadwal belum realistis.", on=day(8))
    minutes = ("notulen.pdf", b"%PDF-1.4\n% notulen\n")
    with pytest.raises(WorkflowError, match="Belum menyetujui: .*Erni Susanti.*Zulkifli"):
        inovasi.finish_finalization(kasi, summary.id, minutes, summary.case_version, on=day(8))
    assert not Attachment.select().where(Attachment.purpose == "notulen").exists()  # rolled back
    inovasi.approve_draft(kabidpdip, summary.id, True, on=day(8))
    view = inovasi.approve_draft(sekretaris, summary.id, True, "Jadwal sudah diperbaiki.", on=day(8))
    assert view.all_approved and all(p.approved_at.date() == day(8) for p in view.participants)
    summary = inovasi.finish_finalization(kasi, summary.id, minutes, summary.case_version, on=day(8))
    notulen = Attachment.get(Attachment.purpose == "notulen")
    assert (notulen.step_code, notulen.filename) == ("finalisasi_konsep", "notulen.pdf")
    with pytest.raises(WorkflowError, match="sedang pada langkah Pembahasan Lanjutan"):
        inovasi.approve_draft(kadis, summary.id, True)

    # Step 6: the technical discussion, with the ADB, gives the konsep final.
    concept = inovasi.FinalConcept(
        mechanism="Bidan mengunggah surat keterangan lahir;\n  operator memverifikasi.",
        resources="2 operator, 1 server, jaringan puskesmas",
        schedule="Mulai Oktober 2026 di 5 puskesmas",
        indicators="90% bayi memiliki akta dalam 7 hari",
    )
    with pytest.raises(InvalidInput, match="ADB/pelaksana teknis"):
        inovasi.record_technical_discussion(
            kasi, summary.id, concept, (ids["kasi"], ids["kabidpdip"]), summary.case_version
        )
    summary = inovasi.record_technical_discussion(
        adb, summary.id, concept, (ids["kasi"], ids["adb"]), summary.case_version, on=day(10)
    )
    assert summary.current_step == "penamaan"

    # Step 7: only the Kepala Dinas decides the name among the alternatives.
    alternatives = [("SI AKRAB", "Sistem Akta Kelahiran di Puskesmas"), ("LAHIR TERCATAT", "")]
    with pytest.raises(PermissionDenied):
        inovasi.decide_name(kasi, summary.id, alternatives, "SI AKRAB", summary.case_version)
    with pytest.raises(InvalidInput, match="salah satu alternatif"):
        inovasi.decide_name(kadis, summary.id, alternatives, "AKTA KILAT", summary.case_version)
    summary = inovasi.decide_name(
        kadis, summary.id, alternatives, "si akrab", summary.case_version, on=day(11)
    )
    assert summary.chosen_name == "SI AKRAB" and summary.current_step == "pelaksanaan"
    assert Innovation.get_by_id(summary.id).name_decided_by_id == ids["kadis"]
    options = {o.name: o.is_chosen for o in NameOption.select()}
    assert options == {"SI AKRAB": True, "LAHIR TERCATAT": False}

    # Step 8: the ADB logs the daily output, then the case closes with the output inovasi.
    with pytest.raises(PermissionDenied):
        inovasi.log_output(kasi, summary.id, day(14), "Pelayanan akta", 3)
    with pytest.raises(WorkflowError, match="Belum ada output"):
        inovasi.complete_implementation(adb, summary.id, "", summary.case_version, on=day(14))
    inovasi.log_output(adb, summary.id, day(14), "Akta terbit di Puskesmas Lubuk Alung", 12, on=day(14))
    inovasi.log_output(adb, summary.id, day(15), "Akta terbit di Puskesmas Pariaman", 8, on=day(15))
    inovasi.log_output(adb, summary.id, day(15), "Konsultasi berkas", 5, "Berkas ibu kurang", on=day(15))
    summary = inovasi.complete_implementation(
        adb, summary.id, "Siap direplikasi ke kecamatan lain.", summary.case_version, on=day(15)
    )
    assert summary.status == "selesai" and summary.step_due_on is None
    case = SopCase.get_by_id(case_id)
    assert case.status == "selesai" and case.closed_at is not None
    with pytest.raises(WorkflowError, match="sudah selesai"):
        inovasi.log_output(adb, summary.id, day(16), "Pelayanan", 1, on=day(16))

    # Every step left its output: the documents, and the step history's output labels.
    documents = InnovationDocument.select().order_by(InnovationDocument.id)
    assert [(d.step_code, d.kind) for d in documents] == [
        ("ide", "pointers_konsep"),
        ("telaah_kabid", "catatan_telaahan_kabid"),
        ("telaah_kepala_dinas", "catatan_tindak_lanjut"),
        ("ide", "pointers_konsep"),
        ("telaah_kabid", "catatan_telaahan_kabid"),
        ("telaah_kepala_dinas", "catatan_tindak_lanjut"),
        ("pembahasan_awal", "draft_inovasi"),
        ("finalisasi_konsep", "notulen_penyempurnaan"),
        ("pembahasan_teknis", "konsep_final"),
        ("penamaan", "nama_inovasi"),
        ("pelaksanaan", "output_inovasi"),
    ]
    assert all(d.title.endswith(": Layanan akta kelahiran langsung di puskesmas") for d in documents)
    assert documents[1].body == "Layak; perjelas alur data." and documents[1].author_id == ids["kabidpdip"]
    assert "3 catatan pada 2 hari" in documents[10].body and "25 orang terlayani" in documents[10].body
    assert case_steps(case_id) == [
        ("ide", "selesai", "Pointers konsep inovasi"),
        ("telaah_kabid", "selesai", "Catatan telaahan Kabid"),
        ("telaah_kepala_dinas", "selesai", "Catatan Tindak Lanjut"),
        ("pembahasan_awal", "tidak", ""),
        ("ide", "selesai", "Pointers konsep inovasi"),
        ("telaah_kabid", "selesai", "Catatan telaahan Kabid"),
        ("telaah_kepala_dinas", "selesai", "Catatan Tindak Lanjut"),
        ("pembahasan_awal", "ya", "Draft inovasi"),
        ("finalisasi_konsep", "selesai", "Notulen penyempurnaan konsep"),
        ("pembahasan_teknis", "selesai", "Konsep final inovasi"),
        ("penamaan", "selesai", "Nama inovasi"),
        ("pelaksanaan", "selesai", "Output inovasi pelayanan adminduk"),
    ]
    assert Meeting.select().count() == 4 and OutputLog.select().count() == 3

    # The timeline: planned and actual dates, who, and each step's document; nothing late.
    timeline = inovasi.innovation_timeline(summary.id)
    assert len(timeline) == 12 and all(e.late_working_days == 0 for e in timeline)
    returned = timeline[3]
    assert (returned.action, returned.note, returned.document_id) == ("tidak", reason, None)
    assert (returned.started_on, returned.due_on, returned.done_on) == (day(1), day(2), day(2))
    assert [e.document_id for e in timeline if e.output_label] == [d.id for d in documents]
    kadis_again = timeline[6]
    assert (kadis_again.started_on, kadis_again.due_on, kadis_again.done_on) == (day(3), day(7), day(4))
    assert kadis_again.actor == "Hendri Yusman, S.STP, M.Si"
    assert kadis_again.document_title.startswith("Catatan Tindak Lanjut: ")
    assert (timeline[-1].step_number, timeline[-1].due_on, timeline[-1].done_on) == (8, None, day(15))

    # The one-page profile.
    profile = inovasi.innovation_profile(summary.id)
    assert (profile.name, profile.name_meaning) == ("SI AKRAB", "Sistem Akta Kelahiran di Puskesmas")
    assert profile.mechanism == "Bidan mengunggah surat keterangan lahir;\n  operator memverifikasi."
    assert profile.resources == "2 operator, 1 server, jaringan puskesmas"
    assert profile.schedule == "Mulai Oktober 2026 di 5 puskesmas"
    assert profile.indicators == "90% bayi memiliki akta dalam 7 hari"
    assert profile.concept == draft.body and profile.status == "selesai"
    outputs = profile.outputs
    assert (outputs.entries, outputs.days, outputs.people_served) == (3, 2, 25)
    assert (outputs.first_day, outputs.last_day) == (day(14), day(15))
    assert len(profile.timeline) == 12

    actions = {a.action for a in AuditLog.select()}
    assert {
        "inovasi_diusulkan",
        "inovasi_diperbaiki",
        "pembahasan_awal",
        "nama_inovasi_ditetapkan",
    } <= actions


def test_tolak_at_the_first_discussion_closes_the_case_as_rejected():
    make_office()
    clear_calendar()
    ids = people()
    summary = to_first_discussion()
    reject = first_discussion(
        ids, "tidak", "Sudah ada layanan serupa.", held_on=day(1), close_as_rejected=True
    )
    with pytest.raises(PermissionDenied):  # only the Kepala Dinas may reject outright
        inovasi.decide_first_discussion(session("kasi"), summary.id, reject, summary.case_version, on=day(1))
    summary = inovasi.decide_first_discussion(
        session("kadis"), summary.id, reject, summary.case_version, on=day(1)
    )
    assert summary.status == "ditolak" and summary.current_step == "pembahasan_awal"
    case = SopCase.get_by_id(summary.case_id)
    assert case.status == "ditolak" and case.closed_at is not None and case.step_due_on is None
    assert case_steps(case.id)[-1] == ("pembahasan_awal", "tolak", "")
    last = CaseStep.select().where(CaseStep.case == case.id).order_by(CaseStep.id.desc()).first()
    assert last.note == "Sudah ada layanan serupa." and last.next_step is None
    assert Meeting.get(Meeting.step_code == "pembahasan_awal").decision == "tidak"
    assert not InnovationDocument.select().where(InnovationDocument.kind == "draft_inovasi").exists()
    with pytest.raises(WorkflowError, match="sudah ditolak"):
        inovasi.revise_idea(session("kasi"), summary.id, idea(), summary.case_version)


def test_kabid_returns_the_idea_with_a_reason():
    make_office()
    kasi, kabidpdip = session("kasi"), session("kabidpdip")
    summary = inovasi.propose_idea(kasi, idea())
    with pytest.raises(InvalidInput, match="Alasan pengembalian wajib"):
        inovasi.review_by_kabid(kabidpdip, summary.id, " ", False, summary.case_version)
    summary = inovasi.review_by_kabid(
        kabidpdip, summary.id, "Lengkapi data kelahiran per kecamatan.", False, summary.case_version
    )
    assert summary.current_step == "ide"
    last = CaseStep.select().where(CaseStep.case == summary.case_id).order_by(CaseStep.id.desc()).first()
    assert (last.action, last.note, last.output_label) == (
        "kembalikan",
        "Lengkapi data kelahiran per kecamatan.",
        "",
    )
    assert not InnovationDocument.select().where(InnovationDocument.step_code == "telaah_kabid").exists()
    summary = inovasi.revise_idea(kasi, summary.id, idea(attachments=()), summary.case_version)
    assert summary.current_step == "telaah_kabid"


@pytest.mark.parametrize(("office_holiday", "late"), [(False, 3), (True, 2)], ids=["weekend", "holiday"])
def test_a_step_finished_after_its_due_date_is_late_by_working_days(office_holiday: bool, late: int):
    make_office()
    clear_calendar()
    if office_holiday:
        Holiday.create(day=day(7), name="Hari jadi kabupaten", kind="kantor")  # Monday
    kasi, kabidpdip, kadis = session("kasi"), session("kabidpdip"), session("kadis")
    summary = inovasi.propose_idea(kasi, idea(), on=day(0))  # Monday
    summary = inovasi.review_by_kabid(kabidpdip, summary.id, "Layak.", True, summary.case_version, on=day(1))
    # The Kepala Dinas has 2 working days from Tuesday: due Thursday. Done the next Tuesday,
    # after Friday, the weekend and Monday (an office holiday in the second case).
    summary = inovasi.review_by_kepala_dinas(kadis, summary.id, "Lanjut.", summary.case_version, on=day(8))

    timeline = inovasi.innovation_timeline(summary.id, today=day(8))
    assert [(e.step_code, e.late_working_days) for e in timeline] == [
        ("ide", 0),
        ("telaah_kabid", 0),
        ("telaah_kepala_dinas", late),
        ("pembahasan_awal", 0),
    ]
    kadis_step = timeline[2]
    assert (kadis_step.started_on, kadis_step.due_on, kadis_step.done_on) == (day(1), day(3), day(8))
    running = timeline[3]
    assert running.action is None and running.done_on is None
    assert (running.started_on, running.due_on, running.late_working_days) == (day(8), day(9), 0)
    overdue = inovasi.innovation_timeline(summary.id, today=day(14))  # still open the next Monday
    assert overdue[-1].late_working_days == 3


def test_lists_filter_by_step_status_and_year():
    make_office()
    clear_calendar(dt.date(2025, 9, 1), dt.date(2026, 10, 15))
    kasi, kabidpdip, kadis = session("kasi"), session("kabidpdip"), session("kadis")
    ids = people()
    old = inovasi.propose_idea(kasi, idea(title="Gagasan tahun lalu"), on=dt.date(2025, 9, 8))
    rejected = to_first_discussion()
    reject = first_discussion(ids, "tidak", "Tidak sesuai prioritas.", held_on=day(1), close_as_rejected=True)
    rejected = inovasi.decide_first_discussion(kadis, rejected.id, reject, rejected.case_version, on=day(1))
    running = inovasi.propose_idea(kasi, idea(title="Antrean daring KTP-el"), on=day(2))
    running = inovasi.review_by_kabid(kabidpdip, running.id, "Layak.", True, running.case_version, on=day(2))

    assert old.reference == "INV-2025-001" and running.reference == "INV-2026-002"
    assert [s.id for s in inovasi.list_innovations()] == [running.id, rejected.id, old.id]
    assert [s.id for s in inovasi.list_innovations(step="telaah_kabid")] == [old.id]
    assert [s.id for s in inovasi.list_innovations(step="telaah_kepala_dinas")] == [running.id]
    assert [s.id for s in inovasi.list_innovations(status="ditolak")] == [rejected.id]
    assert [s.id for s in inovasi.list_innovations(status="berjalan")] == [running.id, old.id]
    assert [s.id for s in inovasi.list_innovations(year=2025)] == [old.id]
    assert [s.id for s in inovasi.list_innovations(status="berjalan", year=2026)] == [running.id]
    assert inovasi.list_innovations(step="pelaksanaan") == []
    summary = inovasi.list_innovations(status="ditolak")[0]
    assert (summary.step_name, summary.title) == (
        "Pembahasan Awal",
        "Layanan akta kelahiran langsung di puskesmas",
    )


def test_text_is_checked_and_too_long_input_is_refused():
    make_office()
    with pytest.raises(InvalidInput, match="Judul gagasan wajib diisi"):
        inovasi.propose_idea(session("kasi"), idea(title="  "))
    with pytest.raises(InvalidInput, match="Permasalahan terlalu panjang"):
        inovasi.propose_idea(session("kasi"), idea(problem="x" * 4001))
    with pytest.raises(InvalidInput, match="tidak sah"):
        inovasi.propose_idea(session("kasi"), idea(target="Ibu\x00hamil"))
    assert not SopCase.select().exists() and not Innovation.select().exists()
