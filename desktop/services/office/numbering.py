"""Letter and agenda numbers from configurable patterns, unique under concurrency.

A number is taken inside the caller's transaction by one UPDATE ... RETURNING on the
sequence row: PostgreSQL holds that row's lock until commit and SQLite holds the write
lock (BEGIN IMMEDIATE), so two clerks never get the same number, and a transaction that
rolls back gives its number back (no gaps).
"""

from __future__ import annotations

import datetime as dt
import string

from desktop.models import NumberingPattern, NumberSequence
from desktop.services.errors import InvalidInput, NotFound

ROMAN_MONTHS = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")
PATTERN_KEYS = frozenset({"seq", "year", "klasifikasi", "unit", "bulan"})


def validate_pattern(pattern: str) -> str:
    """Check a numbering pattern: known placeholders only, and {seq} present exactly once."""
    try:
        fields = [f for _, f, _, _ in string.Formatter().parse(pattern) if f is not None]
    except ValueError as exc:
        raise InvalidInput(f"Pola nomor tidak sah: {exc}.", field="pattern") from exc
    unknown = set(fields) - PATTERN_KEYS
    if unknown:
        allowed = ", ".join("{" + k + "}" for k in sorted(PATTERN_KEYS))
        raise InvalidInput(
            f"Pola nomor memakai {{{sorted(unknown)[0]}}}; yang dikenal: {allowed}.", field="pattern"
        )
    if fields.count("seq") != 1:
        raise InvalidInput("Pola nomor harus memuat {seq} tepat satu kali.", field="pattern")
    render(pattern, seq=1, on=dt.date(2000, 1, 1))
    return pattern


def render(pattern: str, *, seq: int, on: dt.date, klasifikasi: str = "", unit: str = "") -> str:
    try:
        return pattern.format(
            seq=seq, year=on.year, klasifikasi=klasifikasi, unit=unit, bulan=ROMAN_MONTHS[on.month - 1]
        )
    except (ValueError, KeyError, IndexError) as exc:
        raise InvalidInput(f"Pola nomor tidak dapat dipakai: {exc}.", field="pattern") from exc


def take_number(pattern_code: str, on: dt.date) -> str:
    """Take the next number of a pattern for the date's year. Call inside db.atomic()."""
    pattern = NumberingPattern.get_or_none(NumberingPattern.code == pattern_code)
    if pattern is None:
        raise NotFound(f"Pola penomoran '{pattern_code}' belum diatur. Hubungi Administrator.")
    year = on.year if pattern.reset_yearly else 0
    from desktop.models import db, pg_security

    if pg_security.state() is not None:  # secured PostgreSQL: numbers only through the server's function
        seq = db.execute_sql("SELECT dd_take_number(%s, %s)", (pattern.id, year)).fetchone()[0]
        return render(pattern.pattern, seq=seq, on=on, klasifikasi=pattern.klasifikasi, unit=pattern.unit)
    NumberSequence.insert(pattern=pattern.id, year=year, last_value=0).on_conflict_ignore().execute()
    cursor = (
        NumberSequence.update(last_value=NumberSequence.last_value + 1)
        .where((NumberSequence.pattern == pattern.id) & (NumberSequence.year == year))
        .returning(NumberSequence.last_value)
        .execute()
    )
    seq = next(iter(cursor)).last_value
    return render(pattern.pattern, seq=seq, on=on, klasifikasi=pattern.klasifikasi, unit=pattern.unit)
