"""Render the screenshots of the SIJARLA desks from a fresh demo database.

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python docs/screenshots/take_screenshots_desk.py

Writes front-desk.png, kabid.png (a case open: the scan beside the disposition form),
kepala-dinas.png (a Surat Tugas beside its preview), search.png and case-detail.png next to
this script, or into the folder given as the first argument. The demo database lives in a
temporary data folder, so the real profile is never touched.
"""

from __future__ import annotations

import io
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

WIDTH, HEIGHT = 1366, 705  # a maximised window on a 1366x768 laptop


def main(out_dir: Path) -> int:
    os.environ["DINAS_DESK_DATA_DIR"] = tempfile.mkdtemp(prefix="dinas-desk-screens-")
    from desktop.app import create_application
    from desktop.services import workspace
    from desktop.ui.common.unsaved import DiscardQuestion

    DiscardQuestion.ask = classmethod(lambda cls, parent, items: True)  # windows close with typed forms
    app = create_application()
    workspace.open_fresh_demo()
    out_dir.mkdir(parents=True, exist_ok=True)
    scan = Path(tempfile.mkdtemp(prefix="dinas-desk-scan-")) / "surat-permohonan-koto-baru.pdf"
    scan.write_bytes(_letter_scan())
    _front_desk(app, out_dir / "front-desk.png", scan)
    _kabid(app, out_dir / "kabid.png")
    _kepala_dinas(app, out_dir / "kepala-dinas.png")
    _search(app, out_dir / "search.png")
    _case_detail(app, out_dir / "case-detail.png")
    return 0


# --- The screens ---------------------------------------------------------------------------------


def _window(app, username: str):
    from desktop.services.demo.office import DEMO_PASSWORD
    from desktop.services.security import auth
    from desktop.ui.main_window import MainWindow

    window = MainWindow(auth.login(username, DEMO_PASSWORD))
    window.resize(WIDTH, HEIGHT)
    window.move(0, 0)
    window.show()
    return window


def _front_desk(app, path: Path, scan: Path) -> None:
    from PySide6.QtCore import QDate

    window = _window(app, "meja")
    tab = window.tab_for("pengadministrasi_umum")
    _wait(app, lambda: tab.loads_finished > 0 and bool(tab.form.category_boxes))
    form = tab.form
    form.letter_number_edit.setText("140/112/WN-KB/XI/2026")
    form.letter_date_edit.setDate(QDate.currentDate().addDays(-2))
    index = form.nagari_combo.findText("Koto Baru — Kubung")
    form.nagari_combo.setCurrentIndex(index if index >= 0 else 0)
    form.subject_edit.setText(
        "Permohonan pelayanan jemput bola KTP-el bagi lansia dan penyandang disabilitas"
    )
    form.sifat_combo.setCurrentIndex(form.sifat_combo.findData("segera"))
    form.set_category("ktp_rekam", 34)
    form.set_category("kia", 12)
    form.set_category("ikd", 20)
    form.scan_zone.load_file(str(scan))
    _wait(app, form.scan_zone.preview.has_image)
    form.subject_edit.setFocus()
    _save(app, window, path)


def _kabid(app, path: Path) -> None:
    window = _window(app, "kabid")
    tab = window.tab_for("kabid_pelayanan")
    _wait(app, lambda: tab.pending_count() > 0)
    model = tab.worklist.model()
    row = next(r for r in range(model.rowCount()) if model.item(r).sla == "jatuh_tempo_hari_ini" or r == 0)
    tab.open_work_item(model.item(row))
    _wait(app, lambda: tab.case is not None and tab.scan_preview.has_image())
    tab.form.team_combo.setCurrentIndex(0)
    tab.form.request_boxes["koordinasi"].setChecked(True)
    tab.form.instructions_edit.setPlainText(
        "Tugaskan Tim SIJARLA I untuk pelayanan jemput bola sesuai permohonan. Utamakan lansia dan "
        "penyandang disabilitas; koordinasikan jadwal dengan Wali Nagari."
    )
    _save(app, window, path)


def _kepala_dinas(app, path: Path) -> None:
    window = _window(app, "kadis")
    tab = window.tab_for("kepala_dinas")
    _wait(app, lambda: tab.pending_count() > 0)
    model = tab.worklist.model()
    entry = next(model.item(r) for r in range(model.rowCount()) if model.item(r).step == "surat_tugas")
    tab.open_work_item(entry)
    _wait(app, lambda: tab.assignment is not None and tab.assignment_preview.has_image())
    _save(app, window, path)


def _search(app, path: Path) -> None:
    window = _window(app, "kabid")
    window.open_search()
    dialog = window.search_dialog
    dialog.move((WIDTH - dialog.width()) // 2, 120)
    dialog.query_edit.setText("Koto")
    _wait(app, lambda: dialog.searches_done > 0)
    _save_over(app, window, dialog, path)
    dialog.close()
    window.close()


def _case_detail(app, path: Path) -> None:
    from desktop.services import case_view
    from desktop.services.demo.office import DEMO_PASSWORD
    from desktop.services.documents import issue as documents
    from desktop.services.search import search
    from desktop.services.security import auth
    from desktop.ui.sop.case_detail_dialog import CaseDetailDialog

    kadis = auth.login("kadis", DEMO_PASSWORD)
    case_id = _finished_case(kadis, search)
    case_view.receipt_document(kadis, case_id)  # documents the office issued for it, as it would have
    disposition = case_view.case_disposition(kadis, case_id)
    if disposition is not None:
        documents.issue_document(kadis, "disposisi", disposition.id)
    dialog = CaseDetailDialog(kadis, case_id)
    dialog.resize(1120, 700)  # fits a 1366x768 laptop
    dialog.show()
    _wait(app, dialog.loaded)
    _save(app, dialog, path)


# --- Helpers --------------------------------------------------------------------------------------


def _finished_case(actor, search) -> int:
    """The demo's first case that went all the way to the recap."""
    from desktop.services import case_view

    for hit in search(actor, "SJL-"):
        if hit.kind == "kasus" and hit.case_id:
            detail = case_view.case_detail(actor, hit.case_id)
            if detail.header.status == "selesai":
                return hit.case_id
    raise SystemExit("the demo has no finished case")


def _letter_scan() -> bytes:
    """A letter as the Wali Nagari would send it, scanned: kop, number, subject, body, signature."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    width, height = A4
    pdf.setFont("Helvetica-Bold", 13)
    pdf.drawCentredString(width / 2, height - 70, "PEMERINTAH KABUPATEN SOLOK")
    pdf.drawCentredString(width / 2, height - 88, "KECAMATAN KUBUNG")
    pdf.setFont("Helvetica-Bold", 16)
    pdf.drawCentredString(width / 2, height - 110, "WALI NAGARI KOTO BARU")
    pdf.setFont("Helvetica", 9)
    pdf.drawCentredString(
        width / 2, height - 126, "Jl. Lintas Sumatera Km. 7, Koto Baru, Kubung, Kabupaten Solok"
    )
    pdf.setLineWidth(2)
    pdf.line(60, height - 136, width - 60, height - 136)
    pdf.setFont("Helvetica", 11)
    lines = [
        ("Nomor", ": 140/112/WN-KB/XI/2026"),
        ("Sifat", ": Segera"),
        ("Lampiran", ": 1 (satu) berkas"),
        ("Perihal", ": Permohonan pelayanan jemput bola KTP-el"),
    ]
    y = height - 170
    for label, value in lines:
        pdf.drawString(60, y, label)
        pdf.drawString(130, y, value)
        y -= 16
    y -= 14
    body = [
        "Kepada Yth. Kepala Dinas Kependudukan dan Pencatatan Sipil Kabupaten Solok",
        "di Arosuka",
        "",
        "Dengan hormat, bersama ini kami sampaikan bahwa di Nagari Koto Baru terdapat 34 orang",
        "lansia dan penyandang disabilitas yang belum melakukan perekaman KTP-el, 12 anak yang",
        "belum memiliki KIA, dan 20 warga yang ingin mengaktifkan IKD. Sehubungan dengan itu kami",
        "mohon pelayanan jemput bola (SIJARLA) di Kantor Wali Nagari Koto Baru.",
        "",
        "Demikian permohonan ini kami sampaikan. Atas perhatian Bapak kami ucapkan terima kasih.",
    ]
    for line in body:
        pdf.drawString(60, y, line)
        y -= 16
    pdf.drawString(width - 230, y - 30, "Wali Nagari Koto Baru,")
    pdf.setFont("Helvetica-Bold", 11)
    pdf.drawString(width - 230, y - 100, "ZULFAHMI, S.Pd")
    pdf.save()
    return buffer.getvalue()


def _wait(app, ready: Callable[[], bool], timeout: float = 20.0) -> None:
    from PySide6.QtCore import QThreadPool

    deadline = time.monotonic() + timeout
    while not ready():
        if time.monotonic() > deadline:
            raise SystemExit("timed out waiting for the window to load")
        QThreadPool.globalInstance().waitForDone(20)
        app.processEvents()


def _settle(app) -> None:
    from PySide6.QtCore import QThreadPool

    for _ in range(10):  # let layouts settle, fonts load and late callbacks land before grabbing
        QThreadPool.globalInstance().waitForDone(50)
        app.processEvents()


def _save(app, widget, path: Path) -> None:
    _settle(app)
    if not widget.grab().save(str(path)):
        raise SystemExit(f"could not write {path}")
    print(f"{path} ({widget.width()}x{widget.height()})")
    widget.close()


def _save_over(app, window, dialog, path: Path) -> None:
    """The window dimmed with the dialog on top, framed (Xvfb has no window manager to draw one)."""
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QColor, QPainter

    _settle(app)
    picture = window.grab()
    painter = QPainter(picture)
    painter.fillRect(picture.rect(), QColor(15, 30, 50, 110))
    corner = dialog.pos() - window.pos()
    frame = QRect(corner, dialog.size())
    for spread, alpha in ((6, 18), (4, 28), (2, 40)):
        painter.fillRect(frame.adjusted(-spread, -spread + 2, spread, spread + 2), QColor(0, 0, 0, alpha))
    painter.drawPixmap(corner, dialog.grab())
    painter.setPen(QColor("#7F8C99"))
    painter.drawRect(frame.adjusted(0, 0, -1, -1))
    painter.end()
    if not picture.save(str(path)):
        raise SystemExit(f"could not write {path}")
    print(f"{path} ({picture.width()}x{picture.height()})")
    dialog.close()
    window.close()


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent
    raise SystemExit(main(target))
