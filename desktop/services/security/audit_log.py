"""Reading the append-only audit log: the administrator's view, its filters and its export.

Only the Administrator may read the log (checked here, on every call). Filter text only ever
reaches SQL as a bound parameter through peewee's contains(), which escapes % and _ (as in
search.py), so every character typed is matched as itself. Lines come newest first, ordered by
(at, id); the view reads them a page at a time by position, and the export streams them by
keyset in chunks, so neither holds the whole log in memory. An export is itself a read of
personal data: it writes its own line to the log, with the filter and the number of lines.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
import re
import tempfile
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from peewee import SQL, fn

from desktop.models import AuditLog, db
from desktop.roles import ADMINISTRATOR
from desktop.services.errors import InvalidInput
from desktop.services.security import audit
from desktop.services.security.auth import require_role
from desktop.services.session import Session
from desktop.services.validation import clean_text

PAGE_SIZE = 200
EXPORT_CHUNK = 2000
EXPORT_SUFFIXES = (".csv", ".xlsx")
EXPORT_HEADER = ("Waktu", "Pengguna", "Tindakan", "Objek", "ID objek", "Rincian", "Komputer")

# What a user reads for the entity and action codes the services write (audit.record). An action
# not listed here reads as its words ("surat_masuk_dicatat" -> "Surat masuk dicatat"); the ones
# listed hold English or need more than that. tests/unit/test_audit_names.py walks every
# audit.record() call of the services and checks each name shown.
ENTITY_NAMES: dict[str, str] = {
    "app_user": "Pengguna",
    "assignment_letter": "Surat Tugas",
    "attachment": "Lampiran",
    "audit_log": "Log audit",
    "database": "Database",
    "disposition": "Disposisi",
    "holiday": "Hari libur",
    "incoming_letter": "Surat masuk",
    "innovation": "Inovasi",
    "issued_document": "Dokumen terbit",
    "jorong": "Jorong",
    "meeting": "Rapat",
    "nagari": "Nagari",
    "numbering_pattern": "Pola nomor",
    "office": "Kantor",
    "output_log": "Catatan keluaran inovasi",
    "printer": "Printer",
    "recap": "Rekapitulasi",
    "service_category": "Kategori objek pelayanan",
    "service_outcome": "Hasil pelayanan",
    "service_record": "Data pelayanan",
    "signer": "Penandatangan",
    "sop_case": "Kasus SOP",
    "target_group": "Kelompok sasaran",
    "user": "Pengguna",
}
ACTION_NAMES: dict[str, str] = {
    "login": "Masuk aplikasi",
    "logout": "Keluar aplikasi",
    "login_gagal": "Gagal masuk (kata sandi salah)",
    "login_ditolak_nonaktif": "Masuk ditolak: akun nonaktif",
    "login_ditolak_terkunci": "Masuk ditolak: akun terkunci",
    "kata_sandi_direset": "Kata sandi diatur ulang",
    "database_workstation_diatur": "Database komputer ini diatur",
    "kebijakan_tls_workstation": "Kebijakan TLS komputer ini diatur",
    "keamanan_postgresql_dipasang": "Keamanan PostgreSQL dipasang",
    "output_inovasi_dicatat": "Keluaran inovasi dicatat",
    "draft_disetujui": "Draf disetujui",
    "draft_tidak_disetujui": "Draf tidak disetujui",
    "langkah_sop": "Langkah SOP dijalankan",
    "cari_penduduk": "Pencarian penduduk",
    "pembahasan_awal": "Pembahasan awal dicatat",
    "konsep_final": "Konsep final dicatat",
    "halaman_uji_struk": "Halaman uji struk dicetak",
    "rekap_diteruskan": "Rekapitulasi diteruskan",
    "rekap_diajukan": "Rekapitulasi diajukan",
    "rekap_diterima": "Rekapitulasi diterima",
}


# Service record columns a detail may name (the sort of a logged read), as their headings on screen
# (sijarla.service_records.LABELS; not imported: the SOP packages import this one).
FIELD_NAMES: dict[str, str] = {
    "nik": "NIK",
    "full_name": "nama",
    "kk": "KK",
    "address": "alamat",
    "category": "kategori",
    "target_group": "sasaran",
    "outcome": "hasil",
    "outcome_reason": "alasan",
    "note": "keterangan",
    "served_on": "tanggal pelayanan",
    "case": "kasus",
    "recorded": "waktu pencatatan",
}
_IDENTIFIER = re.compile(r"[a-z][a-z0-9]*(?:_[a-z0-9]+)+|case|recorded")


def _words(code: str) -> str:
    text = code.replace("_", " ").strip()
    return text[:1].upper() + text[1:]


def entity_name(code: str) -> str:
    """The entity code of a log line as a user reads it ("sop_case" -> "Kasus SOP")."""
    return ENTITY_NAMES.get(code, _words(code))


def action_name(code: str) -> str:
    """The action code of a log line as a user reads it ("surat_masuk_dicatat" -> "Surat masuk dicatat").
    A line copied from a field package reads "Di lapangan: ..." (services/field/merge)."""
    if code.startswith(FIELD_PREFIX):
        inner = action_name(code.removeprefix(FIELD_PREFIX))
        return f"Di lapangan: {inner[:1].lower()}{inner[1:]}"
    return ACTION_NAMES.get(code, _words(code))


FIELD_PREFIX = "lapangan:"


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class AuditFilter:
    """Which lines: every field optional; text is matched literally, case-insensitively."""

    date_from: dt.date | None = None
    date_to: dt.date | None = None
    username: str = ""
    action: str = ""  # one action exactly, as distinct_actions() lists them
    entity: str = ""
    text: str = ""  # anywhere in the detail


@dataclass(frozen=True)
class AuditLine:
    id: int
    at: dt.datetime
    username: str
    action: str
    entity: str
    entity_id: int | None
    detail: str  # readable: "kunci: nilai; ..."
    workstation: str


@dataclass(frozen=True)
class AuditExport:
    path: Path
    rows: int


def readable_detail(detail: str) -> str:
    """The JSON detail of a line as "kunci: nilai; ..." (text that is not a JSON object as it is)."""
    try:
        values = json.loads(detail) if detail else {}
    except ValueError:
        return detail
    if not isinstance(values, dict):
        return detail
    return "; ".join(f"{key.replace('_', ' ')}: {_readable_value(value)}" for key, value in values.items())


def _readable_value(value: Any) -> str:
    if value is None or value == {} or value == []:
        return "-"
    if isinstance(value, str):
        return _field_name(value) if _IDENTIFIER.fullmatch(value) else value
    if isinstance(value, dict):
        return ", ".join(f"{key.replace('_', ' ')} {_readable_value(item)}" for key, item in value.items())
    return json.dumps(value, ensure_ascii=False)


def _field_name(code: str) -> str:
    """A record column named in a detail (the sort of a read, say) as its heading on screen."""
    return FIELD_NAMES.get(code, code.replace("_", " "))


def _conditions(f: AuditFilter) -> list[Any]:
    if f.date_from and f.date_to and f.date_from > f.date_to:
        raise InvalidInput("Tanggal awal tidak boleh sesudah tanggal akhir.", field="date_from")
    conditions: list[Any] = []
    if f.date_from:
        conditions.append(AuditLog.at >= dt.datetime.combine(f.date_from, dt.time.min))
    if f.date_to:
        conditions.append(AuditLog.at < dt.datetime.combine(f.date_to + dt.timedelta(days=1), dt.time.min))
    username = clean_text(f.username, "Pengguna", 40, field="username", required=False)
    if username:
        conditions.append(AuditLog.username.contains(username))
    action = clean_text(f.action, "Tindakan", 60, field="action", required=False)
    if action:
        conditions.append(AuditLog.action == action)
    entity = clean_text(f.entity, "Objek", 60, field="entity", required=False)
    if entity:
        conditions.append(AuditLog.entity.contains(entity))
    text = clean_text(f.text, "Teks", 200, field="text", required=False)
    if text:
        # The detail is JSON: a quote or backslash typed is stored escaped, so look for both spellings.
        encoded = json.dumps(text, ensure_ascii=False)[1:-1]
        conditions.append(AuditLog.detail.contains(text) | AuditLog.detail.contains(encoded))
    return conditions


def _select(f: AuditFilter, *fields: Any):
    query = AuditLog.select(*fields)
    for condition in _conditions(f):
        query = query.where(condition)
    return query


def _line(row: AuditLog) -> AuditLine:
    return AuditLine(
        row.id,
        row.at,
        row.username,
        row.action,
        row.entity,
        row.entity_id,
        readable_detail(row.detail),
        row.workstation,
    )


def count(actor: Session, f: AuditFilter = AuditFilter()) -> int:  # noqa: B008 - frozen dataclass
    """How many lines of the audit log match the filter."""
    require_role(actor, ADMINISTRATOR)
    return _select(f, fn.COUNT(SQL("*"))).scalar() or 0


def page(
    actor: Session,
    f: AuditFilter = AuditFilter(),  # noqa: B008 - frozen dataclass
    offset: int = 0,
    limit: int = PAGE_SIZE,
) -> list[AuditLine]:
    """One page of matching lines, newest first, by position."""
    require_role(actor, ADMINISTRATOR)
    if not 1 <= limit <= 5 * PAGE_SIZE or offset < 0:
        raise InvalidInput("Ukuran halaman tidak sah.", field="limit")
    query = _select(f).order_by(AuditLog.at.desc(), AuditLog.id.desc()).offset(offset).limit(limit)
    return [_line(row) for row in query]


def distinct_actions(actor: Session) -> list[str]:
    """Every action that occurs in the log, for the filter's pick list."""
    require_role(actor, ADMINISTRATOR)
    query = AuditLog.select(AuditLog.action).distinct().order_by(AuditLog.action)
    return [row.action for row in query]


def _chunks(f: AuditFilter) -> Iterator[list[AuditLine]]:
    """Every matching line, newest first, EXPORT_CHUNK at a time (keyset on at, id)."""
    last: AuditLine | None = None
    while True:
        query = _select(f).order_by(AuditLog.at.desc(), AuditLog.id.desc()).limit(EXPORT_CHUNK)
        if last is not None:
            query = query.where(
                (AuditLog.at < last.at) | ((AuditLog.at == last.at) & (AuditLog.id < last.id))
            )
        lines = [_line(row) for row in query.iterator()]
        if not lines:
            return
        yield lines
        last = lines[-1]


def _cells(line: AuditLine) -> tuple[Any, ...]:
    return (
        line.at,
        line.username,
        action_name(line.action),
        entity_name(line.entity),
        line.entity_id,
        line.detail,
        line.workstation,
    )


def _csv_text(value: Any) -> Any:
    """A cell Excel will not run as a formula (the log holds whatever users typed)."""
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return "" if value is None else value


def _write_csv(f: AuditFilter, path: str) -> int:
    rows = 0
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:  # the BOM: Excel reads UTF-8
        writer = csv.writer(handle)
        writer.writerow(EXPORT_HEADER)
        for lines in _chunks(f):
            writer.writerows([_csv_text(value) for value in _cells(line)] for line in lines)
            rows += len(lines)
    return rows


def _write_xlsx(f: AuditFilter, path: str) -> int:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    workbook = Workbook(write_only=True)  # rows go to disk as they come
    sheet = workbook.create_sheet("Log audit")
    sheet.append(EXPORT_HEADER)
    rows = 0
    for lines in _chunks(f):
        for line in lines:
            cells = []
            for value in _cells(line):
                cell = WriteOnlyCell(sheet, value)
                if isinstance(value, dt.datetime):
                    cell.number_format = "yyyy-mm-dd hh:mm:ss"
                elif isinstance(value, str):
                    cell.data_type = "s"  # never a formula, whatever the text starts with
                cells.append(cell)
            sheet.append(cells)
        rows += len(lines)
    workbook.save(path)
    return rows


def _filter_detail(f: AuditFilter) -> dict[str, str]:
    return {key: str(value) for key, value in asdict(f).items() if value}


def export(actor: Session, f: AuditFilter, path: Path) -> AuditExport:
    """Write the matching lines to a .csv or .xlsx file at `path` (replaced atomically); logged."""
    require_role(actor, ADMINISTRATOR)
    target = Path(path)
    suffix = target.suffix.lower()
    if suffix not in EXPORT_SUFFIXES:
        raise InvalidInput("Nama berkas ekspor harus berakhiran .csv atau .xlsx.", field="path")
    _conditions(f)  # a bad filter is refused before any file is made
    try:
        handle, temporary = tempfile.mkstemp(suffix=suffix, dir=target.parent)
    except OSError as exc:
        raise InvalidInput(
            f"Folder {target.parent} tidak dapat ditulis ({exc.strerror}).", field="path"
        ) from exc
    os.close(handle)
    try:
        rows = _write_csv(f, temporary) if suffix == ".csv" else _write_xlsx(f, temporary)
        os.replace(temporary, target)
    except OSError as exc:
        raise InvalidInput(
            f"Berkas {target.name} tidak dapat ditulis ({exc.strerror}).", field="path"
        ) from exc
    finally:
        Path(temporary).unlink(missing_ok=True)
    with db.atomic():
        audit.record(
            actor,
            "log_audit_diekspor",
            "audit_log",
            None,
            berkas=target.name,
            baris=rows,
            filter=_filter_detail(f),
        )
    return AuditExport(target, rows)
