"""The case file: who may read it, that the read is logged, and the tables that show it."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QThreadPool

from desktop.models import AuditLog
from desktop.services import case_view
from desktop.services.case_view import AuditLine, StepRecord
from desktop.services.demo.office import DEMO_PASSWORD
from desktop.services.errors import PermissionDenied
from desktop.services.security import auth
from desktop.services.sijarla import steps as sijarla
from desktop.services.sop.worklists import WorkEntry
from desktop.ui.sop.case_detail_dialog import CaseDetailDialog
from desktop.ui.sop.case_tables import (
    CaseAuditTableModel,
    CaseDocumentsTableModel,
    CaseHistoryTableModel,
    FiguresTableModel,
)
from desktop.ui.sop.case_worklist import CaseWorklistTableModel
from tests.db import factories

WAIT = 15_000
NOW = dt.datetime(2026, 11, 20, 9, 30)


def test_case_file_lists_steps_and_logs_the_read(qtbot, demo_logins):
    receipt = sijarla.register_letter(factories.session("meja"), factories.letter_draft())
    dialog = CaseDetailDialog(auth.login("kadis", DEMO_PASSWORD), receipt.case_id)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(dialog.loaded, timeout=WAIT)
    assert dialog.history_model.rowCount() == 1
    assert dialog.tabs.tabText(0) == "Riwayat langkah (1)"
    assert dialog.facts["nagari"].text().startswith("Koto Baru")
    assert AuditLog.select().where(AuditLog.action == "kasus_dibaca").count() == 1

    dialog.attachment_list.setCurrentRow(0)
    qtbot.waitUntil(
        lambda: AuditLog.select().where(AuditLog.action == "lampiran_dibaca").exists(), timeout=WAIT
    )
    qtbot.waitUntil(lambda: QThreadPool.globalInstance().activeThreadCount() == 0, timeout=WAIT)


def test_a_team_member_reads_only_their_own_teams_cases(demo_logins):
    receipt = sijarla.register_letter(factories.session("meja"), factories.letter_draft())
    kabid = factories.session("kabid")
    draft = sijarla.DispositionDraft("Laksanakan.", factories.team("Tim SIJARLA I").id, dt.date.today())
    sijarla.sign_disposition(kabid, sijarla.save_disposition(kabid, receipt.case_id, draft), DEMO_PASSWORD, 1)

    assert (
        case_view.case_detail(factories.session("anggota1"), receipt.case_id).header.team == "Tim SIJARLA I"
    )
    with pytest.raises(PermissionDenied):
        case_view.case_detail(factories.session("anggota3"), receipt.case_id)  # Tim SIJARLA II
    with pytest.raises(PermissionDenied):
        case_view.case_detail(factories.session("admin"), receipt.case_id)
    with pytest.raises(PermissionDenied):
        case_view.case_letter(factories.session("anggota1"), receipt.case_id)


def test_pick_lists_for_the_forms(demo_logins):
    nagari = case_view.list_nagari()
    assert len(nagari) == 74  # the Solok office's own kabupaten (issue 15 item 11)
    assert all(" — " in n.label for n in nagari)
    assert [c.code for c in case_view.list_service_categories()][:2] == ["ktp_rekam", "ktp_cetak"]
    teams = case_view.list_teams()
    assert [t.name for t in teams] == ["Tim SIJARLA I", "Tim SIJARLA II"]
    assert teams[0].members[0].is_leader and teams[0].leader == "Andi Saputra, S.E."


def test_worklist_model_passes_the_qt_model_tester(qtmodeltester):
    model = CaseWorklistTableModel()
    model.set_items(
        [
            WorkEntry(
                "kasus",
                1,
                "SJL-2026-0001",
                "Permohonan",
                "Koto Baru",
                "disposisi",
                "Disposisi",
                dt.date(2026, 11, 24),
                "tepat_waktu",
                2,
                1,
            ),
            WorkEntry("rekap", 2, "REKAP-0002", "Rekap", "", "diajukan", "Rekapitulasi", None, None, None, 1),
        ]
    )
    qtmodeltester.check(model, force_py=True)


def test_case_file_models_pass_the_qt_model_tester(qtmodeltester):
    history = CaseHistoryTableModel()
    history.set_rows(
        [
            StepRecord(
                "registrasi",
                "Registrasi",
                "selesai",
                "Teruskan",
                "Yuliani",
                NOW,
                dt.date(2026, 11, 19),
                True,
                "Agenda 0001/AG/2026",
                "Tanda Terima",
                None,
            )
        ]
    )
    qtmodeltester.check(history, force_py=True)
    audit = CaseAuditTableModel()
    audit.set_rows([AuditLine(NOW, "meja", "surat_masuk_dicatat", "incoming_letter", "agenda: 0001/AG/2026")])
    qtmodeltester.check(audit, force_py=True)
    documents = CaseDocumentsTableModel()
    documents.set_rows([])
    qtmodeltester.check(documents, force_py=True)
    figures = FiguresTableModel()
    figures.set_rows([("KTP-el perekaman", 107), ("KIA", 22)])
    qtmodeltester.check(figures, force_py=True)
    assert audit.data(audit.index(0, 2)) == "Surat masuk dicatat"
    assert audit.data(audit.index(0, 3)) == "Surat masuk"  # not "incoming letter"


def test_case_file_of_an_analysis_case_shows_the_whole_reason(qtbot, demo_logins):
    reason = "Perekaman KTP-el lansia baru 58%.\n" + "Jorong Koto Tuo tertinggal; " * 20 + "AKHIR."
    kadis = factories.session("kadis")
    case_id = sijarla.open_from_analysis(kadis, factories.nagari().id, reason).id
    dialog = CaseDetailDialog(auth.login("kadis", DEMO_PASSWORD), case_id)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(dialog.loaded, timeout=WAIT)
    assert dialog.title_label.text().endswith("…")  # the title is shortened ...
    assert not dialog.reason_label.isHidden()
    assert dialog.reason_label.text() == f"Dasar analisis: {reason}"  # ... the reason is not
    qtbot.waitUntil(lambda: QThreadPool.globalInstance().activeThreadCount() == 0, timeout=WAIT)


def test_case_file_of_a_letter_shows_no_analysis_reason(qtbot, demo_logins):
    receipt = sijarla.register_letter(factories.session("meja"), factories.letter_draft())
    dialog = CaseDetailDialog(auth.login("kadis", DEMO_PASSWORD), receipt.case_id)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(dialog.loaded, timeout=WAIT)
    assert dialog.reason_label.isHidden()
    qtbot.waitUntil(lambda: QThreadPool.globalInstance().activeThreadCount() == 0, timeout=WAIT)
