"""A SIJARLA case at its service step, as the office has it when the team takes it out."""

from __future__ import annotations

import datetime as dt

from desktop.models import PreparationCheck, SopCase
from desktop.services.sijarla import service_records
from desktop.services.sijarla import steps as sijarla

from .factories import PASSWORD, letter_draft, make_office, nagari, session, team

PASSPHRASE = "kopi pagi di koto baru 7"


def record(nik: str, name: str, category: str = "ktp_rekam", outcome: str = "selesai", **kw):
    return service_records.RecordDraft(
        nik=nik,
        full_name=name,
        nagari_id=kw.pop("nagari_id", None) or nagari().id,
        category=category,
        target_group=kw.pop("group", "lansia"),
        outcome=outcome,
        served_on=kw.pop("served_on", dt.date.today()),
        kk=kw.pop("kk", "1302031201100003"),
        address=kw.pop("address", "Jl. Lintas Sumatera"),
        jorong=kw.pop("jorong", "Jorong Koto Baru"),
        **kw,
    )


def nik(i: int, *, woman: bool = False) -> str:
    """A valid NIK of Kabupaten Solok (130203...), distinct for each i below 20,000."""
    day = 1 + i % 28 + (40 if woman else 0)
    month = 1 + (i // 28) % 12
    year = 50 + (i // 336) % 50
    return f"130203{day:02d}{month:02d}{year:02d}{i % 9999 + 1:04d}"


def case_in_service(
    *,
    with_office: bool = True,
    team_name: str = "Tim SIJARLA I",
    leader: str = "ketua1",
    member: str = "anggota1",
    with_records: bool = True,
    **letter: str,
) -> int:
    """A new case of Nagari Koto Baru at the service step (Tim SIJARLA I unless told), with two
    records (Siti Rahmah, Syafrizal) unless `with_records` is False; `letter`: letter_draft fields."""
    if with_office:
        make_office()
    meja, kabid, kadis = session("meja"), session("kabid"), session("kadis")
    ketua, anggota = session(leader), session(member)
    receipt = sijarla.register_letter(meja, letter_draft(**letter))
    case_id = receipt.case_id
    draft = sijarla.DispositionDraft(
        instructions=f"Siapkan {team_name} untuk pelayanan di Nagari Koto Baru minggu ini.",
        team_id=team(team_name).id,
        deadline=dt.date.today() + dt.timedelta(days=3),
    )
    disposition_id = sijarla.save_disposition(kabid, case_id, draft)
    sijarla.sign_disposition(kabid, disposition_id, PASSWORD, 1)
    sijarla.issue_assignment(
        kadis,
        case_id,
        sijarla.AssignmentDraft(
            (ketua.user_id, anggota.user_id),
            "Nagari Koto Baru",
            dt.date.today(),
            dt.date.today() + dt.timedelta(days=2),
        ),
        PASSWORD,
        SopCase.get_by_id(case_id).version,
    )
    for item in PreparationCheck.select().where(PreparationCheck.case == case_id):
        sijarla.check_preparation(anggota, case_id, item.item, True, "siap", item.version)
    sijarla.finish_preparation(ketua, case_id, SopCase.get_by_id(case_id).version)
    if with_records:
        service_records.add_record(anggota, case_id, record("1302034507510002", "Siti Rahmah"))
        service_records.add_record(
            ketua,
            case_id,
            record(
                "1302031203800011", "Syafrizal", "kia", "ditunda", outcome_reason="Akta lahir anak belum ada"
            ),
        )
    return case_id
