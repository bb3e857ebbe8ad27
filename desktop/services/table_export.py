"""A table as the user sees it, saved as a CSV file (the right-click 'Ekspor ke CSV…' of every table).

The UI hands over the header and the rows as displayed (NIKs already masked for roles that see them
masked); this writes them and, for a logged-in user, notes the export in the audit log, as the other
exports do. Semicolons separate the fields and the file starts with a UTF-8 byte-order mark: Excel
set to Indonesian (decimal comma) opens it straight into columns with the accents intact.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path

from desktop.models import db
from desktop.services.errors import InvalidInput
from desktop.services.security import audit
from desktop.services.session import Session

DELIMITER = ";"


def export_csv(
    actor: Session | None, title: str, header: Sequence[str], rows: Sequence[Sequence[str]], path: Path
) -> Path:
    """Write the table to `path` (CSV, UTF-8 with BOM) and note it in the audit log; return the path."""
    target = Path(path)
    if target.suffix.lower() != ".csv":
        target = target.with_name(target.name + ".csv")
    try:
        with open(target, "w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle, delimiter=DELIMITER)
            writer.writerow(header)
            writer.writerows(rows)
    except OSError as exc:
        raise InvalidInput(f"Berkas {target.name} tidak dapat ditulis: {exc.strerror or exc}.") from exc
    if actor is not None:
        with db.atomic():
            audit.record(actor, "tabel_diekspor", "", None, tabel=title, baris=len(rows), berkas=target.name)
    return target
