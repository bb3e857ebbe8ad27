"""Issued documents on SQLite and PostgreSQL: archived once, reprinted byte for byte, verifiable."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import threading

import pytest

from desktop.models import (
    AuditLog,
    CaseStep,
    IssuedDocument,
    NumberingPattern,
    NumberSequence,
    Office,
    Recap,
    Report,
    Sop,
    db,
)
from desktop.printing.data import verification_qr_text
from desktop.printing.receipts import PRINTERS
from desktop.printing.sinks import NetworkSink
from desktop.printing.text import datetime_id
from desktop.services.documents import issue as documents
from desktop.services.documents.issue import CODE_ALPHABET, PrinterUnavailable
from desktop.services.documents.types import MASKED_REPORT
from desktop.services.errors import DomainError, NotFound, PermissionDenied, WorkflowError
from desktop.services.nik import mask_nik
from desktop.services.sijarla import recap
from desktop.services.sijarla import steps as sijarla
from tests.db.factories import session, team

from .escpos_decode import decode
from .flow import NIK_ANAK, NIK_LANSIA, finished_case, receipt_letter_id, registered_letter
from .pdf_tools import A4, F4, all_text, page_sizes, qr_texts, render_page
from .test_sinks import LoopbackPrinter, refused_port

pytestmark = pytest.mark.usefixtures("database")


def actions() -> list[str]:
    return [a.action for a in AuditLog.select().order_by(AuditLog.id)]


def sequences() -> list[tuple[int, int]]:
    """Every letter-number sequence and its last number taken."""
    return [(s.pattern_id, s.last_value) for s in NumberSequence.select().order_by(NumberSequence.id)]


def test_issuing_archives_the_pdf_with_hash_code_issuer_and_pages():
    receipt = registered_letter()
    meja = session("meja")
    letter_id = receipt_letter_id(receipt.case_id)
    info = documents.issue_document(meja, "tanda_terima", letter_id)
    row = IssuedDocument.get_by_id(info.id)
    data = bytes(row.pdf)
    assert data.startswith(b"%PDF") and hashlib.sha256(data).hexdigest() == row.sha256 == info.sha256
    assert (row.doc_type, row.paper_size, row.page_count) == ("tanda_terima", "A4", 1)
    assert row.case_id == receipt.case_id
    assert row.issued_by_id == meja.user_id and info.issued_by == "Yuliani Fitri, A.Md"
    assert len(info.verification_code) == 10 and set(info.verification_code) <= set(CODE_ALPHABET)
    assert info.number == receipt.agenda_number and not info.reused
    assert page_sizes(data) == [pytest.approx(A4, abs=0.5)]
    assert qr_texts(render_page(data, 0, dpi=200)) == [verification_qr_text(info.verification_code)]
    text = all_text(data)
    assert receipt.agenda_number in text and receipt.tracking_code in text
    assert json.loads(row.summary)["sumber"] == f"tanda_terima:{letter_id}"
    assert "dokumen_diterbitkan" in actions()
    step = CaseStep.get((CaseStep.case == receipt.case_id) & (CaseStep.step_code == "registrasi"))
    assert step.document_id == info.id  # the SOP step's output now points at the document


def test_reprint_returns_the_stored_bytes_and_issuing_again_returns_the_same_document():
    case = finished_case()
    kabid = session("kabid")
    first = documents.issue_document(kabid, "disposisi", case.disposition_id)
    stored = bytes(IssuedDocument.get_by_id(first.id).pdf)
    reprint = documents.get_document(kabid, first.id, purpose="cetak")
    assert reprint == stored and hashlib.sha256(reprint).hexdigest() == first.sha256
    again = documents.issue_document(kabid, "disposisi", case.disposition_id)
    assert again.reused and again.id == first.id and again.sha256 == first.sha256
    assert IssuedDocument.select().where(IssuedDocument.doc_type == "disposisi").count() == 1
    assert documents.get_document(kabid, first.id) == stored
    logged = set(actions())
    assert {"dokumen_diterbitkan", "dokumen_dicetak", "dokumen_diminta_lagi", "dokumen_dibaca"} <= logged


def test_verification_by_code_by_qr_text_and_by_file():
    case = finished_case()
    info = documents.issue_document(session("kadis"), "surat_tugas", case.assignment_id)
    code = info.verification_code
    for text in (code, code.lower(), f"{code[:5]}-{code[5:]}", verification_qr_text(code), f" {code} "):
        result = documents.verify_document(text)
        assert result.found, text
        assert (result.doc_type, result.number, result.sha256) == ("surat_tugas", info.number, info.sha256)
        assert result.issued_by == "Hendri Yusman, S.STP, M.Si" and result.issued_at == info.issued_at
        assert result.title.startswith("Surat Tugas ") and not result.superseded
    data = documents.get_document(session("kadis"), info.id)
    assert documents.verify_file(data).found
    assert not documents.verify_file(data + b"\n% diubah").found
    assert "dokumen_diverifikasi" in actions() and "berkas_diverifikasi" in actions()


def test_the_verification_message_and_a_custom_recap_period_write_their_dates_out():
    case = finished_case()
    info = documents.issue_document(session("kadis"), "surat_tugas", case.assignment_id)
    result = documents.verify_document(info.verification_code)
    assert f"diterbitkan {datetime_id(info.issued_at)} oleh Hendri Yusman" in result.message
    assert f"{info.issued_at:%d-%m-%Y}" not in result.message
    assert recap.Period("bebas", dt.date(2026, 5, 1), dt.date(2026, 5, 20)).title == "1 s.d. 20 Mei 2026"
    assert recap.Period("bebas", dt.date(2026, 11, 30), dt.date(2027, 1, 4)).title == (
        "30 November 2026 s.d. 4 Januari 2027"
    )


def test_unknown_or_malformed_code_is_not_found():
    registered_letter()
    unknown = documents.verify_document("ABCDE-FGHJK")
    assert not unknown.found and "tidak terdaftar" in unknown.message
    assert not documents.verify_document("DINASDESK:VERIFY:CONTOH").found
    malformed = documents.verify_document("12")
    assert not malformed.found and "10 huruf/angka" in malformed.message


def test_every_document_type_issues_on_the_office_paper():
    case = finished_case()
    Office.update(paper_size="F4").execute()
    issued = {
        "tanda_terima": documents.issue_document(session("meja"), "tanda_terima", case.letter_id),
        "disposisi": documents.issue_document(session("kabid"), "disposisi", case.disposition_id),
        "surat_tugas": documents.issue_document(session("kadis"), "surat_tugas", case.assignment_id),
        "laporan": documents.issue_document(session("ketua1"), "laporan", case.report_id),
        "rekap": documents.issue_document(session("kph"), "rekap", case.recap_id),
        "sop": documents.issue_document(session("admin"), "sop", documents.sop_source_id("sijarla")),
    }
    for kind, info in issued.items():
        sizes = page_sizes(bytes(IssuedDocument.get_by_id(info.id).pdf))
        expected = (F4[1], F4[0]) if kind == "sop" else F4
        assert info.paper_size == "F4" and len(sizes) == info.page_count, kind
        assert all(s == pytest.approx(expected, abs=0.5) for s in sizes), kind
    year = issued["rekap"].issued_at.year
    assert issued["disposisi"].number == f"0001/DISP/Disdukcapil/{year}"
    assert issued["laporan"].number == f"400.12/001/LAP-SJL/Disdukcapil/{year}"
    assert issued["rekap"].number == f"400.12/001/REKAP-SJL/Disdukcapil/{year}"
    assert issued["sop"].number == "470/23/SOP/Disdukcapil/2022"
    assert Report.get_by_id(case.report_id).document_id == issued["laporan"].id
    assert Recap.get_by_id(case.recap_id).document_id == issued["rekap"].id
    report_text = all_text(documents.get_document(session("ketua1"), issued["laporan"].id))
    assert NIK_LANSIA in report_text and NIK_ANAK in report_text  # the team's edition: full NIK
    assert "Siti Rahmah" in report_text and "Akta lahir anak belum ada" in report_text
    # The chain of command reads the masked edition, issued with it under the same number.
    masked = [i for i in documents.documents_for_case(session("kadis"), case.case_id)]
    assert [i.doc_type for i in masked] == [MASKED_REPORT, "surat_tugas", "disposisi", "tanda_terima"]
    assert masked[0].number == issued["laporan"].number and masked[0].page_count >= 1
    masked_text = all_text(documents.get_document(session("kph"), masked[0].id))
    for nik in (NIK_LANSIA, NIK_ANAK):
        assert nik not in masked_text and mask_nik(nik) in masked_text
    assert "Siti Rahmah" in masked_text and "NIK tersamar" in masked_text
    with pytest.raises(PermissionDenied):
        documents.get_document(session("kph"), issued["laporan"].id)


def test_changed_letterhead_issues_a_new_document_that_keeps_the_number():
    case = finished_case()
    kabid = session("kabid")
    old = documents.issue_document(kabid, "disposisi", case.disposition_id)
    Office.update(phone="(0755) 99999").execute()
    new = documents.issue_document(kabid, "disposisi", case.disposition_id)
    assert new.id != old.id and new.supersedes_id == old.id and new.number == old.number
    assert "(0755) 99999" in all_text(documents.get_document(kabid, new.id))
    assert documents.verify_document(old.verification_code).superseded
    assert not documents.verify_document(new.verification_code).superseded


def test_documents_are_issued_and_read_only_by_their_roles():
    case = finished_case()
    with pytest.raises(PermissionDenied):
        documents.issue_document(session("anggota1"), "tanda_terima", case.letter_id)
    with pytest.raises(PermissionDenied):
        documents.issue_document(session("meja"), "laporan", case.report_id)
    info = documents.issue_document(session("kadis"), "surat_tugas", case.assignment_id)
    assert documents.get_document(session("anggota1"), info.id)  # a team member reads their Surat Tugas
    with pytest.raises(PermissionDenied):
        documents.get_document(
            session("kph"), documents.issue_document(session("meja"), "struk", case.letter_id).id
        )


def test_unsigned_disposition_and_missing_records_cannot_be_issued():
    receipt = registered_letter()
    draft = sijarla.DispositionDraft("Siapkan tim.", team().id, receipt.due_on)
    disposition_id = sijarla.save_disposition(session("kabid"), receipt.case_id, draft)
    with pytest.raises(WorkflowError, match="belum ditandatangani"):
        documents.issue_document(session("kabid"), "disposisi", disposition_id)
    with pytest.raises(NotFound):
        documents.issue_document(session("kabid"), "disposisi", 999_999)
    assert IssuedDocument.select().count() == 0


def test_receipt_masks_niks_and_prints_the_archived_bytes_to_a_network_printer():
    receipt = registered_letter(subject=f"Permohonan KTP-el a.n. Siti Rahmah NIK {NIK_LANSIA}")
    meja = session("meja")
    info = documents.issue_document(meja, "struk", receipt_letter_id(receipt.case_id), receipt_width=80)
    assert info.paper_size == "RCPT"
    stored = bytes(IssuedDocument.get_by_id(info.id).pdf)
    text = " ".join(decode(stored, PRINTERS[80].profile).text.split())
    assert "130203******0002" in text and NIK_LANSIA not in text
    assert receipt.agenda_number in text and receipt.tracking_code in text
    printer = LoopbackPrinter()
    documents.print_receipt(meja, info.id, NetworkSink("127.0.0.1", printer.port))
    assert printer.wait() == stored
    assert "struk_terkirim" in actions()
    assert documents.receipt_preview(meja, info.id).startswith(b"\x89PNG")


def test_a_42_column_printer_gets_its_own_receipt_archived_beside_the_48_column_one():
    receipt = registered_letter(subject="Permohonan pelayanan jemput bola KTP-el bagi lansia " * 3)
    meja, letter_id = session("meja"), receipt_letter_id(receipt.case_id)
    wide = documents.issue_document(meja, "struk", letter_id, receipt_width=80)
    narrow = documents.issue_document(meja, "struk", letter_id, receipt_width=80, receipt_columns=42)
    assert narrow.id != wide.id and not narrow.reused
    again = documents.issue_document(meja, "struk", letter_id, receipt_width=80, receipt_columns=42)
    assert again.id == narrow.id and again.reused  # the same printer's receipt, unchanged
    same_as_wide = documents.issue_document(meja, "struk", letter_id, receipt_width=80, receipt_columns=48)
    assert same_as_wide.id == wide.id  # 48 on 80 mm paper is the width's own count
    for info, columns in ((narrow, 42), (wide, 48)):
        row = IssuedDocument.get_by_id(info.id)
        lines = decode(bytes(row.pdf), PRINTERS[80].profile).lines
        assert max(len(line.text) * (2 if line.size & 0x20 else 1) for line in lines) == columns
        assert json.loads(row.summary).get("kolom_struk", 48) == columns
    assert documents.receipt_preview(meja, narrow.id).startswith(b"\x89PNG")
    with pytest.raises(DomainError, match="kolom"):
        documents.issue_document(meja, "struk", letter_id, receipt_width=58, receipt_columns=42)


def test_unreachable_receipt_printer_leaves_the_receipt_archived_for_a_retry():
    receipt = registered_letter()
    meja = session("meja")
    info = documents.issue_document(meja, "struk", receipt_letter_id(receipt.case_id), receipt_width=58)
    with pytest.raises(PrinterUnavailable, match="tidak dapat dihubungi") as caught:
        documents.print_receipt(meja, info.id, NetworkSink("127.0.0.1", refused_port(), timeout=2))
    assert isinstance(caught.value, DomainError) and caught.value.retryable  # the UI shows .message
    assert IssuedDocument.get_by_id(info.id).sha256 == info.sha256
    assert "struk_gagal_dicetak" in actions()
    printer = LoopbackPrinter()
    documents.print_receipt(meja, info.id, NetworkSink("127.0.0.1", printer.port))  # coba lagi
    assert printer.wait() == bytes(IssuedDocument.get_by_id(info.id).pdf)


def test_samples_render_every_type_without_archiving_or_taking_numbers():
    finished_case()
    before, sops = sequences(), Sop.select().count()
    samples = documents.sample_documents()
    assert Sop.select().count() == sops  # the shipped SOPs are printed as they are, nothing stored
    names = {s.name for s in samples}
    assert {"tanda_terima", "struk_58mm", "struk_80mm", "lembar_disposisi", "surat_tugas"} <= names
    assert {"laporan_pelaksanaan", "rekapitulasi", "sop_sijarla", "sop_inovasi"} <= names
    assert IssuedDocument.select().count() == 0
    assert sequences() == before
    pdf = next(s for s in samples if s.name == "lembar_disposisi")
    assert "CONTOH: bukan dokumen resmi" in all_text(pdf.data)


def test_two_clerks_issuing_the_same_record_at_once_get_one_document():
    case = finished_case()
    results: list = []
    errors: list = []
    start = threading.Barrier(2)

    def issue() -> None:
        try:
            start.wait(timeout=10)
            results.append(documents.issue_document(session("kabid"), "disposisi", case.disposition_id))
        except Exception as exc:  # reported below, with the thread's own error
            errors.append(exc)
        finally:
            db.close()  # each thread has its own connection

    threads = [threading.Thread(target=issue) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not errors, errors
    assert len({r.id for r in results}) == 1 and sorted(r.reused for r in results) == [False, True]
    assert IssuedDocument.select().where(IssuedDocument.doc_type == "disposisi").count() == 1
    pattern = NumberingPattern.get(NumberingPattern.code == "disposisi")
    assert NumberSequence.get(NumberSequence.pattern == pattern.id).last_value == 1  # one number taken
