"""The Administrator's 'Tanda tangan dokumen' page: signing mode per document type and the QR's
verification address, through the real tab (issue 15 item 14)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.models import Office
from desktop.ui.admin.document_signing_page import DocumentSigningPage
from tests.ui.test_admin import admin_tab, drained, login, open_page, wait_call  # noqa: F401 - fixture

LEFT = Qt.MouseButton.LeftButton


def _page(qtbot) -> tuple[object, DocumentSigningPage]:
    tab = admin_tab(qtbot)  # kept by the test: the page lives as long as its tab
    return tab, open_page(qtbot, tab, DocumentSigningPage)


def test_the_page_shows_the_defaults_and_saves_a_mode_and_the_address(qtbot, demo_logins):
    _tab, page = _page(qtbot)
    surat_tugas, disposisi = page.mode_combos["surat_tugas"], page.mode_combos["disposisi"]
    assert surat_tugas.currentText() == "Tanda tangan basah dan cap"
    assert disposisi.currentText() == "Tanda tangan di aplikasi"
    surat_tugas.setCurrentIndex(surat_tugas.findData("aplikasi"))
    qtbot.keyClicks(page.url_edit, "https://disdukcapil.solokkab.go.id/verifikasi")
    wait_call(qtbot, page, lambda: qtbot.mouseClick(page.save_button, LEFT))
    assert "tersimpan" in page.banner.text()
    office = Office.get()
    assert '"surat_tugas": "aplikasi"' in office.sign_modes
    assert office.verify_url == "https://disdukcapil.solokkab.go.id/verifikasi"


def test_an_http_address_is_refused_in_indonesian_and_the_typed_text_stays(qtbot, demo_logins):
    _tab, page = _page(qtbot)
    qtbot.keyClicks(page.url_edit, "http://disdukcapil.solokkab.go.id/verifikasi")
    wait_call(qtbot, page, lambda: qtbot.mouseClick(page.save_button, LEFT))
    assert "harus diawali https://" in page.banner.text()
    assert page.url_edit.text() == "http://disdukcapil.solokkab.go.id/verifikasi"
    assert Office.get().verify_url == ""
