"""SQL of a secured database, part 3: staff logins through the gate, and the audit stamps."""

LOGIN_FUNCTIONS = r"""
-- A lock ends the login role's server password for every client (psql included): the next
-- session needs a new one from the gate, which refuses while the lock lasts.
CREATE OR REPLACE FUNCTION dd_lock_login(p_username text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    v_login text := dd_prefix() || 'u_' || dd_check_username(p_username);
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = v_login) THEN
        EXECUTE format('ALTER ROLE %I PASSWORD NULL VALID UNTIL %L', v_login, '-infinity');
    END IF;
END
$$;

-- The login gate: the account's login key (a PBKDF2 of the password made by the client, so the
-- plain password never reaches the server) checked against the server's bcrypt hash in
-- dd_password; every failure counted (the fifth locks for 15 minutes); on success a new random
-- server password for the user's login role, valid for 12 hours, is the answer: 'ok <secret>'.
-- Otherwise 'gagal <n>' (0: no such account), 'terkunci <until>' or 'nonaktif'. Guessing at the
-- login role itself is pointless: its password is that secret, which nobody chose or typed.
CREATE OR REPLACE FUNCTION dd_login(p_username text, p_key text) RETURNS text
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    v app_user%ROWTYPE;
    v_hash text;
    v_secret text;
BEGIN
    IF session_user::text <> dd_prefix() || 'gerbang' AND NOT dd_is_owner() THEN
        RAISE EXCEPTION 'hanya gerbang login yang membuka sesi pengguna'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    SELECT * INTO v FROM app_user WHERE username = lower(left(p_username, 60)) FOR UPDATE;
    IF NOT FOUND THEN
        RETURN dd_login_failed(p_username);
    END IF;
    IF v.locked_until IS NOT NULL AND v.locked_until > localtimestamp THEN
        INSERT INTO audit_log (at, user_id, username, action, entity, entity_id, detail, workstation)
        VALUES (localtimestamp(0), NULL, '', 'login_ditolak_terkunci', 'user', v.id,
                json_build_object('username', v.username)::text, '');
        RETURN 'terkunci ' || to_char(v.locked_until, 'YYYY-MM-DD"T"HH24:MI:SS');
    END IF;
    SELECT hash INTO v_hash FROM dd_password WHERE user_id = v.id;
    IF v_hash IS NULL OR p_key IS NULL OR crypt(p_key, v_hash) IS DISTINCT FROM v_hash THEN
        RETURN dd_login_failed(v.username);
    END IF;
    IF NOT v.is_active THEN
        INSERT INTO audit_log (at, user_id, username, action, entity, entity_id, detail, workstation)
        VALUES (localtimestamp(0), NULL, '', 'login_ditolak_nonaktif', 'user', v.id,
                json_build_object('username', v.username)::text, '');
        RETURN 'nonaktif';
    END IF;
    v_secret := translate(encode(gen_random_bytes(30), 'base64'), '+/', '-_');
    EXECUTE format('ALTER ROLE %I PASSWORD %L VALID UNTIL %L', dd_prefix() || 'u_' || v.username,
                   v_secret, (now() + interval '12 hours')::text);
    UPDATE app_user SET failed_logins = 0, locked_until = NULL, last_login_at = localtimestamp(0)
     WHERE id = v.id;
    RETURN 'ok ' || v_secret;
END
$$;

-- The password asked again (a signature, the idle lock), on the user's own login: checked
-- against the same hash, a failure counted like a failed login. 'ok', 'gagal <n>',
-- 'terkunci <until>' or 'nonaktif'.
CREATE OR REPLACE FUNCTION dd_confirm_password(p_key text) RETURNS text
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    v app_user%ROWTYPE;
    v_hash text;
BEGIN
    SELECT * INTO v FROM app_user WHERE id = dd_session_user_id() FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'hanya login pengguna Dinas Desk yang mengonfirmasi kata sandinya'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF v.locked_until IS NOT NULL AND v.locked_until > localtimestamp THEN
        RETURN 'terkunci ' || to_char(v.locked_until, 'YYYY-MM-DD"T"HH24:MI:SS');
    END IF;
    IF NOT v.is_active THEN
        RETURN 'nonaktif';
    END IF;
    SELECT hash INTO v_hash FROM dd_password WHERE user_id = v.id;
    IF v_hash IS NULL OR p_key IS NULL OR crypt(p_key, v_hash) IS DISTINCT FROM v_hash THEN
        RETURN dd_login_failed(v.username);
    END IF;
    UPDATE app_user SET failed_logins = 0 WHERE id = v.id AND failed_logins <> 0;
    RETURN 'ok';
END
$$;

-- A failed login (the gate) or signature password (the user's own login, for itself only):
-- count it; the fifth in a row locks the account for 15 minutes ('dikunci <until>'). Never lifts
-- a lock. Called only by dd_login and dd_confirm_password: no client role may call it.
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
        PERFORM dd_lock_login(v.username);
        INSERT INTO audit_log (at, user_id, username, action, entity, entity_id, detail, workstation)
        VALUES (localtimestamp(0), NULL, '', 'akun_dikunci', 'user', v.id,
                json_build_object('sampai', v_until)::text, '');
        RETURN 'dikunci ' || to_char(v_until, 'YYYY-MM-DD"T"HH24:MI:SS');
    END IF;
    RETURN 'gagal ' || v_failures;
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

-- A login role for an account (its server password stays empty until the gate hands one out),
-- and the hash of its login key when one is given. Run again (`db secure`), an existing role
-- loses any server password it had, so every session starts at the gate again.
CREATE OR REPLACE FUNCTION dd_create_login(p_username text, p_key text, p_codes text[]) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    v_login text := dd_prefix() || 'u_' || dd_check_username(p_username);
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = v_login) THEN
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = v_login
                   AND (rolsuper OR rolcreatedb OR rolcreaterole OR rolbypassrls OR rolreplication)) THEN
            RAISE EXCEPTION 'peran % sudah ada dengan hak khusus; tidak dipakai sebagai login', v_login
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        EXECUTE format('ALTER ROLE %I LOGIN PASSWORD NULL', v_login);
    ELSE
        EXECUTE format('CREATE ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD NULL', v_login);
    END IF;
    IF p_key IS NOT NULL THEN
        PERFORM dd_set_login_password(p_username, p_key);
    END IF;
    PERFORM dd_set_login_groups(p_username, p_codes);
END
$$;

-- A new password (as its login key): hashed here with bcrypt. Someone else's reset also ends the
-- server password the gate handed out, so a session opened with the old password cannot
-- reconnect.
CREATE OR REPLACE FUNCTION dd_set_login_password(p_username text, p_key text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    v_login text := dd_prefix() || 'u_' || dd_check_username(p_username);
    v_id integer := (SELECT id FROM app_user WHERE username = p_username);
BEGIN
    IF p_key IS NULL OR p_key !~ '^[A-Za-z0-9_-]{40,100}$' THEN
        RAISE EXCEPTION 'kata sandi harus dikirim sebagai kunci login, bukan teks biasa'
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF v_id IS NULL THEN
        RAISE EXCEPTION 'akun tidak dikenal: %', p_username USING ERRCODE = 'invalid_parameter_value';
    END IF;
    INSERT INTO dd_password (user_id, hash, set_at)
    VALUES (v_id, crypt(p_key, gen_salt('bf', 10)), localtimestamp(0))
    ON CONFLICT (user_id) DO UPDATE SET hash = EXCLUDED.hash, set_at = EXCLUDED.set_at;
    IF v_login <> session_user::text THEN
        EXECUTE format('ALTER ROLE %I PASSWORD NULL', v_login);
    END IF;
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

-- A field package's offline logins (issue 17): the bcrypt hashes of the login keys of the team of
-- a case, for its team leader only, who writes them into the package (sealed) so each member logs
-- in on the laptop with their own password. Nobody else's, and nobody but the case's leader.
CREATE OR REPLACE FUNCTION dd_field_logins(p_case integer) RETURNS TABLE (user_id integer, hash text)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
    IF NOT EXISTS (
        SELECT 1 FROM sop_case c JOIN team_member m ON m.team_id = c.team_id
        WHERE c.id = p_case AND m.user_id = dd_session_user_id() AND m.is_leader
    ) THEN
        RAISE EXCEPTION 'hanya ketua tim kasus ini yang dapat membawa kasus ke lapangan'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN QUERY
        SELECT p.user_id, p.hash FROM dd_password p
        JOIN team_member m ON m.user_id = p.user_id
        JOIN sop_case c ON c.team_id = m.team_id
        WHERE c.id = p_case;
END
$$;
"""
