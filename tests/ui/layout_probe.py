"""Opens every tab, form and dialog of the app on a fresh demo database and reports what is squeezed.

Run by test_layout.py in a subprocess (the scale factor must be set before the QApplication exists):

    python tests/ui/layout_probe.py WIDTH HEIGHT [--shots FOLDER] [--squeeze]

with QT_SCALE_FACTOR and an offscreen screen set by the caller. Each role's demo user gets a window
of WIDTH x HEIGHT logical pixels; every tab is shown, then the forms behind it (a case open at the
Kabid, a Surat Tugas and a recap at the Kepala Dinas, the checklist and the records grid of a team,
every innovation at the innovation desks, every administrator page), forms again with every field
refused at once (the red messages under each field), then every dialog. What layout_checks finds is
printed as one JSON object: {scenario: [problem, ...]}. --squeeze plants a too-narrow button in the
first scenario (the test that the probe can fail).
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QThreadPool  # noqa: E402
from PySide6.QtWidgets import QApplication, QPushButton, QWidget  # noqa: E402

from tests.ui.layout_checks import layout_problems  # noqa: E402

Scenario = tuple[str, QWidget]


class Probe:
    def __init__(self, width: int, height: int, shots: Path | None):
        from desktop import roles as R
        from desktop.app import create_application
        from desktop.services import workspace
        from desktop.services.demo.office import DEMO_PEOPLE
        from desktop.ui.common.unsaved import DiscardQuestion

        DiscardQuestion.ask = classmethod(lambda cls, parent, items: True)  # closing never waits
        self.app = create_application()
        workspace.open_fresh_demo()
        self.width, self.height, self.shots = width, height, shots
        self.users = {}
        for username, _name, _nip, _pangkat, _jabatan, role_codes in DEMO_PEOPLE:
            for code in role_codes:
                self.users.setdefault(code, username)
        self.R = R
        self.found: dict[str, list[str]] = {}
        self.windows: dict[str, QWidget] = {}

    # --- helpers ---------------------------------------------------------------------------------

    def settle(self, seconds: float = 0.05) -> None:
        end = time.monotonic() + seconds
        for _ in range(8):
            QThreadPool.globalInstance().waitForDone(5000)
            self.app.processEvents()
        while time.monotonic() < end:
            self.app.processEvents()

    def wait(self, ready: Callable[[], bool], timeout: float = 20.0) -> None:
        end = time.monotonic() + timeout
        while not ready():
            if time.monotonic() > end:
                raise SystemExit("timed out waiting for the window")
            QThreadPool.globalInstance().waitForDone(20)
            self.app.processEvents()
        self.settle()

    def check(self, name: str, root: QWidget) -> None:
        self.settle()
        problems = layout_problems(root)
        if root.isWindow() and (root.width() > self.width or root.height() > self.height):
            problems.append(f"{type(root).__name__} {root.width()}x{root.height()} is larger than the screen")
        self.found[name] = problems
        if self.shots is not None:
            root.grab().save(str(self.shots / f"{len(self.found):03d}-{name.replace('/', '_')}.png"))

    def session(self, role: str):
        from desktop.services.demo.office import DEMO_PASSWORD
        from desktop.services.security import auth

        return auth.login(self.users[role], DEMO_PASSWORD)

    def window(self, role: str):
        from desktop.ui.main_window import MainWindow

        window = MainWindow(self.session(role))
        window.resize(self.width, self.height)
        window.move(0, 0)
        window.show()
        self.windows[role] = window
        tabs = [window.tab_for(code) for code in window.role_codes()]  # every tab built, not only the first
        self.wait(lambda: all(tab.loads_finished for tab in tabs))
        return window

    def show_tab(self, window, role: str):
        tab = window.tab_for(role)
        window.tab_widget.setCurrentWidget(tab)
        self.settle()
        return tab

    # --- the scenarios ---------------------------------------------------------------------------------

    def run(self, squeeze: bool) -> dict[str, list[str]]:
        R = self.R
        desks: list[tuple[str, Callable]] = [
            (R.FRONT_DESK, self.front_desk),
            (R.KABID_PELAYANAN, self.kabid),
            (R.KEPALA_DINAS, self.kepala_dinas),
            (R.KETUA_TIM, self.team),
            (R.ANGGOTA_TIM, self.team),
            (R.KETUA_PELAKSANA_HARIAN, self.recap_desk),
            (R.KABID_PEMANFAATAN, self.recap_desk),
            (R.KASI_INOVASI, self.innovations),
            (R.PEJABAT_STRUKTURAL, self.innovations),
            (R.PELAKSANA_TEKNIS, self.innovations),
            (R.ADMINISTRATOR, self.admin),
        ]
        for number, (role, desk) in enumerate(desks):
            window = self.window(role)
            for index in range(window.tab_widget.count()):
                window.tab_widget.setCurrentIndex(index)
                if squeeze and number == 0 and index == 0:
                    trap = QPushButton("Terlalu sempit untuk teks ini", window.tab_widget.currentWidget())
                    trap.setFixedWidth(40)
                    trap.show()
                self.check(f"{role}/tab/{window.tab_widget.currentWidget().role_code}", window)
            if squeeze:
                return self.found  # the planted button is all that is asked about
            tab = self.show_tab(window, role)
            for name in desk(window, tab, role):
                self.check(f"{role}/{name}", window)
        self.dialogs()
        return self.found

    def front_desk(self, window, tab, role) -> Iterator[str]:
        from desktop.services.sijarla import steps as sijarla
        from tests.db import factories

        form = tab.form
        form.letter_number_edit.setText("140/112/WN-KB/XI/2026")
        form.set_category("ktp_rekam", 0)
        yield "letter-typed"
        try:
            sijarla.register_letter(tab.session, form.draft())
        except Exception as refused:  # every field refused at once: the messages under the fields
            form.show_refusal(refused)
        yield "letter-refused"
        receipt = sijarla.register_letter(tab.session, factories.letter_draft())
        tab._registered(receipt)
        yield "receipt"

    def kabid(self, window, tab, role) -> Iterator[str]:
        from desktop.services.sijarla import steps as sijarla

        tab.open_work_item(tab.worklist.model().item(0))
        self.wait(lambda: tab.case is not None)
        yield "case"
        draft = sijarla.DispositionDraft("", 0, tab.form.deadline_edit.date().toPython(), "", (), "segera")
        try:
            sijarla.save_disposition(tab.session, tab.case.case_id, draft)
        except Exception as refused:
            tab.form.show_refusal(refused)
        yield "case-refused"

    def kepala_dinas(self, window, tab, role) -> Iterator[str]:
        model = tab.worklist.model()
        entries = [model.item(r) for r in range(model.rowCount())]
        assignment = next(e for e in entries if e.step == "surat_tugas")
        tab.open_work_item(assignment)
        self.wait(lambda: tab.assignment is not None)
        yield "surat-tugas"
        tab.assignment_form.members_list.clear()
        tab.assignment_form.place_edit.clear()
        from desktop.services.errors import InvalidFields, InvalidInput

        tab.assignment_form.show_refusal(
            InvalidFields(
                [
                    InvalidInput("Pilih anggota tim yang ditugaskan.", field="members"),
                    InvalidInput("Tempat wajib diisi.", field="place"),
                    InvalidInput("Tanggal selesai tidak boleh sebelum tanggal mulai.", field="end_on"),
                ]
            )
        )
        yield "surat-tugas-refused"
        recap = next((e for e in entries if e.kind == "rekap"), None)
        if recap is not None:
            tab.show_queue()
            tab.open_work_item(recap)
            self.wait(lambda: tab.recap is not None)
            yield "recap"

    def team(self, window, tab, role) -> Iterator[str]:
        for row, entry in enumerate(tab.entries()):
            tab.worklist.selectRow(row)
            self.wait(lambda e=entry: tab.workspace.case is not None and tab.workspace.case.id == e.ref_id)
            yield f"case-{entry.step}"
        tab.pages.setCurrentIndex(1)
        self.wait(lambda: tab.records_browser is not None)
        yield "records"

    def recap_desk(self, window, tab, role) -> Iterator[str]:
        if hasattr(tab, "preview"):
            tab.preview()
            self.settle(0.3)
            yield "preview"
        model = tab.worklist.model()
        if model.rowCount():
            tab.open_work_item(model.item(0))
            self.settle(0.3)
            yield "opened"
        tab.pages.setCurrentIndex(1)
        self.settle(0.3)
        yield "records"

    def innovations(self, window, tab, role) -> Iterator[str]:
        for row in range(tab.model.rowCount()):
            summary = tab.model.summary(row)
            loads = tab.panel.loads
            tab.select_innovation(summary.id)
            self.wait(lambda n=loads: tab.panel.loads > n)
            yield f"innovation-{summary.reference}"
        for page in range(1, tab.panel.pages.count()):
            tab.panel.pages.setCurrentIndex(page)
            self.settle(0.2)
            yield f"panel-page-{page}"

    def admin(self, window, tab, role) -> Iterator[str]:
        for row in range(tab.nav.count()):
            tab.nav.setCurrentRow(row)
            self.settle(0.3)
            yield f"page-{row}"

    # --- dialogs ---------------------------------------------------------------------------------------

    def dialogs(self) -> None:
        for name, make in self.dialog_makers():
            dialog = make()
            if not dialog.isVisible():
                dialog.show()
            self.settle(0.2)
            self.check(f"dialog/{name}", dialog)
            dialog.hide()
            dialog.deleteLater()
            self.settle()

    def dialog_makers(self) -> list[tuple[str, Callable[[], QWidget]]]:
        R = self.R
        from desktop.services import case_view
        from desktop.services.office import admin as office_admin
        from desktop.services.search import search
        from desktop.services.sijarla import record_query
        from desktop.services.sijarla.service_records import ImportResult, RowError
        from desktop.ui.admin.user_dialog import AddUserDialog, NewPasswordDialog
        from desktop.ui.documents.letter_document_dialog import LetterDocumentDialog
        from desktop.ui.documents.verify_dialog import VerifyDocumentDialog
        from desktop.ui.inovasi.innovation_idea_dialog import IdeaDialog
        from desktop.ui.inovasi.inovasi_panel import open_innovation
        from desktop.ui.login_dialog import LoginDialog
        from desktop.ui.password_dialog import PasswordDialog
        from desktop.ui.sijarla.assignment_analysis_dialog import AnalysisCaseDialog
        from desktop.ui.sijarla.disposition_return_dialog import ReturnReasonDialog
        from desktop.ui.sijarla.letter_reprint_dialog import LetterReprintDialog
        from desktop.ui.sijarla.letter_resubmit_dialog import LetterResubmitDialog
        from desktop.ui.sijarla.records_import import ImportErrorsDialog
        from desktop.ui.sijarla.team_report import ReportDialog
        from desktop.ui.sop.case_detail_dialog import CaseDetailDialog
        from desktop.ui.sop.sop_view_dialog import open_sop_view

        meja, kadis, ketua = (
            self.session(R.FRONT_DESK),
            self.session(R.KEPALA_DINAS),
            self.session(R.KETUA_TIM),
        )
        admin, kasi = self.session(R.ADMINISTRATOR), self.session(R.KASI_INOVASI)
        parent = self.windows[R.FRONT_DESK]
        returned = parent.tab_for(R.FRONT_DESK).worklist.model().item(0).ref_id
        team_tab = self.windows[R.KETUA_TIM].tab_for(R.KETUA_TIM)
        serving_id = next(e.ref_id for e in team_tab.entries() if e.step == "pelayanan")
        serving = record_query.team_case(ketua, serving_id)
        finished = next(h.case_id for h in search(kadis, "SJL-") if h.kind == "kasus")
        errors = [RowError(n, "NIK", "NIK harus 16 digit; yang diisi 15 digit.") for n in range(2, 40)]
        pdf = self.sample_pdf()
        innovation_case = next(h.case_id for h in search(kasi, "INV-") if h.kind == "kasus")

        def search_dialog():
            window = self.windows[R.KABID_PELAYANAN]
            window.open_search()
            window.search_dialog.query_edit.setText("Koto")
            return window.search_dialog

        return [
            (
                "password",
                lambda: PasswordDialog("Masukkan kata sandi untuk menandatangani SJL-2026-0001.", parent),
            ),
            ("return-reason", lambda: ReturnReasonDialog("SJL-2026-0001", parent)),
            ("analysis", lambda: AnalysisCaseDialog(case_view.list_nagari(), parent)),
            ("reprint", lambda: LetterReprintDialog(meja, parent)),
            ("resubmit", lambda: LetterResubmitDialog(meja, returned, parent)),
            (
                "report",
                lambda: ReportDialog(
                    parent,
                    serving,
                    record_query.category_totals(ketua, serving.id),
                    lambda d: d,
                    save_draft=lambda d: d,
                    waiting="Masih ada paket lapangan yang belum dikembalikan (Laptop 2). Kembalikan "
                    "paketnya dulu agar data lapangan ikut dilaporkan, atau batalkan paket laptop "
                    "yang hilang.",
                ),  # fmt: skip
            ),
            ("import-errors", lambda: ImportErrorsDialog(parent, ImportResult(60, 22, errors), "data.xlsx")),
            ("idea", lambda: IdeaDialog(kasi, parent)),
            ("add-user", lambda: AddUserDialog(admin, office_admin.role_choices(admin), parent)),
            ("new-password", lambda: NewPasswordDialog("meja", parent)),
            ("search", search_dialog),
            ("case-detail", lambda: CaseDetailDialog(kadis, finished, parent)),
            ("sop-view", lambda: open_sop_view(parent, kadis, case_id=finished)),
            ("verify", lambda: VerifyDocumentDialog(kadis, parent)),
            ("letter-document", lambda: LetterDocumentDialog.show_pdf(parent, "Surat Tugas", "contoh", pdf)),
            ("innovation", lambda: open_innovation(parent, kasi, innovation_case)),
            ("login", lambda: LoginDialog(None, [])),
        ]

    @staticmethod
    def sample_pdf() -> bytes:
        import io

        from reportlab.pdfgen import canvas

        buffer = io.BytesIO()
        pdf = canvas.Canvas(buffer)
        pdf.drawString(72, 760, "SURAT TUGAS")
        pdf.save()
        return buffer.getvalue()


def main(argv: list[str]) -> int:
    width, height = int(argv[0]), int(argv[1])
    shots = Path(argv[argv.index("--shots") + 1]) if "--shots" in argv else None
    if shots is not None:
        shots.mkdir(parents=True, exist_ok=True)
    probe = Probe(width, height, shots)
    found = probe.run("--squeeze" in argv)
    print(json.dumps({"ratio": QApplication.primaryScreen().devicePixelRatio(), "found": found}))
    return 0


if __name__ == "__main__":
    tempfile.tempdir = None
    raise SystemExit(main(sys.argv[1:]))
