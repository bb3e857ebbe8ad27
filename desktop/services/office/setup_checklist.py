"""What a new office still has to set up after the first start, for the administrator's checklist.

Computed from the database (signers, staff accounts, numbering patterns, the emblem) and this
workstation's printers, which the UI reads from its own settings and passes in.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.models import NumberingPattern, Office, Role, Signer, User, UserRole, db
from desktop.roles import ADMINISTRATOR
from desktop.services.office.admin import SIGNER_PURPOSES, _admin
from desktop.services.session import Session

SIGNERS = "penandatangan"
STAFF = "pengguna"
NUMBERING = "penomoran"
LETTER_PRINTER = "printer_surat"
RECEIPT_PRINTER = "printer_struk"
EMBLEM = "logo"
ITEM_ORDER = (SIGNERS, STAFF, NUMBERING, LETTER_PRINTER, RECEIPT_PRINTER, EMBLEM)


@dataclass(frozen=True)
class WorkstationPrinters:
    """This workstation's printer settings ("" when not chosen)."""

    letter_printer: str = ""
    receipt_printer: str = ""  # the receipt printer's address (tcp://..., usb://..., win32://...)


@dataclass(frozen=True)
class ChecklistItem:
    """One line of the checklist: `done` of `total` (signers set, staff accounts, patterns reviewed ...)."""

    key: str
    done: bool
    count: int = 0
    total: int = 0
    name: str = ""  # the printer's name or address, when chosen


def setup_checklist(actor: Session, printers: WorkstationPrinters) -> list[ChecklistItem]:
    """Each thing a new office needs before the SOPs can run, done or not yet (administrators)."""
    with db.atomic():
        _admin(actor)
        signers = Signer.select().where(Signer.purpose.in_(list(SIGNER_PURPOSES))).count()
        staff = _staff_accounts()
        patterns = NumberingPattern.select().count()
        reviewed = NumberingPattern.select().where(NumberingPattern.version > 1).count()
        logo = Office.select().where(Office.logo_png.is_null(False)).exists()
    return [
        ChecklistItem(SIGNERS, signers >= len(SIGNER_PURPOSES), signers, len(SIGNER_PURPOSES)),
        ChecklistItem(STAFF, staff > 0, staff),
        ChecklistItem(NUMBERING, reviewed > 0, reviewed, patterns),
        ChecklistItem(LETTER_PRINTER, bool(printers.letter_printer), name=printers.letter_printer),
        ChecklistItem(RECEIPT_PRINTER, bool(printers.receipt_printer), name=printers.receipt_printer),
        ChecklistItem(EMBLEM, logo),
    ]


def _staff_accounts() -> int:
    """Active accounts holding a role other than Administrator (the people who run the SOPs)."""
    return (
        User.select(User.id)
        .join(UserRole)
        .join(Role)
        .where(User.is_active & (Role.code != ADMINISTRATOR))
        .distinct()
        .count()
    )
