"""SOP files: the two real SOPs match their documents, a third runs as data, broken files are named."""

from __future__ import annotations

import datetime as dt
import hashlib
import tomllib
from pathlib import Path
from typing import Any

import pytest

from desktop.config import resource_dir
from desktop.roles import BUILTIN_ROLES
from desktop.services.sop.definition import END, REJECTED, OutputDoc, SopDefinition, SopFileError
from desktop.services.sop.loader import load_builtin_sops, load_sop, load_sop_text
from desktop.services.sop.toml_lines import _Locator

THIRD = Path(__file__).parent / "sop" / "test_third_sop.toml"
MARK = "# <- sini"


@pytest.fixture(scope="module")
def sops() -> dict[str, SopDefinition]:
    return load_builtin_sops()


@pytest.fixture(scope="module")
def sijarla(sops: dict[str, SopDefinition]) -> SopDefinition:
    return sops["sijarla"]


@pytest.fixture(scope="module")
def inovasi(sops: dict[str, SopDefinition]) -> SopDefinition:
    return sops["inovasi"]


# --- The shipped SOPs ------------------------------------------------------------------------


def test_builtin_sops_are_the_two_seed_documents(sops: dict[str, SopDefinition]) -> None:
    assert set(sops) == {"sijarla", "inovasi"}
    for sop in sops.values():
        path = resource_dir() / "sop" / sop.source_name
        assert sop.source_text == path.read_text(encoding="utf-8")
        assert sop.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
        assert load_sop_text(sop.source_text, sop.source_name) == sop


def test_sijarla_header_matches_the_document(sijarla: SopDefinition) -> None:
    assert sijarla.number == "470/23/SOP/Disdukcapil/2022"
    assert sijarla.title == "SOP Inovasi SIJARLA (Sistem Kejar Bola)"
    assert sijarla.office == "Kabupaten Solok"
    assert sijarla.created_on == dt.date(2022, 2, 4)
    assert sijarla.effective_on is None  # left blank in the document
    assert sijarla.approved_by is not None and sijarla.approved_by.name == "RICKY ARMOVA, STP., MM"
    assert len(sijarla.legal_basis) == 4
    assert len(sijarla.related_sops) == 4
    assert sijarla.equipment == ("Komputer/Printer/Scanner", "Kendaraan bermotor")
    assert sijarla.warnings == ("Pelayanan diberikan selambat-lambatnya 3 hari.",)


def test_sijarla_must_be_served_within_three_working_days(sijarla: SopDefinition) -> None:
    assert sijarla.time_limit is not None
    assert sijarla.time_limit_days == 3
    assert sijarla.time_limit.until_step == "pelayanan"


def test_sijarla_steps_and_outputs_follow_the_document(sijarla: SopDefinition) -> None:
    steps = [(s.code, s.seed_row, s.roles, s.output.label if s.output else None) for s in sijarla.steps]
    assert steps == [
        ("registrasi", 2, ("pengadministrasi_umum",), "Tanda Terima Surat Permohonan"),
        ("disposisi", 3, ("kabid_pelayanan",), "Disposisi Surat Permohonan"),
        ("surat_tugas", 4, ("kepala_dinas",), "Surat Tugas"),
        ("persiapan", 4, ("ketua_tim_sijarla", "anggota_tim_sijarla"), None),
        ("pelayanan", 5, ("ketua_tim_sijarla", "anggota_tim_sijarla"), "Laporan Pelaksanaan Inovasi SIJARLA"),
        ("rekap", 6, ("ketua_pelaksana_harian",), "Rekapitulasi Pelayanan Inovasi SIJARLA"),
    ]
    assert sijarla.step("disposisi").output == OutputDoc("disposisi", "Disposisi Surat Permohonan")
    assert sijarla.step("registrasi").output == OutputDoc("tanda_terima", "Tanda Terima Surat Permohonan")
    assert [s.number for s in sijarla.steps] == [1, 2, 3, 4, 5, 6]


def test_sijarla_starts_from_a_letter_or_from_the_kepala_dinas_analysis(sijarla: SopDefinition) -> None:
    assert sijarla.first_step.code == "registrasi"
    assert sijarla.start("surat").step == "registrasi"
    assert sijarla.start("analisis").step == "disposisi"
    assert "kepala_dinas" in sijarla.start("analisis").roles
    assert sijarla.start_steps == ("registrasi", "disposisi")


def test_sijarla_kabid_returns_a_request_to_the_front_desk_with_a_reason(sijarla: SopDefinition) -> None:
    back = sijarla.transition("disposisi", "kembalikan")
    assert back is not None
    assert back.to == "registrasi" and back.needs_reason and not back.checks_requirements
    forward = sijarla.transition("disposisi", "selesai")
    assert forward is not None and forward.to == "surat_tugas" and forward.checks_requirements
    assert [r.code for r in sijarla.step("disposisi").requirements] == ["kesiapan_tim", "siak_terpusat"]
    assert [r.code for r in sijarla.step("disposisi").checklist] == ["kesiapan_tim"]
    assert sijarla.transition("disposisi", "terbang") is None


def test_sijarla_preparation_needs_the_three_checklist_items(sijarla: SopDefinition) -> None:
    checklist = [r.code for r in sijarla.step("persiapan").checklist]
    assert checklist == ["siak_data", "alat_perekaman", "kesiapan_nagari"]
    assert sijarla.transition("persiapan", "selesai").roles == ("ketua_tim_sijarla",)  # type: ignore[union-attr]
    assert sijarla.transition("pelayanan", "selesai").roles == ("ketua_tim_sijarla",)  # type: ignore[union-attr]


def test_sijarla_ends_after_the_recap_reaches_the_kepala_dinas(sijarla: SopDefinition) -> None:
    end = sijarla.transition("rekap", "selesai")
    assert end is not None and end.to == END and end.is_end and end.closes_as == "selesai"
    assert sijarla.step("rekap").receivers == ("kabid_pemanfaatan", "kepala_dinas")
    assert sijarla.next_steps("rekap") == ()


def test_sijarla_matrix_draws_the_documents_six_rows(sijarla: SopDefinition) -> None:
    rows = sijarla.matrix_rows()
    assert [r.number for r in rows] == [1, 2, 3, 4, 5, 6]
    assert [r.steps for r in rows] == [
        (),
        ("registrasi",),
        ("disposisi",),
        ("surat_tugas", "persiapan"),
        ("pelayanan",),
        ("rekap",),
    ]
    assert [r.output for r in rows][2:] == [
        "Disposisi Surat Permohonan",
        "Surat Tugas",
        "Laporan Pelaksanaan Inovasi SIJARLA",
        "Rekapitulasi Pelayanan Inovasi SIJARLA",
    ]
    assert rows[2].kelengkapan == ("SIAK Terpusat",)


def test_citizens_and_wali_nagari_are_matrix_columns_but_not_app_users(sijarla: SopDefinition) -> None:
    columns = {c.code: c for c in sijarla.columns}
    assert columns["masyarakat"].label == "Masyarakat" and not columns["masyarakat"].app_user
    assert columns["wali_nagari"].label == "Wali Nagari" and not columns["wali_nagari"].app_user
    assert columns["tim_sijarla"].app_user
    assert {r.code for r in sijarla.roles}.isdisjoint({"masyarakat", "wali_nagari"})


def test_inovasi_matches_the_document(inovasi: SopDefinition) -> None:
    assert inovasi.number == "065/SOP/Disdukcapil/X/2019"
    assert inovasi.office == "Kabupaten Padang Pariaman"
    assert (inovasi.created_on, inovasi.effective_on) == (dt.date(2019, 10, 10), dt.date(2019, 10, 14))
    assert len(inovasi.steps) == 8
    assert [s.seed_row for s in inovasi.steps] == list(range(1, 9))
    assert [s.time_limit_days for s in inovasi.steps] == [1, 1, 2, 1, 1, 2, 1, None]
    assert inovasi.step("pelaksanaan").time_label == "Jam kerja harian"
    assert inovasi.step("telaah_kepala_dinas").time_label == "2 hari"
    assert [s.output.label for s in inovasi.steps if s.output] == [
        "Pointers konsep inovasi",
        "Catatan telaahan Kabid",
        "Catatan Tindak Lanjut",
        "Draft inovasi",
        "Notulen penyempurnaan konsep",
        "Konsep final inovasi",
        "Nama inovasi",
        "Output inovasi pelayanan adminduk",
    ]
    assert inovasi.time_limit_days is None
    assert inovasi.first_step.roles == ("kasi_inovasi",)


def test_inovasi_step_4_goes_on_goes_back_or_rejects(inovasi: SopDefinition) -> None:
    step4 = inovasi.steps[3]
    assert step4.number == 4
    ya, tidak, tolak = (inovasi.transition(step4.code, a) for a in ("ya", "tidak", "tolak"))
    assert ya is not None and inovasi.step(ya.to).number == 5
    assert tidak is not None and tidak.to == inovasi.steps[0].code and tidak.needs_reason
    assert tolak is not None and tolak.to == REJECTED and tolak.closes_as == "ditolak"
    assert tolak.roles == ("kepala_dinas",)
    assert [s.number for s in inovasi.next_steps(step4.code)] == [5, 1]
    assert step4.output_on == ("ya",)  # the draft exists only when the meeting says yes


def test_inovasi_ends_with_implementation(inovasi: SopDefinition) -> None:
    last = inovasi.transition("pelaksanaan", "selesai")
    assert last is not None and last.to == END
    assert inovasi.roles_for("pelaksanaan") == ("pelaksana_teknis",)
    assert inovasi.step("pelaksanaan").remarks == "Inovasi bisa berkelanjutan dan bahkan bisa direplikasi"


def test_real_sops_use_only_the_roles_the_app_ships(sops: dict[str, SopDefinition]) -> None:
    shipped = {r.code for r in BUILTIN_ROLES}
    for sop in sops.values():
        assert {r.code for r in sop.roles} <= shipped
        for step in sop.steps:
            assert set(step.roles) <= {r.code for r in sop.roles}


# --- A third SOP, as data only ---------------------------------------------------------------


def test_a_third_sop_with_new_roles_loads() -> None:
    sop = load_sop(THIRD)
    assert sop.code == "kia_sekolah"
    assert [s.code for s in sop.steps] == ["permohonan", "verifikasi", "cetak", "serah_terima"]
    assert {r.code for r in sop.roles}.isdisjoint({r.code for r in BUILTIN_ROLES})
    assert [s.code for s in sop.next_steps("verifikasi")] == ["cetak", "permohonan"]
    assert sop.step("verifikasi").output_on == ("lengkap",)
    assert sop.step("permohonan").requirements[1].kind == "kelengkapan"
    assert sop.time_limit_days == 5
    assert [r.number for r in sop.matrix_rows()] == [1, 2, 3, 4]
    assert sop.source_name == "test_third_sop.toml"


def test_a_file_saved_with_a_byte_order_mark_loads(tmp_path: Path) -> None:
    path = tmp_path / "bom.toml"
    path.write_bytes(b"\xef\xbb\xbf" + THIRD.read_bytes())
    assert load_sop(path).code == "kia_sekolah"


def _walk(value: Any, path: tuple[str | int, ...] = ()) -> list[tuple[str | int, ...]]:
    if isinstance(value, dict):
        return [p for k, v in value.items() for p in [path + (k,), *_walk(v, path + (k,))]]
    if isinstance(value, list):
        return [p for i, v in enumerate(value) for p in _walk(v, path + (i,))]
    return []


@pytest.mark.parametrize(
    "path", [*sorted((resource_dir() / "sop").glob("*.toml")), THIRD], ids=lambda p: p.name
)
def test_every_key_is_found_on_its_own_line(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    locator = _Locator(text)
    for key_path in _walk(tomllib.loads(text)):
        line = locator.line_of(key_path)
        assert line is not None, key_path
        assert str(key_path[-1]) in lines[line - 1], (key_path, line, lines[line - 1])


# --- Broken files ----------------------------------------------------------------------------


def _broken(old: str, new: str) -> tuple[str, int | None]:
    """The third SOP with one change, and the line marked MARK in it (the line the error must name)."""
    text = THIRD.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    text = text.replace(old, new)
    marked = [i for i, line in enumerate(text.splitlines(), start=1) if MARK in line]
    return text, marked[0] if marked else None


def _error(text: str) -> SopFileError:
    with pytest.raises(SopFileError) as info:
        load_sop_text(text, "ketiga.toml")
    return info.value


def test_unknown_role_names_the_step_and_the_roles_line() -> None:
    text, line = _broken('roles = ["kasi_identitas_anak"]', f'roles = ["kasi_x"]  {MARK}')
    err = _error(text)
    assert str(err) == (
        f"ketiga.toml baris {line}: langkah 'cetak', kolom 'roles': peran 'kasi_x' tidak dideklarasikan"
    )
    assert (err.source_name, err.line, err.field) == ("ketiga.toml", line, "roles")


def test_unknown_role_in_a_multi_line_list_names_the_items_own_line() -> None:
    text, line = _broken(
        'roles = ["verifikator_kia"]', f'roles = [\n    "verifikator_kia",\n    "kabid_x",  {MARK}\n]'
    )
    err = _error(text)
    assert err.line == line and "peran 'kabid_x' tidak dideklarasikan" in str(err)


def test_missing_field_names_the_header_of_its_step() -> None:
    text, line = _broken(
        '[[steps]]\ncode = "cetak"\nnumber = 3\nname = "Pencetakan KIA"\n'
        'activity = "Kasi Identitas Anak menyetujui dan mencetak KIA."\n',
        f'[[steps]]  {MARK}\ncode = "cetak"\nnumber = 3\nname = "Pencetakan KIA"\n',
    )
    err = _error(text)
    assert str(err) == f"ketiga.toml baris {line}: langkah 'cetak', kolom 'activity': wajib diisi"


def test_duplicate_step_code_names_the_second_one() -> None:
    text, line = _broken('code = "serah_terima"', f'code = "cetak"  {MARK}')
    err = _error(text)
    assert err.line == line and err.field == "code"
    assert "kode langkah 'cetak' sudah dipakai sebelumnya" in str(err)


def test_dangling_transition_names_its_target_line() -> None:
    text, line = _broken(
        'to = "cetak"\nlabel = "Berkas lengkap"', f'to = "cetk"  {MARK}\nlabel = "Berkas lengkap"'
    )
    err = _error(text)
    assert err.line == line and err.field == "to"
    assert "langkah 'verifikasi', transisi 'lengkap', kolom 'to': tujuan 'cetk' bukan langkah" in str(err)


def test_dangling_transition_in_an_inline_table_is_found_too() -> None:
    text, line = _broken(
        'transitions = [{ action = "selesai", to = "serah_terima", label = "KIA tercetak" }]',
        f'transitions = [{{ action = "selesai", to = "serahterima", label = "KIA tercetak" }}]  {MARK}',
    )
    assert _error(text).line == line


def test_toml_syntax_error_gives_the_line() -> None:
    text, line = _broken('name = "Verifikasi Berkas"', f'name = "Verifikasi Berkas  {MARK}')
    err = _error(text)
    assert err.line == line and err.field is None
    assert str(err).startswith(f"ketiga.toml baris {line}: sintaks TOML tidak sah")


def test_misspelt_key_is_refused_not_ignored() -> None:
    text, line = _broken("time_limit_days = 2", f"time_limt_days = 2  {MARK}")
    err = _error(text)
    assert err.line == line and err.field == "time_limt_days" and "tidak dikenal" in str(err)


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        ("-1", "harus bilangan bulat 0 atau lebih"),
        ('"2"', "harus berupa bilangan bulat"),
        ("true", "bilangan"),
    ],
)
def test_time_limit_must_be_a_non_negative_integer(value: str, problem: str) -> None:
    text, line = _broken("time_limit_days = 2", f"time_limit_days = {value}  {MARK}")
    err = _error(text)
    assert err.line == line and err.field == "time_limit_days" and problem in str(err)


def test_unreachable_step_is_refused() -> None:
    text, line = _broken('to = "serah_terima"', 'to = "__selesai__"')
    text = text.replace('code = "serah_terima"', f'code = "serah_terima"  {MARK}')
    line = next(i for i, t in enumerate(text.splitlines(), start=1) if MARK in t)
    err = _error(text)
    assert err.line == line and "tidak dapat dicapai" in str(err)


def test_step_that_never_reaches_the_end_is_refused() -> None:
    text, _ = _broken('to = "__selesai__"', 'to = "permohonan"')
    err = _error(text)
    assert "ke __selesai__ atau __ditolak__" in str(err)


def test_start_must_name_an_existing_step() -> None:
    text, line = _broken('step = "permohonan"', f'step = "mulai"  {MARK}')
    err = _error(text)
    assert str(err) == f"ketiga.toml baris {line}: awal 'surat', kolom 'step': langkah 'mulai' tidak ada"


def test_a_sop_needs_a_start() -> None:
    text = THIRD.read_text(encoding="utf-8")
    start = text.index("[[starts]]")
    text = text[:start] + text[text.index("[[steps]]") :]
    err = _error(text)
    assert err.field == "starts" and "wajib diisi" in str(err)


def test_missing_top_level_field_has_no_line_to_point_at() -> None:
    text, _ = _broken('number = "400.12/07/SOP/Disdukcapil/2026"\n', "")
    assert str(_error(text)) == "ketiga.toml: kolom 'number': wajib diisi"


def test_a_transition_role_must_perform_the_step() -> None:
    text, line = _broken(
        'label = "Kembalikan ke loket"',
        f'label = "Kembalikan ke loket"\nroles = ["petugas_loket_kia"]  {MARK}',
    )
    err = _error(text)
    assert err.line == line and "peran 'petugas_loket_kia' bukan pelaksana langkah ini" in str(err)


def test_an_unreadable_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(SopFileError, match="hilang.toml: berkas tidak dapat dibaca"):
        load_sop(tmp_path / "hilang.toml")
    latin = tmp_path / "latin.toml"
    latin.write_bytes(b'schema_version = 1\ntitle = "Caf\xe9"\n')
    with pytest.raises(SopFileError, match="latin.toml baris 2: berkas bukan teks UTF-8"):
        load_sop(latin)


def test_an_unknown_role_in_the_real_sijarla_file_is_named_like_the_admin_sees_it(
    sijarla: SopDefinition,
) -> None:
    text = sijarla.source_text.replace('roles = ["kabid_pelayanan"]', 'roles = ["kabid_x"]')
    line = text.splitlines().index('roles = ["kabid_x"]') + 1
    with pytest.raises(SopFileError) as info:
        load_sop_text(text, "sijarla.toml")
    assert str(info.value) == (
        f"sijarla.toml baris {line}: langkah 'disposisi', kolom 'roles': peran 'kabid_x' tidak dideklarasikan"
    )


def test_line_finder_is_not_fooled_by_strings_comments_and_nesting() -> None:
    text = (
        "# [[steps]] in a comment\n"  # 1
        'title = "a # hash and [[brackets]]"\n'  # 2
        "dotted.key = 'literal # not a comment'\n"  # 3
        'multi = """\n'  # 4
        'line = "not a key"\n'  # 5
        '[[steps]] \\""" still text\n'  # 6
        '"""\n'  # 7
        "list = [\n"  # 8
        '  "a", # comment ]\n'  # 9
        "  [1, 2],\n"  # 10
        "  { x = 1 },\n"  # 11
        "]\n"  # 12
        "\n"  # 13
        "[[steps]]\n"  # 14
        'code = "a"\n'  # 15
        "[steps.output]\n"  # 16
        'code = "o"\n'  # 17
        "[[steps.transitions]]\n"  # 18
        'to = "b"\n'  # 19
        "[[steps]]\n"  # 20
        '"code" = "b"\n'  # 21
        "[[ steps.transitions ]]\n"  # 22
        "[[steps.transitions]]\n"  # 23
        'to = "c"\n'  # 24
    )
    tomllib.loads(text)
    lines = _Locator(text).lines
    expected = {
        ("title",): 2,
        ("dotted", "key"): 3,
        ("multi",): 4,
        ("list", 1): 10,
        ("list", 2, "x"): 11,
        ("steps", 0): 14,
        ("steps", 0, "output", "code"): 17,
        ("steps", 0, "transitions", 0, "to"): 19,
        ("steps", 1, "code"): 21,
        ("steps", 1, "transitions", 1, "to"): 24,
    }
    assert {k: lines.get(k) for k in expected} == expected
    assert ("line",) not in lines


def test_a_misspelt_key_names_its_step_by_code() -> None:
    text, line = _broken('name = "Serah Terima"', f'nama = "Serah Terima"  {MARK}')
    assert str(_error(text)) == (
        f"ketiga.toml baris {line}: langkah 'serah_terima', kolom 'nama': kolom tidak dikenal (salah ketik?)"
    )
