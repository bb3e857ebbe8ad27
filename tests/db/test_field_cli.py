"""`dinas-desk field export` and `field import`: the same two steps from the command line."""

from __future__ import annotations

import pytest

from desktop import cli
from desktop.models import FieldPackage, ServiceRecord, SopCase, connection
from desktop.services.demo.accounts import DEMO_PASSWORD
from desktop.services.field import mode
from desktop.services.security.auth import login
from desktop.services.sijarla import service_records

from .field_case import PASSPHRASE, case_in_service, nik, record

pytestmark = pytest.mark.usefixtures("database")


def test_export_then_import_from_the_command_line(database, tmp_path, monkeypatch, capsys):
    case_id = case_in_service()
    reference = SopCase.get_by_id(case_id).reference
    connection.close()
    monkeypatch.setenv("DINAS_DESK_PASSWORD", DEMO_PASSWORD)
    monkeypatch.setenv("DINAS_DESK_FIELD_PASSPHRASE", PASSPHRASE)
    target = tmp_path / "kasus.ddlapangan"
    args = ["--db", database, "field", "export", reference.lower(), str(target), "--laptop", "Laptop A"]
    assert cli.main([*args, "--sebagai", "ketua1"]) == 0
    assert "ditulis" in capsys.readouterr().out and target.is_file()
    assert cli.main([*args, "--sebagai", "ketua1"]) == 1  # never over an existing package
    assert "sudah ada" in capsys.readouterr().err
    connection.close()

    mode.open_package(target, PASSPHRASE)
    member = login("anggota1", DEMO_PASSWORD)
    for i in range(3):
        service_records.add_record(member, case_id, record(nik(i), f"Warga CLI {i}"))
    mode.close()

    back = ["--db", database, "field", "import", str(target), "--sebagai"]
    assert cli.main([*back, "anggota1"]) == 1  # the team leader's step
    assert "ketua tim" in capsys.readouterr().err.lower()
    assert cli.main([*back, "ketua1"]) == 0
    assert "3 data baru" in capsys.readouterr().out
    assert cli.main([*back, "ketua1"]) == 0
    assert "0 data baru" in capsys.readouterr().out
    connection.initialize(database)
    assert ServiceRecord.select().where(ServiceRecord.full_name.startswith("Warga CLI")).count() == 3
    assert FieldPackage.get().status == "dikembalikan"
