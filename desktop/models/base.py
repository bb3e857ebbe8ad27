"""The database proxy, the base model and fields whose limits hold on both backends."""

from __future__ import annotations

import datetime as dt

from peewee import (
    SQL,
    AutoField,
    BlobField,
    BooleanField,
    CharField,
    Check,
    DatabaseProxy,
    DateField,
    DateTimeField,
    ForeignKeyField,
    IntegerField,
    Model,
    NodeList,
    TextField,
)

db = DatabaseProxy()

__all__ = [
    "AutoField",
    "BaseModel",
    "BlobField",
    "BooleanField",
    "BoundedText",
    "Check",
    "DateField",
    "DateTimeField",
    "DigitsField",
    "EditableModel",
    "ForeignKeyField",
    "IntegerField",
    "LongText",
    "Text",
    "db",
    "digits_check",
    "now",
]


def now() -> dt.datetime:
    """Local wall-clock time, to the second (what an office clerk reads on a letter)."""
    return dt.datetime.now().replace(microsecond=0)


def digits_check(column: str, length: int) -> str:
    """A CHECK expression, valid on SQLite and PostgreSQL, for exactly `length` ASCII digits.

    Neither GLOB (SQLite) nor `~` (PostgreSQL) is portable; nested replace() is.
    """
    stripped = f'"{column}"'
    for digit in "0123456789":
        stripped = f"replace({stripped}, '{digit}', '')"
    return f"(length(\"{column}\") = {length} AND {stripped} = '')"


class Text(CharField):
    """A VARCHAR whose length limit is also a CHECK constraint (SQLite ignores VARCHAR(n))."""

    def ddl(self, ctx):
        node = super().ddl(ctx)
        node.nodes.append(Check(f'length("{self.column_name}") <= {self.max_length}'))
        return node


class BoundedText(TextField):
    """A TEXT column with a CHECK on its length, for notes and instructions."""

    def __init__(self, max_length: int = 4000, *args, **kwargs):
        self.max_length = max_length
        super().__init__(*args, **kwargs)

    def ddl(self, ctx):
        node = super().ddl(ctx)
        node.nodes.append(Check(f'length("{self.column_name}") <= {self.max_length}'))
        return node


LongText = BoundedText


class DigitsField(CharField):
    """A fixed number of ASCII digits (NIP, KK), checked by the database."""

    def __init__(self, digits: int, **kwargs):
        self.digits = digits
        super().__init__(max_length=digits, **kwargs)

    def ddl(self, ctx):
        node: NodeList = super().ddl(ctx)
        node.nodes.append(Check(digits_check(self.column_name, self.digits)))
        return node


class BaseModel(Model):
    class Meta:
        database = db
        legacy_table_names = False


class EditableModel(BaseModel):
    """A row people edit: it carries a version for optimistic locking."""

    version = IntegerField(default=1, constraints=[SQL("DEFAULT 1"), Check('"version" >= 1')])
    updated_at = DateTimeField(default=now)
