"""The SIJARLA (Sistem Kejar Bola) use cases, from the Surat Permohonan to the team's report.

Each public function is one use case: it runs in one transaction, checks the acting user's
role itself (through the SOP engine), writes the audit log and returns plain dataclasses.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import mimetypes
import secrets
from dataclasses import asdict, dataclass, field
from pathlib import Path

from desktop import roles as R
from desktop.models import (
    AssignmentLetter,
    AssignmentMember,
    Attachment,
    AuditLog,
    Disposition,
    IncomingLetter,
    Nagari,
    PreparationCheck,
    Report,
    RequestedService,
    ServiceCategory,
    SopCase,
    Team,
    TeamMember,
    User,
    db,
)
from desktop.models.base import now
from desktop.services.errors import InvalidInput, NotFound, PermissionDenied, StaleRecord, WorkflowError
from desktop.services.office.numbering import take_number
from desktop.services.security import audit, db_logins
from desktop.services.security.auth import require_role, verify_password_again
from desktop.services.session import Session
from desktop.services.sop.workflow import advance, builtin_sops, get_case, open_case, requirement_check, stale
from desktop.services.validation import clean_code, clean_text

SOP_CODE = "sijarla"
MAX_SCAN_BYTES = 50 * 1024 * 1024
SIFAT = ("biasa", "segera", "sangat_segera", "rahasia")
DISPOSITION_REQUESTS = {
    "tanggapan_saran": "Tanggapan dan saran",
    "proses_lanjut": "Proses lebih lanjut",
    "koordinasi": "Koordinasi / konfirmasikan",
    "untuk_diketahui": "Untuk diketahui",
    "siapkan_tim": "Siapkan tim dan jadwal",
}
PREPARATION_ITEMS = {
    "siak_data": "Pengecekan data di SIAK Terpusat",
    "alat_perekaman": "Kesiapan alat perekaman",
    "kesiapan_nagari": "Kesiapan nagari dan komunikasi dengan pihak terkait",
}

# --- Drafts (what the user typed) and results ---------------------------------------------


@dataclass(frozen=True)
class ScanFile:
    filename: str
    content: bytes
    mime_type: str = ""


@dataclass(frozen=True)
class LetterDraft:
    letter_number: str
    letter_date: dt.date
    sender: str
    nagari_id: int
    subject: str
    requested: dict[str, int]  # service category code -> estimated people
    sifat: str = "biasa"
    estimated_people: int = 0
    scan: ScanFile | None = None


@dataclass(frozen=True)
class LetterReceipt:
    """What the front desk prints on the receipt."""

    case_id: int
    case_reference: str
    agenda_number: str
    tracking_code: str
    received_at: dt.datetime
    letter_number: str
    sender: str
    nagari: str
    kecamatan: str
    subject: str
    due_on: dt.date | None
    requested: tuple[tuple[str, int], ...]


@dataclass(frozen=True)
class DispositionDraft:
    instructions: str
    team_id: int
    deadline: dt.date
    forwarded_to: str = "Ketua Tim SIJARLA"
    requests: tuple[str, ...] = ("proses_lanjut",)
    sifat: str = "biasa"


@dataclass(frozen=True)
class SignedDisposition:
    id: int
    case_id: int
    signed_by: str
    signed_at: dt.datetime
    signature_sha256: str
    version: int


@dataclass(frozen=True)
class AssignmentDraft:
    member_ids: tuple[int, ...]  # first is the team leader
    place: str
    start_on: dt.date
    end_on: dt.date
    task: str = ""
    basis: str = ""
    copies_to: str = "Bupati Solok (sebagai laporan)\nArsip"


@dataclass(frozen=True)
class IssuedAssignment:
    id: int
    case_id: int
    number: str
    members: tuple[str, ...]
    signed_by: str
    signed_at: dt.datetime


@dataclass(frozen=True)
class ReportDraft:
    introduction: str
    activities: str
    conclusion: str
    closing: str = "Demikian laporan ini disampaikan untuk dapat dipergunakan sebagaimana mestinya."


@dataclass
class CaseSummary:
    id: int
    reference: str
    title: str
    current_step: str
    status: str
    due_on: dt.date | None
    step_due_on: dt.date | None
    version: int
    nagari: str = ""
    team: str = ""
    extra: dict = field(default_factory=dict)


# --- Front desk ----------------------------------------------------------------------------


def register_letter(actor: Session, draft: LetterDraft, *, on: dt.date | None = None) -> LetterReceipt:
    """Register a Surat Permohonan, open its SIJARLA case and return the receipt's data."""
    definition = builtin_sops()[SOP_CODE]
    with db.atomic():
        require_role(actor, *definition.first_step.roles)
        nagari = _nagari(draft.nagari_id)
        values = _clean_letter(draft)
        categories = _categories(draft.requested)
        today = on or dt.date.today()
        case = open_case(
            actor,
            definition,
            reference=take_number("kasus_sijarla", today),
            title=values["subject"],
            origin="surat",
            nagari_id=nagari.id,
            on=on,
        )
        letter = IncomingLetter.create(
            case=case.id,
            agenda_number=take_number("agenda", today),
            tracking_code=_tracking_code(),
            registered_by=actor.user_id,
            nagari=nagari.id,
            received_at=case.opened_at,
            **values,
        )
        for category, count in categories:
            RequestedService.create(letter=letter.id, category=category.id, estimated_count=count)
        if draft.scan is not None:
            _attach(actor, case, letter, draft.scan, "scan_permohonan")
        advance(actor, case, "selesai", note=f"Agenda {letter.agenda_number}", on=on)
        audit.record(actor, "surat_masuk_dicatat", "incoming_letter", letter.id, agenda=letter.agenda_number)
        return _receipt(letter)


def _clean_letter(draft: LetterDraft) -> dict:
    if draft.sifat not in SIFAT:
        raise InvalidInput("Sifat surat tidak dikenal.", field="sifat")
    if draft.letter_date > dt.date.today() + dt.timedelta(days=1):
        raise InvalidInput("Tanggal surat tidak boleh di masa depan.", field="letter_date")
    if not 0 <= draft.estimated_people <= 100_000:
        raise InvalidInput("Perkiraan jumlah orang 0 sampai 100.000.", field="estimated_people")
    return {
        "letter_number": clean_text(draft.letter_number, "Nomor surat", 80, field="letter_number"),
        "letter_date": draft.letter_date,
        "sender": clean_text(draft.sender, "Pengirim", 160, field="sender"),
        "subject": clean_text(draft.subject, "Perihal", 300, field="subject"),
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


def _attach(actor: Session, case: SopCase, letter, scan: ScanFile, purpose: str) -> Attachment:
    if not scan.content:
        raise InvalidInput("Berkas pindaian kosong.", field="scan")
    if len(scan.content) > MAX_SCAN_BYTES:
        raise InvalidInput(
            "Berkas pindaian lebih dari 50 MB; pindai ulang dengan resolusi lebih kecil.", field="scan"
        )
    filename = clean_text(Path(scan.filename).name, "Nama berkas", 255, field="scan")
    mime = scan.mime_type or mimetypes.guess_type(filename)[0] or "application/octet-stream"
    return Attachment.create(
        case=case.id,
        letter=letter.id if letter else None,
        step_code=case.current_step,
        purpose=purpose,
        filename=filename,
        mime_type=mime[:100],
        size_bytes=len(scan.content),
        sha256=hashlib.sha256(scan.content).hexdigest(),
        content=scan.content,
        uploaded_by=actor.user_id,
    )


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
        letter_number=letter.letter_number,
        sender=letter.sender,
        nagari=nagari.name,
        kecamatan=nagari.kecamatan.name,
        subject=letter.subject,
        due_on=case.due_on,
        requested=requested,
    )


def receipt_for(actor: Session, case_id: int) -> LetterReceipt:
    """The receipt data again, for a reprint."""
    require_role(actor, R.FRONT_DESK, R.KABID_PELAYANAN, R.KEPALA_DINAS)
    letter = IncomingLetter.get_or_none(IncomingLetter.case == case_id)
    if letter is None:
        raise NotFound("Kasus ini tidak berasal dari surat permohonan.")
    audit.record(actor, "tanda_terima_dibaca", "incoming_letter", letter.id)
    return _receipt(letter)


# --- Kepala Dinas: a case from the analysis of low coverage ---------------------------------


def open_from_analysis(
    actor: Session, nagari_id: int, reason: str, *, on: dt.date | None = None
) -> CaseSummary:
    """Open a case without a letter, from the Kepala Dinas' analysis of low registration coverage."""
    definition = builtin_sops()[SOP_CODE]
    with db.atomic():
        require_role(actor, R.KEPALA_DINAS)
        nagari = _nagari(nagari_id)
        text = clean_text(reason, "Dasar analisis", 300, field="reason")
        case = open_case(
            actor,
            definition,
            reference=take_number("kasus_sijarla", on or dt.date.today()),
            title=f"Capaian adminduk rendah: {nagari.name}. {text}"[:300],
            origin="analisis",
            nagari_id=nagari.id,
            on=on,
        )
        return summarize(case)


# --- Kabid Pelayanan: check, return, dispose and sign ----------------------------------------


def return_request(actor: Session, case_id: int, reason: str, expected_version: int) -> CaseSummary:
    """Send a request back to the front desk with a reason (e.g. the letter is incomplete)."""
    with db.atomic():
        case = get_case(case_id)
        text = clean_text(reason, "Alasan pengembalian", 1000, field="reason", multiline=True)
        advance(actor, case, "kembalikan", expected_version=expected_version, note=text)
        return summarize(get_case(case_id))


def resubmit_request(actor: Session, case_id: int, note: str, expected_version: int) -> CaseSummary:
    """The front desk sends a returned request back to the Kabid once it is complete."""
    with db.atomic():
        case = get_case(case_id)
        text = clean_text(note, "Catatan", 1000, field="note", required=False, multiline=True)
        advance(actor, case, "selesai", expected_version=expected_version, note=text)
        return summarize(get_case(case_id))


def save_disposition(
    actor: Session, case_id: int, draft: DispositionDraft, expected_version: int | None = None
) -> int:
    """Write or rewrite the unsigned disposition of a case; returns its id."""
    with db.atomic():
        case = get_case(case_id)
        require_role(actor, R.KABID_PELAYANAN)
        if case.current_step != "disposisi" or case.status != "berjalan":
            raise WorkflowError("Disposisi hanya dapat ditulis saat kasus menunggu disposisi.")
        values = _clean_disposition(draft)
        existing = Disposition.get_or_none((Disposition.case == case.id) & Disposition.signed_at.is_null())
        if existing is None:
            letter = IncomingLetter.get_or_none(IncomingLetter.case == case.id)
            row = Disposition.create(case=case.id, letter=letter, drafted_by=actor.user_id, **values)
            audit.record(actor, "disposisi_ditulis", "disposition", row.id)
            return row.id
        version = existing.version if expected_version is None else expected_version
        updated = (
            Disposition.update(version=Disposition.version + 1, updated_at=now(), **values)
            .where((Disposition.id == existing.id) & (Disposition.version == version))
            .where(Disposition.signed_at.is_null())
            .execute()
        )
        if updated != 1:
            raise _stale_row(existing, "Disposisi")
        audit.record(actor, "disposisi_diubah", "disposition", existing.id)
        return existing.id


def _clean_disposition(draft: DispositionDraft) -> dict:
    if draft.sifat not in SIFAT:
        raise InvalidInput("Sifat disposisi tidak dikenal.", field="sifat")
    unknown = [r for r in draft.requests if r not in DISPOSITION_REQUESTS]
    if unknown or not draft.requests:
        raise InvalidInput("Pilih paling sedikit satu 'dengan hormat harap' yang dikenal.", field="requests")
    team = Team.get_or_none(Team.id == draft.team_id)
    if team is None or not team.is_active:
        raise InvalidInput("Tim SIJARLA tidak dikenal atau tidak aktif.", field="team")
    if draft.deadline < dt.date.today() - dt.timedelta(days=366):
        raise InvalidInput("Batas waktu tidak masuk akal.", field="deadline")
    return {
        "instructions": clean_text(
            draft.instructions, "Isi disposisi", 4000, field="instructions", multiline=True
        ),
        "forwarded_to": clean_text(draft.forwarded_to, "Diteruskan kepada", 200, field="forwarded_to"),
        "requests": ",".join(draft.requests),
        "sifat": draft.sifat,
        "team": team.id,
        "deadline": draft.deadline,
    }


def _signature(payload: dict) -> str:
    canonical = json.dumps(payload, sort_keys=True, ensure_ascii=False, default=str, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def disposition_payload(d: Disposition, signer_id: int, signed_at: dt.datetime) -> dict:
    """The content a disposition signature covers."""
    return {
        "disposisi": d.id,
        "kasus": d.case_id,
        "surat": d.letter_id,
        "sifat": d.sifat,
        "diteruskan": d.forwarded_to,
        "harap": d.requests,
        "isi": d.instructions,
        "tim": d.team_id,
        "batas": d.deadline.isoformat(),
        "penandatangan": signer_id,
        "waktu": signed_at.isoformat(),
    }


def sign_disposition(
    actor: Session, disposition_id: int, password: str, expected_version: int, *, on: dt.date | None = None
) -> SignedDisposition:
    """Sign a disposition (password asked again); it becomes read-only and the case moves on."""
    verify_password_again(actor, password)  # before the transaction: a wrong password stays counted
    with db.atomic():
        require_role(actor, R.KABID_PELAYANAN)
        d = Disposition.get_or_none(Disposition.id == disposition_id)
        if d is None:
            raise NotFound("Disposisi tidak ditemukan.")
        if d.signed_at is not None:
            raise WorkflowError(f"Disposisi ini sudah ditandatangani pada {d.signed_at:%d-%m-%Y %H:%M}.")
        signed_at = now() if on is None else dt.datetime.combine(on, now().time())
        digest = _signature(disposition_payload(d, actor.user_id, signed_at))
        if not db_logins.sign_row(Disposition, d.id, expected_version, actor.user_id, signed_at, digest):
            raise _stale_row(d, "Disposisi")
        case = get_case(d.case_id)
        SopCase.update(team=d.team_id).where(SopCase.id == case.id).execute()
        advance(actor, case, "selesai", note=f"Disposisi ditandatangani ({digest[:12]})", on=on)
        audit.record(actor, "disposisi_ditandatangani", "disposition", d.id, sha256=digest)
        return SignedDisposition(d.id, case.id, actor.full_name, signed_at, digest, expected_version + 1)


@requirement_check("surat_permohonan")
def _letter_registered(case: SopCase) -> str | None:
    exists = IncomingLetter.select().where(IncomingLetter.case == case.id).exists()
    return None if exists else "Surat Permohonan belum dicatat."


@requirement_check("kesiapan_tim")
def _team_ready(case: SopCase) -> str | None:
    d = Disposition.get_or_none((Disposition.case == case.id) & Disposition.signed_at.is_null(False))
    team_id = d.team_id if d else case.team_id
    if team_id is None:
        d = Disposition.get_or_none(Disposition.case == case.id)
        team_id = d.team_id if d else None
    if team_id is None:
        return "Belum ada tim yang ditugaskan."
    members = TeamMember.select().where(TeamMember.team == team_id)
    if not any(m.is_leader for m in members):
        return "Tim belum memiliki ketua."
    return None


# The audit lines that record a change of a row, by model: who wrote the latest one changed it last.
_CHANGE_ACTIONS = {
    Disposition: ("disposition", ("disposisi_ditulis", "disposisi_diubah", "disposisi_ditandatangani"))
}


def _last_editor(entity: str, entity_id: int, actions: tuple[str, ...], **detail: str) -> str | None:
    """The full name of whoever made the latest of these changes (matching `detail`), from the audit log."""
    lines = (
        AuditLog.select(AuditLog.user_id, AuditLog.username, AuditLog.detail)
        .where((AuditLog.entity == entity) & (AuditLog.entity_id == entity_id) & AuditLog.action.in_(actions))
        .order_by(AuditLog.id.desc())
        .limit(200)
    )
    for line in lines:
        if detail:
            try:
                recorded = json.loads(line.detail or "{}")
            except ValueError:
                continue
            if any(recorded.get(key) != value for key, value in detail.items()):
                continue
        user = User.get_or_none(User.id == line.user_id) if line.user_id else None
        return user.full_name if user else line.username
    return None


def _stale_row(row, label: str) -> StaleRecord:
    fresh = type(row).get_or_none(type(row).id == row.id)
    if fresh is None:
        return StaleRecord(f"{label} sudah dihapus oleh pengguna lain.")
    changes = _CHANGE_ACTIONS.get(type(row))
    who = (_last_editor(changes[0], row.id, changes[1]) if changes else None) or "pengguna lain"
    for attr in ("signed_by_id", "drafted_by_id", "recorded_by_id"):
        if who != "pengguna lain":
            break
        if getattr(fresh, attr, None):
            who = User.get_by_id(getattr(fresh, attr)).full_name
    return StaleRecord(
        f"Data ini sudah diubah oleh {who} pada {fresh.updated_at:%d-%m-%Y %H:%M}. "
        "Muat ulang, lalu terapkan kembali isian Anda (isian Anda tidak hilang)."
    )


# --- Kepala Dinas: Surat Tugas ---------------------------------------------------------------


def issue_assignment(
    actor: Session,
    case_id: int,
    draft: AssignmentDraft,
    password: str,
    expected_version: int,
    *,
    on: dt.date | None = None,
) -> IssuedAssignment:
    """Issue and sign the Surat Tugas for the case's team; the team can start preparing."""
    verify_password_again(actor, password)  # before the transaction: a wrong password stays counted
    with db.atomic():
        require_role(actor, R.KEPALA_DINAS)
        case = get_case(case_id)
        if case.current_step != "surat_tugas":
            raise WorkflowError("Surat Tugas hanya dapat diterbitkan setelah disposisi ditandatangani.")
        if case.version != expected_version:
            raise stale(case)
        members = _assignment_members(draft.member_ids)
        if draft.end_on < draft.start_on:
            raise InvalidInput("Tanggal selesai tidak boleh sebelum tanggal mulai.", field="end_on")
        today = on or dt.date.today()
        nagari = case.nagari
        place = clean_text(draft.place, "Tempat", 200, field="place")
        letter = AssignmentLetter.create(
            case=case.id,
            number=take_number("surat_tugas", today),
            basis=clean_text(
                draft.basis or _default_basis(case), "Dasar", 2000, field="basis", multiline=True
            ),
            task=clean_text(
                draft.task or _default_task(nagari.name if nagari else place),
                "Untuk",
                2000,
                field="task",
                multiline=True,
            ),
            place=place,
            start_on=draft.start_on,
            end_on=draft.end_on,
            copies_to=clean_text(
                draft.copies_to, "Tembusan", 1000, field="copies_to", required=False, multiline=True
            ),
            drafted_by=actor.user_id,
        )
        for position, user in enumerate(members, start=1):
            AssignmentMember.create(
                letter=letter.id,
                user=user.id,
                position=position,
                full_name=user.full_name,
                nip=user.nip,
                pangkat_golongan=user.pangkat_golongan,
                jabatan=user.jabatan,
                is_leader=position == 1,
            )
        signed_at = now() if on is None else dt.datetime.combine(on, now().time())
        payload = {
            "surat_tugas": letter.id,
            "nomor": letter.number,
            "anggota": [u.id for u in members],
            "untuk": letter.task,
            "tempat": letter.place,
            "mulai": str(letter.start_on),
            "selesai": str(letter.end_on),
            "penandatangan": actor.user_id,
            "waktu": signed_at.isoformat(),
        }
        digest = _signature(payload)
        if not db_logins.sign_row(
            AssignmentLetter, letter.id, letter.version, actor.user_id, signed_at, digest
        ):
            raise _stale_row(letter, "Surat Tugas")
        _create_checklist(case)
        advance(
            actor,
            case,
            "selesai",
            expected_version=expected_version,
            note=f"Surat Tugas {letter.number}",
            on=on,
        )
        audit.record(actor, "surat_tugas_diterbitkan", "assignment_letter", letter.id, nomor=letter.number)
        return IssuedAssignment(
            letter.id, case.id, letter.number, tuple(u.full_name for u in members), actor.full_name, signed_at
        )


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


def _default_basis(case: SopCase) -> str:
    letter = IncomingLetter.get_or_none(IncomingLetter.case == case.id)
    lines = ["Standar Operasional Prosedur Inovasi SIJARLA (Sistem Kejar Bola)"]
    if letter:
        lines.append(
            f"Surat {letter.sender} Nomor {letter.letter_number} tanggal {letter.letter_date:%d-%m-%Y} "
            f"perihal {letter.subject}"
        )
    return "\n".join(lines)


def _default_task(place: str) -> str:
    return (
        f"Melaksanakan pelayanan dokumen kependudukan (SIJARLA) di Nagari {place}, "
        "mencatat setiap pelayanan by name by address, dan melaporkan hasilnya."
    )


def _create_checklist(case: SopCase) -> None:
    for item, label in PREPARATION_ITEMS.items():
        PreparationCheck.insert(case=case.id, item=item, label=label).on_conflict_ignore().execute()


# --- Tim SIJARLA: preparation -------------------------------------------------------------------


def _require_team_member(actor: Session, case: SopCase, *, leader: bool = False) -> None:
    require_role(actor, R.KETUA_TIM if leader else R.ANGGOTA_TIM, R.KETUA_TIM)
    link = TeamMember.get_or_none((TeamMember.team == case.team_id) & (TeamMember.user == actor.user_id))
    if link is None or (leader and not link.is_leader):
        who = "ketua tim" if leader else "anggota tim"
        raise PermissionDenied(
            f"Hanya {who} yang ditugaskan pada kasus {case.reference} yang dapat melakukannya."
        )


def check_preparation(
    actor: Session, case_id: int, item: str, done: bool, note: str, expected_version: int
) -> int:
    """Tick or untick a preparation item (who, when and a note are kept); returns the new version."""
    with db.atomic():
        case = get_case(case_id)
        if case.current_step != "persiapan":
            raise WorkflowError("Daftar persiapan hanya dapat diisi pada tahap persiapan.")
        _require_team_member(actor, case)
        row = PreparationCheck.get_or_none(
            (PreparationCheck.case == case.id)
            & (PreparationCheck.item == clean_code(item, "Butir persiapan", field="item"))
        )
        if row is None:
            raise NotFound("Butir persiapan tidak dikenal.")
        text = clean_text(note, "Catatan", 1000, field="note", required=False, multiline=True)
        updated = (
            PreparationCheck.update(
                is_done=done,
                note=text,
                checked_by=actor.user_id if done else None,
                checked_at=now() if done else None,
                version=PreparationCheck.version + 1,
                updated_at=now(),
            )
            .where((PreparationCheck.id == row.id) & (PreparationCheck.version == expected_version))
            .execute()
        )
        if updated != 1:
            raise _stale_preparation(case, row)
        audit.record(
            actor, "persiapan_dicentang" if done else "persiapan_dibatalkan", "sop_case", case.id, butir=item
        )
        return expected_version + 1


def _stale_preparation(case: SopCase, row: PreparationCheck) -> StaleRecord:
    """The refusal of a tick someone else changed meanwhile, naming who and when."""
    fresh = PreparationCheck.get_by_id(row.id)
    actions = ("persiapan_dicentang", "persiapan_dibatalkan")
    who = _last_editor("sop_case", case.id, actions, butir=row.item) or "pengguna lain"
    return StaleRecord(
        f"Butir '{row.label}' sudah diubah oleh {who} pada {fresh.updated_at:%d-%m-%Y %H:%M}. "
        "Muat ulang daftar persiapan, lalu terapkan kembali isian Anda."
    )


def _preparation_missing(case: SopCase, item: str) -> str | None:
    row = PreparationCheck.get_or_none((PreparationCheck.case == case.id) & (PreparationCheck.item == item))
    return None if row is not None and row.is_done else "Belum dicentang pada daftar persiapan."


def _checklist_item(item: str) -> None:
    def check(case: SopCase) -> str | None:
        return _preparation_missing(case, item)

    requirement_check(item)(check)


for _item in PREPARATION_ITEMS:
    _checklist_item(_item)


def finish_preparation(
    actor: Session, case_id: int, expected_version: int, note: str = "", *, on: dt.date | None = None
) -> CaseSummary:
    """The team leader closes preparation once every item is done; the team goes to the field."""
    with db.atomic():
        case = get_case(case_id)
        _require_team_member(actor, case, leader=True)
        text = clean_text(note, "Catatan", 1000, required=False, multiline=True)
        advance(actor, case, "selesai", expected_version=expected_version, note=text, on=on)
        return summarize(get_case(case_id))


# --- Report -----------------------------------------------------------------------------------


def submit_report(
    actor: Session, case_id: int, draft: ReportDraft, expected_version: int, *, on: dt.date | None = None
) -> CaseSummary:
    """The team leader submits the Laporan Pelaksanaan to the Ketua Pelaksana Harian."""
    from desktop.models import ServiceRecord

    with db.atomic():
        case = get_case(case_id)
        if case.current_step != "pelayanan":
            raise WorkflowError("Laporan hanya dapat disampaikan pada tahap pelayanan.")
        _require_team_member(actor, case, leader=True)
        if not ServiceRecord.select().where(ServiceRecord.case == case.id).exists():
            raise WorkflowError(
                "Belum ada data pelayanan by name by address; laporan tidak dapat disampaikan."
            )
        values = {
            "introduction": clean_text(draft.introduction, "A. Pendahuluan", 4000, multiline=True),
            "activities": clean_text(draft.activities, "B. Kegiatan", 8000, multiline=True),
            "conclusion": clean_text(draft.conclusion, "D. Simpulan dan saran", 4000, multiline=True),
            "closing": clean_text(draft.closing, "E. Penutup", 2000, multiline=True),
        }
        Report.insert(case=case.id, submitted_by=actor.user_id, submitted_at=now(), **values).on_conflict(
            conflict_target=[Report.case],
            update={
                **values,
                "submitted_by": actor.user_id,
                "submitted_at": now(),
                "version": Report.version + 1,
            },
        ).execute()
        advance(actor, case, "selesai", expected_version=expected_version, note="Laporan disampaikan", on=on)
        return summarize(get_case(case_id))


# --- Reading ------------------------------------------------------------------------------------


def summarize(case: SopCase) -> CaseSummary:
    return CaseSummary(
        id=case.id,
        reference=case.reference,
        title=case.title,
        current_step=case.current_step,
        status=case.status,
        due_on=case.due_on,
        step_due_on=case.step_due_on,
        version=case.version,
        nagari=case.nagari.name if case.nagari_id else "",
        team=case.team.name if case.team_id else "",
    )


def case_summary(case_id: int) -> CaseSummary:
    return summarize(get_case(case_id))


def dict_of(obj) -> dict:
    return asdict(obj)
