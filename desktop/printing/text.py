"""Indonesian dates, NIP layout, sifat labels and the ASCII transliteration receipts need."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

MONTHS = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)
WEEKDAYS = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
SIFAT_LABELS = {
    "biasa": "Biasa",
    "segera": "Segera",
    "sangat_segera": "Sangat segera",
    "rahasia": "Rahasia",
}
_ASCII_FALLBACK = {
    "\u2018": "'",
    "\u2019": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u2013": "-",
    "\u2014": "-",
    "\u2026": "...",
    "\u00b7": "-",
    "\u00d7": "x",
    "\u00a0": " ",
    "\u00df": "ss",
    "\u00e6": "ae",
    "\u00c6": "AE",
    "\u00f8": "o",
    "\u00d8": "O",
    "\u0131": "i",
}


def date_id(day: dt.date | None) -> str:
    """21 November 2026 (empty for no date)."""
    if day is None:
        return ""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def long_date_id(day: dt.date | None) -> str:
    """Sabtu, 21 November 2026."""
    if day is None:
        return ""
    return f"{WEEKDAYS[day.weekday()]}, {date_id(day)}"


def datetime_id(moment: dt.datetime | None) -> str:
    """21 November 2026 pukul 09.15 (the clock with a dot, as Indonesian letters write it)."""
    if moment is None:
        return ""
    return f"{date_id(moment.date())} pukul {moment:%H.%M}"


def date_range_id(start: dt.date, end: dt.date) -> str:
    """One day, or 'a s.d. b' (shortened when month or year are shared)."""
    if start == end:
        return long_date_id(start)
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day} s.d. {date_id(end)}"
    return f"{date_id(start)} s.d. {date_id(end)}"


def nip_id(nip: str | None) -> str:
    """An 18-digit NIP the way it is printed: 19760130 200312 1 001."""
    if not nip:
        return "-"
    digits = re.sub(r"[^0-9]", "", nip)
    if len(digits) != 18:
        return nip
    return f"{digits[:8]} {digits[8:14]} {digits[14]} {digits[15:]}"


def to_ascii(text: str) -> str:
    """Plain printable ASCII: accents dropped (é -> e), typographic marks simplified, the rest '?'."""
    out = []
    for ch in text:
        if ch in _ASCII_FALLBACK:
            out.append(_ASCII_FALLBACK[ch])
            continue
        if ch == "\n" or " " <= ch <= "~":
            out.append(ch)
            continue
        if ch == "\t":
            out.append(" ")
            continue
        base = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
        if base and all(" " <= c <= "~" for c in base):
            out.append(base)
        elif unicodedata.category(ch).startswith("C"):
            continue  # control characters never reach a printer
        else:
            out.append("?")
    return "".join(out)


def escape(text: str) -> str:
    """Text made safe for reportlab's paragraph mark-up; line breaks kept."""
    safe = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return safe.replace("\r\n", "\n").replace("\n", "<br/>")


def signature_code(sha256: str) -> str:
    """A signature's fingerprint as people read it aloud: the first ten characters of its SHA-256,
    grouped (582D9-03FE0); the same on the screen and on the printed sheet."""
    head = sha256[:10].upper()
    return f"{head[:5]}-{head[5:]}" if head else "-"


def group_code(code: str) -> str:
    """ABCDE-FGHJK: a verification code read aloud in two halves."""
    if len(code) == 10 and code.isalnum():
        return f"{code[:5]}-{code[5:]}"
    return code
