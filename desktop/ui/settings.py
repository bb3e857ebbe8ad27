"""Per-user window state in QSettings; an INI file in the data folder when one is forced (tests)."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

from desktop import config


def ui_settings() -> QSettings:
    """The registry on a workstation; `<data dir>/dinas-desk.ini` when DINAS_DESK_DATA_DIR is set."""
    return config.qsettings()


def _key(username: str, name: str) -> str:
    return f"users/{username}/main_window/{name}"


def load_window_state(username: str) -> tuple[QByteArray | None, QByteArray | None]:
    """The saved geometry and state of the main window for `username`, or None when never saved."""
    s = ui_settings()
    geometry, state = s.value(_key(username, "geometry")), s.value(_key(username, "state"))
    return (
        geometry if isinstance(geometry, QByteArray) else None,
        state if isinstance(state, QByteArray) else None,
    )


def save_window_state(username: str, geometry: QByteArray, state: QByteArray) -> None:
    s = ui_settings()
    s.setValue(_key(username, "geometry"), geometry)
    s.setValue(_key(username, "state"), state)
    s.sync()
