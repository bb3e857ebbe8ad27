"""Signing a record and issuing the document it is the output of, in one transaction.

The disposition and the Surat Tugas are signed with the password; the Lembar Disposisi and the
Surat Tugas PDF are their SOP steps' outputs. Signed alone, a record whose document then could
not be made would have moved the case on for good, with its output never printable: here the
document is made and archived inside the signing transaction, so if it cannot be made, nothing
is signed and the user is told so (documents.types.DocumentNotMade).

The desks call these; sijarla.steps keeps the signing rules and takes the document maker as an
argument (the SOP packages do not import the documents package, which gathers from them).
"""

from __future__ import annotations

import datetime as dt

from desktop.services.documents.issue import issue_document
from desktop.services.documents.types import DocumentNotMade
from desktop.services.session import Session
from desktop.services.sijarla import steps as sijarla


def sign_disposition(
    actor: Session, disposition_id: int, password: str, expected_version: int, *, on: dt.date | None = None
) -> sijarla.SignedDisposition:
    """Sign a disposition and issue its Lembar Disposisi; neither happens without the other."""
    return sijarla.sign_disposition(
        actor,
        disposition_id,
        password,
        expected_version,
        on=on,
        make_document=_maker(actor, "disposisi", "Disposisi"),
    )


def issue_assignment(
    actor: Session,
    case_id: int,
    draft: sijarla.AssignmentDraft,
    password: str,
    expected_version: int,
    *,
    on: dt.date | None = None,
) -> sijarla.IssuedAssignment:
    """Sign the Surat Tugas and issue its PDF; neither happens without the other."""
    return sijarla.issue_assignment(
        actor,
        case_id,
        draft,
        password,
        expected_version,
        on=on,
        make_document=_maker(actor, "surat_tugas", "Surat Tugas"),
    )


def _maker(actor: Session, doc_type: str, record: str) -> sijarla.MakeDocument:
    def make(source_id: int) -> None:
        try:
            issue_document(actor, doc_type, source_id)
        except DocumentNotMade as exc:  # raised inside the signing transaction: the signature goes too
            raise DocumentNotMade(exc.label, exc.cause, unsigned=record) from exc.cause

    return make
