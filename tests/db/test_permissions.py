"""Permission matrix: every use case attempted by every role.

Only the SOP's pelaksana succeeds; everyone else gets PermissionDenied and the database
is left exactly as it was.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

import pytest

from desktop import roles as R
from desktop.models import (
    ALL_MODELS,
    AuditLog,
    PreparationCheck,
    Recap,
    ServiceRecord,
    SopCase,
    Team,
    TeamMember,
)
from desktop.services.errors import PermissionDenied
from desktop.services.office.users import NewUser, add_user
from desktop.services.sijarla import recap, record_import, service_records
from desktop.services.sijarla import steps as sijarla

from .factories import PASSWORD, letter_draft, make_office, nagari, session, team

pytestmark = pytest.mark.usefixtures("database")
TODAY = dt.date.today()
ALL_ROLES = [r.code for r in R.BUILTIN_ROLES]


def role_users() -> dict[str, object]:
    """One account per role holding only that role; team roles join Tim SIJARLA I."""
    sessions = {}
    for code in ALL_ROLES:
        add_user(None, NewUser(f"r.{code[:30]}", f"Uji {code}", PASSWORD, (code,)))
        sessions[code] = session(f"r.{code[:30]}")
    for code, leader in ((R.KETUA_TIM, True), (R.ANGGOTA_TIM, False)):
        TeamMember.create(team=team(), user=sessions[code].user_id, is_leader=leader)
    return sessions


def at_step(step: str) -> int:
    """A fresh case brought to `step` by the demo office's own people."""
    receipt = sijarla.register_letter(session("meja"), letter_draft())
    case_id = receipt.case_id
    if step == "disposisi":
        return case_id
    draft = sijarla.DispositionDraft("Laksanakan.", team().id, TODAY + dt.timedelta(days=3))
    d_id = sijarla.save_disposition(session("kabid"), case_id, draft)
    sijarla.sign_disposition(session("kabid"), d_id, PASSWORD, 1)
    if step == "surat_tugas":
        return case_id
    members = (session("ketua1").user_id, session("anggota1").user_id)
    sijarla.issue_assignment(
        session("kadis"),
        case_id,
        sijarla.AssignmentDraft(members, "Koto Baru", TODAY, TODAY),
        PASSWORD,
        SopCase.get_by_id(case_id).version,
    )
    if step == "persiapan":
        return case_id
    for row in PreparationCheck.select().where(PreparationCheck.case == case_id):
        sijarla.check_preparation(session("anggota1"), case_id, row.item, True, "", row.version)
    sijarla.finish_preparation(session("ketua1"), case_id, SopCase.get_by_id(case_id).version)
    if step == "pelayanan":
        return case_id
    service_records.add_record(session("anggota1"), case_id, record_draft())
    return case_id


def record_draft(nik: str = "1302034507510002") -> service_records.RecordDraft:
    return service_records.RecordDraft(
        nik=nik,
        full_name="Siti Rahmah",
        nagari_id=nagari().id,
        category="ktp_rekam",
        target_group="lansia",
        outcome="selesai",
        served_on=TODAY,
    )


def recap_in(status: str) -> Recap:
    view = recap.build_recap(session("kph"), recap.period("tahun", TODAY.year))
    if status in ("diteruskan", "diajukan"):
        recap.forward_recap(session("kph"), view.id, view.version)
    if status == "diajukan":
        recap.submit_recap(session("kabidpdip"), view.id, view.version + 1)
    return Recap.get_by_id(view.id)


@dataclass(frozen=True)
class UseCase:
    name: str
    allowed: frozenset[str]
    arrange: Callable[[], object]
    act: Callable[[object, object], object]


def _v(case_id: int) -> int:
    return SopCase.get_by_id(case_id).version


def _disposition_ready() -> int:
    case_id = at_step("disposisi")
    draft = sijarla.DispositionDraft("Laksanakan.", team().id, TODAY + dt.timedelta(days=3))
    return sijarla.save_disposition(session("kabid"), case_id, draft)


USE_CASES = [
    UseCase(
        "register_letter",
        frozenset({R.FRONT_DESK}),
        lambda: None,
        lambda s, _: sijarla.register_letter(s, letter_draft()),
    ),
    UseCase(
        "receipt_for",
        frozenset({R.FRONT_DESK, R.KABID_PELAYANAN, R.KEPALA_DINAS}),
        lambda: at_step("disposisi"),
        lambda s, c: sijarla.receipt_for(s, c),
    ),
    UseCase(
        "open_from_analysis",
        frozenset({R.KEPALA_DINAS}),
        lambda: None,
        lambda s, _: sijarla.open_from_analysis(s, nagari().id, "Capaian rendah."),
    ),
    UseCase(
        "return_request",
        frozenset({R.KABID_PELAYANAN}),
        lambda: at_step("disposisi"),
        lambda s, c: sijarla.return_request(s, c, "Kurang lampiran.", _v(c)),
    ),
    UseCase(
        "resubmit_request",
        frozenset({R.FRONT_DESK}),
        lambda: _returned(),
        lambda s, c: sijarla.resubmit_request(s, c, "Lampiran sudah ada.", _v(c)),
    ),
    UseCase(
        "save_disposition",
        frozenset({R.KABID_PELAYANAN}),
        lambda: at_step("disposisi"),
        lambda s, c: sijarla.save_disposition(
            s, c, sijarla.DispositionDraft("Laksanakan.", team().id, TODAY + dt.timedelta(days=3))
        ),
    ),
    UseCase(
        "sign_disposition",
        frozenset({R.KABID_PELAYANAN}),
        _disposition_ready,
        lambda s, d: sijarla.sign_disposition(s, d, PASSWORD, 1),
    ),
    UseCase(
        "issue_assignment",
        frozenset({R.KEPALA_DINAS}),
        lambda: at_step("surat_tugas"),
        lambda s, c: sijarla.issue_assignment(
            s,
            c,
            sijarla.AssignmentDraft((session("ketua1").user_id,), "Koto Baru", TODAY, TODAY),
            PASSWORD,
            _v(c),
        ),
    ),
    UseCase(
        "check_preparation",
        frozenset({R.KETUA_TIM, R.ANGGOTA_TIM}),
        lambda: at_step("persiapan"),
        lambda s, c: sijarla.check_preparation(s, c, "siak_data", True, "ok", 1),
    ),
    UseCase(
        "finish_preparation",
        frozenset({R.KETUA_TIM}),
        lambda: _prepared(),
        lambda s, c: sijarla.finish_preparation(s, c, _v(c)),
    ),
    UseCase(
        "add_record",
        frozenset({R.KETUA_TIM, R.ANGGOTA_TIM}),
        lambda: at_step("pelayanan"),
        lambda s, c: service_records.add_record(s, c, record_draft()),
    ),
    UseCase(
        "import_records",
        frozenset({R.KETUA_TIM, R.ANGGOTA_TIM}),
        lambda: at_step("pelayanan"),
        lambda s, c: record_import.import_records(
            s,
            c,
            [
                ["NIK", "Nama", "Nagari", "Kategori", "Sasaran", "Hasil", "Tanggal"],
                ["1302031203800011", "Syafrizal", nagari().code, "kia", "umum", "selesai", TODAY.isoformat()],
            ],
        ),
    ),
    UseCase(
        "submit_report",
        frozenset({R.KETUA_TIM}),
        lambda: at_step("laporan"),
        lambda s, c: sijarla.submit_report(s, c, sijarla.ReportDraft("A", "B", "D"), _v(c)),
    ),
    UseCase(
        "build_recap",
        frozenset({R.KETUA_PELAKSANA_HARIAN}),
        lambda: None,
        lambda s, _: recap.build_recap(s, recap.period("tahun", TODAY.year)),
    ),
    UseCase(
        "forward_recap",
        frozenset({R.KETUA_PELAKSANA_HARIAN}),
        lambda: recap_in("draf"),
        lambda s, r: recap.forward_recap(s, r.id, r.version),
    ),
    UseCase(
        "submit_recap",
        frozenset({R.KABID_PEMANFAATAN}),
        lambda: recap_in("diteruskan"),
        lambda s, r: recap.submit_recap(s, r.id, r.version),
    ),
    UseCase(
        "acknowledge_recap",
        frozenset({R.KEPALA_DINAS}),
        lambda: recap_in("diajukan"),
        lambda s, r: recap.acknowledge_recap(s, r.id, r.version),
    ),
]


def _returned() -> int:
    case_id = at_step("disposisi")
    sijarla.return_request(session("kabid"), case_id, "Kurang lampiran.", _v(case_id))
    return case_id


def _prepared() -> int:
    case_id = at_step("persiapan")
    for row in PreparationCheck.select().where(PreparationCheck.case == case_id):
        sijarla.check_preparation(session("anggota1"), case_id, row.item, True, "", row.version)
    return case_id


def snapshot() -> dict[str, object]:
    """Row counts of every table and every editable row's version (the audit log aside)."""
    state: dict[str, object] = {}
    for model in ALL_MODELS:
        if model is AuditLog:
            continue
        state[model.__name__] = model.select().count()
        if "version" in model._meta.fields:
            state[model.__name__ + ".versions"] = sorted(model.select(model.id, model.version).tuples())
    return state


@pytest.mark.parametrize("use_case", USE_CASES, ids=lambda u: u.name)
def test_only_the_sop_pelaksana_may_act(use_case: UseCase):
    make_office()
    sessions = role_users()
    target = use_case.arrange()
    for code in ALL_ROLES:
        if code in use_case.allowed:
            continue
        before = snapshot()
        with pytest.raises(PermissionDenied):
            use_case.act(sessions[code], target)
        assert snapshot() == before, f"{use_case.name} by {code} changed the database"
    for code in sorted(use_case.allowed):
        use_case.act(sessions[code], target)
        break


def test_member_of_another_team_may_not_record_for_this_case():
    make_office()
    case_id = at_step("pelayanan")
    outsider = session("anggota3")  # Tim SIJARLA II
    assert Team.get_by_id(SopCase.get_by_id(case_id).team_id).name == "Tim SIJARLA I"
    with pytest.raises(PermissionDenied, match="ditugaskan"):
        service_records.add_record(outsider, case_id, record_draft())
    assert ServiceRecord.select().where(ServiceRecord.case == case_id).count() == 0
