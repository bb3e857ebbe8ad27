"""The append-only audit log; triggers refuse UPDATE and DELETE on both backends."""

from __future__ import annotations

from .base import BaseModel, BoundedText, DateTimeField, IntegerField, Text, now


class AuditLog(BaseModel):
    """Who did or read what, and when. Usernames are copied so the log outlives accounts."""

    at = DateTimeField(default=now, index=True)
    user_id = IntegerField(null=True)
    username = Text(max_length=40, default="")
    action = Text(max_length=60)
    entity = Text(max_length=60, default="")
    entity_id = IntegerField(null=True)
    detail = BoundedText(max_length=8000, default="")
    workstation = Text(max_length=120, default="")

    class Meta:
        indexes = ((("entity", "entity_id"), False),)
