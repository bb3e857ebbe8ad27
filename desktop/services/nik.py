"""NIK and KK numbers: 16 ASCII digits, checked part by part with a message that says what is wrong.

NIK layout: province(2) kabupaten(2) kecamatan(2), birth date DDMMYY with DD + 40 for women,
serial(4). Fullwidth and Arabic-Indic digits pass str.isdigit() and int(): only "0".."9" count.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import Literal

from desktop.services.errors import InvalidInput

NIK_LENGTH = 16
_ASCII_DIGITS = frozenset("0123456789")


@dataclass(frozen=True)
class NikInfo:
    """What a valid NIK says: region codes (dotted, as in the wilayah table), birth date, sex, serial."""

    nik: str
    province_code: str  # "13"
    kabupaten_code: str  # "13.02"
    kecamatan_code: str  # "13.02.03"
    birth_date: dt.date
    sex: Literal["L", "P"]
    serial: str


_KINDS = {
    "L": "huruf",
    "M": "tanda diakritik",
    "N": "angka dari aksara lain",
    "P": "tanda baca",
    "S": "simbol",
    "Z": "spasi",
    "C": "karakter tak terlihat",
}


def _describe(ch: str) -> str:
    """The character as the user can find it again: itself when visible, its code point, and its kind
    in Indonesian (Unicode's own names are English)."""
    kind = _KINDS.get(unicodedata.category(ch)[0], "karakter")
    if unicodedata.category(ch) == "Nd":
        kind = "angka lebar penuh atau dari aksara lain"
    shown = f"'{ch}' " if ch.isprintable() and not ch.isspace() else ""
    return f"{shown}(U+{ord(ch):04X}, {kind})"


def _check_digits(text: str, label: str, field: str) -> str:
    """The text without surrounding whitespace, if it is exactly 16 ASCII digits."""
    value = text.strip()
    if not value:
        raise InvalidInput(f"{label} wajib diisi.", field=field)
    for position, ch in enumerate(value, start=1):
        if ch in _ASCII_DIGITS:
            continue
        problem = f"{_describe(ch)} yang bukan angka 0-9 biasa"
        raise InvalidInput(
            f"{label} hanya boleh berisi angka 0-9 (ASCII); pada posisi {position} ada {problem}. "
            "Ketik ulang dengan papan ketik biasa.",
            field=field,
        )
    if len(value) != NIK_LENGTH:
        raise InvalidInput(f"{label} harus {NIK_LENGTH} digit; yang diisi {len(value)} digit.", field=field)
    return value


def _region(value: str, label: str, field: str, known: Collection[str] | None) -> tuple[str, str, str]:
    parts = (value[0:2], value[2:4], value[4:6])
    province, kabupaten, kecamatan = parts[0], ".".join(parts[:2]), ".".join(parts)
    if "00" in parts:
        raise InvalidInput(
            f"Kode wilayah {kecamatan} pada {label} tidak mungkin: "
            "kode provinsi, kabupaten dan kecamatan tidak boleh 00.",
            field=field,
        )
    if known is not None and kecamatan not in known:
        raise InvalidInput(
            f"Kode wilayah {kecamatan} (6 digit pertama {label}) tidak dikenal "
            "sebagai kecamatan yang terdaftar.",
            field=field,
        )
    return province, kabupaten, kecamatan


def _past_date(day: int, month: int, year2: int, today: dt.date) -> dt.date | None:
    """A DDMMYY date in the latest century that does not put it after today, or None."""
    for century in (2000, 1900):
        try:
            found = dt.date(century + year2, month, day)
        except ValueError:
            continue  # 29 February exists in one century and not the other
        if found <= today:
            return found
    return None


def _birth_date(value: str, today: dt.date) -> tuple[dt.date, Literal["L", "P"]]:
    raw_day, month, year2 = int(value[6:8]), int(value[8:10]), int(value[10:12])
    sex: Literal["L", "P"] = "P" if raw_day > 40 else "L"
    day = raw_day - 40 if raw_day > 40 else raw_day
    born = _past_date(day, month, year2, today)
    if born is not None:
        return born, sex
    hint = " (untuk perempuan tanggal lahir ditambah 40)" if 31 < raw_day <= 40 or raw_day > 71 else ""
    raise InvalidInput(
        f"Tanggal lahir pada NIK tidak valid: digit 7-12 '{value[6:12]}' tidak membentuk tanggal "
        f"DDMMYY yang ada{hint}.",
        field="nik",
    )


def validate_nik(
    text: str, known_region_codes: Collection[str] | None = None, *, today: dt.date | None = None
) -> NikInfo:
    """Check a NIK and say what it encodes; InvalidInput (field 'nik') names the first fault found."""
    value = _check_digits(text, "NIK", "nik")
    province, kabupaten, kecamatan = _region(value, "NIK", "nik", known_region_codes)
    born, sex = _birth_date(value, today or dt.date.today())
    serial = value[12:16]
    if serial == "0000":
        raise InvalidInput("Nomor urut NIK (4 digit terakhir) tidak boleh 0000.", field="nik")
    return NikInfo(value, province, kabupaten, kecamatan, born, sex, serial)


def validate_kk(
    text: str, known_region_codes: Collection[str] | None = None, *, today: dt.date | None = None
) -> str:
    """Check a KK (Kartu Keluarga) number: 16 ASCII digits, the region, the issue date (DDMMYY,
    digits 7-12, not in the future) and a serial other than 0000."""
    value = _check_digits(text, "Nomor KK", "kk")
    _region(value, "Nomor KK", "kk", known_region_codes)
    day, month, year2 = int(value[6:8]), int(value[8:10]), int(value[10:12])
    if _past_date(day, month, year2, today or dt.date.today()) is None:
        raise InvalidInput(
            f"Tanggal terbit pada Nomor KK tidak valid: digit 7-12 '{value[6:12]}' tidak membentuk "
            "tanggal DDMMYY yang sudah lewat.",
            field="kk",
        )
    if value[12:16] == "0000":
        raise InvalidInput("Nomor urut KK (4 digit terakhir) tidak boleh 0000.", field="kk")
    return value


@dataclass(frozen=True)
class RegionCode:
    """A Kemendagri area code as the national list knows it (2018 to now)."""

    code: str
    name: str
    current: bool
    last_seen: str


def region_note(number: str, label: str, codes: Mapping[str, RegionCode]) -> str:
    """Why the region of a valid NIK or KK deserves a second look, or "".

    A NIK keeps the kecamatan code it was issued under, even after a kecamatan is split or
    renumbered: a code missing from the national list since 2018, or retired from it, is no
    reason to refuse the person, but a reason to record (and to check the KTP again).
    """
    kabupaten, kecamatan = f"{number[0:2]}.{number[2:4]}", f"{number[0:2]}.{number[2:4]}.{number[4:6]}"
    for code, level in ((kabupaten, "kabupaten/kota"), (kecamatan, "kecamatan")):
        found = codes.get(code)
        if found is None:
            return (
                f"Kode {level} {code} pada {label} tidak ada di daftar wilayah Kemendagri sejak 2018 "
                "(kode lama atau salah ketik): periksa kembali dengan KTP/KK."
            )
        if not found.current:
            return (
                f"Kode {level} {code} ({found.name}) pada {label} sudah tidak dipakai setelah daftar "
                f"wilayah {found.last_seen} (pemekaran atau perubahan kode): {label} lama tetap sah."
            )
    return ""


# A NIK (or KK) inside free text: 16 or more decimal digits of any script, each pair optionally split
# by one space, dot, hyphen or no-break space ("1302 0315 0895 0001", "1302-0315-0895-0001"); a
# longer run may be a NIK with a digit too many. A 16-digit phone number is masked too: harmless.
_NUMBER_IN_TEXT = re.compile(r"(?<!\d)\d(?:[ .\-\u00a0\u202f]?\d){15,}(?!\d)")


def mask_niks_in_text(text: str) -> str:
    """Free text (a perihal, a sender, an instruction) with every NIK-like number masked as
    mask_nik does: the first 6 and the last 4 digits as typed, 6 stars between, separators dropped.

    The one rule for numbers in free text, on every document, receipt and screen that shows
    text typed by someone else; structured NIK fields follow the reader's role instead.
    """
    if not text:
        return text
    return _NUMBER_IN_TEXT.sub(lambda m: _mask_digits([c for c in m.group(0) if c.isdigit()]), text)


def _mask_digits(digits: list[str]) -> str:
    return "".join(digits[:6]) + "*" * (len(digits) - 10) + "".join(digits[-4:])


def mask_nik(nik: str) -> str:
    """The NIK with only its first 6 and last 4 digits visible: 130203******0001."""
    if len(nik) <= 10:
        return "*" * len(nik)
    return nik[:6] + "*" * (len(nik) - 10) + nik[-4:]
