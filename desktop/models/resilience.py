"""Database faults turned into clear messages, and reconnecting only where it is safe.

A lost PostgreSQL connection (server restart, network drop) is re-opened by itself before
the next transaction begins or before a read outside a transaction; a transaction that
was cut off is never replayed: its statement fails with DatabaseUnavailable, the server
has rolled it back, and the user's form still holds what they typed. SQLite's disk-full,
read-only, corrupt and locked errors become the same kind of message. Constraint
violations stay peewee errors (the services translate those themselves).
"""

from __future__ import annotations

import re

from peewee import DatabaseError, InterfaceError, PostgresqlDatabase, SqliteDatabase

from desktop.errors import DatabaseUnavailable, PermissionDenied

_LOST = (
    "server closed the connection",
    "terminating connection",
    "connection already closed",
    "connection not open",
    "no connection to the server",
    "could not receive data",
    "could not send data",
    "ssl connection has been closed",
    "connection reset",
    "broken pipe",
    "connection timed out",
)
_UNREACHABLE = ("could not connect", "connection refused", "could not translate host name", "timeout expired")

MSG_LOST = (
    "Koneksi ke server database terputus. Tindakan ini tidak tersimpan, isian Anda masih ada. "
    "Periksa jaringan kantor, lalu coba lagi; aplikasi menyambung ulang dengan sendirinya."
)
MSG_REFUSED = (
    "Server database menolak tindakan ini: akun Anda tidak berhak melakukannya pada data ini. "
    "Tidak ada yang tersimpan. ({detail})"
)
MSG_UNREACHABLE = (
    "Server database kantor tidak dapat dihubungi. Periksa kabel atau Wi-Fi, dan pastikan server menyala; "
    "isian Anda tidak hilang. ({detail})"
)
MSG_AUTH = "Server database menolak login: {detail}. Hubungi Administrator."
# A member of staff's own login (<prefix>u_<name>) refused on reconnecting: its session secret was
# replaced by a login elsewhere, ended by a lock, or ran out after 12 hours.
MSG_SESSION_ENDED = (
    "Sesi Anda di server database sudah berakhir (akun ini login di komputer lain, dikunci, atau sudah "
    "lebih dari 12 jam). Isian Anda masih ada: salin bila perlu, lalu pilih Keluar dan login lagi."
)
_SESSION_LOGIN = re.compile(r'for user "[^"]*_u_[a-z][a-z0-9_.]*"')
MSG_SQLITE = {
    "database or disk is full": "Disk komputer ini penuh; data tidak dapat disimpan. Kosongkan ruang disk, "
    "lalu coba lagi. Isian Anda masih ada dan tidak ada data yang setengah tersimpan.",
    "readonly database": "Berkas database hanya-baca; data tidak dapat disimpan. Periksa izin folder data "
    "atau minta Administrator memeriksanya.",
    "disk i/o error": "Gagal membaca atau menulis disk. Periksa disk komputer ini; tidak ada data yang "
    "setengah tersimpan.",
    "database disk image is malformed": "Berkas database rusak. Jangan tutup aplikasi berulang kali; "
    "hubungi Administrator untuk memulihkan dari cadangan terakhir.",
    "file is not a database": "Berkas database rusak atau bukan database Dinas Desk. Hubungi Administrator "
    "untuk memulihkan dari cadangan.",
    "database is locked": "Database sedang dipakai proses lain terlalu lama. Tunggu sebentar lalu coba lagi.",
}


_FAULTS = (DatabaseError, InterfaceError)  # peewee's InterfaceError is not a DatabaseError


def _chain(exc: BaseException) -> list[BaseException]:
    """The exception and everything behind it (SQLite hides 'disk is full' in __context__)."""
    seen: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and current not in seen:
        seen.append(current)
        current = current.__cause__ or current.__context__
    return seen


def _text(exc: BaseException) -> str:
    return " | ".join(str(e) for e in _chain(exc)).lower()


def is_connection_lost(exc: BaseException) -> bool:
    text = _text(exc)
    return any(hint in text for hint in _LOST)


def translate(exc: BaseException) -> BaseException:
    """The DatabaseUnavailable a fault means, or the exception itself when it is not a fault."""
    if isinstance(exc, DatabaseUnavailable):
        return exc
    text = _text(exc)
    if any(hint in text for hint in _LOST):
        return DatabaseUnavailable(MSG_LOST)
    if "password authentication failed" in text and _SESSION_LOGIN.search(text):
        return DatabaseUnavailable(MSG_SESSION_ENDED)
    if "password authentication failed" in text or "no pg_hba.conf entry" in text:
        return DatabaseUnavailable(MSG_AUTH.format(detail=str(exc).strip().splitlines()[0][:200]))
    if any(hint in text for hint in _UNREACHABLE):
        return DatabaseUnavailable(MSG_UNREACHABLE.format(detail=str(exc).strip().splitlines()[0][:200]))
    for hint, message in MSG_SQLITE.items():
        if hint in text:
            return DatabaseUnavailable(message)
    refused = next((e for e in _chain(exc) if getattr(e, "pgcode", None) == "42501"), None)
    if refused is not None:  # a secured database refused (grant, row-level security, guard trigger)
        detail = str(refused).strip().splitlines()[0][:200] if str(refused).strip() else ""
        return PermissionDenied(MSG_REFUSED.format(detail=detail))
    return exc


def _raise_translated(exc: BaseException) -> None:
    translated = translate(exc)
    if translated is exc:
        raise exc
    raise translated from exc


def _is_read(sql: str) -> bool:
    head = sql.lstrip().split(None, 1)[0].upper() if sql.strip() else ""
    return head in ("SELECT", "WITH", "SHOW")


class _Resilient:
    """Mixed into a peewee Database: reconnect between transactions, translate faults."""

    def _connection_dead(self) -> bool:
        conn = self._state.conn  # type: ignore[attr-defined]
        return conn is not None and bool(getattr(conn, "closed", 0))

    def _drop_connection(self) -> None:
        try:
            if self._state.conn is not None:  # type: ignore[attr-defined]
                self._close(self._state.conn)  # type: ignore[attr-defined]
        except Exception:  # noqa: BLE001 - the connection is already gone
            pass
        self._state.reset()  # type: ignore[attr-defined]

    def _reopen(self) -> None:
        self._drop_connection()
        try:
            self.connect()  # type: ignore[attr-defined]
        except _FAULTS as exc:
            _raise_translated(exc)

    def connect(self, reuse_if_open: bool = False) -> bool:
        try:
            return super().connect(reuse_if_open)  # type: ignore[misc]
        except _FAULTS as exc:
            _raise_translated(exc)
            raise

    def _execute_cursor(self, sql, params, **options):
        outside = self.transaction_depth() == 0  # type: ignore[attr-defined]
        if outside and self._connection_dead():
            self._reopen()
        try:
            return super()._execute_cursor(sql, params, **options)  # type: ignore[misc]
        except _FAULTS as exc:
            if outside and is_connection_lost(exc) and _is_read(sql):
                self._reopen()  # a read outside a transaction is safe to send again
                try:
                    return super()._execute_cursor(sql, params, **options)  # type: ignore[misc]
                except _FAULTS as again:
                    _raise_translated(again)
            _raise_translated(exc)

    def begin(self, *args, **kwargs):
        # Called before the transaction is pushed: nothing has happened yet, reconnecting is safe.
        if self._connection_dead():
            self._reopen()
        try:
            return super().begin(*args, **kwargs)  # type: ignore[misc]
        except _FAULTS as exc:
            if not is_connection_lost(exc):
                _raise_translated(exc)
            self._reopen()
            try:
                return super().begin(*args, **kwargs)  # type: ignore[misc]
            except _FAULTS as again:
                _raise_translated(again)

    def commit(self):
        try:
            return super().commit()  # type: ignore[misc]
        except _FAULTS as exc:
            _raise_translated(exc)

    def rollback(self):
        try:
            return super().rollback()  # type: ignore[misc]
        except _FAULTS as exc:
            if is_connection_lost(exc) or self._connection_dead():
                self._drop_connection()  # the server rolled the transaction back with the connection
                return None
            _raise_translated(exc)


class ResilientPostgresqlDatabase(_Resilient, PostgresqlDatabase):
    """PostgreSQL that survives a server restart between transactions."""


class ResilientSqliteDatabase(_Resilient, SqliteDatabase):
    """SQLite whose disk, permission and corruption faults read as clear messages."""
