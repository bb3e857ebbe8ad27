"""Which reference data is the office's own: the areas of its configured kabupaten.

The shipped wilayah file holds two kabupaten (Solok and Padang Pariaman). An office offers and
accepts only the nagari and kecamatan of its own kabupaten (office settings, `kabupaten_code`),
plus any nagari its administrator added to the list (a code the shipped file does not have). An
office with no kabupaten configured yet sees every area.
"""

from __future__ import annotations

import csv
import functools
from typing import Any

from peewee import fn

from desktop.models import Kecamatan, Nagari, Office
from desktop.services.errors import InvalidInput
from desktop.services.office import reference_defaults


def office_kabupaten_code() -> str:
    """The kabupaten code of the office's settings ('13.02'), or '' when not configured."""
    office = Office.select(Office.kabupaten_code).order_by(Office.id).first()
    return (office.kabupaten_code or "").strip() if office else ""


@functools.cache
def shipped_nagari_codes() -> frozenset[str]:
    """The nagari codes of the shipped wilayah file (the rest were added by an administrator)."""
    with open(reference_defaults.wilayah_csv(), newline="", encoding="utf-8") as fh:
        return frozenset(row["nagari_code"] for row in csv.DictReader(fh))


def nagari_in_scope(kabupaten_code: str | None = None) -> Any:
    """A condition on Nagari: of the office's kabupaten, or added by the office; None: no limit."""
    code = office_kabupaten_code() if kabupaten_code is None else kabupaten_code
    if not code:
        return None
    own = fn.SUBSTR(Nagari.code, 1, len(code) + 1) == code + "."
    return own | Nagari.code.not_in(sorted(shipped_nagari_codes()))


def kecamatan_in_scope(kabupaten_code: str | None = None) -> Any:
    """A condition on Kecamatan: of the office's kabupaten; None: no limit."""
    code = office_kabupaten_code() if kabupaten_code is None else kabupaten_code
    if not code:
        return None
    return fn.SUBSTR(Kecamatan.code, 1, len(code) + 1) == code + "."


def scoped(query: Any, condition: Any) -> Any:
    """The query limited by a scope condition (unchanged when there is none)."""
    return query if condition is None else query.where(condition)


def check_nagari_in_scope(nagari: Nagari) -> Nagari:
    """Refuse a nagari outside the office's reference list (another kabupaten's)."""
    code = office_kabupaten_code()
    if not code or nagari.code.startswith(code + ".") or nagari.code not in shipped_nagari_codes():
        return nagari
    raise InvalidInput(
        f"Nagari {nagari.name} bukan wilayah kabupaten kantor ini; pilih nagari dari daftar.",
        field="nagari",
    )
