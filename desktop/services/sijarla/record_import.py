"""Importing service records from a spreadsheet (.xlsx or .csv), and the template to fill in.

The header row names the columns (several usual spellings each); every row is checked and the file
is imported all or nothing, or only its clean rows when asked. When the case serves one nagari, the
Nagari column may be left out (or a cell left empty): the row takes that nagari.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import operator
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from peewee import Field

from desktop.models import ServiceCategory, ServiceOutcome, ServiceRecord, SopCase, TargetGroup, bulk, db
from desktop.models.base import now
from desktop.services.errors import InvalidInput
from desktop.services.security import audit
from desktop.services.session import Session
from desktop.services.sijarla.record_rules import CHECKED_FIELDS, _checked, _Lookups
from desktop.services.sijarla.service_records import ImportResult, RowError, _lookups_for, _recording_case

COLUMNS = {
    "nik": ("nik",),
    "full_name": ("nama", "nama lengkap"),
    "kk": ("kk", "no kk", "nomor kk", "no. kk"),
    "address": ("alamat",),
    "jorong": ("jorong",),
    "nagari": ("nagari", "kode nagari"),
    "category": ("kategori", "layanan", "kategori layanan", "jenis layanan"),
    "target_group": ("sasaran", "kelompok sasaran"),
    "outcome": ("hasil", "status"),
    "outcome_reason": ("alasan", "alasan hasil"),
    "note": ("keterangan", "catatan"),
    "served_on": ("tanggal", "tanggal pelayanan"),
}
REQUIRED = ("nik", "full_name", "nagari", "category", "target_group", "outcome", "served_on")
LABELS = {
    "nik": "NIK",
    "full_name": "Nama",
    "kk": "KK",
    "address": "Alamat",
    "jorong": "Jorong",
    "nagari": "Nagari",
    "category": "Kategori",
    "target_group": "Sasaran",
    "outcome": "Hasil",
    "outcome_reason": "Alasan",
    "note": "Keterangan",
    "served_on": "Tanggal",
}
TEMPLATE_FORMATS = (".xlsx", ".csv")


def case_nagari(case: SopCase) -> list[int]:
    """The nagari the case's assignment serves (a case names one; none for a case without)."""
    return [case.nagari_id] if case.nagari_id else []


@dataclass
class Table:
    """A spreadsheet read once: its rows (header first) and how many follow the header."""

    rows: Iterator[list]
    data_rows: int


def open_table(path: Path) -> Table:
    """The first sheet of an .xlsx (python-calamine) or a .csv (UTF-8, comma, semicolon or tab), read
    once: the row count for a progress bar comes from what was read, not from a second pass."""
    suffix = path.suffix.lower()
    if suffix not in (".xlsx", ".csv"):
        raise InvalidInput("Berkas harus .xlsx atau .csv.", field="file")
    data = path.read_bytes()
    rows = _xlsx_rows(data) if suffix == ".xlsx" else _csv_rows(data)
    return Table(iter(rows), max(0, len(rows) - 1))


def read_table(path: Path) -> Iterator[list]:
    """Rows of an .xlsx (first sheet) or .csv file, header first."""
    return open_table(path).rows


def _xlsx_rows(data: bytes) -> list[list]:
    from python_calamine import CalamineError, CalamineWorkbook

    try:
        book = CalamineWorkbook.from_filelike(io.BytesIO(data))
        try:
            # From A1 like the sheet itself, so row numbers in messages are the spreadsheet's own.
            return book.get_sheet_by_index(0).to_python(skip_empty_area=False)
        finally:
            book.close()
    except (CalamineError, ValueError, OSError) as exc:
        raise InvalidInput(
            "Berkas .xlsx tidak dapat dibaca: berkasnya rusak atau bukan lembar kerja Excel. Buka dan "
            "simpan ulang di Excel sebagai .xlsx, atau simpan sebagai .csv.",
            field="file",
        ) from exc


def _csv_rows(data: bytes) -> list[list]:
    text = data.decode("utf-8-sig")
    dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t") if text.strip() else csv.excel
    return list(csv.reader(io.StringIO(text), dialect))


def _header_map(header: list, nagari_optional: bool = False) -> dict[str, int]:
    names = [str(h or "").strip().casefold() for h in header]
    mapping = {}
    for key, aliases in COLUMNS.items():
        for i, name in enumerate(names):
            if name in aliases:
                mapping[key] = i
                break
    required = [k for k in REQUIRED if not (k == "nagari" and nagari_optional)]
    missing = [LABELS[k] for k in required if k not in mapping]
    if missing:
        raise InvalidInput(f"Kolom wajib tidak ada di baris judul: {', '.join(missing)}.", field="file")
    return mapping


def _cell_text(value) -> str:
    if value.__class__ is str:
        return value.strip()
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    return str(value).strip()


def _blank(raw: list) -> bool:
    """Whether every cell of the row is empty (such rows are skipped, as a spreadsheet shows them)."""
    for value in raw:
        if value is not None and value != "" and _cell_text(value):
            return False
    return True


def _parse_date(value) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = _cell_text(value)
    for fmt in ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y"):
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise InvalidInput(f"Tanggal '{text}' tidak dikenali; gunakan HH-BB-TTTT.", field="served_on")


# What the bulk write lists, in order: the columns a row of the file fills (CHECKED_FIELDS), between
# the ones every row of the import shares. Never the generated nik_masked / kk_masked.
WRITTEN: list[Field] = [
    ServiceRecord._meta.fields[name]
    for name in ("version", "updated_at", "case", *CHECKED_FIELDS, "recorded_by", "recorded_at")
]


def import_records(
    actor: Session, case_id: int, rows: Iterable[list], *, import_clean_rows: bool = False
) -> ImportResult:
    """Check every row; import all or nothing, or only the clean rows when asked explicitly."""
    rows = iter(rows)
    header = next(rows, None)
    if header is None:
        raise InvalidInput("Berkas kosong.", field="file")
    with db.atomic():
        case = _recording_case(actor, case_id)
        served = case_nagari(case)
        only = served[0] if len(served) == 1 else None
        mapping = _header_map(list(header), nagari_optional=only is not None)
        reader = _RowReader(mapping, len(header), _lookups_for(case), only)
        seen = {
            (r.nik, r.category_id)
            for r in ServiceRecord.select(ServiceRecord.nik, ServiceRecord.category).where(
                ServiceRecord.case == case.id
            )
        }
        good, errors, total = [], [], 0
        for number, raw in enumerate(rows, start=2):
            if _blank(raw):
                continue
            total += 1
            try:
                values = reader.values(raw)
            except InvalidInput as exc:
                errors.append(RowError(number, LABELS.get(exc.field or "", exc.field or ""), exc.message))
                continue
            key = (values[0], values[8])  # nik, category
            if key in seen:
                errors.append(RowError(number, "NIK", "NIK dan layanan yang sama sudah ada (duplikat)."))
                continue
            seen.add(key)
            good.append(values)
        if errors and not import_clean_rows:
            return ImportResult(total, 0, errors)
        stamp = now()
        head, tail = (1, stamp, case.id), (actor.user_id, stamp)
        bulk.insert_rows(ServiceRecord, WRITTEN, (head + values + tail for values in good))
        audit.record(actor, "pelayanan_diimpor", "sop_case", case.id, baris=len(good), ditolak=len(errors))
        return ImportResult(total, len(good), errors)


class _RowReader:
    """One row of the file to the checked values of a record (record_rules._checked)."""

    def __init__(
        self, mapping: dict[str, int], width: int, lookups: _Lookups, only_nagari: int | None
    ) -> None:
        self.lookups, self.only_nagari = lookups, only_nagari
        self.columns = [mapping.get(key) for key in COLUMNS]
        # A row as wide as the header (every row of a sheet, most of a .csv): one C call picks its
        # cells, a column the file lacks read from one None added at its end.
        self.width = width
        self.pick = operator.itemgetter(*(width if i is None else i for i in self.columns))
        self.padded = None in self.columns
        self.dates: dict[str, dt.date | str] = {}  # a date typed as text -> the day, or why not

    def day(self, value) -> dt.date:
        """_parse_date, once per distinct text (a file repeats its few service days)."""
        if value.__class__ is not str:
            return _parse_date(value)
        found = self.dates.get(value)
        if found is None:
            try:
                found = _parse_date(value)
            except InvalidInput as exc:
                found = exc.message
            self.dates[value] = found
        if isinstance(found, str):
            raise InvalidInput(found, field="served_on")
        return found

    def cells(self, raw: list) -> Sequence:
        width = len(raw)
        if width == self.width:
            return self.pick([*raw, None] if self.padded else raw)
        return [raw[i] if i is not None and i < width else None for i in self.columns]

    def values(self, raw: list) -> tuple:
        cells = self.cells(raw)
        nik, name, kk, address, jorong, nagari, category, group, outcome, reason, note, _ = [
            c.strip() if c.__class__ is str else _cell_text(c) for c in cells
        ]
        only = self.only_nagari
        nagari_id = only if (only and not nagari) else self.lookups.nagari_id(nagari)
        day = self.day(cells[11])
        lookups = self.lookups
        return _checked(
            lookups, nik, name, nagari_id, category, group, outcome, day, kk, address, jorong, reason, note
        )


def import_file(actor: Session, case_id: int, path: Path, *, import_clean_rows: bool = False) -> ImportResult:
    """Import an .xlsx or .csv file of service records."""
    return import_records(actor, case_id, read_table(path), import_clean_rows=import_clean_rows)


# --- The template ---------------------------------------------------------------------------------


def template_rows(actor: Session, case_id: int) -> tuple[list[str], list, list[tuple[str, str, str]]]:
    """The template's header row, one example row, and a note per column (column, wajib, isi)."""
    with db.atomic():
        case = _recording_case(actor, case_id)
        place = case.nagari.name if case.nagari_id else ""
        categories = _names(ServiceCategory)
        groups = _names(TargetGroup)
        outcomes = _names(ServiceOutcome)
    header = [LABELS[k] for k in COLUMNS]
    example = {
        "nik": "1302xxxxxxxxxxxx",
        "full_name": "Contoh: Siti Aminah (ganti baris ini)",
        "kk": "",
        "address": "Jl. Contoh No. 1",
        "jorong": "",
        "nagari": place,
        "category": categories[0] if categories else "",
        "target_group": groups[-1] if groups else "",
        "outcome": outcomes[0] if outcomes else "",
        "outcome_reason": "",
        "note": "",
        "served_on": dt.date.today().strftime("%d-%m-%Y"),
    }
    single = len(case_nagari(case)) == 1
    notes = [
        ("NIK", "wajib", "16 angka"),
        ("Nama", "wajib", "nama lengkap warga"),
        ("KK", "boleh kosong", "16 angka"),
        ("Alamat", "boleh kosong", "alamat warga"),
        ("Jorong", "boleh kosong", "nama jorong"),
        (
            "Nagari",
            "boleh kosong (kasus ini satu nagari: " + place + ")" if single else "wajib",
            "nama atau kode Kemendagri nagari",
        ),
        ("Kategori", "wajib", "; ".join(categories)),
        ("Sasaran", "wajib", "; ".join(groups)),
        ("Hasil", "wajib", "; ".join(outcomes)),
        ("Alasan", "wajib bila hasil meminta alasan", "mis. alasan gagal rekam atau ditunda"),
        ("Keterangan", "boleh kosong", "catatan lain"),
        ("Tanggal", "wajib", "tanggal pelayanan, HH-BB-TTTT (mis. 05-03-2026)"),
    ]
    return header, [example[k] for k in COLUMNS], notes


def write_template(actor: Session, case_id: int, path: Path) -> Path:
    """Write the import template (.xlsx with a sheet of notes, or .csv) where the user chose."""
    suffix = path.suffix.lower()
    if suffix not in TEMPLATE_FORMATS:
        raise InvalidInput("Templat disimpan sebagai .xlsx atau .csv.", field="file")
    header, example, notes = template_rows(actor, case_id)
    if suffix == ".csv":
        out = io.StringIO()
        writer = csv.writer(out, delimiter=";")
        writer.writerow(header)
        writer.writerow(example)
        path.write_bytes(out.getvalue().encode("utf-8-sig"))
        return path
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.title = "Data pelayanan"
    sheet.append(header)
    sheet.append(example)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for i, _ in enumerate(header):
        sheet.column_dimensions[sheet.cell(1, i + 1).column_letter].width = 22
    help_sheet = book.create_sheet("Petunjuk")
    help_sheet.append(["Kolom", "Wajib?", "Isi"])
    for row in notes:
        help_sheet.append(list(row))
    help_sheet.append([])
    help_sheet.append(
        ["Baris 2 lembar 'Data pelayanan' adalah contoh: ganti dengan data warga yang dilayani."]
    )
    book.save(path)
    return path


def _names(model) -> list[str]:
    rows = model.select(model.name).where(model.is_active).order_by(model.sort_order, model.id)
    return [r.name for r in rows]
