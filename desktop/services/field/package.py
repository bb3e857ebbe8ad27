"""The field package file: one SQLite database, sealed with AES-256-GCM.

    MAGIC | header length (4 bytes, big-endian) | header (JSON, UTF-8) | ciphertext

The payload is the package's SQLite database, serialized. It is encrypted under a random data key
(AES-GCM, authenticated with the magic and the whole header as associated data: a byte changed
anywhere, header or payload, and the package is refused). The data key travels in the header
wrapped under a key derived from the leader's passphrase (scrypt), for the field laptops; the
office keeps it (FieldPackageKey) and opens a returned package without the passphrase.

No Qt and no peewee here: bytes in, bytes out.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import secrets
import struct
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from desktop.services.errors import InvalidInput

MAGIC = b"DINAS-DESK-PAKET-LAPANGAN\n"
FORMAT = 1
SUFFIX = ".ddlapangan"
MAX_HEADER = 64 * 1024
MAX_PACKAGE = 2 * 1024**3  # a case's package is a few megabytes; anything near this is not one
# scrypt at 32 MiB and about 0.1 s: a guess per tenth of a second on the laptop that stole it.
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**15, 8, 1
MIN_PASSPHRASE = 10

MSG_DAMAGED = (
    "Paket lapangan {name} rusak atau telah diubah sejak disegel, sehingga tidak dapat dibuka. "
    "Gunakan salinan paket yang utuh (misalnya dari flashdisk lain atau cadangan laptop)."
)
MSG_NOT_PACKAGE = "Berkas {name} bukan paket lapangan Dinas Desk."
MSG_PASSPHRASE = "Kata sandi paket salah, atau paket {name} rusak. Periksa kata sandi dari Ketua Tim."


class PackageRefused(InvalidInput):
    """A package that cannot be opened: damaged, altered, not a package, or the wrong passphrase."""


@dataclass(frozen=True)
class Header:
    """What a package says about itself, readable without its key (shown before opening it)."""

    package_uid: str
    case_id: int
    case_number: str
    case_title: str
    nagari: str
    laptop: str
    leader: str  # the team leader's full name, who took it out
    taken_at: str  # ISO date and time
    sealed_at: str  # ISO date and time of the last seal
    raw: dict

    @property
    def taken_on(self) -> str:
        """The day it was taken out, as the office writes dates (dd-mm-yyyy)."""
        day = self.taken_at[:10]
        return f"{day[8:10]}-{day[5:7]}-{day[0:4]}" if len(day) == 10 else day


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: object) -> bytes:
    if not isinstance(text, str):
        raise ValueError("not base64 text")
    return base64.b64decode(text.encode("ascii"), validate=True)


def check_passphrase(passphrase: str) -> str:
    """The leader's passphrase as set: long enough to resist guessing on a stolen laptop."""
    if not isinstance(passphrase, str) or len(passphrase.strip()) < MIN_PASSPHRASE:
        raise InvalidInput(
            f"Kata sandi paket minimal {MIN_PASSPHRASE} karakter. Gunakan kalimat yang mudah diingat tim, "
            "misalnya tiga kata dan angka.",
            field="passphrase",
        )
    if len(passphrase) > 200 or "\x00" in passphrase:
        raise InvalidInput(
            "Kata sandi paket terlalu panjang atau berisi karakter yang tidak sah.", field="passphrase"
        )
    return passphrase


def _kek(passphrase: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(
        passphrase.encode("utf-8"), salt=salt, n=n, r=r, p=p, maxmem=256 * 1024**2, dklen=32
    )


def new_data_key() -> bytes:
    return AESGCM.generate_key(bit_length=256)


def wrap_key(data_key: bytes, passphrase: str, package_uid: str) -> dict:
    """The data key sealed under the passphrase, as header fields."""
    salt = secrets.token_bytes(16)
    nonce = secrets.token_bytes(12)
    kek = _kek(passphrase, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
    wrapped = AESGCM(kek).encrypt(nonce, data_key, package_uid.encode("ascii"))
    return {
        "kdf": {"name": "scrypt", "n": SCRYPT_N, "r": SCRYPT_R, "p": SCRYPT_P, "salt": _b64(salt)},
        "wrapped_key": _b64(nonce + wrapped),
    }


def seal(path: Path, fields: dict, data_key: bytes, payload: bytes) -> None:
    """Write the package: header fields and the payload encrypted, atomically (a crash while
    sealing leaves the previous package whole)."""
    header = dict(fields)
    header["format"] = FORMAT
    header["payload_sha256"] = hashlib.sha256(payload).hexdigest()
    nonce = secrets.token_bytes(12)
    header["nonce"] = _b64(nonce)
    head = json.dumps(header, ensure_ascii=False, sort_keys=True).encode("utf-8")
    prefix = MAGIC + struct.pack(">I", len(head)) + head
    body = AESGCM(data_key).encrypt(nonce, payload, prefix)
    _write_atomically(path, prefix + body)


def _write_atomically(path: Path, data: bytes) -> None:
    path = Path(path)
    temporary = path.with_name(path.name + ".baru")
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0)
    fd = os.open(temporary, flags, 0o600)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def as_path(value: object) -> Path:
    """A package's path as a caller gave it; refused when it cannot be one."""
    if isinstance(value, (str, Path)) and str(value).strip() and "\x00" not in str(value):
        try:
            str(value).encode("utf-8")
            return Path(value)
        except UnicodeEncodeError:
            pass
    raise PackageRefused("Nama berkas paket tidak sah. Pilih berkasnya lagi.")


def _split(path: Path) -> tuple[bytes, dict, bytes]:
    """The authenticated prefix, the header and the ciphertext; refused when not a package."""
    path = as_path(path)
    name = path.name
    try:
        size = Path(path).stat().st_size
        if size > MAX_PACKAGE:
            raise PackageRefused(MSG_NOT_PACKAGE.format(name=name))
        data = Path(path).read_bytes()
    except FileNotFoundError as exc:
        raise PackageRefused(f"Berkas {name} tidak ditemukan.") from exc
    except OSError as exc:
        raise PackageRefused(f"Berkas {name} tidak dapat dibaca ({exc.strerror or exc}).") from exc
    except (ValueError, TypeError) as exc:  # a NUL in the name, or no path at all
        raise PackageRefused("Nama berkas paket tidak sah. Pilih berkasnya lagi.") from exc
    if not data.startswith(MAGIC):
        raise PackageRefused(MSG_NOT_PACKAGE.format(name=name))
    start = len(MAGIC)
    if len(data) < start + 4:
        raise PackageRefused(MSG_DAMAGED.format(name=name))
    (length,) = struct.unpack(">I", data[start : start + 4])
    if length > MAX_HEADER or len(data) < start + 4 + length + 16:
        raise PackageRefused(MSG_DAMAGED.format(name=name))
    head = data[start + 4 : start + 4 + length]
    try:
        header = json.loads(head.decode("utf-8"))
        if not isinstance(header, dict):
            raise ValueError("header is not an object")
    except (UnicodeDecodeError, ValueError) as exc:
        raise PackageRefused(MSG_DAMAGED.format(name=name)) from exc
    return data[: start + 4 + length], header, data[start + 4 + length :]


def read_header(path: Path) -> Header:
    """What the package says about itself (not yet authenticated: shown, never trusted)."""
    path = as_path(path)
    _prefix, header, _body = _split(path)
    try:
        return _header(header)
    except (KeyError, TypeError, ValueError) as exc:
        raise PackageRefused(MSG_DAMAGED.format(name=path.name)) from exc


def _header(raw: dict) -> Header:
    if raw.get("format") != FORMAT:
        raise ValueError("unknown format")
    return Header(
        package_uid=str(raw["package_uid"]),
        case_id=int(raw["case_id"]),
        case_number=str(raw.get("case_number", "")),
        case_title=str(raw.get("case_title", "")),
        nagari=str(raw.get("nagari", "")),
        laptop=str(raw.get("laptop", "")),
        leader=str(raw.get("leader", "")),
        taken_at=str(raw.get("taken_at", "")),
        sealed_at=str(raw.get("sealed_at", "")),
        raw=raw,
    )


def unwrap_key(header: Header, passphrase: str, name: str = "") -> bytes:
    """The data key from the passphrase (on a field laptop); refused when it does not fit."""
    try:
        kdf = header.raw["kdf"]
        if kdf.get("name") != "scrypt":
            raise ValueError("unknown kdf")
        n, r, p = int(kdf["n"]), int(kdf["r"]), int(kdf["p"])
        if not (2**14 <= n <= 2**20 and 1 <= r <= 32 and 1 <= p <= 16):
            raise ValueError("kdf parameters out of range")
        salt = _unb64(kdf["salt"])
        wrapped = _unb64(header.raw["wrapped_key"])
        if not isinstance(passphrase, str):
            raise TypeError("passphrase")
        kek = _kek(passphrase, salt, n, r, p)
        return AESGCM(kek).decrypt(wrapped[:12], wrapped[12:], header.package_uid.encode("ascii"))
    except (InvalidTag, KeyError, TypeError, ValueError, UnicodeEncodeError) as exc:
        raise PackageRefused(MSG_PASSPHRASE.format(name=name)) from exc


def open_package(
    path: Path, data_key: bytes | None = None, passphrase: str | None = None
) -> tuple[Header, bytes, bytes]:
    """The header, the payload (the SQLite database's bytes) and the data key, authenticated.

    With the office's data key, or the passphrase on a field laptop. Any byte changed anywhere in
    the file, a truncated copy or another package's key: refused with MSG_DAMAGED.
    """
    path = as_path(path)
    name = path.name
    prefix, raw, body = _split(path)
    try:
        header = _header(raw)
    except (KeyError, TypeError, ValueError) as exc:
        raise PackageRefused(MSG_DAMAGED.format(name=name)) from exc
    if data_key is None:
        data_key = unwrap_key(header, passphrase or "", name)
    try:
        nonce = _unb64(raw["nonce"])
        payload = AESGCM(data_key).decrypt(nonce, body, prefix)
    except (InvalidTag, KeyError, TypeError, ValueError) as exc:
        raise PackageRefused(MSG_DAMAGED.format(name=name)) from exc
    if hashlib.sha256(payload).hexdigest() != raw.get("payload_sha256"):
        raise PackageRefused(MSG_DAMAGED.format(name=name))
    return header, payload, data_key
