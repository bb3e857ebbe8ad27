"""A writer for the crash test: it works through the SIJARLA services until it is killed.

    python tests/db/crash_writer.py <sqlite path> [--setup]

With --setup it opens (creates, migrates, seeds) the database, adds the demo office's
people and exits. Without it, it opens the database through the app's own start-up
(bootstrap.open_database), prints "ready", and loops: register a letter, write and sign
the disposition, issue the Surat Tugas, tick the preparation, add service records, each
through the services, each use case one transaction. test_crash_sqlite.py kills it with
SIGKILL at a random moment and then checks that the file holds only whole use cases.
"""

from __future__ import annotations

import datetime as dt
import os
import sys

os.environ.setdefault("DINAS_DESK_FAST_HASH", "1")

from desktop.models import PreparationCheck, SopCase, Team, User, db  # noqa: E402
from desktop.models.connection import sqlite_url  # noqa: E402
from desktop.services import bootstrap
from desktop.services.demo.office import DEMO_PASSWORD, create_office, create_people  # noqa: E402
from desktop.services.security.auth import session_for  # noqa: E402
from desktop.services.sijarla import service_records
from desktop.services.sijarla import steps as sijarla  # noqa: E402

NIKS = ("1302034507510002", "1302031203800011", "1302035507900002")


def session(username: str):
    return session_for(User.get(User.username == username))


def serve_one_request(n: int, people: dict, team_id: int, nagari_id: int) -> None:
    """One SIJARLA request from the letter to three citizens served."""
    today = dt.date.today()
    receipt = sijarla.register_letter(
        people["meja"],
        sijarla.LetterDraft(
            letter_number=f"140/{n}/WN/{today.year}",
            letter_date=today,
            sender="Wali Nagari",
            nagari_id=nagari_id,
            subject=f"Permohonan pelayanan jemput bola ke-{n}",
            requested={"ktp_rekam": 10, "kia": 5},
            scan=sijarla.ScanFile("permohonan.pdf", b"%PDF-1.4\n% scan\n" * 64, "application/pdf"),
        ),
    )
    case_id = receipt.case_id
    draft = sijarla.DispositionDraft(f"Laksanakan permohonan ke-{n}.", team_id, today + dt.timedelta(days=3))
    disposition_id = sijarla.save_disposition(people["kabid"], case_id, draft)
    sijarla.sign_disposition(people["kabid"], disposition_id, DEMO_PASSWORD, 1)
    members = (people["ketua1"].user_id, people["anggota1"].user_id)
    sijarla.issue_assignment(
        people["kadis"],
        case_id,
        sijarla.AssignmentDraft(members, "Nagari", today, today),
        DEMO_PASSWORD,
        SopCase.get_by_id(case_id).version,
    )
    for row in PreparationCheck.select().where(PreparationCheck.case == case_id):
        sijarla.check_preparation(people["anggota1"], case_id, row.item, True, "siap", row.version)
    sijarla.finish_preparation(people["ketua1"], case_id, SopCase.get_by_id(case_id).version)
    for nik in NIKS:
        service_records.add_record(
            people["anggota1"],
            case_id,
            service_records.RecordDraft(
                nik=nik,
                full_name=f"Warga {nik[-4:]}",
                nagari_id=nagari_id,
                category="ktp_rekam",
                target_group="lansia",
                outcome="selesai",
                served_on=today,
                address="Jorong Koto",
            ),
        )


def main(argv: list[str]) -> int:
    path = argv[1]
    bootstrap.open_database(sqlite_url(path))
    if "--setup" in argv[2:]:
        with db.atomic():
            create_office()
            create_people()
        db.close()
        return 0
    people = {name: session(name) for name in ("meja", "kabid", "kadis", "ketua1", "anggota1")}
    team_id = Team.get(Team.name == "Tim SIJARLA I").id
    from desktop.models import Nagari

    nagari_id = Nagari.select().where(Nagari.name == "Koto Baru").order_by(Nagari.code).first().id
    print("ready", flush=True)
    n = 0
    while True:
        n += 1
        serve_one_request(n, people, team_id, nagari_id)
        print(f"done {n}", flush=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
