"""Demo innovations at several steps of the Inovasi Pelayanan Publik SOP."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from desktop.services.inovasi import steps as inovasi
from desktop.services.session import Session

IDEAS = [
    (
        "Akta kelahiran langsung dari puskesmas",
        "Banyak bayi belum memiliki akta kelahiran karena orang tua jauh dari kantor dinas.",
        "Ibu yang melahirkan di puskesmas se-kabupaten",
        "1. Bidan puskesmas mengunggah berkas kelahiran.\n2. Dinas menerbitkan akta dalam 1 hari kerja.\n"
        "3. Akta dikirim kembali ke puskesmas dalam bentuk PDF bertanda tangan elektronik.",
    ),
    (
        "Layanan adminduk di sekolah (SI-PELAJAR)",
        "Pemilih pemula banyak yang belum merekam KTP-el saat berusia 17 tahun.",
        "Siswa SMA/SMK kelas XII",
        "1. Jadwal perekaman per sekolah.\n2. Data siswa dari Dapodik dicocokkan dengan SIAK.",
    ),
    (
        "Pojok IKD di kantor nagari",
        "Aktivasi Identitas Kependudukan Digital masih rendah di nagari.",
        "Penduduk wajib KTP yang memiliki telepon pintar",
        "1. Operator nagari dilatih.\n2. Target 30 aktivasi per nagari per bulan.",
    ),
    (
        "Antar dokumen ke rumah lansia",
        "Lansia kesulitan mengambil dokumen yang sudah jadi.",
        "Lansia di atas 70 tahun",
        "1. Dokumen diantar petugas pos.\n2. Biaya dari anggaran dinas.",
    ),
]


def _idea(i: int) -> inovasi.IdeaDraft:
    title, problem, target, pointers = IDEAS[i]
    return inovasi.IdeaDraft(title, problem, target, pointers)


def create_innovations(s: dict[str, Session], back: Callable[[int], dt.date]) -> None:
    """One running innovation with outputs, one in its first discussion, one at the Kabid, one rejected."""
    kasi, kabid, kadis, adb = s["kasi"], s["kabidpdip"], s["kadis"], s["adb"]
    ids = {name: s[name].user_id for name in ("kadis", "kabidpdip", "kasi", "sekretaris", "adb")}
    board = (ids["kadis"], ids["kabidpdip"], ids["kasi"], ids["sekretaris"])

    # Running, with outputs logged (started about six weeks ago).
    day = back(30)
    x = inovasi.propose_idea(kasi, _idea(0), on=day)
    x = inovasi.review_by_kabid(
        kabid, x.id, "Layak; perjelas alur data dengan puskesmas.", True, x.case_version, on=back(29)
    )
    x = inovasi.review_by_kepala_dinas(
        kadis, x.id, "Bahas dalam rapat pejabat struktural.", x.case_version, on=back(27)
    )
    meeting = inovasi.MeetingDraft(
        back(26), "Ruang rapat Kepala Dinas", board, "ya", "Sejalan dengan target akta."
    )
    x = inovasi.decide_first_discussion(kadis, x.id, meeting, x.case_version, on=back(26))
    inovasi.open_finalization(kasi, x.id, back(25), "Ruang rapat Kepala Dinas", board)
    for name in ("kadis", "kabidpdip", "kasi", "sekretaris"):
        inovasi.approve_draft(s[name], x.id, True, "Setuju.", on=back(25))
    x = inovasi.finish_finalization(
        kasi, x.id, ("notulen-rapat.pdf", b"%PDF-1.4\n% notulen\n"), x.case_version, on=back(25)
    )
    concept = inovasi.FinalConcept(
        "Bidan mengunggah berkas melalui aplikasi; operator dinas memverifikasi dan menerbitkan akta.",
        "Dua operator akta, satu server, jaringan puskesmas.",
        "Uji coba di 3 puskesmas selama sebulan, lalu seluruh puskesmas.",
        "Akta terbit paling lama 1 hari kerja; 90% bayi memiliki akta sebelum usia 60 hari.",
    )
    x = inovasi.record_technical_discussion(
        kasi, x.id, concept, (ids["kasi"], ids["adb"]), x.case_version, on=back(23)
    )
    names = [("SI-BUAH HATI", "Sistem Akta Bayi dari Puskesmas"), ("AKTA KILAT", "Akta dalam sehari")]
    x = inovasi.decide_name(kadis, x.id, names, "SI-BUAH HATI", x.case_version, on=back(22))
    for week in range(4):
        inovasi.log_output(
            adb, x.id, back(20 - 5 * week), "Akta kelahiran diterbitkan dari puskesmas", 8 + 3 * week
        )

    # At the first discussion.
    y = inovasi.propose_idea(kasi, _idea(1), on=back(6))
    y = inovasi.review_by_kabid(
        kabid, y.id, "Perlu data siswa per sekolah.", True, y.case_version, on=back(5)
    )
    inovasi.review_by_kepala_dinas(kadis, y.id, "Rapatkan minggu ini.", y.case_version, on=back(4))

    # Waiting for the Kabid (late by now).
    inovasi.propose_idea(kasi, _idea(2), on=back(4))

    # Rejected at the first discussion.
    z = inovasi.propose_idea(kasi, _idea(3), on=back(15))
    z = inovasi.review_by_kabid(
        kabid, z.id, "Biaya pengiriman perlu dihitung.", True, z.case_version, on=back(14)
    )
    z = inovasi.review_by_kepala_dinas(kadis, z.id, "Bahas di rapat.", z.case_version, on=back(13))
    no = inovasi.MeetingDraft(
        back(12),
        "Ruang rapat",
        board,
        "tidak",
        "Sudah ada layanan antar dari nagari.",
        close_as_rejected=True,
    )
    inovasi.decide_first_discussion(kadis, z.id, no, z.case_version, on=back(12))
