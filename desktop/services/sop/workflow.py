"""The SOP engine: cases run any SOP file, step by step, by the step's own pelaksana.

A step can only be done by a user holding one of its roles, only while the case stands at
that step, and only when its requirements are met. Requirements the app can check itself
(a checklist done, a team assigned) are checked by registered functions; any other
requirement of an SOP file must be confirmed by the acting user. Every transition bumps
the case's version in one UPDATE ... WHERE version = ?, so two users cannot both move
the same case.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from desktop.models import CaseStep, Holiday, IssuedDocument, Sop, SopCase, User
from desktop.models.base import now
from desktop.services.errors import NotFound, StaleRecord, WorkflowError
from desktop.services.security import audit
from desktop.services.security.auth import require_role
from desktop.services.session import Session
from desktop.services.sop.definition import END, REJECTED, SopDefinition, SopStep
from desktop.services.sop.loader import load_builtin_sops, load_sop_text
from desktop.services.sop.workdays import WorkCalendar
from desktop.services.validation import fold

RequirementCheck = Callable[[SopCase], str | None]
_REQUIREMENT_CHECKS: dict[str, RequirementCheck] = {}


def requirement_check(code: str) -> Callable[[RequirementCheck], RequirementCheck]:
    """Register how the app checks a requirement code by itself (returns a reason when unmet)."""

    def register(fn: RequirementCheck) -> RequirementCheck:
        _REQUIREMENT_CHECKS[code] = fn
        return fn

    return register


@functools.cache
def builtin_sops() -> dict[str, SopDefinition]:
    return load_builtin_sops()


@functools.lru_cache(maxsize=32)
def _parse(text: str, name: str) -> SopDefinition:
    return load_sop_text(text, name)


def known_sops() -> dict[str, SopDefinition]:
    """The built-in SOPs, and any other SOP a case has been opened under (its stored text)."""
    found = dict(builtin_sops())
    for row in Sop.select(Sop.code, Sop.definition).order_by(Sop.id.desc()):
        if row.code not in found:
            found[row.code] = _parse(row.definition, f"{row.code}.toml")
    return found


def definition_of(case: SopCase) -> SopDefinition:
    """The SOP definition a case runs under (the exact text stored when it was opened)."""
    sop = case.sop
    return _parse(sop.definition, f"{sop.code}.toml")


def sop_row(definition: SopDefinition) -> Sop:
    """The stored copy of a definition, added the first time a case runs under it."""
    row = Sop.get_or_none((Sop.code == definition.code) & (Sop.source_sha256 == definition.sha256))
    if row is None:
        row = Sop.create(
            code=definition.code,
            number=definition.number,
            title=definition.title,
            source_sha256=definition.sha256,
            definition=definition.source_text,
        )
    return row


def office_calendar() -> WorkCalendar:
    """Working days of this office: weekends and the holidays table are off."""
    return WorkCalendar(h.day for h in Holiday.select(Holiday.day))


def deadline(calendar: WorkCalendar, start: dt.date, days: int | None) -> dt.date | None:
    return None if days is None else calendar.add_working_days(start, days)


def effective_due(case: SopCase, definition: SopDefinition | None = None) -> dt.date | None:
    """The deadline that matters now: the step's own, else the SOP's overall limit until its step is done."""
    if case.status != "berjalan":
        return None
    if case.step_due_on:
        return case.step_due_on
    definition = definition or definition_of(case)
    limit = definition.time_limit
    if case.due_on is None or limit is None:
        return case.due_on
    order = [s.code for s in definition.steps]
    if case.current_step in order and order.index(case.current_step) > order.index(limit.until_step):
        return None  # the SOP's limit was about the steps already done
    return case.due_on


def sla_status(
    case: SopCase, today: dt.date | None = None, calendar: WorkCalendar | None = None
) -> str | None:
    """'tepat_waktu', 'jatuh_tempo_hari_ini' or 'terlambat' for a running case with a limit."""
    due = effective_due(case)
    if due is None:
        return None
    return (calendar or office_calendar()).status(due, today or dt.date.today())


@dataclass(frozen=True)
class StepDone:
    case_id: int
    step_code: str
    action: str
    next_step: str | None
    case_version: int
    output_label: str


def open_case(
    actor: Session,
    definition: SopDefinition,
    *,
    reference: str,
    title: str,
    origin: str,
    nagari_id: int | None = None,
    on: dt.date | None = None,
    origin_note: str = "",
) -> SopCase:
    """Start a case at the step the SOP declares for its origin. Call inside db.atomic()."""
    try:
        start = definition.start(origin)
    except KeyError as exc:
        raise WorkflowError(f"SOP {definition.title} tidak dapat dimulai dari '{origin}'.") from exc
    step = definition.step(start.step)
    require_role(actor, *(start.roles or step.roles))
    calendar = office_calendar()
    opened = on or dt.date.today()
    case = SopCase.create(
        sop=sop_row(definition),
        reference=reference,
        title=title,
        title_fold=fold(title),
        origin=origin,
        origin_note=origin_note,
        nagari=nagari_id,
        current_step=step.code,
        opened_by=actor.user_id,
        opened_at=now() if on is None else dt.datetime.combine(on, now().time()),
        due_on=deadline(calendar, opened, definition.time_limit_days),
        step_due_on=deadline(calendar, opened, step.time_limit_days),
    )
    audit.record(actor, "kasus_dibuka", "sop_case", case.id, sop=definition.code, langkah=step.code)
    return case


def advance(
    actor: Session,
    case: SopCase,
    action: str,
    *,
    expected_version: int | None = None,
    note: str = "",
    document: IssuedDocument | None = None,
    confirmed: Iterable[str] = (),
    on: dt.date | None = None,
) -> StepDone:
    """Perform the case's current step with `action`. Call inside db.atomic()."""
    definition = definition_of(case)
    step = definition.step(case.current_step)
    if expected_version is not None and case.version != expected_version:
        # Someone moved the case after the caller read it: say who and when, rather than that
        # the step it stands at now is not the caller's (which would read as a refusal of rights).
        raise stale(case)
    if case.status != "berjalan":
        raise WorkflowError(
            f"Kasus {case.reference} sudah {case.status}; tidak ada langkah yang dapat dilakukan."
        )
    require_role(actor, *step.roles)
    transition = definition.transition(step.code, action)
    if transition is None:
        allowed = ", ".join(t.action for t in step.transitions)
        raise WorkflowError(
            f"Tindakan '{action}' tidak ada pada langkah {step.name}. Yang tersedia: {allowed}."
        )
    if transition.roles:
        require_role(actor, *transition.roles)
    if transition.needs_reason and not note.strip():
        raise WorkflowError(f"'{transition.label}' wajib disertai alasan.")
    if transition.checks_requirements:
        _check_requirements(step, case, set(confirmed))
    return _move(actor, case, step, transition.action, transition.to, expected_version, note, document, on)


def _check_requirements(step: SopStep, case: SopCase, confirmed: set[str]) -> None:
    for requirement in step.requirements:
        if requirement.kind == "kelengkapan" and not requirement.checklist:
            continue  # equipment the step needs (SIAK, a computer): shown, not enforced
        check = _REQUIREMENT_CHECKS.get(requirement.code)
        if check is not None:
            reason = check(case)
            if reason:
                raise WorkflowError(f"Persyaratan belum terpenuhi: {requirement.label}. {reason}")
        elif requirement.code not in confirmed:
            raise WorkflowError(f"Persyaratan belum dikonfirmasi: {requirement.label}.")


def _move(
    actor: Session,
    case: SopCase,
    step: SopStep,
    action: str,
    target: str,
    expected_version: int | None,
    note: str,
    document: IssuedDocument | None,
    on: dt.date | None,
) -> StepDone:
    definition = definition_of(case)
    today = on or dt.date.today()
    stamp = now() if on is None else dt.datetime.combine(on, now().time())
    version = case.version if expected_version is None else expected_version
    changes: dict = {"version": SopCase.version + 1, "updated_at": now()}
    next_step: str | None = None
    if target == END:
        changes.update(status="selesai", closed_at=stamp, step_due_on=None)
    elif target == REJECTED:
        changes.update(status="ditolak", closed_at=stamp, step_due_on=None)
    else:
        next_step = target
        days = definition.step(target).time_limit_days
        changes.update(current_step=target, step_due_on=deadline(office_calendar(), today, days))
    updated = (
        SopCase.update(changes)
        .where((SopCase.id == case.id) & (SopCase.version == version) & (SopCase.current_step == step.code))
        .execute()
    )
    if updated != 1:
        raise stale(case)
    started = _step_started_on(case)
    output = step.output.label if step.output and action in step.output_on else ""
    CaseStep.create(
        case=case.id,
        step_code=step.code,
        action=action,
        next_step=next_step,
        actor=actor.user_id,
        acted_at=stamp,
        started_on=started,
        due_on=deadline(office_calendar(), started, step.time_limit_days),
        note=note,
        output_label=output,
        document=document.id if document else None,
    )
    audit.record(actor, "langkah_sop", "sop_case", case.id, langkah=step.code, tindakan=action, ke=target)
    case.version = version + 1
    return StepDone(case.id, step.code, action, next_step, version + 1, output)


def _step_started_on(case: SopCase) -> dt.date:
    last = (
        CaseStep.select(CaseStep.acted_at)
        .where(CaseStep.case == case.id)
        .order_by(CaseStep.id.desc())
        .first()
    )
    return (last.acted_at if last else case.opened_at).date()


def stale(case: SopCase) -> StaleRecord:
    """The error for a case someone else moved meanwhile, naming who and when."""
    fresh = SopCase.get_or_none(SopCase.id == case.id)
    if fresh is None:
        return StaleRecord(f"Kasus {case.reference} sudah dihapus.")
    last = CaseStep.select().where(CaseStep.case == case.id).order_by(CaseStep.id.desc()).first()
    who = User.get_by_id(last.actor_id).full_name if last else "pengguna lain"
    when = f"{last.acted_at:%d-%m-%Y %H:%M}" if last else f"{fresh.updated_at:%d-%m-%Y %H:%M}"
    return StaleRecord(
        f"Data ini sudah diubah oleh {who} pada {when}. Muat ulang kasus {case.reference}, "
        "lalu terapkan kembali isian Anda (isian Anda tidak hilang)."
    )


def get_case(case_id: int) -> SopCase:
    case = SopCase.get_or_none(SopCase.id == case_id)
    if case is None:
        raise NotFound("Kasus tidak ditemukan; mungkin sudah dihapus.")
    return case
