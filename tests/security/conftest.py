"""The security tests share the per-user switch of tests/db/test_pg_per_user_flow.py."""

from tests.db.test_pg_per_user_flow import per_user

__all__ = ["per_user"]
