"""Step history, incoming letters, attachments, dispositions, Surat Tugas, preparation."""

from __future__ import annotations

from peewee import SQL

from .base import (
    BaseModel,
    BlobField,
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
from .people import Team, User
from .reference import Nagari, ServiceCategory
from .sop import SopCase

SIFAT_CHECK = Check("sifat IN ('biasa', 'segera', 'sangat_segera', 'rahasia')")


class CaseStep(BaseModel):
    """One thing done on a case: who did which step, when, with what note and output."""

    case = ForeignKeyField(SopCase, backref="steps", on_delete="CASCADE")
    step_code = Text(max_length=40)
    action = Text(max_length=20)  # selesai, kembali, ya, tidak, ditolak
    next_step = Text(max_length=40, null=True)
    actor = ForeignKeyField(User, on_delete="RESTRICT")
    acted_at = DateTimeField(default=now)
    started_on = DateField()
    due_on = DateField(null=True)
    note = BoundedText(max_length=4000, default="")
    output_label = Text(max_length=200, default="")
    document = ForeignKeyField(IssuedDocument, null=True, backref="steps", on_delete="RESTRICT")

    class Meta:
        indexes = ((("case", "acted_at"), False),)


class IncomingLetter(EditableModel):
    """A Surat Permohonan (surat masuk) as registered by the front desk."""

    case = ForeignKeyField(SopCase, null=True, backref="letters", on_delete="RESTRICT")
    agenda_number = Text(max_length=60, unique=True)
    tracking_code = Text(max_length=20, unique=True)
    letter_number = Text(max_length=80)
    letter_date = DateField()
    received_at = DateTimeField(default=now)
    sender = Text(max_length=160)
    nagari = ForeignKeyField(Nagari, backref="letters", on_delete="RESTRICT")
    subject = Text(max_length=300)
    sifat = Text(max_length=20, default="biasa", constraints=[SIFAT_CHECK])
    estimated_people = IntegerField(default=0, constraints=[Check("estimated_people >= 0")])
    registered_by = ForeignKeyField(User, on_delete="RESTRICT")
    # Number, sender and subject as searches compare them (validation.fold; migration 8).
    search_fold = Text(max_length=2400, default="", constraints=[SQL("DEFAULT ''")])


class RequestedService(BaseModel):
    """What a letter asks for, roughly for how many people."""

    letter = ForeignKeyField(IncomingLetter, backref="requested", on_delete="CASCADE")
    category = ForeignKeyField(ServiceCategory, on_delete="RESTRICT")
    estimated_count = IntegerField(default=0, constraints=[Check("estimated_count >= 0")])

    class Meta:
        indexes = ((("letter", "category"), True),)


class Attachment(BaseModel):
    """A file kept with a case: the letter's scan, meeting minutes, supporting documents."""

    case = ForeignKeyField(SopCase, backref="attachments", on_delete="CASCADE")
    letter = ForeignKeyField(IncomingLetter, null=True, backref="attachments", on_delete="CASCADE")
    step_code = Text(max_length=40, null=True)
    purpose = Text(max_length=40)  # scan_permohonan, notulen, lampiran
    filename = Text(max_length=255)
    mime_type = Text(max_length=100)
    size_bytes = IntegerField(constraints=[Check("size_bytes >= 0 AND size_bytes <= 52428800")])
    sha256 = Text(max_length=64)
    content = BlobField()
    uploaded_by = ForeignKeyField(User, on_delete="RESTRICT")
    uploaded_at = DateTimeField(default=now)


class Disposition(EditableModel):
    """The Kabid's written instruction on a request; read-only once signed."""

    case = ForeignKeyField(SopCase, backref="dispositions", on_delete="RESTRICT")
    letter = ForeignKeyField(IncomingLetter, null=True, backref="dispositions", on_delete="RESTRICT")
    sifat = Text(max_length=20, default="biasa", constraints=[SIFAT_CHECK])
    forwarded_to = Text(max_length=200)  # diteruskan kepada
    requests = Text(max_length=300, default="")  # dengan hormat harap: comma-separated codes
    instructions = BoundedText(max_length=4000)
    team = ForeignKeyField(Team, null=True, on_delete="RESTRICT")
    deadline = DateField()
    drafted_by = ForeignKeyField(User, backref="drafted_dispositions", on_delete="RESTRICT")
    drafted_at = DateTimeField(default=now)
    signed_by = ForeignKeyField(User, null=True, backref="signed_dispositions", on_delete="RESTRICT")
    signed_at = DateTimeField(null=True)
    signature_sha256 = Text(max_length=64, null=True)

    class Meta:
        constraints = [
            Check(
                "(signed_at IS NULL AND signed_by_id IS NULL AND signature_sha256 IS NULL) OR "
                "(signed_at IS NOT NULL AND signed_by_id IS NOT NULL AND signature_sha256 IS NOT NULL)"
            )
        ]


class AssignmentLetter(EditableModel):
    """Surat Tugas from the Kepala Dinas to a SIJARLA team."""

    case = ForeignKeyField(SopCase, backref="assignment_letters", on_delete="RESTRICT")
    number = Text(max_length=80, unique=True)
    basis = BoundedText(max_length=2000)  # Dasar
    task = BoundedText(max_length=2000)  # Untuk
    place = Text(max_length=200)
    start_on = DateField()
    end_on = DateField()
    copies_to = BoundedText(max_length=1000, default="")  # tembusan, one per line
    drafted_by = ForeignKeyField(User, backref="drafted_assignments", on_delete="RESTRICT")
    signed_by = ForeignKeyField(User, null=True, backref="signed_assignments", on_delete="RESTRICT")
    signed_at = DateTimeField(null=True)
    signature_sha256 = Text(max_length=64, null=True)

    class Meta:
        constraints = [Check("end_on >= start_on")]


class AssignmentMember(BaseModel):
    """A team member named in a Surat Tugas, as they were on the day it was issued."""

    letter = ForeignKeyField(AssignmentLetter, backref="members", on_delete="CASCADE")
    user = ForeignKeyField(User, on_delete="RESTRICT")
    position = IntegerField()
    full_name = Text(max_length=120)
    nip = Text(max_length=18, null=True)
    pangkat_golongan = Text(max_length=80, default="")
    jabatan = Text(max_length=160, default="")
    is_leader = BooleanField(default=False)

    class Meta:
        indexes = ((("letter", "user"), True),)


class PreparationCheck(EditableModel):
    """One item of the team's preparation: SIAK data, recording equipment, nagari ready."""

    case = ForeignKeyField(SopCase, backref="preparation", on_delete="CASCADE")
    item = Text(max_length=40)
    label = Text(max_length=200)
    is_done = BooleanField(default=False)
    checked_by = ForeignKeyField(User, null=True, on_delete="RESTRICT")
    checked_at = DateTimeField(null=True)
    note = BoundedText(max_length=1000, default="")

    class Meta:
        indexes = ((("case", "item"), True),)
