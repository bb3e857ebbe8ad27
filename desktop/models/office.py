"""Office settings: letterhead, signers, paper size and letter-number sequences."""

from __future__ import annotations

from .base import (
    BaseModel,
    BlobField,
    Check,
    EditableModel,
    ForeignKeyField,
    IntegerField,
    Text,
)
from .people import User


class Office(EditableModel):
    """The one office this installation serves; nothing about a kabupaten is hard-coded."""

    government = Text(max_length=120)  # PEMERINTAH KABUPATEN SOLOK
    agency = Text(max_length=160)  # DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL
    address = Text(max_length=240, default="")
    phone = Text(max_length=60, default="")
    email = Text(max_length=120, default="")
    website = Text(max_length=120, default="")
    city = Text(max_length=60)  # place name written before the date on letters
    kabupaten_code = Text(max_length=5, default="")  # 13.02
    logo_png = BlobField(null=True)
    paper_size = Text(max_length=4, default="A4", constraints=[Check("paper_size IN ('A4', 'F4')")])
    idle_lock_minutes = IntegerField(default=15)
    # How each document type is signed, as JSON {doc_type: "aplikasi" | "basah"}; a type not named
    # takes its default (services.documents.sign_modes). Migration 9.
    sign_modes = Text(max_length=2000, default="")
    verify_url = Text(max_length=200, default="")  # https address the QR points to; "" = offline payload


class Signer(EditableModel):
    """Who signs which kind of document, with the title printed above the name."""

    purpose = Text(max_length=40, unique=True)  # kepala_dinas, kabid_pelayanan ...
    user = ForeignKeyField(User, on_delete="RESTRICT")
    title = Text(max_length=200)


class NumberingPattern(EditableModel):
    """A letter-number pattern such as {klasifikasi}/{seq:03}/{unit}/{year}."""

    code = Text(max_length=40, unique=True)  # agenda, surat_tugas, disposisi ...
    name = Text(max_length=120)
    pattern = Text(max_length=120)
    klasifikasi = Text(max_length=20, default="")
    unit = Text(max_length=60, default="")
    reset_yearly = IntegerField(default=1, constraints=[Check("reset_yearly IN (0, 1)")])


class NumberSequence(BaseModel):
    """The last number taken for a pattern in a year; rows are locked when a number is taken."""

    pattern = ForeignKeyField(NumberingPattern, backref="sequences", on_delete="CASCADE")
    year = IntegerField()
    last_value = IntegerField(default=0, constraints=[Check("last_value >= 0")])

    class Meta:
        indexes = ((("pattern", "year"), True),)
