"""`./dev bench` stays runnable: the whole benchmark on a few thousand rows, both backends, every
measurement the issue names present and beside its limit, nothing failed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
NAMES = {
    "recap_month",
    "recap_year",
    "list_page_1",
    "list_page_last",
    "sort_change",
    "nik_search",
    "name_search",
    "import_xlsx_100k",
    "import_csv_100k",
    "field_merge_10k",
    "qt_table_first_paint",
    "qt_table_jump_end",
    "qt_table_memory_mb",
}
ONCE = {"launch_to_login", "login_to_main", "surat_tugas_pdf", "laporan_50_pages_pdf"}
FIELDS = {"name", "backend", "rows", "app_ms", "limit_ms", "ratio", "target_ratio", "runs"}


@pytest.mark.timeout(900)
def test_the_benchmark_runs_small_and_writes_every_figure(tmp_path):
    out, doc = tmp_path / "results.json", tmp_path / "benchmarks.md"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "run.py"), "--rows", "3000", "--runs", "1"]
        + ["--import-rows", "300", "--field-rows", "300", "--out", str(out), "--doc", str(doc)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=880,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    results = json.loads(out.read_text(encoding="utf-8"))
    assert all(FIELDS <= set(r) for r in results)
    for backend in ("sqlite", "postgresql"):
        names = {r["name"] for r in results if r["backend"] == backend}
        assert NAMES <= names, (backend, NAMES - names)
    assert ONCE <= {r["name"] for r in results}
    for r in results:
        assert r["runs"] >= 1 and (r["app_ms"] > 0 or r["name"] == "qt_table_memory_mb")
        if r["limit_ms"] is not None and r["limit_ms"] >= 1:  # ratios come from the unrounded times
            assert r["ratio"] == pytest.approx(r["app_ms"] / r["limit_ms"], rel=0.05)
    text = doc.read_text(encoding="utf-8")
    assert "## Machine and run" in text and "Failed measurements" not in text
    assert text.count("\n| ") >= len(results)
