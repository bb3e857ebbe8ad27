"""Internal parameters (ids, codes, dates, page markers, office settings) as a hostile caller sends
them: the same Indonesian InvalidInput on SQLite and PostgreSQL, never a driver error (issue 16 item 6)."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from desktop.services.errors import InvalidInput
from desktop.services.office import admin
from desktop.services.sijarla import record_query
from desktop.services.sijarla.record_query import RecordFilter, RecordSort

from .factories import make_office, office_draft, session
from .test_hostile_input import counts

pytestmark = pytest.mark.usefixtures("database")

HOSTILE_FILTERS = [
    {"case_id": "1"},
    {"case_id": True},
    {"case_id": 2**70},
    {"case_id": 1.5},
    {"nagari_id": -1},
    {"category": "\x00"},
    {"category": "\ud800"},
    {"target_group": ["kia"]},
    {"outcome": "x" * 500},
    {"served_from": "2026-01-01"},
    {"served_from": dt.datetime(2026, 1, 1, 8, 0)},
    {"served_to": dt.date(1, 1, 1)},
    {"text": None},
    {"text": "\ud800"},
    {"text": 12},
]


@pytest.mark.parametrize("changes", HOSTILE_FILTERS, ids=[repr(c)[:40] for c in HOSTILE_FILTERS])
def test_a_hostile_filter_is_refused_with_a_message_on_both_backends(changes: dict):
    make_office()
    kph = session("kph")
    f = dataclasses.replace(RecordFilter(), **changes)
    for call in (
        lambda: record_query.count(kph, f),
        lambda: record_query.page(kph, f),
        lambda: record_query.sorted_ids(kph, f),
    ):
        with pytest.raises(InvalidInput) as refused:
            call()
        assert refused.value.message and refused.value.message[0].isupper()


MARKERS = [
    ("\x00",),
    ("2026-01-01", 1, 1, 1, 1),  # right length, but the ids are missing
    ("bukan tanggal", 1, 1, 1, 1),
    (dt.date(2026, 1, 1), "1", 1, 1, 1),
    (dt.date(2026, 1, 1), 1, 1, 1, 2**70),
    (dt.date(2026, 1, 1), 1, 1, 1, True),
    "2026-01-01",
    {"a": 1},
]


@pytest.mark.parametrize("after", MARKERS, ids=[repr(m)[:40] for m in MARKERS])
def test_a_forged_page_marker_is_refused(after):
    make_office()
    kph = session("kph")
    if after == ("2026-01-01", 1, 1, 1, 1):  # a well-formed marker is accepted: the control case
        assert record_query.page(kph, after=after).rows == []
        return
    with pytest.raises(InvalidInput, match="Penanda halaman"):
        record_query.page(kph, after=after)


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"limit": "10"}, "limit"),
        ({"limit": 0}, "limit"),
        ({"offset": -1}, "offset"),
        ({"offset": 2**70}, "offset"),
        ({"sort": RecordSort(["nik"])}, "sort"),  # type: ignore[arg-type]
        ({"sort": RecordSort("nik; DROP TABLE app_user")}, "sort"),
    ],
)
def test_page_sizes_offsets_and_sort_keys_are_checked(kwargs: dict, field: str):
    make_office()
    with pytest.raises(InvalidInput) as refused:
        record_query.page(session("kph"), **kwargs)
    assert refused.value.field == field


@pytest.mark.parametrize("ids", [["1"], [2**70], [True], "123", [0]])
def test_row_ids_are_checked(ids):
    make_office()
    with pytest.raises(InvalidInput):
        record_query.rows_by_id(session("kph"), ids)


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"kabupaten_code": "13.02\x00"}, "kabupaten_code"),
        ({"kabupaten_code": "\ud800"}, "kabupaten_code"),
        ({"paper_size": ["A4"]}, "paper_size"),
        ({"idle_lock_minutes": "5"}, "idle_lock_minutes"),
        ({"idle_lock_minutes": 2**70}, "idle_lock_minutes"),
        ({"logo_png": "bukan gambar"}, "logo_png"),
    ],
)
def test_office_settings_refuse_hostile_values_and_write_nothing(changes: dict, field: str):
    make_office()
    before = counts()
    with pytest.raises(InvalidInput) as refused:
        admin.update_office(session("admin"), dataclasses.replace(office_draft(), **changes), 1)
    assert refused.value.field == field
    assert counts() == before
