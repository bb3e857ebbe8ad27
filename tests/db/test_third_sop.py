"""A third SOP, with roles and steps the app has never seen, runs on the engine with no Python change."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.models import CaseStep, Role, SopCase, User, db
from desktop.services.errors import PermissionDenied, WorkflowError
from desktop.services.office.reference_defaults import ensure_reference_data
from desktop.services.office.users import NewUser, add_user
from desktop.services.security.auth import session_for
from desktop.services.sop import workflow
from desktop.services.sop.loader import load_sop
from desktop.services.sop.worklists import worklist

pytestmark = pytest.mark.usefixtures("database")
THIRD = Path(__file__).parent.parent / "unit" / "sop" / "test_third_sop.toml"


def staff(definition):
    """The SOP file's roles become rows (an administrator's job), then one account each."""
    for role in definition.roles:
        Role.create(code=role.code, name=role.name)
    people = {}
    for role in definition.roles:
        user = add_user(
            None,
            NewUser(role.code.replace("_", ".")[:40], f"Petugas {role.name}", "rahasia123", (role.code,)),
        )
        people[role.code] = session_for(User.get_by_id(user.id))
    return people


def move(actor, case_id, action, **kwargs):
    with db.atomic():
        return workflow.advance(actor, SopCase.get_by_id(case_id), action, **kwargs)


def test_a_new_sop_file_runs_start_to_end_by_its_own_roles():
    ensure_reference_data()
    definition = load_sop(THIRD)
    assert {r.code for r in definition.roles}.isdisjoint({r.code for r in Role.select()})
    people = staff(definition)
    loket, verifikator, kasi = (
        people["petugas_loket_kia"],
        people["verifikator_kia"],
        people["kasi_identitas_anak"],
    )

    with db.atomic():
        case = workflow.open_case(
            loket, definition, reference="KIA-2026-0001", title="KIA SD Negeri 03", origin="surat"
        )
    with pytest.raises(WorkflowError, match="Daftar siswa"):
        move(loket, case.id, "selesai")  # a requirement the app cannot check: the clerk confirms it
    move(loket, case.id, "selesai", confirmed={"daftar_siswa"})
    assert [e.ref_id for e in worklist(verifikator, "verifikator_kia")] == [case.id]

    with pytest.raises(PermissionDenied):
        move(kasi, case.id, "lengkap", confirmed={"data_siak_cocok"})
    move(verifikator, case.id, "tidak_lengkap", note="Pas foto dua siswa belum ada.")
    assert SopCase.get_by_id(case.id).current_step == "permohonan"
    move(loket, case.id, "selesai", confirmed={"daftar_siswa"})
    move(verifikator, case.id, "lengkap", confirmed={"data_siak_cocok"})
    move(kasi, case.id, "selesai")
    move(loket, case.id, "selesai")

    case = SopCase.get_by_id(case.id)
    assert case.status == "selesai" and case.closed_at is not None
    steps = [
        (s.step_code, s.action, s.output_label)
        for s in CaseStep.select().where(CaseStep.case == case.id).order_by(CaseStep.id)
    ]
    assert steps == [
        ("permohonan", "selesai", "Tanda Terima Berkas"),
        ("verifikasi", "tidak_lengkap", ""),
        ("permohonan", "selesai", "Tanda Terima Berkas"),
        ("verifikasi", "lengkap", "Berita Acara Verifikasi"),
        ("cetak", "selesai", "Kartu Identitas Anak"),
        ("serah_terima", "selesai", "Berita Acara Serah Terima"),
    ]
