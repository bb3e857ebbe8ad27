"""What may not reach a user's eyes: raw identifiers, Python reprs, hashes, Unicode names, English.

`word_problems(text)` lists what is wrong with one shown string (empty: fine). Used by the UI test
that collects every string of every window (tests/ui/test_words.py), by the scan of every tr()
source string (tests/unit/test_words_sources.py) and by the command line test. Qt-free.
"""

from __future__ import annotations

import re

# Common English words that are neither Indonesian nor loanwords the office uses. Words Indonesian
# writes the same way (data, status, printer, database, server, scan, file names' "PDF") stay out.
ENGLISH_WORDS = frozenset(
    """
    the of and or to is are was were be been for with from by on at this that these those it its
    not yes if then else when which what who where how why will would should could can may must
    case cases letter letters incoming outgoing workstation error errors warning file files
    save saved cancel cancelled settings setting open close closed delete deleted remove add added
    new old search find next previous back finish done ok apply reset refresh reload loading
    usage required argument arguments invalid choice choose unrecognized unrecognised expected help
    show message exit options option positional value values none true false object null undefined
    user users username name password login logout sign signed signature signing approve approved
    reject rejected return returned submit submitted pending success successful failed failure
    please wait select selected browse upload download import export imported exported backup
    restore restored print printed printing preview report reports recap meeting meetings team
    teams member members leader idea ideas innovation document documents issued issue attachment
    office staff role roles entity action actions detail details date time day days week month year
    page pages table tables row rows column columns record records service services item items
    list empty unknown missing permission denied access locked unlocked session timeout connection
    test tests sample default custom your you our we they he she them his her my me
    """.split()
)

# Names a user reads as they are: the app, products, official abbreviations.
PROPER_NAMES = frozenset(
    """
    SIJARLA PostgreSQL SQLite NIK KK PDF QR NIP KTP KIA ADB SOP TLS CSV XLSX Excel Windows Dinas Desk
    ESC POS USB TCP IP URL PNG JPG JPEG DPI Disdukcapil Kabid Kasi Kadis
    """.split()
)

FILE_EXTENSIONS = frozenset(
    "csv xlsx xls pdf png jpg jpeg sqlite3 sqlite db txt md toml json zip exe ts qm bak gif bmp tif".split()
)

_STRIPPED = (
    re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://\S*"),  # URLs
    re.compile(r"\S+@\S+"),  # e-mail addresses
    re.compile(r"(?:[A-Za-z]:)?[\\/][^\s]*[\\/][^\s]*"),  # paths with folders
    re.compile(r"<[^>]+>"),  # HTML tags of rich-text labels
    re.compile(r"&[a-z]+;"),  # HTML entities
    re.compile(r"\{[^}]*\}"),  # numbering pattern fields the user types ({seq}, {bulan})
    re.compile(r"\bmis\. \S+"),  # an example of what to type ("mis. akta_cerai")
    re.compile(r"\b(?:s\.d|a\.n|u\.p|d\.a)\.", re.IGNORECASE),  # Indonesian abbreviations
    re.compile(r"\bby name by address\b"),  # the programme's own Indonesian term (Dukcapil)
    re.compile(r"\bpg_(?:dump|restore|dumpall|hba\.conf)\b"),  # PostgreSQL programs an admin runs
)
_SNAKE = re.compile(r"(?<![\w.-])[a-z][a-z0-9]*(?:_[a-z0-9]+)+(?![\w-])")
_DOTTED = re.compile(r"(?<![\w.-])[a-z_][a-z0-9_]*(?:\.[a-z_][a-z0-9_]*)+(?![\w-])")
_REPR = re.compile(r"\b(?:None|True|False)\b|object at 0x|<[\w.]+ object\b|Traceback \(most recent")
_HEX = re.compile(r"\b[0-9a-fA-F]{16,}\b")
_UNICODE_NAME = re.compile(
    r"\b(?:LATIN (?:CAPITAL|SMALL) LETTER|DIGIT (?:ZERO|ONE|TWO|THREE|FOUR|FIVE|SIX|SEVEN|EIGHT|NINE)"
    r"|HYPHEN-MINUS|NO-BREAK SPACE|FULL STOP|SOLIDUS|APOSTROPHE|QUOTATION MARK|CHARACTER TABULATION"
    r"|ZERO WIDTH|SPACE)\b"
)
_WORD = re.compile(r"[A-Za-z]+(?:'[a-z]+)?")


def _visible(text: str) -> str:
    for pattern in _STRIPPED:
        text = pattern.sub(" ", text)
    return text


def word_problems(text: str) -> list[str]:
    """What is wrong with one string a user sees: each problem names the offending part."""
    if not text or not text.strip():
        return []
    shown = _visible(text)
    problems = [f"identifier {m!r}" for m in _SNAKE.findall(shown)]
    problems += [
        f"dotted identifier {m!r}"
        for m in _DOTTED.findall(shown)
        if m.rsplit(".", 1)[-1] not in FILE_EXTENSIONS and not re.fullmatch(r"[a-z]{1,4}\.", m + ".")
    ]
    problems += [f"Python repr {m!r}" for m in _REPR.findall(text)]
    problems += [f"hash {m[:20]!r}" for m in _HEX.findall(shown) if re.search(r"[a-fA-F]", m)]
    problems += [f"Unicode name {m!r}" for m in _UNICODE_NAME.findall(shown)]
    problems += [
        f"English {word!r}"
        for word in _WORD.findall(shown)
        if word not in PROPER_NAMES and word.lower() in ENGLISH_WORDS
    ]
    return problems


def problems_in(texts: dict[str, list[str]] | list[str]) -> list[str]:
    """Every problem of many strings, as 'where: problem in "text"' lines."""
    items = texts.items() if isinstance(texts, dict) else [("", texts)]
    return [
        f"{where}: {problem} in {text[:120]!r}"
        for where, strings in items
        for text in strings
        for problem in word_problems(text)
    ]
