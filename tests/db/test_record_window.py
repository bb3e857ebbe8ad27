"""Rows by position without an id list (record_window), against the whole order, on SQLite and PostgreSQL.

The whole order (record_query.sorted_ids, itself checked against direct SQL in
test_record_query) is the truth: every window, from either end, from a landmark or from a
row's key, and with rows skipped, must be the slice of it at that position.
"""

from __future__ import annotations

import datetime as dt
import random

import pytest

from desktop.models import ServiceRecord, db
from desktop.services.errors import InvalidInput
from desktop.services.sijarla import record_query, record_window
from desktop.services.sijarla.record_query import RecordFilter, RecordSort

from .factories import make_office, session
from .test_record_query import fill_records, two_team_cases

pytestmark = pytest.mark.usefixtures("database")
ROWS = 1200
EVERY = 100
SORTS = [RecordSort(key, descending) for key in record_query.SORT_KEYS for descending in (False, True)]


@pytest.fixture
def office() -> tuple[int, int]:
    make_office()
    cases = two_team_cases()
    fill_records(cases, ROWS)
    return cases


def ids_of(window: record_window.RecordWindow) -> list[int]:
    assert [r.id if r else None for r in window.rows] == [k[-1] for k in window.keys]
    return [k[-1] for k in window.keys]


def test_every_window_is_the_slice_of_the_whole_order(office):
    kph = session("kph")
    rng = random.Random(11)
    for sort in SORTS:
        order = list(record_query.sorted_ids(kph, sort=sort))
        assert len(order) == ROWS
        marks = record_window.landmarks(kph, sort=sort, every=EVERY)
        assert [m[-1] for m in marks] == order[EVERY - 1 :: EVERY], sort
        for _ in range(4):
            start, size = rng.randrange(ROWS), rng.randrange(1, 200)
            end = min(ROWS, start + size)  # rows start..end-1
            want = order[start:end]
            got = record_window.window(kph, sort=sort, skip=start, limit=size)
            assert ids_of(got) == want, (sort, "from the start", start)
            got = record_window.window(kph, sort=sort, from_end=True, skip=ROWS - end, limit=end - start)
            assert ids_of(got) == want, (sort, "from the end", start)
            below = (start // EVERY) * EVERY - 1  # the landmark at or before the row before start
            if below >= 0:
                mark = marks[below // EVERY]
                got = record_window.window(kph, sort=sort, after=mark, skip=start - below - 1, limit=size)
                assert ids_of(got) == want, (sort, "after a landmark", start)
            above = ((end - 1) // EVERY + 1) * EVERY + EVERY - 1
            if above < ROWS:
                mark = marks[above // EVERY]
                got = record_window.window(kph, sort=sort, before=mark, skip=above - end, limit=end - start)
                assert ids_of(got) == want, (sort, "before a landmark", start)
        # A row's own key, as a page hands it out, continues the order from that row.
        first = record_window.window(kph, sort=sort, limit=50)
        after = record_window.window(kph, sort=sort, after=first.keys[-1], limit=50)
        assert ids_of(after) == order[50:100]
        assert ids_of(record_window.window(kph, sort=sort, before=after.keys[0], limit=50)) == order[:50]


def test_windows_keep_the_filter_and_the_team_scope(office):
    own_case = office[0]
    leader = session("anggota1")
    mine = list(record_query.sorted_ids(leader))
    assert 0 < len(mine) < ROWS
    assert ServiceRecord.select().where(ServiceRecord.case == own_case).count() == len(mine)
    assert ids_of(record_window.window(leader, from_end=True, limit=30)) == mine[-30:]
    marks = record_window.landmarks(leader, every=EVERY)
    assert [m[-1] for m in marks] == mine[EVERY - 1 :: EVERY]
    assert record_window.estimated_count(leader) == record_window.CountHint(len(mine), exact=True)
    # Another team's key as a marker shows nothing of the other team.
    other = next(i for i in record_query.sorted_ids(session("kph")) if i not in set(mine))
    row = ServiceRecord.get_by_id(other)
    key = (row.served_on, row.nagari_id, row.category_id, row.outcome_id, row.id)
    seen = record_window.window(leader, after=key, limit=200)
    assert set(ids_of(seen)) <= set(mine)

    kph = session("kph")
    text = RecordFilter(text="siti")
    matching = list(record_query.sorted_ids(kph, text))
    got = record_window.window(kph, text, from_end=True, skip=3, limit=40)
    assert ids_of(got) == matching[-43:-3]
    assert all("******" in r.nik for r in got.rows if r)  # masked for the KPH, as in every read


def test_the_count_is_exact_up_to_the_cap_and_estimated_above(office):
    kph = session("kph")
    assert record_window.estimated_count(kph) == record_window.CountHint(ROWS, exact=True)
    if db.obj.param != "?":
        db.execute_sql("ANALYZE service_record")  # statistics, as autovacuum keeps them on a server
    hint = record_window.estimated_count(kph, cap=300)
    assert not hint.exact
    assert ROWS / 4 <= hint.rows <= ROWS * 4  # an estimate, good enough for a scroll bar's size
    filtered = RecordFilter(served_from=dt.date.today() - dt.timedelta(days=30))
    exact = record_query.count(kph, filtered)
    assert record_window.estimated_count(kph, filtered, cap=exact) == record_window.CountHint(exact, True)
    assert not record_window.estimated_count(kph, filtered, cap=exact - 1).exact
    # A search inside names is never counted at once: no index could bound the count.
    assert not record_window.estimated_count(kph, RecordFilter(text="siti")).exact
    assert record_window.estimated_count(kph, RecordFilter(text="1302")).exact


@pytest.mark.parametrize(
    "marker",
    [
        (),
        ("2026-01-01",),
        ("kemarin", 1, 1, 1, 1),
        (dt.date(2026, 1, 1), 1, 1, 1, "1"),
        (dt.date(2026, 1, 1), 1, 1, 1, 1 << 70),
        (dt.date(2026, 1, 1), 1, 1, True, 1),
        "2026-01-01",
        None.__class__,
    ],
)
def test_a_forged_marker_is_refused_in_indonesian(office, marker):
    with pytest.raises(InvalidInput, match="Penanda halaman"):
        record_window.window(session("kph"), after=marker)


@pytest.mark.parametrize(
    "kwargs",
    [
        {"skip": -1},
        {"skip": 1 << 50},
        {"limit": 0},
        {"limit": 5000},
        {"skip": "10"},
        {"after": (dt.date(2026, 1, 1), 1, 1, 1, 1), "from_end": True},
    ],
)
def test_bad_window_arguments_are_refused(office, kwargs):
    with pytest.raises(InvalidInput):
        record_window.window(session("kph"), **kwargs)


def test_landmark_stride_is_bounded(office):
    with pytest.raises(InvalidInput):
        record_window.landmarks(session("kph"), every=1)
