"""The demo accounts as the login window lists them, and their one password (printed on start and shown
in the login window). Light on purpose: the login window imports it before anything heavy."""

from __future__ import annotations

from dataclasses import dataclass

DEMO_PASSWORD = "demo12345"


@dataclass(frozen=True)
class DemoLogin:
    username: str
    full_name: str
    roles: str
