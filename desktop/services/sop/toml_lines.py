"""Line numbers in a valid TOML text: which line writes a key path, for messages that point at it."""

from __future__ import annotations

import re

Path_ = tuple[str | int, ...]


_KEY = re.compile(r'"((?:[^"\\]|\\.)*)"|\'([^\']*)\'|([A-Za-z0-9_-]+)')


_SCALAR = re.compile(r"[^,\]}\r\n#]+")


class _Locator:
    """Maps key paths such as ("steps", 2, "roles", 0) to the line where a valid TOML text writes them."""

    def __init__(self, text: str):
        self.text = text
        self.pos = 0
        self.line = 1
        self.lines: dict[Path_, int] = {}
        self.arrays: dict[Path_, int] = {}  # array-of-tables path -> index of its latest [[table]]
        try:
            self._scan()
        except (IndexError, ValueError):  # best effort: the positions found so far stay usable
            pass

    def line_of(self, path: Path_) -> int | None:
        """The line of `path`, or of its nearest written parent (a missing key: its table's header)."""
        for end in range(len(path), 0, -1):
            if path[:end] in self.lines:
                return self.lines[path[:end]]
        return None

    def _advance(self, count: int) -> None:
        if count <= 0 or self.pos >= len(self.text):
            raise ValueError("scanner stuck")
        self.line += self.text.count("\n", self.pos, self.pos + count)
        self.pos += count

    def _peek(self, ahead: int = 1) -> str:
        return self.text[self.pos : self.pos + ahead]

    def _skip(self) -> None:
        while self.pos < len(self.text):
            c = self.text[self.pos]
            if c == "#":
                end = self.text.find("\n", self.pos)
                self._advance((len(self.text) if end < 0 else end) - self.pos)
            elif c in " \t\r\n":
                self._advance(1)
            else:
                return

    def _skip_blanks(self) -> None:
        while self._peek() in (" ", "\t"):
            self._advance(1)

    def _scan(self) -> None:
        table: Path_ = ()
        while True:
            self._skip()
            if self.pos >= len(self.text):
                return
            if self._peek() == "[":
                table = self._header()
            else:
                self._keyval(table)

    def _header(self) -> Path_:
        line, array = self.line, self._peek(2) == "[["
        self._advance(2 if array else 1)
        keys = self._key()
        self._advance(2 if array else 1)
        path: Path_ = ()
        for key in keys[:-1]:
            path += (key,)
            if path in self.arrays:
                path += (self.arrays[path],)
        path += (keys[-1],)
        if array:
            self.arrays[path] = self.arrays.get(path, -1) + 1
            self.lines.setdefault(path, line)
            path += (self.arrays[path],)
        self.lines.setdefault(path, line)
        return path

    def _key(self) -> tuple[str, ...]:
        keys: list[str] = []
        while True:
            self._skip_blanks()
            match = _KEY.match(self.text, self.pos)
            if not match:
                raise ValueError("no key")
            keys.append(next(g for g in match.groups() if g is not None))
            self._advance(match.end() - self.pos)
            self._skip_blanks()
            if self._peek() != ".":
                return tuple(keys)
            self._advance(1)

    def _keyval(self, table: Path_) -> None:
        line = self.line
        path = table + self._key()
        self._advance(1)  # the "="
        self._skip_blanks()
        self.lines.setdefault(path, line)
        self._value(path)

    def _value(self, path: Path_) -> None:
        c = self._peek()
        if self._peek(3) in ('"""', "'''"):
            self._string(self._peek(3))
        elif c in "\"'":
            self._string(c)
        elif c in "[{":
            self._items(path, "]" if c == "[" else "}")
        else:
            match = _SCALAR.match(self.text, self.pos)
            self._advance(match.end() - self.pos if match else 1)

    def _string(self, quote: str) -> None:
        self._advance(len(quote))
        while self._peek(len(quote)) != quote:
            self._advance(2 if quote[0] == '"' and self._peek() == "\\" else 1)
        self._advance(len(quote))
        while len(quote) == 3 and self._peek() == quote[0]:  # up to two quotes may close a multi-line string
            self._advance(1)

    def _items(self, path: Path_, close: str) -> None:
        self._advance(1)
        index = 0
        while True:
            self._skip()
            if self._peek() == close:
                self._advance(1)
                return
            if close == "]":
                self.lines.setdefault(path + (index,), self.line)
                self._value(path + (index,))
                index += 1
            else:
                self._keyval(path)
            self._skip()
            if self._peek() == ",":
                self._advance(1)
