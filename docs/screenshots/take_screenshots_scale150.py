"""Render the main tabs at 150% scaling (QT_SCALE_FACTOR=1.5), as on a 1920x1200 office laptop set
to 150% in Windows, to look for clipped text and cut-off buttons.

    .venv/bin/python docs/screenshots/take_screenshots_scale150.py

Runs the other take_screenshots*.py scripts under Xvfb (a 1920x1200 screen) with QT_SCALE_FACTOR=1.5
into a temporary folder and keeps the main tabs in scale150/ next to this script (or in the folder
given as the first argument). The windows keep their 1280x800 logical size: the PNGs are 1920x1200.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
SCRIPTS = (
    "take_screenshots.py",
    "take_screenshots_desk.py",
    "take_screenshots_team.py",
    "take_screenshots_innovation_admin.py",
)
KEPT = (
    "front-desk.png",
    "kabid.png",
    "kepala-dinas.png",
    "tim-pelayanan.png",
    "rekap.png",
    "kabid-pemanfaatan.png",
    "pejabat-struktural.png",
    "pelaksana-teknis.png",
    "admin-users.png",
)


def main(out_dir: Path) -> int:
    env = dict(os.environ, QT_SCALE_FACTOR="1.5", QT_QPA_PLATFORM="xcb")
    with tempfile.TemporaryDirectory(prefix="dinas-desk-scale150-") as shots:
        for script in SCRIPTS:
            command = [sys.executable, str(HERE / script), shots]
            subprocess.run(["xvfb-run", "-a", "-s", "-screen 0 1920x1200x24", *command], env=env, check=True)
        out_dir.mkdir(parents=True, exist_ok=True)
        for name in KEPT:
            shutil.copyfile(Path(shots) / name, out_dir / name)
            print(out_dir / name)
    return 0


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "scale150"
    raise SystemExit(main(target))
