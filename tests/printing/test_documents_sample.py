"""`dinas-desk --demo documents sample DIR`: every document type from a fresh demo office."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image

from desktop.cli import main
from desktop.models import IssuedDocument, connection
from desktop.printing.receipts import PRINTERS

from .escpos_decode import decode
from .pdf_tools import A4, all_text, fonts, page_sizes, qr_texts

PDFS = (
    "tanda_terima",
    "lembar_disposisi",
    "surat_tugas",
    "laporan_pelaksanaan",
    "laporan_pelaksanaan_nik_tersamar",
    "rekapitulasi",
    "sop_sijarla",
    "sop_inovasi",
)


@pytest.fixture(scope="module")
def sample_dir(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("contoh")
    try:
        assert main(["--demo", "documents", "sample", str(folder)]) == 0
        # Samples are never archived: the archive holds only what the demo office signed, each
        # Lembar Disposisi and Surat Tugas issued with its signature.
        archived = {(d.doc_type, d.verification_code) for d in IssuedDocument.select()}
        assert {kind for kind, _code in archived} == {"disposisi", "surat_tugas"}
        assert all(code != "CONTOH" for _kind, code in archived)
    finally:
        connection.close()
    return folder


def test_sample_writes_every_letter_as_an_embedded_font_pdf(sample_dir: Path):
    for name in PDFS:
        data = (sample_dir / f"{name}.pdf").read_bytes()
        sizes = page_sizes(data)
        assert sizes, name
        expected = (A4[1], A4[0]) if name.startswith("sop_") else A4  # the SOP matrix is landscape
        assert all(s == pytest.approx(expected, abs=0.5) for s in sizes), name
        assert all(f.embedded for f in fonts(data)), name
        text = all_text(data)
        assert "CONTOH: bukan dokumen resmi" in text, name
    assert "PEMERINTAH KABUPATEN SOLOK" in all_text((sample_dir / "surat_tugas.pdf").read_bytes())
    masked = all_text((sample_dir / "laporan_pelaksanaan_nik_tersamar.pdf").read_bytes())
    assert "Edisi NIK tersamar" in masked and "******" in masked
    # The demo's Inovasi SOP comes from Padang Pariaman: printed under this office's own government,
    # with a line naming where it comes from (issue 15 item 11).
    sop = " ".join(all_text((sample_dir / "sop_inovasi.pdf").read_bytes()).split())
    assert "PEMERINTAH KABUPATEN SOLOK" in sop and "PEMERINTAH KABUPATEN PADANG PARIAMAN" not in sop
    assert "Sumber: SOP Inovasi Pelayanan Publik" in sop and "Kab. Padang Pariaman" in sop


@pytest.mark.parametrize("width", (58, 80))
def test_sample_writes_both_receipt_widths_with_a_picture(sample_dir: Path, width: int):
    raw = (sample_dir / f"struk_{width}mm.bin").read_bytes()
    out = decode(raw, PRINTERS[width].profile)
    assert "TANDA TERIMA" in out.text and "Kode lacak:" in out.text
    tracking = next(line.text for line in out.lines if line.text.startswith("SJ-"))
    picture = Image.open(io.BytesIO((sample_dir / f"struk_{width}mm.png").read_bytes()))
    assert qr_texts(picture) == [tracking]
