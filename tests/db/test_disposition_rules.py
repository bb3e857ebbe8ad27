"""Issue 15 item 12: the disposition's sifat follows the letter's; a returned letter is sent again with
the missing attachment."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.models import Attachment, CaseStep, Disposition, SopCase
from desktop.services import case_view
from desktop.services.errors import InvalidInput
from desktop.services.sijarla import steps as sijarla

from .factories import letter_draft, make_office, session, team

DEADLINE = dt.date.today() + dt.timedelta(days=3)
pytestmark = pytest.mark.usefixtures("database")


def disposition(case_id: int, sifat: str = "") -> Disposition:
    draft = sijarla.DispositionDraft("Siapkan tim.", team().id, DEADLINE, sifat=sifat)
    return Disposition.get_by_id(sijarla.save_disposition(session("kabid"), case_id, draft))


@pytest.mark.parametrize("sifat", ["biasa", "segera", "sangat_segera", "rahasia"])
def test_the_disposition_takes_the_letters_sifat_when_the_kabid_gives_none(sifat):
    make_office()
    case_id = sijarla.register_letter(session("meja"), letter_draft(sifat=sifat)).case_id
    assert disposition(case_id).sifat == sifat


def test_the_kabid_may_raise_the_urgency():
    make_office()
    case_id = sijarla.register_letter(session("meja"), letter_draft(sifat="segera")).case_id
    assert disposition(case_id, "sangat_segera").sifat == "sangat_segera"


@pytest.mark.parametrize(
    ("letter", "chosen"), [("segera", "biasa"), ("sangat_segera", "segera"), ("rahasia", "biasa")]
)
def test_a_sifat_below_the_letters_is_refused_with_the_reason(letter, chosen):
    make_office()
    case_id = sijarla.register_letter(session("meja"), letter_draft(sifat=letter)).case_id
    with pytest.raises(InvalidInput, match="tidak boleh lebih rendah dari sifat surat") as refused:
        disposition(case_id, chosen)
    assert refused.value.field == "sifat"
    assert Disposition.select().count() == 0


def test_a_case_from_analysis_defaults_to_biasa():
    make_office()
    from .factories import nagari

    case = sijarla.open_from_analysis(session("kadis"), nagari().id, "Capaian KTP-el rendah.")
    assert case.current_step == "disposisi"
    assert disposition(case.id).sifat == "biasa"


def returned_case(reason: str = "Lampiran daftar nama calon penerima belum ada.") -> SopCase:
    receipt = sijarla.register_letter(session("meja"), letter_draft())
    case = SopCase.get_by_id(receipt.case_id)
    sijarla.return_request(session("kabid"), case.id, reason, case.version)
    return SopCase.get_by_id(case.id)


def test_a_returned_letter_is_sent_again_with_the_missing_attachment():
    make_office()
    case = returned_case()
    missing = sijarla.ScanFile("daftar-nama.pdf", b"%PDF-1.4\n% daftar nama\n", "application/pdf")
    summary = sijarla.resubmit_request(
        session("meja"), case.id, "Daftar nama terlampir.", case.version, (missing,)
    )

    assert summary.current_step == "disposisi"
    stored = Attachment.get(Attachment.purpose == "lampiran_susulan")
    assert (stored.filename, bytes(stored.content), stored.case_id) == (
        "daftar-nama.pdf",
        missing.content,
        case.id,
    )
    assert stored.letter_id is not None
    history = [
        (s.action, s.note) for s in CaseStep.select().where(CaseStep.case == case.id).order_by(CaseStep.id)
    ]
    assert history[-2][0] == "kembalikan" and "belum ada" in history[-2][1]
    assert history[-1] == ("selesai", "Daftar nama terlampir.\nLampiran ditambahkan: daftar-nama.pdf")
    # The Kabid's view of the letter holds the scan and the added attachment.
    letter = case_view.case_letter(session("kabid"), case.id)
    assert [a.filename for a in letter.attachments] == ["permohonan.pdf", "daftar-nama.pdf"]
    assert case_view.attachment_content(session("kabid"), stored.id) == missing.content


def test_a_resend_without_attachment_still_works_and_a_refused_resend_stores_nothing():
    make_office()
    case = returned_case()
    empty = sijarla.ScanFile("kosong.pdf", b"", "application/pdf")
    with pytest.raises(InvalidInput, match="kosong"):
        sijarla.resubmit_request(session("meja"), case.id, "", case.version, (empty,))
    stranger = sijarla.ScanFile("x.pdf", b"%PDF-1.4\n", "application/pdf")
    with pytest.raises(Exception):  # noqa: B017 - the Kabid is no front desk: refused, whatever the class
        sijarla.resubmit_request(session("kabid"), case.id, "", case.version, (stranger,))
    assert Attachment.select().where(Attachment.purpose == "lampiran_susulan").count() == 0
    assert sijarla.resubmit_request(session("meja"), case.id, "", case.version).current_step == "disposisi"
