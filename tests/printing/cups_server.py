"""A private CUPS server for print tests: cupsd on 127.0.0.1 and a free port, with a CUPS-PDF queue.

    server = start_cups(base_folder)          # cupsd -f -c cupsd.conf -s cups-files.conf
    server.add_pdf_queue("OfficePDF")         # lpadmin ... -v cups-pdf:/ -P CUPS-PDF_opt.ppd
    job = server.print_file(path, "OfficePDF", title="surat-tugas-123")
    pdf = server.wait_for_output(job)         # the PDF cups-pdf wrote ($HOME/PDF/...)
    server.stop()

Qt (and lp, lpstat) reach this server with CUPS_SERVER=127.0.0.1:<port> in the environment;
QPrinterInfo.availablePrinters() then lists OfficePDF. Needs root (cups-pdf's backend is
mode 0700, so CUPS runs it as root) and Debian's cups, cups-client, printer-driver-cups-pdf.
"""

from __future__ import annotations

import os
import pwd
import re
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

CUPSD = "/usr/sbin/cupsd"
PPD_CANDIDATES = ("/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd", "/usr/share/cups/model/CUPS-PDF_opt.ppd")
CUPS_PDF_CONF = Path("/etc/cups/cups-pdf.conf")


class CupsUnavailable(Exception):
    """CUPS cannot run here; the message says what is missing."""


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def check_cups() -> str:
    """The CUPS-PDF PPD path, or CupsUnavailable naming what is missing."""
    if os.geteuid() != 0:
        raise CupsUnavailable("cupsd with the cups-pdf backend needs root")
    for tool in (CUPSD, "lpadmin", "lp", "lpstat"):
        if not shutil.which(tool):
            raise CupsUnavailable(f"{tool} not found (apt-get install cups cups-client)")
    if not Path("/usr/lib/cups/backend/cups-pdf").exists():
        raise CupsUnavailable("cups-pdf backend not found (apt-get install printer-driver-cups-pdf)")
    ppd = next((p for p in PPD_CANDIDATES if Path(p).exists()), None)
    if ppd is None:
        raise CupsUnavailable("CUPS-PDF_opt.ppd not found (printer-driver-cups-pdf)")
    return ppd


def cups_pdf_output_dir() -> Path:
    """Where cups-pdf writes the current user's jobs (its 'Out' setting, ${HOME}/PDF by default)."""
    setting = "${HOME}/PDF"
    if CUPS_PDF_CONF.exists():
        for line in CUPS_PDF_CONF.read_text(errors="replace").splitlines():
            if line.strip().startswith("Out "):
                setting = line.split(None, 1)[1].strip()
    user = pwd.getpwuid(os.geteuid())
    return Path(setting.replace("${HOME}", user.pw_dir).replace("${USER}", user.pw_name))


@dataclass
class CupsServer:
    base: Path
    port: int
    process: subprocess.Popen
    ppd: str

    @property
    def address(self) -> str:
        return f"127.0.0.1:{self.port}"

    def env(self) -> dict[str, str]:
        """The environment that points lp, lpstat and Qt's print dialog at this server."""
        return {**os.environ, "CUPS_SERVER": self.address}

    def run(self, *argv: str) -> str:
        out = subprocess.run(argv, env=self.env(), capture_output=True, text=True, timeout=60, check=False)
        if out.returncode != 0:
            raise AssertionError(f"{' '.join(argv)} failed: {out.stderr}\n{self.log_tail()}")
        return out.stdout

    def add_pdf_queue(self, name: str = "OfficePDF") -> None:
        self.run("lpadmin", "-p", name, "-E", "-v", "cups-pdf:/", "-P", self.ppd)

    def print_file(self, path: Path, queue: str, title: str, *options: str) -> int:
        """Submit a file with `lp`; returns the job number."""
        argv = ["lp", "-d", queue, "-t", title]
        for option in options:
            argv += ["-o", option]
        out = self.run(*argv, str(path))
        match = re.search(rf"{re.escape(queue)}-(\d+)", out)
        if not match:
            raise AssertionError(f"lp gave no job id: {out}")
        return int(match.group(1))

    def wait_for_output(self, job: int, timeout: float = 60) -> Path:
        """The PDF cups-pdf wrote for a job, once the job is done."""
        folder = cups_pdf_output_dir()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = sorted(folder.glob(f"*job_{job}.pdf")) if folder.is_dir() else []
            done = f"-{job} " in self.run("lpstat", "-W", "completed", "-o")
            if found and done:
                return found[-1]
            time.sleep(0.2)
        raise AssertionError(f"job {job} produced no PDF in {folder}\n{self.log_tail()}")

    def log_tail(self, lines: int = 30) -> str:
        text = ""
        for name in ("cupsd.out", "error_log"):
            log = self.base / "log" / name
            if log.exists():
                text += "\n".join(log.read_text(errors="replace").splitlines()[-lines:]) + "\n"
        return text or "(no log)"

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)


def start_cups(base: Path) -> CupsServer:
    """Start a private cupsd in `base` (its own config, spool, logs) on a free port; wait until it answers."""
    ppd = check_cups()
    base.mkdir(parents=True, exist_ok=True)
    os.chmod(base, 0o755)  # filters run as 'lp' and must reach the spool below
    for sub in ("etc", "spool", "spool/tmp", "cache", "state", "log"):
        (base / sub).mkdir(exist_ok=True)
    port = _free_port()
    (base / "etc" / "cups-files.conf").write_text(_cups_files_conf(base))
    (base / "etc" / "cupsd.conf").write_text(_cupsd_conf(base, port))
    with open(base / "log" / "cupsd.out", "wb") as console:
        process = subprocess.Popen(
            [
                CUPSD,
                "-f",
                "-c",
                str(base / "etc" / "cupsd.conf"),
                "-s",
                str(base / "etc" / "cups-files.conf"),
            ],
            stdout=console,
            stderr=subprocess.STDOUT,
        )
    server = CupsServer(base, port, process, ppd)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise CupsUnavailable(f"cupsd exited with {process.returncode}:\n{server.log_tail()}")
        probe = subprocess.run(
            ["lpstat", "-r"], env=server.env(), capture_output=True, text=True, check=False
        )
        if "is running" in probe.stdout and "not" not in probe.stdout:
            return server
        time.sleep(0.1)
    server.stop()
    raise CupsUnavailable(f"cupsd did not answer on {server.address}:\n{server.log_tail()}")


def _cups_files_conf(base: Path) -> str:
    return "\n".join(
        [
            f"ServerRoot {base}/etc",
            f"RequestRoot {base}/spool",
            f"CacheDir {base}/cache",
            f"StateDir {base}/state",
            f"TempDir {base}/spool/tmp",
            "DataDir /usr/share/cups",
            "ServerBin /usr/lib/cups",
            "DocumentRoot /usr/share/cups/doc-root",
            f"AccessLog {base}/log/access_log",
            f"ErrorLog {base}/log/error_log",
            f"PageLog {base}/log/page_log",
            "User lp",
            "Group lp",
            "SystemGroup root lpadmin",
            "FileDevice No",
            "",
        ]
    )


def _cupsd_conf(base: Path, port: int) -> str:
    return f"""LogLevel info
Listen 127.0.0.1:{port}
Listen {base}/cups.sock
WebInterface No
Browsing No
DefaultAuthType None
<Location />
  Order allow,deny
  Allow all
</Location>
<Policy default>
  <Limit All>
    Order deny,allow
  </Limit>
</Policy>
"""


def pdf_queue_fixture(prefix: str):
    """A module-scoped pytest fixture body: a private cupsd with an OfficePDF queue, stopped afterwards.

    Where CUPS cannot run, CI fails (a skipped print test would hide it) and a developer's
    machine skips.
    """
    import pytest

    base = Path(tempfile.mkdtemp(prefix=prefix))
    try:
        server = start_cups(base)
    except CupsUnavailable as exc:
        shutil.rmtree(base, ignore_errors=True)
        if os.environ.get("CI"):
            pytest.fail(f"CI must be able to run a private CUPS: {exc}")
        pytest.skip(f"no private CUPS here: {exc}")
    try:
        server.add_pdf_queue("OfficePDF")
        yield server
    finally:
        server.stop()
        shutil.rmtree(base, ignore_errors=True)
