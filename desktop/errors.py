"""Domain errors. Each carries a message in Indonesian that the UI shows as it is.

A leaf module: the data layer raises DatabaseUnavailable, the services the rest.
"""

from __future__ import annotations


class DomainError(Exception):
    """Base of every error a user can be told about and act on."""

    def __init__(self, message: str, *, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field


class PermissionDenied(DomainError):
    """The acting user does not hold the role this use case needs."""


class InvalidInput(DomainError):
    """Input that breaks a rule: a malformed NIK, an over-long text, a missing field."""


class InvalidFields(InvalidInput):
    """Several fields break their rules at once: `problems` holds (field, message) for each, so a form
    can show every message on its own field instead of one at a time."""

    def __init__(self, problems: list[InvalidInput]):
        super().__init__(" ".join(p.message for p in problems), field=problems[0].field)
        self.problems: tuple[tuple[str | None, str], ...] = tuple((p.field, p.message) for p in problems)


class NotFound(DomainError):
    """The record asked for does not exist (or was deleted meanwhile)."""


class StaleRecord(DomainError):
    """Someone else saved the record after it was read; the caller's values are kept."""


class WorkflowError(DomainError):
    """The SOP does not allow this step now (wrong step, requirement not met, already signed)."""


class AuthenticationFailed(DomainError):
    """Wrong username or password, inactive or locked account."""


class DatabaseUnavailable(DomainError):
    """The database cannot be reached or written; nothing was saved."""
