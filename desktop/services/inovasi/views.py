"""Reading innovations: the list, one summary, output totals, the 8-step timeline, the profile, meetings."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any, cast

from peewee import fn

from desktop.models import (
    CaseStep,
    Innovation,
    InnovationDocument,
    Meeting,
    OutputLog,
    SopCase,
    User,
)
from desktop.sections import section_map
from desktop.services.inovasi.base import (
    _date,
    _innovation,
    _meeting_view,
)
from desktop.services.inovasi.drafts import (
    CONCEPT_SECTIONS,
    DRAFT,
    KONSEP_FINAL,
    InnovationProfile,
    InnovationSummary,
    MeetingView,
    OutputTotals,
    TimelineEntry,
)
from desktop.services.inovasi.requirements import _chosen_name, _round_document
from desktop.services.sop.definition import SopStep
from desktop.services.sop.workdays import WorkCalendar
from desktop.services.sop.workflow import (
    definition_of,
    office_calendar,
)


def innovation_summary(innovation_id: int) -> InnovationSummary:
    """The innovation and where its case stands."""
    innovation = _innovation(innovation_id)
    return _summary(innovation, innovation.case)


def _summary(innovation: Innovation, case: SopCase) -> InnovationSummary:
    return InnovationSummary(
        id=innovation.id,
        case_id=case.id,
        reference=case.reference,
        title=innovation.title,
        chosen_name=innovation.chosen_name,
        year=innovation.year,
        current_step=case.current_step,
        step_name=definition_of(case).step(case.current_step).name,
        status=case.status,
        step_due_on=case.step_due_on,
        case_version=case.version,
        version=innovation.version,
    )


def list_innovations(
    step: str | None = None, status: str | None = None, year: int | None = None
) -> list[InnovationSummary]:
    """Innovations, newest first, optionally only at a step, with a case status, or of a year."""
    query = Innovation.select(Innovation, SopCase).join(SopCase)
    if step is not None:
        query = query.where(SopCase.current_step == step)
    if status is not None:
        query = query.where(SopCase.status == status)
    if year is not None:
        query = query.where(Innovation.year == year)
    rows = query.order_by(SopCase.opened_at.desc(), Innovation.id.desc())
    return [_summary(row, row.case) for row in rows]


def output_totals(innovation_id: int) -> OutputTotals:
    """What the running innovation has produced so far."""
    query = (
        OutputLog.select(
            fn.COUNT(OutputLog.id),
            fn.COUNT(OutputLog.day.distinct()),
            fn.COALESCE(fn.SUM(OutputLog.people_served), 0),
            fn.MIN(OutputLog.day),
            fn.MAX(OutputLog.day),
        )
        .where(OutputLog.innovation == innovation_id)
        .tuples()
    )
    entries, days, people, first, last = cast("tuple[Any, ...]", query.get())
    return OutputTotals(entries, days, int(people), _date(first), _date(last))


def innovation_timeline(innovation_id: int, *, today: dt.date | None = None) -> list[TimelineEntry]:
    """Every step done (and the one running now): planned and actual dates, who, the output."""
    innovation = _innovation(innovation_id)
    case = innovation.case
    definition = definition_of(case)
    calendar = office_calendar()
    documents = _documents_by_step(innovation.id)
    steps = CaseStep.select(CaseStep, User).join(User).where(CaseStep.case == case.id).order_by(CaseStep.id)
    entries = []
    for row in steps:
        step = definition.step(row.step_code)
        document = documents[row.step_code].pop(0) if row.output_label and documents[row.step_code] else None
        done_on = row.acted_at.date()
        entries.append(
            TimelineEntry(
                step_code=step.code,
                step_number=step.number,
                step_name=step.name,
                action=row.action,
                started_on=row.started_on,
                due_on=row.due_on,
                done_on=done_on,
                actor=row.actor.full_name,
                output_label=row.output_label,
                document_id=document.id if document else None,
                document_title=document.title if document else "",
                note=row.note,
                late_working_days=_late(calendar, row.due_on, done_on),
            )
        )
    if case.status == "berjalan":
        entries.append(_running_entry(case, definition.step(case.current_step), entries, calendar, today))
    return entries


def _running_entry(
    case: SopCase,
    step: SopStep,
    done: list[TimelineEntry],
    calendar: WorkCalendar,
    today: dt.date | None,
) -> TimelineEntry:
    started = done[-1].done_on if done and done[-1].done_on else case.opened_at.date()
    return TimelineEntry(
        step_code=step.code,
        step_number=step.number,
        step_name=step.name,
        action=None,
        started_on=started,
        due_on=case.step_due_on,
        done_on=None,
        actor="",
        output_label="",
        document_id=None,
        document_title="",
        note="",
        late_working_days=_late(calendar, case.step_due_on, today or dt.date.today()),
    )


def _late(calendar: WorkCalendar, due: dt.date | None, day: dt.date) -> int:
    return 0 if due is None else max(0, calendar.working_days_between(due, day))


def _documents_by_step(innovation_id: int) -> defaultdict[str, list[InnovationDocument]]:
    """Each step's documents in order; the n-th output of a step pairs with its n-th document."""
    result: defaultdict[str, list[InnovationDocument]] = defaultdict(list)
    query = InnovationDocument.select().where(InnovationDocument.innovation == innovation_id)
    for document in query.order_by(InnovationDocument.id):
        result[document.step_code].append(document)
    return result


def innovation_profile(innovation_id: int) -> InnovationProfile:
    """The data of the one-page innovation profile."""
    innovation = _innovation(innovation_id)
    case = innovation.case
    draft = _round_document(innovation.id, DRAFT)
    final = _round_document(innovation.id, KONSEP_FINAL)
    headings = section_map(final.body) if final else {}
    concept = {field: headings.get(heading, "") for field, heading in CONCEPT_SECTIONS}
    chosen = _chosen_name(innovation.id)
    return InnovationProfile(
        id=innovation.id,
        reference=case.reference,
        name=innovation.chosen_name or innovation.title,
        name_meaning=chosen.meaning if chosen else "",
        title=innovation.title,
        problem=innovation.problem,
        target=innovation.target,
        concept=draft.body if draft else innovation.pointers,
        mechanism=concept.get("mechanism", ""),
        resources=concept.get("resources", ""),
        schedule=concept.get("schedule", ""),
        indicators=concept.get("indicators", ""),
        status=case.status,
        current_step=case.current_step,
        outputs=output_totals(innovation.id),
        timeline=tuple(innovation_timeline(innovation.id)),
    )


def meetings(innovation_id: int) -> list[MeetingView]:
    """Every meeting of the innovation, oldest first, with its participants."""
    query = Meeting.select(Meeting.id).where(Meeting.innovation == innovation_id).order_by(Meeting.id)
    return [_meeting_view(m.id) for m in query]
