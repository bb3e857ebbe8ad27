"""Hostile input through every field-package service: a clear refusal, nothing written (issue 17)."""

from __future__ import annotations

import pytest

from desktop.models import AuditLog, FieldConflict, FieldPackage, ServiceRecord
from desktop.services.errors import DomainError
from desktop.services.field import conflicts, export, merge, mode, package

from .factories import session
from .field_case import PASSPHRASE, case_in_service

pytestmark = pytest.mark.usefixtures("database")

BAD_IDS = [None, "1", 1.0, True, -1, 0, 2**70, "1; DROP TABLE sop_case", b"1", [1]]
BAD_TEXT = [None, 12, b"Laptop", "", " ", "\x00", "a\ud800b", "L" * 5000, ["Laptop 1"] * 11, [None], [1], {}]
BAD_PATHS = [None, 12, "", ".", "\x00", "/nonexistent/x.ddlapangan", "a\ud800.ddlapangan", "x" * 5000]


def _counts() -> tuple[int, ...]:
    return tuple(m.select().count() for m in (FieldPackage, FieldConflict, ServiceRecord, AuditLog))


def test_every_entry_point_refuses_hostile_input_in_indonesian(database, tmp_path):
    case_id = case_in_service()
    ketua = session("ketua1")
    before = _counts()
    calls = []
    calls += [lambda v=v: export.take_out(ketua, v, ["Laptop 1"], PASSPHRASE, tmp_path) for v in BAD_IDS]
    calls += [lambda v=v: export.take_out(ketua, case_id, v, PASSPHRASE, tmp_path) for v in BAD_TEXT]
    calls += [lambda v=v: export.take_out(ketua, case_id, ["Laptop 1"], v, tmp_path) for v in BAD_TEXT]
    calls += [lambda v=v: export.take_out(ketua, case_id, ["Laptop 1"], PASSPHRASE, v) for v in BAD_PATHS]
    calls += [lambda v=v: merge.bring_back(ketua, v) for v in BAD_PATHS]
    calls += [lambda v=v: merge.preview(ketua, v) for v in BAD_PATHS]
    calls += [lambda v=v: package.read_header(v) for v in BAD_PATHS]
    calls += [lambda v=v: mode.open_package(v, PASSPHRASE) for v in BAD_PATHS]
    calls += [lambda v=v: conflicts.resolve(ketua, v, "lapangan") for v in BAD_IDS]
    calls += [lambda v=v: conflicts.open_conflicts(ketua, v) for v in BAD_IDS]
    calls += [lambda v=v: conflicts.packages_of_case(ketua, v) for v in BAD_IDS]
    calls += [lambda v=v: conflicts.case_out_in_field(v) for v in BAD_IDS]
    calls += [lambda v=v: conflicts.cancel_package(ketua, v, "alasan") for v in BAD_TEXT]
    for i, call in enumerate(calls):
        with pytest.raises(DomainError) as refused:
            call()
        assert refused.value.message and refused.value.message.isprintable(), i
    assert _counts() == before
    assert not mode.is_field_mode()
    (taken,) = export.take_out(ketua, case_id, ["Laptop 1"], PASSPHRASE, tmp_path)
    for bad in BAD_TEXT:  # a wrong passphrase of any kind: refused, never a crash
        with pytest.raises(DomainError):
            mode.open_package(taken.path, bad)
    for bad in (None, "", "LAPANGAN", 1, "lapangan; --"):
        with pytest.raises(DomainError):
            conflicts.resolve(ketua, 1, bad)
