"""Tim SIJARLA: the preparation checklist under the Surat Tugas, then the report by name by address."""

from __future__ import annotations

import datetime as dt

from desktop import roles as R
from desktop.models import (
    PreparationCheck,
    Report,
    SopCase,
    TeamMember,
    db,
)
from desktop.models.base import now
from desktop.services.errors import NotFound, PermissionDenied, StaleRecord, WorkflowError
from desktop.services.security import audit
from desktop.services.security.auth import require_role
from desktop.services.session import Session
from desktop.services.sijarla.base import _last_editor, summarize
from desktop.services.sijarla.disposition import disposition_payload as disposition_payload
from desktop.services.sijarla.disposition import resubmit_request as resubmit_request
from desktop.services.sijarla.disposition import return_request as return_request
from desktop.services.sijarla.disposition import save_disposition as save_disposition
from desktop.services.sijarla.disposition import sign_disposition as sign_disposition
from desktop.services.sijarla.drafts import (
    PREPARATION_ITEMS,
    CaseSummary,
    ReportDraft,
)
from desktop.services.sop.workflow import advance, get_case, requirement_check
from desktop.services.validation import clean_code, clean_text


def _require_team_member(actor: Session, case: SopCase, *, leader: bool = False) -> None:
    require_role(actor, R.KETUA_TIM if leader else R.ANGGOTA_TIM, R.KETUA_TIM)
    link = TeamMember.get_or_none((TeamMember.team == case.team_id) & (TeamMember.user == actor.user_id))
    if link is None or (leader and not link.is_leader):
        who = "ketua tim" if leader else "anggota tim"
        raise PermissionDenied(
            f"Hanya {who} yang ditugaskan pada kasus {case.reference} yang dapat melakukannya."
        )


def check_preparation(
    actor: Session, case_id: int, item: str, done: bool, note: str, expected_version: int
) -> int:
    """Tick or untick a preparation item (who, when and a note are kept); returns the new version."""
    with db.atomic():
        case = get_case(case_id)
        if case.current_step != "persiapan":
            raise WorkflowError("Daftar persiapan hanya dapat diisi pada tahap persiapan.")
        _require_team_member(actor, case)
        row = PreparationCheck.get_or_none(
            (PreparationCheck.case == case.id)
            & (PreparationCheck.item == clean_code(item, "Butir persiapan", field="item"))
        )
        if row is None:
            raise NotFound("Butir persiapan tidak dikenal.")
        text = clean_text(note, "Catatan", 1000, field="note", required=False, multiline=True)
        updated = (
            PreparationCheck.update(
                is_done=done,
                note=text,
                checked_by=actor.user_id if done else None,
                checked_at=now() if done else None,
                version=PreparationCheck.version + 1,
                updated_at=now(),
            )
            .where((PreparationCheck.id == row.id) & (PreparationCheck.version == expected_version))
            .execute()
        )
        if updated != 1:
            raise _stale_preparation(case, row)
        audit.record(
            actor, "persiapan_dicentang" if done else "persiapan_dibatalkan", "sop_case", case.id, butir=item
        )
        return expected_version + 1


def _stale_preparation(case: SopCase, row: PreparationCheck) -> StaleRecord:
    """The refusal of a tick someone else changed meanwhile, naming who and when."""
    fresh = PreparationCheck.get_by_id(row.id)
    actions = ("persiapan_dicentang", "persiapan_dibatalkan")
    who = _last_editor("sop_case", case.id, actions, butir=row.item) or "pengguna lain"
    return StaleRecord(
        f"Butir '{row.label}' sudah diubah oleh {who} pada {fresh.updated_at:%d-%m-%Y %H:%M}. "
        "Muat ulang daftar persiapan, lalu terapkan kembali isian Anda."
    )


def _preparation_missing(case: SopCase, item: str) -> str | None:
    row = PreparationCheck.get_or_none((PreparationCheck.case == case.id) & (PreparationCheck.item == item))
    return None if row is not None and row.is_done else "Belum dicentang pada daftar persiapan."


def _checklist_item(item: str) -> None:
    def check(case: SopCase) -> str | None:
        return _preparation_missing(case, item)

    requirement_check(item)(check)


for _item in PREPARATION_ITEMS:
    _checklist_item(_item)


def finish_preparation(
    actor: Session, case_id: int, expected_version: int, note: str = "", *, on: dt.date | None = None
) -> CaseSummary:
    """The team leader closes preparation once every item is done; the team goes to the field."""
    with db.atomic():
        case = get_case(case_id)
        _require_team_member(actor, case, leader=True)
        text = clean_text(note, "Catatan", 1000, required=False, multiline=True)
        advance(actor, case, "selesai", expected_version=expected_version, note=text, on=on)
        return summarize(get_case(case_id))


def submit_report(
    actor: Session, case_id: int, draft: ReportDraft, expected_version: int, *, on: dt.date | None = None
) -> CaseSummary:
    """The team leader submits the Laporan Pelaksanaan to the Ketua Pelaksana Harian."""
    from desktop.models import ServiceRecord

    with db.atomic():
        case = get_case(case_id)
        if case.current_step != "pelayanan":
            raise WorkflowError("Laporan hanya dapat disampaikan pada tahap pelayanan.")
        _require_team_member(actor, case, leader=True)
        if not ServiceRecord.select().where(ServiceRecord.case == case.id).exists():
            raise WorkflowError(
                "Belum ada data pelayanan by name by address; laporan tidak dapat disampaikan."
            )
        values = {
            "introduction": clean_text(draft.introduction, "A. Pendahuluan", 4000, multiline=True),
            "activities": clean_text(draft.activities, "B. Kegiatan", 8000, multiline=True),
            "conclusion": clean_text(draft.conclusion, "D. Simpulan dan saran", 4000, multiline=True),
            "closing": clean_text(draft.closing, "E. Penutup", 2000, multiline=True),
        }
        Report.insert(case=case.id, submitted_by=actor.user_id, submitted_at=now(), **values).on_conflict(
            conflict_target=[Report.case],
            update={
                **values,
                "submitted_by": actor.user_id,
                "submitted_at": now(),
                "version": Report.version + 1,
            },
        ).execute()
        advance(actor, case, "selesai", expected_version=expected_version, note="Laporan disampaikan", on=on)
        return summarize(get_case(case_id))
