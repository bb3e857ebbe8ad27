"""Numbered schema migrations gated on a schema-version table, and SQLite backups.

Each step is a function taking peewee's SchemaMigrator; step 1 creates the tables as
defined when the schema was first released, later steps use playhouse.migrate
operations. Before migrating a SQLite file that already holds data, it is copied with
SQLite's online backup API.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from peewee import IntegerField, PostgresqlDatabase
from playhouse.migrate import SchemaMigrator

from . import ALL_MODELS
from .base import BaseModel, DateTimeField, Text, db, now
from .connection import ANALYSIS_LIMIT, create_private_file, is_sqlite
from .sop import ORIGIN_NOTE_LIMIT


class SchemaVersion(BaseModel):
    version = IntegerField(primary_key=True)
    name = Text(max_length=120)
    applied_at = DateTimeField(default=now)


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    apply: Callable[[SchemaMigrator], None]


def _m0001_initial(migrator: SchemaMigrator) -> None:
    db.create_tables(ALL_MODELS, safe=False)


_PG_AUDIT_GUARD = """
CREATE OR REPLACE FUNCTION audit_log_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER audit_log_no_update_delete BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
"""

_SQLITE_AUDIT_GUARD = [
    "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log "
    "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END",
    "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log "
    "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END",
]


def _m0002_audit_append_only(migrator: SchemaMigrator) -> None:
    if isinstance(db.obj, PostgresqlDatabase):
        db.execute_sql(_PG_AUDIT_GUARD)
    else:
        for statement in _SQLITE_AUDIT_GUARD:
            db.execute_sql(statement)


def _m0003_records_sort_index(migrator: SchemaMigrator) -> None:
    # The records table sorts a million rows by (served_on, id); with id in the covering index
    # PostgreSQL reads the sorted id list from the index instead of sorting on disk (bench/).
    db.execute_sql(
        "CREATE INDEX IF NOT EXISTS service_record_served_on_ids ON service_record "
        "(served_on, nagari_id, category_id, outcome_id, id)"
    )


# Signed rows and issued documents are never changed, whoever connects (issue 13, classes 4 and 8).
# A statement that rewrites a row to the same values (SQLite's write-lock idiom) is let through.
_SIGNED_TABLES = {"disposition": "disposisi", "assignment_letter": "Surat Tugas"}


def _changed(table: str) -> str:
    columns = [c.name for c in db.get_columns(table)]
    return "(" + " OR ".join(f"NEW.{c} IS DISTINCT FROM OLD.{c}" for c in columns) + ")"


_PG_SIGNED_GUARD = """
CREATE OR REPLACE FUNCTION dd_signed_guard() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
    IF TG_TABLE_NAME = 'issued_document' THEN
        RAISE EXCEPTION 'dokumen yang sudah terbit tidak dapat diubah atau dihapus: terbitkan pengganti'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF TG_TABLE_NAME = 'assignment_member' THEN
        IF EXISTS (SELECT 1 FROM assignment_letter a WHERE a.signed_at IS NOT NULL
                    AND a.id IN (CASE WHEN TG_OP <> 'INSERT' THEN OLD.letter_id END,
                                 CASE WHEN TG_OP <> 'DELETE' THEN NEW.letter_id END)) THEN
            RAISE EXCEPTION 'Surat Tugas ini sudah ditandatangani: anggotanya tidak dapat diubah'
                USING ERRCODE = 'insufficient_privilege';
        END IF;
    ELSIF OLD.signed_at IS NOT NULL THEN
        RAISE EXCEPTION '% % sudah ditandatangani dan tidak dapat diubah', TG_TABLE_NAME, OLD.id
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER dd_signed_guard BEFORE UPDATE OR DELETE ON disposition
    FOR EACH ROW EXECUTE FUNCTION dd_signed_guard();
CREATE TRIGGER dd_signed_guard BEFORE UPDATE OR DELETE ON assignment_letter
    FOR EACH ROW EXECUTE FUNCTION dd_signed_guard();
CREATE TRIGGER dd_signed_member BEFORE INSERT OR UPDATE OR DELETE ON assignment_member
    FOR EACH ROW EXECUTE FUNCTION dd_signed_guard();
CREATE TRIGGER dd_issued_document_guard BEFORE UPDATE OR DELETE ON issued_document
    FOR EACH ROW EXECUTE FUNCTION dd_signed_guard();
"""


def _m0004_signed_rows_immutable(migrator: SchemaMigrator) -> None:
    if isinstance(db.obj, PostgresqlDatabase):
        for table, trigger in (
            ("disposition", "dd_signed_guard"),
            ("assignment_letter", "dd_signed_guard"),
            ("assignment_member", "dd_signed_member"),
        ):
            db.execute_sql(f"DROP TRIGGER IF EXISTS {trigger} ON {table}")  # an early `db secure` made them
        db.execute_sql(_PG_SIGNED_GUARD.replace("%", "%%"))  # psycopg2 reads % as a placeholder
        return
    for table, label in _SIGNED_TABLES.items():
        refuse = f"SELECT RAISE(ABORT, '{label} sudah ditandatangani dan tidak dapat diubah'); END"
        db.execute_sql(
            f"CREATE TRIGGER {table}_signed_no_update BEFORE UPDATE ON {table} "
            f"WHEN OLD.signed_at IS NOT NULL AND {_changed(table)} BEGIN {refuse}"
        )
        db.execute_sql(
            f"CREATE TRIGGER {table}_signed_no_delete BEFORE DELETE ON {table} "
            f"WHEN OLD.signed_at IS NOT NULL BEGIN {refuse}"
        )
    signed = "(SELECT signed_at FROM assignment_letter WHERE id = {ref}.letter_id) IS NOT NULL"
    for op, ref in (("INSERT", "NEW"), ("UPDATE", "NEW"), ("DELETE", "OLD")):
        db.execute_sql(
            f"CREATE TRIGGER assignment_member_signed_{op.lower()} BEFORE {op} ON assignment_member "
            f"WHEN {signed.format(ref=ref)} BEGIN "
            "SELECT RAISE(ABORT, 'Surat Tugas ini sudah ditandatangani: anggotanya tidak dapat diubah'); END"
        )
    for op in ("UPDATE", "DELETE"):
        db.execute_sql(
            f"CREATE TRIGGER issued_document_no_{op.lower()} BEFORE {op} ON issued_document BEGIN "
            "SELECT RAISE(ABORT, 'dokumen yang sudah terbit tidak dapat diubah atau dihapus'); END"
        )


# The masked NIK and KK (130203******0001) as columns the database derives itself: a role that
# sees NIKs masked reads and searches these, and on a secured PostgreSQL database it has no
# privilege on the full columns (issue 13, class 6). The same rule as services.nik.mask_nik.
_MASKED = {"nik_masked": "nik", "kk_masked": "kk"}


def _masked_expression(column: str) -> str:
    return f"substr({column}, 1, 6) || '******' || substr({column}, 13, 4)"


def _m0006_masked_nik_columns(migrator: SchemaMigrator) -> None:
    if isinstance(db.obj, PostgresqlDatabase):
        for name, column in _MASKED.items():
            db.execute_sql(
                f"ALTER TABLE service_record ADD COLUMN IF NOT EXISTS {name} text "
                f"GENERATED ALWAYS AS ({_masked_expression(column)}) STORED"
            )
    else:  # SQLite adds only VIRTUAL generated columns to an existing table; they can be indexed
        present = {row[1] for row in db.execute_sql("PRAGMA table_xinfo(service_record)").fetchall()}
        for name, column in _MASKED.items():
            if name not in present:
                db.execute_sql(
                    f"ALTER TABLE service_record ADD COLUMN {name} TEXT "
                    f"GENERATED ALWAYS AS ({_masked_expression(column)}) VIRTUAL"
                )
    # A masking role searches by the 6 visible region digits: a range on this index.
    db.execute_sql("CREATE INDEX IF NOT EXISTS service_record_nik_masked ON service_record (nik_masked)")


def _m0007_record_region_note(migrator: SchemaMigrator) -> None:
    # A NIK or KK whose region code is unknown or retired is recorded with the reason (issue 15).
    if "region_note" not in {c.name for c in db.get_columns("service_record")}:
        from playhouse.migrate import migrate

        from .records import ServiceRecord

        migrate(migrator.add_column("service_record", "region_note", ServiceRecord.region_note))


_FOLDED = {  # table: (column, the columns it is folded from)
    "service_record": ("name_fold", ("full_name",)),
    "incoming_letter": ("search_fold", ("letter_number", "sender", "subject")),
    "sop_case": ("title_fold", ("title",)),
}


def _m0008_folded_search_columns(migrator: SchemaMigrator) -> None:
    # Case-insensitive search beyond ASCII on both backends (issue 16 item 7): a folded copy of the
    # searched text, written by the services; existing rows are folded here, in batches.

    from playhouse.migrate import migrate

    from .cases import IncomingLetter
    from .records import ServiceRecord
    from .sop import SopCase

    models = {"service_record": ServiceRecord, "incoming_letter": IncomingLetter, "sop_case": SopCase}
    for table, (column, sources) in _FOLDED.items():
        if column not in {c.name for c in db.get_columns(table)}:
            migrate(migrator.add_column(table, column, getattr(models[table], column)))
        last = 0
        while True:
            rows = db.execute_sql(
                f"SELECT id, {', '.join(sources)} FROM {table} WHERE id > {int(last)} ORDER BY id LIMIT 5000"
            ).fetchall()
            if not rows:
                break
            folded = [(r[0], _fold(" ".join(p or "" for p in r[1:]))) for r in rows]
            _update_from_values(table, column, folded)
            last = rows[-1][0]


def _fold(text: str) -> str:
    """services.validation.fold (models may not import services): no case, no accents."""
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", text).casefold())
    return unicodedata.normalize("NFC", "".join(ch for ch in decomposed if not unicodedata.combining(ch)))


def _update_from_values(table: str, column: str, pairs: list[tuple[int, str]]) -> None:
    """One UPDATE for a batch of (id, value): one statement, one audit line on a secured database."""
    mark = db.obj.param
    values = ", ".join(f"({mark}, {mark})" for _ in pairs)
    params = [x for pair in pairs for x in pair]
    if isinstance(db.obj, PostgresqlDatabase):
        sql = (
            f"UPDATE {table} SET {column} = v.f FROM (VALUES {values}) AS v(id, f) "
            f"WHERE {table}.id = v.id::integer"
        )
    else:  # SQLite 3.33+ names the columns of VALUES column1, column2
        sql = (
            f"UPDATE {table} SET {column} = v.column2 FROM (VALUES {values}) AS v "
            f"WHERE {table}.id = v.column1"
        )
    db.execute_sql(sql, params)


def _m0005_case_origin_note(migrator: SchemaMigrator) -> None:
    # The Kepala Dinas' reason for a case from analysis lived only in the 300-character title
    # (issue 16): it gets its own column. A database made by step 1 from today's models has it.
    if "origin_note" in {c.name for c in db.get_columns("sop_case")}:
        return
    db.execute_sql(
        "ALTER TABLE sop_case ADD COLUMN origin_note TEXT NOT NULL DEFAULT '' "
        f'CHECK (length("origin_note") <= {ORIGIN_NOTE_LIMIT})'
    )


def _m0009_document_signing(migrator: SchemaMigrator) -> None:
    # The office chooses per document type between the in-app sign-off and a wet signature, and
    # may set the web address its verification QR points to (issue 15 item 14).
    from playhouse.migrate import migrate

    from .office import Office

    present = {c.name for c in db.get_columns("office")}
    for column in ("sign_modes", "verify_url"):
        if column not in present:
            migrate(migrator.add_column("office", column, getattr(Office, column)))


def _m0010_recap_group_index(migrator: SchemaMigrator) -> None:
    # The recap counts a period's records by (nagari, category, outcome) (issue 18). SQLite has no
    # hash aggregation: over the served_on index it sorts every row of the period in a temporary
    # B-tree (a year of a million rows: 190 ms of 250). With the group columns first, it skip-scans
    # the served_on range inside each group and needs no sort (50 ms), once its statistics show
    # few distinct groups: the table is analyzed here, and again on close (connection.close).
    # PostgreSQL hash-aggregates the served_on range and gains nothing from it (measured with
    # bench/bench_recap.py); an index it does not use would only slow every insert.
    if isinstance(db.obj, PostgresqlDatabase):
        return
    db.execute_sql(
        "CREATE INDEX IF NOT EXISTS service_record_recap_groups ON service_record "
        "(nagari_id, category_id, outcome_id, served_on)"
    )
    db.execute_sql(f"PRAGMA analysis_limit={ANALYSIS_LIMIT}")
    db.execute_sql("ANALYZE service_record")


def _m0011_field_packages(migrator: SchemaMigrator) -> None:
    # Kejar bola offline (issue 17): packages taken out to field laptops, their keys, the conflicts
    # a merge leaves for the team leader, and each field-made record's stable id and origin.
    from playhouse.migrate import migrate

    from .field import FieldConflict, FieldPackage, FieldPackageKey
    from .records import ServiceRecord

    columns = {c.name for c in db.get_columns("service_record")}
    if "field_uid" not in columns:
        plain = Text(max_length=32, null=True)  # SQLite cannot add a UNIQUE column: index below
        plain.column_name = plain.name = "field_uid"
        plain.model = ServiceRecord
        migrate(migrator.add_column("service_record", "field_uid", plain))
    if "field_origin" not in columns:
        migrate(migrator.add_column("service_record", "field_origin", ServiceRecord.field_origin))
    db.execute_sql("CREATE UNIQUE INDEX IF NOT EXISTS service_record_field_uid ON service_record (field_uid)")
    db.create_tables([FieldPackage, FieldPackageKey, FieldConflict], safe=True)


MIGRATIONS: list[Migration] = [
    Migration(1, "skema awal", _m0001_initial),
    Migration(2, "log audit hanya-tambah", _m0002_audit_append_only),
    Migration(3, "indeks urutan data pelayanan", _m0003_records_sort_index),
    Migration(4, "baris bertanda tangan dan dokumen terbit tidak dapat diubah", _m0004_signed_rows_immutable),
    Migration(5, "dasar analisis kasus utuh", _m0005_case_origin_note),
    Migration(6, "NIK dan KK tersamar sebagai kolom turunan", _m0006_masked_nik_columns),
    Migration(7, "catatan kode wilayah NIK/KK", _m0007_record_region_note),
    Migration(8, "kolom pencarian tanpa beda huruf besar-kecil", _m0008_folded_search_columns),
    Migration(9, "cara tanda tangan dan alamat verifikasi dokumen", _m0009_document_signing),
    Migration(10, "indeks rekapitulasi per nagari, kategori dan hasil", _m0010_recap_group_index),
    Migration(11, "paket lapangan (kejar bola tanpa jaringan)", _m0011_field_packages),
]
LATEST_VERSION = MIGRATIONS[-1].version


def current_version() -> int:
    """The schema version of the open database (0 for an empty one)."""
    if not SchemaVersion.table_exists():
        return 0
    latest = SchemaVersion.select(SchemaVersion.version).order_by(SchemaVersion.version.desc()).first()
    return latest.version if latest else 0


def pending() -> list[Migration]:
    version = current_version()
    return [m for m in MIGRATIONS if m.version > version]


def upgrade(backup_folder: Path | None = None) -> list[Migration]:
    """Apply every pending step, each in its own transaction; return what was applied."""
    steps = pending()
    if not steps:
        return []
    if is_sqlite() and backup_folder is not None and db.get_tables():
        backup_sqlite(backup_folder / _backup_name(f"sebelum-migrasi-v{steps[0].version}"))
    SchemaVersion.create_table(safe=True)
    migrator = SchemaMigrator.from_database(db.obj)
    for step in steps:
        with db.atomic():
            step.apply(migrator)
            SchemaVersion.create(version=step.version, name=step.name)
    return steps


def _backup_name(label: str) -> str:
    return f"dinas-desk-{dt.datetime.now():%Y%m%d-%H%M%S}-{label}.sqlite3"


def backup_sqlite(destination: Path, *, own_connection: bool = False) -> Path:
    """Copy the open SQLite database to `destination` with the online backup API.

    With `own_connection` the copy reads through a sqlite3 connection opened for it alone (the daily
    backup on a worker thread while the app works on), else through the calling thread's connection.
    The whole copy is one backup step: one consistent snapshot; in WAL mode writers go on meanwhile.
    """
    if not is_sqlite():
        raise ValueError("backup_sqlite needs a SQLite database")
    from .field_store import in_field_mode

    if in_field_mode():  # a field package is copied sealed, never as an open database
        raise ValueError("backup_sqlite of a field package")
    destination.parent.mkdir(parents=True, exist_ok=True)
    create_private_file(destination)  # a backup holds the same personal data: owner only
    source = sqlite3.connect(str(db.database), timeout=15) if own_connection else db.connection()
    target = sqlite3.connect(str(destination))
    try:
        source.backup(target)
    finally:
        target.close()
        if own_connection:
            source.close()
    return destination


def check_sqlite_file(path: Path) -> str | None:
    """Why a file cannot be restored from, or None when it is a sound Dinas Desk database."""
    if not path.is_file():
        return f"Berkas {path} tidak ditemukan."
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            if con.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
                return f"Berkas {path} rusak (pemeriksaan integritas gagal)."
            has_schema = con.execute(
                "SELECT count(*) FROM sqlite_master WHERE type='table' AND name='schema_version'"
            ).fetchone()[0]
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        return f"Berkas {path} bukan database SQLite yang dapat dibaca ({exc})."
    if not has_schema:
        return f"Berkas {path} bukan cadangan Dinas Desk (tidak ada tabel schema_version)."
    return None


def restore_sqlite(source: Path) -> None:
    """Replace the open SQLite database's content with a checked backup file."""
    problem = check_sqlite_file(source)
    if problem:
        raise ValueError(problem)
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        src.backup(db.connection())
    finally:
        src.close()
