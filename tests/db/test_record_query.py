"""Reading service records for big tables, and exporting recaps, on SQLite and PostgreSQL.

The table's order and filters are checked against direct SQL in the same database, so a
difference in collation or NULL handling between the backends cannot hide.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
from collections.abc import Sequence

import pytest
from openpyxl import load_workbook

from desktop.models import (
    AuditLog,
    Nagari,
    ServiceCategory,
    ServiceOutcome,
    ServiceRecord,
    SopCase,
    TargetGroup,
    User,
    db,
)
from desktop.printing.text import date_range_id
from desktop.services.errors import InvalidInput, NotFound, PermissionDenied
from desktop.services.sijarla import recap, recap_export, record_query
from desktop.services.sijarla.record_query import RecordFilter, RecordSort
from desktop.services.validation import fold

from .factories import make_office, session, team
from .test_permissions import at_step

pytestmark = pytest.mark.usefixtures("database")
TODAY = dt.date.today()
FIRST = ("Siti", "Rahmah", "Ahmad", "Nurhayati", "Yusri", "Zuraida", "Afrizal", "Desi", "O'Neil", "Ana_Bel")
LAST = ("Chaniago", "Piliang", "Tanjung", "Koto", "Jambak", "Sikumbang", "Guci", "100% Melayu")


# --- Arranging: many records, fast ------------------------------------------------------------


def fill_records(
    case_ids: Sequence[int], count: int, *, seed: int = 7, recorded_by: int | None = None
) -> None:
    """`count` records spread over the cases, 8 nagari, every category, group and outcome, 90 days."""
    rng = random.Random(seed)
    places = list(Nagari.select().where(Nagari.code.startswith("13.02")).order_by(Nagari.code).limit(8))
    categories = [c.id for c in ServiceCategory.select()]
    groups = [g.id for g in TargetGroup.select()]
    outcomes = list(ServiceOutcome.select())
    user = recorded_by or User.get(User.username == "anggota1").id
    rows = []
    for i in range(count):
        place = rng.choice(places)
        outcome = rng.choice(outcomes)
        day, month, year = 1 + i % 28, 1 + (i // 28) % 12, (i // 336) % 100
        female = rng.random() < 0.5
        nik = f"{place.code[:8].replace('.', '')}{day + (40 if female else 0):02d}{month:02d}{year:02d}0001"
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        rows.append(
            {
                "case": case_ids[i % len(case_ids)],
                "nik": nik,
                "full_name": name,
                "name_fold": fold(name),  # what the services write with the name
                "kk": None if i % 5 == 0 else nik[:6] + f"{i:010d}",
                "address": f"Jorong {i % 7}",
                "jorong": f"Jorong {i % 7}",
                "nagari": place.id,
                "category": rng.choice(categories),
                "target_group": rng.choice(groups),
                "outcome": outcome.id,
                "outcome_reason": "Alasan uji" if outcome.needs_reason else "",
                "served_on": TODAY - dt.timedelta(days=rng.randint(0, 89)),
                "recorded_by": user,
            }
        )
    with db.atomic():
        for start in range(0, len(rows), 500):
            ServiceRecord.insert_many(rows[start : start + 500]).execute()


def two_team_cases() -> tuple[int, int]:
    """A case of Tim SIJARLA I and one moved to Tim SIJARLA II, both in service."""
    first = at_step("pelayanan")
    second = at_step("pelayanan")
    SopCase.update(team=team("Tim SIJARLA II")).where(SopCase.id == second).execute()
    return first, second


@pytest.fixture
def office() -> tuple[int, int]:
    """Two teams' cases and 2,000 records: for order and filters."""
    make_office()
    cases = two_team_cases()
    fill_records(cases, 2000)
    return cases


@pytest.fixture
def few() -> tuple[int, int]:
    """Two teams' cases and 200 records: for everything else."""
    make_office()
    cases = two_team_cases()
    fill_records(cases, 200)
    return cases


def direct_ids(sql: str, params: Sequence = ()) -> list[int]:
    return [row[0] for row in db.execute_sql(sql, params).fetchall()]


def p(backend_sql: str) -> str:
    """Our SQL uses ? placeholders; psycopg2 wants %s."""
    return backend_sql if db.obj.param == "?" else backend_sql.replace("?", "%s")


# --- Order ----------------------------------------------------------------------------------------

ORDERS = {
    "served_on": "sr.served_on {d}, sr.nagari_id {d}, sr.category_id {d}, sr.outcome_id {d}, sr.id {d}",
    # The KPH sees NIKs masked: ordering by the hidden digits would reveal them, so the masked
    # number orders (region code, then the last four digits).
    "nik": "sr.nik_masked {d}, sr.id {d}",
    "full_name": "sr.full_name {d}, sr.id {d}",
    "kk": "COALESCE(sr.kk_masked, '') {d}, sr.id {d}",
    "jorong": "sr.jorong {d}, sr.id {d}",
    "nagari": "n.name {d}, sr.id {d}",
    "category": "c.name {d}, sr.id {d}",
    "target_group": "g.name {d}, sr.id {d}",
    "outcome": "o.name {d}, sr.id {d}",
    "case": "sr.case_id {d}, sr.id {d}",
    "recorded": "sr.id {d}",
}
JOINS = (
    "FROM service_record sr JOIN nagari n ON n.id = sr.nagari_id "
    "JOIN service_category c ON c.id = sr.category_id JOIN target_group g ON g.id = sr.target_group_id "
    "JOIN service_outcome o ON o.id = sr.outcome_id "
)


def test_every_sort_key_orders_like_a_direct_query(office, caplog):
    kph = session("kph")
    assert set(ORDERS) == set(record_query.SORT_KEYS)
    for key, order in ORDERS.items():
        for descending in (False, True):
            expected = direct_ids(
                f"SELECT sr.id {JOINS} ORDER BY {order.format(d='DESC' if descending else 'ASC')}"
            )
            got = record_query.sorted_ids(kph, sort=RecordSort(key, descending))
            assert list(got) == expected, (key, descending)
    assert len(got) == 2000 == record_query.count(kph)
    assert "COPY" not in caplog.text  # PostgreSQL reads the id list through COPY, not the fallback


def test_keyset_and_offset_pages_walk_the_same_order_as_the_id_list(office):
    kph = session("kph")
    for sort in (
        RecordSort(),
        RecordSort("nagari", False),
        RecordSort("full_name", True),
        RecordSort("kk", False),
    ):
        ids = list(record_query.sorted_ids(kph, sort=sort))
        walked, after = [], None
        while True:
            page = record_query.page(kph, sort=sort, after=after, limit=300)
            walked += [r.id for r in page.rows]
            if page.next_after is None:
                break
            after = page.next_after
        assert walked == ids, sort
        deep = record_query.page(kph, sort=sort, offset=1700, limit=200)
        assert [r.id for r in deep.rows] == ids[1700:1900]


# --- Filters ----------------------------------------------------------------------------------------


def test_filters_select_what_a_direct_query_selects(office):
    kph = session("kph")
    place = Nagari.get_by_id(ServiceRecord.select().order_by(ServiceRecord.id).first().nagari_id)
    kia = ServiceCategory.get(ServiceCategory.code == "kia")
    ditunda = ServiceOutcome.get(ServiceOutcome.code == "ditunda")
    since, until = TODAY - dt.timedelta(days=30), TODAY - dt.timedelta(days=10)
    prefix = ServiceRecord.select().order_by(ServiceRecord.id.desc()).first().nik[:6]  # as far as KPH sees
    cases = [
        (RecordFilter(nagari_id=place.id), "sr.nagari_id = ?", [place.id]),
        (RecordFilter(category="kia"), "sr.category_id = ?", [kia.id]),
        (RecordFilter(outcome="ditunda"), "sr.outcome_id = ?", [ditunda.id]),
        (RecordFilter(served_from=since, served_to=until), "sr.served_on BETWEEN ? AND ?", [since, until]),
        (RecordFilter(text="tanjung"), "LOWER(sr.full_name) LIKE ?", ["%tanjung%"]),
        (RecordFilter(text=prefix), "sr.nik LIKE ?", [prefix + "%"]),
        (
            RecordFilter(nagari_id=place.id, category="kia", served_from=since),
            "sr.nagari_id = ? AND sr.category_id = ? AND sr.served_on >= ?",
            [place.id, kia.id, since],
        ),
        (RecordFilter(case_id=office[1]), "sr.case_id = ?", [office[1]]),
    ]
    for record_filter, where, params in cases:
        expected = direct_ids(p(f"SELECT sr.id {JOINS} WHERE {where} ORDER BY sr.full_name, sr.id"), params)
        got = record_query.sorted_ids(kph, record_filter, RecordSort("full_name", False))
        assert list(got) == expected, record_filter
        assert record_query.count(kph, record_filter) == len(expected) > 0, record_filter


def test_user_text_reaches_sql_only_as_a_bound_parameter(few):
    kph = session("kph")
    assert record_query.count(kph, RecordFilter(text="'; DROP TABLE service_record; --")) == 0
    assert len(record_query.sorted_ids(kph, RecordFilter(text="'); DROP TABLE service_record; --"))) == 0
    assert ServiceRecord.select().count() == 200
    quoted = record_query.sorted_ids(kph, RecordFilter(text="o'neil"), RecordSort("recorded", False))
    assert list(quoted) == [
        r.id
        for r in ServiceRecord.select()
        .where(ServiceRecord.full_name.startswith("O'Neil"))
        .order_by(ServiceRecord.id)
    ]
    assert quoted
    percent = record_query.count(kph, RecordFilter(text="100%"))
    underscore = record_query.count(kph, RecordFilter(text="a_b"))
    assert percent == ServiceRecord.select().where(ServiceRecord.full_name.contains("100% ")).count() > 0
    assert (
        underscore == ServiceRecord.select().where(ServiceRecord.full_name.startswith("Ana_Bel")).count() > 0
    )
    assert record_query.count(kph, RecordFilter(text="%")) == percent
    with pytest.raises(InvalidInput):
        record_query.count(kph, RecordFilter(text="ab\x00cd"))


def test_unknown_codes_and_sorts_are_refused(few):
    kph = session("kph")
    with pytest.raises(InvalidInput, match="Kategori 'bukan' tidak dikenal"):
        record_query.count(kph, RecordFilter(category="bukan"))
    with pytest.raises(InvalidInput, match="Urutan"):
        record_query.sorted_ids(kph, sort=RecordSort("full_name; DROP TABLE x", False))


# --- Who sees what -------------------------------------------------------------------------------


def test_a_team_sees_only_its_cases_with_full_nik_others_see_all_masked(few):
    first, second = few
    anggota1, anggota3, kph = session("anggota1"), session("anggota3"), session("kph")
    own = list(record_query.sorted_ids(anggota1))
    assert set(own) == {r.id for r in ServiceRecord.select().where(ServiceRecord.case == first)}
    assert set(record_query.sorted_ids(anggota3)) == {
        r.id for r in ServiceRecord.select().where(ServiceRecord.case == second)
    }
    row = record_query.rows_by_id(anggota1, own[:1])[0]
    stored = ServiceRecord.get_by_id(row.id)
    assert row.nik == stored.nik and row.case_reference == SopCase.get_by_id(first).reference
    masked = record_query.rows_by_id(kph, own[:1])[0]
    assert masked.nik == stored.nik[:6] + "******" + stored.nik[-4:]
    assert record_query.count(session("kabidpdip")) == record_query.count(session("kadis")) == 200


def test_masked_niks_can_be_filtered_by_region_code_or_whole_nik_but_not_probed(few):
    first, _second = few
    stored = ServiceRecord.select().where(ServiceRecord.case == first).order_by(ServiceRecord.id).first()
    kph, anggota1 = session("kph"), session("anggota1")
    assert stored.id in record_query.sorted_ids(kph, RecordFilter(text=stored.nik))
    assert stored.id in record_query.sorted_ids(kph, RecordFilter(text=stored.nik[:6]))
    for hidden in (stored.nik[:7], stored.nik[:12], stored.nik[:15]):
        with pytest.raises(InvalidInput, match="16 digit NIK lengkap") as refused:
            record_query.count(kph, RecordFilter(text=hidden))
        assert refused.value.field == "text"
        assert stored.id in record_query.sorted_ids(anggota1, RecordFilter(text=hidden))  # full NIKs: fine


def test_rows_by_id_keeps_the_order_asked_and_leaves_out_other_teams_rows(few):
    first, second = few
    theirs = ServiceRecord.select().where(ServiceRecord.case == second).order_by(ServiceRecord.id).first().id
    own = [
        r.id
        for r in ServiceRecord.select()
        .where(ServiceRecord.case == first)
        .order_by(ServiceRecord.id.desc())
        .limit(5)
    ]
    rows = record_query.rows_by_id(session("anggota1"), [own[2], theirs, own[0], own[4]])
    assert [r.id for r in rows] == [own[2], own[0], own[4]]
    with pytest.raises(InvalidInput):
        record_query.rows_by_id(session("kph"), list(range(1, 1100)))


def test_roles_outside_sijarla_reporting_cannot_read_records(few):
    for username in ("meja", "kasi", "adb", "admin"):
        with pytest.raises(PermissionDenied):
            record_query.sorted_ids(session(username))
        with pytest.raises(PermissionDenied):
            record_query.rows_by_id(session(username), [1])


def test_reading_people_is_audited_once_per_query_not_per_page(few):
    kph = session("kph")
    before = AuditLog.select().where(AuditLog.action == "pelayanan_dibaca").count()
    ids = record_query.sorted_ids(kph, RecordFilter(text="siti"))
    for start in range(0, len(ids), 200):
        record_query.rows_by_id(kph, ids[start : start + 200])
    lines = list(AuditLog.select().where(AuditLog.action == "pelayanan_dibaca").order_by(AuditLog.id))
    assert len(lines) == before + 1
    assert lines[-1].username == "kph" and '"text": "siti"' in lines[-1].detail


# --- The team's workspace ------------------------------------------------------------------------


def test_record_for_edit_gives_codes_and_version_to_the_team_only(few):
    first, _second = few
    record = ServiceRecord.select().where(ServiceRecord.case == first).first()
    editable = record_query.record_for_edit(session("anggota1"), record.id)
    assert editable.version == record.version and editable.case_id == first
    assert editable.draft.nik == record.nik
    assert editable.draft.category == ServiceCategory.get_by_id(record.category_id).code
    with pytest.raises(PermissionDenied):
        record_query.record_for_edit(session("anggota3"), record.id)
    with pytest.raises(PermissionDenied):
        record_query.record_for_edit(session("kph"), record.id)
    with pytest.raises(NotFound):
        record_query.record_for_edit(session("anggota1"), 10**9)


def test_team_case_checklist_and_totals():
    make_office()
    case_id = at_step("persiapan")
    ketua, anggota = session("ketua1"), session("anggota1")
    case = record_query.team_case(ketua, case_id)
    assert case.current_step == "persiapan" and case.step_name == "Persiapan Tim"
    assert case.is_leader and not record_query.team_case(anggota, case_id).is_leader
    items = record_query.preparation_checklist(anggota, case_id)
    assert [i.item for i in items] == ["siak_data", "alat_perekaman", "kesiapan_nagari"]
    assert not any(i.is_done for i in items)
    with pytest.raises(PermissionDenied, match="bukan tugas tim Anda"):
        record_query.team_case(session("anggota3"), case_id)
    served = at_step("rekap")
    totals = record_query.category_totals(anggota, served)
    assert [(t.category, t.total, t.served) for t in totals] == [("KTP-el perekaman", 1, 1)]


def test_pick_lists_and_jorong_completion(few):
    choices = record_query.choices()
    assert len(choices.nagari) == 74  # the Solok office's own (issue 15 item 11), not all 177 shipped
    assert [c.code for c in choices.categories][:2] == ["ktp_rekam", "ktp_cetak"]
    assert {c.code for c in choices.outcomes if c.needs_reason} == {"gagal_rekam", "ditunda"}
    place = ServiceRecord.select().first().nagari_id
    assert record_query.jorong_names(place)[:2] == ["Jorong 0", "Jorong 1"]


# --- Recap export -----------------------------------------------------------------------------------


def month_recap():
    return recap.build_recap(session("kph"), recap.period("bulan", TODAY.year, TODAY.month))


def test_xlsx_export_has_the_summary_and_every_group(few, tmp_path):
    view = month_recap()
    path = recap_export.export_xlsx(
        session("kph"), view.figures, tmp_path / "rekap.xlsx", title=view.title, status="draf"
    )
    sheet = load_workbook(path)["Rekapitulasi"]
    row = recap_export.TABLE_HEADER_ROW
    assert sheet["A1"].value == view.title
    period = view.figures.period
    assert sheet["A2"].value == f"Periode: {period.title} ({date_range_id(period.start, period.end)})"
    assert "-" not in sheet["A2"].value  # "1 s.d. 31 Mei 2026", not "01-05-2026 s.d. 31-05-2026"
    assert sheet.cell(recap_export.SUMMARY_ROW, 6).value == view.figures.total_records > 0
    assert [c.value for c in sheet[row]] == list(recap_export.TABLE_COLUMNS)
    first = view.figures.rows[0]
    assert [c.value for c in sheet[row + 1]] == [1, *first]
    total_row = row + len(view.figures.rows) + 1
    assert (sheet.cell(total_row, 2).value, sheet.cell(total_row, 6).value) == (
        "Jumlah",
        view.figures.total_records,
    )
    by_nagari = load_workbook(path)["Per nagari"]
    top = sorted(view.figures.by_nagari.items(), key=lambda item: (-item[1], item[0]))[0]
    assert (by_nagari["A2"].value, by_nagari["B2"].value) == top


def test_text_that_looks_like_a_formula_is_written_as_text(few, tmp_path):
    ServiceCategory.update(name='=HYPERLINK("http://x")').where(ServiceCategory.code == "kia").execute()
    figures = recap.compute(recap.period("tahun", TODAY.year))
    path = recap_export.export_xlsx(session("kph"), figures, tmp_path / "r.xlsx", title="Uji")
    sheet = load_workbook(path)["Per kategori"]
    cells = [c for c in sheet["A"] if c.value == '=HYPERLINK("http://x")']
    assert cells and all(c.data_type == "s" for c in cells)


def test_export_is_refused_to_a_team_and_to_a_wrong_suffix(few, tmp_path):
    figures = recap.compute(recap.period("tahun", TODAY.year))
    with pytest.raises(PermissionDenied):
        recap_export.export_xlsx(session("anggota1"), figures, tmp_path / "r.xlsx", title="x")
    with pytest.raises(InvalidInput, match=".xlsx"):
        recap_export.export_xlsx(session("kph"), figures, tmp_path / "r.csv", title="x")


def test_a_stored_recap_reads_back_as_it_was_built(few):
    view = month_recap()
    recap.forward_recap(session("kph"), view.id, view.version)
    stored = recap_export.stored_recap(session("kabidpdip"), view.id)
    assert stored.figures == view.figures
    assert (stored.status, stored.version, stored.title) == ("diteruskan", view.version + 1, view.title)


def test_pdf_of_a_recap_through_the_documents_service_or_a_reason(few, monkeypatch):
    view = month_recap()
    if recap_export.pdf_unavailable_reason() is None:
        assert recap_export.recap_pdf(session("kph"), view.id).startswith(b"%PDF")
    real_import = recap_export.importlib.import_module

    def without_documents(name, *args):
        if name == "desktop.services.documents.issue":
            raise ImportError(name)
        return real_import(name, *args)

    monkeypatch.setattr(recap_export.importlib, "import_module", without_documents)
    assert "belum tersedia" in recap_export.pdf_unavailable_reason()
    with pytest.raises(Exception, match="belum tersedia"):
        recap_export.recap_pdf(session("kph"), view.id)


def test_a_cases_record_list_follows_the_readers_scope():
    """service_records.list_records: the team sees the whole NIK and KK, the officials see them
    masked, another team's member sees nothing of the case."""
    from desktop.services.sijarla import service_records
    from tests.db.test_sijarla_flow import record

    make_office()
    case_id = at_step("pelayanan")
    service_records.add_record(session("anggota1"), case_id, record("1302034507510002", "Siti Rahmah"))
    own = service_records.list_records(session("anggota1"), case_id)
    assert [(r.nik, r.kk, r.full_name) for r in own] == [
        ("1302034507510002", "1302031201100003", "Siti Rahmah")
    ]
    assert isinstance(own[0].served_on, dt.date)
    for official in ("kph", "kabid", "kadis", "kabidpdip"):
        rows = service_records.list_records(session(official), case_id)
        assert [(r.nik, r.kk) for r in rows] == [("130203******0002", "130203******0003")], official
    assert service_records.list_records(session("anggota3"), case_id) == []  # Tim SIJARLA II
    with pytest.raises(PermissionDenied):
        service_records.list_records(session("meja"), case_id)


def test_an_old_kecamatan_code_is_recorded_with_its_reason_and_a_bad_one_refused():
    """Issue 15 item 10: a NIK keeps the kecamatan code it was issued under."""
    from desktop.models import ServiceRecord
    from desktop.services.sijarla import service_records
    from tests.db.test_sijarla_flow import record

    make_office()
    case_id = at_step("pelayanan")
    anggota = session("anggota1")
    old = service_records.add_record(anggota, case_id, record("1302014506900001", "Nurhayati"))
    jakarta = service_records.add_record(anggota, case_id, record("3171014506900001", "Rina"))
    assert "13.02.01" in ServiceRecord.get_by_id(old).region_note
    assert ServiceRecord.get_by_id(jakarta).region_note == ""
    listed = {r.id: r for r in service_records.list_records(anggota, case_id)}
    assert "sejak 2018" in listed[old].region_note
    for nik, field, words in (
        ("9902034506900001", "nik", "Kode provinsi 99"),  # no such province
        ("1302033206900001", "nik", "Tanggal lahir"),  # 32 June
        ("1302034506900000", "nik", "0000"),
    ):
        with pytest.raises(InvalidInput, match=words) as info:
            service_records.add_record(anggota, case_id, record(nik, "Salah"))
        assert info.value.field == field
    with pytest.raises(InvalidInput, match="Tanggal terbit pada Nomor KK") as info:
        service_records.add_record(
            anggota, case_id, dataclasses.replace(record("1302034506900002", "Salah"), kk="1302031213100003")
        )
    assert info.value.field == "kk"
    assert ServiceRecord.select().where(ServiceRecord.full_name == "Salah").count() == 0
