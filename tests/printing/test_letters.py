"""Every letter on A4 and F4: size and pages, the text a reader sees, embedded fonts, a readable QR."""

from __future__ import annotations

import dataclasses
import subprocess
import sys

import pytest

from desktop.printing.letters import render

from . import documents_data as D
from .pdf_tools import A4, F4, all_text, fonts, page_sizes, page_text, qr_texts, render_page

PAPERS = {"A4": A4, "F4": F4}
KOP = ("PEMERINTAH KABUPATEN SOLOK", "DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL", "disdukcapil@solokkab.go.id")
# What must be on each document: its title, number and signer, as a reader finds them.
EXPECTED = {
    "tanda_terima": [
        "TANDA TERIMA SURAT PERMOHONAN",
        "Nomor agenda : 0007/AG/2026",
        "Wali Nagari Koto Baru",
        "Koto Baru, Kecamatan Kubung",
        "KTP-el perekaman",
        "Kamis, 19 November 2026",
        "SJ-7KQ2MX9P",
        "Yuliani Fitri, A.Md",
        "NIP. 19920315 201503 2 004",
    ],
    "disposisi": [
        "LEMBAR DISPOSISI",
        "Nomor: 0003/DISP/Disdukcapil/2026",
        "Surat dari : Wali Nagari Koto Baru",
        "Nomor agenda : 0007/AG/2026",
        "☐ Biasa ☑ Segera ☐ Sangat segera ☐ Rahasia",
        "☑ Proses lebih lanjut",
        "☐ Tanggapan dan saran",
        "Dedi Syafrizal, S.Sos, M.Si",
        "19770421 200003 1 003",
        "16 November 2026 pukul 14.02",
        "3F2A9-C0D41",  # the signature's code, as the screen shows it
        "D4HW8-NB3XC",
    ],
    "surat_tugas": [
        "SURAT TUGAS",
        "Nomor: 400.12/004/ST/Disdukcapil/2026",
        "Dasar",
        "MEMBERI TUGAS",
        "Kepada",
        "Andi Saputra, S.E.",
        "19851007 201001 1 005",
        "Penata (III/c)",
        "Analis Data Kependudukan (Ketua Tim)",
        "Fajar Ramadhan",
        "Untuk",
        "Tempat: Kantor Wali Nagari Koto Baru",
        "Waktu: Rabu, 18 November 2026",
        "Arosuka, 17 November 2026",
        "KEPALA DINAS KEPENDUDUKAN DAN",
        "Hendri Yusman, S.STP, M.Si",
        "NIP. 19760130 200312 1 001",
        "Tembusan:",
        "1. Bupati Solok (sebagai laporan)",
    ],
    "laporan": [
        "LAPORAN PELAKSANAAN INOVASI SIJARLA",
        "Nomor: 400.12/002/LAP-SJL/Disdukcapil/2026",
        "A. Pendahuluan",
        "B. Kegiatan yang dilaksanakan",
        "C. Hasil yang dicapai",
        "D. Simpulan dan saran",
        "E. Penutup",
        "1302034101500001",  # the official report shows the full NIK
        "Siti Rahmah 1",
        "KTP-el perekaman 15 9 6",
        "Jumlah 60 36 24",
        "Andi Saputra, S.E.",
        "NIP. 19851007 201001 1 005",
    ],
    "rekap": [
        "REKAPITULASI PELAYANAN INOVASI SIJARLA",
        "BULAN NOVEMBER 2026",
        "Nomor: 400.12/001/REKAP-SJL/Disdukcapil/2026",
        "Capaian waktu pelayanan (batas 3 hari kerja)",
        "5 4 3 1 75%",
        "Pelayanan menurut nagari dan kategori objek pelayanan",
        "Pelayanan menurut nagari dan hasil pelayanan",
        "Grafik jumlah pelayanan menurut kategori",
        "Mengetahui,",
        "Erni Susanti, S.Si, M.T.",
        "Muhammad Iqbal, S.H.",
    ],
    "sop_matriks": [
        "NOMOR SOP 470/23/SOP/Disdukcapil/2022",
        "TGL. PEMBUATAN 4 Februari 2022",
        "DISAHKAN OLEH",
        "RICKY ARMOVA, STP., MM",
        "NIP. 19810618 200112 1 002",
        "DASAR HUKUM:",
        "SOP INOVASI SIJARLA (SISTEM KEJAR BOLA)",
        "PELAKSANA",
        "MUTU BAKU",
        "Persyaratan /",
        "Kelengkapan",
        "Waktu",
        "Output",
        "Disposisi Surat Permohonan",
        "Berkala",
    ],
}
MULTI_PAGE = {"laporan", "rekap", "sop_matriks"}


@pytest.fixture(scope="module")
def rendered():
    """Every document on both papers, rendered once for the module."""
    return {(kind, paper): render(make(), paper) for kind, make in D.ALL.items() for paper in PAPERS}


@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("kind", D.ALL)
def test_letter_has_the_paper_size_and_page_count_it_reports(rendered, kind, paper):
    doc = rendered[kind, paper]
    sizes = page_sizes(doc.data)
    width, height = PAPERS[paper]
    expected = (height, width) if kind == "sop_matriks" else (width, height)
    assert len(sizes) == doc.page_count
    assert all(size == pytest.approx(expected, abs=0.5) for size in sizes)
    assert (doc.page_count > 1) == (kind in MULTI_PAGE and (kind, paper) != ("rekap", "F4"))


@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("kind", D.ALL)
def test_letter_shows_its_kop_number_and_signer(rendered, kind, paper):
    text = all_text(rendered[kind, paper].data)
    for expected in EXPECTED[kind] + ([] if kind == "sop_matriks" else list(KOP)):
        assert expected in text, f"{kind}/{paper}: '{expected}' missing"


@pytest.mark.parametrize("kind", D.ALL)
def test_letter_embeds_every_font_it_uses(rendered, kind):
    for paper in PAPERS:
        found = fonts(rendered[kind, paper].data)
        assert found, "no fonts at all"
        assert all(f.embedded for f in found), [f for f in found if not f.embedded]
        assert {f.name.split("+")[-1] for f in found} <= {"DejaVuSans", "DejaVuSans-Bold"}


@pytest.mark.parametrize("kind", D.ALL)
def test_letter_qr_code_reads_back_as_its_verification_text(rendered, kind):
    doc = rendered[kind, "A4"]
    expected = D.ALL[kind]().verification.qr_text
    pages = [qr_texts(render_page(doc.data, i, dpi=200)) for i in range(doc.page_count)]
    assert [expected] in pages
    assert sum(len(p) for p in pages) == 1, "one QR code per document"


def test_sop_matrix_marks_each_performing_column(rendered):
    doc = D.sop_matrix()
    text = all_text(rendered["sop_matriks", "A4"].data)
    assert text.count("✓") == sum(len(row.marks) for row in doc.rows) == 7
    for label in ("Masyarakat", "Wali Nagari", "Tim SIJARLA"):
        assert label in text


@pytest.mark.parametrize("kind", D.ALL)
def test_the_issue_date_in_a_sentence_is_written_out(rendered, kind):
    """'diterbitkan 16 November 2026 pukul 15.00 oleh ...' in the footer (the SOP copy: its stamp)."""
    text = " ".join(all_text(rendered[kind, "A4"].data).split())
    issued = "Dicetak" if kind == "sop_matriks" else "diterbitkan"
    assert f"{issued} 16 November 2026 pukul 15.00 oleh" in text
    assert "16-11-2026" not in text


def test_multi_page_documents_say_halaman_x_dari_y(rendered):

    for kind in MULTI_PAGE:
        pages = page_text(rendered[kind, "A4"].data)
        for number, text in enumerate(pages, start=1):
            assert f"Halaman {number} dari {len(pages)}" in text, kind


def test_single_page_documents_have_no_page_numbers(rendered):
    text = all_text(rendered["surat_tugas", "A4"].data)
    assert "Halaman" not in text


def test_long_by_name_table_breaks_across_pages_and_repeats_its_header():
    doc = render(D.report(records=300), "A4")
    pages = page_text(doc.data)
    assert doc.page_count >= 8
    with_table = [p for p in pages if "1302034" in p]
    assert len(with_table) >= 6
    for page in with_table:
        assert "NIK" in page and "Nama" in page and "Sasaran" in page, "the header row repeats"
    text = all_text(doc.data)
    assert "Siti Rahmah 1 " in text and "300 " in text


def test_many_categories_split_the_recap_table_without_breaking_words():
    rows = tuple(
        ("Kubung", "Koto Baru", f"Layanan kependudukan nomor {i}", "Selesai", i + 1) for i in range(14)
    )
    doc = render(D.recap(rows=rows, total_records=105, served=105), "A4")
    text = all_text(doc.data)
    assert all(f"Layanan kependudukan nomor {i}" in text for i in range(14))
    assert "105" in text


def test_kop_prints_the_office_emblem_when_there_is_one():
    plain = render(D.assignment(), "A4").data
    with_logo = render(D.assignment(letterhead=D.letterhead(logo=True)), "A4").data
    assert b"/Subtype /Image" in with_logo and b"/Subtype /Image" not in plain
    assert "PEMERINTAH KABUPATEN SOLOK" in all_text(with_logo)


def test_kop_comes_from_the_office_settings_not_from_code():
    head = dataclasses.replace(
        D.letterhead(),
        government="PEMERINTAH KABUPATEN PADANG PARIAMAN",
        address="Jl. Syekh Burhanuddin, Pariaman",
        website="",
    )
    text = all_text(render(D.disposition(letterhead=head), "A4").data)
    assert "PEMERINTAH KABUPATEN PADANG PARIAMAN" in text and "SOLOK" not in text
    assert "Laman" not in text


def test_same_data_renders_to_the_same_bytes():
    assert render(D.report(), "F4").data == render(D.report(), "F4").data


def test_sample_documents_are_marked_as_samples():
    sample = dataclasses.replace(D.verification("CONTOH"), sample=True)
    text = all_text(render(D.assignment(verification=sample), "A4").data)
    assert "CONTOH: bukan dokumen resmi" in text


def test_disposition_without_letter_and_unsigned_still_prints_its_form():
    doc = D.disposition(letter_from="Analisis Kepala Dinas (tanpa surat)", sign_off=None, verification=None)
    text = all_text(render(doc, "A4").data)
    assert "Analisis Kepala Dinas (tanpa surat)" in text
    assert "disposisi belum ditandatangani" in text


def test_unknown_paper_is_refused():
    with pytest.raises(ValueError, match="A4 atau F4"):
        render(D.receipt(), "Letter")


def test_app_start_does_not_import_reportlab_platypus():
    code = (
        "import sys\n"
        "import desktop.printing.letters, desktop.printing.receipts, desktop.printing.sinks\n"
        "import desktop.services.documents.issue\n"
        "heavy = [m for m in sys.modules if m.startswith(('reportlab.platypus', 'escpos'))]\n"
        "assert not heavy, heavy\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
