"""How the office signs its documents: per document type in the app or by hand (wet signature and
stamp), and the web address its verification QR codes point to (issue 15 item 14).

Both live on the office row (migration 9), so on a secured PostgreSQL database the office's table
grants guard them as they guard the letterhead: only the Administrator's group may UPDATE `office`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

from desktop.models import Office, db
from desktop.printing.data import IN_APP, SIGN_MODES, WET
from desktop.services.errors import InvalidInput, StaleRecord
from desktop.services.office.guards import _admin, _bump, _stale
from desktop.services.security import audit
from desktop.services.session import Session

# The document types with a signature, their label, and how they are signed until the office says
# otherwise: outgoing letters by hand and stamped, internal documents in the app.
SIGNED_TYPES: dict[str, tuple[str, str]] = {
    "surat_tugas": ("Surat Tugas", WET),
    "profil_inovasi": ("Profil Inovasi", WET),
    "tanda_terima": ("Tanda Terima Surat Permohonan", IN_APP),
    "disposisi": ("Lembar Disposisi", IN_APP),
    "laporan": ("Laporan Pelaksanaan Inovasi SIJARLA", IN_APP),
    "rekap": ("Rekapitulasi Pelayanan Inovasi SIJARLA", IN_APP),
    "dokumen_inovasi": ("Dokumen Langkah Inovasi", IN_APP),
}
_FOLLOWS = {"laporan_tersamar": "laporan"}  # another edition of a document is signed as it is
MODE_LABELS = {IN_APP: "Tanda tangan di aplikasi", WET: "Tanda tangan basah dan cap"}
_HOST = re.compile(
    r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+"
)


@dataclass(frozen=True)
class SignModeRow:
    doc_type: str
    label: str
    mode: str  # IN_APP or WET
    default: str


@dataclass(frozen=True)
class DocumentSigning:
    """The signing settings as the Administrator page shows them."""

    modes: tuple[SignModeRow, ...]
    verify_url: str
    version: int  # the office row's version; 0 while the office has never been saved


def sign_mode(office: Office | None, doc_type: str) -> str:
    """How a document type is signed at this office (its default when the office has not chosen)."""
    doc_type = _FOLLOWS.get(doc_type, doc_type)
    if doc_type not in SIGNED_TYPES:
        return IN_APP
    chosen = _modes(office.sign_modes if office is not None else "")
    return chosen.get(doc_type, SIGNED_TYPES[doc_type][1])


def verify_url(office: Office | None) -> str:
    return (office.verify_url or "") if office is not None else ""


def document_signing(actor: Session) -> DocumentSigning:
    """The signing mode of every signed document type and the verification address."""
    with db.atomic():
        _admin(actor)
        office = Office.select().order_by(Office.id).first()
        rows = tuple(
            SignModeRow(code, label, sign_mode(office, code), default)
            for code, (label, default) in SIGNED_TYPES.items()
        )
        return DocumentSigning(rows, verify_url(office), office.version if office else 0)


def update_document_signing(
    actor: Session, modes: Mapping[str, str], url: str, expected_version: int
) -> DocumentSigning:
    """Save the signing modes and the verification address read at `expected_version`."""
    with db.atomic():
        _admin(actor)
        office = Office.select().order_by(Office.id).first()
        if office is None:
            raise StaleRecord("Data kantor (kop surat) belum diatur. Isi halaman Kantor lebih dulu.")
        values = {"sign_modes": json.dumps(clean_modes(modes), sort_keys=True), "verify_url": clean_url(url)}
        if not _bump(Office, office.id, expected_version, values):
            raise _stale("office", office.id, "Pengaturan tanda tangan dokumen")
        audit.record(
            actor,
            "cara_tanda_tangan_disimpan",
            "office",
            office.id,
            **json.loads(values["sign_modes"]),
            alamat_verifikasi=values["verify_url"],
        )
    return document_signing(actor)


def clean_modes(modes: Mapping[str, str]) -> dict[str, str]:
    """Every signed type with a known mode, or InvalidInput naming what is wrong."""
    unknown = sorted(set(modes) - set(SIGNED_TYPES))
    if unknown:
        raise InvalidInput(f"Jenis dokumen tidak dikenal: {', '.join(unknown)}.", field="sign_modes")
    out = {}
    for code, (label, default) in SIGNED_TYPES.items():
        mode = modes.get(code, default)
        if mode not in SIGN_MODES:
            raise InvalidInput(
                f"Cara tanda tangan {label} harus 'di aplikasi' atau 'basah dan cap'.", field="sign_modes"
            )
        out[code] = mode
    return out


def clean_url(text: str) -> str:
    """An https address for the verification QR ("" for none), or InvalidInput in Indonesian."""
    url = (text or "").strip()
    if not url:
        return ""
    example = "contoh: https://disdukcapil.solokkab.go.id/verifikasi"
    if len(url) > Office.verify_url.max_length:
        raise InvalidInput(
            f"Alamat web verifikasi paling panjang {Office.verify_url.max_length} karakter.",
            field="verify_url",
        )
    if any(ch.isspace() for ch in url) or not url.isascii():
        raise InvalidInput(
            f"Alamat web verifikasi tidak boleh berisi spasi atau huruf di luar ASCII; {example}.",
            field="verify_url",
        )
    parts = urlsplit(url)
    if parts.scheme.lower() != "https":
        raise InvalidInput(
            f"Alamat web verifikasi harus diawali https:// (alamat http atau lainnya tidak aman); {example}.",
            field="verify_url",
        )
    if parts.username or parts.password or not _HOST.fullmatch(parts.hostname or "") or parts.fragment:
        raise InvalidInput(f"Alamat web verifikasi tidak sah; {example}.", field="verify_url")
    try:
        parts.port  # noqa: B018 - a bad port raises here
    except ValueError:
        raise InvalidInput(
            f"Nomor port pada alamat web verifikasi tidak sah; {example}.", field="verify_url"
        ) from None
    return url


def _modes(text: str) -> dict[str, str]:
    try:
        value = json.loads(text or "{}")
    except ValueError:
        return {}
    if not isinstance(value, dict):
        return {}
    return {k: v for k, v in value.items() if k in SIGNED_TYPES and v in SIGN_MODES}
