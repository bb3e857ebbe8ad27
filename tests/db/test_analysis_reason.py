"""A case opened from the Kepala Dinas' analysis keeps its whole reason (issue 16, item 4)."""

from __future__ import annotations

import datetime as dt

import pytest
from peewee import IntegrityError

from desktop.models import SopCase, connection, db, migrations
from desktop.services import case_view
from desktop.services.documents import issue as documents
from desktop.services.errors import InvalidInput
from desktop.services.sijarla import steps as sijarla
from tests.printing.pdf_tools import all_text

from .factories import PASSWORD, make_office, nagari, session, team

LIMIT = sijarla.ANALYSIS_REASON_LIMIT


def long_reason() -> str:
    """Exactly the limit, over several lines, with a last sentence far past the title's 300 characters."""
    lines = [f"Jorong {i}: perekaman KTP-el lansia baru {40 + i}% (SIAK, Oktober)." for i in range(1, 15)]
    text = "\n".join(lines)
    ending = "\nAKHIR-ALASAN-UTUH."
    return text + "x" * (LIMIT - len(text) - len(ending)) + ending


@pytest.mark.usefixtures("database")
def test_the_whole_reason_is_stored_and_shown_where_the_case_is_read():
    make_office()
    reason = long_reason()
    assert len(reason) == LIMIT
    kadis = session("kadis")
    summary = sijarla.open_from_analysis(kadis, nagari("Koto Baru").id, reason)

    case = SopCase.get_by_id(summary.id)
    assert case.origin_note == reason
    # The title stays within its column, says it is shortened, and starts as before.
    assert len(case.title) <= SopCase.title.max_length and case.title.endswith("…")
    assert case.title.startswith("Capaian adminduk rendah: Koto Baru. Jorong 1: perekaman")
    assert "\n" not in case.title
    # The case file and the Kabid's view of the case carry the reason whole.
    assert case_view.case_detail(kadis, case.id).header.origin_note == reason
    assert case_view.case_letter(session("kabid"), case.id).origin_note == reason


@pytest.mark.usefixtures("database")
def test_the_lembar_disposisi_of_an_analysis_case_prints_the_whole_reason():
    make_office()
    reason = long_reason()
    case_id = sijarla.open_from_analysis(session("kadis"), nagari("Koto Baru").id, reason).id
    kabid = session("kabid")
    draft = sijarla.DispositionDraft(
        instructions="Siapkan tim.",
        team_id=team().id,
        deadline=dt.date.today() + dt.timedelta(days=3),
        requests=("proses_lanjut",),
        sifat="segera",
    )
    disposition_id = sijarla.save_disposition(kabid, case_id, draft)
    sijarla.sign_disposition(kabid, disposition_id, PASSWORD, 1)
    info = documents.issue_document(kabid, "disposisi", disposition_id)
    text = all_text(documents.get_document(kabid, info.id))
    assert "Jorong 14: perekaman KTP-el lansia baru 54%" in text
    assert "AKHIR-ALASAN-UTUH." in text


@pytest.mark.usefixtures("database")
def test_a_reason_over_the_limit_is_refused_in_indonesian_and_opens_nothing():
    make_office()
    before = SopCase.select().count()
    with pytest.raises(InvalidInput) as refused:
        sijarla.open_from_analysis(session("kadis"), nagari("Koto Baru").id, "a" * (LIMIT + 1))
    assert refused.value.field == "reason"
    assert f"Dasar analisis terlalu panjang: {LIMIT + 1} karakter, paling banyak {LIMIT}." in str(
        refused.value
    )
    assert SopCase.select().count() == before


@pytest.mark.usefixtures("database")
def test_a_short_reason_keeps_the_title_it_always_had():
    make_office()
    reason = "Perekaman KTP-el baru 61%."
    case = SopCase.get_by_id(sijarla.open_from_analysis(session("kadis"), nagari("Koto Baru").id, reason).id)
    assert case.title == "Capaian adminduk rendah: Koto Baru. Perekaman KTP-el baru 61%."
    assert case.origin_note == reason


def test_migration_5_adds_the_reason_column_to_a_version_4_database(backend_url, tmp_path):
    connection.initialize(backend_url)
    try:
        migrations.upgrade()
        make_office()
        kept = sijarla.open_from_analysis(session("kadis"), nagari("Koto Baru").id, "Sebelum migrasi.").id
        # Back to a version-4 database as released: no origin_note column yet.
        with db.atomic():
            db.execute_sql("ALTER TABLE sop_case DROP COLUMN origin_note")
            migrations.SchemaVersion.delete().where(migrations.SchemaVersion.version >= 5).execute()
        assert "origin_note" not in {c.name for c in db.get_columns("sop_case")}

        applied = migrations.upgrade(tmp_path / "cadangan")

        # 5, and the later steps again (each of them is safe to run twice)
        assert [m.version for m in applied] == [m.version for m in migrations.MIGRATIONS if m.version >= 5]
        assert "origin_note" in {c.name for c in db.get_columns("sop_case")}
        old = SopCase.get_by_id(kept)
        assert (old.title, old.origin_note) == ("Capaian adminduk rendah: Koto Baru. Sebelum migrasi.", "")
        summary = sijarla.open_from_analysis(session("kadis"), nagari("Koto Baru").id, "Capaian rendah.")
        assert SopCase.get_by_id(summary.id).origin_note == "Capaian rendah."
        with pytest.raises(IntegrityError):  # the database's own limit, as on a fresh database
            with db.atomic():
                SopCase.update(origin_note="x" * (LIMIT + 1)).where(SopCase.id == summary.id).execute()
    finally:
        connection.close()
