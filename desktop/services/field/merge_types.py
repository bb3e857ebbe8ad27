"""What a return from the field shows: before the merge, after it, and each conflict it left."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class ReturnPreview:
    """A package checked at the office, before anything is written."""

    package_uid: str
    case_id: int
    case_number: str
    case_title: str
    laptop: str
    leader: str
    taken_on: str  # dd-mm-yyyy
    sealed_at: str
    status: str  # the office's FieldPackage.status: dibawa, dikembalikan
    records_in_package: int
    new_records: int  # made in the field and not yet at the office


@dataclass(frozen=True)
class MergeResult:
    package_uid: str
    case_id: int
    laptop: str
    added: int  # records made in the field, now at the office
    updated: int  # office rows the field changed (records, checklist, report draft)
    unchanged: int
    conflicts: int  # new conflicts for the team leader (open_conflicts)
    # Citizens the field recorded who were already recorded for the same service in another case.
    served_elsewhere: list[str] = field(default_factory=list)
    already_returned: bool = False  # the package had been merged before: nothing new was in it
    audit_lines: int = 0  # the field's own audit lines copied into the office's log


@dataclass(frozen=True)
class ConflictView:
    """Both versions of a row, side by side, for the team leader to choose from."""

    id: int
    kind: str  # perubahan, duplikat, tidak_sah
    kind_label: str  # in Indonesian, for the screen
    entity: str  # service_record, preparation_check, report
    laptop: str
    title: str  # "Siti Rahmah (1302034507510002), KTP-el perekaman"
    message: str  # why it was not merged alone
    rows: list[tuple[str, str, str]]  # (label, office version, field version); "" where absent
    detected_at: dt.datetime
    may_take_field: bool  # False when the field version breaks a rule (tidak_sah)


@dataclass(frozen=True)
class PackageStatus:
    """One laptop's package of a case, as the office sees it."""

    package_uid: str
    laptop: str
    taken_by: str
    taken_at: dt.datetime
    status: str  # dibawa, dikembalikan, dibatalkan
    returned_at: dt.datetime | None
    open_conflicts: int
