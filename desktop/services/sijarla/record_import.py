"""Importing service records from a spreadsheet (.xlsx or .csv), and the template to fill in.

The header row names the columns (several usual spellings each); every row is checked and the file
is imported all or nothing, or only its clean rows when asked. When the case serves one nagari, the
Nagari column may be left out (or a cell left empty): the row takes that nagari.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable, Iterator
from pathlib import Path

from desktop.models import ServiceCategory, ServiceOutcome, ServiceRecord, SopCase, TargetGroup, db
from desktop.services.errors import InvalidInput
from desktop.services.security import audit
from desktop.services.session import Session
from desktop.services.sijarla.service_records import (
    ImportResult,
    RecordDraft,
    RowError,
    _clean,
    _Lookups,
    _lookups_for,
    _recording_case,
)

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


def read_table(path: Path) -> Iterator[list]:
    """Rows of an .xlsx (first sheet) or .csv (UTF-8, comma or semicolon) file, header first."""
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        from openpyxl import load_workbook

        workbook = load_workbook(path, read_only=True, data_only=True)
        try:
            yield from (list(r) for r in workbook.worksheets[0].iter_rows(values_only=True))
        finally:
            workbook.close()
    elif suffix == ".csv":
        text = path.read_bytes().decode("utf-8-sig")
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t") if text.strip() else csv.excel
        yield from csv.reader(io.StringIO(text), dialect)
    else:
        raise InvalidInput("Berkas harus .xlsx atau .csv.", field="file")


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
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    return str(value).strip()


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
        lookups = _lookups_for(case)
        seen = {
            (r.nik, r.category_id)
            for r in ServiceRecord.select(ServiceRecord.nik, ServiceRecord.category).where(
                ServiceRecord.case == case.id
            )
        }
        good, errors, total = [], [], 0
        for number, raw in enumerate(rows, start=2):
            if not any(_cell_text(v) for v in raw):
                continue
            total += 1
            try:
                values = _row_values(raw, mapping, lookups, only)
            except InvalidInput as exc:
                errors.append(RowError(number, LABELS.get(exc.field or "", exc.field or ""), exc.message))
                continue
            key = (values["nik"], values["category"])
            if key in seen:
                errors.append(RowError(number, "NIK", "NIK dan layanan yang sama sudah ada (duplikat)."))
                continue
            seen.add(key)
            good.append({**values, "case": case.id, "recorded_by": actor.user_id})
        if errors and not import_clean_rows:
            return ImportResult(total, 0, errors)
        for start in range(0, len(good), 500):
            ServiceRecord.insert_many(good[start : start + 500]).execute()
        audit.record(actor, "pelayanan_diimpor", "sop_case", case.id, baris=len(good), ditolak=len(errors))
        return ImportResult(total, len(good), errors)


def _row_values(raw: list, mapping: dict[str, int], lookups: _Lookups, only_nagari: int | None) -> dict:
    def cell(key: str):
        index = mapping.get(key)
        return raw[index] if index is not None and index < len(raw) else None

    nagari_text = _cell_text(cell("nagari"))
    draft = RecordDraft(
        nik=_cell_text(cell("nik")),
        full_name=_cell_text(cell("full_name")),
        nagari_id=only_nagari if (only_nagari and not nagari_text) else lookups.nagari_id(nagari_text),
        category=_cell_text(cell("category")),
        target_group=_cell_text(cell("target_group")),
        outcome=_cell_text(cell("outcome")),
        served_on=_parse_date(cell("served_on")),
        kk=_cell_text(cell("kk")),
        address=_cell_text(cell("address")),
        jorong=_cell_text(cell("jorong")),
        outcome_reason=_cell_text(cell("outcome_reason")),
        note=_cell_text(cell("note")),
    )
    return _clean(draft, lookups)


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
