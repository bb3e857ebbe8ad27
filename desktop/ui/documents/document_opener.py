"""Issue a record's document (or find the stored one) and open it to print: disposisi, Surat Tugas, rekap."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from desktop.services.documents import issue as documents
from desktop.services.session import Session
from desktop.ui.common.background import run_for
from desktop.ui.common.forms import Banner
from desktop.ui.common.operations import message_for


def open_issued_document(
    parent: QWidget, session: Session, doc_type: str, source_id: int, banner: Banner
) -> None:
    """In the background: issue (documents.issue_document) and read the PDF; then show it with Cetak…."""

    def issue() -> tuple[Any, bytes]:
        info = documents.issue_document(session, doc_type, source_id)
        return info, documents.get_document(session, info.id)

    def show(result: tuple[Any, bytes]) -> None:
        from desktop.ui.documents.letter_document_dialog import LetterDocumentDialog

        info, pdf = result
        LetterDocumentDialog.show_pdf(
            parent,
            f"{info.type_label} {info.number}".strip(),
            info.title,
            pdf,
            fetch_for_print=lambda: documents.get_document(session, info.id, purpose="cetak"),
        )

    run_for(parent, issue, show, lambda error: banner.show_message(message_for(error)))
