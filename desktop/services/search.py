"""Search across cases, letters and people: NIK, name, letter or agenda number, nagari.

User text only ever reaches SQL as a bound parameter (peewee's contains() escapes % and _).
A search that can reveal people (by NIK or name) is a read of personal data and is logged.
People are found only where the records tables would show them, with NIKs shown the same way
(record_query.record_scope: masked for the Kabid, Kepala Dinas and KPH, in full for a team).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from peewee import JOIN

from desktop import roles as R
from desktop.models import IncomingLetter, Nagari, ServiceRecord, SopCase
from desktop.services.nik import mask_niks_in_text
from desktop.services.security import audit
from desktop.services.security.auth import require_role
from desktop.services.session import Session
from desktop.services.sijarla.record_filter import name_contains
from desktop.services.sijarla.record_query import nik_condition, record_scope
from desktop.services.validation import clean_text, fold

PEOPLE_ROLES = (R.KETUA_TIM, R.ANGGOTA_TIM, R.KETUA_PELAKSANA_HARIAN, R.KABID_PELAYANAN, R.KEPALA_DINAS)


@dataclass(frozen=True)
class SearchHit:
    kind: str  # kasus, surat, penduduk
    case_id: int | None
    title: str
    detail: str


def search(actor: Session, text: str, limit: int = 50) -> list[SearchHit]:
    """Find cases, letters and people matching `text` (at least 3 characters)."""
    query = clean_text(text, "Kata kunci", 100, field="query")
    if len(query) < 3:
        return []
    hits: list[SearchHit] = []
    for case in (
        SopCase.select(SopCase, Nagari)
        .join(Nagari, JOIN.LEFT_OUTER)
        .where(
            SopCase.reference.contains(query)
            | SopCase.title_fold.contains(fold(query))
            | Nagari.name.contains(query)
        )
        .order_by(SopCase.opened_at.desc())
        .limit(limit)
    ):
        place = case.nagari.name if case.nagari_id else ""
        hits.append(
            SearchHit("kasus", case.id, f"{case.reference} {case.title}", f"{place} · {case.current_step}")
        )
    hits.extend(letters(actor, query, limit))
    if actor.has_role(*PEOPLE_ROLES):
        hits.extend(_people(actor, query, limit))
    return hits


def letters(actor: Session, text: str = "", limit: int = 50) -> list[SearchHit]:
    """Incoming letters, newest first: those matching `text` (agenda, letter number, sender, subject,
    tracking code), or simply the newest ones while fewer than 3 characters are typed."""
    query = clean_text(text, "Kata kunci", 100, field="query", required=False)
    selection = IncomingLetter.select()
    if len(query) >= 3:
        selection = selection.where(
            IncomingLetter.agenda_number.contains(query)
            | IncomingLetter.search_fold.contains(fold(query))
            | (IncomingLetter.tracking_code == query.upper())
        )
    rows = selection.order_by(IncomingLetter.received_at.desc(), IncomingLetter.id.desc()).limit(limit)
    return [
        SearchHit(
            "surat",
            letter.case_id,
            mask_niks_in_text(f"Agenda {letter.agenda_number}: {letter.subject}"),
            mask_niks_in_text(
                f"{letter.sender}, No. {letter.letter_number} · diterima {letter.received_at:%d-%m-%Y %H:%M}"
            ),
        )
        for letter in rows
    ]


def _people(actor: Session, query: str, limit: int) -> list[SearchHit]:
    require_role(actor, *PEOPLE_ROLES)
    scope = record_scope(actor)
    digits = re.fullmatch(r"[0-9]{3,16}", query, re.ASCII)
    condition = nik_condition(scope, query, "query") if digits else name_contains(query)
    if scope.condition is not None:
        condition &= scope.condition
    columns = (ServiceRecord.case, ServiceRecord.full_name, scope.nik.alias("nik"), ServiceRecord.address)
    selection = ServiceRecord.select(*columns, ServiceRecord.jorong).where(condition)
    rows = list(selection.order_by(ServiceRecord.id.desc()).limit(limit))
    audit.record(actor, "cari_penduduk", "service_record", None, kata_kunci=query, hasil=len(rows))
    return [
        SearchHit(
            "penduduk", r.case_id, f"{r.full_name} ({scope.shown(r.nik)})", f"{r.address} {r.jorong}".strip()
        )
        for r in rows
    ]
