"""What the meetings share: the draft written at the first discussion, the finalisation's state."""

from __future__ import annotations

from desktop.models import (
    Innovation,
    InnovationDocument,
)
from desktop.sections import write_sections
from desktop.services.inovasi.base import (
    _finalization_meeting,
    _meeting_view,
    _text,
)
from desktop.services.inovasi.drafts import (
    MeetingView,
)
from desktop.services.inovasi.views import innovation_profile as innovation_profile
from desktop.services.inovasi.views import innovation_summary as innovation_summary
from desktop.services.inovasi.views import innovation_timeline as innovation_timeline
from desktop.services.inovasi.views import list_innovations as list_innovations
from desktop.services.inovasi.views import meetings as meetings
from desktop.services.inovasi.views import output_totals as output_totals


def _draft_body(innovation: Innovation, typed: str, reason: str) -> str:
    text = _text(typed, "Draft inovasi", InnovationDocument.body, "draft", required=False, multiline=True)
    if text:
        return text
    return write_sections(
        [
            ("Judul", innovation.title),
            ("Permasalahan", innovation.problem),
            ("Sasaran", innovation.target),
            ("Konsep", innovation.pointers),
            ("Hasil pembahasan awal", reason),
        ]
    )


def finalization_status(innovation_id: int) -> MeetingView | None:
    """The finalization meeting with each participant's approval, or None before it is opened."""
    meeting = _finalization_meeting(innovation_id)
    return None if meeting is None else _meeting_view(meeting.id)
