"""The report's draft: written by the team leader before it is sent, at the office or in the field.

A draft is the case's Report row before it is submitted (submitted_at empty). In the field it
travels back with the package and is merged like the checklist (services/field/merge_rows); at
the office the report form opens on it, so nothing is typed twice.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.models import Report, db
from desktop.models.base import now
from desktop.services.errors import StaleRecord, WorkflowError
from desktop.services.security import audit
from desktop.services.session import Session
from desktop.services.sijarla.drafts import ReportDraft
from desktop.services.sijarla.team import _require_team_member
from desktop.services.sop.workflow import get_case
from desktop.services.validation import clean_int, clean_text


@dataclass(frozen=True)
class SavedReport:
    draft: ReportDraft
    version: int
    submitted: bool


def saved_report(actor: Session, case_id: int) -> SavedReport | None:
    """The case's report as saved (a draft, or what was sent), for its team; None before any."""
    case = get_case(clean_int(case_id, "Kasus", 1))
    _require_team_member(actor, case)
    row = Report.get_or_none(Report.case == case.id)
    if row is None:
        return None
    draft = ReportDraft(row.introduction, row.activities, row.conclusion, row.closing)
    return SavedReport(draft, row.version, row.submitted_at is not None)


def save_report_draft(actor: Session, case_id: int, draft: ReportDraft, expected_version: int | None) -> int:
    """Keep the leader's texts without sending them; the draft's new version. `expected_version`:
    the version the form was opened on (None: there was no draft), refused when saved meanwhile."""
    values = {
        "introduction": clean_text(
            draft.introduction, "A. Pendahuluan", 4000, multiline=True, required=False
        ),
        "activities": clean_text(draft.activities, "B. Kegiatan", 8000, multiline=True, required=False),
        "conclusion": clean_text(
            draft.conclusion, "D. Simpulan dan saran", 4000, multiline=True, required=False
        ),
        "closing": clean_text(draft.closing, "E. Penutup", 2000, multiline=True, required=False),
    }
    with db.atomic():
        case = get_case(clean_int(case_id, "Kasus", 1))
        _require_team_member(actor, case, leader=True)
        if case.current_step != "pelayanan" or case.status != "berjalan":
            raise WorkflowError("Draf laporan hanya dapat disimpan pada tahap pelayanan.")
        row = Report.get_or_none(Report.case == case.id)
        if row is not None and row.submitted_at is not None:
            raise WorkflowError("Laporan kasus ini sudah dikirim; drafnya tidak dapat diubah lagi.")
        if row is None:
            if expected_version is not None:
                raise StaleRecord("Draf laporan ini sudah tidak ada. Muat ulang, lalu simpan lagi.")
            Report.create(case=case.id, **values)
            version = 1
        else:
            if expected_version is None or clean_int(expected_version, "Versi", 1) != row.version:
                raise StaleRecord(
                    f"Draf laporan sudah disimpan orang lain pada {row.updated_at:%d-%m-%Y %H:%M}. "
                    "Tutup formulir, buka lagi, lalu terapkan kembali isian Anda."
                )
            changed = (
                Report.update(version=Report.version + 1, updated_at=now(), **values)
                .where((Report.id == row.id) & (Report.version == row.version))
                .execute()
            )
            if changed != 1:
                raise StaleRecord("Draf laporan baru saja disimpan orang lain. Buka lagi formulirnya.")
            version = row.version + 1
        audit.record(actor, "draf_laporan_disimpan", "sop_case", case.id)
        return version
