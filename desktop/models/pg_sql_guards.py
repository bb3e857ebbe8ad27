"""SQL of a secured database, part 2: the trigger guards on cases, steps, recaps, versions and roles."""

GUARD_FUNCTIONS = r"""
CREATE OR REPLACE FUNCTION dd_case_team_guard() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
    IF (TG_OP = 'INSERT' AND NEW.team_id IS NULL)
       OR (TG_OP = 'UPDATE' AND NEW.team_id IS NOT DISTINCT FROM OLD.team_id)
       OR dd_session_user_id() IS NULL THEN
        RETURN NEW;
    END IF;
    IF TG_OP = 'INSERT' OR NOT EXISTS (
        SELECT 1 FROM disposition d
         WHERE d.case_id = NEW.id AND d.signed_at IS NOT NULL AND d.team_id = NEW.team_id
           AND d.id = (SELECT max(x.id) FROM disposition x
                        WHERE x.case_id = NEW.id AND x.signed_at IS NOT NULL)
    ) THEN
        RAISE EXCEPTION 'tim sebuah kasus hanya ditetapkan oleh disposisi yang ditandatangani'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END
$$;

-- Actor columns (TG_ARGV) carry the logged-in user, whatever the client wrote. The owner's
-- connection (setup, command line) is left as it is.
CREATE OR REPLACE FUNCTION dd_stamp_actors() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    v_user integer := dd_session_user_id();
    v_new jsonb;
    v_old jsonb;
    v_column text;
    v_set jsonb := '{}';
BEGIN
    IF v_user IS NULL THEN
        RETURN NEW;
    END IF;
    v_new := to_jsonb(NEW);
    v_old := CASE WHEN TG_OP = 'UPDATE' THEN to_jsonb(OLD) ELSE '{}'::jsonb END;
    FOREACH v_column IN ARRAY TG_ARGV LOOP
        IF v_new->v_column <> 'null'::jsonb AND (v_new->v_column) IS DISTINCT FROM (v_old->v_column) THEN
            v_set := v_set || jsonb_build_object(v_column, v_user);
        END IF;
    END LOOP;
    IF v_set <> '{}'::jsonb THEN
        NEW := jsonb_populate_record(NEW, v_set);
    END IF;
    RETURN NEW;
END
$$;

-- Whether the logged-in user may take a case of this SOP from a step to a target (a step,
-- or '__selesai__' / '__ditolak__'), with an action (NULL: any): a transition of the SOP
-- file, for one of the roles that take it (team roles only on their own team's case).
CREATE OR REPLACE FUNCTION dd_may_move(p_sop integer, p_case integer, p_from text, p_action text, p_to text)
RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT dd_acts_as(ARRAY(SELECT role_code FROM dd_sop_move
                            WHERE sop_id = p_sop AND from_step = p_from AND to_step = p_to
                              AND (p_action IS NULL OR action = p_action)), p_case)
$$;

CREATE OR REPLACE FUNCTION dd_case_target(p_status text, p_step text) RETURNS text
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT CASE p_status WHEN 'berjalan' THEN p_step WHEN 'selesai' THEN '__selesai__'
                         WHEN 'ditolak' THEN '__ditolak__' END
$$;

-- A case starts where its SOP starts for its origin, by a role that may start it, and moves
-- only along the SOP's transitions for the caller's roles; its SOP and origin never change.
CREATE OR REPLACE FUNCTION dd_case_move_guard() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
    IF dd_session_user_id() IS NULL THEN
        RETURN NEW;
    END IF;
    IF TG_OP = 'INSERT' THEN
        IF NEW.status <> 'berjalan' OR NEW.closed_at IS NOT NULL OR NOT dd_acts_as(
            ARRAY(SELECT role_code FROM dd_sop_start
                  WHERE sop_id = NEW.sop_id AND origin = NEW.origin
                    AND step_code = NEW.current_step), NULL) THEN
            RAISE EXCEPTION 'kasus hanya dibuka pada langkah awal SOP oleh peran yang memulainya'
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
    END IF;
    IF NEW.sop_id <> OLD.sop_id OR NEW.origin <> OLD.origin OR NEW.reference <> OLD.reference THEN
        RAISE EXCEPTION 'SOP, asal dan nomor kasus tidak dapat diubah'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF NEW.current_step IS NOT DISTINCT FROM OLD.current_step AND NEW.status IS NOT DISTINCT FROM OLD.status
       AND NEW.closed_at IS NOT DISTINCT FROM OLD.closed_at THEN
        RETURN NEW;
    END IF;
    IF OLD.status <> 'berjalan' OR dd_case_target(NEW.status, NEW.current_step) IS NULL
       OR (NEW.status <> 'berjalan' AND NEW.current_step <> OLD.current_step)
       OR NOT dd_may_move(OLD.sop_id, OLD.id, OLD.current_step, NULL,
                          dd_case_target(NEW.status, NEW.current_step)) THEN
        RAISE EXCEPTION 'langkah % tidak dapat dipindahkan ke % oleh peran Anda menurut SOP',
            OLD.current_step, dd_case_target(NEW.status, NEW.current_step)
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END
$$;

-- A step record is the move just made on its case, by the logged-in user: an SOP transition
-- for the caller's roles, and the case row was moved by this very transaction to its target.
CREATE OR REPLACE FUNCTION dd_case_step_guard() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    v_case sop_case%ROWTYPE;
    v_target text;
BEGIN
    IF dd_session_user_id() IS NULL THEN
        RETURN NEW;
    END IF;
    SELECT * INTO v_case FROM sop_case WHERE id = NEW.case_id;
    v_target := coalesce(NEW.next_step, dd_case_target(v_case.status, v_case.current_step));
    IF NOT FOUND OR v_target IS DISTINCT FROM dd_case_target(v_case.status, v_case.current_step)
       OR v_case.xmin <> pg_current_xact_id()::xid
       OR NOT dd_may_move(v_case.sop_id, v_case.id, NEW.step_code, NEW.action, v_target) THEN
        RAISE EXCEPTION 'langkah % (%) bukan perpindahan kasus yang baru Anda lakukan menurut SOP',
            NEW.step_code, NEW.action USING ERRCODE = 'insufficient_privilege';
    END IF;
    NEW.actor_id := dd_session_user_id();
    RETURN NEW;
END
$$;

-- A recap goes draf -> diteruskan -> diajukan -> diterima, each by its role (recap._FLOW).
CREATE OR REPLACE FUNCTION dd_recap_flow_guard() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
    IF dd_session_user_id() IS NULL THEN
        RETURN NEW;
    END IF;
    IF TG_OP = 'INSERT' THEN
        IF NEW.status <> 'draf' OR NEW.forwarded_by_id IS NOT NULL OR NEW.submitted_by_id IS NOT NULL
           OR NEW.acknowledged_by_id IS NOT NULL THEN
            RAISE EXCEPTION 'rekapitulasi baru selalu berstatus draf'
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
    END IF;
    IF NEW.status IS DISTINCT FROM OLD.status THEN
        IF NOT dd_acts_as(ARRAY(SELECT role_code FROM dd_recap_flow
                                WHERE from_status = OLD.status AND to_status = NEW.status), NULL) THEN
            RAISE EXCEPTION 'rekapitulasi tidak dapat berpindah dari % ke % oleh peran Anda',
                OLD.status, NEW.status
                USING ERRCODE = 'insufficient_privilege';
        END IF;
    ELSIF NEW.forwarded_by_id IS DISTINCT FROM OLD.forwarded_by_id
       OR NEW.submitted_by_id IS DISTINCT FROM OLD.submitted_by_id
       OR NEW.acknowledged_by_id IS DISTINCT FROM OLD.acknowledged_by_id THEN
        RAISE EXCEPTION 'penerus, pengaju dan penerima rekapitulasi hanya tercatat saat statusnya berpindah'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END
$$;

-- Optimistic locking for every client: a change to a versioned row raises its version by one
-- (a client that skips the check cannot overwrite another's change unnoticed). Links to an
-- issued document, a case's team (set by the signing Kabid, see dd_case_team_guard) and an
-- account's login bookkeeping are not edits of the row.
CREATE OR REPLACE FUNCTION dd_version_guard() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    v_skip text[] := ARRAY['version', 'updated_at', 'document_id', 'team_id', 'failed_logins',
                           'locked_until', 'last_login_at'];
BEGIN
    IF (to_jsonb(NEW) - v_skip) IS DISTINCT FROM (to_jsonb(OLD) - v_skip)
       AND NEW.version IS DISTINCT FROM OLD.version + 1
       AND dd_session_user_id() IS NOT NULL THEN
        RAISE EXCEPTION 'perubahan % % tanpa menaikkan versinya ditolak (versi %)', TG_TABLE_NAME, OLD.id,
            OLD.version USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END
$$;

-- Separation of duties: no login adds an office function to its own account (the app's table).
CREATE OR REPLACE FUNCTION dd_own_role_guard() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
    IF dd_session_user_id() IS NOT NULL AND NEW.user_id = dd_session_user_id() THEN
        RAISE EXCEPTION 'peran baru untuk akun sendiri ditolak' USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END
$$;

-- Each participant approves a meeting's draft for themselves only.
CREATE OR REPLACE FUNCTION dd_participant_guard() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
    IF dd_session_user_id() IS NOT NULL AND OLD.user_id <> dd_session_user_id()
       AND (NEW.approved IS DISTINCT FROM OLD.approved OR NEW.approved_at IS DISTINCT FROM OLD.approved_at
            OR NEW.comment IS DISTINCT FROM OLD.comment OR NEW.user_id <> OLD.user_id) THEN
        RAISE EXCEPTION 'persetujuan rapat hanya oleh peserta itu sendiri'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END
$$;

-- A locked account's own login cannot log in, whatever client tries: its password is made
-- expired (VALID UNTIL '-infinity') while the lock lasts, and valid again once it has ended.
"""
