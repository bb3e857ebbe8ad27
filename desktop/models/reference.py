"""Reference data an administrator can extend: areas, service kinds, outcomes, holidays."""

from __future__ import annotations

from .base import (
    BaseModel,
    BooleanField,
    Check,
    DateField,
    EditableModel,
    ForeignKeyField,
    IntegerField,
    Text,
)


class Kabupaten(BaseModel):
    code = Text(max_length=5, unique=True)  # 13.02
    name = Text(max_length=80)


class Kecamatan(BaseModel):
    code = Text(max_length=8, unique=True)  # 13.02.03
    name = Text(max_length=80)
    kabupaten = ForeignKeyField(Kabupaten, backref="kecamatan", on_delete="RESTRICT")


class Nagari(EditableModel):
    code = Text(max_length=13, unique=True)  # 13.02.03.2001
    name = Text(max_length=80)
    kecamatan = ForeignKeyField(Kecamatan, backref="nagari", on_delete="RESTRICT")
    is_active = BooleanField(default=True)


class Jorong(EditableModel):
    nagari = ForeignKeyField(Nagari, backref="jorong", on_delete="CASCADE")
    name = Text(max_length=80)

    class Meta:
        indexes = ((("nagari", "name"), True),)


class _CodeList(EditableModel):
    code = Text(max_length=40, unique=True)
    name = Text(max_length=120)
    sort_order = IntegerField(default=0)
    is_active = BooleanField(default=True)


class ServiceCategory(_CodeList):
    """Kategori objek pelayanan: KTP-el perekaman, KIA, KK, akta ..."""


class TargetGroup(_CodeList):
    """Sasaran: lansia, sakit, ODGJ, disabilitas, pemilih pemula, umum."""


class ServiceOutcome(_CodeList):
    """Hasil: selesai, gagal rekam, sudah punya, tidak hadir, ditunda (with a reason)."""

    needs_reason = BooleanField(default=False)
    counts_as_served = BooleanField(default=False)


class Holiday(EditableModel):
    """A non-working day: national holiday, cuti bersama, or the office's own."""

    day = DateField(unique=True)
    name = Text(max_length=160)
    kind = Text(
        max_length=20,
        constraints=[Check("kind IN ('nasional', 'cuti_bersama', 'kantor')")],
    )
