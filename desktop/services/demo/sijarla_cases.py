"""Demo SIJARLA cases at every step (some late), a few hundred service records, recaps.

Everything goes through the real use cases, so the demo database holds exactly what
the office's own work would leave behind: step history, numbers, audit lines.
"""

from __future__ import annotations

import datetime as dt
import random

from desktop.models import Nagari, PreparationCheck, SopCase, Team, User
from desktop.services.demo.accounts import DEMO_PASSWORD
from desktop.services.demo.innovations import create_innovations
from desktop.services.documents import signing
from desktop.services.security.auth import session_for
from desktop.services.sijarla import recap
from desktop.services.sijarla import steps as sijarla
from desktop.services.sijarla.record_import import import_records
from desktop.services.sop.workflow import office_calendar

FIRST_NAMES_M = (
    "Ahmad Rizki Fauzan Hendra Irwan Joni Khairul Mardi Nasrul Rudi Syahrial Yusri Zulhendri Afrizal".split()
)
FIRST_NAMES_F = (
    "Aisyah Desi Fitri Hasnah Ernawati Lusi Murni Nurhayati Rosmaniar Sri Wati Yulia Zuraida Rahmi".split()
)
LAST_NAMES = (
    "Chaniago Piliang Tanjung Koto Sikumbang Jambak Caniago Melayu Guci Sinaga Pitopang Bendang".split()
)
JORONG = ("Jorong Koto", "Jorong Balai", "Jorong Pasar", "Jorong Tanjung", "Jorong Kampung Tangah")
# category code, target group, outcome, reason
SERVICES = [
    ("ktp_rekam", "lansia", "selesai", ""),
    ("ktp_rekam", "disabilitas", "selesai", ""),
    ("ktp_rekam", "sakit", "gagal_rekam", "Sidik jari tidak terbaca"),
    ("ktp_rekam", "pemilih_pemula", "selesai", ""),
    ("ktp_cetak", "umum", "selesai", ""),
    ("kia", "umum", "selesai", ""),
    ("kk_perubahan", "umum", "selesai", ""),
    ("akta_lahir", "umum", "selesai", ""),
    ("akta_mati", "umum", "ditunda", "Surat keterangan kematian dari nagari belum ada"),
    ("ikd", "pemilih_pemula", "selesai", ""),
    ("ktp_rekam", "odgj", "tidak_hadir", ""),
    ("ktp_rekam", "lansia", "sudah_punya", ""),
]
HEADER = [
    "NIK",
    "Nama",
    "KK",
    "Alamat",
    "Jorong",
    "Nagari",
    "Kategori",
    "Sasaran",
    "Hasil",
    "Alasan",
    "Tanggal",
]


class _Demo:
    def __init__(self, today: dt.date) -> None:
        self.today = today
        self.rng = random.Random(20261121)
        self.calendar = office_calendar()
        users = {u.username: u for u in User.select()}
        self.s = {name: session_for(user) for name, user in users.items()}
        self.teams = {t.name: t for t in Team.select()}
        self.nagari = list(
            Nagari.select()
            .join_from(Nagari, Nagari.kecamatan.rel_model)
            .where(Nagari.code.startswith("13.02"))
            .order_by(Nagari.code)
        )

    def back(self, working_days: int) -> dt.date:
        day = self.today
        while working_days > 0:
            day -= dt.timedelta(days=1)
            if self.calendar.is_working_day(day):
                working_days -= 1
        return day

    def letter(self, nagari: Nagari, received: dt.date, n: int) -> sijarla.LetterReceipt:
        wants = self.rng.sample(["ktp_rekam", "kia", "akta_lahir", "kk_perubahan", "ikd"], 2)
        draft = sijarla.LetterDraft(
            letter_number=f"140/{self.rng.randint(10, 99)}/WN-{nagari.name[:3].upper()}/{received.year}",
            letter_date=received - dt.timedelta(days=self.rng.randint(1, 4)),
            sender=f"Wali Nagari {nagari.name}",
            nagari_id=nagari.id,
            subject=f"Permohonan pelayanan SIJARLA di Nagari {nagari.name}",
            requested={wants[0]: 10 + 5 * n, wants[1]: 5 + n},
            sifat=self.rng.choice(["biasa", "segera"]),
            scan=sijarla.ScanFile(
                f"surat-permohonan-{nagari.name.lower().replace(' ', '-')}.pdf", _demo_pdf(nagari)
            ),
        )
        return sijarla.register_letter(self.s["meja"], draft, on=received)

    def dispose(self, case_id: int, team: str, day: dt.date) -> None:
        draft = sijarla.DispositionDraft(
            instructions=f"Tugaskan {team} untuk pelayanan jemput bola sesuai permohonan. "
            "Utamakan lansia dan penyandang disabilitas; koordinasikan jadwal dengan Wali Nagari.",
            team_id=self.teams[team].id,
            deadline=self.calendar.add_working_days(day, 3),
            requests=("proses_lanjut", "koordinasi"),
        )
        d_id = sijarla.save_disposition(self.s["kabid"], case_id, draft, on=day)
        signing.sign_disposition(self.s["kabid"], d_id, DEMO_PASSWORD, 1, on=day)

    def assign(self, case_id: int, team: str, day: dt.date) -> None:
        case = SopCase.get_by_id(case_id)
        members = tuple(m.user_id for m in sorted(self.teams[team].members, key=lambda m: not m.is_leader))
        draft = sijarla.AssignmentDraft(members, f"Kantor Wali Nagari {case.nagari.name}", day, day)
        signing.issue_assignment(self.s["kadis"], case_id, draft, DEMO_PASSWORD, case.version, on=day)

    def prepare(self, case_id: int, team: str, day: dt.date, items: int = 3) -> None:
        member = "anggota1" if team == "Tim SIJARLA I" else "anggota3"
        rows = PreparationCheck.select().where(PreparationCheck.case == case_id).order_by(PreparationCheck.id)
        for row in list(rows)[:items]:
            sijarla.check_preparation(self.s[member], case_id, row.item, True, "Sudah dicek", row.version)
        if items == 3:
            leader = "ketua1" if team == "Tim SIJARLA I" else "ketua2"
            sijarla.finish_preparation(self.s[leader], case_id, SopCase.get_by_id(case_id).version, on=day)

    def serve(self, case_id: int, team: str, day: dt.date, people: int) -> None:
        nagari = SopCase.get_by_id(case_id).nagari
        assert nagari is not None, "demo cases all come from a nagari"
        rows = [HEADER] + [self.person_row(nagari, day) for _ in range(people)]
        leader = "ketua1" if team == "Tim SIJARLA I" else "ketua2"
        import_records(self.s[leader], case_id, rows, import_clean_rows=True)

    def person_row(self, nagari: Nagari, day: dt.date) -> list:
        female = self.rng.random() < 0.55
        birth = dt.date(1940, 1, 1) + dt.timedelta(days=self.rng.randint(0, 365 * 66))
        kec = nagari.code[:8].replace(".", "")
        nik = f"{kec}{birth.day + (40 if female else 0):02d}{birth:%m%y}{self.rng.randint(1, 9999):04d}"
        kk = f"{kec}{self.rng.randint(1, 28):02d}{self.rng.randint(1, 12):02d}{self.rng.randint(0, 99):02d}"
        kk += f"{self.rng.randint(1, 9999):04d}"
        first = self.rng.choice(FIRST_NAMES_F if female else FIRST_NAMES_M)
        category, group, outcome, reason = self.rng.choice(SERVICES)
        jorong = self.rng.choice(JORONG)
        return [
            nik,
            f"{first} {self.rng.choice(LAST_NAMES)}",
            kk,
            f"{jorong}, Nagari {nagari.name}",
            jorong,
            nagari.code,
            category,
            group,
            outcome,
            reason,
            day.isoformat(),
        ]

    def full_run(
        self, nagari: Nagari, team: str, received: dt.date, served: dt.date, people: int, i: int
    ) -> None:
        receipt = self.letter(nagari, received, i)
        self.dispose(receipt.case_id, team, received)
        self.assign(receipt.case_id, team, served)
        self.prepare(receipt.case_id, team, served)
        self.serve(receipt.case_id, team, served, people)
        self.report(receipt.case_id, team, served)

    def report(self, case_id: int, team: str, day: dt.date) -> None:
        leader = "ketua1" if team == "Tim SIJARLA I" else "ketua2"
        case = SopCase.get_by_id(case_id)
        draft = sijarla.ReportDraft(
            introduction=f"Menindaklanjuti Surat Permohonan Wali Nagari {case.nagari.name} dan Surat Tugas "
            "Kepala Dinas, Tim SIJARLA melaksanakan pelayanan dokumen kependudukan di nagari.",
            activities="Perekaman KTP-el, penerbitan KIA, akta kelahiran dan perubahan KK, "
            "serta aktivasi IKD bagi penduduk yang didata oleh pemerintah nagari.",
            conclusion="Pelayanan berjalan lancar. Disarankan jadwal ulang bagi penduduk yang tidak hadir.",
        )
        sijarla.submit_report(self.s[leader], case_id, draft, case.version, on=day)


def _demo_pdf(nagari: Nagari) -> bytes:
    text = f"Surat Permohonan Wali Nagari {nagari.name}".encode("latin-1", "replace")
    stream = b"BT /F1 14 Tf 72 760 Td (" + text + b") Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def create_cases(today: dt.date) -> None:
    """Cases at every SIJARLA step, some late; finished ones summed up in a recap."""
    demo = _Demo(today)
    n = demo.nagari
    one, two = "Tim SIJARLA I", "Tim SIJARLA II"
    # Finished and summed up in a recap that waits for the Kepala Dinas; one of them was late.
    for i, (nagari, team, lag) in enumerate(
        [(n[3], one, 1), (n[9], two, 2), (n[15], one, 5), (n[22], two, 3)]
    ):
        received = demo.back(12 + 4 * i)
        served = demo.calendar.add_working_days(received, lag)
        demo.full_run(nagari, team, received, served, 45 + 10 * i, i)
    start = demo.back(30)
    built = recap.build_recap(demo.s["kph"], recap.period("bebas", start.year, start=start, end=today))
    recap.forward_recap(demo.s["kph"], built.id, built.version)
    recap.submit_recap(demo.s["kabidpdip"], built.id, built.version + 1)
    # Waiting for the recap: the team's report is in.
    for i, (nagari, team) in enumerate([(n[30], one), (n[36], two)]):
        demo.full_run(nagari, team, demo.back(3 + i), demo.back(1), 30 + 8 * i, 4 + i)
    # In the field: records being typed.
    receipt = demo.letter(n[41], demo.back(2), 6)
    demo.dispose(receipt.case_id, one, demo.back(2))
    demo.assign(receipt.case_id, one, demo.back(1))
    demo.prepare(receipt.case_id, one, demo.back(1))
    demo.serve(receipt.case_id, one, today, 24)
    # Preparing: one checklist half done, one late.
    for nagari, team, age, items in [(n[47], two, 2, 1), (n[52], one, 6, 2)]:
        receipt = demo.letter(nagari, demo.back(age), 7)
        demo.dispose(receipt.case_id, team, demo.back(age))
        demo.assign(receipt.case_id, team, demo.back(age - 1))
        demo.prepare(receipt.case_id, team, today, items)
    # Waiting for the Surat Tugas.
    for nagari, age in [(n[57], 1), (n[60], 4)]:
        receipt = demo.letter(nagari, demo.back(age), 8)
        demo.dispose(receipt.case_id, two, demo.back(age))
    # Waiting for the Kabid's disposition: fresh, due today, late; and one from the analysis.
    for nagari, age in [(n[63], 0), (n[66], 3), (n[69], 7)]:
        demo.letter(nagari, demo.back(age), 9)
    sijarla.open_from_analysis(demo.s["kadis"], n[71].id, "Perekaman KTP-el lansia baru 58% (SIAK, Oktober).")
    # Returned to the front desk for a missing attachment.
    receipt = demo.letter(n[72], demo.back(1), 3)
    case = SopCase.get_by_id(receipt.case_id)
    reason = "Daftar nama calon penerima layanan belum dilampirkan."
    sijarla.return_request(demo.s["kabid"], case.id, reason, case.version)
    create_innovations(demo.s, demo.back)
