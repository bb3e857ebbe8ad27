"""Small factories for database tests: the demo office and its people, sessions, letters."""

from __future__ import annotations

import datetime as dt

from desktop.models import Nagari, ServiceCategory, Team, User, db
from desktop.services.demo.office import DEMO_PASSWORD, create_office, create_people
from desktop.services.office.admin import OfficeDraft
from desktop.services.office.reference_defaults import ensure_reference_data
from desktop.services.security.auth import session_for
from desktop.services.sijarla import steps as sijarla

PASSWORD = DEMO_PASSWORD


def make_office() -> None:
    ensure_reference_data()
    with db.atomic():
        create_office()
        create_people()


def session(username: str):
    return session_for(User.get(User.username == username))


def nagari(name: str = "Koto Baru") -> Nagari:
    return Nagari.select().where(Nagari.name == name).order_by(Nagari.code).first()


def team(name: str = "Tim SIJARLA I") -> Team:
    return Team.get(Team.name == name)


def letter_draft(**overrides) -> sijarla.LetterDraft:
    values = dict(
        letter_number="140/27/WN-KB/2026",
        letter_date=dt.date.today() - dt.timedelta(days=2),
        sender="Wali Nagari Koto Baru",
        nagari_id=nagari().id,
        subject="Permohonan pelayanan jemput bola KTP-el bagi lansia dan disabilitas",
        requested={"ktp_rekam": 25, "kia": 10},
        sifat="segera",
        scan=sijarla.ScanFile("permohonan.pdf", b"%PDF-1.4\n% scan\n", "application/pdf"),
    )
    values.update(overrides)
    return sijarla.LetterDraft(**values)


def category_id(code: str) -> int:
    return ServiceCategory.get(ServiceCategory.code == code).id


def office_draft(**overrides) -> OfficeDraft:
    """The demo office's settings as the admin page would send them."""
    values = dict(
        government="PEMERINTAH KABUPATEN SOLOK",
        agency="DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL",
        address="Jl. Raya Solok - Padang Km. 20, Arosuka",
        phone="(0755) 31234",
        email="disdukcapil@solokkab.go.id",
        website="disdukcapil.solokkab.go.id",
        city="Arosuka",
        kabupaten_code="13.02",
        logo_png=None,
        paper_size="F4",
        idle_lock_minutes=10,
    )
    values.update(overrides)
    return OfficeDraft(**values)
