"""Long text prints, and a signature never stands alone on a page (issue 16, item 1).

These render the printing layer's dataclasses directly (no database): the inputs the issue reported
(a disposition note at its 4,000-character limit or as 60 short lines, a Surat Tugas 'Untuk' of
50 numbered lines, innovation pointers of 8,000 characters in 60 lines), each word of which must
be on the paper; and, for every signed document, the body grown line by line up to where the page
breaks, where the signature must still share its page with the body's last words. The property
tests through the services are in test_documents_print_any_text.py.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from desktop.printing.letters import render
from desktop.printing.pdfbase import styles
from desktop.printing.pdfsplit import PIECE_HEIGHT, closing_lines, text_pieces

from . import documents_data as D
from .pdf_tools import page_text

FILLER = (
    "Pelayanan dokumen kependudukan jemput bola di nagari untuk lansia, penyandang disabilitas "
    "dan pemilih pemula; perekaman KTP-el, penerbitan KIA, akta kelahiran dan perubahan KK. "
)


def text_of(length: int, ending: str = "AKHIRTEKS") -> str:
    """Ordinary Indonesian text of exactly `length` characters, ending in a marker word."""
    body = (FILLER * (length // len(FILLER) + 1))[: length - len(ending) - 1].rstrip()
    return (body + " " * (length - len(ending) - len(body)) + ending)[:length]


def lines_of(count: int, ending: str = "AKHIRTEKS") -> str:
    return "\n".join([f"{i}. Baris catatan nomor {i}." for i in range(1, count)] + [ending])


def squeezed(text: str) -> str:
    return "".join(text.split()).casefold()


def assert_printed(data: bytes, *texts: str) -> None:
    """Every word of the texts is somewhere on the paper (pdftotext, whitespace and case ignored)."""
    paper = squeezed(" ".join(page_text(data)))
    missing = {w for t in texts for w in re.findall(r"[A-Za-z0-9]+", t) if w.casefold() not in paper}
    assert not missing, sorted(missing)[:10]


def page_of(data: bytes, marker: str) -> int:
    """The last page whose text holds `marker`."""
    pages = [i for i, page in enumerate(page_text(data)) if squeezed(marker) in squeezed(page)]
    assert pages, marker
    return pages[-1]


# --- Cutting text: nothing lost, no piece beginning with an empty line -------------------------------

CUT_TEXTS = [
    lines_of(60),
    text_of(4000),
    "x" * 3000,
    lines_of(30) + "\n" + text_of(1500) + "\n\n" + lines_of(5),
    "مرحبا 王小明 🌺 e\u0301 ‱‱‱ " * 150,
]


def _first_line_empty(piece, width: float) -> bool:
    piece.wrap(width, 1e6)
    line = piece.blPara.lines[0]
    words = line.words if hasattr(line, "words") else line[1]
    return not any(getattr(w, "text", w) for w in words)


def _plain(paragraphs, width: float) -> str:
    """The characters the paragraphs set on their lines, whitespace left out."""
    out = []
    for p in paragraphs:
        p.wrap(width, 1e6)
        for line in p.blPara.lines:
            words = line.words if hasattr(line, "words") else line[1]
            out += [getattr(w, "text", w) for w in words]
    return "".join("".join(out).split())


@pytest.mark.parametrize("text", CUT_TEXTS, ids=["lines", "prose", "one-word", "mixed", "scripts"])
def test_row_pieces_keep_the_whole_text_in_order_and_none_begins_with_an_empty_line(text):
    body, width = styles().body, 200
    cut = text_pieces(text, body, width)
    assert len(cut) > 1
    assert all(p.wrap(width, 1e6)[1] <= PIECE_HEIGHT + body.leading for p in cut)  # an empty line over
    if "\n\n" not in text:  # (an empty line of the text itself may open a piece)
        assert not any(_first_line_empty(p, width) for p in cut[1:])
    assert _plain(cut, width) == "".join(text.split())


@pytest.mark.parametrize("text", CUT_TEXTS, ids=["lines", "prose", "one-word", "mixed", "scripts"])
def test_the_lines_kept_with_a_signature_are_the_last_two_and_nothing_is_lost(text):
    body, width = styles().body, 300
    head, tail = closing_lines(text, body, width)
    tail.wrap(width, 1e6)
    assert len(tail.blPara.lines) == 2 and not _first_line_empty(tail, width)
    assert _plain([*head, tail], width) == "".join(text.split())


# --- The inputs the issue reported --------------------------------------------------------------


@pytest.mark.parametrize("paper", ["A4", "F4"])
@pytest.mark.parametrize("note", [text_of(4000), lines_of(60)], ids=["4000-characters", "60-lines"])
def test_a_disposition_note_at_its_limit_prints_every_word_with_the_sign_off_after_it(paper, note):
    assert len(note) <= 4000
    out = render(D.disposition(instructions=note), paper)
    assert out.page_count >= 2
    assert_printed(out.data, note)
    assert page_of(out.data, "AKHIRTEKS") == page_of(out.data, "19770421 200003 1 003")  # Kabid's NIP


def test_a_surat_tugas_untuk_of_50_numbered_lines_prints():
    task = "\n".join(f"{i:02d}. Layanan di jorong {i:02d}." for i in range(1, 51))
    task += " Tuntas." + "!" * (1390 - len(task) - 8)
    assert (len(task), task.count("\n")) == (1390, 49)  # as the issue reported it
    out = render(D.assignment(task=task), "A4")
    assert out.page_count >= 2
    assert_printed(out.data, task)
    assert page_of(out.data, "Demikian Surat Tugas") == page_of(out.data, "19760130 200312 1 001")


def test_innovation_pointers_of_8000_characters_in_60_lines_print_in_the_profile():
    lines = [f"{i}. Pointer konsep {i}: " for i in range(1, 61)]
    pad = (8000 - sum(len(x) + 1 for x in lines)) // len(lines)
    concept = "\n".join(x + text_of(pad, f"P{i}") for i, x in enumerate(lines, start=1))
    assert 7900 <= len(concept) <= 8000 and concept.count("\n") == 59
    out = render(D.innovation_profile(concept=f"Pointers:\n{concept}"), "A4")
    assert out.page_count >= 3
    assert_printed(out.data, concept)


def test_every_long_field_of_the_profile_prints_at_its_limit():
    fields = {
        "problem": text_of(4000, "AKHIRMASALAH"),
        "target": lines_of(200, "AKHIRSASARAN")[:2000],
        "mechanism": text_of(4000, "AKHIRMEKANISME"),
        "resources": lines_of(300, "AKHIRSUMBER")[-4000:],
        "schedule": text_of(4000, "AKHIRJADWAL"),
        "indicators": text_of(4000, "AKHIRINDIKATOR"),
    }
    out = render(D.innovation_profile(**fields), "F4")
    assert_printed(out.data, *fields.values())


# --- A signature never stands alone ---------------------------------------------------------------

# For each signed document: the document with a body of n units, the words that end the body, and
# a line only its signature block prints (the signer's NIP).
Grown = Callable[[int], object]
SIGNED: dict[str, tuple[Grown, str, str]] = {
    "tanda_terima": (
        lambda n: D.receipt(requested=tuple((f"Layanan nomor {i}", i) for i in range(1, n + 1))),
        "Kode lacak",
        "19920315 201503 2 004",
    ),
    "disposisi": (
        lambda n: D.disposition(instructions=lines_of(n)),
        "AKHIRTEKS",
        "19770421 200003 1 003",
    ),
    "surat_tugas": (
        lambda n: D.assignment(task=lines_of(n)),
        "Demikian Surat Tugas",
        "19760130 200312 1 001",
    ),
    "laporan": (
        lambda n: D.report(records=4, closing=lines_of(n)),
        "AKHIRTEKS",
        "19851007 201001 1 005",
    ),
    "rekap": (
        lambda n: D.recap(note=lines_of(n)),
        "AKHIRTEKS",
        "19830211 200604 1 007",
    ),
    "dokumen_inovasi": (
        lambda n: D.step_document(body="Saran:\n" + lines_of(n)),
        "AKHIRTEKS",
        "19791209 200501 2 006",
    ),
    "profil_inovasi": (
        lambda n: D.innovation_profile(problem=lines_of(n)),
        "Tahapan SOP Inovasi",
        "19760130 200312 1 001",
    ),
}


def _pages(grown: Grown, n: int) -> int:
    return render(grown(n), "A4").page_count  # type: ignore[arg-type]


def first_break(grown: Grown, high: int = 120) -> int:
    """The smallest body that takes one page more than the shortest (pages only grow with the body)."""
    low, shortest = 1, _pages(grown, 1)
    assert _pages(grown, high) > shortest
    while low < high:
        middle = (low + high) // 2
        if _pages(grown, middle) > shortest:
            high = middle
        else:
            low = middle + 1
    return low


@pytest.mark.parametrize("kind", list(SIGNED))
def test_the_signature_shares_its_page_with_the_end_of_the_body_where_the_page_breaks(kind):
    grown, tail, signature = SIGNED[kind]
    edge = first_break(grown)
    for n in range(max(1, edge - 2), edge + 3):
        data = render(grown(n), "A4").data  # type: ignore[arg-type]
        assert page_of(data, tail) == page_of(data, signature), (kind, n)


def test_the_grown_documents_really_cross_the_page_break():
    """The check above is not empty: at the break the signature and the body's end turn the page."""
    grown, tail, signature = SIGNED["dokumen_inovasi"]
    edge = first_break(grown)
    before, after = render(grown(edge - 1), "A4").data, render(grown(edge), "A4").data  # type: ignore[arg-type]
    assert (len(page_text(before)), len(page_text(after))) == (1, 2)
    assert page_of(after, signature) == page_of(after, tail) == 1
    assert page_of(after, "Saran") == 0  # the body began on the page before
