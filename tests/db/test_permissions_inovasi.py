"""Permission matrix for the Inovasi Pelayanan Publik use cases.

Every use case attempted by every role; the roles allowed are read from the SOP file
itself (the step's pelaksana, or the transition's own roles where the file narrows them).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

import pytest

from desktop.services.errors import PermissionDenied
from desktop.services.inovasi import steps as inovasi
from desktop.services.sop.workflow import builtin_sops

from .factories import make_office, session
from .test_inovasi_flow import MON, clear_calendar, first_discussion, idea, people
from .test_permissions import ALL_ROLES, role_users, snapshot

pytestmark = pytest.mark.usefixtures("database")


def allowed(step: str, action: str = "selesai") -> frozenset[str]:
    definition = builtin_sops()["inovasi"]
    transition = definition.transition(step, action)
    assert transition is not None
    return frozenset(transition.roles or definition.step(step).roles)


def reach(step: str) -> inovasi.InnovationSummary:
    """An innovation brought to `step` by the demo office's own people."""
    ids = people()
    s = inovasi.propose_idea(session("kasi"), idea(), on=MON)
    if step == "telaah_kabid":
        return s
    s = inovasi.review_by_kabid(session("kabidpdip"), s.id, "Layak.", True, s.case_version, on=MON)
    if step == "telaah_kepala_dinas":
        return s
    s = inovasi.review_by_kepala_dinas(session("kadis"), s.id, "Bahas.", s.case_version, on=MON)
    if step == "pembahasan_awal":
        return s
    s = inovasi.decide_first_discussion(
        session("kadis"), s.id, first_discussion(ids, "ya", "Lanjut.", held_on=MON), s.case_version, on=MON
    )
    participants = (ids["kadis"], ids["kabidpdip"], ids["kasi"])
    inovasi.open_finalization(session("kasi"), s.id, MON, "Ruang rapat", participants)
    for name in ("kadis", "kabidpdip", "kasi"):
        inovasi.approve_draft(session(name), s.id, True, "Setuju.")
    if step == "finalisasi_konsep":
        return s
    s = inovasi.finish_finalization(session("kasi"), s.id, ("notulen.pdf", b"%PDF-1.4\n"), s.case_version)
    if step == "pembahasan_teknis":
        return s
    s = inovasi.record_technical_discussion(
        session("kasi"), s.id, concept(), (ids["kasi"], ids["adb"]), s.case_version
    )
    if step == "penamaan":
        return s
    s = inovasi.decide_name(
        session("kadis"), s.id, [("SI-AKTA", "Akta di puskesmas")], "SI-AKTA", s.case_version
    )
    assert step == "pelaksanaan"
    return s


def concept() -> inovasi.FinalConcept:
    return inovasi.FinalConcept(
        "Alur unggah berkas.", "Dua operator.", "Mulai Januari.", "Akta terbit 1 hari."
    )


@dataclass(frozen=True)
class UseCase:
    name: str
    step: str
    allowed: Callable[[], frozenset[str]]
    act: Callable[[object, inovasi.InnovationSummary], object]


USE_CASES = [
    UseCase("propose_idea", "", lambda: allowed("ide"), lambda a, s: inovasi.propose_idea(a, idea())),
    UseCase(
        "review_by_kabid",
        "telaah_kabid",
        lambda: allowed("telaah_kabid"),
        lambda a, s: inovasi.review_by_kabid(a, s.id, "Layak.", True, s.case_version),
    ),
    UseCase(
        "review_by_kepala_dinas",
        "telaah_kepala_dinas",
        lambda: allowed("telaah_kepala_dinas"),
        lambda a, s: inovasi.review_by_kepala_dinas(a, s.id, "Bahas.", s.case_version),
    ),
    UseCase(
        "decide_first_discussion",
        "pembahasan_awal",
        lambda: allowed("pembahasan_awal", "ya"),
        lambda a, s: inovasi.decide_first_discussion(
            a, s.id, first_discussion(people(), "ya", "Lanjut.", held_on=MON), s.case_version
        ),
    ),
    UseCase(
        "finish_finalization",
        "finalisasi_konsep",
        lambda: allowed("finalisasi_konsep"),
        lambda a, s: _finish(a, s),
    ),
    UseCase(
        "record_technical_discussion",
        "pembahasan_teknis",
        lambda: allowed("pembahasan_teknis"),
        lambda a, s: inovasi.record_technical_discussion(
            a, s.id, concept(), (people()["kasi"], people()["adb"]), s.case_version
        ),
    ),
    UseCase(
        "decide_name",
        "penamaan",
        lambda: allowed("penamaan"),
        lambda a, s: inovasi.decide_name(a, s.id, [("SI-AKTA", "")], "SI-AKTA", s.case_version),
    ),
    UseCase(
        "log_output",
        "pelaksanaan",
        lambda: allowed("pelaksanaan"),
        lambda a, s: inovasi.log_output(a, s.id, dt.date.today(), "Akta diterbitkan", 12),
    ),
]


def _finish(actor, s: inovasi.InnovationSummary):
    return inovasi.finish_finalization(actor, s.id, ("notulen.pdf", b"%PDF-1.4\n"), s.case_version)


@pytest.mark.parametrize("use_case", USE_CASES, ids=lambda u: u.name)
def test_only_the_sop_pelaksana_may_act_on_an_innovation(use_case: UseCase):
    make_office()
    clear_calendar()
    sessions = role_users()
    target = reach(use_case.step) if use_case.step else None
    permitted = use_case.allowed()
    assert permitted, "the SOP file names who performs the step"
    for code in ALL_ROLES:
        if code in permitted:
            continue
        before = snapshot()
        with pytest.raises(PermissionDenied):
            use_case.act(sessions[code], target)
        assert snapshot() == before, f"{use_case.name} by {code} changed the database"
    use_case.act(sessions[sorted(permitted)[0]], target)
