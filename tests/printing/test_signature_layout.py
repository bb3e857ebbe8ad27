"""One signature block for every letter (issue 16 item 8): the same column at the same place, wet or
in the app; never alone on a page, never after a half-empty page; words never hyphenated."""

from __future__ import annotations

import dataclasses
import html
import re
import subprocess
from dataclasses import dataclass

import pytest
from reportlab.lib.units import mm

from desktop.printing.data import IN_APP, WET, WET_NOTE, Verification
from desktop.printing.letters import render
from desktop.printing.pdfbase import MARGIN_BOTTOM, MARGIN_RIGHT, MARGIN_TOP, style
from desktop.printing.pdfsign import SIGN_WIDTH

from . import documents_data as D
from .pdf_tools import qr_texts, render_page
from .test_long_text import SIGNED

MODES = (IN_APP, WET)


@dataclass(frozen=True)
class Word:
    page: int
    text: str
    x0: float
    y0: float
    x1: float
    y1: float


def words(data: bytes) -> tuple[list[Word], float, float]:
    """Every word of a PDF with its box (points, y from the top), and the page size."""
    out = subprocess.run(["pdftotext", "-bbox", "-", "-"], input=data, capture_output=True, check=True)
    text = out.stdout.decode("utf-8")
    size = re.search(r'<page width="([\d.]+)" height="([\d.]+)"', text)
    assert size is not None
    found: list[Word] = []
    for page, chunk in enumerate(text.split("<page ")[1:]):
        for m in re.finditer(
            r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<', chunk
        ):
            x0, y0, x1, y1 = (float(v) for v in m.groups()[:4])
            found.append(Word(page, html.unescape(m.group(5)), x0, y0, x1, y1))
    return found, float(size.group(1)), float(size.group(2))


def nip_line(all_words: list[Word], nip: str) -> Word:
    """The word 'NIP.' that begins the signer's NIP line."""
    parts = nip.split()
    for i, w in enumerate(all_words):
        if w.text == "NIP." and [x.text for x in all_words[i + 1 : i + 1 + len(parts)]] == parts:
            return w
    raise AssertionError(f"NIP. {nip} not printed")


def nip_page(all_words: list[Word], nip: str) -> int:
    """The page a NIP is printed on (in a letter's block or in the Lembar Disposisi's sign-off cell)."""
    parts = nip.split()
    for i, w in enumerate(all_words):
        if [x.text for x in all_words[i : i + len(parts)]] == parts:
            return w.page
    raise AssertionError(f"{nip} not printed")


# The letters (the Lembar Disposisi is a form: its sign-off is a cell of the form) and their signer.
LETTERS = {
    "tanda_terima": (D.receipt, "19920315 201503 2 004"),
    "surat_tugas": (D.assignment, "19760130 200312 1 001"),
    "laporan": (lambda: D.report(records=4), "19851007 201001 1 005"),
    "rekap": (D.recap, "19830211 200604 1 007"),
    "dokumen_inovasi": (D.step_document, "19791209 200501 2 006"),
    "profil_inovasi": (D.innovation_profile, "19760130 200312 1 001"),
}


def _signature_geometry(kind: str, mode: str, paper: str) -> tuple[float, float, float, float]:
    """(x of 'NIP.', x of the name, x of the place and date, page width) of a letter's signature."""
    make, nip = LETTERS[kind]
    data = render(dataclasses.replace(make(), sign_mode=mode), paper).data  # type: ignore[arg-type]
    found, width, _height = words(data)
    nip_word = nip_line(found, nip)
    page = [w for w in found if w.page == nip_word.page]
    above = sorted(
        (w for w in page if w.y1 < nip_word.y0 and abs(w.x0 - nip_word.x0) < 0.5), key=lambda w: -w.y0
    )
    name = above[0]  # the line right above the NIP (these signers have no pangkat... or the pangkat)
    place = next(w for w in page if w.text.endswith(",") and w.y0 < name.y0 and abs(w.x0 - nip_word.x0) < 0.5)
    return nip_word.x0, name.x0, place.x0, width


@pytest.mark.parametrize("paper", ["A4", "F4"])
def test_the_signature_column_stands_at_the_same_place_in_every_letter_wet_or_in_the_app(paper):
    where = {(kind, mode): _signature_geometry(kind, mode, paper) for kind in LETTERS for mode in MODES}
    columns = {kind_mode: round(x, 1) for kind_mode, (x, _n, _p, _w) in where.items()}
    width = next(iter(where.values()))[3]
    expected = round(width - MARGIN_RIGHT - SIGN_WIDTH, 1)
    assert set(columns.values()) == {expected}, columns
    for kind_mode, (nip_x, name_x, place_x, _w) in where.items():
        assert round(name_x, 1) == round(place_x, 1) == round(nip_x, 1), kind_mode


def test_a_wet_signature_leaves_room_for_the_hand_and_stamp_and_prints_the_qr_small():
    stamp = Verification(
        "K7MPX2QR9T",
        D.verification().issued_at,
        "Yuliani Fitri",
        url="https://dukcapil.example.go.id/verifikasi",
    )
    wet = render(dataclasses.replace(D.assignment(), sign_mode=WET, verification=stamp)).data
    app = render(dataclasses.replace(D.assignment(), sign_mode=IN_APP, verification=stamp)).data
    wet_words, _w, _h = words(wet)
    text = " ".join(w.text for w in wet_words)
    assert WET_NOTE in text and "Ditandatangani secara elektronik" not in text
    assert "Disetujui di aplikasi" in text  # the app still says who approved it, and when
    assert "Ditandatangani secara elektronik" in " ".join(w.text for w in words(app)[0])
    # Between the jabatan and the name: nothing printed in the signature column (room for ink).
    nip = nip_line(wet_words, "19760130 200312 1 001")
    column = [w for w in wet_words if w.page == nip.page and w.x0 >= nip.x0 - 0.5]
    name = max((w for w in column if w.y1 < nip.y0), key=lambda w: w.y0)
    title = max((w for w in column if w.y1 < name.y0 - 15 * mm), key=lambda w: w.y0)
    assert name.y0 - title.y1 >= 24 * mm
    assert qr_texts(render_page(wet, 0, dpi=200)) == [
        "https://dukcapil.example.go.id/verifikasi?kode=K7MPX2QR9T"
    ]


# --- Never a lone signature, never after a half-empty page -------------------------------------------


def _pages(kind: str, mode: str, n: int) -> bytes:
    grown = SIGNED[kind][0]
    return render(dataclasses.replace(grown(n), sign_mode=mode), "A4").data  # type: ignore[arg-type]


def _signature_page(kind: str, mode: str, n: int) -> int:
    return nip_page(words(_pages(kind, mode, n))[0], SIGNED[kind][2])


def _first_break(kind: str, mode: str, high: int = 120) -> int:
    """The shortest body that puts the signature on the second page (it only moves on as the body grows)."""
    assert _signature_page(kind, mode, high) > 0
    low = 1
    while low < high:
        middle = (low + high) // 2
        if _signature_page(kind, mode, middle) > 0:
            high = middle
        else:
            low = middle + 1
    return low


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("kind", list(SIGNED))
def test_the_page_before_a_signature_at_a_page_break_is_not_left_half_empty(kind, mode):
    _grown, tail, nip = SIGNED[kind]
    edge = _first_break(kind, mode)
    turned = 0
    for n in range(max(1, edge - 2), edge + 3):
        data = _pages(kind, mode, n)
        found, _width, height = words(data)
        signature = nip_page(found, nip)
        tail_page = {w.page for w in found if tail in w.text or w.text == tail.split()[0]}
        assert signature in tail_page, (kind, mode, n)  # the block goes with the text's last lines
        if signature == 0:
            continue
        turned += 1
        body = [
            w
            for w in found
            if w.page == signature - 1 and MARGIN_TOP < w.y0 and w.y1 < height - MARGIN_BOTTOM
        ]
        last_line = max(w.y1 for w in body)
        frame_middle = MARGIN_TOP + (height - MARGIN_TOP - MARGIN_BOTTOM) / 2
        assert last_line > frame_middle, (kind, mode, n, last_line, frame_middle)
    assert turned, "no input put the signature on a later page: the check above never ran"


# --- Hyphenation --------------------------------------------------------------------------------------

INDONESIAN = (
    "Dinas Kependudukan dan Pencatatan Sipil menyelenggarakan pelayanan administrasi kependudukan "
    "secara jemput bola; pertanggungjawaban keberlangsungan penyelenggaraan diperhatikan sungguh-sungguh "
    "oleh penyelenggara ketidakberesan memperdengarkan mempertanggungjawabkan."
)


def _lines(text: str, width: float) -> list[str]:
    from reportlab.platypus import Paragraph

    paragraph = Paragraph(text, style("hyphen_test", 10.5))
    paragraph.wrap(width, 10_000)
    return [" ".join(line[1]) for line in paragraph.blPara.lines]


@pytest.mark.parametrize("width", [180.0, 230.0, 300.0, 400.0])  # the longest word fits a line
def test_indonesian_words_are_never_split_across_lines(width):
    lines = _lines(INDONESIAN, width)
    assert all(word in INDONESIAN.split() for line in lines for word in line.split()), lines
    assert " ".join(lines).split() == INDONESIAN.split()


def test_a_200_character_token_still_wraps_inside_the_margins():
    token = "ABCDEFGHIJ" * 20
    doc = D.assignment(task=f"Tugas {token} selesai.")
    data = render(doc, "A4").data
    found, width, _height = words(data)
    assert max(w.x1 for w in found) <= width - MARGIN_RIGHT + 1
    assert token in "".join(w.text for w in found)
