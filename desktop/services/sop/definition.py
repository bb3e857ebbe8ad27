"""SOP definitions as data: the frozen dataclasses an SOP file becomes (loader.py reads the files).

A file that cannot be used raises SopFileError naming the file, the line and the field, so an
administrator can fix it in a text editor.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, replace
from dataclasses import field as dataclass_field

END = "__selesai__"
"""Transition target that closes the case as done (status 'selesai')."""
REJECTED = "__ditolak__"
"""Transition target that closes the case as rejected (status 'ditolak')."""
END_MARKERS: dict[str, str] = {END: "selesai", REJECTED: "ditolak"}
SCHEMA_VERSION = 1
REQUIREMENT_KINDS = ("persyaratan", "kelengkapan")

_CODE = re.compile(r"[a-z][a-z0-9_]{0,39}", re.ASCII)
Codes = tuple[str, ...]


class SopFileError(Exception):
    """An SOP file that cannot be used; the message names the file, the line and the field."""

    def __init__(
        self, source_name: str, line: int | None, field: str | None, problem: str, context: str = ""
    ):
        self.source_name = source_name
        self.line = line
        self.field = field
        self.problem = problem
        where = f"{source_name} baris {line}" if line else source_name
        what = ", ".join(p for p in (context, f"kolom '{field}'" if field else "") if p)
        super().__init__(f"{where}: {what}: {problem}" if what else f"{where}: {problem}")


@dataclass(frozen=True)
class SopRole:
    """An office function that performs steps (a role code of the app, e.g. kabid_pelayanan)."""

    code: str
    name: str
    description: str = ""


@dataclass(frozen=True)
class MatrixColumn:
    """A pelaksana column of the SOP matrix; app_user is false for citizens and the Wali Nagari."""

    code: str
    label: str
    app_user: bool = True


@dataclass(frozen=True)
class Requirement:
    """A persyaratan or kelengkapan of a step; checklist items must be ticked before the step is done."""

    code: str
    label: str
    kind: str = "persyaratan"
    checklist: bool = False


@dataclass(frozen=True)
class OutputDoc:
    """The document a step leaves behind, as the SOP names it (Disposisi Surat Permohonan)."""

    code: str
    label: str


@dataclass(frozen=True)
class Transition:
    """An action a step offers and where it leads: another step, END or REJECTED."""

    action: str
    to: str
    label: str
    needs_reason: bool = False
    checks_requirements: bool = True
    roles: tuple[str, ...] = ()  # empty: every role of the step may take it

    @property
    def is_end(self) -> bool:
        """True when the transition closes the case instead of leading to a step."""
        return self.to in END_MARKERS

    @property
    def closes_as(self) -> str | None:
        """The case status this transition closes the case with ('selesai', 'ditolak'), if any."""
        return END_MARKERS.get(self.to)


@dataclass(frozen=True)
class SopStep:
    """One step the app runs: who performs it, what it needs, how long it may take, what it leaves."""

    code: str
    number: int
    seed_row: int  # the row of the SOP document this step comes from
    name: str
    activity: str
    columns: tuple[str, ...]
    roles: tuple[str, ...]
    transitions: tuple[Transition, ...]
    requirements: tuple[Requirement, ...] = ()
    time_limit_days: int | None = None
    time_note: str = ""
    output: OutputDoc | None = None
    output_on: tuple[str, ...] = ()  # actions that produce the output
    instructions: str = ""
    receivers: tuple[str, ...] = ()  # roles that receive the output without acting on the step
    remarks: str = ""

    @property
    def checklist(self) -> tuple[Requirement, ...]:
        """The requirements to tick before the step is done."""
        return tuple(r for r in self.requirements if r.checklist)

    @property
    def time_label(self) -> str:
        """The Waktu cell as the SOP writes it: '2 hari', 'Jam kerja harian' or empty."""
        if self.time_note:
            return self.time_note
        return "" if self.time_limit_days is None else f"{self.time_limit_days} hari"


@dataclass(frozen=True)
class SopStart:
    """A way a case can begin (origin code as stored on the case), at which step and by whom."""

    code: str
    label: str
    step: str
    roles: tuple[str, ...] = ()


@dataclass(frozen=True)
class SopTimeLimit:
    """The SOP's overall limit in working days, counted from the case's opening until `until_step` is done."""

    days: int
    until_step: str
    basis: str = ""


@dataclass(frozen=True)
class Approver:
    """Who signed the SOP off (disahkan oleh)."""

    name: str
    title: str = ""
    nip: str = ""


@dataclass(frozen=True)
class MatrixRow:
    """One numbered row of the SOP document's matrix, with the app steps drawn from it."""

    number: int
    activity: str
    columns: tuple[str, ...]
    persyaratan: tuple[str, ...] = ()
    kelengkapan: tuple[str, ...] = ()
    time: str = ""
    output: str = ""
    remarks: str = ""
    steps: tuple[str, ...] = ()


@dataclass(frozen=True)
class SopDefinition:
    """A whole SOP file: the document's header, its matrix, and the steps the app runs."""

    code: str
    number: str
    title: str
    office: str
    roles: tuple[SopRole, ...]
    columns: tuple[MatrixColumn, ...]
    steps: tuple[SopStep, ...]
    starts: tuple[SopStart, ...]
    source_name: str
    source_text: str = dataclass_field(repr=False)
    subtitle: str = ""
    agency: str = ""
    created_on: dt.date | None = None
    revised_on: dt.date | None = None
    effective_on: dt.date | None = None
    approved_by: Approver | None = None
    legal_basis: tuple[str, ...] = ()
    qualifications: tuple[str, ...] = ()
    related_sops: tuple[str, ...] = ()
    equipment: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    recording: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    time_limit: SopTimeLimit | None = None
    matrix: tuple[MatrixRow, ...] = ()

    @property
    def sha256(self) -> str:
        """SHA-256 of the source text; a case stores the text it was opened under."""
        return hashlib.sha256(self.source_text.encode("utf-8")).hexdigest()

    @property
    def time_limit_days(self) -> int | None:
        """The SOP's overall limit in working days, if it has one (SIJARLA: 3)."""
        return self.time_limit.days if self.time_limit else None

    @property
    def first_step(self) -> SopStep:
        """The step of the first declared start."""
        return self.step(self.starts[0].step)

    @property
    def start_steps(self) -> tuple[str, ...]:
        """The codes of every step a case may start at."""
        return tuple(dict.fromkeys(s.step for s in self.starts))

    def step(self, code: str) -> SopStep:
        """The step with this code; KeyError when the SOP has none."""
        for s in self.steps:
            if s.code == code:
                return s
        raise KeyError(f"SOP {self.code} tidak punya langkah '{code}'")

    def start(self, code: str) -> SopStart:
        """The start (origin) with this code; KeyError when the SOP has none."""
        for s in self.starts:
            if s.code == code:
                return s
        raise KeyError(f"SOP {self.code} tidak punya awal '{code}'")

    def role(self, code: str) -> SopRole:
        """The declared role with this code; KeyError when the SOP has none."""
        for r in self.roles:
            if r.code == code:
                return r
        raise KeyError(f"SOP {self.code} tidak punya peran '{code}'")

    def transition(self, code: str, action: str) -> Transition | None:
        """The transition `action` of step `code`, or None when that step has no such action."""
        return next((t for t in self.step(code).transitions if t.action == action), None)

    def next_steps(self, code: str) -> tuple[SopStep, ...]:
        """The steps a step can lead to, in the order of its transitions (end markers left out)."""
        targets = dict.fromkeys(t.to for t in self.step(code).transitions if not t.is_end)
        return tuple(self.step(t) for t in targets)

    def roles_for(self, code: str) -> tuple[str, ...]:
        """The roles that perform step `code`."""
        return self.step(code).roles

    def matrix_rows(self) -> tuple[MatrixRow, ...]:
        """The SOP matrix as the document draws it: its own rows, or one row per step when it has none."""
        if self.matrix:
            return tuple(
                replace(row, steps=tuple(s.code for s in self.steps if s.seed_row == row.number))
                for row in self.matrix
            )
        return tuple(_row_from_step(s) for s in self.steps)


def _row_from_step(s: SopStep) -> MatrixRow:
    return MatrixRow(
        number=s.seed_row,
        activity=s.activity,
        columns=s.columns,
        persyaratan=tuple(r.label for r in s.requirements if r.kind == "persyaratan"),
        kelengkapan=tuple(r.label for r in s.requirements if r.kind == "kelengkapan"),
        time=s.time_label,
        output=s.output.label if s.output else "",
        remarks=s.remarks,
        steps=(s.code,),
    )


# --- Loading ---------------------------------------------------------------------------------


# --- Line numbers ----------------------------------------------------------------------------
