"""Checking every field of a draft before refusing it, so the user sees all that is wrong at once."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from desktop.services.errors import InvalidFields, InvalidInput

T = TypeVar("T")


class Problems:
    """Runs checks that raise InvalidInput and keeps each refusal; `raise_any` refuses with all of them."""

    def __init__(self) -> None:
        self.found: list[InvalidInput] = []

    def check(self, rule: Callable[[], T]) -> T | None:
        """The rule's result, or None (with its refusal kept) when it refused."""
        try:
            return rule()
        except InvalidInput as refusal:
            self.found.append(refusal)
            return None

    def raise_any(self) -> None:
        """Refuse with what was found: the one InvalidInput, or InvalidFields for several."""
        if len(self.found) == 1:
            raise self.found[0]
        if self.found:
            raise InvalidFields(self.found)
