"""Domain errors, as the services raise them (defined in desktop.errors so the data layer can too)."""

from desktop.errors import (
    AuthenticationFailed,
    DatabaseUnavailable,
    DomainError,
    InvalidFields,
    InvalidInput,
    NotFound,
    PermissionDenied,
    StaleRecord,
    WorkflowError,
)

__all__ = [
    "AuthenticationFailed",
    "DatabaseUnavailable",
    "DomainError",
    "InvalidFields",
    "InvalidInput",
    "NotFound",
    "PermissionDenied",
    "StaleRecord",
    "WorkflowError",
]
