"""Prove each control of docs/security.md by removing it: its test must then fail.

Not a test (pytest does not collect this file). Run from the repository root:

    .venv/bin/python tests/security/prove_controls.py            # every control
    .venv/bin/python tests/security/prove_controls.py C5 C12     # those whose name has C5 or C12

For each control it edits the source to remove the control (a plain text replacement),
runs the control's test, prints whether the test failed, and restores the file from a copy
(also on Ctrl+C). A line "STILL PASSES" means the test does not prove its control.
"""
# ruff: noqa: E501

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PG = "desktop/models/pg_security.py"
MIG = "desktop/models/migrations.py"
DOC = "desktop/services/documents/issue.py"
T = "tests/security/test_attacks.py"
CONTROLS = [
    (
        "C1 RLS on documents/scans/reports",
        PG,
        "        _install_case_scoping(prefix)\n",
        "",
        T + "::test_documents_scans_and_reports_are_read_only_by_their_roles_and_team",
    ),
    (
        "C1 service team check in get_document",
        "desktop/services/documents/archive.py",
        "    if row.case_id and not actor.has_role(*(set(roles) - set(TEAM_ROLES))):",
        "    if False:",
        T + "::test_the_service_checks_the_case_team_and_a_forged_session_is_refused_by_the_database",
    ),
    (
        "C2 case team guard",
        PG,
        '    ("sop_case", "dd_case_team_guard", "BEFORE INSERT OR UPDATE", "dd_case_team_guard()"),\n',
        "",
        T + "::test_no_login_moves_a_case_to_another_team",
    ),
    (
        "C3 case move guard",
        PG,
        '    ("sop_case", "dd_case_move_guard", "BEFORE INSERT OR UPDATE", "dd_case_move_guard()"),\n',
        "",
        T + "::test_no_login_moves_a_case_past_the_sop_or_writes_steps_in_anothers_name",
    ),
    (
        "C3 case step guard",
        PG,
        '    ("case_step", "dd_case_step_guard", "BEFORE INSERT", "dd_case_step_guard()"),  # no UPDATE grant\n',
        "",
        T + "::test_no_login_moves_a_case_past_the_sop_or_writes_steps_in_anothers_name",
    ),
    (
        "C9 actor stamping",
        PG,
        "    for table, columns in ACTOR_COLUMNS.items():",
        "    for table, columns in {}.items():  # type: ignore",
        T + "::test_actor_columns_name_the_login_that_wrote_them",
    ),
    (
        "C9 recap flow guard",
        PG,
        '    ("recap", "dd_recap_flow_guard", "BEFORE INSERT OR UPDATE", "dd_recap_flow_guard()"),\n',
        "",
        T + "::test_actor_columns_name_the_login_that_wrote_them",
    ),
    (
        "C4 issued_document only via function (grant + RLS)",
        "desktop/models/pg_grants.py",
        [
            (
                '    "case_step": "INSERT",\n    "attachment": "INSERT",\n}',
                '    "case_step": "INSERT",\n    "attachment": "INSERT",\n    "issued_document": "INSERT",\n}',
            ),
            (
                '"USING (dd_may_read_document(doc_type, case_id))"',
                '"USING (dd_may_read_document(doc_type, case_id))"); db.execute_sql(f"CREATE POLICY dd_x ON issued_document FOR INSERT TO {staff} WITH CHECK (true)"',
            ),
        ],
        None,
        T + "::test_issued_documents_are_written_only_through_the_function_that_stamps_the_issuer",
    ),
    (
        "C4 supersede check in dd_issue_document",
        "desktop/models/pg_sql_access.py",
        "        IF NOT FOUND OR v_previous.doc_type <> p_doc_type",
        "        IF false AND v_previous.doc_type <> p_doc_type",
        T + "::test_issued_documents_are_written_only_through_the_function_that_stamps_the_issuer",
    ),
    (
        "C4 issuer stamped (p_issuer ignored)",
        "desktop/models/pg_sql_access.py",
        "    v_user integer := dd_session_user_id();\n    v_previous",
        "    v_user integer := coalesce(p_issuer, dd_session_user_id());\n    v_previous",
        T + "::test_issued_documents_are_written_only_through_the_function_that_stamps_the_issuer",
    ),
    (
        "C8 signed rows immutable (migration 4)",
        MIG,
        '        db.execute_sql(_PG_SIGNED_GUARD.replace("%", "%%"))',
        "        pass",
        T + "::test_signed_dispositions_and_surat_tugas_are_immutable",
    ),
    (
        "C7 number_sequence only via function",
        "desktop/models/pg_grants.py",
        '    "case_step": "INSERT",\n    "attachment": "INSERT",\n}',
        '    "case_step": "INSERT",\n    "attachment": "INSERT",\n    "number_sequence": "INSERT, UPDATE, DELETE",\n}',
        T + "::test_number_sequences_are_taken_only_through_the_numbering_function",
    ),
    (
        "C5 lock ends the login role's server password",
        "desktop/models/pg_sql_logins.py",
        "        PERFORM dd_lock_login(v.username);\n",
        "",
        T + "::test_a_locked_account_cannot_log_in_with_any_client_and_staff_cannot_lock_others",
    ),
    (
        "C5 the gate refuses while locked, the right password included",
        "desktop/models/pg_sql_logins.py",
        "    IF v.locked_until IS NOT NULL AND v.locked_until > localtimestamp THEN\n        INSERT INTO audit_log (at, user_id, username, action, entity, entity_id, detail, workstation)\n        VALUES (localtimestamp(0), NULL, '', 'login_ditolak_terkunci'",
        "    IF false THEN\n        INSERT INTO audit_log (at, user_id, username, action, entity, entity_id, detail, workstation)\n        VALUES (localtimestamp(0), NULL, '', 'login_ditolak_terkunci'",
        T + "::test_a_locked_account_cannot_log_in_with_any_client_and_staff_cannot_lock_others",
    ),
    (
        "C5 the login role's password is a random secret, not derived from the user's",
        "desktop/models/pg_sql_logins.py",
        "    v_secret := translate(encode(gen_random_bytes(30), 'base64'), '+/', '-_');",
        "    v_secret := p_key;",
        T + "::test_guessing_a_password_at_postgresql_is_pointless_and_at_the_gate_counted_and_locked",
    ),
    (
        "C5 the gate counts a wrong password",
        "desktop/models/pg_sql_logins.py",
        "    IF v_hash IS NULL OR p_key IS NULL OR crypt(p_key, v_hash) IS DISTINCT FROM v_hash THEN\n        RETURN dd_login_failed(v.username);\n    END IF;\n    IF NOT v.is_active THEN\n        INSERT",
        "    IF v_hash IS NULL OR p_key IS NULL OR crypt(p_key, v_hash) IS DISTINCT FROM v_hash THEN\n        RETURN 'gagal 0';\n    END IF;\n    IF NOT v.is_active THEN\n        INSERT",
        T + "::test_guessing_a_password_at_postgresql_is_pointless_and_at_the_gate_counted_and_locked",
    ),
    (
        "C6 masking roles have no privilege on the full NIK and KK",
        PG,
        '                columns = "" if code in RECORDS_OWN_TEAM else f" ({masked})"',
        '                columns = ""',
        "tests/db/test_pg_roles.py::test_the_roles_that_see_niks_masked_cannot_read_a_full_nik_with_their_own_login",
    ),
    (
        "C6 the chain of command's Laporan edition masks NIKs",
        "desktop/services/documents/gather_sijarla.py",
        "    nik = NIK_MASKED if masked else ServiceRecord.nik\n",
        "    nik = ServiceRecord.nik\n",
        "tests/printing/test_documents_archive.py::test_every_document_type_issues_on_the_office_paper",
    ),
    (
        "C10 unique role prefix",
        "desktop/models/pg_roles.py",
        '    return f"{cleaned}_{digest}_"',
        '    return re.sub(r"[^a-z0-9_]", "_", database_name.lower())[:20] + "_"',
        "tests/security/test_role_names.py::test_two_databases_sharing_45_characters_share_no_login",
    ),
    (
        "C11 every written table audited",
        "desktop/models/pg_roles.py",
        '    return [t for (t,) in rows if t not in _UNAUDITED and not t.startswith("dd_")]',
        "    return [t for (t,) in rows if t in ('sop_case', 'service_record', 'app_user')]",
        T + "::test_every_written_table_is_audited_and_audit_lines_are_stamped_by_the_server",
    ),
    (
        "C12 search_path ends with pg_temp",
        "desktop/models/pg_sql_access.py",
        "CREATE OR REPLACE FUNCTION dd_take_number(p_pattern integer, p_year integer) RETURNS integer\nLANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS",
        "CREATE OR REPLACE FUNCTION dd_take_number(p_pattern integer, p_year integer) RETURNS integer\nLANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS",
        T + "::test_every_definer_function_pins_search_path_with_pg_temp_last",
    ),
    (
        "C8 signature time and digest checked",
        "desktop/models/pg_sql_access.py",
        "BEGIN\n    IF p_digest IS NULL OR p_digest !~ '^[0-9a-f]{64}$' THEN",
        "BEGIN\n    RETURN;\n    IF p_digest IS NULL OR p_digest !~ '^[0-9a-f]{64}$' THEN",
        T + "::test_a_signature_with_a_junk_digest_or_a_time_outside_its_case_is_refused",
    ),
    (
        "C14 SQLite files private",
        "desktop/models/connection.py",
        '    if os.name != "posix" or path.exists():\n        return',
        "    return",
        "tests/security/test_sqlite_files.py",
    ),
    (
        "C12 functions owned by <prefix>pemilik",
        PG,
        "        _install_definer(prefix, role_codes, tables)\n",
        "",
        T + "::test_every_function_is_owned_by_a_role_that_is_neither_superuser_nor_login",
    ),
    (
        "C13 signature password counted",
        "desktop/services/security/auth.py",
        '            failed = _fail(\n                User.get_by_id(actor.user_id), now(), "konfirmasi_sandi_gagal", "Kata sandi salah."\n            )',
        '            failed = AuthenticationFailed("Kata sandi salah.")',
        "tests/security/test_signature_password.py",
    ),
    (
        "C13 signature password counted by the server (dd_confirm_password)",
        "desktop/models/pg_sql_logins.py",
        "        RETURN dd_login_failed(v.username);\n    END IF;\n    UPDATE app_user SET failed_logins = 0",
        "        RETURN 'gagal 0';\n    END IF;\n    UPDATE app_user SET failed_logins = 0",
        "tests/security/test_signature_password.py::test_signature_password_guesses_lock_the_account_on_a_secured_database",
    ),
    (
        "C15 own-role trigger on user_role",
        PG,
        '    ("user_role", "dd_own_role_guard", "BEFORE INSERT OR UPDATE", "dd_own_role_guard()"),\n',
        "",
        T + "::test_no_login_gives_itself_a_signing_function",
    ),
    (
        "C15 own groups in dd_set_login_groups",
        "desktop/models/pg_sql_logins.py",
        "    IF v_login = session_user::text THEN",
        "    IF false THEN",
        T + "::test_no_login_gives_itself_a_signing_function",
    ),
    (
        "C15 service check in admin.set_roles",
        "desktop/services/office/admin.py",
        "        if user.id == actor.user_id and set(wanted) - before:",
        "        if False:",
        T + "::test_no_login_gives_itself_a_signing_function",
    ),
    (
        "C16 version guard",
        PG,
        "    for (table,) in versioned:  # optimistic locking",
        "    for (table,) in []:  # optimistic locking",
        T + "::test_no_login_changes_a_versioned_row_without_raising_its_version",
    ),
    (
        "P1 dd_issue_document (whole office day)",
        DOC,
        "    if pg_security.state() is not None:\n        # Secured PostgreSQL: only the server's function writes issued_document;",
        "    if False:\n        # Secured PostgreSQL: only the server's function writes issued_document;",
        "tests/security/test_office_day.py::test_sijarla_day_with_every_document_on_own_logins",
    ),
]


def main(only: list[str]) -> int:
    os.chdir(ROOT)
    unproven = 0
    for name, path, old, new, test in CONTROLS:
        if only and not any(o in name for o in only):
            continue
        backup = os.path.join(tempfile.mkdtemp(prefix="prove-"), os.path.basename(path))
        shutil.copyfile(path, backup)
        try:
            with open(path, encoding="utf-8") as f:
                text = f.read()
            pairs = old if isinstance(old, list) else [(old, new)]
            for o, n in pairs:
                assert text.count(o) == 1, (name, "the text to remove is not found once", text.count(o))
                text = text.replace(o, n)
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
            r = subprocess.run(
                [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-x", test],
                capture_output=True,
                text=True,
                env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
                check=False,
            )
            last = r.stdout.strip().splitlines()[-1] if r.stdout.strip() else r.stderr[-200:]
            err = next((line for line in r.stdout.splitlines() if line.startswith("E  ")), "")
            verdict = "FAILS without control" if r.returncode else "STILL PASSES"
            unproven += 0 if r.returncode else 1
            print(f"{name}: {verdict} | {last} | {err[:160]}", flush=True)
        finally:
            shutil.copyfile(backup, path)
    return unproven


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
