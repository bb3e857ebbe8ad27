"""The database itself refuses bad data, on SQLite and PostgreSQL alike.

Every insert here goes straight through peewee (`Model.insert(...).execute()` or
`db.execute_sql`), bypassing the services, so what is proven is the schema's own CHECK,
length, foreign-key and trigger constraints. Each refused statement runs in its own
`db.atomic()` so that PostgreSQL's aborted transaction is rolled back and the connection
stays usable.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest
from peewee import DatabaseError, DataError, IntegrityError

from desktop.errors import PermissionDenied
from desktop.models import (
    AuditLog,
    Kabupaten,
    Kecamatan,
    Nagari,
    Role,
    ServiceCategory,
    ServiceOutcome,
    ServiceRecord,
    Sop,
    SopCase,
    TargetGroup,
    User,
    db,
    migrations,
)

# A VARCHAR(n) overflow is a DataError on PostgreSQL (checked before the CHECK runs) and a
# CHECK failure (IntegrityError) on SQLite.
TOO_LONG = (IntegrityError, DataError)

VALID_NIK = "1302031507900001"  # region 130203, born 15-07-1990 (man), serial 0001
VALID_NIK_WOMAN = "1302035507900002"  # day 15 + 40 for a woman
VALID_NIP = "198503302010011002"

ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
FULLWIDTH = str.maketrans("0123456789", "０１２３４５６７８９")

BAD_NIKS = {
    "15 digits": "130203150790001",
    "17 digits": "13020315079000011",
    "letters": "13020315079000AB",
    "letter O for zero": "1302031507900O01",
    "inner space": "1302031507 90001",
    "trailing space in 16": "130203150790001 ",
    "arabic-indic digits": VALID_NIK.translate(ARABIC_INDIC),
    "fullwidth digits": VALID_NIK.translate(FULLWIDTH),
    "empty": "",
    "day 00": "1302030007900001",
    "day 32": "1302033207900001",
    "day 40": "1302034007900001",
    "day 72": "1302037207900001",
    "month 00": "1302031500900001",
    "month 13": "1302031513900001",
    "serial 0000": "1302031507900000",
}

BAD_NIPS = {
    "17 digits": VALID_NIP[:-1],
    "19 digits": VALID_NIP + "1",
    "letters": VALID_NIP[:-2] + "AB",
    "empty": "",
    "arabic-indic digits": VALID_NIP.translate(ARABIC_INDIC),
    "fullwidth digits": VALID_NIP.translate(FULLWIDTH),
    "dashes": "19850330-201001-1-0",
}


def count(model) -> int:
    return model.select().count()


def refused(model, errors, **values) -> None:
    """Assert that inserting `values` into `model` is refused and adds no row."""
    before = count(model)
    with pytest.raises(errors):
        with db.atomic():
            model.insert(**values).execute()
    assert count(model) == before


def accepted(model, **values) -> int:
    before = count(model)
    with db.atomic():
        row_id = model.insert(**values).execute()
    assert count(model) == before + 1
    return row_id


@dataclass
class Refs:
    """The parent rows a ServiceRecord needs."""

    user: int
    case: int
    nagari: int
    category: int
    target_group: int
    outcome: int

    def record(self, **overrides) -> dict:
        values = {
            "case": self.case,
            "nik": VALID_NIK,
            "full_name": "Siti Rahmah",
            "nagari": self.nagari,
            "category": self.category,
            "target_group": self.target_group,
            "outcome": self.outcome,
            "served_on": dt.date(2026, 3, 2),
            "recorded_by": self.user,
        }
        values.update(overrides)
        return values


@pytest.fixture
def refs(database: str) -> Refs:
    user = User.insert(username="petugas", full_name="Petugas Satu", password_hash="x").execute()
    kabupaten = Kabupaten.insert(code="13.02", name="Pesisir Selatan").execute()
    kecamatan = Kecamatan.insert(code="13.02.03", name="Batang Kapas", kabupaten=kabupaten).execute()
    nagari = Nagari.insert(code="13.02.03.2001", name="Taratak Sungai Lundang", kecamatan=kecamatan).execute()
    category = ServiceCategory.insert(code="ktp_rekam", name="KTP-el perekaman").execute()
    target_group = TargetGroup.insert(code="lansia", name="Lansia").execute()
    outcome = ServiceOutcome.insert(code="selesai", name="Selesai", counts_as_served=True).execute()
    sop = Sop.insert(
        code="SIJARLA", number="1/SOP/2026", title="SIJARLA", source_sha256="0" * 64, definition="{}"
    ).execute()
    case = SopCase.insert(
        sop=sop,
        reference="SJL-2026-0001",
        title="Permohonan Nagari",
        origin="surat",
        nagari=nagari,
        current_step="terima_surat",
        opened_by=user,
    ).execute()
    return Refs(user, case, nagari, category, target_group, outcome)


# --- Schema version -----------------------------------------------------------------------


def test_upgrade_reaches_latest_and_is_idempotent(database: str) -> None:
    assert migrations.current_version() == migrations.LATEST_VERSION
    assert migrations.pending() == []
    assert migrations.upgrade() == []
    assert migrations.current_version() == migrations.LATEST_VERSION


# --- Text length ------------------------------------------------------------------------------


def test_text_length_is_enforced(database: str) -> None:
    accepted(Role, code="x" * 40, name="n")
    refused(Role, TOO_LONG, code="y" * 41, name="n")
    refused(Role, TOO_LONG, code="z", name="n" * 121)


def test_text_length_counts_characters_not_bytes(database: str) -> None:
    accepted(Role, code="é" * 40, name="ß" * 120)  # 80 and 240 bytes in UTF-8
    refused(Role, TOO_LONG, code="ö" * 41, name="n")


def test_user_full_name_length_is_enforced(database: str) -> None:
    accepted(User, username="a", full_name="A" * 120, password_hash="x")
    refused(User, TOO_LONG, username="b", full_name="B" * 121, password_hash="x")


def test_bounded_text_length_is_enforced(database: str) -> None:
    accepted(AuditLog, action="uji", detail="d" * 8000)
    refused(AuditLog, TOO_LONG, action="uji", detail="d" * 8001)


def test_over_long_text_is_refused_through_raw_sql(database: str) -> None:
    p = db.param
    sql = f"INSERT INTO role (code, name, description) VALUES ({p}, {p}, {p})"
    before = count(Role)
    with pytest.raises(TOO_LONG):
        with db.atomic():
            db.execute_sql(sql, ("x" * 41, "n", ""))
    assert count(Role) == before
    with db.atomic():
        db.execute_sql(sql, ("x" * 40, "n", ""))
    assert count(Role) == before + 1


# --- NIK ----------------------------------------------------------------------------------


def test_well_formed_nik_is_accepted(refs: Refs) -> None:
    accepted(ServiceRecord, **refs.record(nik=VALID_NIK))
    accepted(ServiceRecord, **refs.record(nik=VALID_NIK_WOMAN, full_name="Nurhayati"))
    accepted(ServiceRecord, **refs.record(nik="1302037112990001", full_name="Batas atas"))  # day 31+40


@pytest.mark.parametrize("nik", list(BAD_NIKS.values()), ids=list(BAD_NIKS))
def test_malformed_nik_is_refused(refs: Refs, nik: str) -> None:
    errors = TOO_LONG if len(nik) > 16 else IntegrityError
    refused(ServiceRecord, errors, **refs.record(nik=nik))
    # the same connection still works after the refusal
    accepted(ServiceRecord, **refs.record(nik=VALID_NIK))


def test_malformed_nik_is_refused_through_raw_sql(refs: Refs) -> None:
    p = db.param
    columns = ["case_id", "nik", "full_name", "nagari_id", "category_id", "target_group_id"]
    columns += ["outcome_id", "served_on", "recorded_by_id", "version", "updated_at", "recorded_at"]
    columns += ["kk", "address", "jorong", "outcome_reason", "note"]
    sql = f"INSERT INTO service_record ({', '.join(columns)}) VALUES ({', '.join([p] * len(columns))})"
    stamp = dt.datetime(2026, 3, 2, 9, 0, 0)

    def params(nik: str) -> tuple:
        return (refs.case, nik, "Siti", refs.nagari, refs.category, refs.target_group) + (
            refs.outcome,
            dt.date(2026, 3, 2),
            refs.user,
            1,
            stamp,
            stamp,
            None,
            "",
            "",
            "",
            "",
        )

    before = count(ServiceRecord)
    for nik in (BAD_NIKS["arabic-indic digits"], BAD_NIKS["day 32"], BAD_NIKS["serial 0000"]):
        with pytest.raises(IntegrityError):
            with db.atomic():
                db.execute_sql(sql, params(nik))
    assert count(ServiceRecord) == before
    with db.atomic():
        db.execute_sql(sql, params(VALID_NIK))
    assert count(ServiceRecord) == before + 1


def test_kk_must_be_sixteen_ascii_digits(refs: Refs) -> None:
    refused(ServiceRecord, IntegrityError, **refs.record(kk="130203150790000"))
    refused(ServiceRecord, IntegrityError, **refs.record(kk="1302031507900001".translate(FULLWIDTH)))
    accepted(ServiceRecord, **refs.record(kk="1302030101200001"))


def test_one_service_of_a_kind_per_person_per_case(refs: Refs) -> None:
    accepted(ServiceRecord, **refs.record())
    refused(ServiceRecord, IntegrityError, **refs.record(full_name="Duplikat"))


def test_foreign_keys_are_enforced(refs: Refs) -> None:
    refused(ServiceRecord, IntegrityError, **refs.record(case=refs.case + 1000))
    refused(ServiceRecord, IntegrityError, **refs.record(nagari=refs.nagari + 1000))


# --- NIP ----------------------------------------------------------------------------------


def test_well_formed_nip_is_accepted(database: str) -> None:
    accepted(User, username="pns", full_name="Pegawai", nip=VALID_NIP, password_hash="x")
    accepted(User, username="honorer", full_name="Honorer", nip=None, password_hash="x")


@pytest.mark.parametrize("nip", list(BAD_NIPS.values()), ids=list(BAD_NIPS))
def test_malformed_nip_is_refused(database: str, nip: str) -> None:
    errors = TOO_LONG if len(nip) > 18 else IntegrityError
    refused(User, errors, username="pns", full_name="Pegawai", nip=nip, password_hash="x")


# --- Append-only audit log ----------------------------------------------------------------


def _refused_change(statement) -> None:
    # SQLite: the trigger's DatabaseError; PostgreSQL: SQLSTATE 42501, which reaches the user as
    # PermissionDenied (models/resilience.py).
    with pytest.raises((DatabaseError, PermissionDenied)) as info:
        with db.atomic():
            statement.execute()
    assert "append-only" in str(info.value)


def test_audit_log_accepts_insert_but_refuses_update_and_delete(database: str, backend: str) -> None:
    row_id = accepted(AuditLog, username="petugas", action="masuk", detail="login")
    accepted(AuditLog, username="petugas", action="keluar")

    _refused_change(AuditLog.update(detail="dipalsukan").where(AuditLog.id == row_id))
    _refused_change(AuditLog.update(detail="dipalsukan"))
    _refused_change(AuditLog.delete().where(AuditLog.id == row_id))
    _refused_change(AuditLog.delete())

    assert count(AuditLog) == 2
    assert AuditLog.get_by_id(row_id).detail == "login"

    if backend == "postgresql":
        # The server's refusal (SQLSTATE 42501) reaches the user as PermissionDenied (models/resilience.py).
        with pytest.raises(PermissionDenied) as info:
            with db.atomic():
                db.execute_sql("TRUNCATE audit_log")
        assert "append-only" in str(info.value)
        assert count(AuditLog) == 2

    accepted(AuditLog, username="petugas", action="lagi")  # still writable after the refusals
