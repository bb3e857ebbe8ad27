"""Reading SOP files: TOML text checked key by key into a frozen SopDefinition, or a SopFileError."""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, NoReturn

from desktop.services.sop.definition import (
    _CODE,
    END,
    END_MARKERS,
    REJECTED,
    REQUIREMENT_KINDS,
    SCHEMA_VERSION,
    Approver,
    Codes,
    MatrixColumn,
    MatrixRow,
    OutputDoc,
    Requirement,
    SopDefinition,
    SopFileError,
    SopRole,
    SopStart,
    SopStep,
    SopTimeLimit,
    Transition,
)
from desktop.services.sop.toml_lines import Path_, _Locator


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
