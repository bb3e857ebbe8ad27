"""The demo's throwaway accounts are hashed at argon2's cheapest cost; every other account at the
production cost, also one created later in a demo database. Logins read the cost from the hash."""

from __future__ import annotations

import argon2
import pytest
from argon2 import PasswordHasher

from desktop.models import User
from desktop.roles import KEPALA_DINAS
from desktop.services.demo.office import DEMO_PASSWORD
from desktop.services.errors import PermissionDenied
from desktop.services.office.users import NewUser, add_user
from desktop.services.security import accounts, auth

from .factories import make_office, session

pytestmark = pytest.mark.usefixtures("database")

PRODUCTION = PasswordHasher()  # the library's recommended parameters, what the app uses outside tests


def cost_of(username: str) -> argon2.Parameters:
    return argon2.extract_parameters(User.get(User.username == username).password_hash)


@pytest.fixture(autouse=True)
def production_cost(monkeypatch):
    """The suite hashes cheaply (DINAS_DESK_FAST_HASH); here real accounts get the production cost."""
    monkeypatch.setattr(accounts, "_hasher", PRODUCTION)


def test_demo_accounts_are_cheap_and_an_account_added_later_costs_the_production_price():
    make_office()  # the demo office's people
    assert cost_of("kadis") == argon2.profiles.CHEAPEST
    assert cost_of("admin").memory_cost < PRODUCTION.memory_cost

    added = NewUser("pegawai", "Pegawai Baru", "rahasia-kantor-1", (KEPALA_DINAS,), None, "", "Staf")
    add_user(session("admin"), added)
    assert cost_of("pegawai").memory_cost == PRODUCTION.memory_cost
    assert cost_of("pegawai").time_cost == PRODUCTION.time_cost

    assert auth.login("kadis", DEMO_PASSWORD).username == "kadis"  # each verified at its own cost
    assert auth.login("pegawai", "rahasia-kantor-1").username == "pegawai"


def test_a_logged_in_user_cannot_ask_for_a_cheap_hash():
    make_office()
    added = NewUser("murah", "Akun Murah", "rahasia-kantor-1", (KEPALA_DINAS,), None, "", "Staf")
    with pytest.raises(PermissionDenied):
        add_user(session("admin"), added, demo_account=True)
    assert not User.select().where(User.username == "murah").exists()
