"""NIK and KK checks: valid numbers round-trip, every kind of fault gets its own message."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.services.errors import InvalidInput
from desktop.services.nik import mask_nik, mask_niks_in_text, region_note, validate_kk, validate_nik

TODAY = dt.date(2026, 6, 15)
NON_ASCII_DIGITS = [chr(c) for c in range(0xFF10, 0xFF1A)] + [chr(c) for c in range(0x0660, 0x066A)]
NON_ASCII_DIGITS += [
    chr(0x06F0),
    chr(0x0966),
    chr(0x09E6),
    chr(0x1D7CE),
]  # Persian, Devanagari, Bengali, math
SOLOK_PANTAI_CERMIN = "13.02.03"


def make_nik(region: str, born: dt.date, sex: str, serial: int) -> str:
    day = born.day + (40 if sex == "P" else 0)
    return f"{region.replace('.', '')}{day:02d}{born.month:02d}{born.year % 100:02d}{serial:04d}"


regions = st.builds(
    lambda p, k, c: f"{p:02d}.{k:02d}.{c:02d}",
    st.integers(11, 99),
    st.integers(1, 99),
    st.integers(1, 99),
)
# A two-digit year names one century only within the last 100 years: the window that round-trips.
birth_dates = st.dates(min_value=dt.date(TODAY.year - 99, 1, 1), max_value=TODAY)
sexes = st.sampled_from(["L", "P"])
serials = st.integers(1, 9999)


def refused(text: str, **kwargs: object) -> InvalidInput:
    with pytest.raises(InvalidInput) as info:
        validate_nik(text, today=TODAY, **kwargs)  # type: ignore[arg-type]
    assert info.value.field == "nik"
    return info.value


# --- Properties ------------------------------------------------------------------------------


@given(regions, birth_dates, sexes, serials)
def test_a_valid_nik_passes_and_round_trips(region: str, born: dt.date, sex: str, serial: int) -> None:
    nik = make_nik(region, born, sex, serial)
    info = validate_nik(nik, {region}, today=TODAY)
    assert info.nik == nik
    assert info.birth_date == born
    assert info.sex == sex
    assert info.kecamatan_code == region
    assert info.kabupaten_code == region[:5] and info.province_code == region[:2]
    assert info.serial == f"{serial:04d}"


@given(regions, birth_dates, serials)
def test_women_have_forty_added_to_the_day(region: str, born: dt.date, serial: int) -> None:
    nik = make_nik(region, born, "P", serial)
    assert 41 <= int(nik[6:8]) <= 71
    info = validate_nik(nik, today=TODAY)
    assert (info.sex, info.birth_date) == ("P", born)


@given(regions, birth_dates, sexes, serials, st.data())
def test_a_non_ascii_digit_anywhere_is_refused(
    region: str, born: dt.date, sex: str, serial: int, data: st.DataObject
) -> None:
    nik = make_nik(region, born, sex, serial)
    position = data.draw(st.integers(0, len(nik) - 1))
    # The look-alike of the very digit it replaces: int() and str.isdigit() would accept it.
    lookalike = next(c for c in NON_ASCII_DIGITS if int(c) == int(nik[position]))
    err = refused(nik[:position] + lookalike + nik[position + 1 :])
    assert "0-9" in err.message and f"posisi {position + 1}" in err.message


@given(st.text(max_size=20), st.sampled_from(NON_ASCII_DIGITS), st.text(max_size=20))
def test_any_text_with_a_non_ascii_digit_is_refused(before: str, digit: str, after: str) -> None:
    assert "0-9" in refused(before + digit + after).message


@given(st.integers(0, 99), st.integers(0, 99), st.integers(0, 99))
def test_the_date_digits_pass_exactly_when_they_form_a_past_date(
    raw_day: int, month: int, year2: int
) -> None:
    day = raw_day - 40 if raw_day > 40 else raw_day
    candidates = []
    for century in (2000, 1900):
        try:
            candidates.append(dt.date(century + year2, month, day))
        except ValueError:
            pass
    past = [d for d in candidates if d <= TODAY]
    nik = f"130203{raw_day:02d}{month:02d}{year2:02d}0001"
    if past:
        assert validate_nik(nik, today=TODAY).birth_date == past[0]
    else:
        assert "Tanggal lahir" in refused(nik).message


# --- Each fault, its message -----------------------------------------------------------------


def test_a_real_looking_nik_from_kabupaten_solok() -> None:
    info = validate_nik("1302035708900002", [SOLOK_PANTAI_CERMIN], today=TODAY)
    assert info.kecamatan_code == "13.02.03" and info.kabupaten_code == "13.02" and info.province_code == "13"
    assert (info.birth_date, info.sex, info.serial) == (dt.date(1990, 8, 17), "P", "0002")


def test_surrounding_whitespace_is_stripped_but_nothing_else() -> None:
    assert validate_nik("  1302031708900001\n", today=TODAY).nik == "1302031708900001"
    assert "posisi 5" in refused("1302 031708900001").message
    assert "posisi 7" in refused("130203-708900001").message


@pytest.mark.parametrize("text", ["130203170890001", "13020317089000011", "1"])
def test_wrong_length_says_how_many_digits_were_given(text: str) -> None:
    assert refused(text).message == f"NIK harus 16 digit; yang diisi {len(text)} digit."


def test_empty_nik_is_required() -> None:
    assert refused("   ").message == "NIK wajib diisi."


def test_fullwidth_digits_are_named_as_such() -> None:
    fullwidth = "".join(chr(0xFF10 + int(c)) for c in "1302031708900001")
    assert fullwidth.isdigit() and int(fullwidth) == 1302031708900001  # the trap
    message = refused(fullwidth).message
    assert message.startswith("NIK hanya boleh berisi angka 0-9 (ASCII); pada posisi 1 ada '１'")
    assert "U+FF11, angka lebar penuh atau dari aksara lain" in message


def test_arabic_indic_digits_are_refused() -> None:
    arabic = "".join(chr(0x0660 + int(c)) for c in "1302031708900001")
    assert "U+0661, angka lebar penuh atau dari aksara lain" in refused(arabic).message


def test_letters_are_not_digits() -> None:
    assert "'O' (U+004F, huruf)" in refused("13020317089OOOO1").message


@pytest.mark.parametrize("text", ["1302\u200b031708900001", "1302 031708900001", "1302031708900001\u0301"])
def test_messages_name_characters_in_indonesian_never_in_unicode_english(text: str) -> None:
    message = refused(text).message
    assert re.search(r"\(U\+[0-9A-F]{4}, (karakter tak terlihat|spasi|tanda diakritik)\)", message), message
    assert not re.search(r"[A-Z]{4,}", message.replace("ASCII", "")), message  # no "ZERO WIDTH SPACE"


@pytest.mark.parametrize(
    "date_digits",
    ["310290", "300290", "710290", "320190", "400190", "000190", "011390", "010090", "290201"],
)
def test_impossible_birth_dates_are_refused(date_digits: str) -> None:
    message = refused(f"130203{date_digits}0001").message
    assert message.startswith("Tanggal lahir pada NIK tidak valid")
    assert date_digits in message


def test_a_day_between_32_and_40_hints_at_the_plus_forty_rule() -> None:
    assert "ditambah 40" in refused("1302033501900001").message


def test_29_february_picks_the_century_where_it_exists() -> None:
    assert validate_nik("1302032902000001", today=TODAY).birth_date == dt.date(2000, 2, 29)
    assert validate_nik("1302036902960001", today=TODAY).birth_date == dt.date(1996, 2, 29)


def test_the_century_never_puts_a_birth_in_the_future() -> None:
    assert validate_nik("1302031506260001", today=TODAY).birth_date == dt.date(2026, 6, 15)
    assert validate_nik("1302031606260001", today=TODAY).birth_date == dt.date(1926, 6, 16)


def test_unknown_region_is_refused_only_when_regions_are_given() -> None:
    nik = "1302991708900001"
    assert validate_nik(nik, today=TODAY).kecamatan_code == "13.02.99"
    message = refused(nik, known_region_codes={SOLOK_PANTAI_CERMIN}).message
    assert "13.02.99" in message and "tidak dikenal" in message


@pytest.mark.parametrize("nik", ["0002031708900001", "1300031708900001", "1302001708900001"])
def test_region_parts_cannot_be_zero(nik: str) -> None:
    assert "tidak boleh 00" in refused(nik).message


def test_serial_0000_is_refused() -> None:
    assert refused("1302031708900000").message == "Nomor urut NIK (4 digit terakhir) tidak boleh 0000."


# --- KK and masking --------------------------------------------------------------------------


def test_kk_is_sixteen_ascii_digits() -> None:
    assert validate_kk(" 1302032001150003 ") == "1302032001150003"
    assert validate_kk("1302032001150003", {SOLOK_PANTAI_CERMIN}) == "1302032001150003"
    for bad, words in [
        ("130203200115000", "16 digit"),
        ("13020320011500０3", "0-9"),
        ("", "wajib diisi"),
    ]:
        with pytest.raises(InvalidInput) as info:
            validate_kk(bad)
        assert info.value.field == "kk" and words in info.value.message
        assert info.value.message.startswith("Nomor KK")
    with pytest.raises(InvalidInput, match="13.02.99"):
        validate_kk("1302992001150003", {SOLOK_PANTAI_CERMIN})


def test_mask_shows_the_region_and_the_serial_only() -> None:
    assert mask_nik("1302035708900002") == "130203******0002"
    assert mask_nik("12345") == "*****"


@given(regions, birth_dates, sexes, serials)
def test_mask_keeps_length_and_hides_the_birth_date(
    region: str, born: dt.date, sex: str, serial: int
) -> None:
    nik = make_nik(region, born, sex, serial)
    masked = mask_nik(nik)
    assert len(masked) == 16 and masked[6:12] == "******"
    assert masked[:6] == nik[:6] and masked[-4:] == nik[-4:]


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        ("Permohonan KTP a.n. NIK 1302035708900002.", "Permohonan KTP a.n. NIK 130203******0002."),
        ("NIK 1302 0357 0890 0002 hilang", "NIK 130203******0002 hilang"),
        ("1302-0357-0890-0002/1302.0357.0890.0003", "130203******0002/130203******0003"),
        ("nomor 13020357089000021 (salah ketik)", "nomor 130203*******0021 (salah ketik)"),
        ("Surat 400.12/001/2026, HP 0812 3456 7890", "Surat 400.12/001/2026, HP 0812 3456 7890"),
        ("١٣٠٢٠٣٥٧٠٨٩٠٠٠٠٢", "١٣٠٢٠٣******٠٠٠٢"),
        ("", ""),
    ],
)
def test_a_nik_inside_free_text_is_masked_however_it_is_typed(typed: str, shown: str) -> None:
    assert mask_niks_in_text(typed) == shown


_SEPARATORS = st.sampled_from(["", "", " ", ".", "-", "\u00a0"])
_WORDS = st.text(st.characters(blacklist_categories=["Nd", "Cs"]), max_size=20)


@given(regions, birth_dates, sexes, serials, st.lists(_SEPARATORS, min_size=15, max_size=15), _WORDS, _WORDS)
def test_no_hidden_nik_digit_survives_in_free_text(
    region: str, born: dt.date, sex: str, serial: int, gaps: list[str], before: str, after: str
) -> None:
    nik = make_nik(region, born, sex, serial)
    typed = before + " " + "".join(d + g for d, g in zip(nik, [*gaps, ""], strict=True)) + " " + after
    shown = mask_niks_in_text(typed)
    digits = [c for c in shown if c.isdecimal()]
    assert digits == list(nik[:6] + nik[-4:])  # the birth date and the rest are gone
    assert before in shown and after in shown


def _national():
    from desktop.services.sijarla.service_records import national_region_codes

    return national_region_codes()


@pytest.mark.parametrize(
    ("number", "words"),
    [
        (
            "1302014506900001",
            "Kode kecamatan 13.02.01 pada NIK tidak ada di daftar wilayah Kemendagri sejak 2018",
        ),
        ("1399014506900001", "Kode kabupaten/kota 13.99 pada NIK tidak ada"),
        ("9101014506900001", "Kode kabupaten/kota 91.01 (KAB. MERAUKE) pada NIK sudah tidak dipakai"),
    ],
)
def test_an_old_unknown_or_retired_region_code_is_noted_with_the_reason(number: str, words: str) -> None:
    validate_nik(number, today=TODAY)  # valid: a NIK keeps the code it was issued under
    assert words in region_note(number, "NIK", _national())


@pytest.mark.parametrize("number", ["1302034506900001", "3171014506900001", "9501014506900001"])
def test_a_current_region_code_needs_no_note(number: str) -> None:
    assert region_note(number, "NIK", _national()) == ""


@pytest.mark.parametrize(
    ("kk", "words"),
    [
        ("1302031213100003", "Tanggal terbit pada Nomor KK tidak valid"),  # month 13
        ("1302033202100003", "Tanggal terbit pada Nomor KK tidak valid"),  # 32 February
        ("1302031201100000", "Nomor urut KK (4 digit terakhir) tidak boleh 0000"),
        ("1302030001100003", "Tanggal terbit pada Nomor KK tidak valid"),  # day 00
    ],
)
def test_the_kk_issue_date_and_serial_are_checked(kk: str, words: str) -> None:
    assert validate_kk("1302031201100003", today=TODAY)  # 12-01-2010, serial 0003
    with pytest.raises(InvalidInput, match=re.escape(words)) as info:
        validate_kk(kk, today=TODAY)
    assert info.value.field == "kk"
