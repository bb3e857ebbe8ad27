"""Default reference data: areas from the wilayah file, service kinds, outcomes, holidays."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

from desktop.config import resource_dir
from desktop.models import (
    Holiday,
    Kabupaten,
    Kecamatan,
    Nagari,
    NumberingPattern,
    Role,
    ServiceCategory,
    ServiceOutcome,
    TargetGroup,
    db,
)
from desktop.roles import BUILTIN_ROLES

SERVICE_CATEGORIES = [
    ("ktp_rekam", "KTP-el perekaman"),
    ("ktp_cetak", "KTP-el cetak"),
    ("kia", "KIA (Kartu Identitas Anak)"),
    ("kk_baru", "KK baru"),
    ("kk_perubahan", "KK perubahan"),
    ("akta_lahir", "Akta kelahiran"),
    ("akta_mati", "Akta kematian"),
    ("akta_kawin", "Akta perkawinan"),
    ("akta_cerai", "Akta perceraian"),
    ("pindah", "Surat pindah"),
    ("datang", "Surat datang"),
    ("ikd", "IKD aktivasi"),
]
TARGET_GROUPS = [
    ("lansia", "Lansia"),
    ("sakit", "Sakit"),
    ("odgj", "ODGJ"),
    ("disabilitas", "Disabilitas"),
    ("pemilih_pemula", "Pemilih pemula"),
    ("umum", "Umum"),
]
# code, name, needs_reason, counts_as_served
OUTCOMES = [
    ("selesai", "Selesai", False, True),
    ("gagal_rekam", "Gagal rekam", True, False),
    ("sudah_punya", "Sudah punya", False, False),
    ("tidak_hadir", "Tidak hadir", False, False),
    ("ditunda", "Ditunda", True, False),
]
# code, name, pattern, klasifikasi, unit
NUMBERING = [
    ("agenda", "Nomor agenda surat masuk", "{seq:04}/{unit}/{year}", "", "AG"),
    ("kasus_sijarla", "Nomor kasus SIJARLA", "SJL-{year}-{seq:04}", "", ""),
    ("kasus_inovasi", "Nomor kasus inovasi", "INV-{year}-{seq:03}", "", ""),
    ("disposisi", "Nomor lembar disposisi", "{seq:04}/DISP/{unit}/{year}", "", "Disdukcapil"),
    ("surat_tugas", "Nomor Surat Tugas", "{klasifikasi}/{seq:03}/ST/{unit}/{year}", "400.12", "Disdukcapil"),
    (
        "laporan",
        "Nomor laporan pelaksanaan",
        "{klasifikasi}/{seq:03}/LAP-SJL/{unit}/{year}",
        "400.12",
        "Disdukcapil",
    ),
    (
        "rekap",
        "Nomor rekapitulasi",
        "{klasifikasi}/{seq:03}/REKAP-SJL/{unit}/{year}",
        "400.12",
        "Disdukcapil",
    ),
]


def wilayah_csv() -> Path:
    return resource_dir() / "data" / "wilayah_solok_padangpariaman.csv"


def load_areas(path: Path | None = None) -> int:
    """Insert kabupaten, kecamatan and nagari from the wilayah CSV; return the nagari count added."""
    with open(path or wilayah_csv(), newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    kab_ids = {k.code: k.id for k in Kabupaten.select()}
    kec_ids = {k.code: k.id for k in Kecamatan.select()}
    known_nagari = {n.code for n in Nagari.select(Nagari.code)}
    added = 0
    for row in rows:
        if row["kab_code"] not in kab_ids:
            kab_ids[row["kab_code"]] = Kabupaten.create(code=row["kab_code"], name=row["kabupaten"]).id
        if row["kec_code"] not in kec_ids:
            kec_ids[row["kec_code"]] = Kecamatan.create(
                code=row["kec_code"], name=row["kecamatan"], kabupaten=kab_ids[row["kab_code"]]
            ).id
        if row["nagari_code"] not in known_nagari:
            Nagari.create(code=row["nagari_code"], name=row["nagari"], kecamatan=kec_ids[row["kec_code"]])
            added += 1
    return added


def _seed_codes(model, items) -> None:
    existing = {r.code for r in model.select(model.code)}
    for order, (code, name, *rest) in enumerate(items):
        if code in existing:
            continue
        extra = {}
        if model is ServiceOutcome:
            extra = {"needs_reason": rest[0], "counts_as_served": rest[1]}
        model.create(code=code, name=name, sort_order=order, **extra)


def load_holidays(years: list[int]) -> int:
    """Add the national holidays and cuti bersama of `years` (from the holidays package)."""
    from desktop.services.sop.workdays import default_holidays

    known = {h.day for h in Holiday.select(Holiday.day)}
    added = 0
    for day, name, kind in default_holidays(years):
        if day not in known:
            Holiday.create(day=day, name=name[:160], kind=kind)
            known.add(day)
            added += 1
    return added


def ensure_reference_data(today: dt.date | None = None) -> None:
    """Fill whatever reference data is missing; safe to run on every start."""
    year = (today or dt.date.today()).year
    with db.atomic():
        existing_roles = {r.code for r in Role.select(Role.code)}
        for role in BUILTIN_ROLES:
            if role.code not in existing_roles:
                Role.create(code=role.code, name=role.name, description=role.description)
        if not Nagari.select().exists():
            load_areas()
        _seed_codes(ServiceCategory, SERVICE_CATEGORIES)
        _seed_codes(TargetGroup, TARGET_GROUPS)
        _seed_codes(ServiceOutcome, OUTCOMES)
        known_patterns = {p.code for p in NumberingPattern.select(NumberingPattern.code)}
        for code, name, pattern, klasifikasi, unit in NUMBERING:
            if code not in known_patterns:
                NumberingPattern.create(
                    code=code, name=name, pattern=pattern, klasifikasi=klasifikasi, unit=unit
                )
        if not Holiday.select().where(Holiday.day.year == year).exists():
            load_holidays([year - 1, year, year + 1])
