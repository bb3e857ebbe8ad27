"""The rules of one service record, shared by the form (add_record, update_record) and the import.

Every check says what is wrong in Indonesian. A batch (one import, one saved form) resolves its
reference data once in _Lookups, which also remembers what each check found for a value already
seen: a file of 100,000 rows repeats a handful of categories, days and nagari, and its NIKs share
region and birth-date digits. A value is only answered from memory when the full check passed on
the same digits before; anything else goes through the full check, so the messages are the same.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
from collections.abc import Callable
from typing import Any

from desktop.config import resource_dir
from desktop.models import Nagari, ServiceCategory, ServiceOutcome, TargetGroup
from desktop.services import date_rules
from desktop.services.errors import InvalidInput
from desktop.services.nik import RegionCode, region_note, validate_kk, validate_nik
from desktop.services.office.reference_scope import nagari_in_scope, scoped
from desktop.services.problems import Problems
from desktop.services.sijarla.category_aliases import category_key, category_matcher
from desktop.services.validation import clean_text, fold


@functools.cache
def national_region_codes() -> dict[str, RegionCode]:
    """Every province, kabupaten/kota and kecamatan code since 2018 (resources/data, Kemendagri)."""
    path = resource_dir() / "data" / "wilayah_kecamatan_indonesia.csv"
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    return {
        r["code"]: RegionCode(r["code"], r["name"], r["in_current_list"] == "ya", r["last_seen"])
        for r in rows
    }


class _Refusal:
    """A check's refusal, remembered per value (raised again as a fresh InvalidInput)."""

    __slots__ = ("field", "message")

    def __init__(self, exc: InvalidInput) -> None:
        self.message, self.field = exc.message, exc.field


class _Lookups:
    """Reference data resolved once per batch (codes and names, case-insensitive), and what each
    check found for a value already seen in the batch: an import of 100,000 rows repeats a handful
    of categories, dates and nagari, and NIKs share their region and birth-date digits."""

    def __init__(self) -> None:
        active = list(
            ServiceCategory.select().where(ServiceCategory.is_active).order_by(ServiceCategory.sort_order)
        )
        self.category_names = [c.name for c in active]
        self.categories = category_matcher([(c.id, c.code, c.name) for c in active])
        self.groups = _code_map(TargetGroup)
        self.outcomes = _code_map(ServiceOutcome)
        self.outcome_rows = {o.id: o for o in ServiceOutcome.select()}
        nagari = list(
            scoped(
                Nagari.select(Nagari.id, Nagari.name, Nagari.code).where(Nagari.is_active), nagari_in_scope()
            )
        )
        self.nagari_ids = {n.id for n in nagari}
        self.nagari_by_name: dict[str, list[int]] = {}
        self.nagari_code = {n.id: n.code for n in nagari}
        for n in nagari:
            self.nagari_by_name.setdefault(n.name.casefold(), []).append(n.id)
            self.nagari_by_name.setdefault(n.code, []).append(n.id)
        self.home_kabupaten = ""
        self.period: tuple[dt.date, dt.date] = (dt.date.min, dt.date.max)  # service_period(case)
        self.today = dt.date.today()
        # What each check found per value (an id, a day, or a _Refusal), per check.
        self._nagari: dict[object, Any] = {}
        self._outcomes: dict[object, Any] = {}
        self._groups: dict[object, Any] = {}
        self._categories: dict[object, Any] = {}
        self._days: dict[object, Any] = {}
        # Digits 1-6 of a NIK / KK that passed (-> its region note), and digits 7-12 that passed.
        self._nik_regions: dict[str, str] = {}
        self._nik_dates: set[str] = set()
        self._kk_regions: dict[str, str] = {}
        self._kk_dates: set[str] = set()

    @staticmethod
    def _memo(cache: dict[object, Any], key: object, check: Callable[[Any], Any]) -> Any:
        """check(key), or what it found the last time for the same key (a refusal raised again)."""
        found = cache.get(key, _Refusal)
        if found is _Refusal:
            try:
                found = check(key)
            except InvalidInput as exc:
                found = _Refusal(exc)
            cache[key] = found
        if found.__class__ is _Refusal:
            raise InvalidInput(found.message, field=found.field)
        return found

    def nagari_id(self, text: str) -> int:
        """A nagari by code or name; a name shared across kabupaten resolves to the case's own."""
        found = self._nagari.get(text)
        return found if found.__class__ is int else self._memo(self._nagari, text, self._nagari_id)

    def _nagari_id(self, text: str) -> int:
        found = self.nagari_by_name.get(text.strip().casefold(), [])
        if len(found) > 1 and self.home_kabupaten:
            found = [i for i in found if self.nagari_code[i].startswith(self.home_kabupaten)]
        if len(found) != 1:
            problem = "tidak dikenal" if not found else "ada di lebih dari satu kecamatan; tulis kodenya"
            raise InvalidInput(f"Nagari '{text}' {problem}.", field="nagari")
        return found[0]

    def outcome_id(self, text: str) -> int:
        found = self._outcomes.get(text)
        if found.__class__ is int:
            return found
        return self._memo(self._outcomes, text, lambda t: _pick(self.outcomes, t, "Hasil", "outcome"))

    def group_id(self, text: str) -> int:
        found = self._groups.get(text)
        if found.__class__ is int:
            return found
        return self._memo(self._groups, text, lambda t: _pick(self.groups, t, "Sasaran", "target_group"))

    def category_id(self, text: str) -> int:
        found = self._categories.get(text)
        if found.__class__ is int:
            return found
        return self._memo(self._categories, text, lambda t: _category(self, t))

    def served_on(self, day: object) -> dt.date:
        """The day served: within the Surat Tugas and not after today."""
        if day.__class__ is not dt.date:  # a date-time, or no date at all: refused by date_rules
            return self._served_on(day)
        found = self._days.get(day)
        return found if found.__class__ is dt.date else self._memo(self._days, day, self._served_on)

    def _served_on(self, day: object) -> dt.date:
        first, last = self.period
        return date_rules.within(
            day, first, last, self.today, "Tanggal pelayanan", "masa Surat Tugas", field="served_on"
        )

    def nik(self, text: str) -> tuple[str, str]:
        """The NIK and its region note (_check_nik), without checking again what passed before."""
        value = text.strip()
        if len(value) == 16 and value.isascii() and value.isdigit() and value[12:] != "0000":
            note = self._nik_regions.get(value[:6])
            if note is not None and value[6:12] in self._nik_dates:
                return value, note
        nik, note = _check_nik(value)
        self._nik_regions[nik[:6]] = note
        self._nik_dates.add(nik[6:12])
        return nik, note

    def kk(self, text: str) -> tuple[str | None, str]:
        """The KK (None when empty) and its region note (_check_kk), as nik() does."""
        value = text.strip()
        if not value:
            return None, ""
        if len(value) == 16 and value.isascii() and value.isdigit() and value[12:] != "0000":
            note = self._kk_regions.get(value[:6])
            if note is not None and value[6:12] in self._kk_dates:
                return value, note
        kk, note = _check_kk(value)
        assert kk is not None
        self._kk_regions[kk[:6]] = note
        self._kk_dates.add(kk[6:12])
        return kk, note


def _code_map(model) -> dict[str, int]:
    result: dict[str, int] = {}
    for row in model.select().where(model.is_active):
        result[row.code.casefold()] = row.id
        result[row.name.casefold()] = row.id
    return result


def _pick(mapping: dict[str, int], value: str, label: str, name: str) -> int:
    found = mapping.get((value or "").strip().casefold())
    if found is None:
        raise InvalidInput(f"{label} '{value}' tidak dikenal.", field=name)
    return found


def _check_nik(text: str) -> tuple[str, str]:
    """The NIK and, when its region deserves a second look, why (stored with the record).

    Its format, birth date and serial are strict; a province that does not exist is refused; a
    kabupaten or kecamatan code missing from the national list or retired from it is only noted:
    a NIK keeps the code it was issued under.
    """
    info = validate_nik((text or "").strip(), None)
    codes = national_region_codes()
    if info.province_code not in codes:
        raise InvalidInput(f"Kode provinsi {info.province_code} pada NIK tidak ada.", field="nik")
    return info.nik, region_note(info.nik, "NIK", codes)


def nik_region_note(nik: str) -> str:
    """What the form says under a valid NIK whose region code is old or retired ("" otherwise)."""
    return region_note(nik, "NIK", national_region_codes()) if len(nik) == 16 and nik.isascii() else ""


def _check_kk(text: str) -> tuple[str | None, str]:
    if not (text or "").strip():
        return None, ""
    value = validate_kk(text)
    codes = national_region_codes()
    if value[:2] not in codes:
        raise InvalidInput(f"Kode provinsi {value[:2]} pada Nomor KK tidak ada.", field="kk")
    return value, region_note(value, "Nomor KK", codes)


def _line(value: str | None, label: str, max_length: int, field: str, required: bool = True) -> str:
    """clean_text of a one-line field; plain printable ASCII (most of an import) answered at once:
    nothing to drop, normalise or refuse in it but emptiness and length."""
    if not value and not required:
        return ""
    text = value or ""
    if text.isascii() and text.isprintable():
        text = text.strip()
        if (text or not required) and len(text) <= max_length:
            return text
    return clean_text(value, label, max_length, field=field, required=required)


# The values _checked returns, in order: the service_record columns a draft or an imported row fills.
CHECKED_FIELDS = (
    "nik",
    "region_note",
    "full_name",
    "name_fold",
    "kk",
    "address",
    "jorong",
    "nagari",
    "category",
    "target_group",
    "outcome",
    "outcome_reason",
    "note",
    "served_on",
)


def _checked(
    lookups: _Lookups,
    nik_text: str,
    full_name: str,
    nagari_id: int,
    category: str,
    target_group: str,
    outcome: str,
    served_on: dt.date,
    kk_text: str,
    address: str,
    jorong: str,
    outcome_reason: str,
    note: str,
) -> tuple:
    """Every rule of one record, in the order its refusals are reported; the values in CHECKED_FIELDS."""
    outcome_id = lookups.outcome_id(outcome)
    reason = _reason(lookups, outcome_id, outcome_reason)
    _known_nagari(lookups, nagari_id)
    day = lookups.served_on(served_on)
    nik = lookups.nik(nik_text or "")
    kk = lookups.kk(kk_text or "")
    name = _line(full_name, "Nama", 120, "full_name")
    return _record_values(
        nik,
        name,
        kk,
        _line(address, "Alamat", 240, "address", required=False),
        _line(jorong, "Jorong", 80, "jorong", required=False),
        nagari_id,
        lookups.category_id(category),
        lookups.group_id(target_group),
        outcome_id,
        reason,
        _line(note, "Keterangan", 500, "note", required=False),
        day,
    )


def _record_values(
    nik: tuple[str, str],
    name: str,
    kk: tuple[str | None, str],
    address: str | None,
    jorong: str | None,
    nagari_id: int | None,
    category_id: int | None,
    group_id: int | None,
    outcome_id: int | None,
    reason: str | None,
    note: str | None,
    day: dt.date | None,
) -> tuple:
    """The checked values in CHECKED_FIELDS' order: the region notes joined, the name folded."""
    (nik_value, nik_note), (kk_value, kk_note) = nik, kk
    return (
        nik_value,
        f"{nik_note} {kk_note}" if nik_note and kk_note else nik_note or kk_note,
        name,
        name.lower() if name.isascii() else fold(name),  # fold() of ASCII is lower()
        kk_value,
        address,
        jorong,
        nagari_id,
        category_id,
        group_id,
        outcome_id,
        reason,
        note,
        day,
    )


def _checked_together(
    lookups: _Lookups,
    nik_text: str,
    full_name: str,
    nagari_id: int,
    category: str,
    target_group: str,
    outcome: str,
    served_on: dt.date,
    kk_text: str,
    address: str,
    jorong: str,
    outcome_reason: str,
    note: str,
) -> tuple:
    """_checked for one record typed in the form: every field that breaks a rule is refused at once
    (InvalidFields, in the entry row's order), so the user corrects them in one go. The import keeps
    _checked: one refusal per row, and no cost per rule."""
    problems = Problems()
    check = problems.check
    nik = check(lambda: lookups.nik(nik_text or ""))
    name = check(lambda: _line(full_name, "Nama", 120, "full_name"))
    kk = check(lambda: lookups.kk(kk_text or ""))
    address_text = check(lambda: _line(address, "Alamat", 240, "address", required=False))
    nagari = check(lambda: _known_nagari(lookups, nagari_id))
    jorong_text = check(lambda: _line(jorong, "Jorong", 80, "jorong", required=False))
    category_id = check(lambda: lookups.category_id(category))
    group_id = check(lambda: lookups.group_id(target_group))
    outcome_id = check(lambda: lookups.outcome_id(outcome))
    reason = check(lambda: _reason(lookups, outcome_id, outcome_reason))
    day = check(lambda: lookups.served_on(served_on))
    note_text = check(lambda: _line(note, "Keterangan", 500, "note", required=False))
    problems.raise_any()
    assert nik is not None and name is not None and kk is not None
    return _record_values(
        nik, name, kk, address_text, jorong_text, nagari, category_id, group_id, outcome_id, reason,
        note_text, day,
    )  # fmt: skip


def _known_nagari(lookups: _Lookups, nagari_id: int) -> int:
    if nagari_id not in lookups.nagari_ids:
        raise InvalidInput("Nagari tidak dikenal.", field="nagari")
    return nagari_id


def _reason(lookups: _Lookups, outcome_id: int | None, text: str) -> str:
    reason = _line(text, "Alasan", 300, "outcome_reason", required=False)
    if not reason and outcome_id is not None and lookups.outcome_rows[outcome_id].needs_reason:
        raise InvalidInput(
            f"Hasil '{lookups.outcome_rows[outcome_id].name}' wajib disertai alasan.", field="outcome_reason"
        )
    return reason


def _category(lookups: _Lookups, text: str) -> int:
    """A category by code, name or a common spelling of it; else the allowed ones, named."""
    found = lookups.categories.get(category_key(text))
    if found is None:
        allowed = ", ".join(lookups.category_names)
        raise InvalidInput(
            f"Kategori layanan '{(text or '').strip()}' tidak dikenal. Pilih salah satu: {allowed}.",
            field="category",
        )
    return found
