"""Every file dialog opens in the folder last used for its purpose, else in Documents, never in the
working folder (on Windows, wherever the shortcut started the app)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog

from desktop.ui.admin.audit_page import choose_export_file
from desktop.ui.admin.backup_page import choose_backup_target
from desktop.ui.admin.office_page import choose_logo
from desktop.ui.common import file_dialogs
from desktop.ui.common.tables import ask_csv_path
from desktop.ui.inovasi.innovation_fields import choose_files
from desktop.ui.setup.database_page import choose_ca_file
from desktop.ui.sijarla.records_import import ImportFileDialog

ROOT = Path(__file__).resolve().parents[2]


class FakeDialogs:
    """QFileDialog's static functions replaced: each call's start folder noted, `answer` returned."""

    def __init__(self, monkeypatch):
        self.started_in: list[Path] = []
        self.answer = ""
        monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(self._open))
        monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(self._save))
        monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(self._many))
        monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(self._folder))

    def _folder(self, parent, caption, folder, *rest, **kwargs):
        self.started_in.append(Path(folder))
        return self.answer

    def _open(self, parent, caption, folder, *rest, **kwargs):
        self.started_in.append(Path(folder))
        return self.answer, ""

    def _save(self, parent, caption, suggested, *rest, **kwargs):
        self.started_in.append(Path(suggested).parent)  # a file name inside the start folder
        return self.answer, ""

    def _many(self, parent, caption, folder, *rest, **kwargs):
        self.started_in.append(Path(folder))
        return ([self.answer] if self.answer else []), ""


@pytest.fixture
def dialogs(monkeypatch, tmp_path, qapp):
    monkeypatch.setenv("DINAS_DESK_DATA_DIR", str(tmp_path / "data"))  # fresh QSettings
    monkeypatch.chdir(tmp_path)  # the working folder must never be offered
    return FakeDialogs(monkeypatch)


def test_a_first_dialog_opens_in_documents_not_the_working_folder(dialogs, tmp_path):
    documents = file_dialogs.documents_folder()
    assert documents != Path.cwd()
    choose_logo(None)
    ask_csv_path(None, "Daftar kasus")
    choose_files(None, "Lampiran")
    choose_ca_file(None)
    ImportFileDialog.ask(None)
    assert dialogs.started_in == [documents] * 5


def test_the_last_folder_is_remembered_per_purpose(dialogs, tmp_path):
    logos, exports = tmp_path / "logo", tmp_path / "ekspor"
    logos.mkdir()
    exports.mkdir()
    dialogs.answer = str(logos / "lambang.png")
    assert choose_logo(None) == logos / "lambang.png"
    dialogs.answer = str(exports / "kasus.csv")
    assert ask_csv_path(None, "Daftar kasus") == exports / "kasus.csv"
    dialogs.answer = ""
    choose_logo(None)
    choose_export_file(None)  # the audit log's export shares the export folder
    choose_backup_target(None)  # a backup has its own
    documents = file_dialogs.documents_folder()
    assert dialogs.started_in[2:] == [logos, exports, documents]


def test_a_save_dialog_suggests_the_name_inside_the_start_folder(dialogs, monkeypatch, tmp_path):
    seen: list[str] = []
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (seen.append(a[2]), ("", ""))[1])
    )
    ask_csv_path(None, "Daftar Kasus")
    assert seen == [str(file_dialogs.documents_folder() / "daftar-kasus.csv")]


def test_a_remembered_folder_that_is_gone_falls_back_to_documents(dialogs, tmp_path):
    gone = tmp_path / "usb"
    gone.mkdir()
    file_dialogs.remember(file_dialogs.LOGO, gone / "lambang.png")
    gone.rmdir()
    choose_logo(None)
    assert dialogs.started_in == [file_dialogs.documents_folder()]


def test_every_file_dialog_of_the_app_goes_through_the_helper():
    """No module but the helper calls QFileDialog (a new dialog would start in the working folder)."""
    callers = []
    for path in (ROOT / "desktop").rglob("*.py"):
        if path.name == "file_dialogs.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        if any(
            isinstance(n, ast.Name | ast.alias)
            and "QFileDialog" in (getattr(n, "id", None) or getattr(n, "name", ""))
            for n in ast.walk(tree)
        ):
            callers.append(str(path.relative_to(ROOT)))
    assert callers == []


def test_the_field_packages_folder_starts_in_documents_then_where_they_were_written(dialogs, tmp_path):
    from desktop.ui.field.take_out_dialog import FolderDialog

    documents = file_dialogs.documents_folder()
    flash = tmp_path / "flashdisk"
    flash.mkdir()
    dialogs.answer = str(flash)
    assert FolderDialog.ask(None, documents) == flash
    dialogs.answer = ""
    assert FolderDialog.ask(None, documents) is None
    assert dialogs.started_in == [documents, flash]
