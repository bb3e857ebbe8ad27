"""Everything the innovation panel shows about one innovation, gathered in one background call."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.services.inovasi import steps as inovasi
from desktop.services.inovasi.steps import InnovationProfile, InnovationSummary, MeetingView, TimelineEntry
from desktop.services.office import users
from desktop.services.office.users import UserSummary
from desktop.services.session import Session
from desktop.services.sop import view as sop_view
from desktop.services.sop.view import StepView


@dataclass(frozen=True)
class InnovationState:
    summary: InnovationSummary
    timeline: tuple[TimelineEntry, ...]
    profile: InnovationProfile
    meetings: tuple[MeetingView, ...]
    finalization: MeetingView | None
    steps: tuple[StepView, ...]
    people: tuple[UserSummary, ...]  # active staff, for the participants pickers

    @property
    def step(self) -> StepView | None:
        """The step the innovation stands at, or None once its case is closed."""
        if self.summary.status != "berjalan":
            return None
        return next((s for s in self.steps if s.code == self.summary.current_step), None)

    def holders(self, *roles: str) -> list[UserSummary]:
        """Active staff holding one of the roles, by name."""
        return [p for p in self.people if set(p.roles) & set(roles)]

    def may_act(self, session: Session) -> bool:
        """Whether the step's form is worth showing to this user (the service decides for real)."""
        step = self.step
        return step is not None and session.has_role(*step.roles)


def load_state(innovation_id: int) -> InnovationState:
    """Read the innovation, its timeline, profile, meetings and the staff list (run on a worker)."""
    profile = inovasi.innovation_profile(innovation_id)
    return InnovationState(
        summary=inovasi.innovation_summary(innovation_id),
        timeline=profile.timeline,
        profile=profile,
        meetings=tuple(inovasi.meetings(innovation_id)),
        finalization=inovasi.finalization_status(innovation_id),
        steps=sop_view.sop_matrix(inovasi.SOP_CODE).steps,
        people=tuple(u for u in users.list_users() if u.is_active),
    )


def innovation_for_case(case_id: int) -> int:
    """The innovation of an innovation case (run on a worker)."""
    for summary in inovasi.list_innovations():
        if summary.case_id == case_id:
            return summary.id
    from desktop.services.errors import NotFound

    raise NotFound("Kasus ini bukan kasus inovasi, atau sudah dihapus.")
