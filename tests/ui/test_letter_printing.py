"""A letter printed through the app's Qt print path into a real CUPS queue (private cupsd + CUPS-PDF).

Qt talks to CUPS through libcups, which reads CUPS_SERVER once per process, so the print
runs in a child process pointed at the private server; the PDF that CUPS-PDF writes must
have the letter's page count and paper size.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time
import uuid
from pathlib import Path

import pytest

from desktop.printing.letters import render
from tests.printing import documents_data as D
from tests.printing.cups_server import cups_pdf_output_dir, pdf_queue_fixture
from tests.printing.pdf_tools import A4, F4, page_sizes


@pytest.fixture(scope="module")
def cups():
    yield from pdf_queue_fixture("dinas-desk-qtcups-")


PRINT_SCRIPT = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from PySide6.QtWidgets import QApplication
    app = QApplication([])
    from desktop.ui.documents.letter_printer import available_printers, print_pdf
    pdf, paper, title = Path(sys.argv[1]).read_bytes(), sys.argv[2], sys.argv[4]
    landscape = sys.argv[3] == "1"
    print("printers:", available_printers())
    job = print_pdf(pdf, "OfficePDF", paper=paper, landscape=landscape, title=title, dpi=150)
    print("pages:", job.pages)
    """
)


def qt_print(cups, tmp_path: Path, pdf: bytes, paper: str, landscape: bool = False) -> bytes:
    source = tmp_path / "letter.pdf"
    source.write_bytes(pdf)
    title = f"dinasdesk{uuid.uuid4().hex[:10]}"
    env = {**cups.env(), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", PRINT_SCRIPT, str(source), paper, "1" if landscape else "0", title],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "OfficePDF" in done.stdout
    folder = cups_pdf_output_dir()
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        found = sorted(folder.glob(f"*{title}*.pdf")) if folder.is_dir() else []
        if found and "OfficePDF" not in cups.run("lpstat", "-o"):  # the queue has finished the job
            data = found[-1].read_bytes()
            found[-1].unlink()
            return data
        time.sleep(0.2)
    raise AssertionError(f"no PDF for {title} in {folder}\n{cups.log_tail()}")


def test_a4_letter_prints_through_qt_with_its_pages_and_size(cups, tmp_path):
    letter = render(D.report(), "A4")
    printed = qt_print(cups, tmp_path, letter.data, "A4")
    sizes = page_sizes(printed)
    assert len(sizes) == letter.page_count > 1
    assert all(size == pytest.approx(A4, abs=2) for size in sizes)


def test_f4_letter_keeps_the_folio_size(cups, tmp_path):
    letter = render(D.assignment(), "F4")
    printed = qt_print(cups, tmp_path, letter.data, "F4")
    sizes = page_sizes(printed)
    assert len(sizes) == letter.page_count
    assert all(size == pytest.approx(F4, abs=2) for size in sizes), sizes


def test_unknown_printer_gives_a_clear_message(qapp):
    from desktop.ui.documents.letter_printer import LetterPrintError, print_pdf

    with pytest.raises(LetterPrintError, match="tidak ditemukan"):
        print_pdf(render(D.assignment(), "A4").data, "PrinterYangTidakAda")
