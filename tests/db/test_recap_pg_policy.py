"""On a secured PostgreSQL database the recap's roles count records without a row policy call per row.

Row-level security on service_record gives the Ketua Pelaksana Harian and the Kabid Pemanfaatan
Data `USING (true)` and the teams `dd_in_case_team(case_id)`, a function PostgreSQL calls for
every row it reads. The recap must stay an aggregate over the index for the roles that build
and read it, also for an account that holds a team role besides: the planner folds
`true OR dd_in_case_team(...)` to true.
"""

from __future__ import annotations

import datetime as dt

from peewee import PostgresqlDatabase

from desktop.services.sijarla import recap

from .test_pg_roles import Secured, secured  # noqa: F401 - the secured demo office, module-scoped


def _recap_plan(con, role: str | None = None) -> str:
    """EXPLAIN of the recap's grouping query for this year, on `con` (as `role`, when given)."""
    today = dt.date.today()
    query = recap._grouped_records_query(recap.period("tahun", today.year))
    sql, params = PostgresqlDatabase(None).get_sql_context().sql(query).query()
    try:
        with con.cursor() as cur:
            if role is not None:
                cur.execute(f'SET ROLE "{role}"')
            cur.execute("EXPLAIN (COSTS OFF) " + sql, tuple(params))
            return "\n".join(row[0] for row in cur.fetchall())
    finally:
        con.close()


def test_the_recap_of_the_kph_and_the_kabid_calls_no_row_policy_function(secured: Secured):  # noqa: F811
    for username in ("kph", "kabidpdip"):  # their own logins, through the gate
        plan = _recap_plan(secured.connect(username))
        assert "Group Key: t5.nagari_id, t5.category_id, t5.outcome_id" in plan, plan
        assert "dd_in_case_team" not in plan and "SubPlan" not in plan, plan
    # An account holding the KPH's role and a team's: both policies apply, OR-ed, and fold to true.
    both = f"{secured.prefix}recap_probe"
    owner = secured.server.connect(secured.dbname)
    try:
        with owner.cursor() as cur:
            cur.execute(f'CREATE ROLE "{both}"')
            for code in ("ketua_pelaksana_harian", "ketua_tim_sijarla"):
                cur.execute(f'GRANT "{secured.prefix}g_{code}" TO "{both}"')
        plan = _recap_plan(secured.server.connect(secured.dbname), both)
        assert "dd_in_case_team" not in plan, plan
    finally:
        with owner.cursor() as cur:
            cur.execute(f'DROP ROLE IF EXISTS "{both}"')
        owner.close()
