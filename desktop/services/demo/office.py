"""Demo data that looks like a real office: people, teams, letters, cases at every step."""

from __future__ import annotations

import datetime as dt

from desktop import roles as R
from desktop.models import Office, Role, Signer, Team, TeamMember, User, db
from desktop.services.demo.accounts import DEMO_PASSWORD as DEMO_PASSWORD  # re-exported
from desktop.services.demo.accounts import DemoLogin as DemoLogin  # re-exported
from desktop.services.office.users import NewUser, add_user

# username, name, NIP, pangkat/golongan, jabatan, roles
DEMO_PEOPLE: list[tuple[str, str, str, str, str, tuple[str, ...]]] = [
    (
        "admin",
        "Rahmat Hidayat, S.Kom",
        "198805122011011002",
        "Penata Muda Tk.I (III/b)",
        "Pranata Komputer Ahli Pertama",
        (R.ADMINISTRATOR,),
    ),
    (
        "meja",
        "Yuliani Fitri, A.Md",
        "199203152015032004",
        "Pengatur (II/c)",
        "Pengadministrasi Umum",
        (R.FRONT_DESK,),
    ),
    (
        "kabid",
        "Dedi Syafrizal, S.Sos, M.Si",
        "197704212000031003",
        "Pembina (IV/a)",
        "Kepala Bidang Pelayanan Pendaftaran Penduduk",
        (R.KABID_PELAYANAN, R.PEJABAT_STRUKTURAL),
    ),
    (
        "kadis",
        "Hendri Yusman, S.STP, M.Si",
        "197601302003121001",
        "Pembina Tk.I (IV/b)",
        "Kepala Dinas Kependudukan dan Pencatatan Sipil",
        (R.KEPALA_DINAS, R.PEJABAT_STRUKTURAL),
    ),
    (
        "ketua1",
        "Andi Saputra, S.E.",
        "198510072010011005",
        "Penata (III/c)",
        "Analis Data Kependudukan",
        (R.KETUA_TIM, R.ANGGOTA_TIM),
    ),
    (
        "anggota1",
        "Rina Marlina, A.Md",
        "199006182014022003",
        "Pengatur Tk.I (II/d)",
        "Operator Perekaman KTP-el",
        (R.ANGGOTA_TIM,),
    ),
    (
        "anggota2",
        "Fajar Ramadhan",
        "199411252019031006",
        "Pengatur Muda Tk.I (II/b)",
        "Operator SIAK",
        (R.ANGGOTA_TIM,),
    ),
    (
        "ketua2",
        "Novia Rahmadani, S.Kom",
        "198912032012122002",
        "Penata Muda Tk.I (III/b)",
        "Pranata Komputer Ahli Pertama",
        (R.KETUA_TIM, R.ANGGOTA_TIM),
    ),
    (
        "anggota3",
        "Yoga Pratama",
        "199508142020121004",
        "Pengatur Muda (II/a)",
        "Operator Perekaman KTP-el",
        (R.ANGGOTA_TIM,),
    ),
    (
        "kph",
        "Muhammad Iqbal, S.H.",
        "198302112006041007",
        "Penata Tk.I (III/d)",
        "Kepala Seksi Identitas Penduduk",
        (R.KETUA_PELAKSANA_HARIAN, R.PEJABAT_STRUKTURAL),
    ),
    (
        "kabidpdip",
        "Erni Susanti, S.Si, M.T.",
        "197912092005012006",
        "Pembina (IV/a)",
        "Kepala Bidang Pemanfaatan Data dan Inovasi Pelayanan",
        (R.KABID_PEMANFAATAN, R.PEJABAT_STRUKTURAL),
    ),
    (
        "kasi",
        "Taufik Hidayat, S.Kom",
        "198608232009011004",
        "Penata Tk.I (III/d)",
        "Kepala Seksi Inovasi Pelayanan",
        (R.KASI_INOVASI, R.PEJABAT_STRUKTURAL),
    ),
    (
        "sekretaris",
        "Zulkifli, S.H., M.H.",
        "197505172001121002",
        "Pembina (IV/a)",
        "Sekretaris Dinas",
        (R.PEJABAT_STRUKTURAL,),
    ),
    (
        "adb",
        "Budi Kurniawan, A.Md.Kom",
        "199107302015031003",
        "Pengatur Tk.I (II/d)",
        "Administrator Database Kependudukan",
        (R.PELAKSANA_TEKNIS,),
    ),
]

TEAMS = {"Tim SIJARLA I": ("ketua1", "anggota1", "anggota2"), "Tim SIJARLA II": ("ketua2", "anggota3")}


DEMO_GOVERNMENT = "PEMERINTAH KABUPATEN SOLOK"
DEMO_AGENCY = "DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL"
DEMO_KABUPATEN = "Kabupaten Solok"  # the reference data's name of kabupaten 13.02
DEMO_CITY = "Arosuka"


def demo_logins() -> list[DemoLogin]:
    """The demo accounts as the login window lists them, known before the demo database is built."""
    names = {role.code: role.name for role in R.BUILTIN_ROLES}
    return [
        DemoLogin(username, name, ", ".join(names[c] for c in role_codes))
        for username, name, _nip, _pangkat, _jabatan, role_codes in DEMO_PEOPLE
    ]


def create_office() -> None:
    Office.create(
        government=DEMO_GOVERNMENT,
        agency=DEMO_AGENCY,
        address="Jl. Raya Solok - Padang Km. 20, Arosuka, Kec. Gunung Talang, Kabupaten Solok 27365",
        phone="(0755) 31234",
        email="disdukcapil@solokkab.go.id",
        website="disdukcapil.solokkab.go.id",
        city=DEMO_CITY,
        kabupaten_code="13.02",
        paper_size="A4",
    )


def create_people() -> list[DemoLogin]:
    """Create one account per role (some holding several) and the two field teams."""
    logins = []
    for username, name, nip, pangkat, jabatan, role_codes in DEMO_PEOPLE:
        new = NewUser(username, name, DEMO_PASSWORD, role_codes, nip, pangkat, jabatan)
        add_user(None, new, demo_account=True)  # throwaway accounts: the cheapest argon2 cost
        labels = {r.code: r.name for r in Role.select()}
        logins.append(DemoLogin(username, name, ", ".join(labels[c] for c in role_codes)))
    users = {u.username: u for u in User.select()}
    for team_name, members in TEAMS.items():
        team = Team.create(name=team_name)
        for i, username in enumerate(members):
            TeamMember.create(team=team, user=users[username], is_leader=i == 0)
    Signer.create(
        purpose="kepala_dinas", user=users["kadis"], title="KEPALA DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL"
    )
    Signer.create(
        purpose="kabid_pelayanan", user=users["kabid"], title="KEPALA BIDANG PELAYANAN PENDAFTARAN PENDUDUK"
    )
    return logins


def build_demo(today: dt.date | None = None) -> list[DemoLogin]:
    """Fill an empty, migrated database with the demo office; return the demo logins."""
    with db.atomic():
        create_office()
        logins = create_people()
    from desktop.services.demo.sijarla_cases import create_cases

    create_cases(today or dt.date.today())
    return logins
