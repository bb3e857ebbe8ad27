"""Pick lists for the record entry row and the filter bar: codes, nagari, jorong names."""

from __future__ import annotations

from dataclasses import dataclass

from peewee import SQL

from desktop.models import (
    Jorong,
    Kecamatan,
    Nagari,
    ServiceCategory,
    ServiceOutcome,
    ServiceRecord,
    TargetGroup,
)
from desktop.services.office.reference_scope import nagari_in_scope, scoped


@dataclass(frozen=True)
class Choice:
    code: str
    name: str
    needs_reason: bool = False


@dataclass(frozen=True)
class NagariChoice:
    id: int
    name: str
    kecamatan: str
    code: str

    @property
    def label(self) -> str:
        return f"{self.name} ({self.kecamatan})"


@dataclass(frozen=True)
class RecordChoices:
    nagari: tuple[NagariChoice, ...]
    categories: tuple[Choice, ...]
    target_groups: tuple[Choice, ...]
    outcomes: tuple[Choice, ...]


def choices() -> RecordChoices:
    """The office's active nagari (reference_scope), categories, target groups and outcomes, in order."""
    nagari = scoped(
        Nagari.select(Nagari.id, Nagari.name, Nagari.code, Kecamatan.name)
        .join(Kecamatan)
        .where(Nagari.is_active)
        .order_by(Nagari.name, Nagari.code),
        nagari_in_scope(),
    )

    def codes(model) -> tuple[Choice, ...]:
        rows = model.select().where(model.is_active).order_by(model.sort_order, model.name)
        return tuple(Choice(r.code, r.name, bool(getattr(r, "needs_reason", False))) for r in rows)

    return RecordChoices(
        tuple(NagariChoice(n.id, n.name, n.kecamatan.name, n.code) for n in nagari),
        codes(ServiceCategory),
        codes(TargetGroup),
        codes(ServiceOutcome),
    )


def jorong_names(nagari_id: int, limit: int = 200) -> list[str]:
    """Jorong of a nagari for completion: the reference list and those already typed in records."""
    known = {j.name for j in Jorong.select(Jorong.name).where(Jorong.nagari == nagari_id)}
    typed = (
        ServiceRecord.select(ServiceRecord.jorong)
        .where((ServiceRecord.nagari == nagari_id) & (ServiceRecord.jorong != ""))
        .distinct()
        .order_by(SQL("1"))
        .limit(limit)
    )
    known.update(r.jorong for r in typed)
    return sorted(known, key=str.casefold)[:limit]
