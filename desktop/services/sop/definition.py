"""SOP definitions as data: the TOML files in desktop/resources/sop, read and checked into frozen dataclasses.

A file that cannot be used raises SopFileError naming the file, the line and the field, so an
administrator can fix it in a text editor. tomllib reports no positions for values, so
_Locator scans the (already valid) text once to map every key path to its line.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import tomllib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from dataclasses import field as dataclass_field
from pathlib import Path
from typing import Any, NoReturn

END = "__selesai__"
"""Transition target that closes the case as done (status 'selesai')."""
REJECTED = "__ditolak__"
"""Transition target that closes the case as rejected (status 'ditolak')."""
END_MARKERS: dict[str, str] = {END: "selesai", REJECTED: "ditolak"}
SCHEMA_VERSION = 1
REQUIREMENT_KINDS = ("persyaratan", "kelengkapan")

_CODE = re.compile(r"[a-z][a-z0-9_]{0,39}", re.ASCII)
Path_ = tuple[str | int, ...]
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


def load_sop(path: Path | str) -> SopDefinition:
    """Read and check one SOP file; SopFileError when it cannot be used."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise SopFileError(
            path.name, None, None, f"berkas tidak dapat dibaca ({exc.strerror or exc})"
        ) from None
    try:
        text = raw.decode("utf-8-sig")  # Notepad may save a byte-order mark
    except UnicodeDecodeError as exc:
        raise SopFileError(
            path.name, raw[: exc.start].count(b"\n") + 1, None, "berkas bukan teks UTF-8"
        ) from None
    return load_sop_text(text, path.name)


def load_sop_text(text: str, source_name: str) -> SopDefinition:
    """Parse and check the text of an SOP file; `source_name` names it in error messages."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise _syntax_error(exc, text, source_name) from None
    return _Loader(text, source_name, data).load()


def load_builtin_sops() -> dict[str, SopDefinition]:
    """Every SOP shipped in desktop/resources/sop, by code."""
    from desktop.config import resource_dir

    found: dict[str, SopDefinition] = {}
    for path in sorted((resource_dir() / "sop").glob("*.toml")):
        sop = load_sop(path)
        if sop.code in found:
            line = _Locator(sop.source_text).line_of(("code",))
            other = found[sop.code].source_name
            raise SopFileError(path.name, line, "code", f"kode SOP '{sop.code}' sudah dipakai oleh {other}")
        found[sop.code] = sop
    return found


def _syntax_error(exc: tomllib.TOMLDecodeError, text: str, source_name: str) -> SopFileError:
    message = str(exc)
    match = re.search(r"\s*\(at (?:line (\d+), column (\d+)|end of document)\)$", message)
    if not match:
        return SopFileError(source_name, None, None, f"sintaks TOML tidak sah ({message})")
    line = int(match.group(1)) if match.group(1) else text.count("\n") + 1
    where = f"karakter ke-{match.group(2)}" if match.group(2) else "di akhir berkas"
    return SopFileError(
        source_name, line, None, f"sintaks TOML tidak sah: {message[: match.start()]}, {where}"
    )


class _Node:
    """One table of the file with its key path, for typed reads that fail with file, line and field."""

    def __init__(self, data: dict[str, Any], path: Path_, context: str, loader: _Loader, label: str = ""):
        self.data, self.path, self.context, self.loader = data, path, context, loader
        self.prefix, self.label = context.rpartition(", ")[0], label

    def fail(self, key: str | None, problem: str, index: int | None = None) -> NoReturn:
        """Raise SopFileError for `key` of this table (item `index` when the key holds a list)."""
        path = self.path + ((key,) if key else ()) + (() if index is None else (index,))
        raise SopFileError(self.loader.name, self.loader.locator.line_of(path), key, problem, self.context)

    def allow(self, *keys: str) -> None:
        for key in self.data:
            if key not in keys:
                self.fail(key, "kolom tidak dikenal (salah ketik?)")

    def get(self, key: str, kind: type, required: bool, what: str) -> Any:
        if key not in self.data:
            if required:
                self.fail(key, "wajib diisi")
            return None
        value = self.data[key]
        # bool is an int in Python, and a datetime is a date: neither may stand in for the other here.
        wrong_subtype = (isinstance(value, bool) and kind is int) or isinstance(value, dt.datetime)
        if wrong_subtype or not isinstance(value, kind):
            self.fail(key, f"harus berupa {what}")
        return value

    def text(self, key: str, required: bool = True) -> str:
        value = self.get(key, str, required, "teks")
        if required and not value.strip():
            self.fail(key, "wajib diisi, tidak boleh kosong")
        return (value or "").strip()

    def code(self, key: str = "code") -> str:
        value = self.text(key)
        if not _CODE.fullmatch(value):
            self.fail(key, f"kode '{value}' harus diawali huruf kecil, lalu a-z, 0-9 atau _ (maks. 40)")
        return value

    def integer(self, key: str, required: bool = True, minimum: int = 0) -> int | None:
        value = self.get(key, int, required, "bilangan bulat")
        if value is not None and value < minimum:
            self.fail(key, f"harus bilangan bulat {minimum} atau lebih")
        return value

    def number(self, key: str = "number") -> int:
        value = self.integer(key, minimum=1)
        assert value is not None
        return value

    def flag(self, key: str, default: bool) -> bool:
        value = self.get(key, bool, False, "true atau false")
        return default if value is None else value

    def date(self, key: str) -> dt.date | None:
        return self.get(key, dt.date, False, "tanggal (misalnya 2022-02-04)")

    def texts(self, key: str, required: bool = False) -> tuple[str, ...]:
        values = self.get(key, list, required, "daftar teks")
        for i, value in enumerate(values or ()):
            if not isinstance(value, str) or not value.strip():
                self.fail(key, f"butir ke-{i + 1} harus teks yang tidak kosong", i)
        return tuple(v.strip() for v in values or ())

    def codes(
        self, key: str, declared: Iterable[str], what: str, required: bool = True, unknown: str = ""
    ) -> tuple[str, ...]:
        values = self.texts(key, required)
        if required and not values:
            self.fail(key, "tidak boleh kosong")
        known = set(declared)
        for i, value in enumerate(values):
            if value not in known:
                self.fail(key, f"{what} '{value}' {unknown or 'tidak dideklarasikan'}", i)
            if value in values[:i]:
                self.fail(key, f"{what} '{value}' tertulis dua kali", i)
        return values

    def table(self, key: str, label: str) -> _Node | None:
        value = self.get(key, dict, False, "tabel")
        context = f"{self.context}, {label}" if self.context else label
        return None if value is None else _Node(value, self.path + (key,), context, self.loader)

    def tables(self, key: str, label: str, required: bool = False) -> list[_Node]:
        values = self.get(key, list, required, f"daftar tabel [[{key}]]")
        if required and not values:
            self.fail(key, "minimal satu entri")
        nodes = []
        for i, value in enumerate(values or ()):
            if not isinstance(value, dict):
                self.fail(key, f"entri ke-{i + 1} harus berupa tabel", i)
            context = f"{self.context}, {label} ke-{i + 1}" if self.context else f"{label} ke-{i + 1}"
            nodes.append(_Node(value, self.path + (key, i), context, self.loader, label))
        return nodes

    def named(self, code: str) -> None:
        """Name this entry by its code in messages (langkah 'disposisi') once the code is known."""
        name = f"{self.label} '{code}'"
        self.context = f"{self.prefix}, {name}" if self.prefix else name


def _unique(nodes: list[_Node], values: list[str], what: str, key: str = "code") -> None:
    seen: set[str] = set()
    for node, value in zip(nodes, values, strict=True):
        if value in seen:
            node.fail(key, f"{what} '{value}' sudah dipakai sebelumnya")
        seen.add(value)


_TEXT_LISTS = ("legal_basis", "qualifications", "related_sops", "equipment", "warnings", "recording", "notes")
_TOP_KEYS = (
    *_TEXT_LISTS,
    *("schema_version", "code", "number", "title", "subtitle", "office", "agency", "dates", "approved_by"),
    *("time_limit", "roles", "columns", "starts", "matrix", "steps"),
)
_MATRIX_KEYS = ("number", "activity", "columns", "persyaratan", "kelengkapan", "time", "output", "remarks")
_STEP_KEYS = (
    *("code", "number", "seed_row", "name", "activity", "instructions", "columns", "roles", "receivers"),
    *("requirements", "time_limit_days", "time_note", "output", "transitions", "remarks"),
)


class _Loader:
    """Reads the parsed TOML data table by table, in file order, into a SopDefinition."""

    def __init__(self, text: str, name: str, data: dict[str, Any]):
        self.text, self.name = text, name
        self.locator = _Locator(text)
        self.root = _Node(data, (), "", self)
        self.role_codes: set[str] = set()
        self.column_codes: set[str] = set()
        self.step_nodes: list[_Node] = []
        self.transition_nodes: list[list[_Node]] = []

    def load(self) -> SopDefinition:
        root = self.root
        root.allow(*_TOP_KEYS)
        version = root.integer("schema_version", minimum=1)
        if version != SCHEMA_VERSION:
            root.fail("schema_version", f"versi {version} tidak didukung (yang didukung: {SCHEMA_VERSION})")
        code, number, title = root.code(), root.text("number"), root.text("title")
        office, subtitle, agency = (
            root.text("office"),
            root.text("subtitle", False),
            root.text("agency", False),
        )
        texts = {key: root.texts(key) for key in _TEXT_LISTS}
        created, revised, effective = self._dates()
        approver = self._approver()
        roles, columns = self._roles(), self._columns()
        matrix = self._matrix()
        steps = self._steps({m.number for m in matrix})
        step_codes = {s.code for s in steps}
        starts, time_limit = self._starts(step_codes), self._time_limit(step_codes)
        sop = SopDefinition(
            code=code,
            number=number,
            title=title,
            office=office,
            roles=roles,
            columns=columns,
            steps=steps,
            starts=starts,
            source_name=self.name,
            source_text=self.text,
            subtitle=subtitle,
            agency=agency,
            created_on=created,
            revised_on=revised,
            effective_on=effective,
            approved_by=approver,
            legal_basis=texts["legal_basis"],
            qualifications=texts["qualifications"],
            related_sops=texts["related_sops"],
            equipment=texts["equipment"],
            warnings=texts["warnings"],
            recording=texts["recording"],
            notes=texts["notes"],
            time_limit=time_limit,
            matrix=matrix,
        )
        self._check_graph(sop)
        return sop

    def _roles(self) -> tuple[SopRole, ...]:
        nodes = self.root.tables("roles", "peran", required=True)
        roles = []
        for node in nodes:
            code = node.code()
            node.named(code)
            node.allow("code", "name", "description")
            roles.append(SopRole(code, node.text("name"), node.text("description", False)))
        _unique(nodes, [r.code for r in roles], "peran")
        self.role_codes = {r.code for r in roles}
        return tuple(roles)

    def _columns(self) -> tuple[MatrixColumn, ...]:
        nodes = self.root.tables("columns", "kolom matriks", required=True)
        columns = []
        for node in nodes:
            code = node.code()
            node.named(code)
            node.allow("code", "label", "app_user")
            columns.append(MatrixColumn(code, node.text("label"), node.flag("app_user", True)))
        _unique(nodes, [c.code for c in columns], "kolom matriks")
        self.column_codes = {c.code for c in columns}
        return tuple(columns)

    def _matrix(self) -> tuple[MatrixRow, ...]:
        nodes = self.root.tables("matrix", "baris matriks")
        rows = []
        for node in nodes:
            number = node.number()
            node.named(str(number))
            node.allow(*_MATRIX_KEYS)
            rows.append(
                MatrixRow(
                    number=number,
                    activity=node.text("activity"),
                    columns=node.codes("columns", self.column_codes, "kolom matriks"),
                    persyaratan=node.texts("persyaratan"),
                    kelengkapan=node.texts("kelengkapan"),
                    time=node.text("time", False),
                    output=node.text("output", False),
                    remarks=node.text("remarks", False),
                )
            )
        _unique(nodes, [str(r.number) for r in rows], "nomor baris", "number")
        return tuple(rows)

    def _steps(self, matrix_numbers: set[int]) -> tuple[SopStep, ...]:
        self.step_nodes = self.root.tables("steps", "langkah", required=True)
        steps = [self._step(node, matrix_numbers) for node in self.step_nodes]
        _unique(self.step_nodes, [s.code for s in steps], "kode langkah")
        _unique(self.step_nodes, [str(s.number) for s in steps], "nomor langkah", "number")
        return tuple(steps)

    def _step(self, node: _Node, matrix_numbers: set[int]) -> SopStep:
        code = node.code()
        node.named(code)
        node.allow(*_STEP_KEYS)
        number = node.number()
        seed_row = node.integer("seed_row", required=False, minimum=1) or number
        if matrix_numbers and seed_row not in matrix_numbers:
            key = "seed_row" if "seed_row" in node.data else "number"
            node.fail(key, f"baris matriks {seed_row} tidak ada di [[matrix]]")
        name, activity = node.text("name"), node.text("activity")
        columns = node.codes("columns", self.column_codes, "kolom matriks")
        roles = node.codes("roles", self.role_codes, "peran")
        requirements = self._requirements(node)
        time_limit_days = node.integer("time_limit_days", required=False)
        time_note = node.text("time_note", False)
        transitions = self._transitions(node, roles)
        output, output_on = self._output(node, transitions)
        return SopStep(
            code=code,
            number=number,
            seed_row=seed_row,
            name=name,
            activity=activity,
            columns=columns,
            roles=roles,
            transitions=transitions,
            requirements=requirements,
            time_limit_days=time_limit_days,
            time_note=time_note,
            output=output,
            output_on=output_on,
            instructions=node.text("instructions", False),
            receivers=node.codes("receivers", self.role_codes, "peran", required=False),
            remarks=node.text("remarks", False),
        )

    def _transitions(self, step: _Node, step_roles: tuple[str, ...]) -> tuple[Transition, ...]:
        nodes = step.tables("transitions", "transisi", required=True)
        self.transition_nodes.append(nodes)
        result = []
        for node in nodes:
            action = node.code("action")
            node.named(action)
            node.allow("action", "to", "label", "needs_reason", "checks_requirements", "roles")
            to, label = node.text("to"), node.text("label")
            roles = node.codes("roles", step_roles, "peran", False, "bukan pelaksana langkah ini")
            needs_reason = node.flag("needs_reason", False)
            checks = node.flag("checks_requirements", not needs_reason)
            result.append(Transition(action, to, label, needs_reason, checks, roles))
        _unique(nodes, [t.action for t in result], "tindakan", "action")
        return tuple(result)

    def _requirements(self, step: _Node) -> tuple[Requirement, ...]:
        nodes = step.tables("requirements", "persyaratan")
        result = []
        for node in nodes:
            code = node.code()
            node.named(code)
            node.allow("code", "label", "kind", "checklist")
            kind = node.text("kind", False) or "persyaratan"
            if kind not in REQUIREMENT_KINDS:
                node.fail("kind", f"'{kind}' bukan salah satu dari: {', '.join(REQUIREMENT_KINDS)}")
            result.append(Requirement(code, node.text("label"), kind, node.flag("checklist", False)))
        _unique(nodes, [r.code for r in result], "kode persyaratan")
        return tuple(result)

    def _output(self, step: _Node, transitions: tuple[Transition, ...]) -> tuple[OutputDoc | None, Codes]:
        node = step.table("output", "output")
        if node is None:
            return None, ()
        node.allow("code", "label", "on")
        output = OutputDoc(node.code(), node.text("label"))
        on = node.codes("on", [t.action for t in transitions], "tindakan", required=False)
        return output, on or tuple(t.action for t in transitions if t.checks_requirements)

    def _starts(self, step_codes: set[str]) -> tuple[SopStart, ...]:
        nodes = self.root.tables("starts", "awal", required=True)
        starts = []
        for node in nodes:
            code = node.code()
            node.named(code)
            node.allow("code", "label", "step", "roles")
            label, step = node.text("label"), node.text("step")
            if step not in step_codes:
                node.fail("step", f"langkah '{step}' tidak ada")
            roles = node.codes("roles", self.role_codes, "peran", required=False)
            starts.append(SopStart(code, label, step, roles))
        _unique(nodes, [s.code for s in starts], "kode awal")
        return tuple(starts)

    def _dates(self) -> tuple[dt.date | None, dt.date | None, dt.date | None]:
        node = self.root.table("dates", "tanggal")
        if node is None:
            return None, None, None
        node.allow("pembuatan", "revisi", "efektif")
        return node.date("pembuatan"), node.date("revisi"), node.date("efektif")

    def _approver(self) -> Approver | None:
        node = self.root.table("approved_by", "disahkan oleh")
        if node is None:
            return None
        node.allow("name", "title", "nip")
        return Approver(node.text("name"), node.text("title", False), node.text("nip", False))

    def _time_limit(self, step_codes: set[str]) -> SopTimeLimit | None:
        node = self.root.table("time_limit", "batas waktu")
        if node is None:
            return None
        node.allow("days", "until_step", "basis")
        days = node.integer("days")
        until = node.text("until_step")
        if until not in step_codes:
            node.fail("until_step", f"langkah '{until}' tidak ada")
        assert days is not None
        return SopTimeLimit(days, until, node.text("basis", False))

    def _check_graph(self, sop: SopDefinition) -> None:
        """Transition targets exist, every step is reachable from a start and can reach an end."""
        codes = {s.code for s in sop.steps}
        for step, nodes in zip(sop.steps, self.transition_nodes, strict=True):
            for t, node in zip(step.transitions, nodes, strict=True):
                if t.to not in codes and t.to not in END_MARKERS:
                    node.fail("to", f"tujuan '{t.to}' bukan langkah SOP ini, {END} atau {REJECTED}")
        backward: dict[str, set[str]] = {c: set() for c in codes}
        for s in sop.steps:
            for t in s.transitions:
                backward.get(t.to, set()).add(s.code)
        reachable = _walk({s.step for s in sop.starts}, lambda c: [t.to for t in sop.step(c).transitions])
        ends = {s.code for s in sop.steps if any(t.is_end for t in s.transitions)}
        finishing = _walk(ends, backward.__getitem__)
        for step, node in zip(sop.steps, self.step_nodes, strict=True):
            if step.code not in reachable:
                node.fail("code", "langkah ini tidak dapat dicapai dari awal mana pun ([[starts]], transisi)")
            if step.code not in finishing:
                node.fail("transitions", f"tidak ada jalan dari langkah ini ke {END} atau {REJECTED}")


def _walk(start: Iterable[str], links: Callable[[str], Iterable[str]]) -> set[str]:
    seen: set[str] = set()
    todo = list(start)
    while todo:
        code = todo.pop()
        if code not in seen and code not in END_MARKERS:
            seen.add(code)
            todo.extend(links(code))
    return seen


# --- Line numbers ----------------------------------------------------------------------------

_KEY = re.compile(r'"((?:[^"\\]|\\.)*)"|\'([^\']*)\'|([A-Za-z0-9_-]+)')
_SCALAR = re.compile(r"[^,\]}\r\n#]+")


class _Locator:
    """Maps key paths such as ("steps", 2, "roles", 0) to the line where a valid TOML text writes them."""

    def __init__(self, text: str):
        self.text = text
        self.pos = 0
        self.line = 1
        self.lines: dict[Path_, int] = {}
        self.arrays: dict[Path_, int] = {}  # array-of-tables path -> index of its latest [[table]]
        try:
            self._scan()
        except (IndexError, ValueError):  # best effort: the positions found so far stay usable
            pass

    def line_of(self, path: Path_) -> int | None:
        """The line of `path`, or of its nearest written parent (a missing key: its table's header)."""
        for end in range(len(path), 0, -1):
            if path[:end] in self.lines:
                return self.lines[path[:end]]
        return None

    def _advance(self, count: int) -> None:
        if count <= 0 or self.pos >= len(self.text):
            raise ValueError("scanner stuck")
        self.line += self.text.count("\n", self.pos, self.pos + count)
        self.pos += count

    def _peek(self, ahead: int = 1) -> str:
        return self.text[self.pos : self.pos + ahead]

    def _skip(self) -> None:
        while self.pos < len(self.text):
            c = self.text[self.pos]
            if c == "#":
                end = self.text.find("\n", self.pos)
                self._advance((len(self.text) if end < 0 else end) - self.pos)
            elif c in " \t\r\n":
                self._advance(1)
            else:
                return

    def _skip_blanks(self) -> None:
        while self._peek() in (" ", "\t"):
            self._advance(1)

    def _scan(self) -> None:
        table: Path_ = ()
        while True:
            self._skip()
            if self.pos >= len(self.text):
                return
            if self._peek() == "[":
                table = self._header()
            else:
                self._keyval(table)

    def _header(self) -> Path_:
        line, array = self.line, self._peek(2) == "[["
        self._advance(2 if array else 1)
        keys = self._key()
        self._advance(2 if array else 1)
        path: Path_ = ()
        for key in keys[:-1]:
            path += (key,)
            if path in self.arrays:
                path += (self.arrays[path],)
        path += (keys[-1],)
        if array:
            self.arrays[path] = self.arrays.get(path, -1) + 1
            self.lines.setdefault(path, line)
            path += (self.arrays[path],)
        self.lines.setdefault(path, line)
        return path

    def _key(self) -> tuple[str, ...]:
        keys: list[str] = []
        while True:
            self._skip_blanks()
            match = _KEY.match(self.text, self.pos)
            if not match:
                raise ValueError("no key")
            keys.append(next(g for g in match.groups() if g is not None))
            self._advance(match.end() - self.pos)
            self._skip_blanks()
            if self._peek() != ".":
                return tuple(keys)
            self._advance(1)

    def _keyval(self, table: Path_) -> None:
        line = self.line
        path = table + self._key()
        self._advance(1)  # the "="
        self._skip_blanks()
        self.lines.setdefault(path, line)
        self._value(path)

    def _value(self, path: Path_) -> None:
        c = self._peek()
        if self._peek(3) in ('"""', "'''"):
            self._string(self._peek(3))
        elif c in "\"'":
            self._string(c)
        elif c in "[{":
            self._items(path, "]" if c == "[" else "}")
        else:
            match = _SCALAR.match(self.text, self.pos)
            self._advance(match.end() - self.pos if match else 1)

    def _string(self, quote: str) -> None:
        self._advance(len(quote))
        while self._peek(len(quote)) != quote:
            self._advance(2 if quote[0] == '"' and self._peek() == "\\" else 1)
        self._advance(len(quote))
        while len(quote) == 3 and self._peek() == quote[0]:  # up to two quotes may close a multi-line string
            self._advance(1)

    def _items(self, path: Path_, close: str) -> None:
        self._advance(1)
        index = 0
        while True:
            self._skip()
            if self._peek() == close:
                self._advance(1)
                return
            if close == "]":
                self.lines.setdefault(path + (index,), self.line)
                self._value(path + (index,))
                index += 1
            else:
                self._keyval(path)
            self._skip()
            if self._peek() == ",":
                self._advance(1)
