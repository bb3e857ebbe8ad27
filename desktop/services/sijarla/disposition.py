"""The disposition's rules: a typed draft checked, the signed payload and its digest, the engine's checks."""

from __future__ import annotations

import datetime as dt
import hashlib
import json

from desktop.models import (
    Disposition,
    IncomingLetter,
    SopCase,
    Team,
    TeamMember,
)
from desktop.services import date_rules
from desktop.services.errors import InvalidInput
from desktop.services.problems import Problems
from desktop.services.sijarla.drafts import (
    DISPOSITION_REQUESTS,
    SIFAT,
    DispositionDraft,
)
from desktop.services.sop.workflow import office_calendar, requirement_check
from desktop.services.validation import clean_text


def _clean_disposition(draft: DispositionDraft, today: dt.date, letter_sifat: str = "") -> dict:
    """The disposition's values; every field that breaks a rule is refused at once (InvalidFields).

    `today` is the day it is written: the deadline falls from then on (date_rules.deadline).
    No sifat given: the letter's own. A sifat below the letter's is refused (see `_sifat`).
    """
    problems = Problems()
    check = problems.check
    values = {
        "sifat": check(lambda: _sifat(draft.sifat or letter_sifat or "biasa", letter_sifat)),
        "deadline": check(lambda: date_rules.deadline(draft.deadline, today, office_calendar())),
        "team": check(lambda: _team(draft.team_id)),
        "forwarded_to": check(
            lambda: clean_text(draft.forwarded_to, "Diteruskan kepada", 200, field="forwarded_to")
        ),
        "requests": check(lambda: _requests(draft.requests)),
        "instructions": check(
            lambda: clean_text(
                draft.instructions, "Isi disposisi", 4000, field="instructions", multiline=True
            )
        ),
    }
    problems.raise_any()
    return values


# Urgency, then confidentiality on top: a disposition may raise the letter's sifat, never lower it.
SIFAT_RANK = {"biasa": 0, "segera": 1, "sangat_segera": 2, "rahasia": 3}
SIFAT_NAMES = {"biasa": "Biasa", "segera": "Segera", "sangat_segera": "Sangat segera", "rahasia": "Rahasia"}


def _sifat(sifat: str, letter_sifat: str = "") -> str:
    if sifat not in SIFAT:
        raise InvalidInput("Sifat disposisi tidak dikenal.", field="sifat")
    if letter_sifat in SIFAT_RANK and SIFAT_RANK[sifat] < SIFAT_RANK[letter_sifat]:
        raise InvalidInput(
            f"Sifat disposisi tidak boleh lebih rendah dari sifat surat ({SIFAT_NAMES[letter_sifat]}): "
            f"pilih {SIFAT_NAMES[letter_sifat]} atau yang lebih tinggi.",
            field="sifat",
        )
    return sifat


def _requests(requests: tuple[str, ...]) -> str:
    unknown = [r for r in requests if r not in DISPOSITION_REQUESTS]
    if unknown or not requests:
        raise InvalidInput("Pilih paling sedikit satu 'dengan hormat harap' yang dikenal.", field="requests")
    return ",".join(requests)


def _team(team_id: int) -> int:
    team = Team.get_or_none(Team.id == team_id)
    if team is None or not team.is_active:
        raise InvalidInput("Tim SIJARLA tidak dikenal atau tidak aktif.", field="team")
    return team.id


def _signature(payload: dict) -> str:
    canonical = json.dumps(payload, sort_keys=True, ensure_ascii=False, default=str, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def disposition_payload(d: Disposition, signer_id: int, signed_at: dt.datetime) -> dict:
    """The content a disposition signature covers."""
    return {
        "disposisi": d.id,
        "kasus": d.case_id,
        "surat": d.letter_id,
        "sifat": d.sifat,
        "diteruskan": d.forwarded_to,
        "harap": d.requests,
        "isi": d.instructions,
        "tim": d.team_id,
        "batas": d.deadline.isoformat(),
        "penandatangan": signer_id,
        "waktu": signed_at.isoformat(),
    }


@requirement_check("surat_permohonan")
def _letter_registered(case: SopCase) -> str | None:
    exists = IncomingLetter.select().where(IncomingLetter.case == case.id).exists()
    return None if exists else "Surat Permohonan belum dicatat."


@requirement_check("kesiapan_tim")
def _team_ready(case: SopCase) -> str | None:
    d = Disposition.get_or_none((Disposition.case == case.id) & Disposition.signed_at.is_null(False))
    team_id = d.team_id if d else case.team_id
    if team_id is None:
        d = Disposition.get_or_none(Disposition.case == case.id)
        team_id = d.team_id if d else None
    if team_id is None:
        return "Belum ada tim yang ditugaskan."
    members = TeamMember.select().where(TeamMember.team == team_id)
    if not any(m.is_leader for m in members):
        return "Tim belum memiliki ketua."
    return None
