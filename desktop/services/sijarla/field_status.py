"""What the case's field packages (services/field) still hold back: its report goes from the
office, with every package back (or cancelled) and every conflict of their merges decided."""

from __future__ import annotations

from desktop.models import FieldConflict, FieldPackage, field_store


def field_work_pending(case_id: int) -> str | None:
    """Why the case's report cannot go yet because of its field packages, or None."""
    if field_store.in_field_mode():
        return "Laporan disampaikan dari kantor, setelah paket lapangan dikembalikan dan digabungkan."
    out = FieldPackage.select(FieldPackage.laptop).where(
        (FieldPackage.case == case_id) & (FieldPackage.status == "dibawa")
    )
    laptops = ", ".join(sorted(p.laptop for p in out))
    if laptops:
        return (
            f"Masih ada paket lapangan yang belum dikembalikan ({laptops}). Kembalikan paketnya dulu agar "
            "data lapangan ikut dilaporkan, atau batalkan paket laptop yang hilang."
        )
    waiting = FieldConflict.select().where(
        (FieldConflict.case == case_id) & (FieldConflict.status == "terbuka")
    )
    count = waiting.count()
    if count:
        return f"Masih ada {count} konflik data lapangan yang belum diputuskan Ketua Tim."
    return None
