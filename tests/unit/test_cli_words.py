"""The command line answers bad arguments in Indonesian: usage, the error and the help text."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from desktop import cli
from tests.words import word_problems

# What the user types stays as it is: option names and the subcommands (db upgrade, user add ...).
_TYPED = re.compile(
    r"-{1,2}[\w-]+|\bpg_dump\b|\bpg_restore\b|\b(?:db|user|documents|upgrade|status|backup|restore|secure|add|list|sample)\b"
    r"|\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b"  # environment variables and metavars (NAMA_PENGGUNA)
)


def shown_problems(text: str) -> list[str]:
    return word_problems(_TYPED.sub(" ", text))


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (["--bogus"], "argumen tidak dikenal: --bogus"),
        (["db"], "argumen berikut wajib diisi: AKSI"),
        (["db", "frob"], "pilihan 'frob' tidak dikenal"),
        (["user", "add"], "argumen berikut wajib diisi: NAMA_PENGGUNA, --nama, --peran"),
        (["--receipt-columns", "x"], "nilai 'x' tidak sah: harus bilangan bulat"),
        (["--db"], "argumen --db: perlu satu nilai"),
        (["documents", "sample"], "wajib diisi: FOLDER"),
    ],
)
def test_a_bad_command_line_is_refused_in_indonesian(capsys, argv, said):
    with pytest.raises(SystemExit) as exit_:
        cli.main(argv)
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("Pemakaian: dinas-desk")
    assert ": kesalahan: " in err and said in err
    assert shown_problems(err) == []


@pytest.mark.parametrize("argv", [["--help"], ["db", "--help"], ["user", "add", "--help"]])
def test_the_help_is_indonesian(capsys, argv):
    with pytest.raises(SystemExit) as exit_:
        cli.main(argv)
    assert exit_.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("Pemakaian: ") and "opsi:" in out
    assert "tampilkan bantuan ini lalu keluar" in out
    assert shown_problems(out) == []


def test_every_message_the_command_line_prints_is_indonesian():
    tree = ast.parse(Path(cli.__file__).read_text(encoding="utf-8"))
    texts = [
        "".join(p.value for p in ast.walk(call) if isinstance(p, ast.Constant) and isinstance(p.value, str))
        for call in ast.walk(tree)
        if isinstance(call, ast.Call) and getattr(call.func, "id", "") == "print"
    ]
    helps = [
        k.value.value
        for k in ast.walk(tree)
        if isinstance(k, ast.keyword)
        and k.arg in ("help", "description")
        and isinstance(k.value, ast.Constant)
    ]
    assert len(texts) > 15 and len(helps) > 20
    assert {text: shown_problems(text) for text in texts + helps if shown_problems(text)} == {}


def test_the_check_sees_argparse_english():
    assert shown_problems("dinas-desk: error: the following arguments are required: AKSI")
