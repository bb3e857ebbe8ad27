"""SOP definitions as loaded and the cases that run them."""

from __future__ import annotations

from .base import (
    SQL,
    BaseModel,
    BoundedText,
    Check,
    DateField,
    DateTimeField,
    EditableModel,
    ForeignKeyField,
    Text,
    now,
)
from .people import Team, User
from .reference import Nagari

ORIGIN_NOTE_LIMIT = 1000


class Sop(BaseModel):
    """An SOP definition as loaded from its file; cases keep the exact text they ran under."""

    code = Text(max_length=40)
    number = Text(max_length=80)
    title = Text(max_length=200)
    source_sha256 = Text(max_length=64)
    definition = BoundedText(max_length=200_000)
    loaded_at = DateTimeField(default=now)

    class Meta:
        indexes = ((("code", "source_sha256"), True),)


class SopCase(EditableModel):
    """One run of an SOP: a SIJARLA request or an innovation."""

    sop = ForeignKeyField(Sop, backref="cases", on_delete="RESTRICT")
    reference = Text(max_length=60, unique=True)  # SJL-2026-0001
    title = Text(max_length=300)
    title_fold = Text(max_length=1200, default="", constraints=[SQL("DEFAULT ''")])  # validation.fold
    origin = Text(max_length=20, constraints=[Check("origin IN ('surat', 'analisis', 'gagasan')")])
    nagari = ForeignKeyField(Nagari, null=True, backref="cases", on_delete="RESTRICT")
    current_step = Text(max_length=40)
    status = Text(
        max_length=20,
        default="berjalan",
        constraints=[Check("status IN ('berjalan', 'selesai', 'ditolak', 'dibatalkan')")],
    )
    opened_by = ForeignKeyField(User, on_delete="RESTRICT")
    opened_at = DateTimeField(default=now)
    due_on = DateField(null=True)  # the SOP's overall limit (SIJARLA: 3 working days)
    step_due_on = DateField(null=True)  # the current step's limit
    closed_at = DateTimeField(null=True)
    team = ForeignKeyField(Team, null=True, backref="cases", on_delete="RESTRICT")
    # Why a case without a letter was opened (the Kepala Dinas' analysis), whole; the title shortens it.
    origin_note = BoundedText(max_length=ORIGIN_NOTE_LIMIT, default="", constraints=[SQL("DEFAULT ''")])

    class Meta:
        indexes = ((("status", "current_step"), False),)
