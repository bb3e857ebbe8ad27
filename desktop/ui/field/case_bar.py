"""The field line of a team's case at the office: whether it is out in the field, and the leader's actions.

Everyone on the team sees the marker while packages of the case are out ("Kasus ini sedang dibawa
ke lapangan ..."). The team leader also gets "Bawa ke lapangan…" (enabled as export.may_take_out
allows, its refusal as the tooltip and the note beside it), "Kembalikan dari lapangan…" and
"Konflik (N)". On a field laptop the line stays hidden: the package is the field.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.services.errors import DomainError
from desktop.services.field import export, mode
from desktop.services.session import Session
from desktop.ui.field.cancel_dialog import CancelPackageDialog
from desktop.ui.field.conflicts_dialog import ConflictsDialog, open_conflict_count
from desktop.ui.field.return_dialog import PackageFileDialog, ReturnDialog
from desktop.ui.field.take_out_dialog import TakeOutDialog

MARKER_STYLE = (
    "QLabel#FieldMarker { background: #FFF4D6; color: #6B4A00; border: 1px solid #E8C872;"
    " border-radius: 6px; padding: 6px 10px; }"
)


def out_in_field_text(packages: list) -> str:
    """The office's marker for a case with packages out; '' when none is out."""
    if not packages:
        return ""
    first = min(packages, key=lambda p: p.taken_at)
    laptops = ", ".join(sorted((p.laptop for p in packages), key=_natural))
    name = first.taken_by
    text = (
        QCoreApplication.translate(
            "FieldCaseBar",
            "Kasus ini sedang dibawa ke lapangan (%1) sejak %2 oleh %3. Data yang dicatat di lapangan "
            "akan masuk saat paket dikembalikan.",
        )
        .replace("%1", laptops)
        .replace("%2", first.taken_at.strftime("%d-%m-%Y"))
    )
    if name.endswith("."):  # "oleh Andi Saputra, S.E." ends the sentence with its own full stop
        text = text.replace("%3.", name)
    return text.replace("%3", name)


def team_field_markers(cases: list[tuple[int, str]]) -> str:
    """One marker line per case of the team that is out in the field ('' when none is), for the
    page of all the team's records. `cases`: (case id, case number) of the team's cases."""
    if mode.is_field_mode():
        return ""
    lines = []
    for case_id, number in cases:
        text = out_in_field_text(packages_out(case_id))
        if text:
            lines.append(f"{number}: {text}")
    return "\n".join(lines)


def _natural(label: str) -> list:
    """'Laptop 2' before 'Laptop 10'."""
    return [int(part) if part.isdigit() else part.casefold() for part in re.split(r"(\d+)", label)]


def packages_out(case_id: int) -> list:
    """The case's packages still in the field ([] when the office cannot say)."""
    from desktop.services.field import conflicts

    try:
        return list(conflicts.case_out_in_field(case_id))
    except DomainError:
        return []


class FieldCaseBar(QFrame):
    """The marker and the leader's field buttons for one case."""

    records_changed = Signal()  # a package was merged: the grid reads its records again
    report_requested = Signal()  # the leader chose "Ajukan laporan" after a merge

    def __init__(self, session: Session, *, leader_tab: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self.session, self.leader_tab = session, leader_tab
        self.case_id: int | None = None
        self.merged = False  # a package of this case was brought back here: offer the report
        self.case_label = ""
        self.setStyleSheet(MARKER_STYLE)
        self.marker = QLabel()
        self.marker.setObjectName("FieldMarker")
        self.marker.setWordWrap(True)
        self.marker.hide()
        self.take_button = QPushButton(self.tr("Bawa ke &lapangan…"))
        self.return_button = QPushButton(self.tr("&Kembalikan dari lapangan…"))
        self.conflicts_button = QPushButton(self.tr("Konflik (0)"))
        self.cancel_button = QPushButton(self.tr("Batalkan &paket…"))
        self.cancel_button.setToolTip(self.tr("Paket laptop yang hilang atau rusak"))
        self.report_button = QPushButton(self.tr("Ajukan lapo&ran…"))
        self.report_button.setProperty("primary", True)
        self.note = QLabel()
        self.note.setProperty("role", "muted")
        self.note.setWordWrap(True)
        self.take_button.clicked.connect(self.take_out)
        self.return_button.clicked.connect(self.bring_back)
        self.conflicts_button.clicked.connect(self.show_conflicts)
        self.cancel_button.clicked.connect(self.cancel_package)
        self.report_button.clicked.connect(self.report_requested)
        self.report_button.hide()
        self.buttons = QWidget()
        row = QHBoxLayout(self.buttons)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(8)
        buttons = (
            self.take_button,
            self.return_button,
            self.conflicts_button,
            self.cancel_button,
            self.report_button,
        )
        for button in buttons:
            row.addWidget(button)
        row.addWidget(self.note, 1)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(6)
        box.addWidget(self.marker)
        box.addWidget(self.buttons)
        # Only once it has a parent: a parentless widget shown is a window of its own (and takes
        # the activation from the main window).
        self.buttons.setVisible(leader_tab)
        self.hide()

    def load(self, case_id: int | None, case_label: str = "", *, leader: bool = False) -> None:
        """Show the line for a case (None: hide it). `leader`: the user leads this case's team."""
        if case_id != self.case_id:
            self.merged = False
            self.report_button.hide()
        self.case_id, self.case_label = case_id, case_label
        if case_id is None or mode.is_field_mode():
            self.hide()
            return
        self.buttons.setVisible(self.leader_tab and leader)
        self.refresh()
        self.show()

    def refresh(self) -> None:
        if self.case_id is None:
            return
        out = packages_out(self.case_id)
        text = out_in_field_text(out)
        self.cancel_button.setEnabled(bool(out))
        self.marker.setText(text)
        self.marker.setVisible(bool(text))
        if self.buttons.isHidden():
            return
        try:
            export.may_take_out(self.session, self.case_id)
            self.take_button.setEnabled(True)
            self.take_button.setToolTip("")
            self.note.clear()
        except DomainError as exc:
            self.take_button.setEnabled(False)
            self.take_button.setToolTip(exc.message)
            self.note.setText(exc.message)
        count = open_conflict_count(self.session, self.case_id)
        self.conflicts_button.setText(self.tr("Konflik (%1)").replace("%1", str(count)))
        self.conflicts_button.setEnabled(count > 0)

    def take_out(self) -> None:
        if self.case_id is None:
            return
        if TakeOutDialog.ask(self, self.session, self.case_id, self.case_label):
            self.refresh()

    def bring_back(self) -> None:
        if self.case_id is None:
            return
        path = PackageFileDialog.ask(self)
        if path is None:
            return
        result = ReturnDialog.ask(self, self.session, path)
        if result is None:
            return
        self.merged = True
        self.records_changed.emit()
        self.refresh()
        if open_conflict_count(self.session, self.case_id):
            self.show_conflicts()
        else:
            self.offer_report()

    def cancel_package(self) -> None:
        if self.case_id is None:
            return
        out = packages_out(self.case_id)
        if out and CancelPackageDialog.ask(self, self.session, out):
            self.refresh()
            self.offer_report()

    def offer_report(self) -> None:
        """After a merge: 'Ajukan laporan' once every package is back and every conflict decided;
        until then the note says what is still missing."""
        if not self.merged or self.case_id is None:
            return
        from desktop.services.field import conflicts

        waiting = conflicts.not_ready_to_report(self.case_id)
        self.report_button.setVisible(waiting is None)
        if waiting is None:
            self.note.setText(self.tr("Data lapangan sudah masuk. Laporan dapat diajukan."))
            self.report_button.setFocus()
        else:
            self.note.setText(waiting)

    def show_conflicts(self) -> None:
        if self.case_id is None:
            return
        dialog = ConflictsDialog(self, self.session, self.case_id)
        dialog.resolved.connect(self.records_changed)
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()
        self.refresh()
        self.offer_report()
