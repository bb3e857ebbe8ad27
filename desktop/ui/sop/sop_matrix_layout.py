"""Where every cell of a paper SOP goes: the identity box, the context boxes, the matrix and its notes.

_MatrixLayout measures the texts for a given width (row heights follow the longest text of the row)
and returns the rectangles SopMatrixWidget paints; nothing here paints.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF

from desktop.services.sop.view import RowView, SopMatrixView
from desktop.ui import theme

GRID = QColor("#3E4A57")
HEADER_BG = QColor("#EEF2F6")
OUTSIDER_BG = QColor("#F3F1EC")
CURRENT_BG = QColor("#FFF0C7")
CURRENT_EDGE = QColor("#E0A526")
DONE_BG = QColor("#EDF6EF")
MARK_FILL = QColor("#FFFFFF")
MARK_CURRENT = QColor(theme.BLUE)
PAD = 5.0
SHAPE_W, SHAPE_H = 64.0, 26.0
FIXED = {"no": 30.0, "pelaksana": 76.0, "syarat": 150.0, "waktu": 56.0, "output": 120.0, "ket": 84.0}
MIN_ACTIVITY = 160.0
SMALL = 0.8  # pelaksana headers: long titles in narrow columns, as on paper


def tr(text: str) -> str:
    """Translate a text marked elsewhere with QT_TRANSLATE_NOOP("SopMatrixWidget", ...).

    Literal texts call QCoreApplication.translate("SopMatrixWidget", ...) directly: lupdate cannot
    tell the context of a module-level tr() and would file them under an empty one.
    """
    return QCoreApplication.translate("SopMatrixWidget", text)


@dataclass
class Cell:
    rect: QRectF
    text: str = ""
    bold: bool = False
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
    fill: QColor | None = None
    hatch: bool = False
    small: bool = False


@dataclass
class Layout:
    width: float = 0.0
    height: float = 0.0
    cells: list[Cell] = field(default_factory=list)
    column_x: dict[str, tuple[float, float]] = field(default_factory=dict)  # pelaksana: (left, width)
    rows: dict[int, tuple[float, float]] = field(default_factory=dict)  # row number: (top, height)
    table_left: float = 0.0
    table_right: float = 0.0


# --- Layout of the paper ------------------------------------------------------------------------------


def _date(day) -> str:
    return f"{day:%d/%m/%Y}" if day else "-"


def _numbered(items: tuple[str, ...]) -> str:
    return "\n".join(f"{i}. {text}" for i, text in enumerate(items, start=1)) or "-"


class MatrixLayout:
    """Computes every cell's rectangle for a width: text heights decide the row heights."""

    def __init__(self, matrix: SopMatrixView, font: QFont, width: float, show_context: bool):
        self.m = matrix
        self.font = QFont(font)
        self.font.setPointSizeF(font.pointSizeF() * 0.92)
        self.bold = QFont(self.font)
        self.bold.setBold(True)
        self.width = width
        self.show_context = show_context
        self.out = Layout(width=width)

    def text_height(self, text: str, width: float, bold: bool = False, small: bool = False) -> float:
        font = QFont(self.bold if bold else self.font)
        if small:
            font.setPointSizeF(font.pointSizeF() * SMALL)
        metrics = QFontMetricsF(font)
        flags = int(Qt.TextFlag.TextWordWrap)
        return (
            metrics.boundingRect(QRectF(0, 0, max(width - 2 * PAD, 10), 10_000), flags, text).height()
            + 2 * PAD
        )

    def add(self, rect: QRectF, text: str = "", **kw) -> None:
        self.out.cells.append(Cell(rect, text, **kw))

    def build(self) -> Layout:
        left, right = PAD, self.width - PAD
        y = self.identity(left, right, PAD)
        if self.show_context:
            y = self.context(left, right, y + 8)
        y = self.matrix(left, right, y + 10)
        y = self.notes(left, right, y + 8)
        self.out.height = y + PAD
        return self.out

    def identity(self, left: float, right: float, y: float) -> float:
        m = self.m
        split = left + (right - left) * 0.42
        rows = [
            (QCoreApplication.translate("SopMatrixWidget", "Nomor SOP"), m.number),
            (QCoreApplication.translate("SopMatrixWidget", "Tanggal Pembuatan"), _date(m.created_on)),
            (QCoreApplication.translate("SopMatrixWidget", "Tanggal Efektif"), _date(m.effective_on)),
            (
                QCoreApplication.translate("SopMatrixWidget", "Disahkan oleh"),
                "\n".join(p for p in (m.approver_title, m.approver, m.approver_nip) if p),
            ),
            (QCoreApplication.translate("SopMatrixWidget", "Nama SOP"), m.title),
        ]
        label_w = 150.0
        top = y
        for label, value in rows:
            h = max(self.text_height(value, right - split - label_w), self.text_height(label, label_w, True))
            self.add(QRectF(split, y, label_w, h), label, bold=True, fill=HEADER_BG)
            self.add(QRectF(split + label_w, y, right - split - label_w, h), value)
            y += h
        office = f"{m.government.upper()}\n{m.agency.upper()}"
        self.add(
            QRectF(left, top, split - left, y - top),
            office,
            bold=True,
            align=Qt.AlignmentFlag.AlignCenter,
        )
        if m.source:  # the SOP's own header (another kabupaten's, say) stays named
            h = self.text_height(m.source, right - left)
            self.add(QRectF(left, y, right - left, h), m.source)
            y += h
        return y

    def context(self, left: float, right: float, y: float) -> float:
        m = self.m
        pairs = [
            (
                (QCoreApplication.translate("SopMatrixWidget", "DASAR HUKUM"), m.legal_basis),
                (QCoreApplication.translate("SopMatrixWidget", "KUALIFIKASI PELAKSANA"), m.qualifications),
            ),
            (
                (QCoreApplication.translate("SopMatrixWidget", "KETERKAITAN"), m.related_sops),
                (QCoreApplication.translate("SopMatrixWidget", "PERALATAN / PERLENGKAPAN"), m.equipment),
            ),
            (
                (QCoreApplication.translate("SopMatrixWidget", "PERINGATAN"), m.warnings),
                (QCoreApplication.translate("SopMatrixWidget", "PENCATATAN DAN PENDATAAN"), m.recording),
            ),
        ]
        half = (right - left) / 2
        for (t1, i1), (t2, i2) in pairs:
            head = self.text_height(t1, half, True)
            self.add(QRectF(left, y, half, head), t1, bold=True, fill=HEADER_BG)
            self.add(QRectF(left + half, y, half, head), t2, bold=True, fill=HEADER_BG)
            y += head
            body = max(self.text_height(_numbered(i1), half), self.text_height(_numbered(i2), half))
            self.add(QRectF(left, y, half, body), _numbered(i1))
            self.add(QRectF(left + half, y, half, body), _numbered(i2))
            y += body
        return y

    def columns(self, left: float, right: float) -> list[tuple[str, float, float]]:
        n = len(self.m.columns)
        fixed = sum(FIXED.values()) - FIXED["pelaksana"] + n * FIXED["pelaksana"]
        activity = max(MIN_ACTIVITY, right - left - fixed)
        spec = [("no", FIXED["no"]), ("aktivitas", activity)]
        spec += [(f"p:{c.code}", FIXED["pelaksana"]) for c in self.m.columns]
        spec += [("syarat", FIXED["syarat"]), ("waktu", FIXED["waktu"]), ("output", FIXED["output"])]
        spec += [("ket", FIXED["ket"])]
        x, out = left, []
        for key, w in spec:
            out.append((key, x, w))
            x += w
        self.out.table_left, self.out.table_right = left, x
        return out

    def matrix(self, left: float, right: float, y: float) -> float:
        cols = self.columns(left, right)
        x = {k: (cx, w) for k, cx, w in cols}
        title = (self.m.subtitle or self.m.title).upper()
        title_h = self.text_height(title, right - left, True) + 4
        self.add(
            QRectF(left, y, x["ket"][0] + x["ket"][1] - left, title_h),
            title,
            bold=True,
            align=Qt.AlignmentFlag.AlignCenter,
        )
        y += title_h
        y = self.header(cols, x, y)
        for row in self.m.rows:
            y = self.body_row(row, cols, x, y)
        return y

    def header(self, cols, x, y: float) -> float:
        center = Qt.AlignmentFlag.AlignCenter
        pel = [c for c in cols if c[0].startswith("p:")]
        labels = {c.code: c.label for c in self.m.columns}
        outsiders = {c.code for c in self.m.columns if not c.app_user}
        second = max(self.text_height(labels[k[2:]], w, True, small=True) for k, _, w in pel) if pel else 30.0
        second = max(
            second,
            self.text_height(
                QCoreApplication.translate("SopMatrixWidget", "Persyaratan / Kelengkapan"),
                x["syarat"][1],
                True,
            ),
        )
        first = self.text_height(QCoreApplication.translate("SopMatrixWidget", "Pelaksana"), 100, True)
        total = first + second
        self.add(
            QRectF(x["no"][0], y, x["no"][1], total),
            QCoreApplication.translate("SopMatrixWidget", "No"),
            bold=True,
            align=center,
            fill=HEADER_BG,
        )
        self.add(
            QRectF(x["aktivitas"][0], y, x["aktivitas"][1], total),
            QCoreApplication.translate("SopMatrixWidget", "Aktivitas"),
            bold=True,
            align=center,
            fill=HEADER_BG,
        )
        if pel:
            span = pel[-1][1] + pel[-1][2] - pel[0][1]
            self.add(
                QRectF(pel[0][1], y, span, first),
                QCoreApplication.translate("SopMatrixWidget", "Pelaksana"),
                bold=True,
                align=center,
                fill=HEADER_BG,
            )
        for key, cx, w in pel:
            code = key[2:]
            self.out.column_x[code] = (cx, w)
            self.add(
                QRectF(cx, y + first, w, second),
                labels[code],
                bold=True,
                align=center,
                fill=OUTSIDER_BG if code in outsiders else HEADER_BG,
                hatch=code in outsiders,
                small=True,
            )
        mutu_left = x["syarat"][0]
        mutu_w = x["output"][0] + x["output"][1] - mutu_left
        self.add(
            QRectF(mutu_left, y, mutu_w, first),
            QCoreApplication.translate("SopMatrixWidget", "Mutu Baku"),
            bold=True,
            align=center,
            fill=HEADER_BG,
        )
        for key, text in (
            ("syarat", QCoreApplication.translate("SopMatrixWidget", "Persyaratan / Kelengkapan")),
            ("waktu", QCoreApplication.translate("SopMatrixWidget", "Waktu")),
            ("output", QCoreApplication.translate("SopMatrixWidget", "Output")),
        ):
            self.add(
                QRectF(x[key][0], y + first, x[key][1], second), text, bold=True, align=center, fill=HEADER_BG
            )
        self.add(
            QRectF(x["ket"][0], y, x["ket"][1], total),
            QCoreApplication.translate("SopMatrixWidget", "Keterangan"),
            bold=True,
            align=center,
            fill=HEADER_BG,
            small=True,
        )
        y += total
        numbers_h = self.text_height("1", 30)
        for i, (_key, cx, w) in enumerate(cols, start=1):
            self.add(QRectF(cx, y, w, numbers_h), str(i), align=center, fill=HEADER_BG)
        return y + numbers_h

    def body_row(self, row: RowView, cols, x, y: float) -> float:
        requirements = "\n".join([*row.persyaratan, *(f"{k} (kelengkapan)" for k in row.kelengkapan)])
        texts = {
            "no": str(row.number),
            "aktivitas": row.activity,
            "syarat": requirements,
            "waktu": row.time,
            "output": row.output,
            "ket": row.remarks,
        }
        height = max(
            [SHAPE_H + 12 + 2 * PAD + 14]
            + [self.text_height(t, x[k][1], small=k == "ket") for k, t in texts.items() if t]
        )
        outsiders = {c.code for c in self.m.columns if not c.app_user}
        for key, cx, w in cols:
            rect = QRectF(cx, y, w, height)
            if key.startswith("p:"):
                self.add(rect, hatch=key[2:] in outsiders)
            else:
                extra: dict = {"small": True} if key == "ket" else {}
                if key in ("no", "waktu"):
                    extra["align"] = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
                self.add(rect, texts[key], **extra)
        self.out.rows[row.number] = (y, height)
        return y + height

    def notes(self, left: float, right: float, y: float) -> float:
        legend = QCoreApplication.translate(
            "SopMatrixWidget",
            "Bentuk: persegi panjang = kegiatan, belah ketupat = keputusan, lonjong = mulai / selesai. "
            "Kolom berarsir = pelaksana di luar aplikasi (tidak memakai Dinas Desk).",
        )
        text = "\n".join([*(f"{i}. {n}" for i, n in enumerate(self.m.notes, start=1)), legend])
        h = self.text_height(text, right - left)
        self.out.cells.append(Cell(QRectF(left, y, right - left, h), text))
        self.out.cells[-1].fill = QColor("#FAFBFC")
        return y + h
