"""Innovation documents on SQLite and PostgreSQL: every step's document and the profile, archived."""

from __future__ import annotations

import hashlib

import pytest

from desktop.models import InnovationDocument, IssuedDocument, User
from desktop.printing.data import verification_qr_text
from desktop.services.documents import issue as documents
from desktop.services.errors import PermissionDenied
from desktop.services.inovasi import steps as inovasi
from tests.db.factories import make_office, session
from tests.db.test_inovasi_flow import clear_calendar, day, first_discussion, people, to_first_discussion

from .pdf_tools import A4, all_text, fonts, page_sizes, page_text, qr_texts, render_page

pytestmark = pytest.mark.usefixtures("database")

TITLES = {
    "pointers_konsep": "POINTERS KONSEP INOVASI",
    "catatan_telaahan_kabid": "CATATAN TELAAHAN KABID",
    "catatan_tindak_lanjut": "CATATAN TINDAK LANJUT KEPALA DINAS",
    "draft_inovasi": "DRAFT INOVASI",
    "notulen_penyempurnaan": "NOTULEN PENYEMPURNAAN KONSEP",
    "konsep_final": "KONSEP FINAL INOVASI",
    "nama_inovasi": "NAMA INOVASI",
    "output_inovasi": "OUTPUT INOVASI",
}


def running_innovation() -> int:
    """An innovation taken through all 8 steps by the real use cases; returns its id."""
    make_office()
    clear_calendar()
    ids = people()
    kasi, kadis, kabidpdip = session("kasi"), session("kadis"), session("kabidpdip")
    sekretaris, adb = session("sekretaris"), session("adb")
    summary = to_first_discussion(day(0))
    summary = inovasi.decide_first_discussion(
        kadis,
        summary.id,
        first_discussion(ids, "ya", "Disepakati bersama Dinas Kesehatan.", held_on=day(1)),
        summary.case_version,
        on=day(1),
    )
    participants = (ids["kadis"], ids["kabidpdip"], ids["sekretaris"])
    inovasi.open_finalization(kasi, summary.id, day(2), "Aula", participants)
    for who in (kadis, kabidpdip, sekretaris):
        inovasi.approve_draft(who, summary.id, True, on=day(2))
    minutes = ("notulen.pdf", b"%PDF-1.4\n% notulen\n")
    summary = inovasi.finish_finalization(kasi, summary.id, minutes, summary.case_version, on=day(2))
    concept = inovasi.FinalConcept(
        mechanism="Bidan mengunggah surat keterangan lahir;\noperator memverifikasi.",
        resources="2 operator, 1 server, jaringan puskesmas",
        schedule="Mulai Oktober 2026 di 5 puskesmas",
        indicators="90% bayi memiliki akta dalam 7 hari",
    )
    summary = inovasi.record_technical_discussion(
        adb, summary.id, concept, (ids["kasi"], ids["adb"]), summary.case_version, on=day(3)
    )
    alternatives = [("SI AKRAB", "Sistem Akta Kelahiran di Puskesmas"), ("LAHIR TERCATAT", "")]
    summary = inovasi.decide_name(
        kadis, summary.id, alternatives, "SI AKRAB", summary.case_version, on=day(4)
    )
    inovasi.log_output(adb, summary.id, day(7), "Akta terbit di Puskesmas Lubuk Alung", 12, on=day(7))
    inovasi.log_output(adb, summary.id, day(8), "Akta terbit di Puskesmas Pariaman", 9, on=day(8))
    summary = inovasi.complete_implementation(
        adb, summary.id, "Siap direplikasi ke kecamatan lain.", summary.case_version, on=day(8)
    )
    assert summary.status == "selesai" and summary.chosen_name == "SI AKRAB"
    return summary.id


def test_every_step_document_is_issued_signed_and_archived():
    innovation_id = running_innovation()
    kasi = session("kasi")
    rows = list(
        InnovationDocument.select()
        .where(InnovationDocument.innovation == innovation_id)
        .order_by(InnovationDocument.id)
    )
    assert [r.kind for r in rows] == list(TITLES)
    for row in rows:
        info = documents.issue_document(kasi, "dokumen_inovasi", row.id)
        data = documents.get_document(kasi, info.id)
        assert info.page_count == len(page_sizes(data)) == 1, row.kind
        assert page_sizes(data) == [pytest.approx(A4, abs=0.5)]
        assert all(f.embedded for f in fonts(data))
        text = all_text(data)
        author = User.get_by_id(row.author_id).full_name
        assert TITLES[row.kind] in text and "INV-2026-001" in text, row.kind
        assert author in text and "Ditandatangani secara elektronik" in text, row.kind
        assert "Layanan akta kelahiran langsung di puskesmas" in text
        lines = [line.strip() for line in row.body.splitlines()]
        first_line = next(line for line in lines if line and not line.endswith(":"))
        assert " ".join(first_line.split()) in text, row.kind
        assert qr_texts(render_page(data, 0, dpi=200)) == [verification_qr_text(info.verification_code)]
        assert InnovationDocument.get_by_id(row.id).document_id == info.id
    final = next(r for r in rows if r.kind == "konsep_final")
    info = documents.issue_document(kasi, "dokumen_inovasi", final.id)
    assert info.reused
    text = all_text(documents.get_document(kasi, info.id))
    assert "Mekanisme" in text and "Bidan mengunggah surat keterangan lahir;" in text
    assert "operator memverifikasi." in text
    # The roles of the step, the Kepala Dinas and the Kasi Inovasi may issue; nobody else.
    adb, kabidpdip = session("adb"), session("kabidpdip")
    assert documents.issue_document(adb, "dokumen_inovasi", final.id).id == info.id
    kabid_note = next(r for r in rows if r.kind == "catatan_telaahan_kabid")
    documents.issue_document(kabidpdip, "dokumen_inovasi", kabid_note.id)
    with pytest.raises(PermissionDenied):
        documents.issue_document(adb, "dokumen_inovasi", kabid_note.id)
    with pytest.raises(PermissionDenied):
        documents.issue_document(session("meja"), "dokumen_inovasi", final.id)


def test_profile_lists_name_outputs_and_steps_and_reprints_byte_for_byte():
    innovation_id = running_innovation()
    kabidpdip = session("kabidpdip")
    info = documents.issue_document(kabidpdip, "profil_inovasi", innovation_id)
    row = IssuedDocument.get_by_id(info.id)
    data = bytes(row.pdf)
    assert hashlib.sha256(data).hexdigest() == info.sha256 and info.doc_type == "profil_inovasi"
    assert 1 <= info.page_count <= 2 and len(page_sizes(data)) == info.page_count
    assert all(s == pytest.approx(A4, abs=0.5) for s in page_sizes(data))
    text = all_text(data)
    assert "PROFIL INOVASI PELAYANAN PUBLIK" in text and "SI AKRAB" in text
    assert "Sistem Akta Kelahiran di Puskesmas" in text and "INV-2026-001" in text
    assert "21 orang terlayani; 2 catatan kegiatan pada 2 hari" in text
    assert "90% bayi memiliki akta dalam 7 hari" in text
    assert "Penelaahan Kabid" in text and "Pelaksanaan" in text and "tepat waktu" in text
    assert "Hendri Yusman" in text  # the Kepala Dinas signs
    found = {q for i in range(info.page_count) for q in qr_texts(render_page(data, i, dpi=200))}
    assert found == {verification_qr_text(info.verification_code)}
    assert documents.get_document(kabidpdip, info.id, purpose="cetak") == data
    again = documents.issue_document(session("kadis"), "profil_inovasi", innovation_id)
    assert again.reused and again.id == info.id
    for outsider in ("adb", "meja"):
        with pytest.raises(PermissionDenied):
            documents.issue_document(session(outsider), "profil_inovasi", innovation_id)


def rejected_innovation() -> int:
    """An innovation the Kepala Dinas rejects at step 4 (the first discussion); returns its id."""
    make_office()
    clear_calendar()
    ids = people()
    summary = to_first_discussion(day(0))
    reject = first_discussion(ids, "tidak", "Tidak sesuai prioritas.", held_on=day(1), close_as_rejected=True)
    summary = inovasi.decide_first_discussion(
        session("kadis"), summary.id, reject, summary.case_version, on=day(1)
    )
    assert summary.status == "ditolak"
    return summary.id


def test_a_rejected_innovations_profile_shows_the_later_steps_as_not_continued():
    innovation_id = rejected_innovation()
    info = documents.issue_document(session("kabidpdip"), "profil_inovasi", innovation_id)
    data = documents.get_document(session("kabidpdip"), info.id)
    lines = [" ".join(line.split()) for page in page_text(data, layout=True) for line in page.splitlines()]
    rows = {
        int(line.split()[0]): line for line in lines if line[:1].isdigit() and line.split()[0] in "12345678"
    }
    assert sorted(rows) == list(range(1, 9)), lines
    for number in (1, 2, 3):
        assert rows[number].endswith("tepat waktu"), rows[number]
    fourth = rows[4] + " " + lines[lines.index(rows[4]) + 1]  # the Keterangan wraps onto a second line
    assert fourth.endswith("tepat waktu; ditolak"), fourth
    for number in (5, 6, 7, 8):
        assert rows[number].endswith("tidak dilanjutkan"), rows[number]
    text = " ".join(all_text(data).split())
    assert not any("belum" in row for row in rows.values())  # the problem text may say "belum"; no step does
    assert "status: ditolak pada langkah 4: Pembahasan Awal" in text


def test_dates_inside_the_step_documents_text_are_written_out():
    innovation_id = running_innovation()
    bodies = {
        r.kind: " ".join(r.body.split())
        for r in InnovationDocument.select().where(InnovationDocument.innovation == innovation_id)
    }
    assert (
        "2 catatan pada 2 hari (14 s.d. 15 September 2026), 21 orang terlayani." in bodies["output_inovasi"]
    )
    assert "Rabu, 9 September 2026, Aula" in bodies["notulen_penyempurnaan"]
    assert not any("-09-2026" in body for body in bodies.values())
