"""The virtual records table: correct against SQL, and reading only the pages that are shown."""

from __future__ import annotations

import gc
import time

import pytest
from PySide6.QtCore import QPoint, Qt

from desktop.models import ServiceRecord, db
from desktop.services.sijarla import record_query, record_window
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
    """Every count, estimate, page, window and landmarks call the model makes."""
    seen: dict[str, list] = {"count": [], "estimate": [], "page": [], "window": [], "landmarks": []}
    real_count, real_page = record_query.count, record_query.page
    real_estimate, real_window, real_marks = (
        record_window.estimated_count,
        record_window.window,
        record_window.landmarks,
    )

    def count(actor, f=RecordFilter()):  # noqa: B008
        seen["count"].append(f)
        return real_count(actor, f)

    def estimated_count(actor, f=RecordFilter(), cap=record_window.COUNT_CAP):  # noqa: B008
        seen["estimate"].append((f, cap))
        return real_estimate(actor, f, cap)

    def page(actor, f=RecordFilter(), sort=RecordSort(), **kwargs):  # noqa: B008
        seen["page"].append((f, sort, kwargs))
        return real_page(actor, f, sort, **kwargs)

    def window(actor, f=RecordFilter(), sort=RecordSort(), **kwargs):  # noqa: B008
        seen["window"].append((f, sort, kwargs))
        return real_window(actor, f, sort, **kwargs)

    def landmarks(actor, f=RecordFilter(), sort=RecordSort(), every=record_window.STRIDE):  # noqa: B008
        seen["landmarks"].append((f, sort, every))
        return real_marks(actor, f, sort, every)

    monkeypatch.setattr(record_query, "count", count)
    monkeypatch.setattr(record_query, "page", page)
    monkeypatch.setattr(record_window, "estimated_count", estimated_count)
    monkeypatch.setattr(record_window, "window", window)
    monkeypatch.setattr(record_window, "landmarks", landmarks)
    return seen


def loaded_model(qtbot, **kwargs) -> RecordsTableModel:
    model = RecordsTableModel(session("kph"), **kwargs)
    with qtbot.waitSignal(model.loaded, timeout=WAIT):
        model.reload()
    return model


def shown_ids(model: RecordsTableModel) -> list[int]:
    """Every row's record id, reading the pages as a scroll to the end would."""
    return [model.record_id(r) for r in range(model.rowCount())]


DEFAULT_ORDER = (
    f"SELECT sr.id {JOINS} ORDER BY sr.served_on DESC, sr.nagari_id DESC, sr.category_id DESC, "
    "sr.outcome_id DESC, sr.id DESC"
)


def test_records_model_passes_the_qt_model_tester(qtmodeltester, records):
    model = RecordsTableModel(session("kph"), background=False, record_filter=RecordFilter(text="siti"))
    model.reload()
    assert 0 < model.rowCount() < ROWS
    qtmodeltester.check(model, force_py=True)
    big = RecordsTableModel(session("kph"), background=False, stride=300, count_cap=500)
    big.reload()
    assert big.rowCount() == ROWS and big.ready()
    qtmodeltester.check(big, force_py=True)


def test_rows_are_read_next_to_the_nearest_known_row(qtbot, records, calls):
    # A stride of 300 and a count cap of 500 make 2,000 rows behave as ten million would.
    model = loaded_model(qtbot, stride=300, count_cap=500)
    view = RecordsTableView(model)
    qtbot.addWidget(view)
    view.resize(900, 420)
    view.show()
    qtbot.waitExposed(view)
    qtbot.wait(50)

    # Opening: an estimate and one keyset page are shown, then the exact count and 6 landmarks.
    assert model.rowCount() == ROWS and model.count_is_exact()
    assert len(calls["estimate"]) == len(calls["page"]) == len(calls["count"]) == len(calls["landmarks"]) == 1
    assert calls["page"][0][2] == {"limit": 200} and calls["landmarks"][0][2] == 300
    assert calls["window"] == [] and model.cached_pages() == [0]
    assert model.anchor_count() == 1 + ROWS // 300
    expected = direct_ids(DEFAULT_ORDER)
    assert [model.record_id(r) for r in range(200)] == expected[:200]

    view.scrollTo(model.index(1500, 0), RecordsTableView.ScrollHint.PositionAtTop)
    qtbot.wait(50)
    assert model.cached_pages() == [0, 7]
    # Rows 1400..1599: before the landmark at row 1799 (skip 199), not after the one at 1199 (skip 200).
    assert [(w[2]["skip"], "before" in w[2]) for w in calls["window"]] == [(199, True)]
    assert [model.record_id(r) for r in range(1400, 1600)] == expected[1400:1600]
    view.scrollToBottom()
    qtbot.wait(50)
    assert model.cached_pages() == [0, 7, 9]
    assert calls["window"][-1][2] == {"from_end": True, "skip": 0, "limit": 200}
    assert [model.record_id(r) for r in range(1800, 2000)] == expected[1800:]

    # Every row, wherever it is read from, is the row the whole order has there.
    assert shown_ids(model) == expected
    assert max(w[2]["skip"] for w in calls["window"]) < 300  # never a stride away from a known key
    assert len(calls["count"]) == len(calls["landmarks"]) == 1 and len(model.cached_pages()) == 10


def test_the_first_page_shows_before_the_exact_count_arrives(qtbot, records, monkeypatch):
    browser = RecordsBrowser(session("kph"), record_query.choices())
    browser.model._count_cap = 500
    qtbot.addWidget(browser)
    model = browser.model
    release: list[bool] = []
    real_count = record_query.count

    def slow_count(*args):
        deadline = time.monotonic() + 10
        while not release and time.monotonic() < deadline:  # wait until the test has looked
            time.sleep(0.01)
        return real_count(*args)

    monkeypatch.setattr(record_query, "count", slow_count)
    with qtbot.waitSignal(model.head_loaded, timeout=WAIT):
        browser.show()
    estimate = model.rowCount()
    # An estimate (the planner's, or a sample), at least the first page and one row more.
    assert estimate >= 201 and model.is_loading() and not model.count_is_exact() and not model.ready()
    assert browser.count_label.text() == f"sekitar {estimate:,} data pelayanan".replace(",", ".")
    first = model.data(model.index(0, COLUMN_INDEX["full_name"]))
    assert first and first != "…"
    assert model.data(model.index(200, COLUMN_INDEX["full_name"])) not in (None, "", "…")
    with qtbot.waitSignal(model.loaded, timeout=WAIT):
        release.append(True)
    assert model.rowCount() == ROWS and model.count_is_exact() and model.ready()
    assert browser.count_label.text() == "2.000 data pelayanan"
    assert model.data(model.index(1999, COLUMN_INDEX["full_name"])) != "…"
    assert model.data(model.index(0, COLUMN_INDEX["full_name"])) == first
    assert shown_ids(model) == direct_ids(DEFAULT_ORDER)


def test_memory_does_not_grow_with_the_rows_read(qtbot, records):
    model = loaded_model(qtbot, stride=300, count_cap=500, page_size=10)
    for row in range(0, ROWS, 7):
        assert model.record(row) is not None
    assert len(model.cached_pages()) <= 64
    # Anchors: the landmarks and two keys per page read, never more than MAX_ANCHORS.
    assert model.anchor_count() <= ROWS // 300 + 2 * ROWS // 10


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
    assert shown_ids(model) == expected
    first = ServiceRecord.get_by_id(expected[0])
    assert model.data(model.index(0, section)) == first.nagari.name
    assert calls["page"][-1][1] == model.record_sort


def test_unsortable_column_keeps_the_order(qtbot, records, calls):
    model = loaded_model(qtbot)
    before = len(calls["page"])
    model.sort(COLUMN_INDEX["outcome_reason"], Qt.SortOrder.AscendingOrder)
    assert len(calls["page"]) == before and not model.is_loading()


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

    sent = calls["page"][-1][0]
    assert (sent.category, sent.text) == ("kia", "tanjung")
    param = "?" if db.obj.param == "?" else "%s"
    expected = direct_ids(
        f"SELECT sr.id {JOINS} WHERE c.code = {param} AND LOWER(sr.full_name) LIKE {param} "
        "ORDER BY sr.served_on DESC, sr.nagari_id DESC, sr.category_id DESC, sr.outcome_id DESC, sr.id DESC",
        ["kia", "%tanjung%"],
    )
    model = browser.model
    assert shown_ids(model) == expected
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
