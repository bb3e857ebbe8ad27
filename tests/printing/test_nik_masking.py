"""One masking rule for every output (issue 16 item 2): a NIK typed into free text, however it is
typed, is masked on every document and receipt for every reader, and on the screens that show the
letter; a NIK in a structured field follows the reader (the team's Laporan full, the others masked)."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from desktop.models import PreparationCheck, Report, SopCase
from desktop.printing.receipts import PRINTERS
from desktop.services import case_view, search
from desktop.services.documents import issue as documents
from desktop.services.documents.types import MASKED_REPORT
from desktop.services.sijarla import service_records
from desktop.services.sijarla import steps as sijarla
from tests.db.factories import PASSWORD, letter_draft, make_office, session, team

from .escpos_decode import decode
from .flow import NIK_LANSIA, _record
from .pdf_tools import all_text

pytestmark = pytest.mark.usefixtures("database")

TYPED = "1302 0357 0890 0002"  # typed with spaces, as on a photocopied KTP
OTHER = "1302-0312-0380-0011"
HIDDEN = re.compile(r"0357\s*0890|03120380|0312-0380")


def _no_full_nik(text: str, where: str) -> None:
    digits = re.sub(r"[\s.\-]", "", text)
    assert "1302035708900002" not in digits and "1302031203800011" not in digits, where
    assert not HIDDEN.search(text), where


def test_a_nik_typed_into_free_text_is_masked_on_every_document_receipt_and_screen():
    make_office()
    meja, kabid, kadis = session("meja"), session("kabid"), session("kadis")
    ketua, anggota, kph = session("ketua1"), session("anggota1"), session("kph")
    receipt = sijarla.register_letter(
        meja,
        letter_draft(
            sender=f"Wali Nagari Koto Baru (NIK {OTHER})",
            subject=f"Perekaman KTP-el a.n. Siti Rahmah NIK {TYPED}",
        ),
    )
    case_id = receipt.case_id
    _no_full_nik(f"{receipt.subject} {receipt.sender}", "front desk receipt view")
    draft = sijarla.DispositionDraft(
        f"Prioritaskan NIK {TYPED}.", team().id, dt.date.today() + dt.timedelta(days=3), forwarded_to="Tim I"
    )
    disposition_id = sijarla.save_disposition(kabid, case_id, draft)
    sijarla.sign_disposition(kabid, disposition_id, PASSWORD, 1)
    today = dt.date.today()
    assignment = sijarla.issue_assignment(
        kadis,
        case_id,
        sijarla.AssignmentDraft(
            (ketua.user_id, anggota.user_id), "Koto Baru", today, today, task=f"Melayani NIK {OTHER}."
        ),
        PASSWORD,
        SopCase.get_by_id(case_id).version,
    )
    for item in PreparationCheck.select().where(PreparationCheck.case == case_id):
        sijarla.check_preparation(anggota, case_id, item.item, True, "siap", item.version)
    sijarla.finish_preparation(ketua, case_id, SopCase.get_by_id(case_id).version)
    service_records.add_record(anggota, case_id, _record(NIK_LANSIA, "Siti Rahmah", "ktp_rekam", "selesai"))
    sijarla.submit_report(
        ketua,
        case_id,
        sijarla.ReportDraft(f"Permohonan untuk NIK {TYPED}.", "Perekaman.", "Lancar."),
        SopCase.get_by_id(case_id).version,
    )
    report_id = Report.get(Report.case == case_id).id

    issued = {
        "tanda_terima": (documents.issue_document(meja, "tanda_terima", receipt_letter(case_id)), meja),
        "disposisi": (documents.issue_document(kabid, "disposisi", disposition_id), kabid),
        "surat_tugas": (documents.issue_document(kadis, "surat_tugas", assignment.id), kadis),
        "laporan": (documents.issue_document(ketua, "laporan", report_id), ketua),
        MASKED_REPORT: (documents.issue_document(kph, MASKED_REPORT, report_id), kph),
    }
    for kind, (info, reader) in issued.items():
        text = all_text(documents.get_document(reader, info.id))
        free = text.replace(NIK_LANSIA, "") if kind == "laporan" else text  # the team's record list: full
        _no_full_nik(free, kind)
        assert "130203******0002" in text, kind
    laporan = all_text(documents.get_document(ketua, issued["laporan"][0].id))
    assert NIK_LANSIA in laporan  # the structured list of the team's edition keeps the whole NIK
    masked = all_text(documents.get_document(kph, issued[MASKED_REPORT][0].id))
    assert NIK_LANSIA not in masked
    for width in (58, 80):
        struk = documents.issue_document(
            meja, documents.RECEIPT, receipt_letter(case_id), receipt_width=width
        )
        out = decode(documents.get_document(meja, struk.id), PRINTERS[width].profile)
        _no_full_nik(out.text, f"struk {width} mm")

    # Screens: the case's letter, the search hits, the worklists' case title.
    for reader in (meja, kabid, kadis):
        letter = case_view.case_letter(reader, case_id)
        _no_full_nik(f"{letter.subject} {letter.sender} {letter.letter_number}", "case detail")
        for hit in search.search(reader, "Siti Rahmah"):
            _no_full_nik(f"{hit.title} {hit.detail}", "search")
    _no_full_nik(SopCase.get_by_id(case_id).title, "case title")


def receipt_letter(case_id: int) -> int:
    from tests.printing.flow import receipt_letter_id

    return receipt_letter_id(case_id)
