"""SQL of a secured database, part 1: who the caller is, case teams, signing, numbers, documents.

Run in this order by pg_security.install, before the guards (pg_sql_guards) and logins (pg_sql_logins).
"""

ACCESS_FUNCTIONS = r"""
CREATE OR REPLACE FUNCTION dd_prefix() RETURNS text
LANGUAGE sql STABLE SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT prefix FROM pg_security WHERE id = 1
$$;

-- The app user behind this PostgreSQL login (NULL for the owner, a superuser or the gate).
CREATE OR REPLACE FUNCTION dd_session_user_id() RETURNS integer
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT u.id FROM app_user u, pg_security s
    WHERE s.id = 1 AND session_user::text = s.prefix || 'u_' || u.username
$$;

-- Whether the logged-in user is in the team given the case (row-level security on records).
CREATE OR REPLACE FUNCTION dd_in_case_team(p_case integer) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT EXISTS (
        SELECT 1 FROM sop_case c JOIN team_member m ON m.team_id = c.team_id
        WHERE c.id = p_case AND m.user_id = dd_session_user_id()
    )
$$;

-- The cases of the logged-in user's teams, as one array: a records policy reads it once per
-- statement (an InitPlan: `(SELECT dd_team_case_ids())`), not once per row as dd_in_case_team.
CREATE OR REPLACE FUNCTION dd_team_case_ids() RETURNS integer[]
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT coalesce(array_agg(c.id), '{}') FROM sop_case c JOIN team_member m ON m.team_id = c.team_id
    WHERE m.user_id = dd_session_user_id()
$$;

-- The database owner (setup, command line, a superuser): not a member of staff.
CREATE OR REPLACE FUNCTION dd_is_owner() RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT pg_has_role(session_user, (SELECT tableowner FROM pg_tables
                                      WHERE schemaname = 'public' AND tablename = 'disposition'), 'MEMBER')
$$;

-- Whether the caller may act as an office function: a member of its group role, and
-- (for a user's own login) holding that role in the app's role table too.
CREATE OR REPLACE FUNCTION dd_caller_holds(p_code text, p_user integer) RETURNS boolean
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
    IF NOT pg_has_role(session_user, dd_prefix() || 'g_' || p_code, 'MEMBER') THEN
        RETURN false;
    END IF;
    RETURN EXISTS (
        SELECT 1 FROM user_role ur JOIN role r ON r.id = ur.role_id JOIN app_user u ON u.id = ur.user_id
        WHERE ur.user_id = p_user AND r.code = p_code AND u.is_active
    );
END
$$;

-- Who signs: a user's own login signs as that user only; the database owner (setup,
-- command line) may record a signature for the user named.
CREATE OR REPLACE FUNCTION dd_signer(p_signer integer, p_code text) RETURNS integer
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    v_user integer := dd_session_user_id();
BEGIN
    IF v_user IS NULL THEN
        IF NOT pg_has_role(session_user, (SELECT tableowner FROM pg_tables
                                          WHERE schemaname = 'public' AND tablename = 'disposition'),
                           'MEMBER') THEN
            RAISE EXCEPTION 'hanya pemilik database atau pengguna sendiri yang dapat menandatangani'
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        v_user := p_signer;
    ELSIF v_user <> p_signer THEN
        RAISE EXCEPTION 'tanda tangan atas nama pengguna lain ditolak'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF NOT dd_caller_holds(p_code, v_user) AND dd_session_user_id() IS NOT NULL THEN
        RAISE EXCEPTION 'pengguna ini tidak memegang peran %', p_code
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN v_user;
END
$$;

-- A signature's time lies between its case's opening day and tomorrow (the app records work
-- done on an earlier day), and its digest is a SHA-256 in hex.
CREATE OR REPLACE FUNCTION dd_check_signature(p_signed_at timestamp, p_digest text, p_case integer)
RETURNS void
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
    IF p_digest IS NULL OR p_digest !~ '^[0-9a-f]{64}$' THEN
        RAISE EXCEPTION 'sidik tanda tangan tidak sah' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF p_signed_at IS NULL OR p_signed_at > localtimestamp + interval '1 day'
       OR p_signed_at < (SELECT opened_at::date FROM sop_case WHERE id = p_case) THEN
        RAISE EXCEPTION 'waktu tanda tangan % di luar masa kasusnya', p_signed_at
            USING ERRCODE = 'insufficient_privilege';
    END IF;
END
$$;

-- The Kabid's sign-off: true when signed, false when the row changed meanwhile.
CREATE OR REPLACE FUNCTION dd_sign_disposition(
    p_id integer, p_version integer, p_signer integer, p_signed_at timestamp, p_digest text
) RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    v_user integer := dd_signer(p_signer, 'kabid_pelayanan');
BEGIN
    PERFORM dd_check_signature(p_signed_at, p_digest, (SELECT case_id FROM disposition WHERE id = p_id));
    UPDATE disposition
       SET signed_by_id = v_user, signed_at = p_signed_at, signature_sha256 = p_digest,
           version = version + 1, updated_at = p_signed_at
     WHERE id = p_id AND version = p_version AND signed_at IS NULL;
    RETURN FOUND;
END
$$;

-- The Kepala Dinas' signature on a Surat Tugas.
CREATE OR REPLACE FUNCTION dd_sign_assignment(
    p_id integer, p_version integer, p_signer integer, p_signed_at timestamp, p_digest text
) RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    v_user integer := dd_signer(p_signer, 'kepala_dinas');
BEGIN
    PERFORM dd_check_signature(p_signed_at, p_digest,
                               (SELECT case_id FROM assignment_letter WHERE id = p_id));
    UPDATE assignment_letter
       SET signed_by_id = v_user, signed_at = p_signed_at, signature_sha256 = p_digest,
           version = version + 1, updated_at = p_signed_at
     WHERE id = p_id AND version = p_version AND signed_at IS NULL;
    RETURN FOUND;
END
$$;

-- Whether the logged-in user holds an office function: its group role and the app's role table.
CREATE OR REPLACE FUNCTION dd_holds(p_code text) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT dd_session_user_id() IS NOT NULL AND dd_caller_holds(p_code, dd_session_user_id())
$$;

-- Whether the logged-in user acts on a case with one of these roles; a team role counts
-- only for a case given to the user's own team (or for what belongs to no case).
CREATE OR REPLACE FUNCTION dd_acts_as(p_roles text[], p_case integer) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT EXISTS (
        SELECT 1 FROM unnest(p_roles) AS r(code)
        WHERE dd_holds(r.code)
          AND (r.code NOT IN (@TEAM_ROLES@) OR p_case IS NULL OR dd_in_case_team(p_case))
    )
$$;

-- The records of one whole NIK, for a role that sees NIKs masked: it may search by the whole
-- number (as the app lets it) without a privilege on the column, so it cannot recover hidden
-- digits by range or prefix.
CREATE OR REPLACE FUNCTION dd_records_with_nik(p_nik text) RETURNS SETOF integer
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT id FROM service_record WHERE p_nik ~ '^[0-9]{16}$' AND nik = p_nik
$$;

-- An issued document is read by the roles its type names (dd_doc_role), teams only their own.
CREATE OR REPLACE FUNCTION dd_may_read_document(p_doc_type text, p_case integer) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT dd_acts_as(ARRAY(SELECT role_code FROM dd_doc_role
                            WHERE doc_type = p_doc_type AND NOT may_issue), p_case)
$$;

-- A case's scans, report and checklist: the roles of the case's SOP (dd_sop_role), teams only their own.
CREATE OR REPLACE FUNCTION dd_may_read_case(p_case integer) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT dd_acts_as(ARRAY(SELECT sr.role_code FROM dd_sop_role sr JOIN sop_case c ON c.sop_id = sr.sop_id
                            WHERE c.id = p_case), p_case)
$$;

-- The next number of a numbering pattern for a year: the only way to take one.
CREATE OR REPLACE FUNCTION dd_take_number(p_pattern integer, p_year integer) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    v_value integer;
BEGIN
    IF dd_session_user_id() IS NULL AND NOT dd_is_owner() THEN
        RAISE EXCEPTION 'hanya pengguna Dinas Desk yang dapat mengambil nomor'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    INSERT INTO number_sequence (pattern_id, year, last_value) VALUES (p_pattern, p_year, 0)
    ON CONFLICT DO NOTHING;
    UPDATE number_sequence SET last_value = last_value + 1
     WHERE pattern_id = p_pattern AND year = p_year RETURNING last_value INTO v_value;
    IF v_value IS NULL THEN
        RAISE EXCEPTION 'pola penomoran % tidak ada', p_pattern USING ERRCODE = 'foreign_key_violation';
    END IF;
    RETURN v_value;
END
$$;

-- Issuing a document: the only way into issued_document. The issuer is the caller (never
-- a parameter, except for the owner), who must hold a role that issues the type (team roles
-- only for their own team's case); the digest is computed here; a document replaces only
-- the newest one of the same type and case; the record and its SOP step point at it.
CREATE OR REPLACE FUNCTION dd_issue_document(
    p_doc_type text, p_case integer, p_number text, p_title text, p_paper text, p_pages integer,
    p_pdf bytea, p_sha256 text, p_code text, p_issued_at timestamp, p_supersedes integer,
    p_summary text, p_source_id integer, p_step_code text, p_issuer integer
) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    v_user integer := dd_session_user_id();
    v_previous issued_document%ROWTYPE;
    v_id integer;
    v_step integer;
BEGIN
    IF v_user IS NULL THEN
        IF NOT dd_is_owner() THEN
            RAISE EXCEPTION 'hanya pengguna Dinas Desk yang dapat menerbitkan dokumen'
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        v_user := p_issuer;
    ELSIF NOT dd_acts_as(ARRAY(SELECT role_code FROM dd_doc_role
                               WHERE doc_type = p_doc_type AND may_issue), p_case) THEN
        RAISE EXCEPTION 'peran Anda tidak menerbitkan dokumen %', p_doc_type
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF p_pdf IS NULL OR p_sha256 IS DISTINCT FROM encode(sha256(p_pdf), 'hex') THEN
        RAISE EXCEPTION 'sidik SHA-256 tidak sesuai dengan isi dokumen' USING ERRCODE = 'check_violation';
    END IF;
    IF p_issued_at IS NULL OR abs(extract(epoch FROM p_issued_at - localtimestamp)) > 86400 THEN
        RAISE EXCEPTION 'waktu terbit jauh dari jam server' USING ERRCODE = 'check_violation';
    END IF;
    IF p_supersedes IS NOT NULL THEN
        SELECT * INTO v_previous FROM issued_document WHERE id = p_supersedes FOR UPDATE;
        IF NOT FOUND OR v_previous.doc_type <> p_doc_type OR v_previous.case_id IS DISTINCT FROM p_case
           OR EXISTS (SELECT 1 FROM issued_document WHERE supersedes_id = p_supersedes) THEN
            RAISE EXCEPTION 'dokumen yang diganti bukan terbitan terakhir dari jenis dan kasus yang sama'
                USING ERRCODE = 'insufficient_privilege';
        END IF;
    END IF;
    INSERT INTO issued_document (doc_type, case_id, number, title, paper_size, page_count, pdf, sha256,
                                 verification_code, issued_by_id, issued_at, supersedes_id, summary)
    VALUES (p_doc_type, p_case, p_number, p_title, p_paper, p_pages, p_pdf, p_sha256, p_code, v_user,
            p_issued_at, p_supersedes, p_summary)
    RETURNING id INTO v_id;
    IF p_doc_type = 'laporan' THEN
        UPDATE report SET document_id = v_id WHERE id = p_source_id AND case_id = p_case;
    ELSIF p_doc_type = 'rekap' THEN
        UPDATE recap SET document_id = v_id WHERE id = p_source_id;
    ELSIF p_doc_type = 'dokumen_inovasi' THEN
        UPDATE innovation_document SET document_id = v_id WHERE id = p_source_id;
    END IF;
    IF p_step_code IS NOT NULL AND p_case IS NOT NULL THEN
        SELECT id INTO v_step FROM case_step
         WHERE case_id = p_case AND step_code = p_step_code AND action = 'selesai'
         ORDER BY id DESC LIMIT 1;
        IF FOUND THEN
            UPDATE case_step SET document_id = v_id WHERE id = v_step;
        END IF;
    END IF;
    RETURN v_id;
END
$$;

-- What verification shows (never the bytes), for any member of staff: a code or a digest.
CREATE OR REPLACE FUNCTION dd_document_meta(p_code text, p_sha256 text) RETURNS TABLE (
    id integer, doc_type text, number text, title text, paper_size text, page_count integer,
    sha256 text, verification_code text, issued_by_id integer, issued_at timestamp, case_id integer,
    supersedes_id integer, superseded boolean
)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT d.id, d.doc_type::text, d.number::text, d.title::text, d.paper_size::text, d.page_count,
           d.sha256::text, d.verification_code::text, d.issued_by_id, d.issued_at, d.case_id,
           d.supersedes_id, EXISTS (SELECT 1 FROM issued_document n WHERE n.supersedes_id = d.id)
      FROM issued_document d
     WHERE (p_code IS NOT NULL AND d.verification_code = p_code)
        OR (p_sha256 IS NOT NULL AND d.sha256 = p_sha256)
     LIMIT 1
$$;

-- A case goes to a team only as its signed disposition says (set when the Kabid signs).

-- A merged field package's citizens also served for the same service in another case (another
-- team's too, which the team cannot read): the NIK, the service and that case's number, only for
-- NIKs the caller's team has recorded in its own case p_case (no probing of other NIKs).
CREATE OR REPLACE FUNCTION dd_served_elsewhere(p_case integer, p_niks text[])
RETURNS TABLE (nik text, category_id integer, reference text)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
    IF NOT dd_in_case_team(p_case) THEN
        RAISE EXCEPTION 'hanya tim kasus ini' USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN QUERY
        SELECT r.nik::text, r.category_id, c.reference::text
        FROM service_record r JOIN sop_case c ON c.id = r.case_id
        WHERE r.case_id <> p_case
          AND r.nik = ANY (p_niks)
          AND r.nik IN (SELECT o.nik FROM service_record o WHERE o.case_id = p_case);
END
$$;
"""
