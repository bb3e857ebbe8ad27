"""The recap's figures (grouped by ids first, then named) against a straightforward reference.

The reference groups every record by the joined names and counts the cases' SLA in Python,
as the recap did before issue 18; on a small database with records and finished cases spread
over several months and two years, both must give the same numbers for every kind of period.
"""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from desktop.models import (
    CaseStep,
    Nagari,
    ServiceCategory,
    ServiceOutcome,
    ServiceRecord,
    Sop,
    SopCase,
    TargetGroup,
    User,
    db,
)
from desktop.services.sijarla import recap

from .factories import make_office
from .test_permissions import at_step

pytestmark = pytest.mark.usefixtures("database")

DAYS = (
    dt.date(2025, 1, 1),
    dt.date(2025, 1, 31),
    dt.date(2025, 2, 1),
    dt.date(2025, 2, 14),
    dt.date(2025, 3, 31),
    dt.date(2025, 12, 31),
    dt.date(2026, 1, 1),
    dt.date(2026, 6, 30),
)
PERIODS = (
    recap.period("bulan", 2025, 1),
    recap.period("bulan", 2025, 2),
    recap.period("bulan", 2025, 4),  # nothing in it
    recap.period("triwulan", 2025, 1),
    recap.period("tahun", 2025),
    recap.period("tahun", 2026),
    recap.period("bebas", 2025, start=dt.date(2025, 12, 31), end=dt.date(2026, 1, 1)),
)


def p(sql: str) -> str:
    return sql if db.obj.param == "?" else sql.replace("?", "%s")


def seed_records(case_ids: list[int]) -> None:
    """Records on the days above, over several nagari, every category and every outcome."""
    places = [n.id for n in Nagari.select().where(Nagari.code.startswith("13.02")).order_by(Nagari.code)[:5]]
    categories = [c.id for c in ServiceCategory.select().order_by(ServiceCategory.id)]
    outcomes = [(o.id, o.needs_reason) for o in ServiceOutcome.select().order_by(ServiceOutcome.id)]
    group = TargetGroup.select().first().id
    user = User.get(User.username == "anggota1").id
    rows = []
    combos = itertools.product(range(len(DAYS)), places, categories)
    for i, (day, place, category) in enumerate(combos):
        outcome, needs_reason = outcomes[i % len(outcomes)]
        rows.append(
            {
                "case": case_ids[i % len(case_ids)],
                "nik": f"130203{1 + i % 28:02d}{1 + i % 12:02d}9{i + 1:05d}",
                "full_name": "Siti Rahmah",
                "name_fold": "siti rahmah",
                "nagari": place,
                "category": category,
                "target_group": group,
                "outcome": outcome,
                "outcome_reason": "Alasan uji" if needs_reason else "",
                "served_on": DAYS[(day + i) % len(DAYS)],
                "recorded_by": user,
            }
        )
    with db.atomic():
        for start in range(0, len(rows), 200):
            ServiceRecord.insert_many(rows[start : start + 200]).execute()


def seed_finished_cases(case_ids: list[int]) -> None:
    """Cases opened on the days above and finished on time, late, without a deadline, or twice."""
    user = User.get(User.username == "anggota1").id
    plans = [  # opened, due, finished at (one or more 'pelayanan' steps)
        (DAYS[0], DAYS[1], [dt.datetime(2025, 1, 31, 23, 59, 59)]),  # on the due day: on time
        (DAYS[1], DAYS[2], [dt.datetime(2025, 2, 3, 8, 0)]),  # late
        (DAYS[3], None, [dt.datetime(2025, 3, 31, 12, 0)]),  # no deadline: on time
        (DAYS[5], DAYS[6], [dt.datetime(2025, 12, 30, 9, 0), dt.datetime(2026, 1, 2, 9, 0)]),
    ]
    for case_id, (opened, due, finished) in zip(case_ids, plans, strict=True):
        SopCase.update(opened_at=dt.datetime.combine(opened, dt.time(9)), due_on=due).where(
            SopCase.id == case_id
        ).execute()
        for acted_at in finished:
            CaseStep.create(
                case=case_id,
                step_code="pelayanan",
                action="selesai",
                actor=user,
                acted_at=acted_at,
                started_on=opened,
            )


def reference(period: recap.Period) -> dict:
    """The figures the simple way: group the joined names, parse the steps' times in Python."""
    rows = db.execute_sql(
        p(
            "SELECT k.name, n.name, c.name, o.name, COUNT(*) FROM service_record sr "
            "JOIN nagari n ON n.id = sr.nagari_id JOIN kecamatan k ON k.id = n.kecamatan_id "
            "JOIN service_category c ON c.id = sr.category_id JOIN service_outcome o ON o.id = sr.outcome_id "
            "WHERE sr.served_on BETWEEN ? AND ? GROUP BY k.name, n.name, c.name, o.name "
            "ORDER BY k.name, n.name, c.name, o.name"
        ),
        [period.start, period.end],
    ).fetchall()
    served_ids = [o.id for o in ServiceOutcome.select() if o.counts_as_served]
    served = sum(
        1
        for r in ServiceRecord.select(ServiceRecord.served_on, ServiceRecord.outcome).tuples()
        if period.start <= r[0] <= period.end and r[1] in served_ids
    )
    sijarla = [c for c in SopCase.select().join(Sop).where(Sop.code == "sijarla")]
    opened = sum(1 for c in sijarla if period.start <= c.opened_at.date() <= period.end)
    within, late = [], []
    for case in sijarla:
        times = [
            s.acted_at
            for s in CaseStep.select().where(
                (CaseStep.case == case.id)
                & (CaseStep.step_code == "pelayanan")
                & (CaseStep.action == "selesai")
            )
            if period.start <= s.acted_at.date() <= period.end
        ]
        if times:
            on_time = case.due_on is None or max(times).date() <= case.due_on
            (within if on_time else late).append(case.id)
    return {
        "rows": [(k, n, c, o, int(count)) for k, n, c, o, count in rows],
        "served": served,
        "opened": opened,
        "within": sorted(within),
        "late": sorted(late),
    }


def test_recap_figures_match_the_straightforward_reference_for_every_period():
    make_office()
    cases = [at_step("pelayanan") for _ in range(4)]
    seed_records(cases)
    seed_finished_cases(cases)
    seen_late = seen_empty = False
    for period in PERIODS:
        figures, expected = recap.compute(period), reference(period)
        assert figures.rows == expected["rows"], period
        assert figures.total_records == sum(r[4] for r in expected["rows"])
        assert figures.served == expected["served"], period
        assert figures.cases_opened == expected["opened"], period
        assert sorted(figures.case_ids) == sorted(expected["within"] + expected["late"]), period
        assert (figures.cases_within_limit, figures.cases_late) == (
            len(expected["within"]),
            len(expected["late"]),
        ), period
        assert sum(figures.by_nagari.values()) == figures.total_records
        seen_late = seen_late or figures.cases_late > 0
        seen_empty = seen_empty or not figures.rows
    assert seen_late and seen_empty  # the periods above reach a late case and an empty month
    assert recap.compute(PERIODS[4]).total_records > 0


def _plan(sql: str, params: list) -> str:
    explain = "EXPLAIN QUERY PLAN " if db.obj.param == "?" else "EXPLAIN "
    return "\n".join(str(row[-1]) for row in db.execute_sql(explain + sql, params).fetchall())


# sqlite_stat1 of service_record filled with a million records (bench/bench_recap.py, full ANALYZE).
MILLION_ROWS_STATISTICS = {
    "service_record_recap_groups": "1000000 13514 1127 226 2",
    "service_record_served_on_ids": "1000000 1370 19 2 2 1",
    "service_record_served_on_nagari_id_category_id_outcome_id": "1000000 1370 19 2 2",
    "service_record_nagari_id": "1000000 13514",
    "service_record_category_id": "1000000 83334",
    "service_record_outcome_id": "1000000 200000",
}


def test_the_recap_counts_records_by_ids_on_an_index_before_naming_them(backend, backend_url):
    from desktop.models import connection

    from .test_record_query import fill_records

    make_office()
    fill_records([at_step("pelayanan")], 3000)
    today = dt.date.today()
    period = recap.period("bebas", today.year, start=today - dt.timedelta(days=89), end=today)
    before = recap.compute(period)
    sql, params = db.obj.get_sql_context().sql(recap._grouped_records_query(period)).query()
    if backend == "postgresql":
        db.execute_sql("ANALYZE service_record")
        plan = _plan(sql, params)
        assert "Group Key: t5.nagari_id, t5.category_id, t5.outcome_id" in plan, plan
        assert "SubPlan" not in plan and "dd_" not in plan
    else:
        connection.close()  # SQLite's advice: PRAGMA optimize on close writes the statistics
        connection.initialize(backend_url)
        stats = "SELECT idx FROM sqlite_stat1 WHERE tbl = 'service_record'"
        assert ("service_record_recap_groups",) in db.execute_sql(stats).fetchall()
        # Past ~18 records a group (a few hundred thousand records), the statistics make SQLite
        # skip-scan the group index instead of sorting the period: as on the million-row bench.
        db.execute_sql("DELETE FROM sqlite_stat1 WHERE tbl = 'service_record'")
        for index, stat in MILLION_ROWS_STATISTICS.items():
            db.execute_sql("INSERT INTO sqlite_stat1 VALUES ('service_record', ?, ?)", (index, stat))
        db.execute_sql("ANALYZE sqlite_master")  # the planner reloads the statistics
        plan = _plan(sql, params)
        assert "COVERING INDEX service_record_recap_groups (ANY(nagari_id) AND ANY(category_id)" in plan
        assert recap.compute(period) == before
