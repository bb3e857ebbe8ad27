"""SQL of a secured database, part 3: staff logins through the gate, and the audit stamps."""

LOGIN_FUNCTIONS = r"""
CREATE OR REPLACE FUNCTION dd_set_login_locked(p_username text, p_locked boolean) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    v_login text := dd_prefix() || 'u_' || dd_check_username(p_username);
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = v_login) THEN
        EXECUTE format('ALTER ROLE %I VALID UNTIL %L', v_login,
                       CASE WHEN p_locked THEN '-infinity' ELSE 'infinity' END);
    END IF;
END
$$;

-- Login gate: may this account try to log in now? 'ok', 'nonaktif', 'tidak_dikenal' or
-- 'terkunci <timestamp>'. A lock that has ended is lifted here; a running one never.
CREATE OR REPLACE FUNCTION dd_login_check(p_username text) RETURNS text
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    v app_user%ROWTYPE;
BEGIN
    SELECT * INTO v FROM app_user WHERE username = lower(p_username) FOR UPDATE;
    IF NOT FOUND THEN
        RETURN 'tidak_dikenal';
    END IF;
    IF v.locked_until IS NOT NULL AND v.locked_until > localtimestamp THEN
        INSERT INTO audit_log (at, user_id, username, action, entity, entity_id, detail, workstation)
        VALUES (localtimestamp(0), NULL, '', 'login_ditolak_terkunci', 'user', v.id,
                json_build_object('username', v.username)::text, '');
        RETURN 'terkunci ' || to_char(v.locked_until, 'YYYY-MM-DD"T"HH24:MI:SS');
    END IF;
    IF v.locked_until IS NOT NULL THEN
        UPDATE app_user SET locked_until = NULL, failed_logins = 0 WHERE id = v.id;
    END IF;
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = dd_prefix() || 'u_' || v.username
                                        AND rolvaliduntil = '-infinity') THEN
        PERFORM dd_set_login_locked(v.username, false);  -- the lock ended (or the admin lifted it)
    END IF;
    IF NOT v.is_active THEN
        RETURN 'nonaktif';
    END IF;
    RETURN 'ok';
END
$$;

-- A failed login (the gate) or signature password (the user's own login, for itself only):
-- count it; the fifth in a row locks the account for 15 minutes. Never lifts a lock.
CREATE OR REPLACE FUNCTION dd_login_failed(p_username text) RETURNS text
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    v app_user%ROWTYPE;
    v_failures integer;
    v_until timestamp;
    v_caller integer := dd_session_user_id();
BEGIN
    IF session_user::text <> dd_prefix() || 'gerbang' AND NOT dd_is_owner()
       AND (v_caller IS NULL OR v_caller IS DISTINCT FROM
            (SELECT id FROM app_user WHERE username = lower(p_username))) THEN
        RAISE EXCEPTION 'hanya gerbang login atau pengguna itu sendiri yang mencatat kegagalan login'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    SELECT * INTO v FROM app_user WHERE username = lower(p_username) FOR UPDATE;
    IF NOT FOUND THEN
        INSERT INTO audit_log (at, user_id, username, action, entity, entity_id, detail, workstation)
        VALUES (localtimestamp(0), NULL, '', 'login_gagal', 'user', NULL,
                json_build_object('username', left(p_username, 40), 'reason', 'tidak_dikenal')::text, '');
        RETURN 'gagal 0';
    END IF;
    IF v.locked_until IS NOT NULL AND v.locked_until > localtimestamp THEN
        INSERT INTO audit_log (at, user_id, username, action, entity, entity_id, detail, workstation)
        VALUES (localtimestamp(0), NULL, '', 'login_gagal', 'user', v.id,
                json_build_object('username', v.username, 'terkunci', true)::text, '');
        RETURN 'terkunci ' || to_char(v.locked_until, 'YYYY-MM-DD"T"HH24:MI:SS');
    END IF;
    v_failures := v.failed_logins + 1;
    IF v_failures >= 5 THEN
        v_until := localtimestamp(0) + interval '15 minutes';
    END IF;
    UPDATE app_user SET failed_logins = CASE WHEN v_until IS NULL THEN v_failures ELSE 0 END,
                        locked_until = v_until
     WHERE id = v.id;
    INSERT INTO audit_log (at, user_id, username, action, entity, entity_id, detail, workstation)
    VALUES (localtimestamp(0), NULL, '', 'login_gagal', 'user', v.id,
            json_build_object('username', v.username, 'percobaan', v_failures)::text, '');
    IF v_until IS NOT NULL THEN
        PERFORM dd_set_login_locked(v.username, true);
        INSERT INTO audit_log (at, user_id, username, action, entity, entity_id, detail, workstation)
        VALUES (localtimestamp(0), NULL, '', 'akun_dikunci', 'user', v.id,
                json_build_object('sampai', v_until)::text, '');
        RETURN 'terkunci ' || to_char(v_until, 'YYYY-MM-DD"T"HH24:MI:SS');
    END IF;
    RETURN 'gagal ' || v_failures;
END
$$;

-- A successful login, from the user's own connection.
CREATE OR REPLACE FUNCTION dd_login_succeeded() RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
    UPDATE app_user SET failed_logins = 0, locked_until = NULL, last_login_at = localtimestamp(0)
     WHERE id = dd_session_user_id();
END
$$;

-- Administration of login roles: only for Dinas Desk usernames, only into Dinas Desk groups.
CREATE OR REPLACE FUNCTION dd_check_username(p_username text) RETURNS text
LANGUAGE plpgsql IMMUTABLE SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
    IF p_username !~ '^[a-z][a-z0-9_.]{1,39}$' THEN
        RAISE EXCEPTION 'nama pengguna tidak sah untuk peran PostgreSQL: %', p_username
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    RETURN p_username;
END
$$;

CREATE OR REPLACE FUNCTION dd_set_login_groups(p_username text, p_codes text[]) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    v_login text := dd_prefix() || 'u_' || dd_check_username(p_username);
    v_group text;
    v_code text;
BEGIN
    FOR v_group IN
        SELECT g.rolname FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid
        JOIN pg_roles u ON u.oid = m.member
        WHERE u.rolname = v_login AND g.rolname LIKE dd_prefix() || 'g\_%'
    LOOP
        EXECUTE format('REVOKE %I FROM %I', v_group, v_login);
    END LOOP;
    IF v_login = session_user::text THEN
        -- Separation of duties: nobody gives their own login a function it does not hold.
        FOREACH v_code IN ARRAY p_codes LOOP
            IF NOT pg_has_role(v_login, dd_prefix() || 'g_' || v_code, 'MEMBER') THEN
                RAISE EXCEPTION 'peran baru untuk akun sendiri ditolak: %', v_code
                    USING ERRCODE = 'insufficient_privilege';
            END IF;
        END LOOP;
    END IF;
    FOREACH v_code IN ARRAY p_codes LOOP
        IF NOT EXISTS (SELECT 1 FROM role WHERE code = v_code) THEN
            RAISE EXCEPTION 'peran tidak dikenal: %', v_code USING ERRCODE = 'invalid_parameter_value';
        END IF;
        EXECUTE format('GRANT %I TO %I', dd_prefix() || 'g_' || v_code, v_login);
    END LOOP;
    EXECUTE format('GRANT %I TO %I', dd_prefix() || 'staff', v_login);
END
$$;

CREATE OR REPLACE FUNCTION dd_create_login(p_username text, p_verifier text, p_codes text[]) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    v_login text := dd_prefix() || 'u_' || dd_check_username(p_username);
BEGIN
    IF p_verifier !~ '^SCRAM-SHA-256\$' THEN
        RAISE EXCEPTION 'kata sandi harus dikirim sebagai verifier SCRAM'
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = v_login) THEN
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = v_login
                   AND (rolsuper OR rolcreatedb OR rolcreaterole OR rolbypassrls OR rolreplication)) THEN
            RAISE EXCEPTION 'peran % sudah ada dengan hak khusus; tidak dipakai sebagai login', v_login
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        EXECUTE format('ALTER ROLE %I LOGIN PASSWORD %L',
                       v_login, p_verifier);
    ELSE
        EXECUTE format('CREATE ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD %L',
                       v_login, p_verifier);
    END IF;
    PERFORM dd_set_login_groups(p_username, p_codes);
END
$$;

CREATE OR REPLACE FUNCTION dd_set_login_password(p_username text, p_verifier text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
    IF p_verifier !~ '^SCRAM-SHA-256\$' THEN
        RAISE EXCEPTION 'kata sandi harus dikirim sebagai verifier SCRAM'
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    EXECUTE format('ALTER ROLE %I PASSWORD %L', dd_prefix() || 'u_' || dd_check_username(p_username),
                   p_verifier);
END
$$;

CREATE OR REPLACE FUNCTION dd_set_login_enabled(p_username text, p_enabled boolean) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
    EXECUTE format('ALTER ROLE %I %s', dd_prefix() || 'u_' || dd_check_username(p_username),
                   CASE WHEN p_enabled THEN 'LOGIN' ELSE 'NOLOGIN' END);
END
$$;

-- Every audit line carries the PostgreSQL login that wrote it and the server's time: a
-- client cannot write a line in someone else's name.
CREATE OR REPLACE FUNCTION dd_audit_stamp() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    v_user integer := dd_session_user_id();
BEGIN
    IF v_user IS NOT NULL THEN
        NEW.user_id := v_user;
        NEW.username := (SELECT username FROM app_user WHERE id = v_user);
    ELSIF NEW.username = '' OR NEW.username IS NULL THEN
        NEW.username := left('pg:' || session_user::text, 40);
    END IF;
    NEW.at := localtimestamp(0);
    RETURN NEW;
END
$$;

-- One audit line per statement that changed an audited table.
CREATE OR REPLACE FUNCTION dd_audit_changes() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    v_count bigint;
    v_first bigint;
    v_ids text;
BEGIN
    SELECT count(*), min(id), string_agg(id::text, ',') INTO v_count, v_first, v_ids
      FROM (SELECT id FROM changed_rows ORDER BY id LIMIT 50) s;
    IF v_count = 0 THEN
        RETURN NULL;
    END IF;
    SELECT count(*) INTO v_count FROM changed_rows;
    INSERT INTO audit_log (at, user_id, username, action, entity, entity_id, detail, workstation)
    VALUES (localtimestamp(0), NULL, '',
            CASE TG_OP WHEN 'INSERT' THEN 'db_tambah' WHEN 'UPDATE' THEN 'db_ubah' ELSE 'db_hapus' END,
            TG_TABLE_NAME, CASE WHEN v_count = 1 THEN v_first END,
            json_build_object('baris', v_count, 'id', v_ids)::text,
            left(coalesce(current_setting('application_name', true), ''), 120));
    RETURN NULL;
END
$$;
"""
