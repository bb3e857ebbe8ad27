"""Documents and launch beside the floor of their libraries: what the app adds to reportlab and Qt.

    .venv/bin/python bench/bench_app.py                  # both, on a throwaway SQLite database
    .venv/bin/python bench/bench_app.py --runs 7 --db sqlite:///path/bench.sqlite3

measure_documents(url) seeds a database through the app's own services (the demo office, one
SIJARLA case walked to its submitted Laporan, the records added one by one with add_record), then
renders the Surat Tugas and the Laporan through desktop.printing (the data gathered by the documents
service, as when a document is issued) beside the same words set with plain platypus: paragraphs and
a table of plain strings in the same fonts, on the same paper, in as many pages. The Laporan holds
as many records as fill 50 pages.

measure_launch() starts the app as a subprocess (bench/launch_probe.py) on a fresh data folder with
the offscreen platform, beside a bare PySide6 window, and times the first paint of the login window,
and of the main window after a login. The probe watches paint events from outside the app's code, so
it measures any checkout.

Every function is free of side effects at import; measure_documents leaves the peewee database
initialised on `url` (the app's one DatabaseProxy).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
for _folder in (ROOT, ROOT / "bench"):
    if str(_folder) not in sys.path:
        sys.path.insert(0, str(_folder))

from bench_launch import measure_launch  # noqa: E402  (bench/ is on sys.path from here on)

__all__ = ["measure_documents", "measure_launch", "main"]

LAPORAN_PAGES = 50
FIRST_GUESS = 1300  # records; about 27 fit on a page of the Laporan's table
MAX_BLANK_PAGES = 1
DOC_TARGETS = {"surat_tugas_pdf": 3.0, "laporan_50_pages_pdf": 2.0}


def paired_medians(app: Callable[[], object], limit: Callable[[], object], runs: int) -> tuple[float, float]:
    """Median ms of each after a warm-up of both, the two run in turn: a load that comes and goes on a
    shared machine weighs on both alike."""
    app(), limit()
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(runs):
        for fn, out in ((app, times[0]), (limit, times[1])):
            start = time.perf_counter()
            fn()
            out.append((time.perf_counter() - start) * 1000)
    return statistics.median(times[0]), statistics.median(times[1])


def page_count(pdf: bytes) -> int:
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    try:
        return len(document)
    finally:
        document.close()


# --- Seeding through the services ----------------------------------------------------------------


def _seed_office(url: str) -> None:
    """Migrate and, unless the database already holds it (one seeded by bench_data), add the demo office."""
    from desktop.models import User, connection, migrations
    from tests.db.factories import make_office

    connection.initialize(url)
    migrations.upgrade()
    if not User.select().where(User.username == "anggota1").exists():
        make_office()


def _case_with_report(records: int) -> tuple[int, int]:
    """A new case walked through its steps with `records` services: (assignment letter id, report id)."""
    from desktop.models import AssignmentLetter, PreparationCheck, Report, SopCase
    from desktop.services.sijarla import service_records
    from desktop.services.sijarla import steps as sijarla
    from tests.db.factories import PASSWORD, letter_draft, session, team

    case_id = sijarla.register_letter(session("meja"), letter_draft()).case_id
    kabid = session("kabid")
    draft = sijarla.DispositionDraft("Laksanakan pelayanan jemput bola.", team().id, dt.date.today())
    disposition_id = sijarla.save_disposition(kabid, case_id, draft)
    sijarla.sign_disposition(kabid, disposition_id, PASSWORD, 1)
    ketua, anggota = session("ketua1"), session("anggota1")
    today = dt.date.today()
    assignment = sijarla.AssignmentDraft(
        (ketua.user_id, anggota.user_id), "Kantor Wali Nagari Koto Baru", today, today
    )
    sijarla.issue_assignment(
        session("kadis"), case_id, assignment, PASSWORD, SopCase.get_by_id(case_id).version
    )
    for item in PreparationCheck.select().where(PreparationCheck.case == case_id):
        sijarla.check_preparation(anggota, case_id, item.item, True, "siap", item.version)
    sijarla.finish_preparation(ketua, case_id, SopCase.get_by_id(case_id).version)
    for i in range(records):
        service_records.add_record(anggota, case_id, _record(i))
    report = sijarla.ReportDraft(
        "Menindaklanjuti surat permohonan Wali Nagari Koto Baru dan Surat Tugas Kepala Dinas.",
        "Perekaman KTP-el, penerbitan KIA, akta kelahiran dan perubahan KK bagi warga nagari.",
        "Pelayanan berjalan lancar; penduduk yang tidak hadir dijadwalkan ulang.",
    )
    sijarla.submit_report(ketua, case_id, report, SopCase.get_by_id(case_id).version)
    letter = (
        AssignmentLetter.select().where(AssignmentLetter.case == case_id).order_by(AssignmentLetter.id.desc())
    )
    return letter.first().id, Report.get(Report.case == case_id).id


_NAMES = "Siti Rahmah|Syafrizal Chaniago|Nurhayati Piliang|Ahmad Tanjung|Desi Koto|Joni Sikumbang".split("|")
_CATEGORIES = ("ktp_rekam", "kia", "akta_lahir", "kk_perubahan", "ikd")
_OUTCOMES = ("selesai", "selesai", "selesai", "gagal_rekam", "tidak_hadir")
_GROUPS = ("lansia", "umum", "disabilitas", "umum")


def _record(i: int):
    from desktop.services.sijarla import service_records
    from tests.db.factories import nagari

    day = 1 + i % 28 + (40 if i % 2 else 0)  # women's NIKs add 40 to the day of birth
    nik = f"130203{day:02d}{1 + i % 12:02d}{50 + i % 40:02d}{i + 1:04d}"
    outcome = _OUTCOMES[i % len(_OUTCOMES)]
    return service_records.RecordDraft(
        nik=nik,
        full_name=f"{_NAMES[i % len(_NAMES)]} {i + 1}",
        nagari_id=nagari().id,
        category=_CATEGORIES[i % len(_CATEGORIES)],
        target_group=_GROUPS[i % len(_GROUPS)],
        outcome=outcome,
        served_on=dt.date.today(),
        address=f"Jl. Lintas Sumatera No. {i % 90 + 1}",
        jorong="Jorong Koto Baru",
        outcome_reason="Sidik jari tidak terbaca" if outcome == "gagal_rekam" else "",
    )


def _gathered(doc_type: str, source_id: int):
    """The document as the documents service gathers it to issue it, with a verification stamp."""
    from dataclasses import replace

    from desktop.models.base import now
    from desktop.printing import data as P
    from desktop.services.documents.gathering import _gather
    from desktop.services.documents.letterhead import _office

    office = _office()
    doc = _gather(doc_type, source_id, office, 0).doc
    stamp = P.Verification("K7MPX2QR9T", now(), "Yuliani Fitri, A.Md", url="https://disdukcapil.example/v")
    return replace(doc, verification=stamp, number=doc.number or "400.12/002/LAP-SJL/Disdukcapil/2026"), (
        office.paper_size
    )


# --- Plain platypus: the same words ------------------------------------------------------------


def _plain_fonts() -> tuple[str, str]:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    from desktop.config import resource_dir

    if "PlainSans" not in pdfmetrics.getRegisteredFontNames():
        folder = resource_dir() / "fonts"
        pdfmetrics.registerFont(TTFont("PlainSans", str(folder / "DejaVuSans.ttf")))
        pdfmetrics.registerFont(TTFont("PlainSans-Bold", str(folder / "DejaVuSans-Bold.ttf")))
    return "PlainSans", "PlainSans-Bold"


def plain_pdf(
    before: list[tuple[str, bool]],
    rows: list[list[str]],
    widths: list[float],
    after: list[tuple[str, bool]],
    paper: str,
    blank_pages: int = 0,
) -> bytes:
    """Paragraphs (text, bold), a table of plain strings wrapped with simpleSplit from the next page on,
    paragraphs, on A4/F4; then `blank_pages` empty pages (to reach the app's page count)."""
    import io

    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.lib.utils import simpleSplit
    from reportlab.platypus import LongTable, PageBreak, Paragraph, SimpleDocTemplate, Spacer, TableStyle
    from reportlab.platypus.flowables import Flowable

    font, bold = _plain_fonts()
    size = A4 if paper == "A4" else (215 * mm, 330 * mm)
    out = io.BytesIO()
    doc = SimpleDocTemplate(
        out,
        pagesize=size,
        leftMargin=25 * mm,
        rightMargin=20 * mm,
        topMargin=15 * mm,
        bottomMargin=20 * mm,
        invariant=1,
        initialFontName=font,
    )
    body = ParagraphStyle("b", fontName=font, fontSize=10.5, leading=13.9)
    strong = ParagraphStyle("s", parent=body, fontName=bold)
    story: list[Flowable] = [Paragraph(_escape(t), strong if b else body) for t, b in before]
    if rows:
        data = [
            ["\n".join(simpleSplit(c, font, 7.5, w - 6)) for c, w in zip(r, widths, strict=True)]
            for r in rows
        ]
        table = LongTable(data, colWidths=widths, repeatRows=1)
        table.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), font),
                    ("FONTSIZE", (0, 0), (-1, -1), 7.5),
                    ("LEADING", (0, 0), (-1, -1), 9),
                    ("GRID", (0, 0), (-1, -1), 0.5, "black"),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("TOPPADDING", (0, 0), (-1, -1), 2),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                    ("LEFTPADDING", (0, 0), (-1, -1), 3),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 3),
                ]
            )
        )
        story += [PageBreak(), table]
    story += [Paragraph(_escape(t), strong if b else body) for t, b in after]
    story += [PageBreak(), Spacer(1, 1)] * blank_pages
    doc.build(story)
    return out.getvalue()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "<br/>")


def _letterhead_words(head) -> list[tuple[str, bool]]:
    lines = [(head.government.upper(), True), (head.agency.upper(), True)]
    return lines + [(x, False) for x in (head.address, head.contact_line) if x]


def _sign_words(signer, place: str) -> list[tuple[str, bool]]:
    return [
        (place, False),
        (signer.title + ",", False),
        (signer.name, True),
        (signer.pangkat, False),
        (f"NIP. {signer.nip}", False),
    ]


def assignment_words(doc) -> tuple[list[tuple[str, bool]], list, list, list]:
    """The Surat Tugas's words, in order, as paragraphs (no table)."""
    words = [*_letterhead_words(doc.letterhead), ("SURAT TUGAS", True), (f"Nomor: {doc.number}", False)]
    words += [(f"Dasar: {i}. {b}", False) for i, b in enumerate(doc.basis, 1)] + [("MEMBERI TUGAS", True)]
    for i, m in enumerate(doc.members, 1):
        words.append(
            (
                f"{i}. Nama: {m.name} NIP: {m.nip} Pangkat/Gol.: {m.pangkat_golongan} Jabatan: {m.jabatan}",
                False,
            )
        )
    words += [
        (f"Untuk: {doc.task}", False),
        (f"Tempat: {doc.place}", False),
        (f"Waktu: {doc.start_on}", False),
    ]
    words += [("Demikian Surat Tugas ini dibuat untuk dilaksanakan dengan penuh tanggung jawab.", False)]
    words += _sign_words(doc.signer, f"{doc.letterhead.city}, {doc.signed_on}")
    copies = [(f"{i}. {c}", False) for i, c in enumerate(doc.copies_to, 1)]
    return words + [("Tembusan:", False), *copies], [], [], []


def report_words(
    doc, paper: str
) -> tuple[list[tuple[str, bool]], list[list[str]], list[float], list[tuple[str, bool]]]:
    """The Laporan's words: paragraphs before its records table, its rows and widths, paragraphs after."""
    from reportlab.lib.units import mm

    words = [*_letterhead_words(doc.letterhead), (doc.title, True), (f"Nomor: {doc.number}", False)]
    words += [
        (f"Nomor berkas: {doc.case_reference}", False),
        (f"Nagari: {doc.nagari}", False),
        (f"Tim: {doc.team}", False),
        ("A. Pendahuluan", True),
        (doc.introduction, False),
        ("B. Kegiatan yang dilaksanakan", True),
        (doc.activities, False),
        ("C. Hasil yang dicapai", True),
    ]
    words += [(f"{t.category}: {t.total} orang, {t.served} selesai", False) for t in doc.totals]
    words += [(f"{name}: {n}", False) for name, n in doc.outcomes]
    words += [("3. Data pelayanan by name by address:", False)]
    closing = [
        ("D. Simpulan dan saran", True),
        (doc.conclusion, False),
        ("E. Penutup", True),
        (doc.closing, False),
    ]
    sign = _sign_words(doc.signer, f"{doc.letterhead.city}, {doc.signed_on}")
    rows = [["No", "NIK", "Nama", "Alamat", "Kategori", "Sasaran", "Hasil / keterangan"]]
    for i, r in enumerate(doc.records, 1):
        outcome = f"{r.outcome}: {r.reason}" if r.reason else r.outcome
        rows.append([str(i), r.nik, r.name, r.address, r.category, r.target_group, outcome])
    widths = [8 * mm, 28.5 * mm, 31 * mm, 0.0, 24 * mm, 17 * mm, 25 * mm]
    widths[3] = (210 if paper == "A4" else 215) * mm - 45 * mm - sum(widths)  # the text width
    return words, rows, widths, closing + sign


# --- Documents -------------------------------------------------------------------------------


def measure_documents(url: str, runs: int = 5) -> list[dict]:
    """A Surat Tugas and a 50-page Laporan through the app, each beside plain platypus (median of `runs`)."""
    from desktop.printing.letters import render

    _seed_office(url)
    backend = url.split(":", 1)[0]
    records, (letter_id, report_id) = FIRST_GUESS, _case_with_report(FIRST_GUESS)
    for attempt in range(4):  # each try a new case: a submitted Laporan takes no more records
        report, paper = _gathered("laporan", report_id)
        pages = render(report, paper).page_count
        if pages == LAPORAN_PAGES:
            break
        if attempt == 3:
            raise RuntimeError(f"No Laporan of {LAPORAN_PAGES} pages ({records} records: {pages} pages)")
        per_page = records / max(pages - 0.5, 1)
        records = max(1, round(records + (LAPORAN_PAGES - pages) * per_page))
        _, report_id = _case_with_report(records)
    assignment, _ = _gathered("surat_tugas", letter_id)
    out = []
    for name, doc, plain in (
        ("surat_tugas_pdf", assignment, partial(plain_pdf, *assignment_words(assignment), paper=paper)),
        ("laporan_50_pages_pdf", report, partial(plain_pdf, *report_words(report, paper), paper=paper)),
    ):
        app_pages = render(doc, paper).page_count
        blank = app_pages - page_count(plain())
        # The plain story's front matter is shorter than the letter's: at most a page of padding.
        assert 0 <= blank <= MAX_BLANK_PAGES, f"{name}: app {app_pages} pages, plain {app_pages - blank}"
        plain = partial(plain, blank_pages=blank)
        assert page_count(plain()) == app_pages
        app_ms, limit_ms = paired_medians(partial(render, doc, paper), plain, runs)
        rows = len(getattr(doc, "records", ())) or 1
        out.append(
            dict(
                name=name,
                backend=backend,
                rows=rows,
                pages=app_pages,
                plain_blank_pages=blank,
                app_ms=round(app_ms, 1),
                limit_ms=round(limit_ms, 1),
                ratio=round(app_ms / limit_ms, 2),
                target_ratio=DOC_TARGETS[name],
                runs=runs,
            )
        )
    return out


# --- Table -------------------------------------------------------------------------------------


def table(results: list[dict]) -> str:
    head = f"{'name':<22} {'backend':<8} {'rows':>6} {'app ms':>9} {'limit ms':>9} {'ratio':>6} {'target':>8}"
    lines = [head, "-" * len(head)]
    for r in results:
        target = (
            f"{r['target_ratio']:.1f}x" if r.get("target_ratio") else f"+{r.get('target_ms_over_limit')} ms"
        )
        ok = r["app_ms"] <= (
            r["limit_ms"] * r["target_ratio"]
            if r.get("target_ratio")
            else r["limit_ms"] + r["target_ms_over_limit"]
        )
        lines.append(
            f"{r['name']:<22} {r['backend']:<8} {r['rows']:>6} {r['app_ms']:>9.1f} {r['limit_ms']:>9.1f} "
            f"{r['ratio'] or 0:>6.2f} {target:>8} {'ok' if ok else 'OVER'}"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--db", help="peewee URL for the documents (default: a throwaway SQLite file)")
    parser.add_argument("--only", choices=("documents", "launch"))
    args = parser.parse_args(argv)
    results: list[dict] = []
    with tempfile.TemporaryDirectory(prefix="bench-app-") as work:
        if args.only != "launch":
            results += measure_documents(
                args.db or f"sqlite:///{Path(work) / 'documents.sqlite3'}", args.runs
            )
        if args.only != "documents":
            results += measure_launch(args.runs)
    print(table(results))
    return 0


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    raise SystemExit(main())
