"""Issued documents: the exact PDF bytes as issued, so a reprint is the same document."""

from __future__ import annotations

from .base import (
    BaseModel,
    BlobField,
    BoundedText,
    Check,
    DateTimeField,
    ForeignKeyField,
    IntegerField,
    Text,
    now,
)
from .people import User
from .sop import SopCase


class IssuedDocument(BaseModel):
    """A letter, report or recap as it left the office. Never edited: a correction is a new row."""

    doc_type = Text(max_length=40)  # tanda_terima, disposisi, surat_tugas, laporan, rekap ...
    case = ForeignKeyField(SopCase, null=True, backref="documents", on_delete="RESTRICT")
    number = Text(max_length=80, null=True)
    title = Text(max_length=300)
    paper_size = Text(max_length=4, constraints=[Check("paper_size IN ('A4', 'F4', 'RCPT')")])
    page_count = IntegerField(constraints=[Check("page_count >= 1")])
    pdf = BlobField()
    sha256 = Text(max_length=64, unique=True)
    verification_code = Text(max_length=20, unique=True)
    issued_by = ForeignKeyField(User, on_delete="RESTRICT")
    issued_at = DateTimeField(default=now)
    supersedes = ForeignKeyField("self", null=True, backref="superseded_by", on_delete="RESTRICT")
    summary = BoundedText(max_length=4000, default="")  # JSON: what verification shows
