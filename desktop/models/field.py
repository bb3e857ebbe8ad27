"""Field packages (kejar bola offline): a case taken out to a laptop, and what came back.

A package is written at the office for one laptop of a case's team and brought back to be merged
(services/field). The office keeps each package's data key (FieldPackageKey, readable by the team
only) so a returned package is opened without its passphrase; a merge that cannot decide alone
(the office and the field changed the same row, or two laptops served the same citizen for the
same service) leaves a FieldConflict for the team leader.
"""

from __future__ import annotations

from .base import (
    BaseModel,
    BoundedText,
    Check,
    DateTimeField,
    EditableModel,
    ForeignKeyField,
    IntegerField,
    Text,
    now,
)
from .people import User
from .sop import SopCase

PACKAGE_STATUS = ("dibawa", "dikembalikan", "dibatalkan")
CONFLICT_KINDS = ("perubahan", "duplikat", "tidak_sah")
CONFLICT_STATUS = ("terbuka", "lapangan", "kantor")


class FieldPackage(EditableModel):
    """One laptop's package of a case: who took it out, when, and whether it came back."""

    uid = Text(max_length=32, unique=True)  # uuid4 hex, also in the package's header
    case = ForeignKeyField(SopCase, backref="field_packages", on_delete="RESTRICT")
    laptop = Text(max_length=80)  # the label the leader gave it ("Laptop 1")
    taken_by = ForeignKeyField(User, backref="field_packages_taken", on_delete="RESTRICT")
    taken_at = DateTimeField(default=now)
    status = Text(
        max_length=20,
        default="dibawa",
        constraints=[Check("status IN ('dibawa', 'dikembalikan', 'dibatalkan')")],
    )
    returned_by = ForeignKeyField(User, null=True, backref="field_packages_returned", on_delete="RESTRICT")
    returned_at = DateTimeField(null=True)
    # What the last merge did, as JSON (added, updated, unchanged, conflicts, audit lines).
    summary = BoundedText(max_length=4000, default="")
    # The package's own audit lines copied so far (a second merge copies only newer ones).
    audit_copied = BoundedText(max_length=20, default="0")


class FieldPackageKey(BaseModel):
    """The package's AES key, hex: a returned package is opened with it, without the passphrase."""

    package = ForeignKeyField(FieldPackage, unique=True, backref="keys", on_delete="CASCADE")
    case = ForeignKeyField(SopCase, on_delete="RESTRICT")  # the team's row policy reads it
    data_key = Text(max_length=64)


class FieldConflict(BaseModel):
    """A row the merge did not write: both versions are kept until the team leader chooses."""

    package = ForeignKeyField(FieldPackage, backref="conflicts", on_delete="RESTRICT")
    case = ForeignKeyField(SopCase, on_delete="RESTRICT")
    kind = Text(max_length=20, constraints=[Check("kind IN ('perubahan', 'duplikat', 'tidak_sah')")])
    entity = Text(max_length=40)  # service_record, preparation_check, report
    office_id = IntegerField(null=True)  # the office's row (None: a field row not written)
    field_key = Text(max_length=64)  # the row in the package: its field uid, or its office id
    field_values = BoundedText(max_length=20_000)  # the field's version, JSON (codes, as stored)
    message = BoundedText(max_length=1000, default="")  # why it could not be merged, in Indonesian
    detected_at = DateTimeField(default=now)
    status = Text(
        max_length=20,
        default="terbuka",
        constraints=[Check("status IN ('terbuka', 'lapangan', 'kantor')")],
    )
    resolved_by = ForeignKeyField(User, null=True, on_delete="RESTRICT")
    resolved_at = DateTimeField(null=True)

    class Meta:
        indexes = ((("package", "entity", "field_key"), False),)
