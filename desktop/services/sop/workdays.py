"""Working days for SOP deadlines: weekends are always off, and so is every date in the office calendar.

The calendar itself (national holidays, cuti bersama, the office's own days) is data an
administrator keeps up to date; WorkCalendar only takes the dates. default_holidays() gives
the starting set from the `holidays` package.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Iterable
from typing import Literal

DeadlineStatus = Literal["tepat_waktu", "jatuh_tempo_hari_ini", "terlambat"]
HolidayKind = Literal["nasional", "cuti_bersama", "kantor"]

_ONE_DAY = dt.timedelta(days=1)


def _as_date(day: dt.date) -> dt.date:
    # A datetime is a date too, but never equal to one: compare calendar days only.
    return day.date() if isinstance(day, dt.datetime) else day


def _weekdays_through(ordinal: int) -> int:
    """Mondays to Fridays among ordinals 1..ordinal (ordinal 1, 0001-01-01, is a Monday)."""
    weeks, rest = divmod(ordinal, 7)
    return weeks * 5 + min(rest, 5)


class WorkCalendar:
    """Working days: Monday to Friday, except the given non-working dates."""

    def __init__(self, holidays: Iterable[dt.date] = ()) -> None:
        self._holidays = frozenset(_as_date(d) for d in holidays)
        # Only holidays on weekdays change a count: weekends are off anyway.
        self._weekday_holidays = sorted(d.toordinal() for d in self._holidays if d.weekday() < 5)

    @property
    def holidays(self) -> frozenset[dt.date]:
        return self._holidays

    def is_working_day(self, day: dt.date) -> bool:
        """True on Monday to Friday unless the date is a holiday."""
        day = _as_date(day)
        return day.weekday() < 5 and day not in self._holidays

    def next_working_day(self, day: dt.date) -> dt.date:
        """`day` itself when it is a working day, else the first working day after it."""
        day = _as_date(day)
        while not self.is_working_day(day):
            day += _ONE_DAY
        return day

    def add_working_days(self, start: dt.date, days: int) -> dt.date:
        """The deadline `days` working days after `start` (counted from the next working day if it is off)."""
        if days < 0:
            raise ValueError("days must not be negative")
        day = self.next_working_day(start)
        for _ in range(days):
            day = self.next_working_day(day + _ONE_DAY)
        return day

    def working_days_between(self, start: dt.date, end: dt.date) -> int:
        """Working days after `start` up to and including `end`; negative when `end` comes first."""
        start, end = _as_date(start), _as_date(end)
        if end < start:
            return -self.working_days_between(end, start)
        a, b = start.toordinal(), end.toordinal()
        weekdays = _weekdays_through(b) - _weekdays_through(a)
        holidays = bisect.bisect_right(self._weekday_holidays, b) - bisect.bisect_right(
            self._weekday_holidays, a
        )
        return weekdays - holidays

    def days_left(self, due: dt.date, today: dt.date) -> int:
        """Working days from `today` until `due`: 0 on the day itself, negative once it has passed."""
        return self.working_days_between(today, due)

    def status(self, due: dt.date, today: dt.date) -> DeadlineStatus:
        """Whether a deadline is still ahead, falls today, or has passed (by calendar date)."""
        due, today = _as_date(due), _as_date(today)
        if today < due:
            return "tepat_waktu"
        return "jatuh_tempo_hari_ini" if today == due else "terlambat"


def default_holidays(years: Iterable[int]) -> list[tuple[dt.date, str, HolidayKind]]:
    """Indonesia's national holidays and cuti bersama for `years`, with Indonesian names, by date."""
    import holidays  # imported here: building the tables takes a moment and only the admin needs it

    wanted = sorted(set(years))
    found: dict[dt.date, tuple[str, HolidayKind]] = {}
    kinds: tuple[tuple[str, HolidayKind], ...] = (("government", "cuti_bersama"), ("public", "nasional"))
    for category, kind in kinds:  # public last: a day that is both is a national holiday
        table = holidays.country_holidays("ID", years=wanted, language="id", categories=(category,))
        for day, name in table.items():
            found[day] = (name, kind)
    return [(day, name, kind) for day, (name, kind) in sorted(found.items())]
