"""The Kabid Pemanfaatan Data dan Inovasi Pelayanan: forwards recaps, reviews innovation ideas.

Innovation forms belong to the innovation tabs. When a module desktop/ui/inovasi/inovasi_*.py
defines ``open_innovation_entry(parent, session, entry)``, a double-click on an innovation in
this worklist calls it; until then `open_innovation` says the form is not available yet.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP

from desktop import roles
from desktop.services.sijarla import recap
from desktop.services.sop.worklists import WorkEntry
from desktop.ui.common.background import run_for
from desktop.ui.common.operations import message_for
from desktop.ui.sijarla.recap_tab import RecapRoleTab
from desktop.ui.sop.role_tab import SOP_INOVASI, SOP_SIJARLA
from desktop.ui.sop.tab_registry import register_tab

INNOVATION_HOOK = "open_innovation_entry"
InnovationHook = Callable[..., object]


def innovation_hook() -> InnovationHook | None:
    """`open_innovation_entry` from the first desktop.ui.inovasi.inovasi_* module that has one."""
    package = importlib.import_module("desktop.ui.inovasi")
    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda i: i.name):
        if info.name.startswith("inovasi_"):
            hook = getattr(importlib.import_module(f"desktop.ui.inovasi.{info.name}"), INNOVATION_HOOK, None)
            if callable(hook):
                return hook
    return None


@register_tab(roles.KABID_PEMANFAATAN)
class KabidPemanfaatanTab(RecapRoleTab):
    """Recaps forwarded by the Ketua Pelaksana Harian go on to the Kepala Dinas; innovations to review."""

    SOPS = (SOP_SIJARLA, SOP_INOVASI)
    DUTIES = (
        QT_TRANSLATE_NOOP(
            "KabidPemanfaatanTab", "Meneruskan Rekapitulasi Pelayanan Inovasi SIJARLA kepada Kepala Dinas."
        ),
        QT_TRANSLATE_NOOP(
            "KabidPemanfaatanTab",
            "Menelaah pointers konsep inovasi dari Kasi Inovasi dan menulis catatan telaahan (1 hari).",
        ),
    )

    def primary_text(self) -> str:
        return self.tr("Ajukan ke Kepala Dinas")

    def empty_hint(self) -> str:
        return self.tr(
            "Klik dua kali rekap pada daftar pekerjaan untuk melihatnya, lalu ajukan ke Kepala Dinas. "
            "Gagasan inovasi yang menunggu telaahan juga tampil di daftar."
        )

    def worklist_detail(self) -> str:
        return self.tr("Rekap yang diteruskan dan gagasan inovasi tampil di sini.")

    def open_work_item(self, entry: WorkEntry) -> None:
        if entry.kind == "rekap":
            self.open_recap(entry.ref_id)
        else:
            self.open_innovation(entry)

    def open_innovation(self, entry: WorkEntry) -> None:
        """Hand an innovation to the innovation forms (another module), or say they are not there yet."""
        hook = innovation_hook()
        if hook is None:
            self.panel.banner.info(
                self.tr("%1 (%2): formulir telaahan inovasi belum tersedia di versi ini.")
                .replace("%1", entry.number)
                .replace("%2", entry.step_name)
            )
            return
        hook(self, self.session, entry)  # the innovation window calls action_done() after an action

    def recap_opened(self, status: str) -> None:
        self.panel.primary_button.setEnabled(status == "diteruskan")

    def primary(self) -> None:
        """Ajukan ke Kepala Dinas."""
        saved = self.panel.saved
        if saved is None or saved.status != "diteruskan":
            return
        self.panel.primary_button.setEnabled(False)
        run_for(
            self,
            lambda: recap.submit_recap(self.session, saved.id, saved.version),
            self._submitted,
            self._submit_failed,
        )

    def _submitted(self, status: str) -> None:
        self.panel.set_saved_status(status)
        self.panel.banner.ok(self.tr("Rekap diajukan ke Kepala Dinas."))
        self.action_done()

    def _submit_failed(self, error: BaseException) -> None:
        self.panel.primary_button.setEnabled(True)
        self.panel.banner.error(message_for(error))
