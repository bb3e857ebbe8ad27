"""The records table in a real QTableView (offscreen): first paint, the last row painted after a
jump to the end, and memory growth; beside Qt's own QSqlQueryModel on the same SQLite file.

- first paint: from creating the model to the first page painted (the count, exact or estimated,
  and one keyset page, read in a worker thread as the app does);
- jump to the end: once the exact count is in (a moment after the first paint: what a user
  pressing Ctrl+End meets), from scrollToBottom() to the last row painted;
- memory growth: the process's resident memory after the jump and the landmarks, minus before.

QSqlQueryModel gets the same columns of service_record alone in the same order (no joins: a
cheaper query than the app's) and does what it must to show the last row: fetchMore() until
nothing is left, then the same jump. Over ten million rows it holds every row in memory; it is
measured once (not the median) since one run takes its seconds and gigabytes.
"""

from __future__ import annotations

import os
import statistics
import time
from typing import Any

from bench_common import backend_of, result

PEER_SQL = (
    "SELECT served_on, nik_masked, full_name, kk_masked, address, nagari_id, jorong, category_id, "
    "target_group_id, outcome_id, outcome_reason, case_id FROM service_record "
    "ORDER BY served_on DESC, nagari_id DESC, category_id DESC, outcome_id DESC, id DESC"
)


def rss_mb() -> float:
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def _app():
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    if not app.property("bench_warm"):  # fonts, style and a first window cost the same for any table
        from PySide6.QtGui import QStandardItemModel
        from PySide6.QtWidgets import QTableView

        view = QTableView()
        view.setModel(QStandardItemModel(10, 5, view))
        view.show()
        view.viewport().repaint()
        app.processEvents()
        view.close()
        app.setProperty("bench_warm", True)
    return app


def _wait(app, until, seconds: float = 600) -> None:
    deadline = time.monotonic() + seconds
    while not until():
        if time.monotonic() > deadline:
            raise TimeoutError("the table did not load in time")
        app.processEvents()
        time.sleep(0.0005)


def open_app_table(kph) -> tuple[float, float, float, float, float]:
    """One opening of the app's table: (first paint ms, jump ms, landmarks ready ms, MB grown,
    exact count in ms)."""
    from desktop.ui.sijarla.records_table import RecordsTableModel
    from desktop.ui.sijarla.records_view import RecordsTableView

    app = _app()
    before = rss_mb()
    started = time.perf_counter()
    model = RecordsTableModel(kph)
    view = RecordsTableView(model)
    view.resize(1200, 700)
    view.show()
    painted: list[float] = []
    model.head_loaded.connect(lambda _n: (view.viewport().repaint(), painted.append(time.perf_counter())))
    model.reload()
    _wait(app, lambda: painted)
    first = (painted[0] - started) * 1000
    _wait(app, model.count_is_exact)
    counted = (time.perf_counter() - started) * 1000
    jumped = time.perf_counter()
    view.scrollToBottom()
    view.viewport().repaint()
    last = model.rowCount() - 1
    _wait(app, lambda: model.record(last) is not None)
    jump = (time.perf_counter() - jumped) * 1000
    _wait(app, model.ready)
    ready = (time.perf_counter() - started) * 1000
    grown = rss_mb() - before
    view.close()
    view.deleteLater()
    model.deleteLater()
    app.processEvents()
    return first, jump, ready, grown, counted


def open_peer_table(path: str) -> tuple[float, float, float]:
    """QSqlQueryModel over the same file: (first paint ms, jump ms, MB grown)."""
    from PySide6.QtSql import QSqlDatabase, QSqlQuery, QSqlQueryModel
    from PySide6.QtWidgets import QTableView

    app = _app()
    name = f"peer-{time.monotonic_ns()}"
    database = QSqlDatabase.addDatabase("QSQLITE", name)
    database.setDatabaseName(path)
    assert database.open(), database.lastError().text()
    before = rss_mb()
    started = time.perf_counter()
    model = QSqlQueryModel()
    model.setQuery(QSqlQuery(PEER_SQL, database))
    view = QTableView()
    view.setModel(model)
    view.resize(1200, 700)
    view.show()
    view.viewport().repaint()
    app.processEvents()
    first = (time.perf_counter() - started) * 1000
    jumped = time.perf_counter()
    while model.canFetchMore():
        model.fetchMore()
    view.scrollToBottom()
    view.viewport().repaint()
    app.processEvents()
    jump = (time.perf_counter() - jumped) * 1000
    grown = rss_mb() - before
    view.close()
    model.clear()
    del view, model
    database.close()
    del database
    QSqlDatabase.removeDatabase(name)
    return first, jump, grown


def measure_qt(url: str, rows: int, small_url: str, runs: int = 5, peer: bool = True) -> list[dict[str, Any]]:
    """The three figures over `url`, each beside QSqlQueryModel (SQLite) and its time over `small_url`
    (a 1,000-row database of the same shape)."""
    from desktop.models import User, connection
    from desktop.services.security.auth import session_for

    backend = backend_of(url)

    def app_runs(where: str) -> list[tuple[float, float, float, float, float]]:
        connection.initialize(where)
        try:
            kph = session_for(User.get(User.username == "kph"))
            open_app_table(kph)  # warm-up
            return [open_app_table(kph) for _ in range(runs)]
        finally:
            connection.close()

    big, small = app_runs(url), app_runs(small_url)
    first, jump = statistics.median(r[0] for r in big), statistics.median(r[1] for r in big)
    ready, grown = statistics.median(r[2] for r in big), max(r[3] for r in big)
    counted = statistics.median(r[4] for r in big)
    first_small, jump_small = statistics.median(r[0] for r in small), statistics.median(r[1] for r in small)
    peer_first = peer_jump = peer_grown = None
    if backend == "sqlite" and peer:
        path = url.removeprefix("sqlite:///")
        peer_first, peer_jump, peer_grown = open_peer_table(path)
    return [
        result(
            "qt_table_first_paint",
            backend,
            rows,
            first,
            peer_first,
            None,
            runs,
            at_1000_ms=round(first_small, 2),
            ratio_to_1000=round(first / first_small, 3),
            target_ratio_to_1000=2.0,
        ),
        result(
            "qt_table_jump_end",
            backend,
            rows,
            jump,
            peer_jump,
            None,
            runs,
            at_1000_ms=round(jump_small, 2),
            ratio_to_1000=round(jump / jump_small, 3),
            target_ratio_to_1000=2.0,
            landmarks_ready_ms=round(ready, 1),
            count_ready_ms=round(counted, 1),
        ),
        # Megabytes, not milliseconds: app_ms and limit_ms hold the growth (target: under 50 MB).
        result("qt_table_memory_mb", backend, rows, grown, peer_grown, None, runs, unit="MB", target_max=50),
    ]
