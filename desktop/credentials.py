"""The database password in the operating system's password store, never in the settings.

On Windows `keyring` uses the Credential Manager (DPAPI, tied to the Windows account); on a Linux
desktop the Secret Service. The workstation settings keep the database URL without its password;
the password is stored under the URL's `user@host:port/database`, so two servers never share one.

A machine without a usable password store (a Linux box without a desktop session) keeps the old
behaviour, the password inside the saved URL, and says so: refusing would leave the office unable
to connect at all. Importable without Qt.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from urllib.parse import quote, unquote, urlsplit, urlunsplit

SERVICE = "Dinas Desk"
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SavedUrl:
    """What goes into the settings, and where the password went."""

    url: str  # the URL to save: without the password when the store took it
    in_store: bool  # the password is in the operating system's password store
    note: str = ""  # Indonesian, for the administrator, when the store could not be used


def _is_postgresql(parts) -> bool:
    return parts.scheme in ("postgresql", "postgres")


def account(url: str) -> str:
    """The store's key for `url`: user@host:port/database (no password, no query)."""
    parts = urlsplit(url)
    user = unquote(parts.username or "")
    port = parts.port or 5432
    return f"{user}@{parts.hostname or 'localhost'}:{port}{parts.path or '/'}"


def split_password(url: str) -> tuple[str, str]:
    """(URL without its password, the password or "")."""
    parts = urlsplit(url)
    if not _is_postgresql(parts) or parts.password is None:
        return url, ""
    user = quote(unquote(parts.username or ""), safe="")
    netloc = f"{user}@{parts.hostname or 'localhost'}" + (f":{parts.port}" if parts.port else "")
    return urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment)), unquote(
        parts.password
    )


def join_password(url: str, password: str) -> str:
    """`url` with `password` put in (unchanged when it has one already or `password` is empty)."""
    parts = urlsplit(url)
    if not password or not _is_postgresql(parts) or parts.password is not None:
        return url
    user = quote(unquote(parts.username or ""), safe="")
    netloc = f"{user}:{quote(password, safe='')}@{parts.hostname or 'localhost'}"
    netloc += f":{parts.port}" if parts.port else ""
    return urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))


def store(url: str) -> SavedUrl:
    """Move the password of `url` into the password store; the URL to save comes back without it.

    A URL without a password removes any stored one for its account (the administrator cleared it).
    """
    bare, password = split_password(url)
    if not _is_postgresql(urlsplit(url)):
        return SavedUrl(url, in_store=False)
    import keyring  # imported when a PostgreSQL URL needs it (about 90 ms, not on every start)

    try:
        if password:
            keyring.set_password(SERVICE, account(bare), password)
        else:
            _forget(bare)
    except Exception as exc:  # noqa: BLE001 - any backend failure (D-Bus, locked store) means "no store"
        log.warning("password store unavailable: %s", exc)
        if not password:
            return SavedUrl(url, in_store=False)
        return SavedUrl(
            url,
            in_store=False,
            note=(
                "Brankas kata sandi sistem operasi tidak tersedia di komputer ini, jadi kata sandi "
                "database disimpan di pengaturan workstation. Lindungi akun Windows komputer ini."
            ),
        )
    return SavedUrl(bare, in_store=bool(password))


def _forget(bare: str) -> None:
    import keyring
    import keyring.errors

    try:
        keyring.delete_password(SERVICE, account(bare))
    except keyring.errors.PasswordDeleteError:
        pass  # nothing stored


def recall(url: str) -> str:
    """`url` with its stored password put back in; unchanged when none is stored or no store works."""
    parts = urlsplit(url)
    if not _is_postgresql(parts) or parts.password is not None:
        return url
    import keyring

    try:
        password = keyring.get_password(SERVICE, account(url))
    except Exception as exc:  # noqa: BLE001 - see store()
        log.warning("password store unavailable: %s", exc)
        return url
    return join_password(url, password or "")
