"""Service records by name by address, the team's report and the periodic recap."""

from __future__ import annotations

from peewee import SQL, Column

from .base import (
    BoundedText,
    Check,
    DateField,
    DateTimeField,
    DigitsField,
    EditableModel,
    ForeignKeyField,
    Text,
    now,
)
from .documents import IssuedDocument
from .people import User
from .reference import Nagari, ServiceCategory, ServiceOutcome, TargetGroup
from .sop import SopCase


class NikField(DigitsField):
    """A NIK: 16 ASCII digits with a plausible birth date (day + 40 for women) inside.

    The region code and the real calendar date are checked by the service; the database
    refuses anything that cannot be a NIK at all, on SQLite and PostgreSQL alike.
    """

    def __init__(self, **kwargs):
        super().__init__(16, **kwargs)

    def ddl(self, ctx):
        node = super().ddl(ctx)
        c = f'"{self.column_name}"'
        node.nodes.append(
            Check(
                f"((substr({c}, 7, 2) BETWEEN '01' AND '31' OR substr({c}, 7, 2) BETWEEN '41' AND '71')"
                f" AND substr({c}, 9, 2) BETWEEN '01' AND '12' AND substr({c}, 13, 4) <> '0000')"
            )
        )
        return node


class ServiceRecord(EditableModel):
    """One citizen served by a SIJARLA team: who, where, which service, with what outcome."""

    case = ForeignKeyField(SopCase, backref="service_records", on_delete="RESTRICT")
    nik = NikField()
    full_name = Text(max_length=120)
    kk = DigitsField(16, null=True)
    address = Text(max_length=240, default="")
    jorong = Text(max_length=80, default="")
    nagari = ForeignKeyField(Nagari, on_delete="RESTRICT")
    category = ForeignKeyField(ServiceCategory, on_delete="RESTRICT")
    target_group = ForeignKeyField(TargetGroup, on_delete="RESTRICT")
    outcome = ForeignKeyField(ServiceOutcome, on_delete="RESTRICT")
    outcome_reason = Text(max_length=300, default="")
    note = Text(max_length=500, default="")
    served_on = DateField()
    recorded_by = ForeignKeyField(User, on_delete="RESTRICT")
    recorded_at = DateTimeField(default=now)
    # Why the NIK's or KK's region code deserves a second look (unknown or retired code), or "".
    region_note = Text(max_length=400, default="", constraints=[SQL("DEFAULT ''")])
    # The name as searches compare it (validation.fold), written with the name (migration 8).
    name_fold = Text(max_length=600, default="", constraints=[SQL("DEFAULT ''")])
    # A record made on a field laptop (kejar bola offline): its stable id, made there, and which
    # package and laptop it came from (migration 11). A merge repeated adds nothing.
    field_uid = Text(max_length=32, null=True, unique=True)
    field_origin = Text(max_length=120, default="", constraints=[SQL("DEFAULT ''")])

    class Meta:
        indexes = (
            (("case", "nik", "category"), True),  # one service of a kind per person per case
            (("served_on", "nagari", "category", "outcome"), False),  # covering index for recaps
            (("nik",), False),
            (("full_name",), False),
        )


# The masked NIK and KK (130203******0001), derived by the database (migration 6). Not model
# fields: the database computes them, a write must never name them. A role that sees NIKs masked
# reads these; on a secured PostgreSQL database it holds no privilege on `nik` and `kk`.
NIK_MASKED = Column(ServiceRecord._meta.table, "nik_masked")
KK_MASKED = Column(ServiceRecord._meta.table, "kk_masked")


class Report(EditableModel):
    """Laporan Pelaksanaan Inovasi SIJARLA, from the team leader to the Ketua Pelaksana Harian."""

    case = ForeignKeyField(SopCase, backref="reports", unique=True, on_delete="RESTRICT")
    introduction = BoundedText(max_length=4000, default="")  # A. Pendahuluan
    activities = BoundedText(max_length=8000, default="")  # B. Kegiatan yang dilaksanakan
    conclusion = BoundedText(max_length=4000, default="")  # D. Simpulan dan saran
    closing = BoundedText(max_length=2000, default="")  # E. Penutup
    submitted_by = ForeignKeyField(User, null=True, backref="submitted_reports", on_delete="RESTRICT")
    submitted_at = DateTimeField(null=True)
    received_by = ForeignKeyField(User, null=True, backref="received_reports", on_delete="RESTRICT")
    received_at = DateTimeField(null=True)
    document = ForeignKeyField(IssuedDocument, null=True, on_delete="RESTRICT")


class Recap(EditableModel):
    """Rekapitulasi Pelayanan Inovasi SIJARLA for a period, forwarded up to the Kepala Dinas."""

    period_kind = Text(
        max_length=10,
        constraints=[Check("period_kind IN ('bulan', 'triwulan', 'tahun', 'bebas')")],
    )
    period_start = DateField()
    period_end = DateField()
    title = Text(max_length=200)
    figures = BoundedText(max_length=1_000_000)  # JSON snapshot of the counts as built
    status = Text(
        max_length=20,
        default="draf",
        constraints=[Check("status IN ('draf', 'diteruskan', 'diajukan', 'diterima')")],
    )
    built_by = ForeignKeyField(User, backref="built_recaps", on_delete="RESTRICT")
    built_at = DateTimeField(default=now)
    forwarded_by = ForeignKeyField(User, null=True, backref="forwarded_recaps", on_delete="RESTRICT")
    forwarded_at = DateTimeField(null=True)
    submitted_by = ForeignKeyField(User, null=True, backref="submitted_recaps", on_delete="RESTRICT")
    submitted_at = DateTimeField(null=True)
    acknowledged_by = ForeignKeyField(User, null=True, backref="acknowledged_recaps", on_delete="RESTRICT")
    acknowledged_at = DateTimeField(null=True)
    note = BoundedText(max_length=2000, default="")
    document = ForeignKeyField(IssuedDocument, null=True, on_delete="RESTRICT")

    class Meta:
        constraints = [Check("period_end >= period_start")]
