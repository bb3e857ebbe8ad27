"""A letter printed through a real CUPS queue (private cupsd + CUPS-PDF) keeps its pages and paper.

This proves the queue the UI's Qt print sink is tested against: start it with
tests.printing.cups_server and point Qt at it with CUPS_SERVER=127.0.0.1:<port>.
"""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest

from desktop.printing.letters import render

from . import documents_data as D
from .cups_server import pdf_queue_fixture
from .pdf_tools import A4, F4, fonts, page_sizes


@pytest.fixture(scope="module")
def cups():
    yield from pdf_queue_fixture("dinas-desk-cups-")


def _print(cups, tmp_path: Path, data: bytes, *options: str) -> bytes:
    source = tmp_path / "surat.pdf"
    source.write_bytes(data)
    job = cups.print_file(source, "OfficePDF", f"dinas-desk-{uuid.uuid4().hex[:8]}", *options)
    output = cups.wait_for_output(job)
    try:
        return output.read_bytes()
    finally:
        output.unlink()


def test_a4_report_comes_out_of_the_queue_with_its_pages_and_size(cups, tmp_path):
    letter = render(D.report(), "A4")
    printed = _print(cups, tmp_path, letter.data)
    sizes = page_sizes(printed)
    assert len(sizes) == letter.page_count == 4
    assert all(size == pytest.approx(A4, abs=1.5) for size in sizes)
    assert all(f.embedded for f in fonts(printed))


def test_f4_needs_its_page_size_sent_with_the_job(cups, tmp_path):
    letter = render(D.report(), "F4")
    printed = _print(cups, tmp_path, letter.data, "media=Custom.215x330mm")
    sizes = page_sizes(printed)
    assert len(sizes) == letter.page_count
    assert all(size == pytest.approx(F4, abs=1.5) for size in sizes)
    # Without it the queue's default paper (A4 in the CUPS-PDF PPD) wins and the page is scaled.
    scaled = page_sizes(_print(cups, tmp_path, letter.data))
    assert all(size == pytest.approx(A4, abs=1.5) for size in scaled)
