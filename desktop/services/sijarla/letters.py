"""A typed Surat Permohonan checked field by field, and an incoming letter read back as its receipt."""

from __future__ import annotations

import datetime as dt
import secrets

from desktop.models import (
    IncomingLetter,
    Nagari,
    RequestedService,
    ServiceCategory,
    SopCase,
    User,
)
from desktop.models.sop import ORIGIN_NOTE_LIMIT
from desktop.printing.text import date_id
from desktop.services import date_rules
from desktop.services.errors import InvalidInput
from desktop.services.nik import mask_niks_in_text
from desktop.services.office.reference_scope import check_nagari_in_scope
from desktop.services.problems import Problems
from desktop.services.sijarla.drafts import (
    SIFAT,
    AssignmentDraft,
    LetterDraft,
    LetterReceipt,
)
from desktop.services.sop.workflow import office_calendar
from desktop.services.validation import clean_code, clean_text, fold


def checked_letter(
    draft: LetterDraft, received: dt.date
) -> tuple[Nagari, dict, list[tuple[ServiceCategory, int]]]:
    """The letter's nagari, values and requested services; every field that breaks a rule is refused
    at once (InvalidFields), in the form's order. `received` is the day the office received it."""
    problems = Problems()
    check = problems.check
    number = check(lambda: clean_text(draft.letter_number, "Nomor surat", 80, field="letter_number"))
    values: dict = {"letter_number": number}
    values["letter_date"] = check(lambda: date_rules.letter_date(draft.letter_date, received))
    nagari = check(lambda: _nagari(draft.nagari_id))
    values["sifat"] = check(lambda: _sifat(draft.sifat))
    values["sender"] = check(lambda: clean_text(draft.sender, "Pengirim", 160, field="sender"))
    values["subject"] = check(lambda: clean_text(draft.subject, "Perihal", 300, field="subject"))
    categories = check(lambda: _categories(draft.requested))
    check(lambda: _estimated_people(draft.estimated_people))
    problems.raise_any()
    assert nagari is not None and categories is not None
    values["estimated_people"] = draft.estimated_people or sum(n for _category, n in categories)
    values["search_fold"] = fold(f"{values['letter_number']} {values['sender']} {values['subject']}")
    return nagari, values, categories


def _sifat(sifat: str) -> str:
    if sifat not in SIFAT:
        raise InvalidInput("Sifat surat tidak dikenal.", field="sifat")
    return sifat


def _estimated_people(count: int) -> int:
    if not 0 <= count <= 100_000:
        raise InvalidInput("Perkiraan jumlah orang 0 sampai 100.000.", field="estimated_people")
    return count


def _categories(requested: dict[str, int]) -> list[tuple[ServiceCategory, int]]:
    """Each requested service with its estimate: at least one service, each for 1 to 100,000 people."""
    if not requested:
        raise InvalidInput("Pilih paling sedikit satu jenis layanan yang dimohon.", field="requested")
    for code in requested:
        clean_code(code, "Jenis layanan", field="requested")
    found = {c.code: c for c in ServiceCategory.select().where(ServiceCategory.code.in_(list(requested)))}
    result = []
    for code, count in requested.items():
        if code not in found:
            raise InvalidInput(f"Jenis layanan '{code}' tidak dikenal.", field="requested")
        if not 1 <= count <= 100_000:
            raise InvalidInput(
                f"Isi perkiraan jumlah warga untuk {found[code].name}: 1 sampai 100.000 orang.",
                field=f"requested.{code}",
            )
        result.append((found[code], count))
    return result


def _nagari(nagari_id: int) -> Nagari:
    if not nagari_id:
        raise InvalidInput("Pilih nagari dari daftar.", field="nagari")
    nagari = Nagari.get_or_none(Nagari.id == nagari_id)
    if nagari is None or not nagari.is_active:
        raise InvalidInput("Nagari tidak dikenal.", field="nagari")
    return check_nagari_in_scope(nagari)  # another kabupaten's nagari: refused


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


# --- The Surat Tugas' default wording ---------------------------------------------------------


def _default_basis(case: SopCase) -> str:
    letter = IncomingLetter.get_or_none(IncomingLetter.case == case.id)
    lines = ["Standar Operasional Prosedur Inovasi SIJARLA (Sistem Kejar Bola)"]
    if letter:
        lines.append(
            f"Surat {letter.sender} Nomor {letter.letter_number} tanggal {date_id(letter.letter_date)} "
            f"perihal {letter.subject}"
        )
    return "\n".join(lines)


def _default_task(place: str) -> str:
    return (
        f"Melaksanakan pelayanan dokumen kependudukan (SIJARLA) di Nagari {place}, "
        "mencatat setiap pelayanan by name by address, dan melaporkan hasilnya."
    )


# --- The Surat Tugas ---------------------------------------------------------------------------


def _checked_assignment(case: SopCase, draft: AssignmentDraft, today: dt.date) -> tuple[list[User], dict]:
    """The Surat Tugas' members, texts and period (from `today`, the day it is signed); every field
    that breaks a rule is refused at once."""
    problems = Problems()
    check = problems.check
    members = check(lambda: _assignment_members(draft.member_ids))
    nagari = case.nagari
    values = {
        "place": check(lambda: clean_text(draft.place, "Tempat", 200, field="place")),
        "task": check(
            lambda: clean_text(
                draft.task or _default_task(nagari.name if nagari else draft.place),
                "Untuk",
                2000,
                field="task",
                multiline=True,
            )
        ),
        "basis": check(
            lambda: clean_text(
                draft.basis or _default_basis(case), "Dasar", 2000, field="basis", multiline=True
            )
        ),
        "copies_to": check(
            lambda: clean_text(
                draft.copies_to, "Tembusan", 1000, field="copies_to", required=False, multiline=True
            )
        ),
    }
    calendar = office_calendar()
    problems.found.extend(date_rules.assignment_period(draft.start_on, draft.end_on, today, calendar))
    problems.raise_any()
    assert members is not None
    return members, values


def _assignment_members(member_ids: tuple[int, ...]) -> list[User]:
    if not member_ids:
        raise InvalidInput("Pilih anggota tim yang ditugaskan.", field="members")
    if len(set(member_ids)) != len(member_ids):
        raise InvalidInput("Seorang anggota tercantum dua kali.", field="members")
    users = {u.id: u for u in User.select().where(User.id.in_(list(member_ids)) & User.is_active)}
    missing = [i for i in member_ids if i not in users]
    if missing:
        raise InvalidInput("Anggota tim tidak dikenal atau tidak aktif.", field="members")
    return [users[i] for i in member_ids]
