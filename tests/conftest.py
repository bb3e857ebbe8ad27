"""Shared fixtures: an isolated profile, a throwaway PostgreSQL and a fresh database per test.

Every database test that takes `database` (or `backend_url`) runs twice, once on SQLite
and once on PostgreSQL. PostgreSQL is never skipped: when it cannot be started the tests
fail with the reason, locally and in CI alike.
"""

from __future__ import annotations

import atexit
import glob
import os
import pwd
import re
import secrets
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import keyring
import keyring.backend
import keyring.errors
import pytest

# --- Environment, set before anything imports Qt or reads the user's profile ------------

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# argon2 at its cheapest profile: the suite creates hundreds of accounts (see services/auth.py).
os.environ.setdefault("DINAS_DESK_FAST_HASH", "1")

_SESSION_DIR = Path(tempfile.mkdtemp(prefix="dinas-desk-tests-"))
atexit.register(shutil.rmtree, _SESSION_DIR, ignore_errors=True)

os.environ["DINAS_DESK_DATA_DIR"] = str(_SESSION_DIR / "data")
os.environ.pop("DINAS_DESK_DB_URL", None)  # a developer's own database must never leak in
# The app in a subprocess finds no password store (a failing one), never the developer's real one.
os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
# QSettings and platformdirs on Linux follow the XDG folders: keep them out of ~/.config.
for _name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME"):
    os.environ[_name] = str(_SESSION_DIR / _name.lower())
    Path(os.environ[_name]).mkdir(parents=True, exist_ok=True)

# The Windows runner (.github/workflows/windows.yml) has no PostgreSQL server to start: sqlite only there.
BACKENDS = os.environ.get("DINAS_DESK_TEST_BACKENDS", "sqlite,postgresql").split(",")


@pytest.fixture(autouse=True)
def _own_data_folder(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Each test its own data folder: window state, backups and settings never leak between tests."""
    folder = tmp_path_factory.mktemp("data")
    monkeypatch.setenv("DINAS_DESK_DATA_DIR", str(folder))
    return folder


class MemoryKeyring(keyring.backend.KeyringBackend):
    """The operating system's password store, in memory: tests never touch a developer's real one."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.passwords: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.passwords.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.passwords[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.passwords.pop((service, username), None) is None:
            raise keyring.errors.PasswordDeleteError(username)


@pytest.fixture(autouse=True)
def password_store() -> Iterator[MemoryKeyring]:
    """A fresh, empty password store for each test."""
    previous = keyring.get_keyring()
    store = MemoryKeyring()
    keyring.set_keyring(store)
    yield store
    keyring.set_keyring(previous)


# --- PostgreSQL --------------------------------------------------------------------------


class PostgresUnavailable(Exception):
    """The throwaway PostgreSQL server could not be started; the message says why."""


@dataclass(frozen=True)
class PgServer:
    host: str
    port: int
    superuser: str
    password: str
    bindir: Path
    datadir: Path

    def url(self, dbname: str) -> str:
        return (
            f"postgresql://{self.superuser}:{quote(self.password, safe='')}@{self.host}:{self.port}/{dbname}"
        )

    def connect(self, dbname: str = "postgres"):
        import psycopg2

        con = psycopg2.connect(
            host=self.host,
            port=self.port,
            user=self.superuser,
            password=self.password,
            dbname=dbname,
            connect_timeout=10,
        )
        con.autocommit = True
        return con

    def create_database(self, name: str, template: str = "template0") -> None:
        _check_identifier(name)
        _check_identifier(template)
        con = self.connect()
        try:
            with con.cursor() as cur:
                cur.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}" ENCODING \'UTF8\'')
        finally:
            con.close()

    def drop_database(self, name: str) -> None:
        _check_identifier(name)
        con = self.connect()
        try:
            with con.cursor() as cur:
                cur.execute(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    "WHERE datname = %s AND pid <> pg_backend_pid()",
                    (name,),
                )
                cur.execute(f'DROP DATABASE IF EXISTS "{name}"')
        finally:
            con.close()


def _check_identifier(name: str) -> None:
    if not re.fullmatch(r"[a-z_][a-z0-9_]{0,62}", name):
        raise ValueError(f"unsafe database name: {name!r}")


def _version_key(path: str) -> tuple[int, ...]:
    version = Path(path).parent.parent.name  # /usr/lib/postgresql/<version>/bin/initdb
    return tuple(int(p) for p in re.findall(r"\d+", version)) or (0,)


def find_pg_bindir() -> Path:
    """The folder with initdb and pg_ctl: the highest Debian version, else pg_config, else PATH."""
    override = os.environ.get("DINAS_DESK_PG_BINDIR")
    if override:
        return Path(override)
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=_version_key)
    if candidates:
        return Path(candidates[-1]).parent
    pg_config = shutil.which("pg_config")
    if pg_config:
        out = subprocess.run([pg_config, "--bindir"], capture_output=True, text=True, check=False)
        bindir = Path(out.stdout.strip())
        if out.returncode == 0 and (bindir / "initdb").exists():
            return bindir
    initdb = shutil.which("initdb")
    if initdb:
        return Path(initdb).parent
    raise PostgresUnavailable(
        "PostgreSQL server binaries (initdb, pg_ctl) not found in /usr/lib/postgresql/*/bin, "
        "pg_config --bindir or PATH. Install them: apt-get install postgresql (./dev test does)."
    )


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class _Runner:
    """Runs the server tools as `postgres` when we are root (PostgreSQL refuses root)."""

    def __init__(self, base: Path):
        self.base = base
        self.as_root = os.geteuid() == 0
        if self.as_root:
            try:
                entry = pwd.getpwnam("postgres")
            except KeyError as exc:
                raise PostgresUnavailable(
                    "running as root but there is no 'postgres' user to run the server as; "
                    "apt-get install postgresql creates it"
                ) from exc
            self.uid, self.gid = entry.pw_uid, entry.pw_gid

    def give_away(self) -> None:
        """Hand the whole temp tree to the server's user."""
        if not self.as_root:
            return
        for root, dirs, files in os.walk(self.base):
            os.chown(root, self.uid, self.gid)
            for name in dirs + files:
                os.chown(os.path.join(root, name), self.uid, self.gid)

    def run(self, argv: list[str], timeout: float = 120) -> subprocess.CompletedProcess:
        if self.as_root:
            argv = ["runuser", "-u", "postgres", "--", *argv]
        env = dict(os.environ, LC_ALL="C", LANG="C")
        # cwd inside the temp tree: the postgres user may not be able to enter ours.
        return subprocess.run(
            argv, cwd=self.base, env=env, capture_output=True, text=True, timeout=timeout, check=False
        )


def _tail(path: Path, lines: int = 30) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no log)"


def _start_postgres(base: Path) -> tuple[PgServer, _Runner]:
    bindir = find_pg_bindir()
    runner = _Runner(base)
    datadir, sockdir = base / "data", base / "sock"
    sockdir.mkdir()
    password = secrets.token_hex(16)
    pwfile = base / "pwfile"
    pwfile.write_text(password + "\n")
    os.chmod(base, 0o700)
    runner.give_away()

    init = runner.run(
        [
            str(bindir / "initdb"),
            "-D",
            str(datadir),
            "-U",
            "postgres",
            "-A",
            "scram-sha-256",
            f"--pwfile={pwfile}",
            "--encoding=UTF8",
            "--locale=C",
            "--no-sync",
        ]
    )
    if init.returncode != 0:
        raise PostgresUnavailable(f"initdb failed ({init.returncode}):\n{init.stdout}\n{init.stderr}")

    logfile = base / "server.log"
    last_error = ""
    for _attempt in range(3):  # another process may grab the free port between probe and bind
        port = free_port()
        options = (
            f"-p {port} -k {sockdir} -c listen_addresses=127.0.0.1 "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        )
        start = runner.run(
            [
                str(bindir / "pg_ctl"),
                "-D",
                str(datadir),
                "-l",
                str(logfile),
                "-w",
                "-t",
                "60",
                "-o",
                options,
                "start",
            ]
        )
        if start.returncode == 0:
            server = PgServer("127.0.0.1", port, "postgres", password, bindir, datadir)
            return server, runner
        last_error = (
            f"pg_ctl start failed ({start.returncode}):\n{start.stdout}\n{start.stderr}\n{_tail(logfile)}"
        )
    raise PostgresUnavailable(last_error)


def _stop_postgres(runner: _Runner, server: PgServer) -> None:
    runner.run(
        [str(server.bindir / "pg_ctl"), "-D", str(server.datadir), "-m", "fast", "-w", "stop"], timeout=60
    )


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    """A private PostgreSQL cluster on 127.0.0.1 and a free port, removed at session end."""
    # DINAS_DESK_PG_TMPDIR=/dev/shm makes CREATE DATABASE ~5x faster where tmpfs is large
    # enough (Docker's default /dev/shm of 64 MB is not).
    parent = os.environ.get("DINAS_DESK_PG_TMPDIR", "/tmp")
    base = Path(tempfile.mkdtemp(prefix="dinas-desk-pg-", dir=parent))
    server: PgServer | None = None
    runner: _Runner | None = None
    try:
        try:
            server, runner = _start_postgres(base)
            con = server.connect()  # prove it answers with the password before any test runs
            con.close()
        except Exception as exc:  # every cause becomes a failure, never a skip
            ci = " (CI)" if os.environ.get("CI") else ""
            pytest.fail(f"PostgreSQL could not be started{ci}: {exc}", pytrace=False)
        yield server
    finally:
        if server is not None and runner is not None:
            _stop_postgres(runner, server)
        shutil.rmtree(base, ignore_errors=True)


# --- One fresh database per test, on each backend -----------------------------------------


@pytest.fixture(params=BACKENDS, ids=BACKENDS)
def backend_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """The URL of a new database: a SQLite file, or a new database on pg_server.

    Empty for tests that ask for backend_url alone; for tests that ask for `database` it
    is a copy of a template migrated once per session (a fresh migration per test costs
    more than the test), and tests of the migrations themselves start from empty.
    """
    migrated = "database" in request.fixturenames
    if request.param == "sqlite":
        path = tmp_path / "test.sqlite3"
        if migrated:
            shutil.copyfile(_sqlite_template(), path)
        yield f"sqlite:///{path}"
        return
    server: PgServer = request.getfixturevalue("pg_server")
    name = f"dinas_test_{uuid.uuid4().hex[:16]}"
    server.create_database(name, _pg_template(server) if migrated else "template0")
    try:
        yield server.url(name)
    finally:
        server.drop_database(name)


_TEMPLATES: dict[str, str] = {}


def _migrate(url: str) -> None:
    from desktop.models import connection, migrations

    connection.initialize(url)
    try:
        migrations.upgrade()
    finally:
        connection.close()


def _sqlite_template() -> str:
    if "sqlite" not in _TEMPLATES:
        path = _SESSION_DIR / "template.sqlite3"
        _migrate(f"sqlite:///{path}")  # closing the last connection checkpoints the WAL
        _TEMPLATES["sqlite"] = str(path)
    return _TEMPLATES["sqlite"]


def _pg_template(server: PgServer) -> str:
    if "postgresql" not in _TEMPLATES:
        server.create_database("dinas_template")
        _migrate(server.url("dinas_template"))
        _TEMPLATES["postgresql"] = "dinas_template"
    return _TEMPLATES["postgresql"]


@pytest.fixture
def database(backend_url: str) -> Iterator[str]:
    """The global peewee proxy pointed at a fresh database, migrated to the latest schema."""
    from desktop.models import connection, migrations

    connection.initialize(backend_url)
    try:
        migrations.upgrade()  # a no-op on the migrated template; proves it is current
        yield backend_url
    finally:
        connection.close()


@pytest.fixture
def backend(backend_url: str) -> str:
    """The backend name, "sqlite" or "postgresql", for assertions that differ by backend."""
    return backend_url.split(":", 1)[0]


# --- A skipped PostgreSQL test is a failure (project rule) ---------------------------------


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    outcome = yield
    report = outcome.get_result()
    callspec = getattr(item, "callspec", None)
    if (
        report.skipped
        and not hasattr(report, "wasxfail")
        and callspec is not None
        and callspec.params.get("backend_url") == "postgresql"
    ):
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
        report.outcome = "failed"
        report.longrepr = f"PostgreSQL test was skipped, which counts as a failure: {reason}"
