"""Plain data for drawing an SOP as its paper document does, and for showing where a case stands in it.

The matrix is the SOP file's own: numbered rows of activities, one column per pelaksana (app users
and outsiders such as the Wali Nagari alike), then persyaratan / kelengkapan, waktu and output.
Each row marks the columns that perform it with a flowchart shape (a terminator for the first and
last rows, a diamond for a go / no-go step, a box otherwise), and flows join the marks from row to
row, with the "Tidak" of a decision looping back. Nothing here knows about Qt.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from desktop.models import CaseStep, Office, Sop, SopCase, User
from desktop.printing.text import date_id
from desktop.services.errors import NotFound
from desktop.services.security.auth import require_role
from desktop.services.session import Session
from desktop.services.sop.definition import SopDefinition, SopStep, Transition
from desktop.services.sop.workflow import builtin_sops, definition_of, office_calendar

START, PROCESS, DECISION, END = "mulai", "proses", "keputusan", "selesai"
STATUS_LABELS = {
    "berjalan": "Berjalan",
    "selesai": "Selesai",
    "ditolak": "Ditolak",
    "dibatalkan": "Dibatalkan",
}


@dataclass(frozen=True)
class SopListing:
    code: str
    number: str
    title: str
    office: str


@dataclass(frozen=True)
class ColumnView:
    """A pelaksana column; app_user is false for citizens and the Wali Nagari."""

    code: str
    label: str
    app_user: bool


@dataclass(frozen=True)
class MarkView:
    """A flowchart shape in a pelaksana column of a row; text is what the paper writes in it."""

    column: str
    shape: str  # mulai | proses | keputusan | selesai
    text: str = ""


@dataclass(frozen=True)
class FlowView:
    """An arrow from one row's mark to another's; 'kembali' flows loop back (a decision's Tidak)."""

    from_row: int
    to_row: int
    label: str
    kind: str  # lanjut | kembali


@dataclass(frozen=True)
class ActionView:
    action: str
    label: str
    needs_reason: bool
    roles: tuple[str, ...]  # empty: every role of the step may take it
    to: str  # the next step's code, or "" when the action closes the case
    closes_as: str | None
    goes_back: bool  # leads to an earlier step (a return)


@dataclass(frozen=True)
class StepView:
    """A step the app runs: who performs it, its time and output, and the actions it offers."""

    code: str
    number: int
    name: str
    row: int
    columns: tuple[str, ...]
    roles: tuple[str, ...]
    role_names: tuple[str, ...]
    time_label: str
    output_label: str
    instructions: str
    actions: tuple[ActionView, ...]


@dataclass(frozen=True)
class RowView:
    number: int
    activity: str
    marks: tuple[MarkView, ...]
    persyaratan: tuple[str, ...]
    kelengkapan: tuple[str, ...]
    time: str
    output: str
    remarks: str
    steps: tuple[str, ...]


@dataclass(frozen=True)
class SopMatrixView:
    code: str
    number: str
    title: str
    subtitle: str
    office: str  # the SOP's own office ("Kabupaten Padang Pariaman"), as its document names it
    agency: str  # the agency of this office (its settings), heading the SOP as shown here
    created_on: dt.date | None
    effective_on: dt.date | None
    approver: str
    approver_title: str
    approver_nip: str
    legal_basis: tuple[str, ...]
    qualifications: tuple[str, ...]
    related_sops: tuple[str, ...]
    equipment: tuple[str, ...]
    warnings: tuple[str, ...]
    recording: tuple[str, ...]
    notes: tuple[str, ...]
    columns: tuple[ColumnView, ...]
    rows: tuple[RowView, ...]
    flows: tuple[FlowView, ...]
    steps: tuple[StepView, ...]
    government: str = ""  # "PEMERINTAH KABUPATEN SOLOK": this office's, from its settings
    source: str = ""  # "Sumber: SOP ... Kabupaten Padang Pariaman, nomor ..., tanggal ..."

    def row(self, number: int) -> RowView:
        return next(r for r in self.rows if r.number == number)

    def step(self, code: str) -> StepView:
        return next(s for s in self.steps if s.code == code)


@dataclass(frozen=True)
class HistoryEntry:
    step_code: str
    step_name: str
    row: int
    action: str
    action_label: str
    actor: str
    acted_at: dt.datetime
    due_on: dt.date | None
    note: str
    output_label: str
    late_working_days: int
    returned: bool  # the action sent the case back to an earlier step


@dataclass(frozen=True)
class CasePosition:
    case_id: int
    reference: str
    title: str
    sop_code: str
    status: str
    status_label: str
    current_step: str | None  # None once the case is closed
    current_step_name: str
    current_row: int | None
    current_columns: tuple[str, ...]
    step_due_on: dt.date | None
    late_working_days: int
    history: tuple[HistoryEntry, ...]
    matrix: SopMatrixView

    @property
    def done_rows(self) -> tuple[int, ...]:
        """The rows a step of the case has been done in, in order, without repeats."""
        return tuple(dict.fromkeys(h.row for h in self.history if not h.returned))


@dataclass(frozen=True)
class CaseListing:
    id: int
    reference: str
    title: str
    status: str
    step_name: str


# --- The SOP itself ------------------------------------------------------------------------------


def list_sops() -> list[SopListing]:
    """The SOPs this installation runs, by title."""
    found = [SopListing(d.code, d.number, d.title, d.office) for d in builtin_sops().values()]
    return sorted(found, key=lambda s: s.title)


def sop_matrix(code: str) -> SopMatrixView:
    """The matrix of a shipped SOP, as its document draws it."""
    definition = builtin_sops().get(code)
    if definition is None:
        raise NotFound(f"SOP '{code}' tidak ada di aplikasi ini.")
    return matrix_of(definition)


def matrix_of(definition: SopDefinition) -> SopMatrixView:
    """The drawable matrix of any SOP definition (a case's stored one included)."""
    rows = definition.matrix_rows()
    decisions = {s.seed_row for s in definition.steps if _is_decision(s)}
    first, last = rows[0].number, rows[-1].number
    views = []
    for row in rows:
        shape = START if row.number == first else END if row.number == last else PROCESS
        if row.number in decisions:
            shape = DECISION
        text = {START: "Mulai", END: "Selesai"}.get(shape, "")
        # The terminator of the last row is where the flow ends: its last column; any other
        # shape stands in the column that starts the row.
        lead = len(row.columns) - 1 if shape == END else 0
        marks = tuple(
            MarkView(c, shape if i == lead else PROCESS, text if i == lead else "")
            for i, c in enumerate(row.columns)
        )
        views.append(
            RowView(
                row.number,
                row.activity,
                marks,
                row.persyaratan,
                row.kelengkapan,
                row.time,
                row.output,
                row.remarks,
                row.steps,
            )
        )
    approver = definition.approved_by
    government, agency = office_header(definition)
    return SopMatrixView(
        government=government,
        source=source_line(definition),
        code=definition.code,
        number=definition.number,
        title=definition.title,
        subtitle=definition.subtitle,
        office=definition.office,
        agency=agency,
        created_on=definition.created_on,
        effective_on=definition.effective_on,
        approver=approver.name if approver else "",
        approver_title=approver.title if approver else "",
        approver_nip=approver.nip if approver else "",
        legal_basis=definition.legal_basis,
        qualifications=definition.qualifications,
        related_sops=definition.related_sops,
        equipment=definition.equipment,
        warnings=definition.warnings,
        recording=definition.recording,
        notes=definition.notes,
        columns=tuple(ColumnView(c.code, c.label, c.app_user) for c in definition.columns),
        rows=tuple(views),
        flows=_flows(definition, [r.number for r in rows], decisions),
        steps=tuple(_step_view(definition, s) for s in definition.steps),
    )


def office_header(definition: SopDefinition) -> tuple[str, str]:
    """The government and agency heading an SOP here: this office's own (its settings), whoever
    wrote the SOP; the SOP's own office before the office is set up."""
    office = Office.select(Office.government, Office.agency).order_by(Office.id).first()
    if office is not None and office.government.strip():
        return office.government.strip(), (office.agency or definition.agency).strip()
    own = f"PEMERINTAH {definition.office}" if definition.office else ""
    return own, definition.agency


def source_line(definition: SopDefinition) -> str:
    """Where the SOP comes from, as its document heads it: 'Sumber: SOP <title> <office> <agency>,
    nomor <number>, tanggal <date>' (the original header stays on record)."""
    office = definition.office.replace("Kabupaten ", "Kab. ", 1) if definition.office else ""
    who = " ".join(p for p in (definition.agency, office) if p)
    day = definition.created_on or definition.effective_on
    parts = [f"Sumber: SOP {definition.title}" + (f", {who}" if who else "")]
    if definition.number:
        parts.append(f"nomor {definition.number}")
    if day is not None:
        parts.append(f"tanggal {date_id(day)}")
    return ", ".join(parts)


def _is_decision(step: SopStep) -> bool:
    """A go / no-go step: several ways out and none of them a plain 'selesai'."""
    return len(step.transitions) > 1 and all(t.action != "selesai" for t in step.transitions)


def _flows(definition: SopDefinition, numbers: list[int], decisions: set[int]) -> tuple[FlowView, ...]:
    flows = [
        FlowView(a, b, "Ya" if a in decisions else "", "lanjut")
        for a, b in zip(numbers, numbers[1:], strict=False)
    ]
    for step in definition.steps:
        if step.seed_row not in decisions:
            continue
        for t in step.transitions:
            if t.is_end:
                continue
            target = definition.step(t.to).seed_row
            if target < step.seed_row:
                flows.append(FlowView(step.seed_row, target, t.action.capitalize(), "kembali"))
    return tuple(dict.fromkeys(flows))


def _step_view(definition: SopDefinition, step: SopStep) -> StepView:
    names = {r.code: r.name for r in definition.roles}
    return StepView(
        code=step.code,
        number=step.number,
        name=step.name,
        row=step.seed_row,
        columns=step.columns,
        roles=step.roles,
        role_names=tuple(names.get(r, r) for r in step.roles),
        time_label=step.time_label,
        output_label=step.output.label if step.output else "",
        instructions=step.instructions,
        actions=tuple(_action_view(definition, step, t) for t in step.transitions),
    )


def _action_view(definition: SopDefinition, step: SopStep, t: Transition) -> ActionView:
    to = "" if t.is_end else t.to
    back = bool(to) and definition.step(to).number <= step.number
    return ActionView(t.action, t.label, t.needs_reason, t.roles, to, t.closes_as, back)


# --- Where a case stands -------------------------------------------------------------------------


def _sop_roles(definition: SopDefinition) -> tuple[str, ...]:
    """Everyone who takes part in an SOP: the roles of its steps and those receiving outputs."""
    found = [r for s in definition.steps for r in (*s.roles, *s.receivers)]
    return tuple(dict.fromkeys(found))


def case_position(actor: Session, case_id: int, *, today: dt.date | None = None) -> CasePosition:
    """A case on its SOP's matrix: the row it stands at now, and every step done so far.

    Only for users who take part in the case's SOP (its step notes may say why a case was returned).
    """
    case = SopCase.get_or_none(SopCase.id == case_id)
    if case is None:
        raise NotFound("Kasus tidak ditemukan; mungkin sudah dihapus.")
    definition = definition_of(case)
    require_role(actor, *_sop_roles(definition))
    calendar = office_calendar()
    history = tuple(_history(case, definition, calendar))
    running = case.status == "berjalan"
    step = definition.step(case.current_step) if running else None
    late = 0
    if step is not None and case.step_due_on is not None:
        late = max(0, calendar.working_days_between(case.step_due_on, today or dt.date.today()))
    return CasePosition(
        case_id=case.id,
        reference=case.reference,
        title=case.title,
        sop_code=definition.code,
        status=case.status,
        status_label=STATUS_LABELS.get(case.status, case.status),
        current_step=step.code if step else None,
        current_step_name=step.name if step else STATUS_LABELS.get(case.status, case.status),
        current_row=step.seed_row if step else None,
        current_columns=step.columns if step else (),
        step_due_on=case.step_due_on if running else None,
        late_working_days=late,
        history=history,
        matrix=matrix_of(definition),
    )


def _history(case: SopCase, definition: SopDefinition, calendar) -> list[HistoryEntry]:
    order = {s.code: s.number for s in definition.steps}
    rows = CaseStep.select(CaseStep, User).join(User).where(CaseStep.case == case.id).order_by(CaseStep.id)
    entries = []
    for row in rows:
        step = definition.step(row.step_code)
        transition = definition.transition(step.code, row.action)
        done = row.acted_at.date()
        late = max(0, calendar.working_days_between(row.due_on, done)) if row.due_on else 0
        back = row.next_step is not None and order.get(row.next_step, 0) <= step.number
        entries.append(
            HistoryEntry(
                step_code=step.code,
                step_name=step.name,
                row=step.seed_row,
                action=row.action,
                action_label=transition.label if transition else row.action,
                actor=row.actor.full_name,
                acted_at=row.acted_at,
                due_on=row.due_on,
                note=row.note,
                output_label=row.output_label,
                late_working_days=late,
                returned=back,
            )
        )
    return entries


def recent_cases(actor: Session, sop_code: str, limit: int = 200) -> list[CaseListing]:
    """The latest cases of an SOP (running first), for choosing one to show on the matrix."""
    definition = builtin_sops().get(sop_code)
    if definition is None:
        raise NotFound(f"SOP '{sop_code}' tidak ada di aplikasi ini.")
    require_role(actor, *_sop_roles(definition))
    query = (
        SopCase.select(SopCase, Sop)
        .join(Sop)
        .where(Sop.code == sop_code)
        .order_by((SopCase.status != "berjalan"), SopCase.opened_at.desc(), SopCase.id.desc())
        .limit(limit)
    )
    names = {s.code: s.name for s in definition.steps}
    return [
        CaseListing(
            c.id,
            c.reference,
            c.title,
            c.status,
            names.get(c.current_step, c.current_step)
            if c.status == "berjalan"
            else STATUS_LABELS.get(c.status, c.status),
        )
        for c in query
    ]
