"""Thermal receipts, decoded as a printer would read them: text, code page, QR code, cut, width."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io

import pytest
from PIL import Image

from desktop.printing.receipt_preview import preview_png
from desktop.printing.receipts import PRINTERS, receipt_lines, render_receipt
from desktop.printing.text import to_ascii

from . import documents_data as D
from .escpos_decode import decode, with_quiet_zone
from .pdf_tools import qr_texts

WIDTHS = (58, 80)


def decoded(width: int, doc=None):
    return decode(render_receipt(doc or D.receipt(), width), PRINTERS[width].profile)


@pytest.mark.parametrize("width", WIDTHS)
def test_receipt_prints_office_agenda_time_nagari_subject_and_deadline(width):
    text = " ".join(decoded(width).text.split())
    for expected in (
        "PEMERINTAH KABUPATEN SOLOK",
        "DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL",
        "TANDA TERIMA",
        "0007/AG/2026",
        "16-11-2026 09:15",
        "Koto Baru, Kec. Kubung",
        "Permohonan pelayanan jemput bola KTP-el bagi lansia dan disabilitas",
        "Selesai paling lambat: Kamis, 19 November 2026",
        "(3 hari kerja sesuai SOP)",
        "Kode lacak: SJ-7KQ2MX9P",
        "KTP-el perekaman (25)",
        "Diterima oleh: Yuliani Fitri, A.Md",
        "Kode verifikasi: K7MPX-2QR9T",
    ):
        assert expected in text, f"{width} mm: '{expected}' missing"


@pytest.mark.parametrize("width", WIDTHS)
def test_receipt_lines_fit_the_paper(width):
    out = decoded(width)
    columns = PRINTERS[width].columns
    for line in out.lines:
        scale = 2 if line.size & 0x20 else 1  # double width
        assert len(line.text) * scale <= columns, line


@pytest.mark.parametrize("width", WIDTHS)
def test_receipt_pins_one_code_page_and_sends_only_ascii(width):
    out = decoded(width)
    assert out.code_pages == ["CP858"]
    data = render_receipt(D.receipt(), width)
    text_bytes = bytes(b for b in data if 0x20 <= b < 0x7F or b == 0x0A)
    assert text_bytes  # sanity: there is text at all
    assert all(ch.isascii() for ch in out.text)


def test_non_ascii_text_is_transliterated_not_garbled():
    doc = D.receipt(
        subject="Permohonan “jemput bola” untuk Nagari Sumaniak – Café Ilé", sender="Wali Nagari Ñagari"
    )
    text = " ".join(decoded(80, doc).text.split())
    assert '"jemput bola"' in text
    assert "Sumaniak - Cafe Ile" in text
    assert "Wali Nagari Nagari" in text
    assert to_ascii("Ａ\u200b€") == "A?"  # fullwidth folds, zero-width dropped, the rest '?'


def test_80_mm_receipt_carries_the_tracking_code_as_a_native_qr_and_cuts():
    out = decoded(80)
    assert out.qr_payloads == ["SJ-7KQ2MX9P"]
    assert out.images == []
    assert out.cuts == 1


def test_58_mm_receipt_prints_the_qr_as_dots_that_scan_and_does_not_cut():
    out = decoded(58)
    assert out.qr_payloads == [] and out.cuts == 0  # POS-5890: no QR command, no cutter
    assert len(out.images) == 1
    assert out.images[0].width <= PRINTERS[58].dots
    assert qr_texts(with_quiet_zone(out.images[0])) == ["SJ-7KQ2MX9P"]
    assert out.feeds >= 4  # fed past the tear bar


@pytest.mark.parametrize("width", WIDTHS)
def test_receipt_preview_png_shows_a_scannable_qr(width):
    picture = Image.open(io.BytesIO(preview_png(render_receipt(D.receipt(), width), width)))
    assert picture.width == PRINTERS[width].dots + 32
    assert picture.height > 600
    assert qr_texts(picture) == ["SJ-7KQ2MX9P"]


def test_receipt_without_deadline_or_clerk_still_prints():
    doc = D.receipt(due_on=None, received_by=None, verification=None, requested=())
    text = decoded(58, doc).text
    assert "Selesai paling lambat" not in text and "Diterima oleh" not in text
    assert "SJ-7KQ2MX9P" in text


def test_rendering_is_repeatable_byte_for_byte():
    assert render_receipt(D.receipt(), 80) == render_receipt(D.receipt(), 80)


def test_unknown_width_is_refused():
    with pytest.raises(ValueError, match="58"):
        render_receipt(D.receipt(), 76)


def test_receipt_lines_are_plain_data():
    lines = receipt_lines(dataclasses.replace(D.receipt(), received_at=dt.datetime(2026, 1, 2, 3, 4)), 80)
    assert any(line.qr == "SJ-7KQ2MX9P" for line in lines)
    assert any("02-01-2026 03:04" in line.text for line in lines)
