"""Indonesian labels for codes the services use (sifat surat, dengan hormat harap, statuses)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from desktop.services.sijarla import steps as sijarla

_SIFAT = {
    "biasa": QT_TRANSLATE_NOOP("Labels", "Biasa"),
    "segera": QT_TRANSLATE_NOOP("Labels", "Segera"),
    "sangat_segera": QT_TRANSLATE_NOOP("Labels", "Sangat segera"),
    "rahasia": QT_TRANSLATE_NOOP("Labels", "Rahasia"),
}
_DISPOSITION_REQUESTS = {  # the codes of sijarla.DISPOSITION_REQUESTS (whose texts go on the printed sheet)
    "tanggapan_saran": QT_TRANSLATE_NOOP("Labels", "Tanggapan dan saran"),
    "proses_lanjut": QT_TRANSLATE_NOOP("Labels", "Proses lebih lanjut"),
    "koordinasi": QT_TRANSLATE_NOOP("Labels", "Koordinasi / konfirmasikan"),
    "untuk_diketahui": QT_TRANSLATE_NOOP("Labels", "Untuk diketahui"),
    "siapkan_tim": QT_TRANSLATE_NOOP("Labels", "Siapkan tim dan jadwal"),
}
_RECAP_STATUS = {
    "draf": QT_TRANSLATE_NOOP("Labels", "Draf"),
    "diteruskan": QT_TRANSLATE_NOOP("Labels", "Diteruskan ke Kabid Pemanfaatan Data"),
    "diajukan": QT_TRANSLATE_NOOP("Labels", "Diajukan ke Kepala Dinas"),
    "diterima": QT_TRANSLATE_NOOP("Labels", "Diterima Kepala Dinas"),
}


def sifat_choices() -> list[tuple[str, str]]:
    """(code, label) for every sifat the services accept, in their order."""
    return [(code, sifat_label(code)) for code in sijarla.SIFAT]


def sifat_label(code: str) -> str:
    return QCoreApplication.translate("Labels", _SIFAT.get(code, code))


def recap_status_label(code: str) -> str:
    return QCoreApplication.translate("Labels", _RECAP_STATUS.get(code, code))


def disposition_request_label(code: str) -> str:
    if code not in _DISPOSITION_REQUESTS:
        return sijarla.DISPOSITION_REQUESTS.get(code, code)
    return QCoreApplication.translate("Labels", _DISPOSITION_REQUESTS[code])


def file_size(size: int) -> str:
    """'512 B', '48 KB', '3,2 MB'."""
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size // 1024} KB"
    return f"{size / (1024 * 1024):.1f} MB".replace(".", ",")


def verification_code(code: str) -> str:
    """A document's verification code as printed on it: two groups of five (K7MPX-2QR9T)."""
    code = code.replace("-", "").upper()
    return f"{code[:5]}-{code[5:]}" if len(code) > 5 else code or "-"
