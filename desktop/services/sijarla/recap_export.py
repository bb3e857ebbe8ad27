"""A recap leaves the app: as an xlsx workbook of its figures, or as the office's PDF document.

The workbook has a fixed layout (title, period, the SLA summary, then the table by nagari x
category x outcome, and one sheet each by nagari, category and outcome) so that whoever
receives it can rely on where things are. Text from the database is always written as text,
never as a formula. The PDF is the Rekapitulasi document that desktop.services.documents.issue
issues and archives; when that module is not installed, `pdf_unavailable_reason()` says so.
"""

from __future__ import annotations

import datetime as dt
import importlib
import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

from desktop import roles as R
from desktop.models import CaseStep, Recap, SopCase, User, db
from desktop.printing.text import date_range_id
from desktop.services.errors import InvalidInput, NotFound, WorkflowError
from desktop.services.security import audit
from desktop.services.security.auth import require_role
from desktop.services.session import Session
from desktop.services.sijarla.recap import Period, RecapFigures, RecapView
from desktop.services.sop.workflow import builtin_sops

READ_ROLES = (R.KETUA_PELAKSANA_HARIAN, R.KABID_PEMANFAATAN, R.KEPALA_DINAS)
STATUS_LABELS = {
    "draf": "Draf (belum diteruskan)",
    "diteruskan": "Diteruskan ke Kabid Pemanfaatan Data",
    "diajukan": "Diajukan ke Kepala Dinas",
    "diterima": "Diterima Kepala Dinas",
}
# Where things are on the first sheet (1-based rows), for whoever reads the file back.
SUMMARY_ROW = 5
TABLE_HEADER_ROW = 13
TABLE_COLUMNS = ("No", "Kecamatan", "Nagari", "Kategori layanan", "Hasil", "Jumlah")
_FORMULA_START = ("=", "+", "-", "@")


@dataclass(frozen=True)
class StoredRecapInfo:
    """Who built a stored recap and when, for the header of its view and export."""

    built_by: str
    built_at: dt.datetime
    note: str


# --- Reading a stored recap ------------------------------------------------------------------------


def figures_from_json(text: str) -> RecapFigures:
    """The figures a recap was built with, from the JSON snapshot kept with it."""
    data = json.loads(text)
    span = data["period"]
    period = Period(span["kind"], dt.date.fromisoformat(span["start"]), dt.date.fromisoformat(span["end"]))
    return RecapFigures(
        period=period,
        rows=[(str(a), str(b), str(c), str(d), int(n)) for a, b, c, d, n in data.get("rows", [])],
        by_nagari={k: int(v) for k, v in data.get("by_nagari", {}).items()},
        by_category={k: int(v) for k, v in data.get("by_category", {}).items()},
        by_outcome={k: int(v) for k, v in data.get("by_outcome", {}).items()},
        total_records=int(data.get("total_records", 0)),
        served=int(data.get("served", 0)),
        cases_opened=int(data.get("cases_opened", 0)),
        cases_finished=int(data.get("cases_finished", 0)),
        cases_within_limit=int(data.get("cases_within_limit", 0)),
        cases_late=int(data.get("cases_late", 0)),
        case_ids=[int(i) for i in data.get("case_ids", [])],
    )


def stored_recap(actor: Session, recap_id: int) -> RecapView:
    """A recap as it was built, with its current status and version."""
    require_role(actor, *READ_ROLES)
    recap = Recap.get_or_none(Recap.id == recap_id)
    if recap is None:
        raise NotFound("Rekapitulasi tidak ditemukan.")
    completed = (
        SopCase.select(SopCase.reference)
        .join(CaseStep)
        .where((CaseStep.step_code == "rekap") & (CaseStep.note == recap.title))
        .order_by(SopCase.reference)
    )
    figures = figures_from_json(recap.figures)
    return RecapView(
        recap.id, recap.title, recap.status, recap.version, figures, tuple(c.reference for c in completed)
    )


def stored_recap_info(actor: Session, recap_id: int) -> StoredRecapInfo:
    require_role(actor, *READ_ROLES)
    recap = Recap.get_or_none(Recap.id == recap_id)
    if recap is None:
        raise NotFound("Rekapitulasi tidak ditemukan.")
    return StoredRecapInfo(User.get_by_id(recap.built_by_id).full_name, recap.built_at, recap.note)


# --- xlsx ----------------------------------------------------------------------------------------


def export_xlsx(actor: Session, figures: RecapFigures, path: Path, *, title: str, status: str = "") -> Path:
    """Write the recap's figures to an .xlsx workbook at `path` (replaced atomically); returns it."""
    require_role(actor, *READ_ROLES)
    target = Path(path)
    if target.suffix.lower() != ".xlsx":
        raise InvalidInput("Nama berkas ekspor harus berakhiran .xlsx.", field="path")
    workbook = _workbook(figures, title, status, actor.full_name)
    handle, temporary = tempfile.mkstemp(suffix=".xlsx", dir=target.parent)
    os.close(handle)
    try:
        workbook.save(temporary)
        os.replace(temporary, target)
    except OSError as exc:
        Path(temporary).unlink(missing_ok=True)
        raise InvalidInput(
            f"Berkas {target.name} tidak dapat ditulis ({exc.strerror}).", field="path"
        ) from exc
    with db.atomic():
        audit.record(actor, "rekap_diekspor", "recap", None, judul=title, berkas=target.name)
    return target


def _workbook(figures: RecapFigures, title: str, status: str, author: str):
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Rekapitulasi"
    _front_sheet(sheet, figures, title, status, author)
    for name, counts in (
        ("Per nagari", figures.by_nagari),
        ("Per kategori", figures.by_category),
        ("Per hasil", figures.by_outcome),
    ):
        _totals_sheet(workbook.create_sheet(name), name.replace("Per ", "").capitalize(), counts)
    workbook.properties.title = title
    workbook.properties.creator = author
    return workbook


def _put(sheet, row: int, column: int, value, *, bold: bool = False):
    """Write a cell; text that looks like a formula stays text."""
    from openpyxl.styles import Font

    cell = sheet.cell(row=row, column=column, value=value)
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        cell.data_type = "s"
    if bold:
        cell.font = Font(bold=True)
    return cell


def _summary_lines(figures: RecapFigures) -> list[tuple[str, int]]:
    days = builtin_sops()["sijarla"].time_limit_days or 3
    return [
        ("Jumlah data pelayanan (by name by address)", figures.total_records),
        ("Penduduk terlayani (hasil selesai)", figures.served),
        ("Kasus dibuka dalam periode", figures.cases_opened),
        ("Kasus selesai dilayani", figures.cases_finished),
        (f"Selesai dalam batas {days} hari kerja", figures.cases_within_limit),
        ("Terlambat", figures.cases_late),
    ]


def _front_sheet(sheet, figures: RecapFigures, title: str, status: str, author: str) -> None:
    from openpyxl.styles import Font, PatternFill

    period = figures.period
    _put(sheet, 1, 1, title).font = Font(bold=True, size=14)
    span = date_range_id(period.start, period.end)  # written out, as in a sentence
    _put(sheet, 2, 1, f"Periode: {period.title}" + (f" ({span})" if span != period.title else ""))
    stamp = dt.datetime.now().strftime("%d-%m-%Y %H:%M")
    _put(
        sheet,
        3,
        1,
        f"Status: {STATUS_LABELS.get(status, status or 'pratinjau')}. Diekspor {stamp} oleh {author}.",
    )
    _put(sheet, SUMMARY_ROW - 1, 1, "Ringkasan", bold=True)
    for offset, (caption, figure) in enumerate(_summary_lines(figures)):
        _put(sheet, SUMMARY_ROW + offset, 2, caption)
        _put(sheet, SUMMARY_ROW + offset, 6, figure)
    fill = PatternFill("solid", fgColor="E3ECF6")
    for column, heading in enumerate(TABLE_COLUMNS, start=1):
        _put(sheet, TABLE_HEADER_ROW, column, heading, bold=True).fill = fill
    row = TABLE_HEADER_ROW
    for number, group in enumerate(figures.rows, start=1):
        row = TABLE_HEADER_ROW + number
        for column, cell in enumerate((number, *group), start=1):
            _put(sheet, row, column, cell)
    _put(sheet, row + 1, 2, "Jumlah", bold=True)
    _put(sheet, row + 1, 6, figures.total_records, bold=True)
    for letter, width in zip("ABCDEF", (6, 24, 28, 30, 16, 10), strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = sheet.cell(row=TABLE_HEADER_ROW + 1, column=1)
    if figures.rows:
        sheet.auto_filter.ref = f"A{TABLE_HEADER_ROW}:F{TABLE_HEADER_ROW + len(figures.rows)}"


def _totals_sheet(sheet, label: str, counts: dict[str, int]) -> None:
    _put(sheet, 1, 1, label, bold=True)
    _put(sheet, 1, 2, "Jumlah", bold=True)
    ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    for row, (name, n) in enumerate(ordered, start=2):
        _put(sheet, row, 1, name)
        _put(sheet, row, 2, n)
    _put(sheet, len(ordered) + 2, 1, "Jumlah", bold=True)
    _put(sheet, len(ordered) + 2, 2, sum(counts.values()), bold=True)
    sheet.column_dimensions["A"].width = 34
    sheet.column_dimensions["B"].width = 10


# --- PDF (through the documents service, when it is installed) ---------------------------------------


def _documents() -> ModuleType | None:
    try:
        module = importlib.import_module("desktop.services.documents.issue")
    except ImportError:
        return None
    if not hasattr(module, "issue_document") or "rekap" not in getattr(module, "DOC_TYPES", {}):
        return None
    return module


def pdf_unavailable_reason() -> str | None:
    """Why a recap cannot be printed as PDF here, or None when it can."""
    if _documents() is None:
        return (
            "Dokumen PDF rekapitulasi belum tersedia di versi ini: modul pencetakan dokumen belum "
            "terpasang. Gunakan ekspor xlsx."
        )
    return None


def recap_pdf(actor: Session, recap_id: int) -> bytes:
    """The Rekapitulasi document of a stored recap as PDF bytes (issued and archived once)."""
    module = _documents()
    if module is None:
        raise WorkflowError(pdf_unavailable_reason() or "")
    info = module.issue_document(actor, "rekap", recap_id)
    data: bytes = module.get_document(actor, info.id)
    return data
