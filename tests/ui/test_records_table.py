"""The virtual records table: correct against SQL, and reading only the pages that are shown."""

from __future__ import annotations

import gc
import time

import pytest
from PySide6.QtCore import QPoint, Qt

from desktop.models import ServiceRecord, db
from desktop.services.sijarla import record_query
from desktop.services.sijarla.record_query import RecordFilter, RecordSort
from desktop.ui.sijarla.records_table import COLUMN_INDEX, COLUMNS, RecordsTableModel
from desktop.ui.sijarla.records_view import RecordsBrowser, RecordsTableView
from tests.db.factories import session
from tests.db.test_record_query import JOINS, direct_ids, fill_records, two_team_cases

ROWS = 2000
WAIT = 30_000  # an upper bound for a background page on a busy two-core CI machine, not a timing


@pytest.fixture(autouse=True)
def _collect_on_the_ui_thread():
    """Qt objects in cyclic garbage must not be collected by a worker thread's allocation."""
    gc.collect()
    yield
    gc.collect()


@pytest.fixture
def records(demo_logins) -> tuple[int, int]:
    cases = two_team_cases()
    fill_records(cases, ROWS)
    return cases


@pytest.fixture
def calls(monkeypatch) -> dict[str, list]:
    """Every count, page, sorted_ids and rows_by_id call the model makes."""
    seen: dict[str, list] = {"count": [], "page": [], "sorted_ids": [], "rows_by_id": []}
    real_ids, real_rows = record_query.sorted_ids, record_query.rows_by_id
    real_count, real_page = record_query.count, record_query.page

    def count(actor, f=RecordFilter()):  # noqa: B008
        seen["count"].append(f)
        return real_count(actor, f)

    def page(actor, f=RecordFilter(), sort=RecordSort(), **kwargs):  # noqa: B008
        seen["page"].append((f, sort, kwargs))
        return real_page(actor, f, sort, **kwargs)

    def sorted_ids(actor, f=RecordFilter(), sort=RecordSort()):  # noqa: B008
        seen["sorted_ids"].append((f, sort))
        return real_ids(actor, f, sort)

    def rows_by_id(actor, ids):
        seen["rows_by_id"].append(list(ids))
        return real_rows(actor, ids)

    monkeypatch.setattr(record_query, "sorted_ids", sorted_ids)
    monkeypatch.setattr(record_query, "rows_by_id", rows_by_id)
    monkeypatch.setattr(record_query, "count", count)
    monkeypatch.setattr(record_query, "page", page)
    return seen


def loaded_model(qtbot, **kwargs) -> RecordsTableModel:
    model = RecordsTableModel(session("kph"), **kwargs)
    with qtbot.waitSignal(model.loaded, timeout=WAIT):
        model.reload()
    return model


def test_records_model_passes_the_qt_model_tester(qtmodeltester, records):
    model = RecordsTableModel(session("kph"), background=False, record_filter=RecordFilter(text="siti"))
    model.reload()
    assert 0 < model.rowCount() < ROWS
    qtmodeltester.check(model, force_py=True)


def test_a_million_rows_would_cost_what_the_visible_page_costs(qtbot, records, calls):
    model = loaded_model(qtbot)
    view = RecordsTableView(model)
    qtbot.addWidget(view)
    view.resize(900, 420)
    view.show()
    qtbot.waitExposed(view)
    qtbot.wait(50)

    # Opening: the count and one keyset page are shown, then the id list is read once.
    assert model.rowCount() == ROWS
    assert len(calls["count"]) == len(calls["page"]) == len(calls["sorted_ids"]) == 1
    assert calls["page"][0][2] == {"limit": 200}
    assert calls["rows_by_id"] == [] and model.cached_pages() == [0]
    assert [model.record_id(r) for r in range(200)] == direct_ids(
        f"SELECT sr.id {JOINS} ORDER BY sr.served_on DESC, sr.nagari_id DESC, sr.category_id DESC, "
        "sr.outcome_id DESC, sr.id DESC LIMIT 200"
    )

    view.scrollTo(model.index(1500, 0), RecordsTableView.ScrollHint.PositionAtTop)
    qtbot.wait(50)
    assert model.cached_pages() == [0, 7]
    assert calls["rows_by_id"] == [[model.record_id(r) for r in range(1400, 1600)]]
    view.scrollToBottom()
    qtbot.wait(50)
    assert model.cached_pages() == [0, 7, 9]
    assert len(calls["rows_by_id"]) == 2 and len(calls["sorted_ids"]) == 1


def test_the_first_page_shows_before_the_id_list_arrives(qtbot, records, monkeypatch):
    model = RecordsTableModel(session("kph"))
    release: list[bool] = []
    real_ids = record_query.sorted_ids

    def slow_ids(*args):
        deadline = time.monotonic() + 10
        while not release and time.monotonic() < deadline:  # wait until the test has looked
            time.sleep(0.01)
        return real_ids(*args)

    monkeypatch.setattr(record_query, "sorted_ids", slow_ids)
    with qtbot.waitSignal(model.head_loaded, timeout=WAIT):
        model.reload()
    assert model.rowCount() == ROWS and model.is_loading() and not model.ids_ready()
    first = model.data(model.index(0, COLUMN_INDEX["full_name"]))
    assert first and first != "…"
    assert model.data(model.index(1999, COLUMN_INDEX["full_name"])) == "…"
    with qtbot.waitSignal(model.loaded, timeout=WAIT):
        release.append(True)
    assert model.ids_ready() and model.data(model.index(1999, COLUMN_INDEX["full_name"])) != "…"
    assert model.data(model.index(0, COLUMN_INDEX["full_name"])) == first


def test_header_click_sorts_in_sql(qtbot, records, calls):
    model = loaded_model(qtbot)
    view = RecordsTableView(model)
    qtbot.addWidget(view)
    view.show()
    section = COLUMN_INDEX["nagari"]
    x = view.horizontalHeader().sectionViewportPosition(section) + 5
    with qtbot.waitSignal(model.loaded, timeout=WAIT):
        qtbot.mouseClick(view.horizontalHeader().viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))

    order = "DESC" if model.record_sort.descending else "ASC"
    assert model.record_sort.key == "nagari"
    expected = direct_ids(f"SELECT sr.id {JOINS} ORDER BY n.name {order}, sr.id {order}")
    assert [model.record_id(r) for r in range(model.rowCount())] == expected
    first = ServiceRecord.get_by_id(expected[0])
    assert model.data(model.index(0, section)) == first.nagari.name
    assert calls["sorted_ids"][-1][1] == model.record_sort


def test_unsortable_column_keeps_the_order(qtbot, records, calls):
    model = loaded_model(qtbot)
    before = len(calls["sorted_ids"])
    model.sort(COLUMN_INDEX["outcome_reason"], Qt.SortOrder.AscendingOrder)
    assert len(calls["sorted_ids"]) == before and not model.is_loading()


def test_filter_bar_filters_in_sql(qtbot, records, calls):
    browser = RecordsBrowser(session("kph"), record_query.choices())
    qtbot.addWidget(browser)
    with qtbot.waitSignal(browser.model.loaded, timeout=WAIT):
        browser.show()
    assert browser.count_label.text() == "2.000 data pelayanan"
    bar = browser.filter_bar
    kia = bar.category_combo.findData("kia")
    with qtbot.waitSignal(browser.model.loaded, timeout=WAIT):
        bar.category_combo.setCurrentIndex(kia)
    with qtbot.waitSignal(browser.model.loaded, timeout=WAIT):
        qtbot.keyClicks(bar.text_edit, "tanjung")

    sent = calls["sorted_ids"][-1][0]
    assert (sent.category, sent.text) == ("kia", "tanjung")
    param = "?" if db.obj.param == "?" else "%s"
    expected = direct_ids(
        f"SELECT sr.id {JOINS} WHERE c.code = {param} AND LOWER(sr.full_name) LIKE {param} "
        "ORDER BY sr.served_on DESC, sr.nagari_id DESC, sr.category_id DESC, sr.outcome_id DESC, sr.id DESC",
        ["kia", "%tanjung%"],
    )
    model = browser.model
    assert [model.record_id(r) for r in range(model.rowCount())] == expected
    assert browser.count_label.text() == f"{len(expected)} data pelayanan sesuai saringan"
    assert all(
        "tanjung" in model.data(model.index(r, COLUMN_INDEX["full_name"])).lower()
        for r in range(model.rowCount())
    )

    with qtbot.waitSignal(browser.model.loaded, timeout=WAIT):
        bar.reset()
    assert browser.model.rowCount() == ROWS


def test_a_nik_prefix_beyond_the_visible_digits_is_explained_in_the_count_line(qtbot, records):
    browser = RecordsBrowser(session("kph"), record_query.choices())
    qtbot.addWidget(browser)
    with qtbot.waitSignal(browser.model.loaded, timeout=WAIT):
        browser.show()
    nik = ServiceRecord.select().order_by(ServiceRecord.id).first().nik
    with qtbot.waitSignal(browser.model.failed, timeout=WAIT):
        qtbot.keyClicks(browser.filter_bar.text_edit, nik[:9])
    assert "cari dengan 16 digit NIK lengkap" in browser.count_label.text()
    assert browser.filter_bar.text_edit.text() == nik[:9]  # what was typed stays
    with qtbot.waitSignal(browser.model.loaded, timeout=WAIT):
        qtbot.keyClicks(browser.filter_bar.text_edit, nik[9:])
    assert browser.model.rowCount() >= 1


def test_the_team_sees_its_own_records_with_full_nik(qtbot, records):
    model = RecordsTableModel(session("anggota1"), background=False)
    model.reload()
    own = ServiceRecord.select().where(ServiceRecord.case == records[0]).count()
    assert model.rowCount() == own
    nik = model.data(model.index(0, COLUMN_INDEX["nik"]))
    assert "*" not in nik and len(nik) == 16
    kph = RecordsTableModel(session("kph"), background=False)
    kph.reload()
    assert "******" in kph.data(kph.index(0, COLUMN_INDEX["nik"]))


def test_headers_are_indonesian(qtbot, records):
    model = RecordsTableModel(session("kph"), background=False)
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(len(COLUMNS))]
    assert headers[:3] == ["Tanggal", "NIK", "Nama"] and headers[-1] == "Kasus"
