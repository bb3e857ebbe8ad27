"""What every gathered document shares: the office, its letterhead, officials, masked text."""

from __future__ import annotations

from desktop.models import (
    Office,
    Signer,
    User,
)
from desktop.printing import data as P
from desktop.services.errors import WorkflowError
from desktop.services.nik import mask_niks_in_text


def _office() -> Office:
    office = Office.select().order_by(Office.id).first()
    if office is None:
        raise WorkflowError("Data kantor (kop surat) belum diatur. Minta Administrator mengisinya.")
    return office


def _letterhead(office: Office) -> P.Letterhead:
    logo = bytes(office.logo_png) if office.logo_png else None
    return P.Letterhead(
        government=office.government,
        agency=office.agency,
        address=office.address,
        phone=office.phone,
        email=office.email,
        website=office.website,
        city=office.city,
        logo_png=logo,
    )


def _official(user: User, title: str = "") -> P.Official:
    return P.Official(user.full_name, user.nip, user.pangkat_golongan, title or user.jabatan)


def _signer_title(purpose: str, user: User) -> str:
    """The title a user signs with for a purpose (Signer settings), else their jabatan."""
    signer = Signer.get_or_none(Signer.purpose == purpose)
    return signer.title if signer is not None and signer.user_id == user.id else user.jabatan


def _masked(text: str) -> str:
    """No document or receipt prints a whole NIK typed into free text (a perihal, an instruction,
    a task), however it was typed: the one rule of services.nik.mask_niks_in_text."""
    return mask_niks_in_text(text)


def _lines(text: str) -> tuple[str, ...]:
    return tuple(line.strip() for line in (text or "").splitlines() if line.strip())
