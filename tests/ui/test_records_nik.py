"""The NIK check as it is typed: the first wrong digit is named, an unfinished NIK is not blamed."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtGui import QValidator

from desktop.ui.sijarla.records_nik import NikValidator, nik_problem, nik_summary

TODAY = dt.date(2026, 11, 21)


@pytest.mark.parametrize(
    "typed",
    ["", "1", "13020", "130203", "1302034", "13020345", "1302034507", "130203450751", "130203450751000"],
)
def test_an_unfinished_nik_that_can_still_be_right_is_not_blamed(typed):
    assert nik_problem(typed, TODAY) is None


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("000203", "Kode wilayah 00.02.03 pada NIK tidak mungkin"),
        ("13020339", "Digit 7-8 NIK adalah tanggal lahir: '39' tidak mungkin"),
        ("13020381", "Digit 7-8 NIK adalah tanggal lahir: '81' tidak mungkin"),
        ("1302034513", "Digit 9-10 NIK adalah bulan lahir: '13' tidak mungkin"),
        ("1302033102", "Tanggal lahir 31-02 pada NIK tidak ada."),
        ("130203290201", "Tanggal lahir pada NIK tidak valid"),
        ("1302034507510000", "Nomor urut NIK (4 digit terakhir) tidak boleh 0000."),
        ("13020345075１", "pada posisi 12 ada '１' (U+FF11, angka lebar penuh atau dari aksara lain)"),
        ("1302 34", "pada posisi 5 ada (U+0020, spasi) yang bukan angka 0-9 biasa"),
        ("13020345075100021", "NIK harus 16 digit; yang diisi 17 digit."),
    ],
)
def test_the_first_wrong_part_is_named_as_soon_as_it_is_typed(typed, reason):
    assert reason in (nik_problem(typed, TODAY) or "")


def test_a_valid_nik_says_what_it_encodes():
    assert nik_problem("1302034507510002", TODAY) is None
    assert nik_summary("1302034507510002") == "NIK sah: perempuan, lahir 05-07-1951, kecamatan 13.02.03."


def test_the_validator_accepts_only_a_whole_valid_nik_and_stops_at_16(qapp):
    validator = NikValidator()
    assert validator.validate("1302034507510002", 16)[0] == QValidator.State.Acceptable
    assert validator.validate("13020345075100", 14)[0] == QValidator.State.Intermediate
    assert validator.validate("1302034507510000", 16)[0] == QValidator.State.Intermediate
    assert validator.validate("13020345075100021", 17)[0] == QValidator.State.Invalid
