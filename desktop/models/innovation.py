"""Innovations (Inovasi Pelayanan Publik): step documents, meetings, names and outputs."""

from __future__ import annotations

from .base import (
    BaseModel,
    BooleanField,
    BoundedText,
    Check,
    DateField,
    DateTimeField,
    EditableModel,
    ForeignKeyField,
    IntegerField,
    Text,
    now,
)
from .documents import IssuedDocument
from .people import User
from .sop import SopCase


class Innovation(EditableModel):
    """An idea for a new public service on its way to a named, running innovation."""

    case = ForeignKeyField(SopCase, backref="innovation", unique=True, on_delete="RESTRICT")
    title = Text(max_length=200)
    problem = BoundedText(max_length=4000)
    target = BoundedText(max_length=2000)
    pointers = BoundedText(max_length=8000)
    year = IntegerField()
    chosen_name = Text(max_length=120, null=True)
    name_decided_by = ForeignKeyField(User, null=True, on_delete="RESTRICT")


class InnovationDocument(EditableModel):
    """The written output of a step: catatan telaahan, tindak lanjut, draft, konsep final ..."""

    innovation = ForeignKeyField(Innovation, backref="documents", on_delete="CASCADE")
    step_code = Text(max_length=40)
    kind = Text(max_length=40)
    title = Text(max_length=200)
    body = BoundedText(max_length=20_000)
    author = ForeignKeyField(User, on_delete="RESTRICT")
    written_at = DateTimeField(default=now)
    document = ForeignKeyField(IssuedDocument, null=True, on_delete="RESTRICT")


class Meeting(EditableModel):
    """A discussion meeting of the innovation SOP (steps 4, 5, 6 and 7)."""

    innovation = ForeignKeyField(Innovation, backref="meetings", on_delete="CASCADE")
    step_code = Text(max_length=40)
    held_on = DateField()
    place = Text(max_length=200, default="")
    decision = Text(max_length=10, null=True, constraints=[Check("decision IN ('ya', 'tidak')")])
    reason = BoundedText(max_length=4000, default="")
    chaired_by = ForeignKeyField(User, on_delete="RESTRICT")


class MeetingParticipant(BaseModel):
    """A participant of a meeting and, where the step asks for it, their own approval."""

    meeting = ForeignKeyField(Meeting, backref="participants", on_delete="CASCADE")
    user = ForeignKeyField(User, on_delete="RESTRICT")
    approved = BooleanField(null=True)
    approved_at = DateTimeField(null=True)
    comment = Text(max_length=500, default="")

    class Meta:
        indexes = ((("meeting", "user"), True),)


class NameOption(BaseModel):
    """A proposed name for the innovation (step 7)."""

    innovation = ForeignKeyField(Innovation, backref="name_options", on_delete="CASCADE")
    name = Text(max_length=120)
    meaning = Text(max_length=400, default="")
    proposed_by = ForeignKeyField(User, on_delete="RESTRICT")
    is_chosen = BooleanField(default=False)

    class Meta:
        indexes = ((("innovation", "name"), True),)


class OutputLog(EditableModel):
    """What a running innovation produced on a day (step 8), for reports and replication."""

    innovation = ForeignKeyField(Innovation, backref="outputs", on_delete="CASCADE")
    day = DateField()
    activity = Text(max_length=300)
    people_served = IntegerField(default=0, constraints=[Check("people_served >= 0")])
    note = Text(max_length=500, default="")
    logged_by = ForeignKeyField(User, on_delete="RESTRICT")
