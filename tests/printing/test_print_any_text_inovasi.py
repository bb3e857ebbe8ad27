"""Whatever the innovation services and the SOP loader accept, its document prints (issue 16,
item 1): the step documents, the Profil Inovasi and the SOP document, through the real use cases
on a real SQLite file. See test_print_any_text_sijarla.py for the property.

With the layouts before printing/pdfsplit, the profile and SOP properties fail with LayoutError;
a step document's body flows as paragraphs, which reportlab always broke across pages.
"""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest
from hypothesis import example, given, reject
from hypothesis import strategies as st

from desktop.config import resource_dir
from desktop.models import InnovationDocument, IssuedDocument
from desktop.services.documents import issue as documents
from desktop.services.inovasi import steps as inovasi
from desktop.services.sop.definition import SopFileError
from desktop.services.sop.loader import load_sop_text
from desktop.services.sop.workflow import sop_row
from tests.db.factories import make_office, session

from .any_text import PRINT, accepted_text, assert_on_paper, refused_means_skip
from .pdf_tools import page_sizes
from .test_print_any_text_sijarla import LETTERHEAD, PLAIN_HEAD, set_letterhead

pytestmark = [
    pytest.mark.parametrize("backend_url", ["sqlite"], indirect=True),
    pytest.mark.usefixtures("database"),
]

TODAY = dt.date.today()

IDEA = st.fixed_dictionaries(
    {
        "title": accepted_text(200),
        "problem": accepted_text(4000, multiline=True),
        "target": accepted_text(2000, multiline=True),
        "pointers": accepted_text(8000, multiline=True),
    }
)
POINTERS_8000_IN_60_LINES = "\n".join(
    f"{i}. Pointer konsep {i}: " + ("bidan mengunggah surat keterangan lahir " * 4)[:100]
    for i in range(1, 61)
)[:8000]
PLAIN_IDEA = {"title": "Akta di puskesmas", "problem": "Akta terlambat.", "target": "Bayi baru lahir"}


def issued_pdf(info: documents.IssuedDocumentInfo) -> bytes:
    pdf = bytes(IssuedDocument.get_by_id(info.id).pdf)
    assert pdf.startswith(b"%PDF") and len(page_sizes(pdf)) == info.page_count >= 1
    return pdf


def proposed(idea: dict[str, str]) -> inovasi.InnovationSummary:
    draft = inovasi.IdeaDraft(**idea)
    return refused_means_skip(lambda: inovasi.propose_idea(session("kasi"), draft))


def step_document(innovation_id: int, step_code: str) -> int:
    row = InnovationDocument.get(
        (InnovationDocument.innovation == innovation_id) & (InnovationDocument.step_code == step_code)
    )
    return row.id


# --- Step documents (pointers konsep, catatan telaahan ...) ----------------------------------------------


def test_any_idea_and_review_print_their_step_documents():
    make_office()
    ran: list[int] = []

    @PRINT
    @example(head=PLAIN_HEAD, idea={**PLAIN_IDEA, "pointers": POINTERS_8000_IN_60_LINES}, notes="Layak.")
    @given(head=LETTERHEAD, idea=IDEA, notes=accepted_text(20_000, multiline=True))
    def check(head, idea, notes):
        set_letterhead(head)
        summary = proposed(idea)
        info = documents.issue_document(session("kasi"), "dokumen_inovasi", step_document(summary.id, "ide"))
        assert_on_paper(issued_pdf(info), *idea.values())
        kabid = session("kabidpdip")
        refused_means_skip(
            lambda: inovasi.review_by_kabid(kabid, summary.id, notes, True, summary.case_version)
        )
        doc_id = step_document(summary.id, "telaah_kabid")
        assert_on_paper(issued_pdf(documents.issue_document(kabid, "dokumen_inovasi", doc_id)), notes)
        ran.append(1)

    check()
    assert len(ran) >= PRINT.max_examples  # the property held for that many accepted values


# --- Profil Inovasi ---------------------------------------------------------------------------------------

CONCEPT = st.fixed_dictionaries(
    {field: accepted_text(4000, multiline=True) for field, _ in inovasi.CONCEPT_SECTIONS}
)
NAME = st.tuples(accepted_text(120), accepted_text(400, required=False))


def named(idea: dict[str, str], concept: dict[str, str], name: tuple[str, str]) -> int:
    """An innovation taken from the idea to its name by the SOP's own people; returns its id."""
    ids = {n: session(n).user_id for n in ("kadis", "kabidpdip", "kasi", "sekretaris", "adb")}
    kasi, kadis, kabidpdip = session("kasi"), session("kadis"), session("kabidpdip")
    s = proposed(idea)
    s = inovasi.review_by_kabid(kabidpdip, s.id, "Layak.", True, s.case_version)
    s = inovasi.review_by_kepala_dinas(kadis, s.id, "Bahas.", s.case_version)
    meeting = inovasi.MeetingDraft(
        TODAY, "Aula", (ids["kadis"], ids["kabidpdip"], ids["kasi"]), "ya", "Lanjut."
    )
    s = inovasi.decide_first_discussion(kadis, s.id, meeting, s.case_version)
    inovasi.open_finalization(kasi, s.id, TODAY, "Aula", (ids["kadis"], ids["kabidpdip"]))
    inovasi.approve_draft(kadis, s.id, True)
    inovasi.approve_draft(kabidpdip, s.id, True)
    s = inovasi.finish_finalization(kasi, s.id, ("notulen.pdf", b"%PDF-1.4\n"), s.case_version)
    final = inovasi.FinalConcept(**concept)
    version = s.case_version
    s = refused_means_skip(
        lambda: inovasi.record_technical_discussion(
            session("adb"), s.id, final, (ids["kasi"], ids["adb"]), version
        )
    )
    version = s.case_version
    refused_means_skip(lambda: inovasi.decide_name(kadis, s.id, [name], name[0], version))
    return s.id


def test_any_innovation_prints_its_profil_inovasi():
    make_office()
    ran: list[int] = []

    @PRINT
    @example(
        head=PLAIN_HEAD,
        idea={**PLAIN_IDEA, "pointers": POINTERS_8000_IN_60_LINES},
        concept={field: "Mekanisme." for field, _ in inovasi.CONCEPT_SECTIONS},
        name=("SI AKRAB", "Sistem Akta Kelahiran di Puskesmas"),
    )
    @given(head=LETTERHEAD, idea=IDEA, concept=CONCEPT, name=NAME)
    def check(head, idea, concept, name):
        set_letterhead(head)
        innovation_id = named(idea, concept, name)
        info = documents.issue_document(session("kasi"), "profil_inovasi", innovation_id)
        assert_on_paper(issued_pdf(info), idea["title"], idea["problem"], *concept.values(), *name)
        ran.append(1)

    check()
    assert len(ran) >= PRINT.max_examples  # the property held for that many accepted values


# --- The SOP document ----------------------------------------------------------------------------------

SOP_SOURCE = (resource_dir() / "sop" / "sijarla.toml").read_text(encoding="utf-8")


def toml_string(value: str) -> str:
    """A TOML basic string (JSON's escapes are TOML's; the values hold no other control character)."""
    return json.dumps(value, ensure_ascii=False)


def sop_file(title: str, lists: dict[str, list[str]], activity: str, remarks: str) -> str:
    """The shipped SIJARLA SOP file with some of its printed texts replaced, under another code."""
    text = SOP_SOURCE.replace('code = "sijarla"', 'code = "uji_cetak"', 1)
    text = re.sub(r'^title = ".*"$', lambda _m: f"title = {toml_string(title)}", text, count=1, flags=re.M)
    for key, items in lists.items():
        value = "[" + ", ".join(toml_string(x) for x in items) + "]"
        pattern = rf"^{key} = \[.*?\]$"
        text = re.sub(pattern, lambda _m, k=key, v=value: f"{k} = {v}", text, count=1, flags=re.M | re.S)
    text = re.sub(
        r'^activity = ".*"$', lambda _m: f"activity = {toml_string(activity)}", text, count=1, flags=re.M
    )
    return text.replace("[[matrix]]\n", f"[[matrix]]\nremarks = {toml_string(remarks)}\n", 1)


SOP_LISTS = st.fixed_dictionaries(
    {
        key: st.lists(accepted_text(600, multiline=True), min_size=1, max_size=25)
        for key in ("legal_basis", "related_sops", "equipment", "warnings", "recording", "notes")
    }
)


def test_any_sop_file_the_loader_accepts_prints_its_sop_document():
    make_office()
    ran: list[int] = []

    @PRINT
    @given(
        head=LETTERHEAD,
        title=accepted_text(200),
        lists=SOP_LISTS,
        activity=accepted_text(4000, multiline=True),
        remarks=accepted_text(2000, multiline=True),
    )
    def check(head, title, lists, activity, remarks):
        set_letterhead(head)
        try:
            definition = load_sop_text(sop_file(title, lists, activity, remarks), "uji_cetak.toml")
        except SopFileError:
            reject()
        assert (definition.title, definition.matrix_rows()[0].activity) == (title, activity)
        info = documents.issue_document(session("kadis"), "sop", sop_row(definition).id)
        assert_on_paper(issued_pdf(info), title, activity, remarks, *(x for v in lists.values() for x in v))
        ran.append(1)

    check()
    assert len(ran) >= PRINT.max_examples  # the property held for that many accepted values
