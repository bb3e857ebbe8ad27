"""The headed-sections text of step documents: what is written reads back the same, at little cost."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

from desktop.sections import read_sections, section_map, write_sections

HEADINGS = ("Permasalahan", "Sasaran", "Pointers konsep")

# Text as clean_text(multiline=True) keeps it: no control character but newline and tab, trimmed.
typed = st.text(
    st.characters(blacklist_categories=("Cc", "Cs", "Co", "Cn")) | st.sampled_from("\n\t :  "),
    max_size=200,
).map(str.strip)


@given(texts=st.tuples(typed, typed, typed))
@example(texts=("Sasaran utama:\nlansia", "  - satu\n  - dua", "a:\n\n  b:\n\tc:"))
@example(texts=("x" * 90 + ":", "Permasalahan:", "baris\n\n\nsetelah tiga baris"))
def test_what_is_written_reads_back_as_typed(texts):
    parts = list(zip(HEADINGS, texts, strict=True))
    body = write_sections(parts)
    assert read_sections(body) == [(heading, text) for heading, text in parts if text]
    assert section_map(body) == {heading: text for heading, text in parts if text}


def test_plain_lines_cost_nothing_and_only_lines_that_would_mislead_are_indented():
    body = write_sections([("Sasaran", "Lansia\nPenyandang disabilitas:\n  - di rumah")])
    assert body == "Sasaran:\nLansia\n  Penyandang disabilitas:\n    - di rumah"
    many = "a\n" * 3999 + "a"
    assert len(write_sections([("Pointers konsep", many)])) == len("Pointers konsep:\n") + len(many)


def test_a_document_written_with_every_line_indented_reads_the_same():
    """Documents written before the indent became sparse (every content line indented)."""
    old = "Permasalahan:\n  Antrean panjang.\n  Catatan:\n\n    terjorok\n\nSasaran:\n  Lansia"
    expected = [("Permasalahan", "Antrean panjang.\nCatatan:\n\n  terjorok"), ("Sasaran", "Lansia")]
    assert read_sections(old) == expected


def test_free_text_keeps_its_own_short_headings_and_its_lead():
    notes = "Telah ditelaah.\nRekomendasi:\nLanjutkan ke Kepala Dinas."
    assert read_sections(notes) == [("", "Telah ditelaah."), ("Rekomendasi", "Lanjutkan ke Kepala Dinas.")]
    sentence = "Kalimat panjang ini kebetulan berakhir dengan titik dua, dan lebih dari delapan puluh huruf:"
    assert read_sections(sentence) == [("", sentence)]
