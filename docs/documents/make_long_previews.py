"""Pictures of every document type issued from long, worst-case input (issue 16), into panjang/.

    .venv/bin/python docs/documents/make_long_previews.py

A fresh SQLite office (the demo's people), every text field typed at its limit through the real
use cases (many lines, Latin with Arabic, CJK, Devanagari, emoji, combining marks and the font's
widest glyphs), the letterhead too; each document issued as the desks issue it (the Lembar
Disposisi and the Surat Tugas with their signatures), then its first two and last two pages
drawn by pdftoppm at 45 dpi in grey (named <document>-<pages>hlm-<page>.png), and both receipts
drawn from their ESC/POS bytes. Each long text ends in a word 'AKHIR...' so the end of every
field can be found on the paper.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from desktop.models import (  # noqa: E402
    IncomingLetter,
    Innovation,
    InnovationDocument,
    Nagari,
    PreparationCheck,
    Report,
    SopCase,
    Team,
    User,
    connection,
    migrations,
)
from desktop.printing.receipt_preview import preview_png  # noqa: E402
from desktop.services.demo.office import DEMO_PASSWORD, create_office, create_people  # noqa: E402
from desktop.services.documents import issue as documents  # noqa: E402
from desktop.services.documents import signing  # noqa: E402
from desktop.services.inovasi import steps as inovasi  # noqa: E402
from desktop.services.office import admin, reference_data  # noqa: E402
from desktop.services.office.reference_defaults import ensure_reference_data  # noqa: E402
from desktop.services.security.auth import session_for  # noqa: E402
from desktop.services.sijarla import recap, service_records  # noqa: E402
from desktop.services.sijarla import steps as sijarla  # noqa: E402
from desktop.services.sop.loader import load_sop_text  # noqa: E402
from desktop.services.sop.workflow import sop_row  # noqa: E402

OUT = Path(__file__).resolve().parent / "panjang"
TODAY = dt.date.today()
PARTS = (
    "Pelayanan dokumen kependudukan jemput bola",
    "محمد عبد الله",
    "王小明 東京都",
    "श्रीमती सीता देवी",
    "Siti 🌺 Rahmah 👩‍👩‍👧‍👦",
    "Nguye\u0302\u0303n Ṣalāḥ",
    "‱‱‱‱",
    "WWWWWWWWWWWWWWWW",
    "lansia, disabilitas & pemilih pemula <RT 3>",
)


def worst(limit: int, end: str, *, lines: bool = True) -> str:
    """Exactly `limit` characters: numbered lines (or one line) mixing every script, ending in `end`."""
    parts, out, n = itertools.cycle(PARTS), [], 1
    while sum(len(x) + 1 for x in out) < limit:
        out.append(f"{n}. {next(parts)} {next(parts)}" if lines else next(parts))
        n += 1
    text = ("\n" if lines else " ").join(out)[: limit - len(end) - 1].rstrip()
    return f"{text} {end}".ljust(limit, ".")[:limit]


def who(username: str):
    return session_for(User.get(User.username == username))


def office_at_its_limits() -> None:
    actor = who("admin")
    settings = admin.office_settings(actor)
    draft = admin.OfficeDraft(
        government=worst(120, "AKHIRPEMERINTAH", lines=False).upper(),
        agency=worst(160, "AKHIRDINAS", lines=False).upper(),
        address=worst(240, "AKHIRALAMAT", lines=False),
        phone="(0755) 31234, 31235, 31236, 0812 3456 7890, 0813 9876 5432 AKHIRTELEPON"[:60],
        email="disdukcapil@solokkab.go.id",
        website=worst(120, "AKHIRLAMAN", lines=False),
        city=worst(60, "AKHIRKOTA", lines=False),
        kabupaten_code="13.02",
        logo_png=None,
        paper_size="A4",
        idle_lock_minutes=10,
    )
    admin.update_office(actor, draft, settings.version)


def letter() -> int:
    draft = sijarla.LetterDraft(
        letter_number=worst(80, "AKHIRNOMOR", lines=False),
        letter_date=TODAY - dt.timedelta(days=2),
        sender=worst(160, "AKHIRPENGIRIM", lines=False),
        nagari_id=_nagari(),
        subject=worst(300, "AKHIRPERIHAL", lines=False),
        requested={c: 100_000 for c in ("ktp_rekam", "ktp_cetak", "kia", "akta_lahir", "kk_baru")},
        sifat="sangat_segera",
    )
    return sijarla.register_letter(who("meja"), draft).case_id


def _nagari() -> int:
    return Nagari.select().where(Nagari.name == "Koto Baru").order_by(Nagari.code).first().id


def signed_disposition(case_id: int) -> int:
    draft = sijarla.DispositionDraft(
        instructions=worst(4000, "AKHIRCATATAN"),
        team_id=Team.get(Team.name == "Tim SIJARLA I").id,
        deadline=TODAY + dt.timedelta(days=3),
        forwarded_to=worst(200, "AKHIRDITERUSKAN", lines=False),
        requests=("tanggapan_saran", "proses_lanjut", "koordinasi"),
        sifat="sangat_segera",
    )
    disposition_id = sijarla.save_disposition(who("kabid"), case_id, draft)
    signing.sign_disposition(who("kabid"), disposition_id, DEMO_PASSWORD, 1)
    return disposition_id


def signed_assignment(case_id: int) -> int:
    members = tuple(who(n).user_id for n in ("ketua1", "anggota1", "anggota2", "ketua2", "anggota3", "kph"))
    draft = sijarla.AssignmentDraft(
        members,
        worst(200, "AKHIRTEMPAT", lines=False),
        TODAY,
        TODAY + dt.timedelta(days=2),
        task=worst(2000, "AKHIRUNTUK"),
        basis=worst(2000, "AKHIRDASAR"),
        copies_to=worst(1000, "AKHIRTEMBUSAN"),
    )
    version = SopCase.get_by_id(case_id).version
    return signing.issue_assignment(who("kadis"), case_id, draft, DEMO_PASSWORD, version).id


def submitted_report(case_id: int) -> int:
    for row in PreparationCheck.select().where(PreparationCheck.case == case_id):
        sijarla.check_preparation(who("anggota1"), case_id, row.item, True, "", row.version)
    sijarla.finish_preparation(who("ketua1"), case_id, SopCase.get_by_id(case_id).version)
    codes = ["ktp_rekam"]
    for i in range(1, 13):
        name = worst(120, f"AKHIRKATEGORI{i}", lines=False)
        codes.append(reference_data.add_code(who("admin"), "kategori", f"panjang_{i}", name).code)
    for i, code in enumerate(codes * 2, start=1):
        draft = service_records.RecordDraft(
            nik=f"130203450751{i:04d}",
            full_name=worst(120, f"AKHIRNAMA{i}", lines=False),
            nagari_id=_nagari(),
            category=code,
            target_group="lansia",
            outcome="ditunda",
            served_on=TODAY,
            address=worst(240, "AKHIRALAMAT", lines=False),
            jorong=worst(80, "AKHIRJORONG", lines=False),
            outcome_reason=worst(300, "AKHIRALASAN", lines=False),
        )
        service_records.add_record(who("anggota1"), case_id, draft)
    report = sijarla.ReportDraft(
        worst(4000, "AKHIRPENDAHULUAN"),
        worst(8000, "AKHIRKEGIATAN"),
        worst(4000, "AKHIRSIMPULAN"),
        worst(2000, "AKHIRPENUTUP"),
    )
    sijarla.submit_report(who("ketua1"), case_id, report, SopCase.get_by_id(case_id).version)
    return Report.get(Report.case == case_id).id


def forwarded_recap() -> int:
    built = recap.build_recap(who("kph"), recap.period("bulan", TODAY.year, TODAY.month))
    recap.forward_recap(who("kph"), built.id, built.version, worst(2000, "AKHIRCATATANREKAP"))
    return built.id


def named_innovation() -> int:
    ids = {n: who(n).user_id for n in ("kadis", "kabidpdip", "kasi", "adb")}
    idea = inovasi.IdeaDraft(
        title=worst(200, "AKHIRJUDUL", lines=False),
        problem=worst(4000, "AKHIRMASALAH"),
        target=worst(2000, "AKHIRSASARAN"),
        pointers=worst(8000, "AKHIRPOINTERS"),
    )
    s = inovasi.propose_idea(who("kasi"), idea)
    s = inovasi.review_by_kabid(who("kabidpdip"), s.id, worst(20_000, "AKHIRTELAAH"), True, s.case_version)
    s = inovasi.review_by_kepala_dinas(who("kadis"), s.id, "Bahas dalam rapat.", s.case_version)
    people = (ids["kadis"], ids["kabidpdip"], ids["kasi"])
    meeting = inovasi.MeetingDraft(TODAY, "Aula", people, "ya", "Lanjut.")
    s = inovasi.decide_first_discussion(who("kadis"), s.id, meeting, s.case_version)
    inovasi.open_finalization(who("kasi"), s.id, TODAY, "Aula", (ids["kadis"], ids["kabidpdip"]))
    inovasi.approve_draft(who("kadis"), s.id, True)
    inovasi.approve_draft(who("kabidpdip"), s.id, True)
    s = inovasi.finish_finalization(who("kasi"), s.id, ("notulen.pdf", b"%PDF-1.4\n"), s.case_version)
    concept = inovasi.FinalConcept(*(worst(4000, f"AKHIR{h.upper()}") for _f, h in inovasi.CONCEPT_SECTIONS))
    s = inovasi.record_technical_discussion(
        who("adb"), s.id, concept, (ids["kasi"], ids["adb"]), s.case_version
    )
    name = (worst(120, "AKHIRNAMA", lines=False), worst(400, "AKHIRMAKNA", lines=False))
    inovasi.decide_name(who("kadis"), s.id, [name], name[0], s.case_version)
    return s.id


def long_sop() -> int:
    """The SIJARLA SOP file with long lists and a long first activity, as the loader accepts it."""
    source = (ROOT / "desktop" / "resources" / "sop" / "sijarla.toml").read_text(encoding="utf-8")
    text = source.replace('code = "sijarla"', 'code = "sijarla_panjang"', 1)
    for key in ("legal_basis", "related_sops", "equipment", "warnings", "recording", "notes"):
        items = ", ".join(_toml(worst(600, f"AKHIR{key.upper()}{i}", lines=False)) for i in range(1, 9))
        pattern = rf"^{key} = \[.*?\]$"
        text = re.sub(pattern, lambda _m, k=key, v=items: f"{k} = [{v}]", text, count=1, flags=re.M | re.S)
    activity = _toml(worst(3000, "AKHIRKEGIATANSOP", lines=False))
    text = re.sub(r'^activity = ".*"$', lambda _m: f"activity = {activity}", text, count=1, flags=re.M)
    return sop_row(load_sop_text(text, "sijarla_panjang.toml")).id


def _toml(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)  # JSON's escapes are TOML's for this text


def draw(name: str, pdf: bytes, pages: int, work: Path) -> None:
    """The first two and the last two pages: the kop and the first break, the end and the signature."""
    source = work / f"{name}.pdf"
    source.write_bytes(pdf)
    for first, last in {(1, min(2, pages)), (max(1, pages - 1), pages)}:
        command = ["pdftoppm", "-r", "45", "-gray", "-png", "-f", str(first), "-l", str(last)]
        subprocess.run([*command, str(source), str(OUT / f"{name}-{pages}hlm")], check=True)


def main() -> None:
    OUT.mkdir(exist_ok=True)
    for old in OUT.glob("*.png"):
        old.unlink()
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        connection.initialize(f"sqlite:///{work / 'panjang.sqlite3'}")
        migrations.upgrade()
        ensure_reference_data()
        create_office()
        create_people()
        office_at_its_limits()
        case_id = letter()
        disposition_id = signed_disposition(case_id)
        assignment_id = signed_assignment(case_id)
        report_id = submitted_report(case_id)
        recap_id = forwarded_recap()
        innovation_id = named_innovation()
        letter_row = IncomingLetter.get(IncomingLetter.case == case_id).id
        issued = {
            "tanda_terima": (who("meja"), "tanda_terima", letter_row),
            "lembar_disposisi": (who("kabid"), "disposisi", disposition_id),
            "surat_tugas": (who("kadis"), "surat_tugas", assignment_id),
            "laporan_pelaksanaan": (who("ketua1"), "laporan", report_id),
            "rekapitulasi": (who("kph"), "rekap", recap_id),
            "profil_inovasi": (who("kasi"), "profil_inovasi", innovation_id),
            "sop": (who("kadis"), "sop", long_sop()),
        }
        for kind in ("ide", "telaah_kabid"):
            doc = InnovationDocument.get(
                (InnovationDocument.innovation == innovation_id) & (InnovationDocument.step_code == kind)
            )
            issued[f"dokumen_inovasi_{kind}"] = (who("kasi"), "dokumen_inovasi", doc.id)
        for name, (actor, doc_type, source_id) in issued.items():
            info = documents.issue_document(actor, doc_type, source_id)
            draw(name, documents.get_document(actor, info.id), info.page_count, work)
            print(f"{name}: {info.page_count} halaman")
        # The Surat Tugas again, signed in the app, its QR pointing to the office's verification page.
        admin_user = who("admin")
        settings = admin.document_signing(admin_user)
        modes = {row.doc_type: row.mode for row in settings.modes} | {"surat_tugas": "aplikasi"}
        admin.update_document_signing(
            admin_user, modes, "https://disdukcapil.solokkab.go.id/verifikasi", settings.version
        )
        info = documents.issue_document(who("kadis"), "surat_tugas", assignment_id)
        draw("surat_tugas_di_aplikasi", documents.get_document(who("kadis"), info.id), info.page_count, work)
        print(f"surat_tugas_di_aplikasi: {info.page_count} halaman")
        for width in (58, 80):
            info = documents.issue_document(who("meja"), documents.RECEIPT, letter_row, receipt_width=width)
            raw = documents.get_document(who("meja"), info.id)
            (OUT / f"struk_{width}mm.png").write_bytes(preview_png(raw, width))
        assert Innovation.get_by_id(innovation_id).chosen_name
        connection.close()


if __name__ == "__main__":
    main()
