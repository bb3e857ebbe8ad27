"""Checking a NIK while it is typed: what is already wrong with the digits so far, in Indonesian.

desktop.services.nik checks a whole NIK; here the parts typed so far are checked as soon as
they are complete (the region after 6 digits, the birth day after 8, the month after 10, the
date after 12), so the field can turn red at the first wrong digit.
"""

from __future__ import annotations

import calendar
import datetime as dt

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QValidator

from desktop.services.errors import InvalidInput
from desktop.services.nik import NIK_LENGTH, validate_nik

_ASCII_DIGITS = frozenset("0123456789")
# Fillers that complete a partly typed NIK into one whose untyped parts are valid, so the
# parts already typed can be checked: region after 6 digits, the date after 8 to 12, all at 16.
_DATE_FILLER = "010100"
_SERIAL_FILLER = "0001"


def nik_problem(text: str, today: dt.date | None = None) -> str | None:
    """What is already wrong with a (partly) typed NIK, or None while it can still become valid."""
    value = text.strip()
    if not value:
        return None
    n = len(value)
    if any(ch not in _ASCII_DIGITS for ch in value) or n >= 12:
        # Every part typed so far is real; only an unfinished serial is filled in (0000 is refused at 16).
        return _problem(value + _SERIAL_FILLER[max(0, n - 12) :] if n < NIK_LENGTH else value, today)
    if n >= 6 and (problem := _problem(value[:6] + _DATE_FILLER + _SERIAL_FILLER, today)):
        return problem
    return _partial_date_problem(value) if n >= 8 else None


def _partial_date_problem(value: str) -> str | None:
    """The birth day (digits 7-8) and month (9-10) of a NIK typed that far."""
    day = int(value[6:8])
    if not (1 <= day <= 31 or 41 <= day <= 71):
        text = QCoreApplication.translate(
            "RecordEntryForm",
            "Digit 7-8 NIK adalah tanggal lahir: '%1' tidak mungkin (01-31; perempuan 41-71).",
        )
        return text.replace("%1", value[6:8])
    if len(value) < 10:
        return None
    month = int(value[8:10])
    if not 1 <= month <= 12:
        text = QCoreApplication.translate(
            "RecordEntryForm", "Digit 9-10 NIK adalah bulan lahir: '%1' tidak mungkin (01-12)."
        )
        return text.replace("%1", value[8:10])
    real_day = day - 40 if day > 40 else day
    if real_day > calendar.monthrange(2000, month)[1]:  # 2000: a leap year, 29-02 can still be right
        return QCoreApplication.translate("RecordEntryForm", "Tanggal lahir %1 pada NIK tidak ada.").replace(
            "%1", f"{real_day:02d}-{month:02d}"
        )
    return None


def _problem(value: str, today: dt.date | None) -> str | None:
    try:
        validate_nik(value, today=today)
    except InvalidInput as exc:
        return exc.message
    return None


def nik_summary(text: str) -> str:
    """What a valid NIK says, for the line under the field."""
    info = validate_nik(text)
    sex = (
        QCoreApplication.translate("RecordEntryForm", "perempuan")
        if info.sex == "P"
        else QCoreApplication.translate("RecordEntryForm", "laki-laki")
    )
    return (
        QCoreApplication.translate("RecordEntryForm", "NIK sah: %1, lahir %2, kecamatan %3.")
        .replace("%1", sex)
        .replace("%2", f"{info.birth_date:%d-%m-%Y}")
        .replace("%3", info.kecamatan_code)
    )


class NikValidator(QValidator):
    """Accepts a valid NIK; anything up to 16 characters stays editable so its fault can be shown."""

    def validate(self, text: str, pos: int):
        if len(text.strip()) > NIK_LENGTH:
            return QValidator.State.Invalid, text, pos
        if len(text.strip()) == NIK_LENGTH and nik_problem(text) is None:
            return QValidator.State.Acceptable, text, pos
        return QValidator.State.Intermediate, text, pos
