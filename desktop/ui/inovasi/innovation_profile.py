"""The innovation profile (one page: name, problem, concept, mechanism ... outputs) and its meetings."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from desktop.sections import section_map
from desktop.services.inovasi.steps import InnovationProfile, MeetingView
from desktop.services.sop.view import StepView
from desktop.ui import theme
from desktop.ui.common.cards import section_label
from desktop.ui.common.forms import muted
from desktop.ui.inovasi.innovation_fields import approval_text

DECISIONS = {"ya": "Ya, dilanjutkan", "tidak": "Tidak, dikembalikan"}


def _scroll(body: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidget(body)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return area


def _clear(box: QVBoxLayout) -> None:
    while box.count():
        item = box.takeAt(0)
        if item.widget() is not None:
            item.widget().deleteLater()


def _text(value: str) -> QLabel:
    label = QLabel(value or "-")
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def concept_text(body: str) -> str:
    """The Konsep section of a draft inovasi (with the first discussion's result), else the text."""
    sections = section_map(body)
    if "Konsep" not in sections:
        return body
    result = sections.get("Hasil pembahasan awal", "")
    return sections["Konsep"] + (f"\n\nHasil pembahasan awal: {result}" if result else "")


class InnovationProfileView(QWidget):
    """The profile as read-only text; `name_label` holds the innovation's name (or its title)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._body = QWidget()
        self._box = QVBoxLayout(self._body)
        self._box.setContentsMargins(4, 4, 12, 4)
        self._box.setSpacing(6)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(_scroll(self._body))
        self.name_label = QLabel()

    def set_profile(self, profile: InnovationProfile) -> None:
        _clear(self._box)
        self.name_label = QLabel(profile.name)
        self.name_label.setProperty("role", "heading")
        self.name_label.setFont(theme.scaled_font(self.font(), 1.35, QFont.Weight.DemiBold))
        self.name_label.setWordWrap(True)
        self._box.addWidget(self.name_label)
        subtitle = profile.name_meaning or (profile.title if profile.name != profile.title else "")
        if subtitle:
            self._box.addWidget(muted(subtitle))
        self._box.addWidget(muted(f"{profile.reference}"))
        totals = profile.outputs
        sections = [
            (self.tr("Judul gagasan"), profile.title),
            (self.tr("Permasalahan"), profile.problem),
            (self.tr("Sasaran"), profile.target),
            (self.tr("Konsep"), concept_text(profile.concept)),
            (self.tr("Mekanisme"), profile.mechanism),
            (self.tr("Sumber daya"), profile.resources),
            (self.tr("Jadwal"), profile.schedule),
            (self.tr("Indikator keberhasilan"), profile.indicators),
        ]
        for caption, value in sections:
            self._box.addSpacing(6)
            self._box.addWidget(section_label(caption))
            self._box.addWidget(_text(value))
        self._box.addSpacing(6)
        self._box.addWidget(section_label(self.tr("Output inovasi")))
        if totals.entries:
            text = (
                self.tr("%1 orang terlayani pada %2 hari (%3 s.d. %4).")
                .replace("%1", str(totals.people_served))
                .replace("%2", str(totals.days))
                .replace("%3", QLocale().toString(totals.first_day, "d MMM yyyy"))
                .replace("%4", QLocale().toString(totals.last_day, "d MMM yyyy"))
            )
        else:
            text = self.tr("Belum ada keluaran yang dicatat.")
        self._box.addWidget(_text(text))
        self._box.addStretch(1)


class MeetingsView(QWidget):
    """Every meeting of the innovation with its participants and their approvals."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._body = QWidget()
        self._box = QVBoxLayout(self._body)
        self._box.setContentsMargins(4, 4, 12, 4)
        self._box.setSpacing(6)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(_scroll(self._body))

    def set_meetings(self, meetings: Sequence[MeetingView], steps: Sequence[StepView]) -> None:
        _clear(self._box)
        names = {s.code: s.name for s in steps}
        if not meetings:
            self._box.addWidget(muted(self.tr("Belum ada rapat untuk inovasi ini.")))
        for meeting in meetings:
            day = QLocale().toString(meeting.held_on, "d MMMM yyyy")
            self._box.addWidget(section_label(f"{names.get(meeting.step_code, meeting.step_code)} · {day}"))
            details = [self.tr("Tempat: %1").replace("%1", meeting.place or "-")]
            if meeting.decision:
                details.append(
                    self.tr("Keputusan: %1").replace("%1", DECISIONS.get(meeting.decision, meeting.decision))
                )
            self._box.addWidget(_text(" · ".join(details)))
            for p in meeting.participants:
                line = QLabel(
                    f"• {p.full_name} — {approval_text(p)}"
                    if meeting.step_code == "finalisasi_konsep"
                    else f"• {p.full_name}"
                )
                line.setTextFormat(Qt.TextFormat.RichText)
                line.setWordWrap(True)
                self._box.addWidget(line)
            self._box.addSpacing(8)
        self._box.addStretch(1)
