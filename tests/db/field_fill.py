"""A returned package holding many field-made records, built fast (the merge crash test, bench/).

The package is opened in field mode as a laptop opens it and the team's member logs in; a few
records go through the recording service (service_records.add_record, with its audit line), the
rest are written in the same transaction at the driver's speed (models.bulk) as add_record would
store them: checked by the same rules, one 'pelayanan_dicatat' audit line each. The field
database's trigger gives every one its field_uid. One commit, so the package is sealed once.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from desktop.models import AuditLog, ServiceRecord, db
from desktop.models.base import now
from desktop.models.bulk import insert_rows
from desktop.services.demo.accounts import DEMO_PASSWORD
from desktop.services.field import mode
from desktop.services.security import auth
from desktop.services.security.audit import _WORKSTATION
from desktop.services.sijarla import service_records
from desktop.services.sijarla.record_rules import CHECKED_FIELDS

from .field_case import PASSPHRASE, nik, record

THROUGH_SERVICE = 20  # records added through add_record itself; the rest in bulk
CATEGORIES = ("ktp_rekam", "kia", "ikd")
FIRST = "Siti Ahmad Rahmah Yusri Nurhayati Afrizal Desi Zulhendri Fitri Hendra".split()
LAST = "Chaniago Piliang Tanjung Koto Jambak Sikumbang Guci Melayu".split()


def draft(i: int):
    """The i-th citizen a field team records (NIKs distinct for i below 20,000)."""
    name = f"{FIRST[i % len(FIRST)]} {LAST[(i // len(FIRST)) % len(LAST)]}"
    return record(
        nik(i, woman=i % 2 == 1), name, CATEGORIES[i % len(CATEGORIES)], jorong=f"Jorong {i % 7 + 1}"
    )


def fill_package(path: Path, case_id: int, count: int, start: int = 1000) -> None:
    """`count` records made in the field (citizens start .. start + count - 1) into the package."""
    mode.open_package(path, PASSPHRASE)
    try:
        actor = auth.login("anggota1", DEMO_PASSWORD)
        with db.atomic():
            through_service = min(count, THROUGH_SERVICE)
            for i in range(start, start + through_service):
                service_records.add_record(actor, case_id, draft(i))
            _bulk(actor, case_id, range(start + through_service, start + count))
    finally:
        mode.close()


def _bulk(actor, case_id: int, citizens: range) -> None:
    if not citizens:
        return
    case = service_records._recording_case(actor, case_id)
    lookups = service_records._lookups_for(case)
    stamp = now()
    fields = [
        ServiceRecord.case, ServiceRecord.recorded_by, ServiceRecord.recorded_at, ServiceRecord.version,
        ServiceRecord.updated_at, *(getattr(ServiceRecord, name) for name in CHECKED_FIELDS),
    ]  # fmt: skip
    rows = []
    for i in citizens:
        values = service_records._clean(draft(i), lookups)
        rows.append(
            [case.id, actor.user_id, stamp, 1, stamp, *(_id(values[name]) for name in CHECKED_FIELDS)]
        )
    first = db.execute_sql("SELECT coalesce(max(id), 0) FROM service_record").fetchone()[0] + 1
    insert_rows(ServiceRecord, fields, rows)
    made = db.execute_sql("SELECT id FROM service_record WHERE id >= ? ORDER BY id", (first,))
    ids = [r[0] for r in made.fetchall()]
    assert len(ids) == len(rows), (len(ids), len(rows))
    audit_fields = [AuditLog.at, AuditLog.user_id, AuditLog.username, AuditLog.action, AuditLog.entity,
                    AuditLog.entity_id, AuditLog.detail, AuditLog.workstation]  # fmt: skip
    insert_rows(
        AuditLog,
        audit_fields,
        (
            [stamp, actor.user_id, actor.username, "pelayanan_dicatat", "service_record", i, "", _WORKSTATION]
            for i in ids
        ),
    )


def _id(value: object) -> object:
    return getattr(value, "id", value) if not isinstance(value, (str, int, dt.date)) else value
