"""The desks on the most common office screen: a maximised window on a 1366x768 laptop (1366x705).

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python docs/screenshots/take_screenshots_1366.py

Writes front-desk-1366.png (a letter half typed, then refused with every wrong field marked),
kabid-1366.png (a case open beside its disposition), kepala-dinas-1366.png (a Surat Tugas beside
its preview) and tim-1366.png (the team's cases above the records grid of a case in service) next
to this script, or into the folder given as the first argument. tests/ui/test_layout.py checks the
same screens (and 1920x1080 at 150%) for squeezed fields; these pictures are for looking at them.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
WIDTH, HEIGHT = 1366, 705


def main(out_dir: Path) -> int:
    os.environ["DINAS_DESK_DATA_DIR"] = tempfile.mkdtemp(prefix="dinas-desk-screens-")
    sys.path.insert(0, str(HERE))
    import take_screenshots_desk as desk
    import take_screenshots_team as team

    from desktop.app import create_application
    from desktop.services import workspace
    from desktop.ui.common.unsaved import DiscardQuestion

    DiscardQuestion.ask = classmethod(lambda cls, parent, items: True)  # windows close with typed forms
    desk.WIDTH, desk.HEIGHT = team.WIDTH, team.HEIGHT = WIDTH, HEIGHT
    app = create_application()
    workspace.open_fresh_demo()
    out_dir.mkdir(parents=True, exist_ok=True)
    _front_desk(app, desk, out_dir / "front-desk-1366.png")
    desk._kabid(app, out_dir / "kabid-1366.png")
    desk._kepala_dinas(app, out_dir / "kepala-dinas-1366.png")
    _team(team.Shots(app, out_dir), "tim-1366.png")
    return 0


def _front_desk(app, desk, path: Path) -> None:
    """A clerk who typed the number and ticked KTP-el with no count, then pressed Ctrl+Enter."""
    window = desk._window(app, "meja")
    tab = window.tab_for("pengadministrasi_umum")
    desk._wait(app, lambda: tab.loads_finished > 0 and bool(tab.form.category_boxes))
    form = tab.form
    form.letter_number_edit.setText("140/112/WN-KB/XI/2026")
    form.nagari_combo.setEditText("sulit air")
    form.nagari_combo.settle()
    form.set_category("ktp_rekam", 0)
    form.set_category("kia", 12)
    tab.submit()
    desk._wait(app, lambda: not tab.saving)
    desk._save(app, window, path)


def _team(shots, name: str) -> None:
    window, tab = shots.window("ketua1", "ketua_tim_sijarla")
    steps = {e.step: e.ref_id for e in tab.entries()}
    tab.select_case(steps["pelayanan"])
    grid = tab.workspace.grid
    shots.wait(lambda: not grid.model.is_loading())
    form = grid.form
    form.nik_edit.setText("1302104507510002")
    form.name_edit.setText("Siti Rahmah")
    form.nik_edit.setFocus()
    tab.body_scroll.verticalScrollBar().setValue(0)  # the team's cases, five rows, at the top
    shots.save(window, name)
    window.close()


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE
    raise SystemExit(main(target))
