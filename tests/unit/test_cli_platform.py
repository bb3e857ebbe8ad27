"""Qt's `-platform NAME` option on the command line (how the installed exe is started under Wine)."""

from __future__ import annotations

import os

from desktop import cli


def test_platform_option_goes_to_qt_and_not_to_argparse(monkeypatch):
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)

    rest = cli._take_qt_platform(["--self-test", "-platform", "windows", "--demo"])

    assert rest == ["--self-test", "--demo"]
    assert os.environ["QT_QPA_PLATFORM"] == "windows"


def test_arguments_without_the_option_are_left_as_they_are(monkeypatch):
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")

    assert cli._take_qt_platform(["db", "upgrade"]) == ["db", "upgrade"]
    assert os.environ["QT_QPA_PLATFORM"] == "offscreen"
