"""Letter numbers: patterns, yearly reset, and no duplicate or gap under concurrency."""

from __future__ import annotations

import datetime as dt
import threading

import pytest

from desktop.models import NumberingPattern, db
from desktop.services.errors import InvalidInput
from desktop.services.office.numbering import take_number, validate_pattern
from desktop.services.office.reference_defaults import ensure_reference_data

pytestmark = pytest.mark.usefixtures("database")


def test_numbers_follow_the_pattern_and_reset_each_year():
    ensure_reference_data()
    with db.atomic():
        first = take_number("surat_tugas", dt.date(2026, 3, 2))
        second = take_number("surat_tugas", dt.date(2026, 12, 30))
        next_year = take_number("surat_tugas", dt.date(2027, 1, 4))
    assert (first, second, next_year) == (
        "400.12/001/ST/Disdukcapil/2026",
        "400.12/002/ST/Disdukcapil/2026",
        "400.12/001/ST/Disdukcapil/2027",
    )


def test_a_rolled_back_transaction_gives_its_number_back():
    ensure_reference_data()
    with pytest.raises(RuntimeError), db.atomic():
        take_number("agenda", dt.date(2026, 5, 4))
        raise RuntimeError("the clerk's save failed")
    with db.atomic():
        assert take_number("agenda", dt.date(2026, 5, 4)) == "0001/AG/2026"


def test_sop_style_pattern_with_roman_month():
    ensure_reference_data()
    NumberingPattern.create(
        code="sop", name="Nomor SOP", pattern="{seq:03}/SOP/{unit}/{bulan}/{year}", unit="Disdukcapil"
    )
    with db.atomic():
        assert take_number("sop", dt.date(2019, 10, 10)) == "001/SOP/Disdukcapil/X/2019"


@pytest.mark.parametrize("pattern", ["{seq}/{tahun}", "no-seq/{year}", "{seq}{seq}", "{seq:03d"])
def test_bad_patterns_are_refused(pattern):
    with pytest.raises(InvalidInput):
        validate_pattern(pattern)


def test_twenty_clerks_at_once_get_unique_gapless_numbers():
    ensure_reference_data()
    results: list[str] = []
    errors: list[BaseException] = []
    start = threading.Barrier(20)

    def clerk() -> None:
        try:
            start.wait()
            for _ in range(5):
                with db.atomic():
                    results.append(take_number("agenda", dt.date(2026, 11, 21)))
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            db.close()

    threads = [threading.Thread(target=clerk) for _ in range(20)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert not errors
    assert len(results) == 100
    assert sorted(results) == [f"{n:04d}/AG/2026" for n in range(1, 101)]
