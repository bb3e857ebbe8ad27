"""How documents are signed (issue 15 item 14): per type in the app or by hand, chosen by the
Administrator only, enforced when a document is issued; and the QR's verification web address."""

from __future__ import annotations

import pytest

from desktop.models import IssuedDocument, Office
from desktop.printing.data import IN_APP, WET, WET_NOTE
from desktop.services.documents import issue as documents
from desktop.services.errors import InvalidInput, PermissionDenied
from desktop.services.office import admin
from tests.db.factories import make_office, session
from tests.printing.flow import finished_case
from tests.printing.pdf_tools import all_text, qr_texts, render_page

pytestmark = pytest.mark.usefixtures("database")

URL = "https://disdukcapil.solokkab.go.id/verifikasi"


def _modes(**changes: str) -> dict[str, str]:
    settings = admin.document_signing(session("admin"))
    return {row.doc_type: row.mode for row in settings.modes} | changes


def _save(modes: dict[str, str], url: str = "") -> admin.DocumentSigning:
    version = admin.document_signing(session("admin")).version
    return admin.update_document_signing(session("admin"), modes, url, version)


@pytest.fixture
def office(database: str) -> None:
    make_office()


@pytest.mark.usefixtures("office")
def test_outgoing_letters_are_signed_by_hand_and_internal_documents_in_the_app_by_default():
    modes = {row.doc_type: row.mode for row in admin.document_signing(session("admin")).modes}
    assert modes["surat_tugas"] == WET and modes["profil_inovasi"] == WET
    assert modes["disposisi"] == IN_APP and modes["tanda_terima"] == IN_APP


def test_the_surat_tugas_is_issued_wet_by_default_and_in_the_app_once_the_office_says_so():
    case = finished_case()
    wet = documents.issue_document(session("kadis"), "surat_tugas", case.assignment_id)
    text = all_text(bytes(IssuedDocument.get_by_id(wet.id).pdf))
    assert WET_NOTE in " ".join(text.split()) and "Ditandatangani secara elektronik" not in text
    assert "Disetujui di aplikasi" in text  # the app's approval is still on record, and printed

    _save(_modes(surat_tugas=IN_APP))
    app = documents.issue_document(session("kadis"), "surat_tugas", case.assignment_id)
    assert (app.supersedes_id, app.number) == (wet.id, wet.number)  # a new issue, the same number
    text = all_text(bytes(IssuedDocument.get_by_id(app.id).pdf))
    assert "Ditandatangani secara elektronik" in text and WET_NOTE not in " ".join(text.split())


def test_the_qr_points_to_the_verification_address_and_both_forms_verify():
    case = finished_case()
    offline = documents.issue_document(session("kadis"), "surat_tugas", case.assignment_id)
    page = render_page(bytes(IssuedDocument.get_by_id(offline.id).pdf), 0, dpi=200)
    assert qr_texts(page) == [f"DINASDESK:VERIFY:{offline.verification_code}"]

    _save(_modes(), URL)
    online = documents.issue_document(session("kadis"), "surat_tugas", case.assignment_id)
    assert online.supersedes_id == offline.id  # the QR changed: the document is issued anew
    page = render_page(bytes(IssuedDocument.get_by_id(online.id).pdf), 0, dpi=200)
    scanned = qr_texts(page)
    assert scanned == [f"{URL}?kode={online.verification_code}"]
    assert documents.verify_document(scanned[0]).found
    assert documents.verify_document(f"DINASDESK:VERIFY:{online.verification_code}").found
    assert not documents.verify_document(f"{URL}?kode=").found


@pytest.mark.usefixtures("office")
@pytest.mark.parametrize(
    "url",
    [
        "http://disdukcapil.solokkab.go.id/verifikasi",
        "ftp://disdukcapil.solokkab.go.id",
        "javascript:alert(1)",
        "https://",
        "https://user:sandi@disdukcapil.go.id/v",
        "https://disdukcapil.solokkab.go.id/ver ifikasi",
        "https://localhost/verifikasi",
        "https://disdukcapil.go.id:99999/v",
        "disdukcapil.solokkab.go.id/verifikasi",
    ],
)
def test_only_an_https_address_is_taken_for_the_qr(url):
    before = Office.get().verify_url
    with pytest.raises(InvalidInput) as refused:
        _save(_modes(), url)
    assert refused.value.field == "verify_url"
    assert "alamat web verifikasi" in refused.value.message.lower()
    assert Office.get().verify_url == before


@pytest.mark.usefixtures("office")
def test_an_unknown_mode_is_refused():
    with pytest.raises(InvalidInput, match="Cara tanda tangan Surat Tugas"):
        _save(_modes(surat_tugas="stempel"))


@pytest.mark.usefixtures("office")
@pytest.mark.parametrize("username", ["kadis", "kabid", "meja"])
def test_only_the_administrator_chooses_how_documents_are_signed(username):
    version = admin.document_signing(session("admin")).version
    with pytest.raises(PermissionDenied):
        admin.update_document_signing(session(username), _modes(surat_tugas=IN_APP), URL, version)
    with pytest.raises(PermissionDenied):
        admin.document_signing(session(username))
    assert admin.document_signing(session("admin")).verify_url == ""
