"""Checking typed text before it reaches the database: lengths, control characters, dates."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from desktop.services.errors import InvalidInput

_USERNAME = re.compile(r"[a-z0-9][a-z0-9._-]{2,39}", re.ASCII)
_ALLOWED_CONTROLS_MULTILINE = {"\n", "\t"}


# Invisible characters that carry no meaning in office text (pasted from Word or a chat): dropped.
_DROPPED = dict.fromkeys(map(ord, "\u200b\u2060\ufeff\u00ad"))
# Format characters that may stay: the joiners some scripts and emoji sequences need, and the
# direction marks of right-to-left names (marks, not the overrides and isolates that reorder text).
_ALLOWED_FORMAT = {"\u200c", "\u200d", "\u200e", "\u200f", "\u061c"}
_LINE_BREAKS = {"\u2028", "\u2029", "\x85", "\r"}  # become "\n" in multi-line text


def clean_text(
    value: str | None,
    label: str,
    max_length: int,
    *,
    field: str | None = None,
    required: bool = True,
    multiline: bool = False,
) -> str:
    """Trim, normalise (NFC) and check a text; raise InvalidInput with an Indonesian message.

    Refused everywhere: control and unassigned characters, and format characters that change
    how text is shown without showing themselves (direction overrides and isolates that make
    "surat\u202efdp.exe" read as "surat exe.pdf", the TAG block). One-line fields also refuse
    line and paragraph separators; a required field needs a visible letter, digit or sign.
    """
    text = (value or "").replace("\r\n", "\n").translate(_DROPPED)
    if multiline:
        text = "".join("\n" if ch in _LINE_BREAKS else ch for ch in text)
    text = unicodedata.normalize("NFC", text).strip()
    if required and not text:
        raise InvalidInput(f"{label} wajib diisi.", field=field)
    allowed = _ALLOWED_CONTROLS_MULTILINE if multiline else set()
    for ch in text:
        category = unicodedata.category(ch)
        if ch in allowed or ch in _ALLOWED_FORMAT:
            continue
        if category == "Cf":
            raise InvalidInput(
                f"{label} mengandung karakter pengatur tampilan teks yang tak terlihat "
                f"(kode U+{ord(ch):04X}), yang dapat menyamarkan isi teks. Ketik ulang teks tersebut "
                "tanpa menyalin dari sumber lain.",
                field=field,
            )
        if not multiline and (category in ("Zl", "Zp") or ch in _LINE_BREAKS or ch in "\n\x0b\x0c"):
            raise InvalidInput(
                f"{label} hanya satu baris: pindah baris (kode U+{ord(ch):04X}) tidak dapat disimpan. "
                "Tulis dalam satu baris.",
                field=field,
            )
        if category in ("Cc", "Cs", "Co", "Cn"):
            raise InvalidInput(
                f"{label} mengandung karakter tak terlihat atau tidak sah (kode U+{ord(ch):04X}). "
                "Ketik ulang teks tersebut tanpa menyalin dari sumber lain.",
                field=field,
            )
    if required and not any(unicodedata.category(ch)[0] in "LNPS" for ch in text):
        raise InvalidInput(f"{label} wajib diisi dengan huruf, angka atau tanda yang terlihat.", field=field)
    if len(text) > max_length:
        raise InvalidInput(
            f"{label} terlalu panjang: {len(text)} karakter, paling banyak {max_length}.", field=field
        )
    return text


def clean_code(value: object, label: str, max_length: int = 40, *, field: str | None = None) -> str:
    """A reference code from a form (service kind, checklist item, role), safe to look up.

    Codes are chosen, not typed, but whatever reaches a query must be text both drivers can
    send: psycopg2 refuses NUL and neither driver can encode a lone surrogate. Anything else
    is left as it is (an unknown code is the caller's own "tidak dikenal").
    """
    text = value if isinstance(value, str) else ""
    invalid = not text or len(text) > max_length
    if invalid or any(unicodedata.category(ch) in ("Cc", "Cs", "Co", "Cn") for ch in text):
        raise InvalidInput(f"{label} tidak dikenal.", field=field)
    return text


_INT64 = (1 << 63) - 1


def clean_int(value: object, label: str, low: int, high: int = _INT64, *, field: str | None = None) -> int:
    """A whole number from a form or a caller, within [low, high]; both drivers can bind it.

    True/False, floats, text and numbers beyond 64 bits are refused with the same message on
    SQLite and PostgreSQL (they would otherwise answer differently, or with a driver error).
    """
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise InvalidInput(f"{label} harus bilangan bulat {low} sampai {high}.", field=field)
    return value


def clean_date(value: object, label: str, *, field: str | None = None) -> dt.date:
    """A calendar date (not a date-time) between the years 1900 and 2100."""
    if not isinstance(value, dt.date) or isinstance(value, dt.datetime) or not 1900 <= value.year <= 2100:
        raise InvalidInput(f"{label} harus tanggal antara tahun 1900 dan 2100.", field=field)
    return value


def fold(text: str) -> str:
    """Text as searches compare it, the same on both backends: case-folded beyond ASCII and without
    accents ("ZOË MÜLLER", "zoe muller" and "Zoë Müller" fold alike; "Straße" as "strasse").
    SQLite's LIKE and a PostgreSQL database in the C locale fold ASCII only."""
    decomposed = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", text or "").casefold())
    return unicodedata.normalize("NFC", "".join(ch for ch in decomposed if not unicodedata.combining(ch)))


def is_username(name: str) -> bool:
    """Whether a (lower-case) name can be a username at all."""
    return bool(_USERNAME.fullmatch(name))


def clean_username(value: str) -> str:
    name = (value or "").strip().lower()
    if not _USERNAME.fullmatch(name):
        raise InvalidInput(
            "Nama pengguna 3-40 karakter: huruf kecil a-z, angka, titik, garis bawah atau tanda hubung.",
            field="username",
        )
    return name


def clean_digits(
    value: str | None, label: str, length: int, *, field: str, required: bool = True
) -> str | None:
    """Exactly `length` ASCII digits (spaces and dots typed for readability are removed)."""
    text = re.sub(r"[\s.]", "", value or "")
    if not text:
        if required:
            raise InvalidInput(f"{label} wajib diisi.", field=field)
        return None
    if not re.fullmatch(rf"[0-9]{{{length}}}", text, re.ASCII):
        raise InvalidInput(f"{label} harus {length} angka (0-9).", field=field)
    return text
