"""UI fixtures: the demo office and its staff in the fresh database of each test."""

from __future__ import annotations

import pytest

from desktop.services.demo import DemoLogin, create_office, create_people
from desktop.services.reference import ensure_reference_data


@pytest.fixture
def demo_logins(database: str) -> list[DemoLogin]:
    """Reference data, the demo office and one account per role (no cases: fast)."""
    ensure_reference_data()
    create_office()
    return create_people()
