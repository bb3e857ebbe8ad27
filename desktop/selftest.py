"""`dinas-desk --self-test`: check, without showing a window, that this installation works.

The installer runs it at the end of every install, IT staff run it on a workstation, and CI runs it on
the frozen Windows build under Wine, where a missing DLL, data file or hidden import shows up here
instead of on a user's desk. One line per check (`[OK] ...` or `[GAGAL] ...`), exit code 0 or 1.

It leaves nothing behind: unless a database is named (`--db`, or DINAS_DESK_DB_URL), it builds the demo
office in a throwaway SQLite file in a temporary folder (which also takes the run's settings and
backups) and issues a Surat Tugas and a receipt there; the workstation's saved settings and the user's
data folder are never opened or written. A named database is only read: its documents are rendered
as unarchived samples, no number is taken.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from desktop import config
from desktop.services.errors import DomainError

Check = tuple[str, Callable[[], str]]


@dataclass
class SelfTestOptions:
    db_url: str | None = None
    receipt_printer: str | None = None  # e.g. tcp://192.168.1.50:9100: a real receipt goes there
    out_dir: Path | None = None  # where the issued Surat Tugas and receipt are copied (demo only)
    receipt_columns: int = 0  # the 80 mm receipt printer's characters per line; 0: 48


def _print(text: str) -> None:
    if sys.stdout is not None:  # the windowed DinasDesk.exe has no console
        print(text, flush=True)


def run(options: SelfTestOptions) -> int:
    """Run every check in order; stop at the first failure. 0 when all passed, else 1."""
    if not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    if sys.platform == "win32":  # Qt's offscreen platform on Windows reads fonts from this folder only
        os.environ.setdefault(
            "QT_QPA_FONTDIR", os.path.join(os.environ.get("WINDIR", r"C:\Windows"), "Fonts")
        )
    explicit_db = options.db_url or os.environ.get(config.ENV_DB_URL)
    with _throwaway_data_folder(enabled=not explicit_db):
        from desktop.app import create_application

        create_application()
        return _run_checks(_checks(options, demo=not explicit_db))


def _run_checks(checks: list[Check]) -> int:
    for label, check in checks:
        try:
            detail = check()
        except Exception as exc:  # every failure is reported, none escapes as a traceback
            reason = exc.message if isinstance(exc, DomainError) else f"{type(exc).__name__}: {exc}"
            _print(f"[GAGAL] {label}: {reason}")
            return 1
        _print(f"[OK] {label}" + (f": {detail}" if detail else ""))
    return 0


@contextmanager
def _throwaway_data_folder(*, enabled: bool) -> Iterator[None]:
    """Point the data folder (database, settings file, backups) at a temporary folder for the run."""
    if not enabled:
        yield
        return
    previous = os.environ.get(config.ENV_DATA_DIR)
    with tempfile.TemporaryDirectory(prefix="dinas-desk-uji-", ignore_cleanup_errors=True) as folder:
        os.environ[config.ENV_DATA_DIR] = folder
        try:
            yield
        finally:
            _close_database()
            if previous is None:
                os.environ.pop(config.ENV_DATA_DIR, None)
            else:
                os.environ[config.ENV_DATA_DIR] = previous


def _close_database() -> None:
    from PySide6.QtCore import QThreadPool

    from desktop.services import workspace

    # Reads the checks started in the background (the main window's badges) hold their thread's
    # connection until they end; on Windows an open connection keeps the folder from being removed.
    QThreadPool.globalInstance().waitForDone(30_000)
    workspace.release_thread_connection()


def _checks(options: SelfTestOptions, *, demo: bool) -> list[Check]:
    checks: list[Check] = [
        ("database", lambda: _check_database(options.db_url, demo)),
        ("referensi", _check_reference_data),
        ("terjemahan", _check_translations),
        ("kata sandi", _check_password_hashing),
        ("penyimpanan kata sandi", _check_password_store),
        ("lembar kerja", _check_spreadsheet),
        ("paket lapangan", _check_field_package),
        ("surat PDF", lambda: _check_letters(options, demo)),
        ("struk", lambda: _check_receipt(options, demo)),
        ("printer", _check_printers),
        ("login dialog", _check_login_dialog),
        ("jendela utama", _check_main_window),
    ]
    return checks


def _check_database(db_url: str | None, demo: bool) -> str:
    from desktop.app import open_database

    opened, _logins = open_database(db_url, demo)
    return f"{opened.backend} {opened.location} (skema v{opened.schema_version})"


def _check_reference_data() -> str:
    from desktop.services import workspace

    counts = workspace.reference_counts()
    if counts.nagari == 0 or counts.roles == 0:
        raise RuntimeError(f"data rujukan kosong ({counts.nagari} nagari, {counts.roles} peran)")
    return (
        f"{counts.nagari} nagari, {counts.kecamatan} kecamatan, {counts.kabupaten} kabupaten, "
        f"{counts.service_categories} jenis layanan, {counts.roles} peran"
    )


def _check_translations() -> str:
    from PySide6.QtCore import QCoreApplication

    cancel = QCoreApplication.translate("QPlatformTheme", "Cancel")
    if cancel == "Cancel":
        raise RuntimeError("terjemahan Qt (qtbase_id.qm) tidak termuat")
    return f"Cancel -> {cancel}"


def _check_password_hashing() -> str:
    from desktop.services.security import auth

    hashed = auth.hash_password("uji-mandiri-12345")
    if not hashed.startswith("$argon2id$"):
        raise RuntimeError("bukan hash argon2id")
    return "argon2id"


def _check_password_store() -> str:
    """Which OS password store the database password would go to (nothing is written)."""
    import keyring

    backend = keyring.get_keyring()
    return f"{type(backend).__module__}.{type(backend).__name__}"


def _check_spreadsheet() -> str:
    """An .xlsx written as the template and export write it (openpyxl) and read back as the import
    reads it (python-calamine, a compiled extension the Windows bundle must carry)."""
    import datetime as dt

    from openpyxl import Workbook

    from desktop.services.sijarla.record_import import open_table

    with tempfile.TemporaryDirectory(prefix="dinas-desk-uji-") as folder:
        path = Path(folder) / "uji.xlsx"
        book = Workbook()
        book.active.append(["NIK", "Nama", "Tanggal"])
        book.active.append(["1302034507510002", "Siti Rahmah", dt.date(2026, 12, 7)])
        book.save(path)
        table = open_table(path)
        rows = list(table.rows)
    if table.data_rows != 1 or rows[1][:2] != ["1302034507510002", "Siti Rahmah"]:
        raise RuntimeError(f"isi lembar kerja terbaca salah: {rows!r}")
    if str(rows[1][2])[:10] != "2026-12-07":
        raise RuntimeError(f"tanggal lembar kerja terbaca salah: {rows[1][2]!r}")
    return f"xlsx ditulis dan dibaca ({table.data_rows} baris)"


def _check_field_package() -> str:
    """A field package sealed and opened (cryptography's AES-GCM and hashlib's scrypt), its database
    in shared memory (SQLite's memdb), and a secured office's offline login hash (bcrypt): the
    compiled parts a field laptop needs, in this build."""
    import sqlite3

    import bcrypt

    from desktop.models import field_store
    from desktop.services.field import package

    name = field_store.memory_name("uji")
    anchor = field_store.connect_memory(name)
    try:
        anchor.execute("CREATE TABLE uji (teks TEXT)")
        anchor.execute("INSERT INTO uji VALUES ('Siti Rahmah')")
        other = sqlite3.connect(name, uri=True)  # what a second thread's connection sees
        seen = other.execute("SELECT teks FROM uji").fetchone()[0]
        other.close()
        payload = field_store.serialize(anchor)
    finally:
        anchor.close()
    passphrase = "uji mandiri paket 1"
    key = package.new_data_key()
    with tempfile.TemporaryDirectory(prefix="dinas-desk-uji-") as folder:
        path = Path(folder) / f"uji{package.SUFFIX}"
        fields = {"package_uid": "0" * 32, "case_id": 1, **package.wrap_key(key, passphrase, "0" * 32)}
        package.seal(path, fields, key, payload)
        _header, opened, _key = package.open_package(path, passphrase=passphrase)
    restored = field_store.load(opened)
    try:
        back = restored.execute("SELECT teks FROM uji").fetchone()[0]
    finally:
        restored.close()
    hashed = bcrypt.hashpw(b"kunci-login-uji", bcrypt.gensalt(rounds=4)).replace(b"$2b$", b"$2a$")
    if seen != "Siti Rahmah" or back != seen or not bcrypt.checkpw(b"kunci-login-uji", hashed):
        raise RuntimeError("paket lapangan tidak terbaca kembali")
    return f"AES-GCM, scrypt, memdb dan bcrypt ({len(payload)} bita)"


def _demo_session(role: str):
    """A real login of the demo account holding `role` (demo only: the password is public)."""
    from desktop.services.demo.office import DEMO_PASSWORD, DEMO_PEOPLE
    from desktop.services.security import auth

    username = next(person[0] for person in DEMO_PEOPLE if role in person[5])
    return auth.login(username, DEMO_PASSWORD)


def _check_letters(options: SelfTestOptions, demo: bool) -> str:
    """Demo: issue the newest signed Surat Tugas through the archive; else render an unarchived sample."""
    import pypdfium2

    from desktop.roles import KEPALA_DINAS
    from desktop.services import workspace
    from desktop.services.documents import issue as documents

    if demo:
        session = _demo_session(KEPALA_DINAS)
        source = documents.newest_source_id("surat_tugas")
        if source is None:
            raise RuntimeError("data demo tanpa Surat Tugas bertanda tangan")
        info = documents.issue_document(session, "surat_tugas", source)
        data = documents.get_document(session, info.id)
        name = "surat_tugas.pdf"
    else:
        if not workspace.office_summary().configured:
            return "dilewati: data kantor (kop surat) belum diatur"
        sample = next(s for s in documents.sample_documents() if s.media == "pdf")
        data, name = sample.data, f"{sample.name}.pdf"
    pdf = pypdfium2.PdfDocument(data)
    pages = len(pdf)
    width, height = pdf[0].render(scale=1).to_pil().size
    pdf.close()
    _keep(options, name, data)
    return f"{name}: {pages} halaman, {len(data)} byte, halaman 1 {width}x{height} px"


def _check_receipt(options: SelfTestOptions, demo: bool) -> str:
    """Demo: issue the newest letter's receipt and, when a printer is named, send it there."""
    from desktop.printing import sinks
    from desktop.roles import FRONT_DESK
    from desktop.services.documents import issue as documents

    if not demo:
        from escpos.printer import Dummy

        printer = Dummy(profile="TM-T20II")
        printer.text("Dinas Desk\n")
        printer.qr("uji mandiri")
        return f"ESC/POS {len(printer.output)} byte (profil TM-T20II)"
    session = _demo_session(FRONT_DESK)
    letter = documents.newest_source_id(documents.RECEIPT)
    if letter is None:
        raise RuntimeError("data demo tanpa surat masuk")
    info = documents.issue_document(
        session, documents.RECEIPT, letter, receipt_width=80, receipt_columns=options.receipt_columns
    )
    data = documents.get_document(session, info.id)
    _keep(options, "struk_80mm.bin", data)
    columns = options.receipt_columns or 48
    if not options.receipt_printer:
        return f"struk 80 mm, {columns} kolom: {len(data)} byte"
    sink = sinks.sink_from_address(options.receipt_printer)
    documents.print_receipt(session, info.id, sink)
    return f"{len(data)} byte terkirim ke {sink.describe()}"


def _keep(options: SelfTestOptions, name: str, data: bytes) -> None:
    if options.out_dir is not None:
        options.out_dir.mkdir(parents=True, exist_ok=True)
        (options.out_dir / name).write_bytes(data)


def _check_printers() -> str:
    from PySide6.QtPrintSupport import QPrinterInfo

    names = [p.printerName() for p in QPrinterInfo.availablePrinters()]
    return ", ".join(names) if names else "tidak ada printer terpasang"


def _check_login_dialog() -> str:
    from desktop.ui.login_dialog import LoginDialog

    dialog = LoginDialog(None)
    try:
        if not dialog.login_button.isDefault():
            raise RuntimeError("tombol Masuk bukan tombol bawaan")
    finally:
        dialog.deleteLater()
    return ""


def _check_main_window() -> str:
    from desktop.services import workspace
    from desktop.services.session import Session
    from desktop.ui.main_window import MainWindow

    roles = workspace.role_catalog()
    session = Session(
        user_id=0,
        username="uji-mandiri",
        full_name="Uji Mandiri",
        roles=frozenset(r.code for r in roles),
        jabatan="Uji mandiri",
    )
    window = MainWindow(session)
    try:
        count = window.tab_widget.count()
        if count != len(roles):
            raise RuntimeError(f"{count} tab untuk {len(roles)} peran")
        for code in window.role_codes():  # each tab is built when first shown: build them all here
            if window.tab_for(code) is None:
                raise RuntimeError(f"tab {code} tidak dapat dibuat")
    finally:
        window.deleteLater()
    return f"{count} tab"
