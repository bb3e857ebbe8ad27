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


# --- A column count per printer: 58 mm/32, 80 mm/42 (Epson TM-T88 class), 80 mm/48 -----------------

PRINTER_COLUMNS = ((58, 32), (80, 42), (80, 48))


def long_receipt():
    """Every wrapped field long, with words longer than any line and many services."""
    return D.receipt(
        sender="Wali Nagari Koto Baru Kecamatan Kubung Kabupaten Solok Provinsi Sumatera Barat " * 3,
        letter_number="140/27/WN-KB/2026/" + "X" * 70,
        nagari="Koto Baru Selatan Bagian Timur",
        kecamatan="Kubung Selatan dan Sekitarnya",
        subject="Permohonan pelayanan jemput bola KTP-el bagi lansia dan disabilitas " * 5 + "A" * 60,
        requested=tuple((f"Layanan administrasi kependudukan nomor {i} " * 2, 100 + i) for i in range(6)),
        received_by=dataclasses.replace(
            D.receipt().received_by, name="Yuliani Fitri Rahmadani Putri, A.Md " * 3
        ),
    )


@pytest.mark.parametrize(("width", "columns"), PRINTER_COLUMNS)
def test_every_receipt_line_fits_the_printers_column_count(width, columns):
    out = decode(render_receipt(long_receipt(), width, columns), PRINTERS[width].profile)
    widths = [len(line.text) * (2 if line.size & 0x20 else 1) for line in out.lines]
    assert all(w <= columns for w in widths), [line.text for line in out.lines if len(line.text) > columns]
    assert max(widths) == columns  # the layout uses the whole line (the rules), not a narrower default
    text = " ".join(out.text.split())
    assert "TANDA TERIMA" in text and "SJ-7KQ2MX9P" in text and "Layanan administrasi" in text
    assert out.cuts == (width == 80)  # the column count changes no other capability of the printer


def test_the_42_column_layout_wraps_where_the_48_column_one_does_not():
    lines_42 = receipt_lines(D.receipt(), 80, 42)
    lines_48 = receipt_lines(D.receipt(), 80)
    assert max(len(line.text) for line in lines_42) == 42
    assert max(len(line.text) for line in lines_48) == 48
    assert len(lines_42) > len(lines_48)
    assert receipt_lines(D.receipt(), 80, 48) == lines_48  # 48 on 80 mm is the width's own


@pytest.mark.parametrize(("width", "columns"), [(58, 42), (58, 48), (80, 40), (80, 64)])
def test_a_column_count_the_paper_cannot_hold_is_refused(width, columns):
    with pytest.raises(ValueError, match="kolom"):
        render_receipt(D.receipt(), width, columns)
