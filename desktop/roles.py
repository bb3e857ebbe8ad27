"""The office functions (roles) that ship with the app, in SOP order.

Roles are rows in the database: an SOP file may bring new ones. These are the defaults
for the two SOPs this office runs, plus the administrator.
"""

from __future__ import annotations

from dataclasses import dataclass

FRONT_DESK = "pengadministrasi_umum"
KABID_PELAYANAN = "kabid_pelayanan"
KEPALA_DINAS = "kepala_dinas"
KETUA_TIM = "ketua_tim_sijarla"
ANGGOTA_TIM = "anggota_tim_sijarla"
KETUA_PELAKSANA_HARIAN = "ketua_pelaksana_harian"
KABID_PEMANFAATAN = "kabid_pemanfaatan"
KASI_INOVASI = "kasi_inovasi"
PEJABAT_STRUKTURAL = "pejabat_struktural"
PELAKSANA_TEKNIS = "pelaksana_teknis"
ADMINISTRATOR = "administrator"


@dataclass(frozen=True)
class RoleInfo:
    code: str
    name: str
    description: str


BUILTIN_ROLES: tuple[RoleInfo, ...] = (
    RoleInfo(
        FRONT_DESK, "Pengadministrasi Umum", "Meja depan: mencatat surat masuk dan mencetak tanda terima"
    ),
    RoleInfo(
        KABID_PELAYANAN,
        "Kabid Pelayanan Pendaftaran Penduduk",
        "Ketua Inovasi SIJARLA: memeriksa permohonan, menulis dan menandatangani disposisi",
    ),
    RoleInfo(
        KEPALA_DINAS, "Kepala Dinas", "Menandatangani Surat Tugas, menerima rekapitulasi, menelaah inovasi"
    ),
    RoleInfo(KETUA_TIM, "Ketua Tim SIJARLA", "Memimpin persiapan dan pelayanan, menyampaikan laporan"),
    RoleInfo(ANGGOTA_TIM, "Anggota Tim SIJARLA", "Persiapan dan pencatatan pelayanan by name by address"),
    RoleInfo(
        KETUA_PELAKSANA_HARIAN,
        "Ketua Pelaksana Harian Inovasi SIJARLA",
        "Menerima laporan tim dan menyusun rekapitulasi berkala",
    ),
    RoleInfo(
        KABID_PEMANFAATAN,
        "Kabid Pemanfaatan Data dan Inovasi Pelayanan",
        "Meneruskan rekapitulasi ke Kepala Dinas; menelaah gagasan inovasi",
    ),
    RoleInfo(KASI_INOVASI, "Kasi Inovasi Pelayanan", "Menyusun gagasan dan pointers konsep inovasi"),
    RoleInfo(PEJABAT_STRUKTURAL, "Pejabat Struktural", "Peserta rapat pembahasan dan persetujuan inovasi"),
    RoleInfo(PELAKSANA_TEKNIS, "ADB / Pelaksana Teknis", "Pembahasan teknis dan pelaksanaan inovasi"),
    RoleInfo(
        ADMINISTRATOR, "Administrator", "Pengguna, peran, pengaturan kantor, printer, database, cadangan"
    ),
)

ROLE_ORDER: dict[str, int] = {r.code: i for i, r in enumerate(BUILTIN_ROLES)}
