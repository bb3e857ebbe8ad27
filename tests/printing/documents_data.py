"""Ready-made documents for printing tests: the demo office's letters, with no database."""

from __future__ import annotations

import datetime as dt
import io

from desktop.printing.data import (
    AssignedMember,
    AssignmentDoc,
    CategoryTotal,
    DispositionDoc,
    ElectronicSignOff,
    InnovationProfileDoc,
    InnovationStepDoc,
    InnovationTimelineLine,
    Letterhead,
    MatrixLine,
    Official,
    RecapDoc,
    ReceiptDoc,
    ReportDoc,
    ServiceLine,
    SopMatrixDoc,
    Verification,
)

RECEIVED = dt.datetime(2026, 11, 16, 9, 15)
SIGNED = dt.datetime(2026, 11, 16, 14, 2, 31)
SIGNATURE = "3f2a9c0d41b7e6558a0c2d9e7f1b3a4c5d6e7f8091a2b3c4d5e6f708192a3b4c"
KADIS = Official(
    "Hendri Yusman, S.STP, M.Si",
    "197601302003121001",
    "Pembina Tk.I (IV/b)",
    "KEPALA DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL",
)
KABID = Official(
    "Dedi Syafrizal, S.Sos, M.Si",
    "197704212000031003",
    "Pembina (IV/a)",
    "Kepala Bidang Pelayanan Pendaftaran Penduduk",
)


def logo_png() -> bytes:
    """A plain emblem-shaped test image (the office's real emblem comes from its settings)."""
    from PIL import Image, ImageDraw

    img = Image.new("RGBA", (200, 240), (255, 255, 255, 0))
    draw = ImageDraw.Draw(img)
    draw.polygon([(100, 5), (195, 40), (180, 170), (100, 235), (20, 170), (5, 40)], fill=(30, 90, 50, 255))
    draw.ellipse((60, 70, 140, 150), fill=(230, 190, 40, 255))
    out = io.BytesIO()
    img.save(out, "PNG")
    return out.getvalue()


def letterhead(logo: bool = False) -> Letterhead:
    return Letterhead(
        government="PEMERINTAH KABUPATEN SOLOK",
        agency="DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL",
        address="Jl. Raya Solok - Padang Km. 20, Arosuka, Kec. Gunung Talang, Kabupaten Solok 27365",
        phone="(0755) 31234",
        email="disdukcapil@solokkab.go.id",
        website="disdukcapil.solokkab.go.id",
        city="Arosuka",
        logo_png=logo_png() if logo else None,
    )


def verification(code: str = "K7MPX2QR9T") -> Verification:
    return Verification(code, dt.datetime(2026, 11, 16, 15, 0), "Yuliani Fitri, A.Md")


def receipt(**overrides) -> ReceiptDoc:
    values = dict(
        letterhead=letterhead(),
        agenda_number="0007/AG/2026",
        tracking_code="SJ-7KQ2MX9P",
        received_at=RECEIVED,
        letter_number="140/27/WN-KB/2026",
        letter_date=dt.date(2026, 11, 13),
        sender="Wali Nagari Koto Baru",
        nagari="Koto Baru",
        kecamatan="Kubung",
        subject="Permohonan pelayanan jemput bola KTP-el bagi lansia dan disabilitas",
        due_on=dt.date(2026, 11, 19),
        requested=(("KTP-el perekaman", 25), ("KIA (Kartu Identitas Anak)", 10)),
        case_reference="SJL-2026-0007",
        received_by=Official(
            "Yuliani Fitri, A.Md", "199203152015032004", "Pengatur (II/c)", "Pengadministrasi Umum"
        ),
        sla_days=3,
        verification=verification(),
    )
    values.update(overrides)
    return ReceiptDoc(**values)


def disposition(**overrides) -> DispositionDoc:
    values = dict(
        letterhead=letterhead(),
        number="0003/DISP/Disdukcapil/2026",
        letter_from="Wali Nagari Koto Baru",
        letter_number="140/27/WN-KB/2026",
        letter_date=dt.date(2026, 11, 13),
        received_on=RECEIVED.date(),
        agenda_number="0007/AG/2026",
        sifat="segera",
        subject="Permohonan pelayanan jemput bola KTP-el bagi lansia dan disabilitas",
        forwarded_to="Ketua Tim SIJARLA",
        requests=(
            ("Tanggapan dan saran", False),
            ("Proses lebih lanjut", True),
            ("Koordinasi / konfirmasikan", True),
            ("Untuk diketahui", False),
            ("Siapkan tim dan jadwal", False),
        ),
        instructions="Tugaskan Tim SIJARLA I untuk pelayanan jemput bola sesuai permohonan. "
        "Utamakan lansia dan penyandang disabilitas; koordinasikan jadwal dengan Wali Nagari.",
        deadline=dt.date(2026, 11, 19),
        team="Tim SIJARLA I",
        sign_off=ElectronicSignOff(KABID, SIGNED, SIGNATURE),
        verification=verification("D4HW8NB3XC"),
    )
    values.update(overrides)
    return DispositionDoc(**values)


MEMBERS = (
    AssignedMember(
        "Andi Saputra, S.E.", "198510072010011005", "Penata (III/c)", "Analis Data Kependudukan", True
    ),
    AssignedMember(
        "Rina Marlina, A.Md", "199006182014022003", "Pengatur Tk.I (II/d)", "Operator Perekaman KTP-el"
    ),
    AssignedMember("Fajar Ramadhan", "199411252019031006", "Pengatur Muda Tk.I (II/b)", "Operator SIAK"),
)


def assignment(**overrides) -> AssignmentDoc:
    values = dict(
        letterhead=letterhead(),
        number="400.12/004/ST/Disdukcapil/2026",
        basis=(
            "Standar Operasional Prosedur Inovasi SIJARLA (Sistem Kejar Bola)",
            "Surat Wali Nagari Koto Baru Nomor 140/27/WN-KB/2026 tanggal 13-11-2026 perihal Permohonan "
            "pelayanan jemput bola KTP-el bagi lansia dan disabilitas",
        ),
        members=MEMBERS,
        task="Melaksanakan pelayanan dokumen kependudukan (SIJARLA) di Nagari Koto Baru, mencatat setiap "
        "pelayanan by name by address, dan melaporkan hasilnya.",
        place="Kantor Wali Nagari Koto Baru",
        start_on=dt.date(2026, 11, 18),
        end_on=dt.date(2026, 11, 18),
        signed_on=dt.date(2026, 11, 17),
        signer=KADIS,
        copies_to=("Bupati Solok (sebagai laporan)", "Arsip"),
        sign_off=ElectronicSignOff(KADIS, dt.datetime(2026, 11, 17, 10, 5), SIGNATURE[::-1]),
        verification=verification("T9RB2KW7HM"),
    )
    values.update(overrides)
    return AssignmentDoc(**values)


NAMES = (
    "Siti Rahmah",
    "Syafrizal Chaniago",
    "Nurhayati Piliang",
    "Ahmad Tanjung",
    "Desi Koto",
    "Joni Sikumbang",
)
CATEGORIES = ("KTP-el perekaman", "KIA (Kartu Identitas Anak)", "Akta kelahiran", "KK perubahan")
OUTCOMES = ("Selesai", "Selesai", "Selesai", "Gagal rekam", "Tidak hadir")


def service_lines(count: int) -> tuple[ServiceLine, ...]:
    lines = []
    for i in range(count):
        outcome = OUTCOMES[i % len(OUTCOMES)]
        lines.append(
            ServiceLine(
                nik=f"130203{(i % 28) + 41:02d}0{(i % 9) + 1}5{(i % 10)}{i + 1:04d}",
                name=f"{NAMES[i % len(NAMES)]} {i + 1}",
                address=f"Jorong Koto, Nagari Koto Baru RT {i % 5 + 1}",
                category=CATEGORIES[i % len(CATEGORIES)],
                target_group="Lansia" if i % 3 == 0 else "Umum",
                outcome=outcome,
                reason="Sidik jari tidak terbaca" if outcome == "Gagal rekam" else "",
                served_on=dt.date(2026, 11, 18),
            )
        )
    return tuple(lines)


def report(records: int = 60, **overrides) -> ReportDoc:
    lines = service_lines(records)
    totals = tuple(
        CategoryTotal(
            c,
            sum(1 for r in lines if r.category == c),
            sum(1 for r in lines if r.category == c and r.outcome == "Selesai"),
        )
        for c in CATEGORIES
    )
    outcomes = tuple((o, sum(1 for r in lines if r.outcome == o)) for o in dict.fromkeys(OUTCOMES))
    values = dict(
        letterhead=letterhead(),
        number="400.12/002/LAP-SJL/Disdukcapil/2026",
        title="LAPORAN PELAKSANAAN INOVASI SIJARLA",
        case_reference="SJL-2026-0007",
        nagari="Koto Baru",
        kecamatan="Kubung",
        introduction="Menindaklanjuti Surat Permohonan Wali Nagari Koto Baru dan Surat Tugas Kepala Dinas, "
        "Tim SIJARLA melaksanakan pelayanan dokumen kependudukan di nagari.",
        activities="Perekaman KTP-el, penerbitan KIA, akta kelahiran dan perubahan KK.",
        conclusion="Pelayanan berjalan lancar. Disarankan jadwal ulang bagi penduduk yang tidak hadir.",
        closing="Demikian laporan ini disampaikan untuk dapat dipergunakan sebagaimana mestinya.",
        records=lines,
        totals=totals,
        outcomes=outcomes,
        signed_on=dt.date(2026, 11, 18),
        signer=Official("Andi Saputra, S.E.", "198510072010011005", "Penata (III/c)", "Ketua Tim SIJARLA I"),
        team="Tim SIJARLA I",
        assignment_number="400.12/004/ST/Disdukcapil/2026",
        members=("Andi Saputra, S.E. (Ketua)", "Rina Marlina, A.Md", "Fajar Ramadhan"),
        served_from=dt.date(2026, 11, 18),
        served_until=dt.date(2026, 11, 18),
        addressed_to="Ketua Pelaksana Harian Inovasi SIJARLA",
        verification=verification("L8NQ3VZ6FD"),
    )
    values.update(overrides)
    return ReportDoc(**values)


def recap(**overrides) -> RecapDoc:
    rows = []
    for n, (kec, nag) in enumerate(
        (("Kubung", "Koto Baru"), ("Gunung Talang", "Talang"), ("Lembang Jaya", "Bukit Sileh"))
    ):
        for c, category in enumerate(CATEGORIES):
            rows.append((kec, nag, category, "Selesai", 5 + n * 3 + c))
            rows.append((kec, nag, category, "Gagal rekam", (n + c) % 3))
    values = dict(
        letterhead=letterhead(),
        number="400.12/001/REKAP-SJL/Disdukcapil/2026",
        title="Rekapitulasi Pelayanan Inovasi SIJARLA",
        period_label="Bulan November 2026",
        period_start=dt.date(2026, 11, 1),
        period_end=dt.date(2026, 11, 30),
        rows=tuple(r for r in rows if r[4]),
        total_records=sum(r[4] for r in rows),
        served=sum(r[4] for r in rows if r[3] == "Selesai"),
        cases_opened=5,
        cases_finished=4,
        cases_within_limit=3,
        cases_late=1,
        signed_on=dt.date(2026, 11, 30),
        signer=Official(
            "Muhammad Iqbal, S.H.",
            "198302112006041007",
            "Penata Tk.I (III/d)",
            "Ketua Pelaksana Harian Inovasi SIJARLA",
        ),
        sla_days=3,
        acknowledged_by=Official(
            "Erni Susanti, S.Si, M.T.",
            "197912092005012006",
            "Pembina (IV/a)",
            "Kepala Bidang Pemanfaatan Data dan Inovasi Pelayanan",
        ),
        verification=verification("R3CP7YM2WA"),
    )
    values.update(overrides)
    return RecapDoc(**values)


def sop_matrix(**overrides) -> SopMatrixDoc:
    values = dict(
        letterhead=letterhead(),
        number="470/23/SOP/Disdukcapil/2022",
        title="SOP Inovasi SIJARLA (Sistem Kejar Bola)",
        subtitle="Prosedur Pelayanan SIJARLA (Sistem Kejar Bola)",
        columns=(
            ("masyarakat", "Masyarakat"),
            ("wali_nagari", "Wali Nagari"),
            ("disdukcapil", "Disdukcapil melalui Ketua Inovasi/Kabid"),
            ("tim_sijarla", "Tim SIJARLA"),
            ("ketua_pelaksana_harian", "Ketua Pelaksana Harian Inovasi SIJARLA"),
        ),
        rows=(
            MatrixLine(1, "Masyarakat menyampaikan kebutuhan pelayanan kepada Wali Nagari", ("masyarakat",)),
            MatrixLine(
                2,
                "Wali Nagari mengirimkan Permohonan ke Dinas Dukcapil",
                ("wali_nagari",),
                persyaratan=("Surat Permohonan dari Wali Nagari",),
            ),
            MatrixLine(
                3,
                "Kabid memeriksa, mendisposisikan dan menugaskan Tim SIJARLA",
                ("disdukcapil",),
                persyaratan=("Kesiapan Tim Inovasi SIJARLA",),
                kelengkapan=("SIAK Terpusat",),
                output="Disposisi Surat Permohonan",
            ),
            MatrixLine(
                4,
                "Tim SIJARLA melakukan persiapan sesuai Surat Tugas",
                ("tim_sijarla",),
                output="Surat Tugas",
            ),
            MatrixLine(
                5,
                "Ketua Tim melaporkan hasil by name by address",
                ("tim_sijarla", "ketua_pelaksana_harian"),
                kelengkapan=("Perangkat Komputer",),
                output="Laporan Pelaksanaan Inovasi SIJARLA",
            ),
            MatrixLine(
                6,
                "Ketua Pelaksana Harian menyampaikan progres berkala",
                ("ketua_pelaksana_harian",),
                time="Berkala",
                output="Rekapitulasi Pelayanan Inovasi SIJARLA",
            ),
        ),
        created_on=dt.date(2022, 2, 4),
        approver=Official(
            "RICKY ARMOVA, STP., MM",
            "198106182001121002",
            "",
            "Kepala Dinas Kependudukan dan Pencatatan Sipil",
        ),
        legal_basis=("Undang-Undang Nomor 24 Tahun 2013", "Peraturan Presiden Nomor 25 Tahun 2008"),
        related_sops=("SOP Bidang Daftar", "SOP Bidang Capil"),
        equipment=("Komputer/Printer/Scanner", "Kendaraan bermotor"),
        warnings=("Pelayanan diberikan selambat-lambatnya 3 hari.",),
        recording=("Disimpan sebagai data elektronik dan manual.",),
        notes=("Selama jaringan internet dalam kondisi normal.",),
        verification=verification("S5HK9MP2XE"),
    )
    values.update(overrides)
    return SopMatrixDoc(**values)


def step_document(**overrides) -> InnovationStepDoc:
    values = dict(
        letterhead=letterhead(),
        title="CATATAN TELAAHAN KABID",
        case_reference="INV-2026-0003",
        innovation_title="Akta kelahiran terbit di puskesmas",
        step_label="2 dari 8: Penelaahan Kabid",
        written_at=dt.datetime(2026, 11, 16, 10, 30),
        body="Permasalahan:\nBayi lahir di puskesmas belum segera memiliki akta.\n\n"
        "Saran:\nLanjutkan ke Kepala Dinas dengan catatan kesiapan jaringan.",
        author=Official("Erni Susanti, S.Si, M.T.", "197912092005012006", "Pembina (IV/a)", "Kabid PDIP"),
        sign_off=ElectronicSignOff(KABID, SIGNED, SIGNATURE),
        verification=verification("P2DK7NX4QW"),
    )
    values.update(overrides)
    return InnovationStepDoc(**values)


def innovation_profile(**overrides) -> InnovationProfileDoc:
    steps = ("Gagasan", "Telaah Kabid", "Telaah Kepala Dinas", "Pembahasan awal", "Finalisasi konsep")
    steps += ("Pembahasan teknis", "Penamaan", "Pelaksanaan")
    values = dict(
        letterhead=letterhead(),
        name="SI AKRAB",
        title="Akta kelahiran terbit di puskesmas",
        case_reference="INV-2026-0003",
        year=2026,
        problem="Bayi lahir di puskesmas belum segera memiliki akta kelahiran.",
        target="Bayi baru lahir dan orang tuanya.",
        concept="Pointers:\nBidan mengunggah surat keterangan lahir.",
        mechanism="Bidan mengunggah; operator memverifikasi.",
        resources="2 operator, 1 server.",
        schedule="Mulai Oktober 2026.",
        indicators="90% bayi memiliki akta dalam 7 hari.",
        status="berjalan, langkah 8: Pelaksanaan",
        output_entries=2,
        output_days=2,
        people_served=21,
        output_first=dt.date(2026, 11, 10),
        output_last=dt.date(2026, 11, 11),
        timeline=tuple(
            InnovationTimelineLine(i, name, dt.date(2026, 11, i), dt.date(2026, 11, i), "Kasi Inovasi", 1)
            for i, name in enumerate(steps, start=1)
        ),
        signed_on=dt.date(2026, 11, 16),
        signer=KADIS,
        name_meaning="Sistem Akta Kelahiran di Puskesmas",
        verification=verification("F6MW3RT8KA"),
    )
    values.update(overrides)
    return InnovationProfileDoc(**values)


ALL = {
    "tanda_terima": receipt,
    "disposisi": disposition,
    "surat_tugas": assignment,
    "laporan": report,
    "rekap": recap,
    "sop_matriks": sop_matrix,
}
