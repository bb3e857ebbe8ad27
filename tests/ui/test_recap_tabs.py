"""The recap desks through the real widgets: build, look, export, forward, submit; and their models."""

from __future__ import annotations

import datetime as dt
import gc

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QDate, QEvent, Qt
from PySide6.QtGui import QColor, QFontMetrics, QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip

from desktop.models import Recap
from desktop.services.demo.office import DEMO_PASSWORD
from desktop.services.security import auth
from desktop.services.sijarla import recap, recap_export, service_records
from desktop.services.sijarla import steps as sijarla
from desktop.services.sijarla.recap import Period, RecapFigures
from desktop.services.sijarla.service_records import RowError
from desktop.ui.common.chart_bars import BarChartWidget, ChartPanel, RecapChartWidget, top_bars
from desktop.ui.main_window import MainWindow
from desktop.ui.sijarla import kabid_pemanfaatan, recap_save
from desktop.ui.sijarla.recap_period import PeriodPicker
from desktop.ui.sijarla.recap_table import RecapTableModel
from desktop.ui.sijarla.records_import_errors import ImportErrorsTableModel
from tests.db.factories import session
from tests.db.test_permissions import at_step, record_draft

TODAY = dt.date.today()
_WINDOWS: list[MainWindow] = []  # qtbot holds widgets weakly


@pytest.fixture(autouse=True)
def _windows():
    # Garbage with Qt objects in it must be collected here, on the UI thread: a collection that
    # happens to start in a worker (the import, a save) would destroy widgets from that thread.
    gc.collect()
    yield
    _WINDOWS.clear()
    gc.collect()


def open_tab(qtbot, username: str, role: str):
    window = MainWindow(auth.login(username, DEMO_PASSWORD))
    qtbot.addWidget(window)
    _WINDOWS.append(window)
    window.resize(1280, 800)
    window.show()
    tab = window.tab_for(role)
    qtbot.waitUntil(lambda: tab.loads_finished >= 1, timeout=10_000)
    return tab


def reported_case() -> int:
    """A case whose team sent its report: it waits for the recap."""
    case_id = at_step("pelayanan")
    anggota = session("anggota1")
    for nik, category, outcome, reason in (
        ("1302034507510002", "ktp_rekam", "selesai", ""),
        ("1302031202800003", "kia", "selesai", ""),
        ("1302035003900004", "ktp_rekam", "gagal_rekam", "Sidik jari tidak terbaca"),
    ):
        draft = record_draft(nik)
        draft = service_records.RecordDraft(
            **{**draft.__dict__, "category": category, "outcome": outcome, "outcome_reason": reason}
        )
        service_records.add_record(anggota, case_id, draft)
    report = sijarla.ReportDraft("Pendahuluan.", "Kegiatan.", "Simpulan.")
    sijarla.submit_report(session("ketua1"), case_id, report, sijarla.case_summary(case_id).version)
    return case_id


def figures() -> RecapFigures:
    return RecapFigures(
        period=Period("bulan", dt.date(2026, 8, 1), dt.date(2026, 8, 31)),
        rows=[
            ("Gunung Talang", "Cupak", "KIA (Kartu Identitas Anak)", "Selesai", 7),
            ("Gunung Talang", "Koto Gaek Guguk", "KTP-el perekaman", "Gagal rekam", 2),
            ("Kubung", "Gantuang Ciri", "KTP-el perekaman", "Selesai", 12),
        ],
        by_nagari={"Cupak": 7, "Koto Gaek Guguk": 2, "Gantuang Ciri": 12},
        by_category={"KIA (Kartu Identitas Anak)": 7, "KTP-el perekaman": 14},
        by_outcome={"Selesai": 19, "Gagal rekam": 2},
        total_records=21,
        served=19,
        cases_opened=3,
        cases_finished=2,
        cases_within_limit=1,
        cases_late=1,
    )


# --- Ketua Pelaksana Harian ----------------------------------------------------------------------


def test_kph_builds_the_month_recap_sees_table_and_chart_exports_and_forwards(
    qtbot, demo_logins, monkeypatch, tmp_path
):
    case_id = reported_case()
    tab = open_tab(qtbot, "kph", "ketua_pelaksana_harian")
    assert [(e.kind, e.ref_id, e.step) for e in tab.entries()] == [("kasus", case_id, "rekap")]
    panel = tab.panel
    tab.period_picker.set_month(TODAY.year, TODAY.month)

    qtbot.mouseClick(tab.preview_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.view.figures is not None, timeout=10_000)
    view = panel.view
    month = recap.MONTHS[TODAY.month - 1]
    assert view.title_label.text() == f"Rekapitulasi Pelayanan Inovasi SIJARLA Bulan {month} {TODAY.year}"
    assert view.status_label.text() == "Pratinjau, belum disimpan"
    assert (view.tile_value("total_records"), view.tile_value("served")) == ("3", "2")
    assert view.tile_value("cases_finished") == "1"
    assert not panel.primary_button.isEnabled()
    model = view.table_model
    rows = [tuple(model.data(model.index(r, c)) for c in range(5)) for r in range(model.rowCount())]
    assert rows == [
        ("Kubung", "Koto Baru", "KIA (Kartu Identitas Anak)", "Selesai", "1"),
        ("Kubung", "Koto Baru", "KTP-el perekaman", "Gagal rekam", "1"),
        ("Kubung", "Koto Baru", "KTP-el perekaman", "Selesai", "1"),
    ]
    chart = view.chart
    assert [p.title for p in chart.panels] == ["Per nagari", "Per kategori layanan"]
    assert chart.panels[0].bars == (("Koto Baru", 3),)
    assert chart.panels[1].bars == (("KTP-el perekaman", 2), ("KIA (Kartu Identitas Anak)", 1))
    assert painted(chart, RecapChartWidget.NAGARI_COLOR) and painted(chart, RecapChartWidget.CATEGORY_COLOR)

    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.saved is not None, timeout=10_000)
    reference = sijarla.case_summary(case_id).reference
    assert panel.banner.text() == f"Rekap disimpan sebagai draf. Kasus selesai: {reference}."
    assert view.status_label.text() == "Draf" and panel.primary_button.isEnabled()
    assert sijarla.case_summary(case_id).status == "selesai"
    qtbot.waitUntil(lambda: [e.kind for e in tab.entries()] == ["rekap"], timeout=10_000)

    target = tmp_path / "rekap.xlsx"
    monkeypatch.setattr(recap_save.SaveFileDialog, "ask", staticmethod(lambda *args: target))
    qtbot.mouseClick(panel.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.banner.text() == f"Disimpan ke {target}", timeout=10_000)
    sheet = load_workbook(target)["Rekapitulasi"]
    assert sheet["A1"].value == panel.saved.title
    assert sheet["A3"].value.startswith("Status: Draf (belum diteruskan).")
    header = recap_export.TABLE_HEADER_ROW
    assert [c.value for c in sheet[header]] == [
        "No",
        "Kecamatan",
        "Nagari",
        "Kategori layanan",
        "Hasil",
        "Jumlah",
    ]
    assert [c.value for c in sheet[header + 2]] == [
        2,
        "Kubung",
        "Koto Baru",
        "KTP-el perekaman",
        "Gagal rekam",
        1,
    ]
    assert sheet.cell(recap_export.SUMMARY_ROW, 6).value == 3
    assert (sheet.cell(header + 4, 2).value, sheet.cell(header + 4, 6).value) == ("Jumlah", 3)

    pdf = tmp_path / "rekap.pdf"
    monkeypatch.setattr(recap_save.SaveFileDialog, "ask", staticmethod(lambda *args: pdf))
    qtbot.mouseClick(panel.pdf_button, Qt.MouseButton.LeftButton)
    reason = recap_export.pdf_unavailable_reason()
    if reason is None:
        qtbot.waitUntil(lambda: panel.banner.text() == f"Disimpan ke {pdf}", timeout=20_000)
        assert pdf.read_bytes().startswith(b"%PDF")
    else:
        assert panel.banner.text() == reason

    qtbot.mouseClick(panel.primary_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.saved.status == "diteruskan", timeout=10_000)
    assert panel.banner.text() == "Rekap diteruskan ke Kabid Pemanfaatan Data dan Inovasi Pelayanan."
    assert view.status_label.text() == "Diteruskan"
    assert not panel.primary_button.isEnabled()
    assert Recap.get_by_id(panel.saved.id).status == "diteruskan"
    qtbot.waitUntil(lambda: tab.entries() == [], timeout=10_000)


def painted(widget, color: str) -> bool:
    image = widget.grab().toImage()
    wanted = QColor(color).rgb()
    step = 3
    return any(
        image.pixel(x, y) == wanted
        for x in range(0, image.width(), step)
        for y in range(0, image.height(), step)
    )


def test_a_preview_can_be_cancelled_and_a_wrong_period_is_explained(qtbot, demo_logins):
    tab = open_tab(qtbot, "kph", "ketua_pelaksana_harian")
    tab.preview()
    tab.cancel_preview()
    assert tab.panel.banner.text() == "Pratinjau dibatalkan." and tab.preview_button.isEnabled()
    qtbot.wait(300)  # the computation still finishes in the background: its result is dropped
    assert tab.panel.view.figures is None

    picker = tab.period_picker
    picker.set_kind("bebas")
    picker.start_edit.setDate(QDate(TODAY))
    picker.end_edit.setDate(QDate(TODAY - dt.timedelta(days=3)))
    qtbot.mouseClick(tab.preview_button, Qt.MouseButton.LeftButton)
    assert tab.panel.banner.text() == "Tanggal akhir tidak boleh sebelum tanggal awal."


def test_the_period_picker_asks_the_recap_service_for_each_kind(qtbot):
    picker = PeriodPicker(today=dt.date(2026, 5, 20))
    qtbot.addWidget(picker)
    assert picker.period() == Period("bulan", dt.date(2026, 5, 1), dt.date(2026, 5, 31))
    picker.set_kind("triwulan")
    assert picker.period() == Period("triwulan", dt.date(2026, 4, 1), dt.date(2026, 6, 30))
    picker.set_kind("tahun")
    assert picker.period() == Period("tahun", dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    picker.set_kind("bebas")
    assert picker.period() == Period("bebas", dt.date(2026, 5, 1), dt.date(2026, 5, 20))
    assert picker.start_edit.isVisibleTo(picker) and not picker.month_combo.isVisibleTo(picker)


# --- Kabid Pemanfaatan Data -------------------------------------------------------------------------


def test_kabid_pemanfaatan_opens_the_forwarded_recap_and_submits_it(qtbot, demo_logins):
    reported_case()
    built = recap.build_recap(session("kph"), recap.period("bulan", TODAY.year, TODAY.month))
    recap.forward_recap(session("kph"), built.id, built.version)
    tab = open_tab(qtbot, "kabidpdip", "kabid_pemanfaatan")
    panel = tab.panel
    assert not panel.primary_button.isEnabled()
    row = tab.row_of("rekap", built.id)
    assert row is not None
    rect = tab.worklist.visualRect(tab.worklist.model().index(row, 0))
    qtbot.mouseClick(tab.worklist.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(tab.worklist.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: panel.saved is not None, timeout=10_000)

    assert panel.saved is not None and panel.saved.id == built.id
    assert panel.view.title_label.text() == built.title
    assert panel.view.status_label.text() == "Diteruskan"
    assert panel.view.table_model.rowCount() == len(built.figures.rows)
    assert panel.view.chart.panels[0].bars == (("Koto Baru", 3),)
    qtbot.mouseClick(panel.primary_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.saved.status == "diajukan", timeout=10_000)
    assert panel.banner.text() == "Rekap diajukan ke Kepala Dinas."
    assert Recap.get_by_id(built.id).status == "diajukan"
    qtbot.waitUntil(lambda: tab.row_of("rekap", built.id) is None, timeout=10_000)


def test_an_innovation_entry_goes_to_the_innovation_hook_or_says_it_is_missing(
    qtbot, demo_logins, monkeypatch
):
    tab = open_tab(qtbot, "kabidpdip", "kabid_pemanfaatan")
    entry = type(
        "Entry",
        (),
        {"kind": "kasus", "ref_id": 42, "number": "INV-2026-001", "step_name": "Penelaahan Kabid"},
    )
    calls: list[tuple] = []
    monkeypatch.setattr(kabid_pemanfaatan, "innovation_hook", lambda: lambda *args: calls.append(args))
    tab.open_work_item(entry)
    assert calls == [(tab, tab.session, entry)]

    monkeypatch.setattr(kabid_pemanfaatan, "innovation_hook", lambda: None)
    tab.open_work_item(entry)
    assert tab.panel.banner.text() == (
        "INV-2026-001 (Penelaahan Kabid): formulir telaahan inovasi belum tersedia di versi ini."
    )


def test_the_innovation_hook_is_found_in_the_innovation_tabs(demo_logins):
    hook = kabid_pemanfaatan.innovation_hook()
    assert hook is None or hook.__name__ == kabid_pemanfaatan.INNOVATION_HOOK


def test_a_team_member_has_no_recap_desk(qtbot, demo_logins):
    window = MainWindow(auth.login("anggota1", DEMO_PASSWORD))
    qtbot.addWidget(window)
    assert window.tab_for("ketua_pelaksana_harian") is None and window.tab_for("kabid_pemanfaatan") is None


# --- The models and the chart ------------------------------------------------------------------------


def test_recap_table_model_passes_the_qt_model_tester(qtmodeltester):
    model = RecapTableModel()
    model.set_rows(figures().rows)
    qtmodeltester.check(model, force_py=True)
    assert model.data(model.index(0, 1), Qt.ItemDataRole.ToolTipRole) == "Cupak, Kecamatan Gunung Talang"


def test_import_errors_model_passes_the_qt_model_tester(qtmodeltester):
    model = ImportErrorsTableModel([RowError(7, "NIK", "NIK harus 16 digit."), RowError(3, "Kategori", "x")])
    qtmodeltester.check(model, force_py=True)
    assert [model.data(model.index(r, 0)) for r in range(2)] == ["3", "7"]
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(3)]
    assert headers == ["Baris", "Kolom", "Masalah"]


def test_the_chart_keeps_the_largest_bars_and_sums_the_rest():
    counts = {f"Nagari {i:02d}": i for i in range(1, 16)}
    bars = top_bars(counts, limit=5)
    assert bars[:4] == (("Nagari 15", 15), ("Nagari 14", 14), ("Nagari 13", 13), ("Nagari 12", 12))
    assert bars[4] == ("Lainnya (11)", sum(range(1, 12)))
    assert top_bars({"A": 1}) == (("A", 1),)


def test_the_chart_never_cuts_a_bar_off_and_names_a_long_label_in_its_tooltip(qtbot):
    chart = BarChartWidget()
    qtbot.addWidget(chart)
    counts = {f"Nagari {i:02d}": 10 + i for i in range(10)}
    counts["KIA (Kartu Identitas Anak) dan Akta Kelahiran Sekaligus"] = 5
    chart.set_panels((ChartPanel("Per nagari", top_bars(counts)),))
    chart.resize(420, 160)  # room for a few lines only
    (bars,) = chart.bars_drawn()
    assert 3 <= len(bars) < 10
    bottom = chart.rect().bottom()
    text_height = QFontMetrics(chart.font()).height()  # a label box lower than the font clips it
    assert all(bar.bar_rect.bottom() <= bottom and bar.label_rect.height() >= text_height for bar in bars)
    assert bars[-1].label.startswith("Lainnya (")
    assert sum(bar.value for bar in bars) == sum(counts.values())  # nothing dropped, only summed

    chart.resize(420, 600)
    (bars,) = chart.bars_drawn()
    assert len(bars) == 10 and bars[-1].label == "Lainnya (2)"
    chart.set_panels(
        (ChartPanel("Per kategori", (("KIA (Kartu Identitas Anak) dan Akta Kelahiran Sekaligus", 5),)),)
    )
    (bars,) = chart.bars_drawn()
    assert bars[0].label_rect.width() <= chart.width() / 2  # elided on screen
    chart.show()
    qtbot.waitExposed(chart)
    where = bars[0].label_rect.center().toPoint()
    QApplication.sendEvent(chart, QHelpEvent(QEvent.Type.ToolTip, where, chart.mapToGlobal(where)))
    qtbot.waitUntil(lambda: QToolTip.isVisible(), timeout=5000)
    assert QToolTip.text() == "KIA (Kartu Identitas Anak) dan Akta Kelahiran Sekaligus: 5"


def test_the_chart_draws_both_panels_side_by_side_when_wide(qtbot):
    chart = RecapChartWidget()
    qtbot.addWidget(chart)
    chart.set_figures(figures())
    chart.resize(900, 300)
    assert chart.side_by_side()
    left, right = chart.panel_rects()
    assert left.right() < right.left() and left.top() == right.top()
    chart.resize(500, 420)
    assert not chart.side_by_side()
    top, bottom = chart.panel_rects()
    assert top.bottom() < bottom.top()
    assert painted(chart, RecapChartWidget.NAGARI_COLOR)
    chart.set_figures(None)
    assert not painted(chart, RecapChartWidget.NAGARI_COLOR)
