"""Worklists follow the SOP file: a case waits on the desk of its current step's pelaksana."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop import roles as R
from desktop.services.errors import PermissionDenied
from desktop.services.sijarla import steps as sijarla
from desktop.services.sop.worklists import pending_counts, worklist

from .factories import letter_draft, make_office, session
from .test_permissions import at_step

pytestmark = pytest.mark.usefixtures("database")


def test_a_new_letter_waits_for_the_kabid_with_its_deadline():
    make_office()
    receipt = sijarla.register_letter(session("meja"), letter_draft())
    entries = worklist(session("kabid"), R.KABID_PELAYANAN, today=dt.date.today())
    assert [(e.number, e.step, e.sla) for e in entries] == [
        (receipt.case_reference, "disposisi", "tepat_waktu")
    ]
    assert entries[0].deadline == receipt.due_on
    assert worklist(session("meja"), R.FRONT_DESK) == []


def test_late_cases_are_late_and_team_cases_stay_with_their_team():
    make_office()
    case_id = at_step("persiapan")  # Tim SIJARLA I
    later = dt.date.today() + dt.timedelta(days=14)
    entries = worklist(session("anggota1"), R.ANGGOTA_TIM, today=later)
    assert [(e.ref_id, e.sla) for e in entries] == [(case_id, "terlambat")]
    assert entries[0].days_left is not None and entries[0].days_left < 0
    assert worklist(session("anggota3"), R.ANGGOTA_TIM) == []  # Tim SIJARLA II
    assert pending_counts(session("ketua1")) == {R.ANGGOTA_TIM: 1, R.KETUA_TIM: 1}


def test_a_role_the_user_does_not_hold_is_refused():
    make_office()
    with pytest.raises(PermissionDenied):
        worklist(session("meja"), R.KABID_PELAYANAN)
