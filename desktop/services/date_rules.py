"""The bounds every date a user types must fall within, with the message that says why.

One place for the office's date rules, so the letter form, the disposition, the Surat Tugas,
the service records and the innovation's meetings and outputs refuse alike:

- a letter is dated on or before the day it is received, and at most a year earlier;
- a disposition's deadline falls from the day it is written (or signed) up to DEADLINE_LIMIT
  working days ahead;
- a Surat Tugas starts on the day it is signed or later (up to ASSIGNMENT_START_LIMIT working
  days ahead) and lasts at most ASSIGNMENT_LENGTH_LIMIT working days;
- what happened (a citizen served, a meeting held, an innovation's daily output) happened on
  a day within its period and never after today.

`today` is a parameter throughout: the demo office is written with past dates (`on=`).
"""

from __future__ import annotations

import datetime as dt

from desktop.printing.text import date_id
from desktop.services.errors import InvalidInput
from desktop.services.sop.workdays import WorkCalendar

LETTER_AGE_LIMIT_DAYS = 366  # a Surat Permohonan older than a year is a typo in the year
DEADLINE_LIMIT = 60  # working days, about three months
ASSIGNMENT_START_LIMIT = 60  # working days ahead for the first day of a Surat Tugas
ASSIGNMENT_LENGTH_LIMIT = 20  # working days a Surat Tugas may cover (about a month)


def _day(value: object, label: str, field: str) -> dt.date:
    """A calendar date (not a date-time): the bounds below then say what is wrong with it."""
    if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
        raise InvalidInput(f"{label} harus berupa tanggal.", field=field)
    return value


def letter_date(day: object, received: dt.date, *, field: str = "letter_date") -> dt.date:
    """A letter's date: on or before the day it is received, and not more than a year before it."""
    day = _day(day, "Tanggal surat", field)
    if day > received:
        raise InvalidInput(
            f"Tanggal surat tidak boleh sesudah hari surat diterima ({date_id(received)}). "
            "Periksa tanggal pada surat.",
            field=field,
        )
    earliest = received - dt.timedelta(days=LETTER_AGE_LIMIT_DAYS)
    if day < earliest:
        raise InvalidInput(
            f"Tanggal surat {date_id(day)} lebih dari setahun sebelum surat diterima; "
            f"paling awal {date_id(earliest)}. Periksa tahunnya.",
            field=field,
        )
    return day


def deadline(day: object, today: dt.date, calendar: WorkCalendar, *, field: str = "deadline") -> dt.date:
    """A deadline: from today up to DEADLINE_LIMIT working days ahead."""
    day = _day(day, "Batas waktu", field)
    if day < today:
        raise InvalidInput(
            f"Batas waktu {date_id(day)} sudah lewat; pilih hari ini ({date_id(today)}) atau sesudahnya.",
            field=field,
        )
    latest = calendar.add_working_days(today, DEADLINE_LIMIT)
    if day > latest:
        raise InvalidInput(
            f"Batas waktu paling lambat {DEADLINE_LIMIT} hari kerja dari hari ini, yaitu {date_id(latest)}.",
            field=field,
        )
    return day


def assignment_period(
    start: object, end: object, today: dt.date, calendar: WorkCalendar
) -> list[InvalidInput]:
    """What is wrong with a Surat Tugas' period (start_on, end_on); empty when it is right.

    Field work may fall on a Saturday, so the days themselves need not be working days; the
    limits are counted in working days."""
    problems: list[InvalidInput] = []
    try:
        first = _day(start, "Tanggal mulai", "start_on")
    except InvalidInput as refusal:
        problems.append(refusal)
        first = None
    try:
        last = _day(end, "Tanggal selesai", "end_on")
    except InvalidInput as refusal:
        problems.append(refusal)
        last = None
    latest_start = calendar.add_working_days(today, ASSIGNMENT_START_LIMIT)
    if first is not None:
        if first < today:
            problems.append(
                InvalidInput(
                    f"Surat Tugas tidak boleh berlaku surut: tanggal mulai paling awal hari ini "
                    f"({date_id(today)}).",
                    field="start_on",
                )
            )
        elif first > latest_start:
            problems.append(
                InvalidInput(
                    f"Tanggal mulai paling lambat {ASSIGNMENT_START_LIMIT} hari kerja dari hari ini, "
                    f"yaitu {date_id(latest_start)}.",
                    field="start_on",
                )
            )
    if first is not None and last is not None:
        if last < first:
            problems.append(
                InvalidInput("Tanggal selesai tidak boleh sebelum tanggal mulai.", field="end_on")
            )
        elif first <= latest_start:  # (a start beyond it is refused above; no length to count)
            latest_end = calendar.add_working_days(first, ASSIGNMENT_LENGTH_LIMIT)
            if last > latest_end:
                problems.append(
                    InvalidInput(
                        f"Satu Surat Tugas paling lama {ASSIGNMENT_LENGTH_LIMIT} hari kerja: "
                        f"tanggal selesai paling lambat {date_id(latest_end)}.",
                        field="end_on",
                    )
                )
    return problems


def within(
    day: object, first: dt.date, last: dt.date, today: dt.date, label: str, period: str, *, field: str
) -> dt.date:
    """A day something happened: within [first, last] (the period named in `period`) and not after today."""
    day = _day(day, label, field)
    if day > today:
        raise InvalidInput(f"{label} {date_id(day)} belum terjadi; paling lambat hari ini.", field=field)
    if not first <= day <= last:
        span = date_id(first) if first == last else f"{date_id(first)} s.d. {date_id(last)}"
        raise InvalidInput(f"{label} {date_id(day)} di luar {period} ({span}).", field=field)
    return day
