"""Gathering SIJARLA records into printable data.

The receipt, Lembar Disposisi, Surat Tugas, Laporan Pelaksanaan and Rekapitulasi.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import cast

from peewee import fn

from desktop.models import (
    NIK_MASKED,
    AssignmentLetter,
    AssignmentMember,
    Disposition,
    IncomingLetter,
    Recap,
    Report,
    RequestedService,
    ServiceCategory,
    ServiceOutcome,
    ServiceRecord,
    TargetGroup,
)
from desktop.printing import data as P
from desktop.services.documents.letterhead import (
    _lines,
    _masked,
    _official,
    _signer_title,
)
from desktop.services.documents.types import (
    _Source,
)
from desktop.services.errors import NotFound, WorkflowError
from desktop.services.sijarla.drafts import DISPOSITION_REQUESTS
from desktop.services.sijarla.letters import analysis_subject
from desktop.services.sijarla.recap import Period
from desktop.services.sop.workflow import builtin_sops, definition_of


def _receipt(letter_id: int, head: P.Letterhead) -> _Source:
    letter = IncomingLetter.get_or_none(IncomingLetter.id == letter_id)
    if letter is None:
        raise NotFound("Surat masuk tidak ditemukan.")
    case, nagari = letter.case, letter.nagari
    requested = (
        RequestedService.select(RequestedService, ServiceCategory)
        .join(ServiceCategory)
        .where(RequestedService.letter == letter.id)
        .order_by(ServiceCategory.sort_order, ServiceCategory.id)
    )
    doc = P.ReceiptDoc(
        letterhead=head,
        agenda_number=letter.agenda_number,
        tracking_code=letter.tracking_code,
        received_at=letter.received_at,
        letter_number=_masked(letter.letter_number),
        letter_date=letter.letter_date,
        sender=_masked(letter.sender),
        nagari=nagari.name,
        kecamatan=nagari.kecamatan.name,
        subject=_masked(letter.subject),
        due_on=case.due_on if case else None,
        requested=tuple((r.category.name, r.estimated_count) for r in requested),
        case_reference=case.reference if case else "",
        received_by=_official(letter.registered_by),
        sla_days=definition_of(case).time_limit_days if case else None,
    )
    return _Source(doc, f"Tanda Terima Surat Permohonan {letter.agenda_number}", case.id if case else None)


def _disposition(disposition_id: int, head: P.Letterhead) -> _Source:
    d = Disposition.get_or_none(Disposition.id == disposition_id)
    if d is None:
        raise NotFound("Disposisi tidak ditemukan.")
    if d.signed_at is None or d.signed_by is None:
        raise WorkflowError(
            "Disposisi belum ditandatangani; lembar disposisi dicetak setelah ditandatangani."
        )
    letter, case, signer = d.letter, d.case, d.signed_by
    chosen = set(d.requests.split(","))
    signed_by = _official(signer, _signer_title("kabid_pelayanan", signer))
    doc = P.DispositionDoc(
        letterhead=head,
        number="",
        letter_from=_masked(letter.sender) if letter else "Analisis Kepala Dinas (tanpa surat)",
        letter_number=_masked(letter.letter_number) if letter else "-",
        letter_date=letter.letter_date if letter else None,
        received_on=(letter.received_at if letter else case.opened_at).date(),
        agenda_number=letter.agenda_number if letter else "-",
        sifat=d.sifat,
        subject=_masked(letter.subject if letter else _analysis_subject(case)),
        forwarded_to=_masked(d.forwarded_to),
        requests=tuple((label, code in chosen) for code, label in DISPOSITION_REQUESTS.items()),
        instructions=_masked(d.instructions),
        deadline=d.deadline,
        team=d.team.name if d.team_id else "",
        sign_off=P.ElectronicSignOff(signed_by, d.signed_at, d.signature_sha256),
    )
    return _Source(doc, f"Lembar Disposisi {case.reference}: {doc.subject}", case.id)


def _analysis_subject(case) -> str:
    """A case from analysis: its whole reason where a letter's perihal would be (the title shortens it)."""
    if not case.origin_note:
        return case.title
    return analysis_subject(case.nagari.name if case.nagari_id else "", case.origin_note)


def _assignment(letter_id: int, head: P.Letterhead) -> _Source:
    letter = AssignmentLetter.get_or_none(AssignmentLetter.id == letter_id)
    if letter is None:
        raise NotFound("Surat Tugas tidak ditemukan.")
    if letter.signed_at is None or letter.signed_by is None:
        raise WorkflowError("Surat Tugas belum ditandatangani Kepala Dinas.")
    signer = _official(letter.signed_by, _signer_title("kepala_dinas", letter.signed_by))
    members = letter.members.order_by(AssignmentMember.position)
    doc = P.AssignmentDoc(
        letterhead=head,
        number=letter.number,
        basis=_lines(_masked(letter.basis)),
        members=tuple(
            P.AssignedMember(m.full_name, m.nip, m.pangkat_golongan, m.jabatan, m.is_leader) for m in members
        ),
        task=_masked(letter.task),
        place=_masked(letter.place),
        start_on=letter.start_on,
        end_on=letter.end_on,
        signed_on=letter.signed_at.date(),
        signer=signer,
        copies_to=_lines(_masked(letter.copies_to)),
        sign_off=P.ElectronicSignOff(signer, letter.signed_at, letter.signature_sha256),
    )
    return _Source(doc, f"Surat Tugas {letter.number}", letter.case_id)


MASKED_EDITION_NOTE = (
    "Edisi NIK tersamar: NIK menampilkan 6 digit kode wilayah dan 4 digit terakhir. Edisi dengan NIK "
    "lengkap (nomor yang sama) disimpan Tim Pelaksana untuk tindak lanjut data kependudukan."
)


def _report_masked(report_id: int, head: P.Letterhead) -> _Source:
    """The edition of the Laporan for the chain of command: every NIK masked, as on their screens."""
    return _report(report_id, head, masked=True)


def _report(report_id: int, head: P.Letterhead, masked: bool = False) -> _Source:
    report = Report.get_or_none(Report.id == report_id)
    if report is None:
        raise NotFound("Laporan tidak ditemukan.")
    if report.submitted_at is None or report.submitted_by is None:
        raise WorkflowError("Laporan belum disampaikan Ketua Tim; laporan dicetak setelah disampaikan.")
    case = report.case
    records = _records(case.id, masked)
    assignment = case.assignment_letters.order_by(AssignmentLetter.id.desc()).first()
    members = list(assignment.members.order_by(AssignmentMember.position)) if assignment else []
    team = case.team.name if case.team_id else "Tim SIJARLA"
    served = [r.served_on for r in records if r.served_on]
    doc = P.ReportDoc(
        letterhead=head,
        number="",
        title="LAPORAN PELAKSANAAN INOVASI SIJARLA",
        case_reference=case.reference,
        nagari=case.nagari.name if case.nagari_id else "",
        kecamatan=case.nagari.kecamatan.name if case.nagari_id else "",
        introduction=_masked(report.introduction),
        activities=_masked(report.activities),
        conclusion=_masked(report.conclusion),
        closing=_masked(report.closing),
        records=tuple(records),
        totals=_category_totals(case.id),
        outcomes=tuple(_count_by(r.outcome for r in records).items()),
        signed_on=report.submitted_at.date(),
        signer=_official(report.submitted_by, f"Ketua {team}"),
        team=team,
        assignment_number=assignment.number if assignment else "",
        members=tuple(m.full_name + (" (Ketua)" if m.is_leader else "") for m in members),
        served_from=min(served, default=None),
        served_until=max(served, default=None),
        addressed_to="Ketua Pelaksana Harian Inovasi SIJARLA",
        edition_note=MASKED_EDITION_NOTE if masked else "",
    )
    edition = " (NIK tersamar)" if masked else ""
    title = f"Laporan Pelaksanaan Inovasi SIJARLA{edition} {case.reference} Nagari {doc.nagari}"
    return _Source(doc, title, case.id)


def _records(case_id: int, masked: bool = False) -> list[P.ServiceLine]:
    """The by-name-by-address rows: the full NIK for the team's edition, the database's masked one
    for the chain of command's (who, on a secured server, may not read the full column)."""
    nik = NIK_MASKED if masked else ServiceRecord.nik
    query = (
        ServiceRecord.select(
            nik.alias("nik"),
            ServiceRecord.full_name,
            ServiceRecord.address,
            ServiceRecord.jorong,
            ServiceCategory.name.alias("category"),
            TargetGroup.name.alias("target_group"),
            ServiceOutcome.name.alias("outcome"),
            ServiceRecord.outcome_reason,
            ServiceRecord.served_on,
        )
        .join_from(ServiceRecord, ServiceCategory)
        .join_from(ServiceRecord, TargetGroup)
        .join_from(ServiceRecord, ServiceOutcome)
        .where(ServiceRecord.case == case_id)
        .order_by(ServiceRecord.served_on, ServiceRecord.id)
        .dicts()
    )
    return [
        P.ServiceLine(
            nik=r["nik"],
            name=r["full_name"],
            address=_address(r["address"], r["jorong"]),
            category=r["category"],
            target_group=r["target_group"],
            outcome=r["outcome"],
            reason=r["outcome_reason"],
            served_on=r["served_on"],
        )
        for r in cast(Iterable[dict], query)
    ]


def _address(address: str, jorong: str) -> str:
    """The address with its jorong, unless the address already names it."""
    if not jorong or jorong in address:
        return address
    return f"{address}, {jorong}" if address else jorong


def _category_totals(case_id: int) -> tuple[P.CategoryTotal, ...]:
    """Served per category in SQL: all rows, and those whose outcome counts as served."""
    served = fn.SUM(ServiceOutcome.counts_as_served.cast("integer"))
    query = (
        ServiceRecord.select(ServiceCategory.name, fn.COUNT(ServiceRecord.id), served)
        .join_from(ServiceRecord, ServiceCategory)
        .join_from(ServiceRecord, ServiceOutcome)
        .where(ServiceRecord.case == case_id)
        .group_by(ServiceCategory.name, ServiceCategory.sort_order)
        .order_by(ServiceCategory.sort_order, ServiceCategory.name)
        .tuples()
    )
    rows: list[tuple[str, int, int | None]] = list(query)  # type: ignore[arg-type]
    return tuple(P.CategoryTotal(name, int(total), int(done or 0)) for name, total, done in rows)


def _count_by(values) -> dict[str, int]:
    counts: dict[str, int] = {}
    for value in values:
        counts[value] = counts.get(value, 0) + 1
    return counts


def _recap(recap_id: int, head: P.Letterhead) -> _Source:
    recap = Recap.get_or_none(Recap.id == recap_id)
    if recap is None:
        raise NotFound("Rekapitulasi tidak ditemukan.")
    figures = json.loads(recap.figures)
    period = Period(recap.period_kind, recap.period_start, recap.period_end)
    kabid = recap.submitted_by
    doc = P.RecapDoc(
        letterhead=head,
        number="",
        title="Rekapitulasi Pelayanan Inovasi SIJARLA",
        period_label=period.title,
        period_start=period.start,
        period_end=period.end,
        rows=tuple(tuple(row) for row in figures.get("rows", [])),
        total_records=figures.get("total_records", 0),
        served=figures.get("served", 0),
        cases_opened=figures.get("cases_opened", 0),
        cases_finished=figures.get("cases_finished", 0),
        cases_within_limit=figures.get("cases_within_limit", 0),
        cases_late=figures.get("cases_late", 0),
        signed_on=recap.built_at.date(),
        signer=_official(recap.built_by, "Ketua Pelaksana Harian Inovasi SIJARLA"),
        sla_days=builtin_sops()["sijarla"].time_limit_days,
        acknowledged_by=_official(kabid) if kabid is not None else None,
        note=_masked(recap.note),
    )
    return _Source(doc, recap.title, None)
