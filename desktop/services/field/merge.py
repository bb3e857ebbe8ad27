"""Bringing a case back ("Kembalikan dari lapangan"): a returned package merged in one transaction.

Every record made in the field carries the stable id the laptop gave it (field_uid), so merging a
package twice, or two laptops' packages of one case, adds each record once. A row the office left
as it was is taken from the field; a row both changed, a citizen two laptops served for the same
service, or a field record the office's rules refuse is left as a conflict for the team leader
(services/field/conflicts), both versions kept: nothing is overwritten silently. The package's own
audit lines (who recorded what, on which laptop, when) are copied into the office's log.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from operator import itemgetter
from pathlib import Path
from typing import cast

from peewee import Field, PostgresqlDatabase

from desktop.models import (
    AuditLog,
    FieldConflict,
    FieldPackage,
    FieldPackageKey,
    ServiceCategory,
    ServiceRecord,
    SopCase,
    db,
    field_store,
    pg_roles,
)
from desktop.models.base import now
from desktop.models.bulk import insert_rows
from desktop.services.errors import InvalidInput, PermissionDenied
from desktop.services.field import package
from desktop.services.field.merge_rows import (
    RECORD_CONTENT,
    OtherRows,
    audit_rows,
    code_map,
    package_records,
    reference_codes,
    rule_arguments,
    tuples,
)
from desktop.services.field.merge_types import MergeResult, ReturnPreview
from desktop.services.security import audit
from desktop.services.session import Session
from desktop.services.sijarla.record_rules import CHECKED_FIELDS, _checked, _checked_together
from desktop.services.sijarla.service_records import _lookups_for
from desktop.services.sijarla.team import _require_team_member
from desktop.services.sop.workflow import get_case

MSG_FOREIGN = (
    "Paket {name} tidak dibuat oleh database kantor ini (atau sudah dihapus dari catatannya), "
    "sehingga tidak dapat dikembalikan ke sini."
)
MSG_CHANGED_AGAIN = "Data ini sudah pernah digabungkan lalu diubah lagi di lapangan."
MSG_BOTH_CHANGED = "Data ini diubah di kantor dan di lapangan selama kasus dibawa ke lapangan."
_CHUNK = 900  # values per IN (...) list: under SQLite's limit of host parameters
_DETAIL = json.JSONEncoder(ensure_ascii=False, default=str)  # as json.dumps(.., ensure_ascii=False, ..)


class _Opened:
    """A returned package, authenticated with the office's key, and the office's row for it."""

    def __init__(self, path: Path, row: FieldPackage, header: package.Header, conn: sqlite3.Connection):
        self.path, self.row, self.header, self.conn = path, row, header, conn
        self.base = {
            (entity, row_id): version
            for entity, row_id, version in conn.execute("SELECT entity, row_id, version FROM field_base")
        }


def _open(actor: Session, path: Path) -> _Opened:
    path = package.as_path(path)
    header = package.read_header(path)
    row = FieldPackage.get_or_none(FieldPackage.uid == header.package_uid)
    if row is None:
        raise package.PackageRefused(MSG_FOREIGN.format(name=path.name))
    case = get_case(row.case_id)
    _require_team_member(actor, case, leader=True)
    if row.status == "dibatalkan":
        raise package.PackageRefused(
            f"Paket {path.name} ({row.laptop}) sudah dibatalkan, sehingga tidak dapat digabungkan. "
            "Data di dalamnya perlu dicatat ulang di daftar pelayanan."
        )
    key = FieldPackageKey.get_or_none(FieldPackageKey.package == row.id)
    if key is None:  # a secured server shows the key to the case's team only
        raise PermissionDenied("Hanya ketua tim kasus ini yang dapat mengembalikan paketnya.")
    header, payload, _key = package.open_package(path, data_key=bytes.fromhex(key.data_key))
    if header.case_id != row.case_id:
        raise package.PackageRefused(package.MSG_DAMAGED.format(name=path.name))
    try:
        conn = field_store.load(payload, check=False)  # authenticated; a bad page fails its read
    except sqlite3.DatabaseError as exc:
        raise package.PackageRefused(package.MSG_DAMAGED.format(name=path.name)) from exc
    return _Opened(path, row, header, conn)


def preview(actor: Session, path: Path) -> ReturnPreview:
    """What a package holds, checked, before anything is written."""
    opened = _open(actor, path)
    try:
        return _preview(opened)
    except sqlite3.DatabaseError as exc:
        raise package.PackageRefused(package.MSG_DAMAGED.format(name=opened.path.name)) from exc
    finally:
        opened.conn.close()


def _preview(opened: _Opened) -> ReturnPreview:
    made_here = "id NOT IN (SELECT row_id FROM field_base WHERE entity = 'service_record')"
    total, made = opened.conn.execute(
        f"SELECT count(*), count(*) FILTER (WHERE {made_here}) FROM service_record"
    ).fetchone()
    query = "SELECT field_uid FROM service_record WHERE field_uid IS NOT NULL"
    uids = [r[0] for r in opened.conn.execute(query)]
    known = _known_uids(uids)
    new = sum(1 for u in uids if u not in known)
    case = SopCase.get_by_id(opened.row.case_id)
    h = opened.header
    return ReturnPreview(
        package_uid=h.package_uid,
        case_id=case.id,
        case_number=case.reference,
        case_title=case.title,
        laptop=opened.row.laptop,
        leader=h.leader,
        taken_on=h.taken_on,
        sealed_at=h.sealed_at,
        status=opened.row.status,
        records_in_package=total,
        new_records=min(new, made),
    )


def _known_uids(uids: list[str]) -> set[str]:
    known: set[str] = set()
    for chunk in _chunks(uids):
        query = ServiceRecord.select(ServiceRecord.field_uid).where(ServiceRecord.field_uid.in_(chunk))
        known.update(uid for (uid,) in tuples(query))
    return known


def _chunks(values: list, size: int = _CHUNK) -> Iterable[list]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


def bring_back(actor: Session, path: Path) -> MergeResult:
    """Merge a returned package into the office database, all of it or nothing."""
    opened = _open(actor, path)
    try:
        with db.atomic():
            if isinstance(db.obj, PostgresqlDatabase):  # two leaders merging one package: one waits
                db.execute_sql("SELECT id FROM field_package WHERE id = %s FOR UPDATE", (opened.row.id,))
            row = FieldPackage.get_by_id(opened.row.id)
            case = get_case(row.case_id)
            _require_team_member(actor, case, leader=True)
            merge = _Merge(actor, case, row, opened)
            try:
                return merge.run()
            except sqlite3.DatabaseError as exc:  # the package's own database (the office's is peewee's)
                raise package.PackageRefused(package.MSG_DAMAGED.format(name=opened.path.name)) from exc
    finally:
        opened.conn.close()


class _Merge:
    def __init__(self, actor: Session, case: SopCase, row: FieldPackage, opened: _Opened):
        self.actor, self.case, self.row, self.opened = actor, case, row, opened
        self.added = self.updated = self.unchanged = self.conflicts = 0
        self.lookups = _lookups_for(case)
        self.codes = reference_codes()
        self.known_conflicts = {
            (entity, key)
            for entity, key in tuples(
                FieldConflict.select(FieldConflict.entity, FieldConflict.field_key).where(
                    FieldConflict.package == row.id
                )
            )
        }
        self.local_to_office: dict[int, int] = {}

    def run(self) -> MergeResult:
        was_returned = self.row.status == "dikembalikan"
        records = package_records(self.opened.conn)
        elsewhere = self._records(records)
        others = OtherRows(self.opened, self.case, self.actor, self._conflict)
        self.updated += others.merge()
        self.unchanged += others.unchanged
        copied, last_line = self._copy_audit()
        summary = {
            "ditambah": self.added,
            "diubah": self.updated,
            "sama": self.unchanged,
            "konflik": self.conflicts,
            "baris_audit": copied,
        }
        FieldPackage.update(
            status="dikembalikan",
            returned_by=self.actor.user_id,
            returned_at=now(),
            summary=json.dumps(summary),
            audit_copied=str(last_line),
            version=FieldPackage.version + 1,
            updated_at=now(),
        ).where(FieldPackage.id == self.row.id).execute()
        audit.record(
            self.actor, "paket_lapangan_dikembalikan", "sop_case", self.case.id,
            paket=self.row.uid, laptop=self.row.laptop, **summary,
        )  # fmt: skip
        return MergeResult(
            package_uid=self.row.uid,
            case_id=self.case.id,
            laptop=self.row.laptop,
            added=self.added,
            updated=self.updated,
            unchanged=self.unchanged,
            conflicts=self.conflicts,
            served_elsewhere=elsewhere,
            already_returned=was_returned and not (self.added or self.updated or self.conflicts),
            audit_lines=copied,
        )

    # --- service records ---------------------------------------------------------------------

    def _records(self, records: list[dict]) -> list[str]:
        content = [getattr(ServiceRecord, c.removesuffix("_id")) for c in RECORD_CONTENT]
        query = ServiceRecord.select(
            ServiceRecord.id, ServiceRecord.version, ServiceRecord.field_uid, *content
        )
        rows = cast(Iterable[dict], query.where(ServiceRecord.case == self.case.id).dicts())
        office: dict[int, dict] = {r["id"]: r for r in rows}
        for r in office.values():
            for column in RECORD_CONTENT:
                if column.endswith("_id"):
                    r[column] = r.pop(column.removesuffix("_id"))
        by_uid = {r["field_uid"]: r for r in office.values() if r["field_uid"]}
        taken = {(r["nik"], r["category_id"]): r["id"] for r in office.values()}
        inserts: list[tuple[dict, dict]] = []
        for record in records:
            local = record["id"]
            base = self.opened.base.get(("service_record", local))
            if base is not None:
                self._office_record(record, office.get(local), base)
                continue
            uid = record["field_uid"]
            existing = by_uid.get(uid)
            if existing is not None:
                self.local_to_office[local] = existing["id"]
                if _same(record, existing):
                    self.unchanged += 1
                else:
                    self._conflict(
                        "service_record", uid, "perubahan", record, existing["id"], MSG_CHANGED_AGAIN
                    )
                continue
            values = self._checked(record)
            if values is None:
                continue
            twin = taken.get((values["nik"], values["category"]))
            if twin is not None:
                self._conflict("service_record", uid, "duplikat", record, twin,
                               "NIK ini sudah tercatat untuk layanan yang sama pada kasus ini "
                               "(dari laptop lain atau dari kantor).")  # fmt: skip
                continue
            taken[(values["nik"], values["category"])] = -1
            inserts.append((record, values))
        self._insert(inserts)
        return self._served_elsewhere([v for _r, v in inserts])

    def _checked(self, record: dict) -> dict | None:
        """The record through the office's rules, as a form's save would check it; None when it
        breaks one (left as a conflict: the leader sees every reason, as the form would say them).
        The rules stop at the first refusal (a sixth faster on 10,000 records); only a refused
        record is checked again for all of them."""
        values = rule_arguments(self.lookups, self.codes, record)
        try:
            checked = _checked(*values)
        except InvalidInput as first:
            message = first.message
            try:
                _checked_together(*values)
            except InvalidInput as every:
                message = every.message
            self._conflict("service_record", record["field_uid"], "tidak_sah", record, None, message)
            return None
        return dict(zip(CHECKED_FIELDS, checked, strict=True))

    def _office_record(self, record: dict, office: dict | None, base: int) -> None:
        """A record that left with the package: the field's change is taken when the office left
        the record as it was."""
        if office is None or record["version"] == base or _same(record, office):
            self.unchanged += 1
            return
        self.local_to_office[record["id"]] = office["id"]
        key = str(office["id"])
        if office["version"] != base:
            self._conflict("service_record", key, "perubahan", record, office["id"], MSG_BOTH_CHANGED)
            return
        values = self._checked(dict(record, field_uid=key))
        if values is None:
            return
        clash = ServiceRecord.select().where(
            (ServiceRecord.case == self.case.id) & (ServiceRecord.nik == values["nik"])
            & (ServiceRecord.category == values["category"]) & (ServiceRecord.id != office["id"])
        ).exists()  # fmt: skip
        if clash:
            self._conflict("service_record", key, "duplikat", record, office["id"],
                           "NIK ini sudah tercatat untuk layanan yang sama pada kasus ini.")  # fmt: skip
            return
        ServiceRecord.update(version=ServiceRecord.version + 1, updated_at=now(), **values).where(
            (ServiceRecord.id == office["id"]) & (ServiceRecord.version == base)
        ).execute()
        self.updated += 1

    def _insert(self, inserts: list[tuple[dict, dict]]) -> None:
        if not inserts:
            return
        stamp = now()
        fields = [
            ServiceRecord.case, ServiceRecord.recorded_by, ServiceRecord.recorded_at, ServiceRecord.version,
            ServiceRecord.updated_at, ServiceRecord.field_uid, ServiceRecord.field_origin,
            *(getattr(ServiceRecord, name) for name in CHECKED_FIELDS),
        ]  # fmt: skip
        # What every row shares read once: no peewee attribute and no generator per row.
        case_id, user_id, checked = self.case.id, self.actor.user_id, itemgetter(*CHECKED_FIELDS)
        rows = (
            [case_id, user_id, record["recorded_at"], 1, stamp, record["field_uid"],
             record["field_origin"][:120], *checked(values)]
            for record, values in inserts
        )  # fmt: skip
        insert_rows(ServiceRecord, fields, rows)
        self.added += len(inserts)
        # The office ids they got: one read of the case's field-made records (not IN lists of
        # every uid, whose peewee expression nodes cost more than the rows' write at 10,000).
        uids = {record["field_uid"]: record["id"] for record, _v in inserts}
        made = _sql(
            "SELECT id, field_uid FROM service_record WHERE case_id = ? AND field_uid IS NOT NULL",
            (self.case.id,),
        )
        for office_id, uid in made:
            if uid in uids:
                self.local_to_office[uids[uid]] = office_id

    def _served_elsewhere(self, values: list[dict]) -> list[str]:
        """Citizens just added who were served for the same service in another case (another
        team's, or an earlier visit): flagged, not refused (a second visit can be right)."""
        found: list[str] = []
        pairs = {(v["nik"], v["category"]): v["full_name"] for v in values}
        niks = sorted({nik for nik, _c in pairs})
        names = code_map(ServiceCategory, "name")
        for chunk in _chunks(niks):
            if pg_roles.per_user_session():  # another team's records: through the server's function
                query = _sql(
                    "SELECT nik, category_id, reference FROM dd_served_elsewhere(?, ?)", (self.case.id, chunk)
                )
            else:
                query = _sql(
                    "SELECT r.nik, r.category_id, c.reference FROM service_record r "
                    "JOIN sop_case c ON c.id = r.case_id "
                    f"WHERE r.nik IN ({', '.join('?' * len(chunk))}) AND r.case_id <> ?",
                    (*chunk, self.case.id),
                )  # plain SQL: peewee's IN (...) of thousands of NIKs cost more than the query
            for nik, category, reference in query:
                if (nik, category) in pairs:
                    found.append(
                        f"{pairs[(nik, category)]} ({nik}), {names.get(category, '')}: juga pada {reference}"
                    )
        return sorted(found)

    # --- conflicts and the audit trail ---------------------------------------------------------

    def _conflict(
        self, entity: str, key: str, kind: str, values: dict, office_id: int | None, message: str
    ) -> None:
        if (entity, key) in self.known_conflicts:
            return  # left by an earlier merge of this package: open or already decided
        FieldConflict.create(
            package=self.row.id,
            case=self.case.id,
            kind=kind,
            entity=entity,
            office_id=office_id,
            field_key=key,
            field_values=json.dumps(values, default=str, ensure_ascii=False),
            message=message[:1000],
        )
        self.known_conflicts.add((entity, key))
        self.conflicts += 1

    def _copy_audit(self) -> tuple[int, int]:
        """The field's audit lines not copied yet, into the office's log: the action as it was,
        who, on which computer and when, under the office's ids where the row now has one."""
        done = int(self.row.audit_copied or 0)
        lines = audit_rows(self.opened.conn, done)
        if not lines:
            return 0, done
        fields: list[Field] = [
            AuditLog.at, AuditLog.user_id, AuditLog.username, AuditLog.action, AuditLog.entity,
            AuditLog.entity_id, AuditLog.detail, AuditLog.workstation,
        ]  # fmt: skip
        stamp = now()
        origin = {"paket": self.row.uid, "laptop": self.row.laptop}
        # What every line shares, read once (not a peewee attribute and a new encoder per line).
        user_id, username = self.actor.user_id, self.actor.username
        workstation = f"laptop {self.row.laptop}"[:120]
        to_office, base_ids, encode = self.local_to_office, self._base_ids(), _DETAIL.encode
        rows = []
        for line in lines:
            entity_id = line["entity_id"]
            if line["entity"] == "service_record" and entity_id is not None:
                office_id = to_office.get(entity_id)
                if office_id is None:
                    office_id = entity_id if entity_id in base_ids else None
                entity_id = office_id
            detail = {
                "lapangan": {
                    **origin,
                    "oleh": line["username"],
                    "pada": line["at"],
                    "komputer": line["workstation"],
                },
                **line["detail"],
            }
            rows.append([stamp, user_id, username, f"lapangan:{line['action']}"[:60], line["entity"],
                         entity_id, encode(detail)[:8000], workstation])  # fmt: skip
        insert_rows(AuditLog, fields, rows)
        return len(rows), lines[-1]["id"]

    def _base_ids(self) -> set[int]:
        if not hasattr(self, "_base_record_ids"):
            self._base_record_ids = {i for (e, i) in self.opened.base if e == "service_record"}
        return self._base_record_ids


def _sql(sql: str, params: tuple) -> list[tuple]:
    """Plain SQL on the app's connection, `?` placeholders on both backends."""
    if db.obj.param != "?":
        sql = sql.replace("?", "%s")
    return db.execute_sql(sql, params).fetchall()


def _same(record: dict, office: dict) -> bool:
    return all(_plain(record[c]) == _plain(office[c]) for c in RECORD_CONTENT)


def _plain(value: object) -> object:
    if value is None or value == "":
        return None
    return str(value)
