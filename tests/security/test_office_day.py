"""The whole office day on per-user PostgreSQL logins, documents included.

A secured database built with the app's own commands (`db_secure.secure_database`, what
`dinas-desk db secure` runs) and the demo office. Every service call runs on the acting
role's own PostgreSQL login (see tests/db/test_pg_per_user_flow.py for the switch): the
SIJARLA SOP from the letter to the acknowledged recap, and the innovation SOP through all
8 steps, with every document of each step issued, read and reprinted by the roles the SOP
gives it. A missing grant or a too-strict policy fails here with the server's refusal.
"""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.models import (
    AssignmentLetter,
    AuditLog,
    Disposition,
    InnovationDocument,
    IssuedDocument,
    Recap,
    Report,
    SopCase,
    User,
)
from desktop.services import case_view
from desktop.services.documents import issue as documents
from desktop.services.documents.types import MASKED_REPORT
from desktop.services.errors import NotFound, PermissionDenied
from desktop.services.sijarla import recap, service_records
from desktop.services.sijarla import steps as sijarla
from tests.db import test_inovasi_flow
from tests.db.factories import PASSWORD, letter_draft, make_office, session, team
from tests.db.test_pg_per_user_flow import PerUserConnections
from tests.db.test_sijarla_flow import record


def _issue_and_reprint(issuer, doc_type: str, source_id: int, *readers) -> documents.IssuedDocumentInfo:
    info = documents.issue_document(issuer, doc_type, source_id)
    again = documents.issue_document(issuer, doc_type, source_id)
    assert again.id == info.id and again.reused  # unchanged: the stored document, not a new one
    for reader in (issuer, *readers):
        data = documents.get_document(reader, info.id, purpose="cetak")
        assert data.startswith(b"%PDF") and documents.document_info(reader, info.id).sha256 == info.sha256
    assert documents.verify_document(info.verification_code).found
    return info


def test_sijarla_day_with_every_document_on_own_logins(per_user: PerUserConnections):
    make_office()
    meja, kabid, kadis = session("meja"), session("kabid"), session("kadis")
    ketua, anggota, kph = session("ketua1"), session("anggota1"), session("kph")
    kabidpdip = session("kabidpdip")

    receipt = sijarla.register_letter(meja, letter_draft())
    case_id = receipt.case_id
    tanda = case_view.receipt_document(meja, case_id)
    assert documents.get_document(kabid, tanda.id, purpose="cetak").startswith(b"%PDF")
    assert case_view.receipt_document(meja, case_id).reused
    struk = case_view.receipt_document(meja, case_id, thermal_width=58)
    assert documents.get_document(meja, struk.id, purpose="cetak")

    draft = sijarla.DispositionDraft(
        "Siapkan Tim SIJARLA I untuk pelayanan di Nagari Koto Baru.",
        team().id,
        dt.date.today() + dt.timedelta(days=3),
    )
    disposition_id = sijarla.save_disposition(kabid, case_id, draft)
    sijarla.sign_disposition(kabid, disposition_id, PASSWORD, 1)
    _issue_and_reprint(kabid, "disposisi", disposition_id, meja, kadis)

    case = SopCase.get_by_id(case_id)
    assignment = sijarla.issue_assignment(
        kadis,
        case_id,
        sijarla.AssignmentDraft(
            (ketua.user_id, anggota.user_id),
            "Nagari Koto Baru",
            dt.date.today(),
            dt.date.today() + dt.timedelta(days=1),
        ),
        PASSWORD,
        case.version,
    )
    _issue_and_reprint(kadis, "surat_tugas", assignment.id, ketua, anggota, kabid, meja)

    assert case_view.case_detail(anggota, case_id).documents  # the team reads its Surat Tugas
    for item in sijarla_items(case_id):
        sijarla.check_preparation(anggota, case_id, item[0], True, "siap", item[1])
    sijarla.finish_preparation(ketua, case_id, SopCase.get_by_id(case_id).version)

    service_records.add_record(anggota, case_id, record("1302034507510002", "Siti Rahmah"))
    service_records.add_record(ketua, case_id, record("1302031203800011", "Syafrizal", "kia"))
    sijarla.submit_report(
        ketua,
        case_id,
        sijarla.ReportDraft("Menindaklanjuti surat Wali Nagari.", "Perekaman KTP-el.", "Berjalan baik."),
        SopCase.get_by_id(case_id).version,
    )
    report = Report.get(Report.case == case_id)
    # The team's edition (full NIKs) for the team; the chain of command reads the masked edition,
    # issued with it under the same number, and re-requests it on its own logins.
    full = _issue_and_reprint(ketua, "laporan", report.id, anggota)
    masked = _issue_and_reprint(kph, MASKED_REPORT, report.id, ketua, kabidpdip, kadis)
    assert masked.number == full.number and masked.id != full.id
    assert masked.reused  # issued together with the team's edition
    for reader in (kph, kabidpdip, kadis):
        with pytest.raises((PermissionDenied, NotFound)):  # the server's RLS hides the row itself
            documents.get_document(reader, full.id)

    today = dt.date.today()
    view = recap.build_recap(kph, recap.period("bulan", today.year, today.month))
    _issue_and_reprint(kph, "rekap", view.id, kabidpdip, kadis)
    assert recap.forward_recap(kph, view.id, view.version) == "diteruskan"
    assert recap.submit_recap(kabidpdip, view.id, view.version + 1) == "diajukan"
    assert recap.acknowledge_recap(kadis, view.id, view.version + 2, "Diterima.") == "diterima"

    # Checks as the owner: everything was done, and by the login that did it.
    assert SopCase.get_by_id(case_id).status == "selesai"
    assert Recap.get_by_id(view.id).acknowledged_by_id == kadis.user_id
    assert Disposition.get_by_id(disposition_id).signed_by_id == kabid.user_id
    assert AssignmentLetter.get_by_id(assignment.id).signed_by_id == kadis.user_id
    issued = {d.doc_type: d.issued_by_id for d in IssuedDocument.select()}
    assert issued == {
        "tanda_terima": meja.user_id,
        documents.RECEIPT: meja.user_id,
        "disposisi": kabid.user_id,
        "surat_tugas": kadis.user_id,
        "laporan": ketua.user_id,
        MASKED_REPORT: ketua.user_id,
        "rekap": kph.user_id,
    }
    printed = AuditLog.select().where(AuditLog.action == "dokumen_dicetak")
    everyone = {"meja", "kabid", "kadis", "ketua1", "anggota1", "kph", "kabidpdip"}
    assert {a.username for a in printed} >= everyone
    assert everyone <= set(per_user.calls)


def sijarla_items(case_id: int) -> list[tuple[str, int]]:
    from desktop.models import PreparationCheck

    rows = PreparationCheck.select().where(PreparationCheck.case == case_id).order_by(PreparationCheck.id)
    return [(r.item, r.version) for r in rows]


def test_innovation_eight_steps_with_every_document_on_own_logins(per_user: PerUserConnections):
    test_inovasi_flow.test_innovation_runs_all_eight_steps_with_one_return_at_the_first_discussion()
    kasi, kadis, kabidpdip, adb = session("kasi"), session("kadis"), session("kabidpdip"), session("adb")
    rows = list(InnovationDocument.select().order_by(InnovationDocument.id))
    assert len(rows) >= 8
    authors = set()
    for row in rows:  # each step's document issued by whoever did the step, on their own login
        author = session(User.get_by_id(row.author_id).username)
        authors.add(author.user_id)
        _issue_and_reprint(author, "dokumen_inovasi", row.id, kasi, kadis, kabidpdip, adb)
    innovation_id = rows[0].innovation_id
    _issue_and_reprint(kasi, "profil_inovasi", innovation_id, kadis, kabidpdip)
    assert {d.issued_by_id for d in IssuedDocument.select()} == authors | {kasi.user_id}
    assert len(authors) >= 3
    assert {"kasi", "kadis", "kabidpdip", "adb", "sekretaris"} <= set(per_user.calls)
