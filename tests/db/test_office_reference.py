"""Reference lists follow the office's kabupaten (issue 15 item 11), offered and checked by the services;
the SOP view is headed with the office's own government, naming the SOP's source."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.models import Nagari, Office
from desktop.services import pick_lists
from desktop.services.errors import InvalidInput
from desktop.services.office import reference_data
from desktop.services.sijarla import record_choices, record_import
from desktop.services.sijarla import steps as sijarla
from desktop.services.sop import view

from .factories import letter_draft, make_office, session
from .test_permissions import at_step

pytestmark = pytest.mark.usefixtures("database")
SOLOK, PADANG_PARIAMAN = "13.02", "13.05"


def set_kabupaten(code: str, government: str = "") -> None:
    Office.update(kabupaten_code=code, **({"government": government} if government else {})).execute()


def pariaman_nagari() -> Nagari:
    return Nagari.select().where(Nagari.code.startswith("13.05.")).order_by(Nagari.code).first()


def test_a_solok_office_offers_only_solok_nagari_and_kecamatan():
    make_office()
    set_kabupaten(SOLOK)
    offered = pick_lists.list_nagari()
    assert offered and {o.kabupaten for o in offered} == {"Kabupaten Solok"}
    assert len(offered) == 74
    assert {n.code[:6] for n in record_choices.choices().nagari} == {"13.02."}
    admin = session("admin")
    assert {k.kabupaten for k in reference_data.list_kecamatan(admin)} == {"Kabupaten Solok"}
    assert all(n.code.startswith("13.02.") for n in reference_data.list_nagari(admin))


def test_a_padang_pariaman_office_offers_its_own():
    make_office()
    set_kabupaten(PADANG_PARIAMAN, "PEMERINTAH KABUPATEN PADANG PARIAMAN")
    offered = pick_lists.list_nagari()
    assert {o.kabupaten for o in offered} == {"Kabupaten Padang Pariaman"} and len(offered) == 103


def test_an_office_without_a_kabupaten_sees_every_area():
    make_office()
    set_kabupaten("")
    assert len(pick_lists.list_nagari()) == 177


def test_the_service_refuses_another_kabupatens_nagari_on_a_letter():
    make_office()
    set_kabupaten(SOLOK)
    with pytest.raises(InvalidInput, match="bukan wilayah kabupaten kantor ini") as refused:
        sijarla.register_letter(session("meja"), letter_draft(nagari_id=pariaman_nagari().id))
    assert refused.value.field == "nagari"
    assert sijarla.register_letter(session("meja"), letter_draft()).case_id  # its own nagari: fine


def test_the_kepala_dinas_cannot_open_a_case_in_another_kabupaten():
    make_office()
    set_kabupaten(SOLOK)
    with pytest.raises(InvalidInput, match="bukan wilayah kabupaten kantor ini"):
        sijarla.open_from_analysis(session("kadis"), pariaman_nagari().id, "Capaian KTP-el rendah.")


def test_a_nagari_the_office_added_is_offered_and_accepted():
    make_office()
    set_kabupaten(SOLOK)
    admin = session("admin")
    kecamatan = next(k for k in reference_data.list_kecamatan(admin))
    added = reference_data.add_nagari(admin, kecamatan.id, f"{kecamatan.code}.2999", "Nagari Pemekaran")
    assert added.id in {o.id for o in pick_lists.list_nagari()}
    # A nagari an administrator added under another kabupaten's kecamatan is the office's too.
    other = Nagari.create(
        code="13.05.01.2999", name="Nagari Tambahan", kecamatan=pariaman_nagari().kecamatan_id
    )
    assert other.id in {o.id for o in pick_lists.list_nagari()}
    case = sijarla.register_letter(session("meja"), letter_draft(nagari_id=other.id))
    assert case.case_id


def test_an_import_refuses_another_kabupatens_nagari(tmp_path):
    make_office()
    set_kabupaten(SOLOK)
    case_id = at_step("pelayanan")
    path = tmp_path / "p.csv"
    path.write_text(
        "NIK;Nama;Nagari;Kategori;Sasaran;Hasil;Tanggal\n"
        f"1302104507510002;Siti;{pariaman_nagari().code};KIA;umum;selesai;{dt.date.today():%d-%m-%Y}\n"
    )
    [error] = record_import.import_file(session("ketua1"), case_id, path).errors
    assert error.column == "Nagari" and "tidak dikenal" in error.message


@pytest.mark.parametrize("code", ["inovasi", "sijarla"])
def test_the_sop_view_is_headed_by_the_office_and_names_its_source(code):
    make_office()
    matrix = view.sop_matrix(code)
    assert matrix.government == "PEMERINTAH KABUPATEN SOLOK"
    assert matrix.agency == "DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL"
    own = "Kab. Padang Pariaman" if code == "inovasi" else "Kab. Solok"
    assert matrix.source.startswith("Sumber: SOP ") and own in matrix.source
    assert f"nomor {matrix.number}" in matrix.source and "tanggal " in matrix.source


def test_a_padang_pariaman_office_heads_the_sijarla_sop_with_its_own_name():
    make_office()
    set_kabupaten(PADANG_PARIAMAN, "PEMERINTAH KABUPATEN PADANG PARIAMAN")
    matrix = view.sop_matrix("sijarla")
    assert matrix.government == "PEMERINTAH KABUPATEN PADANG PARIAMAN"
    assert "Kab. Solok" in matrix.source and "470/23/SOP/Disdukcapil/2022" in matrix.source
