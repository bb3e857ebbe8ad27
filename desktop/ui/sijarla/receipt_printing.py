"""The front desk's 'Cetak tanda terima': a hook the tab calls, so a test (or another printer) can swap it.

With a receipt printer set up for this workstation the thermal struk is issued and sent to
it; otherwise the A4/F4 Tanda Terima is issued and opened for printing on a letter printer.
Both come from desktop.services.documents.issue, which archives what was printed.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from desktop import config
from desktop.services import case_view
from desktop.services.documents import issue as documents
from desktop.services.session import Session
from desktop.ui.common.background import run_for


def print_receipt(
    parent: QWidget,
    session: Session,
    case_id: int,
    on_done: Callable[[str], None],
    on_failed: Callable[[BaseException], None],
) -> None:
    """Issue and print the receipt of the case's letter; `on_done(message)` when it went out."""
    settings = config.load_workstation_settings()
    if settings.receipt_printer:
        address, width, columns = (
            settings.receipt_printer,
            settings.receipt_width_mm,
            settings.receipt_columns,
        )
        run_for(
            parent,
            lambda: case_view.print_thermal_receipt(session, case_id, address, width, columns),
            lambda info: on_done(
                QCoreApplication.translate(
                    "ReceiptPrinting", "Struk tanda terima dicetak (kode %1)."
                ).replace("%1", info.verification_code)
            ),
            on_failed,
        )
        return

    def issue() -> tuple[object, bytes]:
        info = case_view.receipt_document(session, case_id)
        return info, documents.get_document(session, info.id, purpose="baca")

    def show(result: tuple[object, bytes]) -> None:
        from desktop.ui.documents.letter_document_dialog import LetterDocumentDialog

        info, pdf = result
        LetterDocumentDialog.show_pdf(
            parent,
            QCoreApplication.translate("ReceiptPrinting", "Tanda Terima %1").replace("%1", info.number or ""),
            QCoreApplication.translate(
                "ReceiptPrinting",
                "Printer struk belum diatur di komputer ini; cetak tanda terima pada printer surat.",
            ),
            pdf,
            fetch_for_print=lambda: documents.get_document(session, info.id, purpose="cetak"),
        )
        on_done(QCoreApplication.translate("ReceiptPrinting", "Tanda terima siap dicetak."))

    run_for(parent, issue, show, on_failed)


# The tab calls PRINT_RECEIPT; replace it to print elsewhere.
PRINT_RECEIPT = print_receipt
