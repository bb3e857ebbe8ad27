"""Working-day deadlines: weekends and the office calendar are off, counts and deadlines agree."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from desktop.services.sop.workdays import HolidayKind, WorkCalendar, default_holidays

D = dt.date
days_2026_2027 = st.dates(min_value=D(2026, 1, 1), max_value=D(2027, 12, 31))
holiday_sets = st.sets(days_2026_2027, max_size=80)
counts = st.integers(min_value=0, max_value=60)


@pytest.fixture(scope="module")
def holidays_2026() -> list[tuple[dt.date, str, HolidayKind]]:
    return default_holidays([2026])


@pytest.fixture(scope="module")
def office(holidays_2026: list[tuple[dt.date, str, HolidayKind]]) -> WorkCalendar:
    return WorkCalendar(day for day, _, _ in holidays_2026)


# --- Properties ------------------------------------------------------------------------------


@given(holiday_sets, days_2026_2027, counts)
def test_a_deadline_never_falls_on_a_weekend_or_holiday(
    holidays: set[dt.date], start: dt.date, n: int
) -> None:
    due = WorkCalendar(holidays).add_working_days(start, n)
    assert due.weekday() < 5 and due not in holidays
    assert due >= start


@given(holiday_sets, days_2026_2027, counts)
def test_more_days_give_a_strictly_later_deadline(holidays: set[dt.date], start: dt.date, n: int) -> None:
    calendar = WorkCalendar(holidays)
    assert calendar.add_working_days(start, n) < calendar.add_working_days(start, n + 1)


@given(holiday_sets, days_2026_2027, counts)
def test_counting_back_gives_the_days_added(holidays: set[dt.date], start: dt.date, n: int) -> None:
    calendar = WorkCalendar(holidays)
    assume(calendar.is_working_day(start))
    due = calendar.add_working_days(start, n)
    assert calendar.working_days_between(start, due) == n
    assert calendar.working_days_between(due, start) == -n
    assert calendar.days_left(due, start) == n


@given(holiday_sets, days_2026_2027, counts)
def test_an_off_day_start_counts_from_the_next_working_day(
    holidays: set[dt.date], start: dt.date, n: int
) -> None:
    calendar = WorkCalendar(holidays)
    first = calendar.next_working_day(start)
    assert calendar.add_working_days(start, n) == calendar.add_working_days(first, n)
    assert calendar.add_working_days(start, 0) == first


@given(holiday_sets, days_2026_2027, days_2026_2027)
def test_the_count_matches_walking_day_by_day(holidays: set[dt.date], a: dt.date, b: dt.date) -> None:
    calendar = WorkCalendar(holidays)
    lo, hi = min(a, b), max(a, b)
    walked = sum(calendar.is_working_day(lo + dt.timedelta(days=i)) for i in range(1, (hi - lo).days + 1))
    assert calendar.working_days_between(lo, hi) == walked
    assert calendar.working_days_between(hi, lo) == -walked


@given(holiday_sets, days_2026_2027, days_2026_2027)
def test_status_follows_the_calendar_date(holidays: set[dt.date], due: dt.date, today: dt.date) -> None:
    status = WorkCalendar(holidays).status(due, today)
    expected = "tepat_waktu" if today < due else "jatuh_tempo_hari_ini" if today == due else "terlambat"
    assert status == expected


# --- Concrete days ---------------------------------------------------------------------------


def test_weekends_are_off_without_any_holiday() -> None:
    calendar = WorkCalendar()
    assert calendar.add_working_days(D(2026, 1, 9), 1) == D(2026, 1, 12)  # Friday + 1 = Monday
    assert calendar.add_working_days(D(2026, 1, 10), 0) == D(2026, 1, 12)  # Saturday -> Monday
    assert calendar.add_working_days(D(2026, 1, 5), 3) == D(2026, 1, 8)  # Monday + 3 = Thursday
    assert calendar.working_days_between(D(2026, 1, 9), D(2026, 1, 12)) == 1


def test_negative_days_are_refused() -> None:
    with pytest.raises(ValueError):
        WorkCalendar().add_working_days(D(2026, 1, 5), -1)


def test_datetimes_count_as_their_calendar_day() -> None:
    calendar = WorkCalendar([dt.datetime(2026, 1, 5, 8, 30)])
    assert not calendar.is_working_day(D(2026, 1, 5))
    assert not calendar.is_working_day(dt.datetime(2026, 1, 5, 14, 0))


def test_the_holidays_package_gives_idul_fitri_2026_and_its_cuti_bersama(
    holidays_2026: list[tuple[dt.date, str, HolidayKind]],
) -> None:
    by_day = {day: (name, kind) for day, name, kind in holidays_2026}
    assert by_day[D(2026, 3, 21)] == ("Hari Raya Idul Fitri", "nasional")
    assert by_day[D(2026, 3, 22)] == ("Hari kedua dari Hari Raya Idul Fitri", "nasional")
    for day in (D(2026, 3, 20), D(2026, 3, 23), D(2026, 3, 24)):
        assert by_day[day] == ("Cuti Bersama Hari Raya Idul Fitri", "cuti_bersama")
    assert by_day[D(2026, 3, 18)] == ("Cuti Bersama Hari Suci Nyepi", "cuti_bersama")
    assert by_day[D(2026, 3, 19)] == ("Hari Suci Nyepi", "nasional")
    assert by_day[D(2026, 8, 17)] == ("Hari Kemerdekaan Republik Indonesia", "nasional")
    assert by_day[D(2026, 12, 24)] == ("Cuti Bersama Hari Raya Natal", "cuti_bersama")
    assert [day for day, _, _ in holidays_2026] == sorted(by_day)
    assert {kind for _, _, kind in holidays_2026} == {"nasional", "cuti_bersama"}


def test_a_sijarla_letter_before_lebaran_2026_is_due_after_the_cuti_bersama(office: WorkCalendar) -> None:
    received = D(2026, 3, 17)  # Tuesday; 18-24 March are Nyepi, Idul Fitri, cuti bersama and a weekend
    assert office.add_working_days(received, 3) == D(2026, 3, 27)
    assert WorkCalendar().add_working_days(received, 3) == D(2026, 3, 20)
    assert office.working_days_between(received, D(2026, 3, 24)) == 0
    assert office.working_days_between(received, D(2026, 3, 30)) == 4  # one working day late


def test_a_letter_received_on_lebaran_counts_from_the_first_day_back(office: WorkCalendar) -> None:
    assert office.next_working_day(D(2026, 3, 21)) == D(2026, 3, 25)
    assert office.add_working_days(D(2026, 3, 21), 0) == D(2026, 3, 25)
    assert office.add_working_days(D(2026, 3, 21), 3) == D(2026, 3, 30)


def test_christmas_2026_cuti_bersama_pushes_a_deadline_into_the_next_week(office: WorkCalendar) -> None:
    assert office.add_working_days(D(2026, 12, 22), 3) == D(2026, 12, 29)  # 24 and 25 December are off


def test_status_and_days_left_on_a_case_near_lebaran(office: WorkCalendar) -> None:
    due = D(2026, 3, 27)
    assert (office.status(due, D(2026, 3, 17)), office.days_left(due, D(2026, 3, 17))) == ("tepat_waktu", 3)
    assert (office.status(due, due), office.days_left(due, due)) == ("jatuh_tempo_hari_ini", 0)
    assert (office.status(due, D(2026, 3, 31)), office.days_left(due, D(2026, 3, 31))) == ("terlambat", -2)


def test_default_holidays_for_several_years_are_sorted_and_unique() -> None:
    days = [day for day, _, _ in default_holidays([2027, 2026, 2026])]
    assert days == sorted(set(days))
    assert {d.year for d in days} == {2026, 2027}
