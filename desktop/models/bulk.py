"""Many rows into one table at the driver's speed, inside the caller's transaction.

peewee's insert_many builds an expression node for every value (at 100,000 service records that
was 89 % of an import's write). Here the values go to the driver as they are:

- SQLite: one prepared INSERT, run by sqlite3's executemany;
- PostgreSQL: one COPY ... FROM STDIN (text format), fed while the rows are produced. Where
  row-level security applies to the session (a member of staff on their own login on a secured
  database, see pg_security) PostgreSQL refuses COPY FROM, so there the rows go in as
  INSERT ... SELECT FROM unnest(arrays), in chunks. Both need INSERT on the listed columns only.

It lives in models because it is the one place below the services that knows the drivers; the
import, the demo office and the benchmark write through it. Values are None, bool, int, float,
str (never NUL: the services refuse it first), datetime.date and datetime.datetime, in the order
of `fields`. Columns the database generates (service_record.nik_masked) are never listed.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Callable, Iterable, Iterator, Sequence

from peewee import (  # type: ignore[attr-defined]
    BooleanField,
    DatabaseError,
    DateField,
    DateTimeField,
    Field,
    InterfaceError,
    Model,
    PostgresqlDatabase,
    __exception_wrapper__,
)

from .base import db
from .resilience import translate

UNNEST_CHUNK = 10_000  # rows per INSERT ... unnest() statement under row-level security
COPY_READ = 1 << 18  # characters handed to the driver per read while COPY streams

_COPY_SPECIAL = re.compile(r"[\\\t\n\r]")
_COPY_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def insert_rows(model: type[Model], fields: Sequence[Field], rows: Iterable[Sequence[object]]) -> int:
    """Insert `rows` (values in the order of `fields`) into the model's table; the number written."""
    database = db.obj
    table = model._meta.table_name
    columns = [f.column_name for f in fields]
    try:
        with __exception_wrapper__:  # driver errors as peewee's, as execute_sql raises them
            if isinstance(database, PostgresqlDatabase):
                return _postgres(database, table, columns, rows)
            return _sqlite(database, table, columns, fields, rows)
    except (DatabaseError, InterfaceError) as exc:
        translated = translate(exc)
        if translated is exc:
            raise
        raise translated from exc


# --- SQLite ---------------------------------------------------------------------------------------


def _sqlite(database, table: str, columns: list[str], fields: Sequence[Field], rows) -> int:
    # Dates as sqlite3's own adapters (and so peewee) store them: ISO text, a space before the time.
    converters = [(i, fn) for i, f in enumerate(fields) if (fn := _sqlite_converter(f)) is not None]
    counted = _Counter(rows)
    source: Iterable = counted if not converters else _converted(counted, converters)
    names = ", ".join(_quote(c) for c in columns)
    sql = f"INSERT INTO {_quote(table)} ({names}) VALUES ({', '.join('?' * len(columns))})"
    database.cursor().executemany(sql, source)
    return counted.count


def _sqlite_converter(field: Field) -> Callable[[object], object] | None:
    if isinstance(field, DateTimeField):
        return _datetime_text
    if isinstance(field, DateField):
        return _date_text
    if isinstance(field, BooleanField):
        return _bool_int
    return None


def _datetime_text(value: object) -> object:
    return value.isoformat(" ") if isinstance(value, dt.datetime) else value


def _date_text(value: object) -> object:
    return value.isoformat() if isinstance(value, dt.date) else value


def _bool_int(value: object) -> object:
    return int(value) if isinstance(value, bool) else value


def _converted(rows: Iterable[Sequence[object]], converters) -> Iterator[list]:
    done: list[dict] = [{} for _ in converters]  # a batch repeats its days and time stamps
    pairs = [(i, fn, seen) for (i, fn), seen in zip(converters, done, strict=True)]
    for row in rows:
        out = list(row)
        for i, fn, seen in pairs:
            value = out[i]
            if value is not None and value.__class__ is not str:
                text = seen.get(value)
                if text is None:
                    text = seen[value] = fn(value)
                out[i] = text
        yield out


class _Counter:
    """The rows, counted as the driver takes them."""

    def __init__(self, rows: Iterable[Sequence[object]]) -> None:
        self.rows, self.count = iter(rows), 0

    def __iter__(self) -> Iterator[Sequence[object]]:
        for row in self.rows:
            self.count += 1
            yield row


# --- PostgreSQL -----------------------------------------------------------------------------------


def _postgres(database, table: str, columns: list[str], rows) -> int:
    cursor = database.cursor()
    cursor.execute("SELECT row_security_active(%s::regclass)", (_quote(table),))
    if cursor.fetchone()[0]:
        return _unnest(cursor, table, columns, rows)
    counted = _Counter(rows)
    names = ", ".join(_quote(c) for c in columns)
    cursor.copy_expert(f"COPY {_quote(table)} ({names}) FROM STDIN", _CopyStream(counted), size=COPY_READ)
    return counted.count


def copy_line(row: Sequence[object]) -> str:
    """One row in COPY's text format: tab between values, \\N for NULL, backslash escapes."""
    return "\t".join([_copy_value(v) for v in row]) + "\n"


def _copy_value(value: object) -> str:
    if value is None:
        return "\\N"
    if value.__class__ is str:
        text: str = value  # type: ignore[assignment]
        return text.translate(_COPY_ESCAPES) if _COPY_SPECIAL.search(text) else text
    if isinstance(value, bool):
        return "t" if value else "f"
    if isinstance(value, dt.datetime):
        return value.isoformat(" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


class _CopyStream(io.TextIOBase):
    """The rows as COPY text, produced as the driver reads (no whole-file buffer)."""

    def __init__(self, rows: Iterable[Sequence[object]]) -> None:
        self.rows = iter(rows)

    def readable(self) -> bool:
        return True

    def read(self, size: int | None = -1) -> str:
        limit = size if size is not None and size > 0 else 1 << 62
        parts, length = [], 0
        for row in self.rows:
            line = copy_line(row)
            parts.append(line)
            length += len(line)
            if length >= limit:
                break
        return "".join(parts)


def _unnest(cursor, table: str, columns: list[str], rows) -> int:
    """INSERT ... SELECT FROM unnest(text arrays), each column cast to its own type, in chunks."""
    cursor.execute(
        "SELECT attname, format_type(atttypid, atttypmod) FROM pg_attribute "
        "WHERE attrelid = %s::regclass AND attnum > 0 AND NOT attisdropped",
        (_quote(table),),
    )
    types = dict(cursor.fetchall())
    names = ", ".join(_quote(c) for c in columns)
    casts = ", ".join(f"v{i}::{types[c]}" for i, c in enumerate(columns))
    arrays = ", ".join("%s::text[]" for _ in columns)
    aliases = ", ".join(f"v{i}" for i in range(len(columns)))
    sql = f"INSERT INTO {_quote(table)} ({names}) SELECT {casts} FROM unnest({arrays}) AS t({aliases})"
    count, chunk = 0, []
    for row in rows:
        chunk.append(row)
        if len(chunk) == UNNEST_CHUNK:
            count += _unnest_chunk(cursor, sql, chunk, len(columns))
            chunk = []
    if chunk:
        count += _unnest_chunk(cursor, sql, chunk, len(columns))
    return count


def _unnest_chunk(cursor, sql: str, chunk: list, width: int) -> int:
    arrays: list[list[str | None]] = [[] for _ in range(width)]
    for row in chunk:
        for i, value in enumerate(row):
            arrays[i].append(None if value is None else _array_text(value))
    cursor.execute(sql, arrays)
    return len(chunk)


def _array_text(value: object) -> str:
    if isinstance(value, bool):
        return "t" if value else "f"
    if isinstance(value, dt.datetime):
        return value.isoformat(" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return value if isinstance(value, str) else str(value)


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'
