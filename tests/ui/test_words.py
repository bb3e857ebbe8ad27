"""Every string the app shows reads as Indonesian for office staff: no raw identifiers (sop_case,
desktop.services), Python reprs, hashes, Unicode character names or English words.

words_probe.py logs in as every demo role on a fresh demo office, opens every tab, form and dialog
(the same walk as the layout test: layout_probe.py) and collects every label, button, title,
placeholder, tooltip, combo item, table header and the first rows' cells (the audit log's lines,
a signed disposition among them). tests/words.py says what is refused. The tr() source strings,
the audit names and the command line have their own tests in tests/unit/.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from tests.words import problems_in

ROOT = Path(__file__).resolve().parents[2]
PROBE = Path(__file__).with_name("words_probe.py")


def run_probe(*extra: str) -> dict[str, list[str]]:
    folder = Path(tempfile.mkdtemp(prefix="dinas-desk-words-"))
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", DINAS_DESK_DATA_DIR=str(folder / "data"))
    done = subprocess.run(
        [sys.executable, str(PROBE), *extra], cwd=ROOT, env=env, capture_output=True, text=True, timeout=900
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_every_shown_string_reads_as_indonesian():
    shown = run_probe()
    every = [text for texts in shown.values() for text in texts]
    assert len(every) > 1000  # every tab, form, dialog and table was read
    roles = {scenario.split("/")[0] for scenario in shown}
    assert {"pengadministrasi_umum", "kabid_pelayanan", "administrator", "dialog"} <= roles
    assert {"Kasus SOP", "Surat masuk"} <= set(every)  # the case file's audit lines were read
    assert any(text.startswith("Pengguna #") for text in every)  # and the administrator's log
    assert any("kode tanda tangan" in text for text in every)  # and a signed disposition
    assert problems_in(shown) == []


def test_the_probe_finds_an_english_label_put_back():
    found = problems_in(run_probe("--english"))
    assert any("English 'Incoming'" in line for line in found)
