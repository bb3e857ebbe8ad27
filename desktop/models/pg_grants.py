"""What each office role may read and write in a secured database, and the row policies that scope it."""

from __future__ import annotations

from desktop.models.pg_roles import (
    CASE_SCOPED_TABLES,
    RECORDS_ALL,
    RECORDS_OWN_TEAM,
    _ident,
    group_role,
    staff_role,
)

# The role codes are declared once, in a module of plain constants (no database, no Qt).
from desktop.roles import (
    ADMINISTRATOR,
    ANGGOTA_TIM,
    FRONT_DESK,
    KABID_PELAYANAN,
    KABID_PEMANFAATAN,
    KASI_INOVASI,
    KEPALA_DINAS,
    KETUA_PELAKSANA_HARIAN,
    KETUA_TIM,
    PEJABAT_STRUKTURAL,
    PELAKSANA_TEKNIS,
)

from .base import db

# Every table but these is readable by all staff.
_RESTRICTED_READS = {
    "service_record",
    "audit_log",
    "app_user",
    "pg_security",
    "dd_password",
    "field_package_key",  # opens a package: the team's only
    "field_conflict",  # holds the field's version of people's records
}


_APP_USER_PUBLIC_COLUMNS = (
    "id, version, updated_at, username, full_name, nip, pangkat_golongan, jabatan, password_hash, "
    "is_active, failed_logins, locked_until, last_login_at, password_changed_at"
)


# What anyone who moves a case along a step writes.
# Issued documents and letter numbers are written only through dd_issue_document and
# dd_take_number (SECURITY DEFINER): no role writes those tables directly.
_WORKFLOW = {
    "sop_case": "INSERT, UPDATE",
    "case_step": "INSERT",
    "attachment": "INSERT",
}


_DISPOSITION_COLUMNS = (
    "version, updated_at, case_id, letter_id, sifat, forwarded_to, requests, instructions, team_id, "
    "deadline, drafted_by_id, drafted_at"
)


_ASSIGNMENT_COLUMNS = (
    "version, updated_at, case_id, number, basis, task, place, start_on, end_on, copies_to, drafted_by_id"
)


_INNOVATION = {
    "innovation": "INSERT, UPDATE",
    "innovation_document": "INSERT, UPDATE",
    "meeting": "INSERT, UPDATE",
    "meeting_participant": "INSERT, UPDATE, DELETE",
    "name_option": "INSERT, UPDATE, DELETE",
    "output_log": "INSERT, UPDATE",
}


_TEAM = {
    "preparation_check": "INSERT, UPDATE",
    "service_record": "INSERT, UPDATE, DELETE",
    "report": "INSERT, UPDATE",
}


# Taking a case out to field laptops and merging it back: the team leader's (services/field).
_FIELD = {
    "field_package": "INSERT, UPDATE",
    "field_package_key": "INSERT",
    "field_conflict": "INSERT, UPDATE",
}


_RECAP = {"recap": "INSERT, UPDATE", "report": "UPDATE"}


# The writes each office function's SOP steps need (table -> privileges).
GROUP_WRITES: dict[str, dict[str, str]] = {
    FRONT_DESK: {
        **_WORKFLOW,
        "incoming_letter": "INSERT, UPDATE",
        "requested_service": "INSERT, UPDATE, DELETE",
    },
    KABID_PELAYANAN: {
        **_WORKFLOW,
        "incoming_letter": "UPDATE",
        "disposition": f"INSERT ({_DISPOSITION_COLUMNS}), UPDATE ({_DISPOSITION_COLUMNS})",
    },
    KEPALA_DINAS: {
        **_WORKFLOW,
        **_INNOVATION,
        "assignment_letter": f"INSERT ({_ASSIGNMENT_COLUMNS}), UPDATE ({_ASSIGNMENT_COLUMNS})",
        "assignment_member": "INSERT",
        "preparation_check": "INSERT",
        "recap": "UPDATE",
    },
    KETUA_TIM: {**_WORKFLOW, **_TEAM, **_FIELD},
    ANGGOTA_TIM: {**_WORKFLOW, **_TEAM},
    KETUA_PELAKSANA_HARIAN: {**_WORKFLOW, **_RECAP},
    KABID_PEMANFAATAN: {**_WORKFLOW, **_RECAP, **_INNOVATION},
    KASI_INOVASI: {**_WORKFLOW, **_INNOVATION},
    PEJABAT_STRUKTURAL: {**_WORKFLOW, **_INNOVATION},
    PELAKSANA_TEKNIS: {**_WORKFLOW, **_INNOVATION},
    ADMINISTRATOR: {
        "app_user": "INSERT, UPDATE",
        "user_role": "INSERT, UPDATE, DELETE",
        "team": "INSERT, UPDATE",
        "team_member": "INSERT, UPDATE, DELETE",
        "office": "INSERT, UPDATE",
        "signer": "INSERT, UPDATE, DELETE",
        "numbering_pattern": "INSERT, UPDATE",
        "kabupaten": "INSERT, UPDATE",
        "kecamatan": "INSERT, UPDATE",
        "nagari": "INSERT, UPDATE",
        "jorong": "INSERT, UPDATE, DELETE",
        "service_category": "INSERT, UPDATE",
        "target_group": "INSERT, UPDATE",
        "service_outcome": "INSERT, UPDATE",
        "holiday": "INSERT, UPDATE, DELETE",
        "role": "INSERT, UPDATE",
    },
}


def _install_row_security(prefix: str, role_codes: list[str]) -> None:
    db.execute_sql("ALTER TABLE service_record ENABLE ROW LEVEL SECURITY")
    for policy in ("dd_records_all", "dd_records_own_team"):
        db.execute_sql(f"DROP POLICY IF EXISTS {policy} ON service_record")
    everyone = [group_role(prefix, c) for c in RECORDS_ALL if c in role_codes]
    if everyone:
        db.execute_sql(
            "CREATE POLICY dd_records_all ON service_record FOR ALL TO "
            + ", ".join(_ident(g) for g in everyone)
            + " USING (true) WITH CHECK (true)"
        )
    team = [group_role(prefix, c) for c in RECORDS_OWN_TEAM if c in role_codes]
    if team:
        db.execute_sql(
            "CREATE POLICY dd_records_own_team ON service_record FOR ALL TO "
            + ", ".join(_ident(g) for g in team)
            # The team's cases once per statement (a sub-select is an InitPlan), not a function
            # call per row: an import of 100,000 rows checks them against one array.
            + " USING (case_id = ANY ((SELECT dd_team_case_ids())::integer[]))"
            + " WITH CHECK (case_id = ANY ((SELECT dd_team_case_ids())::integer[]))"
        )
    _install_field_security(prefix, role_codes)


_TEAM_CASES = "case_id = ANY ((SELECT dd_team_case_ids())::integer[])"


def _install_field_security(prefix: str, role_codes: list[str]) -> None:
    """Field packages: every member of staff sees that a case is out (not personal data); only the
    case's team reads a package's key and the conflicts a merge left, and writes any of them."""
    team = [_ident(group_role(prefix, c)) for c in RECORDS_OWN_TEAM if c in role_codes]
    staff = _ident(staff_role(prefix))
    for table in ("field_package", "field_package_key", "field_conflict"):
        db.execute_sql(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
        for policy in ("dd_field_read", "dd_field_team"):
            db.execute_sql(f"DROP POLICY IF EXISTS {policy} ON {table}")
        if table == "field_package":
            db.execute_sql(f"CREATE POLICY dd_field_read ON {table} FOR SELECT TO {staff} USING (true)")
        if team:
            db.execute_sql(
                f"CREATE POLICY dd_field_team ON {table} FOR ALL TO {', '.join(team)} "
                f"USING ({_TEAM_CASES}) WITH CHECK ({_TEAM_CASES})"
            )


_ISSUE_ARGS = (
    "text, integer, text, text, text, integer, bytea, text, text, timestamp, integer, text, integer, text, "
    "integer"
)


def _install_case_scoping(prefix: str) -> None:
    """Documents, scans, reports and checklists: only for the roles (and the team) the SOP gives them."""
    staff = _ident(staff_role(prefix))
    db.execute_sql("ALTER TABLE issued_document ENABLE ROW LEVEL SECURITY")
    db.execute_sql("DROP POLICY IF EXISTS dd_documents_read ON issued_document")
    db.execute_sql(
        f"CREATE POLICY dd_documents_read ON issued_document FOR SELECT TO {staff} "
        "USING (dd_may_read_document(doc_type, case_id))"
    )
    for table in CASE_SCOPED_TABLES:
        db.execute_sql(f"ALTER TABLE {_ident(table)} ENABLE ROW LEVEL SECURITY")
        db.execute_sql(f"DROP POLICY IF EXISTS dd_case_scoped ON {_ident(table)}")
        db.execute_sql(
            f"CREATE POLICY dd_case_scoped ON {_ident(table)} FOR ALL TO {staff} "
            "USING (dd_may_read_case(case_id)) WITH CHECK (dd_may_read_case(case_id))"
        )
