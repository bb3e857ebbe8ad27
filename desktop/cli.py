"""Command line: `dinas-desk` opens the app; subcommands manage the database and users."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from desktop import __version__

# argparse's own messages (it looks each up through its module's gettext functions when shown).
_ARGPARSE_TEXT = {
    "usage: ": "Pemakaian: ",
    "%(prog)s: error: %(message)s\n": "%(prog)s: kesalahan: %(message)s\n",
    "argument %(argument_name)s: %(message)s": "argumen %(argument_name)s: %(message)s",
    "the following arguments are required: %s": "argumen berikut wajib diisi: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "pilihan %(value)r tidak dikenal (pilih salah satu: %(choices)s)"
    ),
    "invalid %(type)s value: %(value)r": "nilai %(value)r tidak sah: harus %(type)s",
    "unrecognized arguments: %s": "argumen tidak dikenal: %s",
    "ambiguous option: %(option)s could match %(matches)s": (
        "opsi %(option)s tidak jelas: bisa berarti %(matches)s"
    ),
    "expected one argument": "perlu satu nilai",
    "expected at most one argument": "paling banyak satu nilai",
    "expected at least one argument": "perlu paling sedikit satu nilai",
    "not allowed with argument %s": "tidak boleh bersama argumen %s",
    "one of the arguments %s is required": "salah satu argumen %s wajib diisi",
    "ignored explicit argument %r": "nilai %r diabaikan",
    "unexpected option string: %s": "opsi tak terduga: %s",
    "can't open '%(filename)s': %(error)s": "berkas '%(filename)s' tidak dapat dibuka: %(error)s",
    "positional arguments": "argumen",
    "options": "opsi",
    "show this help message and exit": "tampilkan bantuan ini lalu keluar",
    "show program's version number and exit": "tampilkan versi lalu keluar",
}


def _indonesian(text: str) -> str:
    return _ARGPARSE_TEXT.get(text, text)


def _indonesian_plural(singular: str, plural: str, count: int) -> str:
    if singular == "expected %s argument":
        return "perlu %s nilai"
    return _indonesian(singular if count == 1 else plural)


argparse._ = _indonesian  # type: ignore[attr-defined]
argparse.ngettext = _indonesian_plural  # type: ignore[attr-defined]


def _whole_number(text: str) -> int:
    return int(text)


_whole_number.__name__ = "bilangan bulat"  # argparse names the type in its refusal


class _Formatter(argparse.RawDescriptionHelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        return super().add_usage(usage, actions, groups, "Pemakaian: " if prefix is None else prefix)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="dinas-desk",
        description="Dinas Desk: SOP Disdukcapil (SIJARLA dan Inovasi Pelayanan Publik) sebagai alur kerja.",
        formatter_class=_Formatter,
        add_help=False,
    )
    _localize(parser)
    parser.add_argument("--demo", action="store_true", help="buka aplikasi dengan database demo yang baru")
    parser.add_argument("--db", metavar="URL", help="alamat database: sqlite:///berkas atau postgresql://...")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="uji mandiri tanpa jendela: buka database, bangun jendela utama, keluar 0 atau 1",
    )
    parser.add_argument(
        "--receipt-printer",
        metavar="ALAMAT",
        help="dengan --self-test --demo: kirim struk uji ke printer ini (mis. tcp://192.168.1.50:9100)",
    )
    parser.add_argument(
        "--receipt-columns",
        metavar="KOLOM",
        type=_whole_number,
        default=0,
        help="dengan --receipt-printer: karakter per baris printer struk 80 mm (42 atau 48; bawaan 48)",
    )
    parser.add_argument(
        "--output",
        metavar="FOLDER",
        type=Path,
        help="dengan --self-test --demo: simpan Surat Tugas dan struk yang diterbitkan ke FOLDER",
    )
    parser.add_argument(
        "--lapangan",
        metavar="BERKAS",
        type=Path,
        help="buka paket lapangan BERKAS.ddlapangan (juga: dinas-desk BERKAS.ddlapangan)",
    )
    parser.add_argument(
        "--version", action="version", version=f"Dinas Desk {__version__}", help="tampilkan versi"
    )
    sub = parser.add_subparsers(dest="command", title="perintah", metavar="PERINTAH")

    db_cmd = sub.add_parser("db", help="kelola database", formatter_class=_Formatter, add_help=False)
    _localize(db_cmd)
    db_sub = db_cmd.add_subparsers(
        dest="db_command", title="perintah database", metavar="AKSI", required=True
    )
    for name, text in (
        ("upgrade", "terapkan migrasi skema yang tertunda"),
        ("status", "versi skema dan lokasi"),
    ):
        _localize(db_sub.add_parser(name, help=text, add_help=False, formatter_class=_Formatter))
    for name, text in (
        ("backup", "salin database SQLite ke BERKAS"),
        ("restore", "pulihkan database dari BERKAS"),
    ):
        p = db_sub.add_parser(name, help=text, add_help=False, formatter_class=_Formatter)
        _localize(p)
        p.add_argument("path", metavar="BERKAS", type=Path)

    secure = db_sub.add_parser(
        "secure",
        help="PostgreSQL: akun database per pengguna, hak akses per fungsi, keamanan baris",
        add_help=False,
        formatter_class=_Formatter,
    )
    _localize(secure)
    secure.add_argument(
        "--admin",
        metavar="NAMA_PENGGUNA",
        required=True,
        help="akun Administrator yang langsung diberi kata sandi PostgreSQL (yang lain diatur di tab Admin)",
    )

    user_cmd = sub.add_parser("user", help="kelola pengguna", formatter_class=_Formatter, add_help=False)
    _localize(user_cmd)
    user_sub = user_cmd.add_subparsers(
        dest="user_command", title="perintah pengguna", metavar="AKSI", required=True
    )
    add = user_sub.add_parser("add", help="tambah pengguna", add_help=False, formatter_class=_Formatter)
    _localize(add)
    add.add_argument("username", metavar="NAMA_PENGGUNA")
    add.add_argument("--nama", required=True, help="nama lengkap")
    add.add_argument("--peran", required=True, help="kode peran, dipisah koma (mis. administrator)")
    add.add_argument("--nip", help="NIP 18 angka")
    add.add_argument("--pangkat", default="", help="pangkat/golongan")
    add.add_argument("--jabatan", default="", help="jabatan")
    add.add_argument("--password-stdin", action="store_true", help="baca kata sandi dari masukan standar")
    add.add_argument(
        "--sebagai",
        metavar="ADMIN",
        help="akun Administrator yang menyetujui (wajib bila database sudah mempunyai akun); kata sandinya "
        "ditanyakan, atau dari DINAS_DESK_ADMIN_PASSWORD",
    )
    _localize(user_sub.add_parser("list", help="daftar pengguna", add_help=False, formatter_class=_Formatter))

    docs = sub.add_parser("documents", help="dokumen contoh", formatter_class=_Formatter, add_help=False)
    _localize(docs)
    docs_sub = docs.add_subparsers(
        dest="documents_command", title="perintah dokumen", metavar="AKSI", required=True
    )
    sample = docs_sub.add_parser(
        "sample",
        help="buat contoh setiap jenis dokumen ke FOLDER",
        add_help=False,
        formatter_class=_Formatter,
    )
    _localize(sample)
    sample.add_argument("folder", metavar="FOLDER", type=Path)
    _field_parser(sub)
    return parser


def _field_parser(sub) -> None:
    field = sub.add_parser(
        "field", help="paket lapangan (kejar bola tanpa jaringan)", formatter_class=_Formatter, add_help=False
    )
    _localize(field)
    field_sub = field.add_subparsers(
        dest="field_command", title="perintah lapangan", metavar="AKSI", required=True
    )
    export = field_sub.add_parser(
        "export",
        help="bawa kasus ke lapangan: tulis paket BERKAS",
        add_help=False,
        formatter_class=_Formatter,
    )
    _localize(export)
    export.add_argument("case", metavar="KASUS", help="nomor kasus (mis. SJL-2026-0001)")
    export.add_argument("path", metavar="BERKAS", type=Path, help="paket yang ditulis (.ddlapangan)")
    export.add_argument("--laptop", default="Laptop 1", help="nama laptop tujuan (bawaan: Laptop 1)")
    back = field_sub.add_parser(
        "import",
        help="kembalikan dari lapangan: gabungkan paket BERKAS",
        add_help=False,
        formatter_class=_Formatter,
    )
    _localize(back)
    back.add_argument("path", metavar="BERKAS", type=Path)
    for p in (export, back):
        p.add_argument(
            "--sebagai",
            metavar="KETUA_TIM",
            required=True,
            help="akun Ketua Tim yang bertindak; kata sandinya ditanyakan, atau dari DINAS_DESK_PASSWORD",
        )


def _localize(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-h", "--help", action="help", help="tampilkan bantuan ini lalu keluar")
    parser._positionals.title = "argumen"
    parser._optionals.title = "opsi"


def _take_qt_platform(argv: list[str]) -> list[str]:
    """Qt's own `-platform NAME` (offscreen, windows, xcb ...) goes to Qt through QT_QPA_PLATFORM.

    Wine passes no QT_* variable to a Windows program, and a Windows shortcut cannot set one: the
    option is how the installed exe is started on another Qt platform (tests under Wine use it)."""
    rest: list[str] = []
    items = iter(argv)
    for item in items:
        if item == "-platform":
            os.environ["QT_QPA_PLATFORM"] = next(items, "")
        else:
            rest.append(item)
    return rest


_VALUED = frozenset({"--db", "--receipt-printer", "--receipt-columns", "--output", "--lapangan"})


def _field_package_argument(argv: list[str]) -> list[str]:
    """`dinas-desk BERKAS.ddlapangan`, as Windows starts the app on a double-clicked package
    ("%1"), is `dinas-desk --lapangan BERKAS.ddlapangan`. Only as the first argument that is
    neither an option nor an option's value: `field import BERKAS.ddlapangan` stays a command."""
    for index, item in enumerate(argv):
        if item.startswith("-") or (index and argv[index - 1] in _VALUED):
            continue
        if item.lower().endswith(".ddlapangan"):
            return [*argv[:index], f"--lapangan={item}", *argv[index + 1 :]]
        return argv  # a command (db, user, field ...) comes first
    return argv


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(
        _field_package_argument(_take_qt_platform(list(sys.argv[1:] if argv is None else argv)))
    )
    try:
        if args.command == "db":
            return _db_command(args)
        if args.command == "user":
            return _user_command(args)
        if args.command == "documents":
            return _documents_command(args)
        if args.command == "field":
            return _field_command(args)
        if args.self_test:  # --demo changes nothing: the throwaway database is always a demo office
            from desktop import selftest

            return selftest.run(
                selftest.SelfTestOptions(args.db, args.receipt_printer, args.output, args.receipt_columns)
            )
        if args.lapangan is not None:
            from desktop.app import run_field

            return run_field(args.lapangan)
        from desktop.app import run

        return run(args.db, demo=args.demo)
    except KeyboardInterrupt:
        return 130


def _open(args: argparse.Namespace, *, migrate: bool = True):
    from desktop.models.connection import DatabaseConfigError
    from desktop.services.bootstrap import open_database, resolve_url

    try:
        return open_database(resolve_url(args.db, demo=args.demo), migrate=migrate, seed=migrate)
    except DatabaseConfigError as exc:
        print(f"Galat: {exc}", file=sys.stderr)
        raise SystemExit(2) from exc


def _db_command(args: argparse.Namespace) -> int:
    from desktop.models import migrations

    if args.db_command == "secure":
        return _secure_command(args)
    if args.db_command == "upgrade":
        opened = _open(args)
        applied = ", ".join(str(v) for v in opened.migrated) or "tidak ada"
        print(f"Database {opened.location}: skema versi {opened.schema_version} (migrasi: {applied}).")
        return 0
    opened = _open(args, migrate=False)
    if args.db_command == "status":
        latest = migrations.LATEST_VERSION
        version = migrations.current_version()
        print(f"{opened.backend} {opened.location}: skema versi {version} (terbaru {latest}).")
        return 0
    if opened.backend != "sqlite":
        print(
            "Cadangan dan pemulihan server PostgreSQL dilakukan dengan pg_dump / pg_restore "
            "oleh pengelola server.",
            file=sys.stderr,
        )
        return 2
    if args.db_command == "backup":
        target = migrations.backup_sqlite(args.path.resolve())
        print(f"Cadangan disimpan: {target}")
        return 0
    try:
        migrations.restore_sqlite(args.path.resolve())
    except ValueError as exc:
        print(f"Galat: {exc}", file=sys.stderr)
        return 1
    print(f"Database dipulihkan dari {args.path}.")
    return 0


def _secure_command(args: argparse.Namespace) -> int:
    """`db secure`: every account its own PostgreSQL role; the gate password goes to workstations."""
    from desktop.models.pg_security import SecurityError
    from desktop.services import db_secure

    opened = _open(args)
    if opened.backend != "postgresql":
        print("Galat: peran per pengguna hanya untuk database PostgreSQL.", file=sys.stderr)
        return 2
    print("Kata sandi gerbang masuk (diisikan Administrator di pengaturan setiap komputer):")
    gate = _read_password(False)
    print(f"Kata sandi database akun {args.admin} (server hanya menyimpan sidiknya):")
    admin_password = _read_password(False)
    try:
        result = db_secure.secure_database(gate, {args.admin: admin_password})
    except SecurityError as exc:
        print(f"Galat: {exc}", file=sys.stderr)
        return 1
    print(f"Database diamankan. Peran diawali '{result.prefix}', gerbang masuk: {result.gate_role}.")
    if args.admin not in result.with_password:
        print(f"Peringatan: akun {args.admin} tidak ditemukan atau nonaktif.", file=sys.stderr)
    if result.without_password:
        print("Akun yang perlu diberi kata sandi baru di tab Admin: " + ", ".join(result.without_password))
    return 0


def _user_command(args: argparse.Namespace) -> int:
    from desktop.services.errors import DomainError
    from desktop.services.office.users import NewUser, add_user_by_command, list_users

    _open(args)
    if args.user_command == "list":
        for u in list_users():
            state = "" if u.is_active else " (nonaktif)"
            print(f"{u.username:20} {u.full_name:40} {','.join(u.roles)}{state}")
        return 0
    password = _read_password(args.password_stdin)
    roles = tuple(r.strip() for r in args.peran.split(",") if r.strip())
    approver_password = ""
    if args.sebagai:
        approver_password = os.environ.get("DINAS_DESK_ADMIN_PASSWORD") or getpass.getpass(
            f"Kata sandi {args.sebagai}: "
        )
    try:
        user = add_user_by_command(
            NewUser(args.username, args.nama, password, roles, args.nip, args.pangkat, args.jabatan),
            args.sebagai,
            approver_password,
        )
    except DomainError as exc:
        print(f"Galat: {exc.message}", file=sys.stderr)
        return 1
    print(f"Pengguna {user.username} dibuat dengan peran {', '.join(user.roles)}.")
    return 0


def _field_command(args: argparse.Namespace) -> int:
    """`field export KASUS BERKAS` and `field import BERKAS`, as the team leader."""
    from desktop.models import SopCase
    from desktop.services.errors import DomainError
    from desktop.services.field import export, merge
    from desktop.services.security.auth import login

    _open(args)
    password = os.environ.get("DINAS_DESK_PASSWORD") or getpass.getpass(f"Kata sandi {args.sebagai}: ")
    try:
        actor = login(args.sebagai, password)
        if args.field_command == "import":
            result = merge.bring_back(actor, args.path)
            print(
                f"Paket {result.laptop} digabungkan: {result.added} data baru, {result.updated} diubah, "
                f"{result.unchanged} sama, {result.conflicts} konflik baru, {result.audit_lines} baris audit."
            )
            if result.already_returned:
                print("Paket ini sudah pernah dikembalikan; tidak ada yang baru.")
            for line in result.served_elsewhere:
                print(f"Perhatian: {line}")
            if result.conflicts:
                print("Konflik menunggu keputusan Ketua Tim di tab Ketua Tim SIJARLA (Konflik lapangan).")
            return 0
        case = SopCase.get_or_none(SopCase.reference == args.case.strip().upper())
        if case is None:
            print(f"Galat: kasus {args.case} tidak ditemukan.", file=sys.stderr)
            return 1
        target = args.path.resolve()
        if target.exists():
            print(f"Galat: berkas {target} sudah ada.", file=sys.stderr)
            return 1
        passphrase = os.environ.get("DINAS_DESK_FIELD_PASSPHRASE") or _ask_passphrase()
        (taken,) = export.take_out(actor, case.id, [args.laptop], passphrase, target.parent)
        if taken.path != target:
            taken.path.rename(target)
        print(f"Paket {args.laptop} untuk {case.reference} ditulis: {target}")
        return 0
    except DomainError as exc:
        print(f"Galat: {exc.message}", file=sys.stderr)
        return 1


def _ask_passphrase() -> str:
    first = getpass.getpass("Kata sandi paket (dibutuhkan tim untuk membukanya di lapangan): ")
    if getpass.getpass("Ulangi kata sandi paket: ") != first:
        raise SystemExit("Galat: kata sandi paket tidak sama.")
    return first


def _read_password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\n")
    env = os.environ.get("DINAS_DESK_PASSWORD")
    if env:
        return env
    first = getpass.getpass("Kata sandi: ")
    if getpass.getpass("Ulangi kata sandi: ") != first:
        raise SystemExit("Galat: kata sandi tidak sama.")
    return first


def _documents_command(args: argparse.Namespace) -> int:
    """`documents sample FOLDER`: every letter as PDF, both receipt widths as .bin and .png."""
    from desktop.services.documents.issue import sample_documents
    from desktop.services.errors import DomainError

    if args.demo and not args.db:
        from desktop.services.workspace import open_fresh_demo

        try:
            open_fresh_demo()  # a brand-new demo office, like `dinas-desk --demo`
        except DomainError as exc:
            print(f"Galat: {exc.message}", file=sys.stderr)
            return 1
    else:
        _open(args)
    try:
        samples = sample_documents()
    except DomainError as exc:
        print(f"Galat: {exc.message}", file=sys.stderr)
        return 1
    folder = args.folder
    folder.mkdir(parents=True, exist_ok=True)
    for sample in samples:
        what = f"{sample.page_count} halaman" if sample.media == "pdf" else f"struk {sample.receipt_width} mm"
        for path in _write_sample(folder, sample):
            print(f"{path}  ({what})")
    print(f"{len(samples)} contoh dokumen ditulis ke {folder} (bertanda CONTOH, tidak masuk arsip).")
    return 0


def _write_sample(folder: Path, sample) -> list[Path]:
    """Write one sample: a PDF, or a receipt's ESC/POS bytes with a PNG picture of it."""
    if sample.media == "pdf":
        path = folder / f"{sample.name}.pdf"
        path.write_bytes(sample.data)
        return [path]
    from desktop.printing.receipt_preview import preview_png

    raw, picture = folder / f"{sample.name}.bin", folder / f"{sample.name}.png"
    raw.write_bytes(sample.data)
    picture.write_bytes(preview_png(sample.data, sample.receipt_width))
    return [raw, picture]


if __name__ == "__main__":
    raise SystemExit(main())
