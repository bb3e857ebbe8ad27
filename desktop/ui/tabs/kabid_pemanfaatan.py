"""The Kabid Pemanfaatan Data dan Inovasi Pelayanan: forwards recaps, reviews innovation ideas."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from desktop.services import roles

from . import register_tab
from .base import SOP_INOVASI, SOP_SIJARLA, RoleTab


@register_tab(roles.KABID_PEMANFAATAN)
class KabidPemanfaatanTab(RoleTab):
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
