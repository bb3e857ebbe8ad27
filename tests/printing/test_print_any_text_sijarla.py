"""Whatever the SIJARLA services accept, its document prints (issue 16, item 1): one property per
document type, through the real use cases on a real SQLite file.

Each example types its values (up to every field's limit, any number of lines, any script) into
the use case that stores them, and into the office's letterhead, then issues the document as
the desks do. The property: the document is issued and archived, the PDF is whole (its page count
as recorded), and every plain word of every value is on the paper. The disposition and the
Surat Tugas are issued inside their signing transaction (documents.signing), so for them the
property is also "signing succeeds".

With the layouts before printing/pdfsplit, the disposition, Surat Tugas and laporan (many
categories) properties fail with LayoutError. The tanda terima, struk and recap take no value
that can outgrow a page: those properties hold with either layout (their signature-keeping is
shown by test_long_text.py).
"""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from desktop.models import (
    AssignmentLetter,
    Disposition,
    IncomingLetter,
    IssuedDocument,
    PreparationCheck,
    Report,
    SopCase,
)
from desktop.printing.receipts import PRINTERS
from desktop.services.documents import issue as documents
from desktop.services.documents import signing
from desktop.services.office import admin, reference_data
from desktop.services.sijarla import recap, service_records
from desktop.services.sijarla import steps as sijarla
from tests.db.factories import PASSWORD, letter_draft, make_office, nagari, office_draft, session, team

from .any_text import PRINT, accepted_text, assert_on_paper, refused_means_skip
from .escpos_decode import decode
from .pdf_tools import page_sizes

pytestmark = [
    pytest.mark.parametrize("backend_url", ["sqlite"], indirect=True),
    pytest.mark.usefixtures("database"),
]

TODAY = dt.date.today()

LETTERHEAD = st.fixed_dictionaries(
    {
        "government": accepted_text(120),
        "agency": accepted_text(160),
        "address": accepted_text(240, required=False),
        "phone": accepted_text(60, required=False),
        "website": accepted_text(120, required=False),
        "city": accepted_text(60),
        "paper_size": st.sampled_from(["A4", "F4"]),
    }
)
LETTER = st.fixed_dictionaries(
    {"letter_number": accepted_text(80), "sender": accepted_text(160), "subject": accepted_text(300)}
)

NOTE_4000_CHARS = ("Utamakan lansia dan penyandang disabilitas di jorong terjauh. " * 70)[:4000]
NOTE_60_LINES = "\n".join(f"{i}. Periksa data jorong {i}." for i in range(1, 61))
UNTUK_50_LINES = "\n".join(f"{i:02d}. Layanan di jorong {i:02d}." for i in range(1, 51))
PLAIN_HEAD = {
    "government": "PEMERINTAH KABUPATEN SOLOK",
    "agency": "DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL",
    "address": "Arosuka",
    "phone": "",
    "website": "",
    "city": "Arosuka",
    "paper_size": "A4",
}
PLAIN_LETTER = {"letter_number": "140/27/WN-KB/2026", "sender": "Wali Nagari", "subject": "Permohonan"}


def set_letterhead(values: dict[str, str]) -> None:
    """The administrator saves the office's letterhead (every letter's kop) and its paper, A4 or F4."""
    actor = session("admin")
    version = admin.office_settings(actor).version
    draft = office_draft(**values, email="disdukcapil@solokkab.go.id")
    refused_means_skip(lambda: admin.update_office(actor, draft, version))


def issued_pdf(info: documents.IssuedDocumentInfo) -> bytes:
    """The archived document, checked whole: a PDF with the pages the archive recorded."""
    pdf = bytes(IssuedDocument.get_by_id(info.id).pdf)
    assert pdf.startswith(b"%PDF") and len(page_sizes(pdf)) == info.page_count >= 1
    return pdf


def registered(values: dict[str, str]) -> int:
    """A Surat Permohonan as the front desk types it; returns the case."""
    draft = letter_draft(**values, scan=None)
    return refused_means_skip(lambda: sijarla.register_letter(session("meja"), draft)).case_id


def disposed(case_id: int, instructions: str = "Laksanakan.", forwarded_to: str = "Ketua Tim") -> int:
    draft = sijarla.DispositionDraft(
        instructions=instructions,
        team_id=team().id,
        deadline=TODAY + dt.timedelta(days=3),
        forwarded_to=forwarded_to,
        requests=("proses_lanjut", "koordinasi"),
        sifat="segera",
    )
    return refused_means_skip(lambda: sijarla.save_disposition(session("kabid"), case_id, draft))


def at_surat_tugas() -> int:
    case_id = registered(PLAIN_LETTER)
    sijarla.sign_disposition(session("kabid"), disposed(case_id), PASSWORD, 1)
    return case_id


# --- Tanda terima (A4) and struk (ESC/POS) ---------------------------------------------------------


def test_any_letter_the_front_desk_registers_prints_its_tanda_terima():
    make_office()
    ran: list[int] = []

    @PRINT
    @given(head=LETTERHEAD, letter=LETTER)
    def check(head, letter):
        set_letterhead(head)
        case_id = registered(letter)
        info = documents.issue_document(session("meja"), "tanda_terima", _letter_id(case_id))
        assert_on_paper(issued_pdf(info), *letter.values(), *head.values())
        ran.append(1)

    check()
    assert len(ran) >= PRINT.max_examples  # the property held for that many accepted values


def _letter_id(case_id: int) -> int:
    return IncomingLetter.get(IncomingLetter.case == case_id).id


def test_any_letter_the_front_desk_registers_prints_its_struk_at_both_widths():
    make_office()
    ran: list[int] = []

    @PRINT
    @given(head=LETTERHEAD, letter=LETTER, width=st.sampled_from([58, 80]))
    def check(head, letter, width):
        set_letterhead(head)
        case_id = registered(letter)
        letter_id = _letter_id(case_id)
        info = documents.issue_document(session("meja"), documents.RECEIPT, letter_id, receipt_width=width)
        raw = bytes(IssuedDocument.get_by_id(info.id).pdf)
        printed = decode(raw, PRINTERS[width].profile)
        assert "TANDA TERIMA" in printed.text and "Kode lacak" in printed.text
        columns = PRINTERS[width].columns
        assert all(len(line.text) <= columns for line in printed.lines if line.size == 0)
        ran.append(1)

    check()
    assert len(ran) >= PRINT.max_examples  # the property held for that many accepted values


# --- Lembar Disposisi: signed and issued in one transaction -------------------------------------------


def test_any_disposition_the_kabid_signs_prints_its_lembar_disposisi():
    make_office()
    ran: list[int] = []

    @PRINT
    @example(head=PLAIN_HEAD, letter=PLAIN_LETTER, instructions=NOTE_4000_CHARS, forwarded_to="Ketua Tim")
    @example(head=PLAIN_HEAD, letter=PLAIN_LETTER, instructions=NOTE_60_LINES, forwarded_to="Ketua Tim")
    @given(
        head=LETTERHEAD,
        letter=LETTER,
        instructions=accepted_text(4000, multiline=True),
        forwarded_to=accepted_text(200),
    )
    def check(head, letter, instructions, forwarded_to):
        set_letterhead(head)
        disposition_id = disposed(registered(letter), instructions, forwarded_to)
        signing.sign_disposition(session("kabid"), disposition_id, PASSWORD, 1)
        assert Disposition.get_by_id(disposition_id).signed_at is not None
        row = IssuedDocument.get(
            (IssuedDocument.doc_type == "disposisi")
            & (IssuedDocument.case == Disposition.get_by_id(disposition_id).case_id)
        )
        info = documents.document_info(session("kabid"), row.id)
        assert_on_paper(issued_pdf(info), instructions, forwarded_to, *letter.values())
        ran.append(1)

    check()
    assert len(ran) >= PRINT.max_examples  # the property held for that many accepted values


# --- Surat Tugas: signed and issued in one transaction ---------------------------------------------


def test_any_surat_tugas_the_kepala_dinas_signs_prints():
    make_office()
    ran: list[int] = []
    candidates = [session(n).user_id for n in ("ketua1", "anggota1", "ketua2", "anggota3", "kph", "meja")]

    @PRINT
    @example(
        head=PLAIN_HEAD,
        basis="SOP SIJARLA",
        task=UNTUK_50_LINES,
        place="Koto Baru",
        copies_to="Arsip",
        members=2,
    )
    @given(
        head=LETTERHEAD,
        basis=accepted_text(2000, multiline=True),
        task=accepted_text(2000, multiline=True),
        place=accepted_text(200),
        copies_to=accepted_text(1000, multiline=True, required=False),
        members=st.integers(1, len(candidates)),
    )
    def check(head, basis, task, place, copies_to, members):
        set_letterhead(head)
        case_id = at_surat_tugas()
        draft = sijarla.AssignmentDraft(
            tuple(candidates[:members]), place, TODAY, TODAY, basis=basis, task=task, copies_to=copies_to
        )
        version = SopCase.get_by_id(case_id).version
        issued = refused_means_skip(
            lambda: signing.issue_assignment(session("kadis"), case_id, draft, PASSWORD, version)
        )
        assert AssignmentLetter.get_by_id(issued.id).signed_at is not None
        row = IssuedDocument.get(
            (IssuedDocument.doc_type == "surat_tugas") & (IssuedDocument.case == case_id)
        )
        info = documents.document_info(session("kadis"), row.id)
        assert_on_paper(issued_pdf(info), basis, task, place, copies_to, *head.values())
        ran.append(1)

    check()
    assert len(ran) >= PRINT.max_examples  # the property held for that many accepted values


# --- Laporan Pelaksanaan ------------------------------------------------------------------------------

NIKS = itertools.count(1)


def at_pelayanan() -> int:
    case_id = at_surat_tugas()
    members = (session("ketua1").user_id, session("anggota1").user_id)
    draft = sijarla.AssignmentDraft(members, "Koto Baru", TODAY, TODAY)
    sijarla.issue_assignment(session("kadis"), case_id, draft, PASSWORD, SopCase.get_by_id(case_id).version)
    for row in PreparationCheck.select().where(PreparationCheck.case == case_id):
        sijarla.check_preparation(session("anggota1"), case_id, row.item, True, "", row.version)
    sijarla.finish_preparation(session("ketua1"), case_id, SopCase.get_by_id(case_id).version)
    return case_id


RECORD = st.fixed_dictionaries(
    {
        "full_name": accepted_text(120),
        "address": accepted_text(240, required=False),
        "jorong": accepted_text(80, required=False),
        "outcome_reason": accepted_text(300),
    }
)
SECTIONS = st.fixed_dictionaries(
    {
        "introduction": accepted_text(4000, multiline=True),
        "activities": accepted_text(8000, multiline=True),
        "conclusion": accepted_text(4000, multiline=True),
        "closing": accepted_text(2000, multiline=True),
    }
)


CODES = itertools.count(1)


def new_categories(names: list[str]) -> list[str]:
    """Service categories the administrator adds (their names print in the report's tables)."""
    codes = []
    for name in names:
        code = f"uji_{next(CODES)}"
        refused_means_skip(lambda c=code, n=name: reference_data.add_code(session("admin"), "kategori", c, n))
        codes.append(code)
    return codes


def test_any_report_the_team_leader_submits_prints_its_laporan():
    make_office()
    ran: list[int] = []

    @PRINT
    @example(
        head=PLAIN_HEAD,
        sections={"introduction": "A.", "activities": "B.", "conclusion": "D.", "closing": "E."},
        records=[{"full_name": "Siti", "address": "", "jorong": "", "outcome_reason": "Sakit"}],
        categories=[f"Layanan nomor {i:02d}, kategori objek pelayanan bernama panjang" for i in range(60)],
    )
    @given(
        head=LETTERHEAD,
        sections=SECTIONS,
        records=st.lists(RECORD, min_size=1, max_size=3),
        categories=st.integers(1, 60).flatmap(lambda n: st.lists(accepted_text(120), min_size=n, max_size=n)),
    )
    def check(head, sections, records, categories):
        set_letterhead(head)
        case_id = at_pelayanan()
        nik = f"13020345075{next(NIKS):05d}"
        # One record in each category, so the totals table runs over pages with many categories.
        for code, values in zip(new_categories(categories), itertools.cycle(records), strict=False):
            draft = service_records.RecordDraft(
                nik=nik,
                nagari_id=nagari().id,
                category=code,
                target_group="lansia",
                outcome="ditunda",
                served_on=TODAY,
                **values,
            )
            refused_means_skip(lambda d=draft: service_records.add_record(session("anggota1"), case_id, d))
        report = sijarla.ReportDraft(**sections)
        version = SopCase.get_by_id(case_id).version
        refused_means_skip(lambda: sijarla.submit_report(session("ketua1"), case_id, report, version))
        info = documents.issue_document(session("ketua1"), "laporan", Report.get(Report.case == case_id).id)
        assert_on_paper(issued_pdf(info), *sections.values(), *categories)
        ran.append(1)

    check()
    assert len(ran) >= PRINT.max_examples  # the property held for that many accepted values


# --- Rekapitulasi -------------------------------------------------------------------------------------


def test_any_recap_note_prints_its_rekapitulasi():
    make_office()
    ran: list[int] = []
    kph = session("kph")
    period = recap.period("bulan", TODAY.year, TODAY.month)

    @PRINT
    @given(head=LETTERHEAD, note=accepted_text(2000, multiline=True))
    def check(head, note):
        set_letterhead(head)
        built = recap.build_recap(kph, period)
        refused_means_skip(lambda: recap.forward_recap(kph, built.id, built.version, note))
        info = documents.issue_document(kph, "rekap", built.id)
        assert_on_paper(issued_pdf(info), note)
        ran.append(1)

    check()
    assert len(ran) >= PRINT.max_examples  # the property held for that many accepted values
