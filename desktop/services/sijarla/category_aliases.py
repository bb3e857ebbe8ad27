"""The many ways a spreadsheet spells a service category ("KTP el", "KTP-EL", "e-KTP", "akte lahir").

One normalising key (case, accents, spaces, hyphens, dots and brackets aside; "elektronik" read as
"el", "akte" as "akta") and a table of aliases per category code. A category an administrator adds
matches by its code and its name; the aliases of the shipped ones stay with them.
"""

from __future__ import annotations

import re

from desktop.services.validation import fold

# code: spellings seen in offices' spreadsheets, besides the category's own code and name
ALIASES: dict[str, tuple[str, ...]] = {
    "ktp_rekam": (
        "ktp el",
        "ktp",
        "e ktp",
        "ktp elektronik",
        "rekam ktp",
        "rekam ktp el",
        "perekaman ktp",
        "perekaman ktp el",
        "perekaman",
        "ktp el rekam",
    ),
    "ktp_cetak": ("cetak ktp", "cetak ktp el", "pencetakan ktp", "pencetakan ktp el", "ktp el cetak"),
    "kia": ("kartu identitas anak", "kia kartu identitas anak"),
    "kk_baru": ("kk", "kartu keluarga", "kartu keluarga baru", "kk baru"),
    "kk_perubahan": ("perubahan kk", "kartu keluarga perubahan", "perubahan kartu keluarga", "kk ubah"),
    "akta_lahir": ("akta lahir", "akta kelahiran", "akte kelahiran", "akte lahir", "kelahiran"),
    "akta_mati": ("akta mati", "akta kematian", "akte kematian", "akte mati", "kematian"),
    "akta_kawin": ("akta kawin", "akta perkawinan", "akte perkawinan", "akte nikah", "akta nikah"),
    "akta_cerai": ("akta cerai", "akta perceraian", "akte perceraian", "akte cerai"),
    "pindah": ("pindah", "surat pindah", "skpwni", "pindah keluar"),
    "datang": ("datang", "surat datang", "pindah datang", "skdwni"),
    "ikd": ("ikd", "identitas kependudukan digital", "aktivasi ikd", "ikd aktivasi"),
}

_SEPARATORS = re.compile(r"[\s\-_./,()\[\]:;]+")
_WORDS = {"elektronik": "el", "akte": "akta"}


def category_key(text: str) -> str:
    """The comparison key of a spelling: 'KTP-EL', 'ktp el', 'KTP.El' and 'KTP elektronik' alike."""
    words = [w for w in _SEPARATORS.split(fold(text or "")) if w]
    words = [_WORDS.get(w, w) for w in words]
    # "e ktp" and "ektp" are "ktp el"; "ktpel" is "ktp el"
    joined = " ".join(words)
    joined = re.sub(r"\bektp\b", "e ktp", joined)
    joined = re.sub(r"\bktpel\b", "ktp el", joined)
    joined = re.sub(r"^e ktp\b", "ktp el", joined)
    return joined


def category_matcher(categories: list[tuple[int, str, str]]) -> dict[str, int]:
    """Key -> category id over (id, code, name) of the active categories, with the alias table.

    A category's own code and name win over another's alias."""
    found: dict[str, int] = {}
    for cat_id, code, _ in categories:
        for alias in ALIASES.get(code, ()):
            found.setdefault(category_key(alias), cat_id)
    for cat_id, code, name in categories:
        found[category_key(code)] = cat_id
        found[category_key(name)] = cat_id
    return found
