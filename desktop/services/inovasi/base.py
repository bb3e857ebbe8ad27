"""What every innovation step uses: the innovation, its case, typed text, documents, files, meetings."""

from __future__ import annotations

import datetime as dt
import hashlib
import mimetypes
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from desktop.models import (
    Attachment,
    CaseStep,
    Innovation,
    InnovationDocument,
    Meeting,
    MeetingParticipant,
    NameOption,
    Role,
    SopCase,
    User,
    UserRole,
)
from desktop.models.base import now
from desktop.sections import read_sections, write_sections
from desktop.services import date_rules
from desktop.services.errors import InvalidInput, NotFound, WorkflowError
from desktop.services.inovasi.drafts import (
    FINALISASI,
    IDE,
    MAX_FILE_BYTES,
    IdeaDraft,
    MeetingView,
    ParticipantView,
)
from desktop.services.problems import Problems
from desktop.services.security.auth import require_role
from desktop.services.session import Session
from desktop.services.sop.definition import SopStep
from desktop.services.sop.workflow import (
    StepDone,
    advance,
    definition_of,
    get_case,
    stale,
)
from desktop.services.validation import clean_text


def _finalization_meeting(innovation_id: int) -> Meeting | None:
    return (
        Meeting.select()
        .where((Meeting.innovation == innovation_id) & (Meeting.step_code == FINALISASI))
        .order_by(Meeting.id.desc())
        .first()
    )


def _innovation(innovation_id: int) -> Innovation:
    innovation = Innovation.get_or_none(Innovation.id == innovation_id)
    if innovation is None:
        raise NotFound("Inovasi tidak ditemukan; mungkin sudah dihapus.")
    return innovation


def _begin(
    actor: Session,
    innovation_id: int,
    step_code: str,
    expected_version: int | None,
    roles: tuple[str, ...] = (),
) -> tuple[Innovation, SopCase, SopStep]:
    """Load the innovation, check the actor's role for the step, the case's version and its step."""
    innovation = _innovation(innovation_id)
    case = get_case(innovation.case_id)
    definition = definition_of(case)
    step = definition.step(step_code)
    require_role(actor, *(roles or step.roles))
    if expected_version is not None and case.version != expected_version:
        raise stale(case)
    if case.status != "berjalan":
        raise WorkflowError(f"Inovasi {case.reference} sudah {case.status}; tidak ada langkah lagi.")
    if case.current_step != step_code:
        now_at = definition.step(case.current_step).name
        raise WorkflowError(f"Inovasi {case.reference} sedang pada langkah {now_at}, bukan {step.name}.")
    # A no-op UPDATE holds the case row until commit on PostgreSQL (SQLite writers are serial
    # anyway), so an approval cannot slip in while the step is being closed, and vice versa.
    held = (
        SopCase.update(current_step=SopCase.current_step)
        .where((SopCase.id == case.id) & (SopCase.current_step == step_code) & (SopCase.status == "berjalan"))
        .execute()
    )
    if held != 1:
        raise stale(case)
    return innovation, case, step


def _advance(
    actor: Session, case: SopCase, action: str, expected_version: int, note: str, on: dt.date | None
) -> StepDone:
    return advance(actor, case, action, expected_version=expected_version, note=note, on=on)


def _stamp(on: dt.date | None) -> dt.datetime:
    return now() if on is None else dt.datetime.combine(on, now().time())


def _text(
    value: str | None,
    label: str,
    limit: Any,
    field: str,
    *,
    required: bool = True,
    multiline: bool = False,
) -> str:
    """clean_text with the limit of a model field (or a plain number)."""
    max_length = limit if isinstance(limit, int) else limit.max_length
    return clean_text(value, label, max_length, field=field, required=required, multiline=multiline)


def _document(
    actor: Session, innovation: Innovation, case: SopCase, step_code: str, body: str, on: dt.date | None
) -> InnovationDocument:
    step = definition_of(case).step(step_code)
    output = step.output
    kind, label = (output.code, output.label) if output else (step.code, step.name)
    title = f"{label}: {innovation.title}"[: InnovationDocument.title.max_length]
    if len(body) > InnovationDocument.body.max_length:
        raise InvalidInput(_too_long(label, body), field="body")
    return InnovationDocument.create(
        innovation=innovation.id,
        step_code=step_code,
        kind=kind,
        title=title,
        body=body,
        author=actor.user_id,
        written_at=_stamp(on),
    )


def _too_long(label: str, body: str) -> str:
    """Which part to shorten: a document is the sections of a form, and each field fits on its own."""
    limit = InnovationDocument.body.max_length
    message = f"{label} terlalu panjang: {len(body)} karakter, paling banyak {limit}."
    headed = [(heading, text) for heading, text in read_sections(body) if heading]
    if len(headed) < 2:
        return message
    longest = max(headed, key=lambda part: len(part[1]))[0]
    return (
        f"{message} Bagian-bagiannya bersama melebihi satu dokumen (baris yang berakhir dengan titik dua "
        f'atau diawali dua spasi dihitung dua karakter lebih). Persingkat bagian "{longest}".'
    )


def _attach(
    actor: Session, case: SopCase, step_code: str, filename: str, content: bytes, purpose: str
) -> Attachment:
    if not content:
        raise InvalidInput("Berkas lampiran kosong.", field=purpose)
    if len(content) > MAX_FILE_BYTES:
        raise InvalidInput("Berkas lampiran lebih dari 50 MB; perkecil berkasnya.", field=purpose)
    name = clean_text(Path(filename or "").name, "Nama berkas", Attachment.filename.max_length, field=purpose)
    mime = mimetypes.guess_type(name)[0] or "application/octet-stream"
    return Attachment.create(
        case=case.id,
        step_code=step_code,
        purpose=purpose,
        filename=name,
        mime_type=mime[: Attachment.mime_type.max_length],
        size_bytes=len(content),
        sha256=hashlib.sha256(content).hexdigest(),
        content=content,
        uploaded_by=actor.user_id,
    )


def _held_on(day: object, case: SopCase, on: dt.date | None) -> dt.date:
    """A meeting's day: since the idea was proposed, and not after today."""
    today = on or dt.date.today()
    first = min(case.opened_at.date(), today)
    return date_rules.within(day, first, today, today, "Tanggal rapat", "masa gagasan ini", field="held_on")


def _output_day(day: object, case: SopCase, on: dt.date | None) -> dt.date:
    """An output's day: since the innovation went into implementation, and not after today."""
    today = on or dt.date.today()
    entered = (
        CaseStep.select(CaseStep.acted_at)
        .where((CaseStep.case == case.id) & (CaseStep.next_step == case.current_step))
        .order_by(CaseStep.acted_at.desc())
        .first()
    )
    first = min(entered.acted_at.date() if entered else case.opened_at.date(), today)
    return date_rules.within(day, first, today, today, "Tanggal keluaran", "masa pelaksanaan", field="day")


def _participants(ids: Sequence[int], allowed: tuple[str, ...], who: str) -> list[User]:
    if not ids:
        raise InvalidInput("Pilih peserta rapat.", field="participants")
    if len(set(ids)) != len(ids):
        raise InvalidInput("Seorang peserta rapat tercantum dua kali.", field="participants")
    found = {u.id: u for u in User.select().where(User.id.in_(list(ids)) & User.is_active)}
    if len(found) != len(ids):
        raise InvalidInput("Peserta rapat tidak dikenal atau tidak aktif.", field="participants")
    users = [found[i] for i in ids]
    holders = _holders(users, allowed)
    outsiders = [u.full_name for u in users if u.id not in holders]
    if outsiders:
        raise InvalidInput(f"Peserta rapat harus {who}; bukan: {', '.join(outsiders)}.", field="participants")
    return users


def _holders(users: Sequence[User], roles: tuple[str, ...]) -> set[int]:
    """The ids of those users who hold one of the roles."""
    query = (
        UserRole.select(UserRole.user)
        .join(Role)
        .where(UserRole.user.in_([u.id for u in users]) & Role.code.in_(list(roles)))
    )
    return {row.user_id for row in query}


def _meeting(
    actor: Session,
    innovation: Innovation,
    step_code: str,
    held_on: dt.date,
    place: str,
    users: Sequence[User],
) -> Meeting:
    meeting = Meeting.create(
        innovation=innovation.id,
        step_code=step_code,
        held_on=held_on,
        place=_text(place, "Tempat rapat", Meeting.place, "place", required=False),
        chaired_by=actor.user_id,
    )
    for user in users:
        MeetingParticipant.create(meeting=meeting.id, user=user.id)
    return meeting


def _meeting_view(meeting_id: int) -> MeetingView:
    meeting = Meeting.get_by_id(meeting_id)
    rows = (
        MeetingParticipant.select(MeetingParticipant, User)
        .join(User)
        .where(MeetingParticipant.meeting == meeting_id)
        .order_by(MeetingParticipant.id)
    )
    participants = tuple(
        ParticipantView(r.user_id, r.user.full_name, r.approved, r.approved_at, r.comment) for r in rows
    )
    return MeetingView(
        meeting.id, meeting.step_code, meeting.held_on, meeting.place, meeting.decision, participants
    )


def _date(value) -> dt.date | None:
    """A date from an aggregate (SQLite returns text for MIN/MAX of a date column)."""
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def _clean_idea(draft: IdeaDraft) -> dict:
    """The idea's texts; every field that breaks a rule is refused at once (InvalidFields)."""
    problems = Problems()
    check = problems.check
    values = {
        "title": check(lambda: _text(draft.title, "Judul gagasan", Innovation.title, "title")),
        "problem": check(
            lambda: _text(draft.problem, "Permasalahan", Innovation.problem, "problem", multiline=True)
        ),
        "target": check(lambda: _text(draft.target, "Sasaran", Innovation.target, "target", multiline=True)),
        "pointers": check(
            lambda: _text(draft.pointers, "Pointers konsep", Innovation.pointers, "pointers", multiline=True)
        ),
    }
    problems.raise_any()
    return values


def _write_pointers(
    actor: Session, innovation: Innovation, case: SopCase, draft: IdeaDraft, on: dt.date | None
) -> None:
    body = write_sections(
        [
            ("Permasalahan", innovation.problem),
            ("Sasaran", innovation.target),
            ("Pointers konsep", innovation.pointers),
        ]
    )
    _document(actor, innovation, case, IDE, body, on)
    for filename, content in draft.attachments:
        _attach(actor, case, IDE, filename, content, "lampiran")


def _name_options(alternatives: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
    if not alternatives:
        raise InvalidInput("Tuliskan paling sedikit satu alternatif nama inovasi.", field="alternatives")
    options: list[tuple[str, str]] = []
    seen: set[str] = set()
    for name, meaning in alternatives:
        clean_name = clean_text(name, "Alternatif nama", NameOption.name.max_length, field="alternatives")
        if clean_name.casefold() in seen:
            raise InvalidInput(f"Alternatif nama '{clean_name}' tercantum dua kali.", field="alternatives")
        seen.add(clean_name.casefold())
        options.append(
            (
                clean_name,
                clean_text(meaning, "Makna nama", NameOption.meaning.max_length, required=False),
            )
        )
    return options
