"""Signing and issuing are one transaction (issue 16, item 1): a disposition or a Surat Tugas is
signed only together with its document, and a document that cannot be made signs nothing.

The failure is injected at the printing boundary (desktop.printing.letters.render raises
reportlab's own LayoutError, as it did for long text before the layouts split it); the database
is real, on SQLite and PostgreSQL.
"""

from __future__ import annotations

import datetime as dt

import pytest
from reportlab.platypus.doctemplate import LayoutError

from desktop.models import (
    AssignmentLetter,
    AssignmentMember,
    AuditLog,
    CaseStep,
    Disposition,
    IssuedDocument,
    NumberSequence,
    PreparationCheck,
    SopCase,
    User,
)
from desktop.printing import data as P
from desktop.printing import letters
from desktop.services.documents import issue as documents
from desktop.services.documents import signing
from desktop.services.documents.types import DocumentNotMade
from desktop.services.errors import AuthenticationFailed
from desktop.services.sijarla import steps as sijarla
from tests.db.factories import PASSWORD, session, team

from .flow import receipt_letter_id, registered_letter, signed_disposition
from .pdf_tools import all_text

pytestmark = pytest.mark.usefixtures("database")

TODAY = dt.date.today()


@pytest.fixture
def broken_layout(monkeypatch):
    """The renderer fails for the given document classes, as reportlab fails on a too-tall row."""
    real = letters.render

    def install(*kinds: type) -> None:
        def render(doc, paper="A4"):
            if isinstance(doc, kinds):
                raise LayoutError("Flowable <Table ...> too large on page 1 in frame 'body'")
            return real(doc, paper)

        monkeypatch.setattr(letters, "render", render)

    return install


def saved_disposition(case_id: int) -> int:
    draft = sijarla.DispositionDraft(
        instructions="Siapkan Tim SIJARLA I untuk pelayanan di Nagari Koto Baru minggu ini.",
        team_id=team().id,
        deadline=TODAY + dt.timedelta(days=3),
        requests=("proses_lanjut",),
        sifat="segera",
    )
    return sijarla.save_disposition(session("kabid"), case_id, draft)


def snapshot(case_id: int) -> dict:
    """What signing would change: the case, its steps, the archive, the numbers and the audit log."""
    case = SopCase.get_by_id(case_id)
    return {
        "case": (case.current_step, case.version, case.team_id),
        "steps": CaseStep.select().where(CaseStep.case == case_id).count(),
        "documents": IssuedDocument.select().count(),
        "numbers": sorted((s.pattern_id, s.last_value) for s in NumberSequence.select()),
        "audit": AuditLog.select().count(),
        "assignments": AssignmentLetter.select().count(),
        "members": AssignmentMember.select().count(),
        "checklist": PreparationCheck.select().count(),
    }


def test_signing_a_disposition_issues_its_lembar_disposisi_with_it():
    case_id = registered_letter().case_id
    kabid = session("kabid")
    disposition_id = saved_disposition(case_id)

    signed = signing.sign_disposition(kabid, disposition_id, PASSWORD, 1)

    row = Disposition.get_by_id(disposition_id)
    assert row.signed_at == signed.signed_at and row.signature_sha256 == signed.signature_sha256
    sheet = IssuedDocument.get(IssuedDocument.doc_type == "disposisi")
    assert sheet.case_id == case_id and sheet.issued_by_id == kabid.user_id
    step = CaseStep.get((CaseStep.case == case_id) & (CaseStep.step_code == "disposisi"))
    assert step.document_id == sheet.id  # the step's output, as when issued by hand
    text = all_text(bytes(sheet.pdf))
    assert "LEMBAR DISPOSISI" in text and "Siapkan Tim SIJARLA I untuk pelayanan" in text
    # Printing it afterwards hands back the same archived sheet.
    again = documents.issue_document(kabid, "disposisi", disposition_id)
    assert again.reused and again.id == sheet.id


def test_a_disposition_whose_sheet_cannot_be_made_stays_unsigned(broken_layout):
    case_id = registered_letter().case_id
    kabid = session("kabid")
    disposition_id = saved_disposition(case_id)
    before = snapshot(case_id)
    broken_layout(P.DispositionDoc)

    with pytest.raises(DocumentNotMade) as refused:
        signing.sign_disposition(kabid, disposition_id, PASSWORD, 1)

    assert refused.value.message.startswith(
        "Disposisi belum ditandatangani: Lembar Disposisi tidak dapat dibuat dari data ini; "
        "tidak ada yang disimpan."
    )
    assert "LayoutError" in refused.value.message  # named for the Administrator, not shown raw
    row = Disposition.get_by_id(disposition_id)
    assert (row.signed_at, row.signed_by_id, row.signature_sha256, row.version) == (None, None, None, 1)
    assert snapshot(case_id) == before  # case not moved, nothing archived or numbered, no audit line

    # Once the sheet can be made, the same draft is signed (its version was never spent).
    broken_layout()
    signing.sign_disposition(kabid, disposition_id, PASSWORD, 1)
    assert Disposition.get_by_id(disposition_id).signed_at is not None
    assert SopCase.get_by_id(case_id).current_step == "surat_tugas"


def test_a_surat_tugas_that_cannot_be_made_is_not_signed_nor_kept(broken_layout):
    case_id = registered_letter().case_id
    signed_disposition(case_id)
    kadis = session("kadis")
    draft = sijarla.AssignmentDraft(
        (session("ketua1").user_id, session("anggota1").user_id), "Kantor Wali Nagari Koto Baru", TODAY, TODAY
    )
    before = snapshot(case_id)
    broken_layout(P.AssignmentDoc)

    with pytest.raises(DocumentNotMade) as refused:
        signing.issue_assignment(kadis, case_id, draft, PASSWORD, SopCase.get_by_id(case_id).version)

    assert refused.value.message.startswith(
        "Surat Tugas belum ditandatangani: Surat Tugas tidak dapat dibuat"
    )
    assert snapshot(case_id) == before  # no letter, no members, no number taken, no checklist

    broken_layout()
    issued = signing.issue_assignment(kadis, case_id, draft, PASSWORD, SopCase.get_by_id(case_id).version)
    letter = AssignmentLetter.get_by_id(issued.id)
    assert letter.signed_at is not None
    pdf = IssuedDocument.get(IssuedDocument.doc_type == "surat_tugas")
    assert pdf.number == letter.number == issued.number
    step = CaseStep.get((CaseStep.case == case_id) & (CaseStep.step_code == "surat_tugas"))
    assert step.document_id == pdf.id


def test_a_wrong_password_still_counts_when_signing_with_the_document():
    case_id = registered_letter().case_id
    kabid = session("kabid")
    disposition_id = saved_disposition(case_id)
    failed = User.get_by_id(kabid.user_id).failed_logins

    with pytest.raises(AuthenticationFailed):
        signing.sign_disposition(kabid, disposition_id, "bukan-sandinya", 1)

    assert User.get_by_id(kabid.user_id).failed_logins == failed + 1  # committed before the refusal
    assert Disposition.get_by_id(disposition_id).signed_at is None
    assert IssuedDocument.select().count() == 0


def test_any_document_that_cannot_be_made_is_refused_in_indonesian_and_archives_nothing(broken_layout):
    letter_id = receipt_letter_id(registered_letter().case_id)
    broken_layout(P.ReceiptDoc)

    with pytest.raises(DocumentNotMade) as refused:
        documents.issue_document(session("meja"), "tanda_terima", letter_id)

    assert refused.value.message.startswith(
        "Tanda Terima Surat Permohonan tidak dapat dibuat dari data ini; tidak ada yang disimpan."
    )
    assert IssuedDocument.select().count() == 0
