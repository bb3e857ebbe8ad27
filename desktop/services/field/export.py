"""Taking a case out ("Bawa ke lapangan"): one sealed package per laptop of the team.

A package holds the case and what recording it needs, and nothing else: the case's request,
disposition, signed Surat Tugas and its members, preparation checklist, records and draft report;
the team's accounts (their own roles only: ketua and anggota tim); the reference lists and the
office's settings the checks read; the nagari and jorong the case's records name. Other people
the case's rows name (who opened it, who signed) travel as names only, without a login.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from dataclasses import dataclass
from pathlib import Path

from desktop import roles as R
from desktop.models import (
    ALL_MODELS,
    AssignmentLetter,
    AssignmentMember,
    CaseStep,
    Disposition,
    FieldPackage,
    FieldPackageKey,
    Holiday,
    IncomingLetter,
    Jorong,
    Kabupaten,
    Kecamatan,
    Nagari,
    Office,
    PreparationCheck,
    Report,
    RequestedService,
    Role,
    ServiceCategory,
    ServiceOutcome,
    ServiceRecord,
    Sop,
    SopCase,
    TargetGroup,
    Team,
    TeamMember,
    User,
    UserRole,
    db,
    field_store,
    pg_roles,
)
from desktop.models.base import now
from desktop.models.migrations import SchemaVersion
from desktop.services.errors import InvalidInput, WorkflowError
from desktop.services.field import package
from desktop.services.security import audit
from desktop.services.security.accounts import FIELD_LOGIN_PREFIX
from desktop.services.session import Session
from desktop.services.sijarla.team import _require_team_member
from desktop.services.sop.workflow import get_case
from desktop.services.validation import clean_int

MAX_LAPTOPS = 10
FIELD_ROLES = (R.KETUA_TIM, R.ANGGOTA_TIM)
# Rows a merge compares with the office's: the version each left with is kept in field_base.
BASE_ENTITIES = {"service_record": ServiceRecord, "preparation_check": PreparationCheck, "report": Report}
_LABEL = re.compile(r"^\w[\w .,()-]{0,39}$")


@dataclass(frozen=True)
class TakenOut:
    package_uid: str
    laptop: str
    path: Path


def _check_laptops(laptops: list[str]) -> list[str]:
    if isinstance(laptops, str):
        laptops = [laptops]
    if not isinstance(laptops, (list, tuple)) or not all(isinstance(label, str) for label in laptops):
        raise InvalidInput("Nama laptop harus berupa teks.", field="laptops")
    labels = [" ".join(label.split()) for label in laptops]
    if not labels or len(labels) > MAX_LAPTOPS:
        raise InvalidInput(f"Pilih 1 sampai {MAX_LAPTOPS} laptop.", field="laptops")
    for number, label in enumerate(labels, 1):
        if not _LABEL.fullmatch(label) or not label.isprintable():
            raise InvalidInput(
                f"Nama laptop ke-{number} tidak sah: 1-40 huruf, angka, spasi atau . , ( ) -, "
                "diawali huruf atau angka.",
                field="laptops",
            )
    if len({label.casefold() for label in labels}) != len(labels):
        raise InvalidInput("Nama laptop tidak boleh sama.", field="laptops")
    return labels


def may_take_out(actor: Session, case_id: int) -> SopCase:
    """The case, if the actor may take it out now: its team leader, at the service step, with a
    signed Surat Tugas."""
    case = get_case(clean_int(case_id, "Kasus", 1))
    _require_team_member(actor, case, leader=True)
    if case.status != "berjalan" or case.current_step != "pelayanan":
        raise WorkflowError("Kasus hanya dapat dibawa ke lapangan pada tahap pelayanan.")
    signed = AssignmentLetter.select().where(
        (AssignmentLetter.case == case.id) & AssignmentLetter.signed_at.is_null(False)
    )
    if not signed.exists():
        raise WorkflowError(
            "Surat Tugas kasus ini belum ditandatangani; kasus belum dapat dibawa ke lapangan."
        )
    return case


def package_file_name(case: SopCase, laptop: str) -> str:
    safe = re.sub(r"[^\w-]+", "-", f"{case.reference}-{laptop}").strip("-")
    return f"{safe}{package.SUFFIX}"


def take_out(
    actor: Session, case_id: int, laptops: list[str], passphrase: str, folder: Path
) -> list[TakenOut]:
    """Write one package per laptop into `folder`; the office remembers each (FieldPackage)."""
    labels = _check_laptops(laptops)
    package.check_passphrase(passphrase)
    try:
        folder = Path(folder)
        usable = isinstance(folder, Path) and folder.is_absolute() and folder.is_dir()
    except (TypeError, ValueError, OSError):
        usable = False
    if not usable:
        raise InvalidInput("Folder tujuan tidak ditemukan. Pilih folder paket lagi.", field="folder")
    written: list[Path] = []
    try:
        with db.atomic():
            case = may_take_out(actor, case_id)
            leader = User.get_by_id(actor.user_id)
            taken: list[TakenOut] = []
            for label in labels:
                uid = uuid.uuid4().hex
                key = package.new_data_key()
                row = FieldPackage.create(uid=uid, case=case.id, laptop=label, taken_by=actor.user_id)
                FieldPackageKey.create(package=row.id, case=case.id, data_key=key.hex())
                path = folder / package_file_name(case, label)
                if path.exists():
                    raise InvalidInput(
                        f"Berkas {path.name} sudah ada di folder itu. "
                        "Pilih folder lain atau pindahkan berkas lama.",
                        field="folder",
                    )
                payload = _build(case, uid, label)
                fields = _header_fields(case, uid, label, leader, row.taken_at)
                fields.update(package.wrap_key(key, passphrase, uid))
                written.append(path)
                package.seal(path, fields, key, payload)
                audit.record(actor, "paket_lapangan_dibawa", "sop_case", case.id, paket=uid, laptop=label)
                taken.append(TakenOut(uid, label, path))
            return taken
    except BaseException:
        for path in written:  # the office forgot them: a package it cannot take back must not stay
            path.unlink(missing_ok=True)
        raise


def _header_fields(case: SopCase, uid: str, laptop: str, leader: User, taken_at: dt.datetime) -> dict:
    nagari = Nagari.get_or_none(Nagari.id == case.nagari_id)
    return {
        "package_uid": uid,
        "case_id": case.id,
        "case_number": case.reference,
        "case_title": case.title,
        "nagari": nagari.name if nagari else "",
        "laptop": laptop,
        "leader": leader.full_name,
        "leader_username": leader.username,
        "taken_at": taken_at.isoformat(" "),
        "sealed_at": now().isoformat(" "),
    }


def _build(case: SopCase, uid: str, laptop: str) -> bytes:
    """The package's database: the schema, the case's rows, the bookkeeping; its bytes."""
    name = field_store.memory_name("paket")
    anchor = field_store.connect_memory(name)
    try:
        field_store.create_schema(name, [*ALL_MODELS, SchemaVersion])
        anchor.execute("BEGIN")
        for model, query in _rows_of(case):
            fields = model._meta.sorted_fields
            field_store.insert_rows(anchor, model, fields, query.select(*fields).tuples())
        _name_only_accounts(anchor)
        _offline_logins(anchor, case)
        field_store.clear_dangling(anchor)
        _bookkeeping(anchor, case, uid, laptop)
        field_store.stamp_field_records(anchor, f"{laptop} (paket {uid[:8]})")
        anchor.execute("COMMIT")
        return field_store.serialize(anchor)
    finally:
        anchor.close()


def _name_only_accounts(conn) -> None:
    """Another member of staff a row names (who opened the case, who signed the Surat Tugas): their
    name and position only, with no username, no password and no role: nobody can log in as them."""
    missing = field_store.dangling_ids(conn, User._meta.table_name)
    if not missing:
        return
    fields = User._meta.sorted_fields
    rows = User.select(User.id, User.full_name, User.jabatan).where(User.id.in_(sorted(missing))).tuples()
    stubs = []
    for uid, name, jabatan in rows:
        values = {"id": uid, "username": f"kantor-{uid}", "full_name": name, "jabatan": jabatan}
        values.update(password_hash="!", is_active=False)
        stubs.append([_value(f, values) for f in fields])
    field_store.insert_rows(conn, User, fields, stubs)


def _value(field, values: dict):
    if field.name in values:
        return values[field.name]
    default = field.default
    return default() if callable(default) else default


def _offline_logins(conn, case: SopCase) -> None:
    """On a secured PostgreSQL office the accounts' passwords are checked by the server (app_user
    holds a marker): the team's login-key hashes travel instead, from dd_field_logins (the case's
    leader only), so each member logs in on the laptop with their own password."""
    if pg_roles.state() is None:
        return
    if pg_roles.per_user_session():
        rows = db.execute_sql("SELECT user_id, hash FROM dd_field_logins(%s)", (case.id,)).fetchall()
    else:  # the database's owner (an administrator's command line)
        members = TeamMember.select(TeamMember.user).where(TeamMember.team == case.team_id)
        ids = [m.user_id for m in members]
        rows = db.execute_sql(
            "SELECT user_id, hash FROM dd_password WHERE user_id = ANY(%s)", (ids,)
        ).fetchall()
    conn.executemany(
        "UPDATE app_user SET password_hash = ? WHERE id = ?",
        [(FIELD_LOGIN_PREFIX + str(hashed), user_id) for user_id, hashed in rows],
    )


def _bookkeeping(conn, case: SopCase, uid: str, laptop: str) -> None:
    meta = {"package_uid": uid, "case_id": str(case.id), "laptop": laptop, "schema": "1"}
    conn.executemany("INSERT INTO field_meta (key, value) VALUES (?, ?)", sorted(meta.items()))
    for entity in BASE_ENTITIES:
        conn.execute(
            f"INSERT INTO field_base (entity, row_id, version) SELECT ?, id, version FROM {entity}", (entity,)
        )
    # The package is at the first migration's schema: the laptop brings it up to its own version.
    fields = SchemaVersion._meta.sorted_fields
    field_store.insert_rows(conn, SchemaVersion, fields, [[1, "skema awal", now()]])


def _rows_of(case: SopCase):
    """(model, query) for every row the package carries, in dependency order."""
    team_users = [
        m.user_id for m in TeamMember.select(TeamMember.user).where(TeamMember.team == case.team_id)
    ]
    field_role_ids = [r.id for r in Role.select(Role.id).where(Role.code.in_(FIELD_ROLES))]
    record_nagari = ServiceRecord.select(ServiceRecord.nagari).where(ServiceRecord.case == case.id).distinct()
    letters = IncomingLetter.select(IncomingLetter.id).where(IncomingLetter.case == case.id)
    assignment = AssignmentLetter.select(AssignmentLetter.id).where(AssignmentLetter.case == case.id)
    nagari = Nagari.select().where((Nagari.id == case.nagari_id) | Nagari.id.in_(record_nagari))
    nagari_ids = [n.id for n in nagari]
    kecamatan_ids = [n.kecamatan_id for n in nagari]
    kecamatan = Kecamatan.select().where(Kecamatan.id.in_(kecamatan_ids))
    kabupaten_ids = [k.kabupaten_id for k in kecamatan]
    yield Role, Role.select().where(Role.id.in_(field_role_ids))
    yield User, User.select().where(User.id.in_(team_users))
    yield UserRole, UserRole.select().where(UserRole.user.in_(team_users) & UserRole.role.in_(field_role_ids))
    yield Team, Team.select().where(Team.id == case.team_id)
    yield TeamMember, TeamMember.select().where(TeamMember.team == case.team_id)
    yield Office, Office.select()
    yield Kabupaten, Kabupaten.select().where(Kabupaten.id.in_(kabupaten_ids))
    yield Kecamatan, kecamatan
    yield Nagari, Nagari.select().where(Nagari.id.in_(nagari_ids))
    yield Jorong, Jorong.select().where(Jorong.nagari.in_(nagari_ids))
    yield ServiceCategory, ServiceCategory.select()
    yield TargetGroup, TargetGroup.select()
    yield ServiceOutcome, ServiceOutcome.select()
    yield Holiday, Holiday.select()
    yield Sop, Sop.select().where(Sop.id == case.sop_id)
    yield SopCase, SopCase.select().where(SopCase.id == case.id)
    yield CaseStep, CaseStep.select().where(CaseStep.case == case.id)
    yield IncomingLetter, IncomingLetter.select().where(IncomingLetter.case == case.id)
    yield RequestedService, RequestedService.select().where(RequestedService.letter.in_(letters))
    yield Disposition, Disposition.select().where(Disposition.case == case.id)
    yield AssignmentLetter, AssignmentLetter.select().where(AssignmentLetter.case == case.id)
    yield AssignmentMember, AssignmentMember.select().where(AssignmentMember.letter.in_(assignment))
    yield PreparationCheck, PreparationCheck.select().where(PreparationCheck.case == case.id)
    yield ServiceRecord, ServiceRecord.select().where(ServiceRecord.case == case.id)
    yield Report, Report.select().where(Report.case == case.id)
