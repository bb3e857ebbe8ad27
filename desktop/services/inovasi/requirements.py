"""What the engine checks before an innovation step is done: its document, the approved draft, a name."""

from __future__ import annotations

from collections.abc import Callable

from desktop.models import (
    Innovation,
    InnovationDocument,
    NameOption,
    SopCase,
)
from desktop.services.inovasi.base import (
    _finalization_meeting,
    _meeting_view,
)
from desktop.services.inovasi.drafts import (
    CATATAN_KABID,
    DRAFT,
    KONSEP_FINAL,
    NOTULEN,
    POINTERS,
    TINDAK_LANJUT,
)
from desktop.services.sop.workflow import (
    requirement_check,
)


def _innovation_of(case: SopCase) -> Innovation | None:
    return Innovation.get_or_none(Innovation.case == case.id)


def _round_document(innovation_id: int, kind: str) -> InnovationDocument | None:
    """The latest document of a kind written since the latest pointers (a returned idea restarts)."""
    query = InnovationDocument.select().where(
        (InnovationDocument.innovation == innovation_id) & (InnovationDocument.kind == kind)
    )
    if kind != POINTERS:
        start = _round_document(innovation_id, POINTERS)
        if start is not None:
            query = query.where(InnovationDocument.id > start.id)
    return query.order_by(InnovationDocument.id.desc()).first()


def _needs_document(kind: str, missing: str) -> Callable[[SopCase], str | None]:
    def check(case: SopCase) -> str | None:
        innovation = _innovation_of(case)
        if innovation is None or _round_document(innovation.id, kind) is None:
            return missing
        return None

    return check


requirement_check("persiapan_konsep")(_needs_document(POINTERS, "Pointers konsep belum ditulis."))


requirement_check("pointers_konsep")(_needs_document(POINTERS, "Pointers konsep belum ditulis."))


requirement_check("pointers_telaahan_kabid")(
    _needs_document(CATATAN_KABID, "Catatan telaahan Kabid belum ditulis.")
)


requirement_check("catatan_tindak_lanjut")(
    _needs_document(TINDAK_LANJUT, "Catatan tindak lanjut Kepala Dinas belum ditulis.")
)


requirement_check("draft_hasil_rapat")(
    _needs_document(NOTULEN, "Notulen penyempurnaan konsep belum dilampirkan.")
)


requirement_check("sumber_daya")(_needs_document(KONSEP_FINAL, "Konsep final inovasi belum disusun."))


@requirement_check("draft_inovasi")
def _draft_approved_by_all(case: SopCase) -> str | None:
    innovation = _innovation_of(case)
    if innovation is None or _round_document(innovation.id, DRAFT) is None:
        return "Draft inovasi belum ada."
    meeting = _finalization_meeting(innovation.id)
    if meeting is None:
        return "Rapat finalisasi konsep belum dibuka."
    pending = [p.full_name for p in _meeting_view(meeting.id).participants if p.approved is not True]
    if pending:
        return f"Belum menyetujui: {', '.join(pending)}."
    return None


@requirement_check("alternatif_nama")
def _name_chosen(case: SopCase) -> str | None:
    innovation = _innovation_of(case)
    if innovation is None or _chosen_name(innovation.id) is None:
        return "Belum ada alternatif nama yang dipilih."
    return None


def _chosen_name(innovation_id: int) -> NameOption | None:
    return NameOption.get_or_none((NameOption.innovation == innovation_id) & NameOption.is_chosen)
