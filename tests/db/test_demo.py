"""The demo database looks like a real office: every role, every step, late cases, records."""

from __future__ import annotations

import pytest

from desktop.models import Nagari, Role, ServiceRecord, SopCase, UserRole
from desktop.roles import BUILTIN_ROLES
from desktop.services.demo.office import build_demo, demo_logins
from desktop.services.inovasi import steps as inovasi
from desktop.services.office.reference_defaults import ensure_reference_data
from desktop.services.sop.workflow import builtin_sops, sla_status

pytestmark = pytest.mark.usefixtures("database")


def test_demo_office_has_every_role_every_step_and_late_cases():
    ensure_reference_data()
    logins = build_demo()
    assert Nagari.select().count() == 177
    held = {r.code for r in Role.select().join(UserRole)}
    assert held == {r.code for r in BUILTIN_ROLES}
    assert {login.username for login in logins} >= {"admin", "meja", "kabid", "kadis", "ketua1", "kph"}
    assert logins == demo_logins()  # what the login window listed before the database was built

    sijarla_steps = {s.code for s in builtin_sops()["sijarla"].steps}
    cases = list(SopCase.select().where(SopCase.reference.startswith("SJL-")))
    running = {c.current_step for c in cases if c.status == "berjalan"}
    assert running == sijarla_steps
    assert any(c.status == "selesai" for c in cases)
    assert any(sla_status(c) == "terlambat" for c in cases)
    assert any(c.origin == "analisis" for c in cases)
    assert 300 <= ServiceRecord.select().count() <= 1000

    steps = {i.current_step for i in inovasi.list_innovations() if i.status == "berjalan"}
    assert {"telaah_kabid", "pembahasan_awal", "pelaksanaan"} <= steps
    assert any(i.status == "ditolak" for i in inovasi.list_innovations())
