"""A typed Surat Permohonan checked field by field, and an incoming letter read back as its receipt."""

from __future__ import annotations

import datetime as dt
import secrets

from desktop.models import (
    IncomingLetter,
    Nagari,
    RequestedService,
    ServiceCategory,
)
from desktop.models.sop import ORIGIN_NOTE_LIMIT
from desktop.services.errors import InvalidInput
from desktop.services.nik import mask_niks_in_text
from desktop.services.sijarla.drafts import (
    SIFAT,
    LetterDraft,
    LetterReceipt,
)
from desktop.services.validation import clean_code, clean_text, fold


def _clean_letter(draft: LetterDraft) -> dict:
    if draft.sifat not in SIFAT:
        raise InvalidInput("Sifat surat tidak dikenal.", field="sifat")
    if draft.letter_date > dt.date.today() + dt.timedelta(days=1):
        raise InvalidInput("Tanggal surat tidak boleh di masa depan.", field="letter_date")
    if not 0 <= draft.estimated_people <= 100_000:
        raise InvalidInput("Perkiraan jumlah orang 0 sampai 100.000.", field="estimated_people")
    number = clean_text(draft.letter_number, "Nomor surat", 80, field="letter_number")
    sender = clean_text(draft.sender, "Pengirim", 160, field="sender")
    subject = clean_text(draft.subject, "Perihal", 300, field="subject")
    return {
        "letter_number": number,
        "letter_date": draft.letter_date,
        "sender": sender,
        "subject": subject,
        "search_fold": fold(f"{number} {sender} {subject}"),
        "sifat": draft.sifat,
        "estimated_people": draft.estimated_people or sum(max(0, n) for n in draft.requested.values()),
    }


def _categories(requested: dict[str, int]) -> list[tuple[ServiceCategory, int]]:
    if not requested:
        raise InvalidInput("Pilih paling sedikit satu jenis layanan yang dimohon.", field="requested")
    for code in requested:
        clean_code(code, "Jenis layanan", field="requested")
    found = {c.code: c for c in ServiceCategory.select().where(ServiceCategory.code.in_(list(requested)))}
    result = []
    for code, count in requested.items():
        if code not in found:
            raise InvalidInput(f"Jenis layanan '{code}' tidak dikenal.", field="requested")
        if not 0 <= count <= 100_000:
            raise InvalidInput("Perkiraan jumlah per layanan 0 sampai 100.000.", field="requested")
        result.append((found[code], count))
    return result


def _nagari(nagari_id: int) -> Nagari:
    nagari = Nagari.get_or_none(Nagari.id == nagari_id)
    if nagari is None or not nagari.is_active:
        raise InvalidInput("Nagari tidak dikenal.", field="nagari")
    return nagari


def _tracking_code() -> str:
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud over the phone
    return "SJ-" + "".join(secrets.choice(alphabet) for _ in range(8))


def _receipt(letter: IncomingLetter) -> LetterReceipt:
    nagari = letter.nagari
    requested = tuple(
        (r.category.name, r.estimated_count)
        for r in RequestedService.select(RequestedService, ServiceCategory)
        .join(ServiceCategory)
        .where(RequestedService.letter == letter.id)
        .order_by(ServiceCategory.sort_order)
    )
    case = letter.case
    return LetterReceipt(
        case_id=case.id,
        case_reference=case.reference,
        agenda_number=letter.agenda_number,
        tracking_code=letter.tracking_code,
        received_at=letter.received_at,
        letter_number=mask_niks_in_text(letter.letter_number),
        sender=mask_niks_in_text(letter.sender),
        nagari=nagari.name,
        kecamatan=nagari.kecamatan.name,
        subject=mask_niks_in_text(letter.subject),
        due_on=case.due_on,
        requested=requested,
    )


# --- A case from the Kepala Dinas' analysis (no letter) ----------------------------------------------

ANALYSIS_REASON_LIMIT = ORIGIN_NOTE_LIMIT


def analysis_subject(nagari: str, reason: str) -> str:
    """What a case from analysis is about, in full: it stands where a letter's perihal would."""
    return f"Capaian adminduk rendah: {nagari}. {reason}"


def analysis_title(nagari: str, reason: str, limit: int) -> str:
    """The case title: the subject on one line, shortened at a word with '…' (the reason is kept whole)."""
    text = " ".join(analysis_subject(nagari, reason).split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut[limit // 2 :]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" .,;:") + "…"
