"""Random and hostile text through every service entry point that takes text (hypothesis).

The property, for each entry point and on SQLite and PostgreSQL alike: the call either
succeeds and stores exactly what was typed after the services' documented normalisation
(CRLF to LF, Unicode NFC, surrounding whitespace stripped), within the field's limits,
or it raises one of the domain's own errors (DomainError) and writes nothing at all (the
row count of every table and the letter-number sequences are unchanged). Never an
IntegrityError, a DataError, a psycopg2 error, a ValueError or any other crash.

The oracle `expect()` states the documented rules of clean_text once: required fields
are not empty, no control (Cc, except LF and TAB in multi-line fields), surrogate (Cs),
private-use (Co) or unassigned (Cn) characters, at most the field's length in characters
after normalisation. So a valid input that is refused fails the test as surely as an
invalid one that is stored.

Each test function creates one office and runs its examples against it; every example is
independent (counted before and after), and an example that moves a case on replaces it.
"""

from __future__ import annotations

import datetime as dt
import itertools
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from desktop import roles as R
from desktop.models import (
    ALL_MODELS,
    Attachment,
    Disposition,
    IncomingLetter,
    Innovation,
    InnovationDocument,
    Meeting,
    NameOption,
    OutputLog,
    PreparationCheck,
    Recap,
    Report,
    RequestedService,
    ServiceCategory,
    ServiceRecord,
    SopCase,
    User,
    db,
)
from desktop.sections import section_map
from desktop.services import search
from desktop.services.errors import AuthenticationFailed, DomainError, InvalidInput
from desktop.services.inovasi import steps as inovasi
from desktop.services.office.users import NewUser, add_user
from desktop.services.security import auth
from desktop.services.sijarla import recap, service_records
from desktop.services.sijarla import steps as sijarla

from .factories import PASSWORD, letter_draft, make_office, nagari, session, team
from .test_permissions import at_step

pytestmark = pytest.mark.usefixtures("database")

TODAY = dt.date.today()

HOSTILE = settings(
    max_examples=30,
    deadline=None,
    database=None,  # no .hypothesis folder in the repository
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.large_base_example,
    ],
)
FEW = settings(HOSTILE, max_examples=15)

# --- Strategies -----------------------------------------------------------------------------

# Mostly assigned characters of every script, and often the troublesome ones: controls,
# format characters (bidi overrides, zero-width), lone surrogates (a Python str can hold
# them: surrogateescape, a damaged clipboard; neither SQLite nor psycopg2 can encode them),
# private-use and unassigned code points, combining marks, line and paragraph separators.
ANY_CHAR = st.one_of(
    st.characters(codec=None, exclude_categories=("Cs", "Co", "Cn")),
    st.characters(codec=None, categories=("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp", "Mn", "Me")),
)

NAMES_IN_MANY_SCRIPTS = [
    "محمد عبد الله",  # Arabic
    "王小明",  # Chinese
    "श्रीमती सीता देवी",  # Devanagari
    "ꦱꦸꦏꦂꦤꦺꦴ",  # Javanese script
    "Siti 🌺 Rahmah",  # emoji
    "👩‍👩‍👧‍👦 Keluarga",  # emoji with zero-width joiners
    "Nguye\u0302\u0303n Va\u0306n A",  # decomposed Vietnamese: stored composed (NFC)
    "\u200fمحمد\u200f",  # right-to-left marks
    "Ṣalāḥ al-Dīn",
    "Ðặng Thị Ánh",
]
FRAGMENTS = [
    "'; DROP TABLE sop_case; --",
    '" OR 1=1 --',
    "%",
    "_",
    "%_%",
    "\\",
    "\\%",
    "\\_",
    "\x00",
    "\x1b[31m",
    "\r\n",
    "\r",
    "\n",
    "\t",
    "\x0b",
    "\x85",
    "\u2028",
    "\u2029",
    "\u200b",
    "\u200e",
    "\u200f",
    "\u202e",
    "\u202a",
    "\u2066",
    "\u2069",
    "\U000e0041",  # TAG LATIN CAPITAL LETTER A
    "\u2060",
    "\u00ad",
    "\ufeff",
    "\ufffe",
    "\uffff",
    "\ue000",
    "\U0010ffff",
    "\ud800",
    "\udfff",
    "\u0301",
    "\u0301\u0301\u0301",
    "\u0958",  # NFC decomposes it: one character becomes two
    "e\u0301",
    "\u00a0",
    "\u3000",
    " ",
    "😀",
    "🏳️‍🌈",
    "{seq}",
    "{0}",
    "%s",
    "<script>alert(1)</script>",
    "../../etc/passwd",
    "C:\\Windows\\system32",
    *NAMES_IN_MANY_SCRIPTS,
]
UNITS = ["a", "é", "e\u0301", "😀", "王", " ", "\u0301"]


def hostile_text(max_length: int) -> st.SearchStrategy[str]:
    """Random text from every Unicode category, hostile fragments, and strings at the field's limit."""
    boundary = st.builds(
        lambda unit, extra, pad: pad + unit * max(0, max_length + extra) + pad,
        st.sampled_from(UNITS),
        st.integers(-1, 1),
        st.sampled_from(["", " ", "\n", "\u3000"]),
    )
    pieces = st.lists(st.sampled_from(FRAGMENTS) | st.text(ANY_CHAR, max_size=4), max_size=6)
    return st.one_of(
        st.text(ANY_CHAR, max_size=24),
        pieces.map("".join),
        st.sampled_from(FRAGMENTS),
        boundary,
    )


def maybe(strategy: st.SearchStrategy, plain: Any) -> st.SearchStrategy:
    """The plain value three times in four: so one hostile field at a time reaches deep checks."""
    return st.integers(0, 3).flatmap(lambda i: strategy if i == 0 else st.just(plain))


NASTY_CODES = ["\x00", "\ud800", "kia\x00", "KIA", " kia", "kia\u200b", "'; DROP TABLE role; --", "%", "_"]


def hostile_code() -> st.SearchStrategy[str]:
    """A reference code (service category, checklist item, role) as a hostile caller sends it."""
    return st.one_of(st.sampled_from(NASTY_CODES), st.text(ANY_CHAR, max_size=12), st.sampled_from(FRAGMENTS))


# --- The oracle: what the services document -------------------------------------------------


@dataclass(frozen=True)
class Rule:
    max_length: int
    required: bool = True
    multiline: bool = False


def normalised(value: str) -> str:
    return unicodedata.normalize("NFC", value.replace("\r\n", "\n")).strip()


# The documented rule (services/validation.clean_text), restated independently:
DROPPED = "\u200b\u2060\ufeff\u00ad"  # invisible and meaningless in office text: removed
KEPT_FORMAT = "\u200c\u200d\u200e\u200f\u061c"  # joiners and direction marks
LINE_BREAKS = "\u2028\u2029\x85\r"  # become a newline in multi-line text


def expect(value: str, rule: Rule) -> str | None:
    """The text a service must store for `value`, or None when it must refuse it.

    Refused: controls (a newline and a tab only in multi-line text), surrogates, private-use and
    unassigned code points, format characters other than the joiners and direction marks (so no
    bidi override, isolate or TAG character), line separators in one-line text, and a required
    text with nothing visible in it (only spaces, zero-width or combining marks)."""
    text = "".join(ch for ch in value.replace("\r\n", "\n") if ch not in DROPPED)
    if rule.multiline:
        text = "".join("\n" if ch in LINE_BREAKS else ch for ch in text)
    text = unicodedata.normalize("NFC", text).strip()
    if rule.required and not text:
        return None
    for ch in text:
        if rule.multiline and ch in "\n\t" or ch in KEPT_FORMAT:
            continue
        if unicodedata.category(ch) in ("Cc", "Cs", "Co", "Cn", "Cf", "Zl", "Zp"):
            return None
    if rule.required and not any(unicodedata.category(ch)[0] in "LNPS" for ch in text):
        return None
    return text if len(text) <= rule.max_length else None


def expect_all(values: dict[str, str], rules: dict[str, Rule]) -> dict[str, str] | None:
    """Every field's stored text, or None when any field must be refused."""
    result = {name: expect(value, rules[name]) for name, value in values.items()}
    return None if any(v is None for v in result.values()) else result  # type: ignore[return-value]


# --- Calling a service and checking nothing was written on refusal ---------------------------


def counts() -> tuple[int, ...]:
    """Rows in every table and the sum of the number sequences, in one round trip."""
    parts = [f'(SELECT count(*) FROM "{m._meta.table_name}")' for m in ALL_MODELS]
    parts.append('(SELECT coalesce(sum(last_value), 0) FROM "number_sequence")')
    return tuple(int(n) for n in db.execute_sql("SELECT " + ", ".join(parts)).fetchone())


@dataclass
class Outcome:
    result: Any = None
    error: DomainError | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


def attempt(
    call: Callable[[], Any], should_succeed: bool | None, what: str, *, writes_on_refusal: bool = False
) -> Outcome:
    """Run a service call: a valid input must succeed, an invalid one must be refused cleanly.

    `should_succeed` None: either is right (the oracle cannot tell, e.g. a random NIK).
    """
    before = counts()
    try:
        result = call()
    except DomainError as exc:
        assert isinstance(exc.message, str) and exc.message.strip(), f"{what}: refusal without a message"
        if not writes_on_refusal:
            assert counts() == before, f"{what}: refused ({exc.message}) but wrote to the database"
        assert should_succeed is not True, f"{what}: valid input refused: {exc.message}"
        return Outcome(error=exc)
    assert should_succeed is not False, f"{what}: invalid input accepted"
    return Outcome(result=result)


# --- Front desk: the Surat Permohonan ----------------------------------------------------------

LETTER_RULES = {
    "letter_number": Rule(80),
    "sender": Rule(160),
    "subject": Rule(300),
}
PLAIN = "Teks biasa"


def text_fields(rules: dict[str, Rule]) -> st.SearchStrategy[dict[str, str]]:
    return st.fixed_dictionaries(
        {name: maybe(hostile_text(r.max_length), PLAIN) for name, r in rules.items()}
    )


def known_categories() -> list[str]:
    return [c.code for c in ServiceCategory.select().order_by(ServiceCategory.sort_order)]


def test_register_letter_stores_any_text_exactly_or_refuses_it():
    make_office()
    meja = session("meja")
    codes = known_categories()
    requested = st.dictionaries(
        st.sampled_from(codes) | hostile_code(),
        st.integers(-1, 100_001) | st.just(3),
        max_size=3,
    )

    plain = {name: PLAIN for name in LETTER_RULES}

    @HOSTILE
    @example(plain, {"\x00": 1}, "biasa", None)
    @example(plain, {"\ud800": 1}, "biasa", None)
    @example(plain, {"kia": 1}, "\x00", None)
    @example(plain, {"kia": 1}, "biasa", "scan\ud800.pdf")
    @example({**plain, "subject": "\ud800"}, {"kia": 1}, "biasa", None)
    @given(
        fields=text_fields(LETTER_RULES),
        requested=maybe(requested, {"ktp_rekam": 25}),
        sifat=maybe(st.sampled_from(sijarla.SIFAT) | hostile_code(), "biasa"),
        filename=maybe(st.none() | hostile_text(255), "permohonan.pdf"),
    )
    def check(fields, requested, sifat, filename):
        stored = expect_all(fields, LETTER_RULES)
        stored_name = None if filename is None else expect(Path(filename).name, Rule(255))
        valid = (
            stored is not None
            and sifat in sijarla.SIFAT
            and bool(requested)
            and all(code in codes and 0 <= n <= 100_000 for code, n in requested.items())
            and (filename is None or stored_name is not None)
        )
        scan = None if filename is None else sijarla.ScanFile(filename, b"%PDF-1.4\n%\n")
        draft = letter_draft(**fields, requested=requested, sifat=sifat, scan=scan)
        outcome = attempt(lambda: sijarla.register_letter(meja, draft), valid, "register_letter")
        if not outcome.ok:
            return
        receipt = outcome.result
        letter = IncomingLetter.get(IncomingLetter.agenda_number == receipt.agenda_number)
        assert {k: getattr(letter, k) for k in LETTER_RULES} == stored
        assert (receipt.letter_number, receipt.sender, receipt.subject) == (
            stored["letter_number"],
            stored["sender"],
            stored["subject"],
        )
        assert SopCase.get_by_id(letter.case_id).title == stored["subject"]
        rows = RequestedService.select().where(RequestedService.letter == letter.id)
        assert {r.category.code: r.estimated_count for r in rows} == requested
        if filename is not None:
            assert Attachment.get(Attachment.letter == letter.id).filename == stored_name

    check()


def case_version(case_id: int) -> int:
    return SopCase.get_by_id(case_id).version


def test_returning_and_resubmitting_a_request_keeps_the_reason_exactly():
    make_office()
    kabid, meja = session("kabid"), session("meja")
    case_id = at_step("disposisi")
    reason_rule, note_rule = Rule(1000, multiline=True), Rule(1000, required=False, multiline=True)

    @HOSTILE
    @example("\x00", PLAIN)
    @example("\ud800", PLAIN)
    @example("Kurang lampiran.\r\nMohon dilengkapi.", "\ud800")
    @given(reason=maybe(hostile_text(1000), PLAIN), note=maybe(hostile_text(1000), PLAIN))
    def check(reason, note):
        stored = expect(reason, reason_rule)
        call = lambda: sijarla.return_request(kabid, case_id, reason, case_version(case_id))  # noqa: E731
        if not attempt(call, stored is not None, "return_request").ok:
            return
        assert last_step_note(case_id) == stored
        stored_note = expect(note, note_rule)
        call = lambda: sijarla.resubmit_request(meja, case_id, note, case_version(case_id))  # noqa: E731
        if attempt(call, stored_note is not None, "resubmit_request").ok:
            assert last_step_note(case_id) == stored_note
        else:  # bring the case back for the next example
            sijarla.resubmit_request(meja, case_id, "", case_version(case_id))
        assert SopCase.get_by_id(case_id).current_step == "disposisi"

    check()


def last_step_note(case_id: int) -> str:
    from desktop.models import CaseStep

    return CaseStep.select().where(CaseStep.case == case_id).order_by(CaseStep.id.desc()).first().note


# --- Kabid Pelayanan: the disposition ------------------------------------------------------------

DISPOSITION_RULES = {"instructions": Rule(4000, multiline=True), "forwarded_to": Rule(200)}


def test_disposition_text_is_stored_exactly_or_refused():
    make_office()
    kabid = session("kabid")
    case_id = at_step("disposisi")
    plain = {name: PLAIN for name in DISPOSITION_RULES}

    @HOSTILE
    @example({**plain, "instructions": "Baris satu\r\nBaris dua\tTab"}, "segera")
    @example({**plain, "forwarded_to": "Ketua\nTim"}, "segera")
    @example({**plain, "instructions": "\x00"}, "segera")
    @example(plain, "\ud800")
    @given(fields=text_fields(DISPOSITION_RULES), sifat=maybe(hostile_code(), "segera"))
    def check(fields, sifat):
        stored = expect_all(fields, DISPOSITION_RULES)
        draft = sijarla.DispositionDraft(
            team_id=team().id, deadline=TODAY + dt.timedelta(days=3), sifat=sifat, **fields
        )
        # No sifat: the letter's (segera); below the letter's: refused (issue 15 item 12).
        valid = stored is not None and (sifat or "segera") in ("segera", "sangat_segera", "rahasia")
        outcome = attempt(lambda: sijarla.save_disposition(kabid, case_id, draft), valid, "save_disposition")
        if outcome.ok:
            row = Disposition.get_by_id(outcome.result)
            assert {k: getattr(row, k) for k in DISPOSITION_RULES} == stored

    check()


# --- Kepala Dinas: the Surat Tugas ---------------------------------------------------------------

ASSIGNMENT_RULES = {
    "place": Rule(200),
    "task": Rule(2000, multiline=True),
    "basis": Rule(2000, multiline=True),
    "copies_to": Rule(1000, required=False, multiline=True),
}


def test_surat_tugas_text_is_stored_exactly_or_refused():
    make_office()
    kadis = session("kadis")
    members = (session("ketua1").user_id, session("anggota1").user_id)
    cases = [at_step("surat_tugas")]
    plain = {name: PLAIN for name in ASSIGNMENT_RULES}

    @FEW
    @example({**plain, "task": "", "basis": ""})  # empty Dasar and Untuk: the defaults are written
    @example({**plain, "place": "\ud800"})
    @example({**plain, "copies_to": "Bupati\r\nArsip\x00"})
    @given(fields=text_fields(ASSIGNMENT_RULES))
    def check(fields):
        case_id = cases[-1]
        defaulted = {k: v for k, v in fields.items() if k in ("task", "basis") and v == ""}
        stored = expect_all({k: v for k, v in fields.items() if k not in defaulted}, ASSIGNMENT_RULES)
        draft = sijarla.AssignmentDraft(members, start_on=TODAY, end_on=TODAY, **fields)
        call = lambda: sijarla.issue_assignment(kadis, case_id, draft, PASSWORD, case_version(case_id))  # noqa: E731
        outcome = attempt(call, stored is not None, "issue_assignment")
        if not outcome.ok:
            return
        row = sijarla.AssignmentLetter.get_by_id(outcome.result.id)
        assert {k: getattr(row, k) for k in stored} == stored
        assert all(getattr(row, k) for k in defaulted)
        cases.append(at_step("surat_tugas"))

    check()


# --- Tim SIJARLA: preparation, service records, the report ---------------------------------------


def test_preparation_note_and_item_are_stored_exactly_or_refused():
    make_office()
    anggota = session("anggota1")
    case_id = at_step("persiapan")
    items = list(sijarla.PREPARATION_ITEMS)

    @HOSTILE
    @example("siak_data", "Siap.\r\nData lengkap.", True)
    @example("\x00", PLAIN, True)
    @example("\ud800", PLAIN, True)
    @example("siak_data", "\ud800", False)
    @given(
        item=maybe(hostile_code(), "siak_data") | st.sampled_from(items),
        note=maybe(hostile_text(1000), PLAIN),
        done=st.booleans(),
    )
    def check(item, note, done):
        stored = expect(note, Rule(1000, required=False, multiline=True))
        known = item in items  # the hostile item must not reach a query of this test either
        row = (
            PreparationCheck.get((PreparationCheck.case == case_id) & (PreparationCheck.item == item))
            if known
            else None
        )
        version = row.version if row else 1
        valid = known and stored is not None
        call = lambda: sijarla.check_preparation(anggota, case_id, item, done, note, version)  # noqa: E731
        if attempt(call, valid, "check_preparation").ok:
            fresh = PreparationCheck.get_by_id(row.id)
            assert (fresh.note, fresh.is_done, fresh.version) == (stored, done, version + 1)

    check()


RECORD_RULES = {
    "full_name": Rule(120),
    "address": Rule(240, required=False),
    "jorong": Rule(80, required=False),
    "note": Rule(500, required=False),
    "outcome_reason": Rule(300, required=False),
}


def lookup_names(model, *conditions) -> set[str]:
    """What a service-record lookup accepts: codes and names, case-insensitively."""
    rows = model.select().where(model.is_active, *conditions)
    return {r.code.casefold() for r in rows} | {r.name.casefold() for r in rows}


def test_service_record_text_is_stored_exactly_or_refused():
    from desktop.models import ServiceOutcome, TargetGroup

    make_office()
    anggota = session("anggota1")
    case_id = at_step("pelayanan")
    known = {
        "category": lookup_names(ServiceCategory),
        "target_group": lookup_names(TargetGroup),
        "outcome": lookup_names(ServiceOutcome),
    }
    needs_reason = lookup_names(ServiceOutcome, ServiceOutcome.needs_reason)
    serials = itertools.count(1)
    plain = {name: PLAIN for name in RECORD_RULES}

    @HOSTILE
    @example(plain, None, "", "ditunda", "kia")
    @example({**plain, "outcome_reason": ""}, None, "", "ditunda", "kia")  # ditunda needs a reason
    @example(plain, "130203\x0015079000", "", "selesai", "kia")
    @example(plain, "１３０２０３１５０７９００００１", "", "selesai", "kia")  # fullwidth digits
    @example(plain, None, "\ud800", "selesai", "kia")
    @example({**plain, "full_name": "\u200fمحمد\u200f"}, None, " 1302031201100003 ", " KIA ", "Selesai")
    @example(plain, None, "", "selesai", "\x00")
    @given(
        fields=text_fields(RECORD_RULES),
        nik=maybe(hostile_text(16), None),
        kk=maybe(hostile_text(16), ""),
        outcome=maybe(hostile_code(), "selesai") | st.sampled_from(["ditunda", "gagal_rekam", "Sudah punya"]),
        category=maybe(hostile_code(), "ktp_rekam"),
    )
    def check(fields, nik, kk, outcome, category):
        serial = next(serials)
        typed_nik = nik if nik is not None else f" 1302031507{serial // 9000 + 80:02}{serial % 9000 + 1:04} "
        stored = expect_all(fields, RECORD_RULES)
        codes_known = (
            outcome.strip().casefold() in known["outcome"]
            and category.strip().casefold() in known["category"]
        )
        reason_missing = (
            stored is not None and not stored["outcome_reason"] and outcome.strip().casefold() in needs_reason
        )
        valid: bool | None = stored is not None and codes_known and not reason_missing
        if nik is not None or kk.strip():
            valid = None if valid else False  # a random NIK or KK may, rarely, be a real one
        draft = service_records.RecordDraft(
            nik=typed_nik,
            nagari_id=nagari().id,
            category=category,
            target_group="lansia",
            outcome=outcome,
            served_on=TODAY,
            kk=kk,
            **fields,
        )
        outcome_ = attempt(lambda: service_records.add_record(anggota, case_id, draft), valid, "add_record")
        if not outcome_.ok:
            return
        row = ServiceRecord.get_by_id(outcome_.result)
        assert {k: getattr(row, k) for k in RECORD_RULES} == stored
        assert row.nik == typed_nik.strip() and row.kk == (kk.strip() or None)
        listed = {r.id: r for r in service_records.list_records(anggota, case_id)}[row.id]
        assert (listed.full_name, listed.address, listed.jorong) == (
            stored["full_name"],
            stored["address"],
            stored["jorong"],
        )

    check()


@pytest.mark.parametrize("name", NAMES_IN_MANY_SCRIPTS)
def test_names_in_any_script_round_trip_and_are_found(name: str):
    make_office()
    anggota, kabid = session("anggota1"), session("kabid")
    case_id = at_step("pelayanan")
    draft = service_records.RecordDraft(
        nik="1302034507510002",
        full_name=name,
        nagari_id=nagari().id,
        category="ktp_rekam",
        target_group="lansia",
        outcome="selesai",
        served_on=TODAY,
        address=f"Rumah {name}",
        jorong=name[:80],
    )
    record_id = service_records.add_record(anggota, case_id, draft)
    stored = normalised(name)
    row = ServiceRecord.get_by_id(record_id)
    assert (row.full_name, row.address, row.jorong) == (stored, normalised(f"Rumah {name}"), stored)
    assert [r.full_name for r in service_records.list_records(anggota, case_id)] == [stored]
    if len(stored) >= 3:
        hits = search.search(kabid, stored)
        assert ("penduduk", case_id) in {(h.kind, h.case_id) for h in hits}
    receipt = sijarla.register_letter(
        session("meja"), letter_draft(sender=name, subject=f"Permohonan {name}")
    )
    assert (receipt.sender, receipt.subject) == (stored, normalised(f"Permohonan {name}"))
    user = add_user(None, NewUser("nama.lain", name, "rahasia-123", (R.ANGGOTA_TIM,), jabatan=name))
    assert (user.full_name, user.jabatan) == (stored, stored)
    assert User.get_by_id(user.id).full_name == stored


REPORT_RULES = {
    "introduction": Rule(4000, multiline=True),
    "activities": Rule(8000, multiline=True),
    "conclusion": Rule(4000, multiline=True),
    "closing": Rule(2000, multiline=True),
}


def test_report_sections_are_stored_exactly_or_refused():
    make_office()
    ketua = session("ketua1")
    cases = [at_step("laporan")]
    plain = {name: PLAIN for name in REPORT_RULES}

    @FEW
    @example({**plain, "activities": "1. Perekaman\r\n2. Pencetakan\t(KIA)"})
    @example({**plain, "conclusion": "\x00"})
    @example({**plain, "closing": "  "})
    @given(fields=text_fields(REPORT_RULES))
    def check(fields):
        case_id = cases[-1]
        stored = expect_all(fields, REPORT_RULES)
        call = lambda: sijarla.submit_report(  # noqa: E731
            ketua, case_id, sijarla.ReportDraft(**fields), case_version(case_id)
        )
        if attempt(call, stored is not None, "submit_report").ok:
            row = Report.get(Report.case == case_id)
            assert {k: getattr(row, k) for k in REPORT_RULES} == stored
            cases.append(at_step("laporan"))

    check()


# --- The recap and its notes ------------------------------------------------------------------


def test_recap_notes_are_stored_exactly_or_refused():
    make_office()
    kph, kabidpdip, kadis = session("kph"), session("kabidpdip"), session("kadis")
    moves = {
        "draf": (recap.forward_recap, kph),
        "diteruskan": (recap.submit_recap, kabidpdip),
        "diajukan": (recap.acknowledge_recap, kadis),
    }
    recaps = [recap.build_recap(kph, recap.period("tahun", TODAY.year)).id]

    @HOSTILE
    @example("Sudah diperiksa.\r\nLanjutkan.")
    @example("\x00")
    @example("\ud800")
    @example("")
    @given(note=maybe(hostile_text(2000), PLAIN))
    def check(note):
        row = Recap.get_by_id(recaps[-1])
        move, actor = moves[row.status]
        stored = expect(note, Rule(2000, required=False, multiline=True))
        if attempt(lambda: move(actor, row.id, row.version, note), stored is not None, "recap note").ok:
            fresh = Recap.get_by_id(row.id)
            assert fresh.note == (stored or row.note)
            if fresh.status == "diterima":
                recaps.append(recap.build_recap(kph, recap.period("tahun", TODAY.year)).id)

    check()


# --- Search --------------------------------------------------------------------------------


def test_search_takes_any_text_as_plain_text():
    make_office()
    kabid, meja = session("kabid"), session("meja")
    at_step("pelayanan")

    @HOSTILE
    @example("'; DROP TABLE sop_case; --")
    @example("%%%")
    @example("\\")
    @example("\x00")
    @example("\ud800")
    @given(query=hostile_text(100))
    def check(query):
        valid = expect(query, Rule(100)) is not None
        for actor in (kabid, meja):
            outcome = attempt(lambda a=actor: search.search(a, query), valid, "search")
            assert outcome.ok or outcome.error.field == "query"
        assert IncomingLetter.select().count() >= 1 and SopCase.select().count() >= 1

    check()


def test_search_finds_a_letter_by_any_part_of_its_subject():
    make_office()
    meja = session("meja")

    @HOSTILE
    @example("Permohonan 100% _pasti_ \\ lengkap", 11, 20)
    @example("O'Brien; DROP TABLE sop_case; --", 0, 20)
    @example("محمد عبد الله", 0, 5)
    @given(subject=hostile_text(300), start=st.integers(0, 40), size=st.integers(3, 100))
    def check(subject, start, size):
        stored = expect(subject, Rule(300))
        outcome = attempt(
            lambda: sijarla.register_letter(meja, letter_draft(subject=subject)), stored is not None, "letter"
        )
        if not outcome.ok:
            return
        needle = normalised(stored[start : start + size])
        if len(needle) < 3 or needle not in stored:
            return
        hits = search.search(meja, needle)
        assert ("surat", outcome.result.case_id) in {(h.kind, h.case_id) for h in hits}

    check()


# --- Accounts and login ------------------------------------------------------------------------

USER_RULES = {
    "full_name": Rule(120),
    "pangkat_golongan": Rule(80, required=False),
    "jabatan": Rule(160, required=False),
}


def expect_username(value: str) -> str | None:
    import re

    name = value.strip().lower()
    return name if re.fullmatch(r"[a-z0-9][a-z0-9._-]{2,39}", name, re.ASCII) else None


def expect_nip(value: str | None) -> str | None | bool:
    """The NIP stored (None: none), or False when it must be refused."""
    import re

    text = re.sub(r"[\s.]", "", value or "")
    if not text:
        return None
    return text if re.fullmatch(r"[0-9]{18}", text, re.ASCII) else False


def password_ok(password: str) -> bool:
    """8 to 128 characters that can be typed again: no control, format, surrogate, private-use,
    unassigned or line-separator character, and not only spaces (accounts.check_new_password)."""
    bad = ("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp")
    return (
        8 <= len(password) <= 128
        and not any(unicodedata.category(ch) in bad for ch in password)
        and bool(password.strip())
    )


def test_new_accounts_store_text_exactly_or_refuse_it():
    make_office()
    admin = session("admin")
    serials = itertools.count(1)
    roles = [r.code for r in R.BUILTIN_ROLES]
    plain = {name: PLAIN for name in USER_RULES}

    @HOSTILE
    @example(plain, None, "198805122011011002", "rahasia\ud800xyz", (R.FRONT_DESK,))
    @example(plain, None, None, "\x00\x00\x00\x00\x00\x00\x00\x00", (R.FRONT_DESK,))
    @example(plain, " Petugas.Satu ", "1988 0512 2011 01 1 002", "rahasia-123", (R.FRONT_DESK,))
    @example(plain, "\u212aepala", None, "rahasia-123", (R.FRONT_DESK,))  # Kelvin sign lowers to "k"
    @example(plain, None, None, "rahasia-123", ("\x00",))
    @example(plain, None, None, "rahasia-123", ("\ud800",))
    @example(plain, "\x00admin", None, "rahasia-123", (R.FRONT_DESK,))
    @given(
        fields=text_fields(USER_RULES),
        username=maybe(hostile_text(40), None),
        nip=maybe(hostile_text(18), None),
        password=maybe(hostile_text(12), "rahasia-123"),
        user_roles=maybe(
            st.lists(hostile_code() | st.sampled_from(roles), max_size=3).map(tuple), (R.FRONT_DESK,)
        ),
    )
    def check(fields, username, nip, password, user_roles):
        typed = username if username is not None else f"petugas.{next(serials)}"
        name = expect_username(typed)
        if name is not None and User.select().where(User.username == name).exists():
            name = None  # already taken: refused with its own message
        stored, stored_nip = expect_all(fields, USER_RULES), expect_nip(nip)
        valid = (
            name is not None
            and stored is not None
            and stored_nip is not False
            and password_ok(password)
            and bool(user_roles)
            and all(code in roles for code in user_roles)
        )
        new = NewUser(typed, password=password, roles=user_roles, nip=nip, **fields)
        outcome = attempt(lambda: add_user(admin, new), valid, "add_user")
        if not outcome.ok:
            return
        summary = outcome.result
        assert (summary.username, summary.nip, summary.roles) == (
            name,
            stored_nip,
            tuple(sorted(set(user_roles))),
        )
        assert {k: getattr(summary, k) for k in USER_RULES} == stored
        assert auth.login(typed, password).user_id == summary.id  # the account opens with what was typed

    check()


def test_login_refuses_any_text_with_its_own_message():
    make_office()
    add_user(None, NewUser("petugas.login", "Petugas Login", "rahasia-123", (R.FRONT_DESK,)))

    @HOSTILE
    @example("\x00", "rahasia-123")
    @example("\ud800", "rahasia-123")
    @example("petugas.login", "\ud800\ud800\ud800\ud800\ud800\ud800\ud800\ud800")
    @example("petugas.login", "rahasia-123\x00")
    @example("' OR 1=1 --", "' OR 1=1 --")
    @example(" PETUGAS.LOGIN ", "rahasia-123")
    @given(username=maybe(hostile_text(40), "petugas.login"), password=maybe(hostile_text(12), "rahasia-123"))
    def check(username, password):
        User.update(failed_logins=0, locked_until=None).where(User.username == "petugas.login").execute()
        valid = username.strip().lower() == "petugas.login" and password == "rahasia-123"
        outcome = attempt(lambda: auth.login(username, password), valid, "login", writes_on_refusal=True)
        assert outcome.ok or isinstance(outcome.error, AuthenticationFailed)

    check()


# --- Inovasi Pelayanan Publik -------------------------------------------------------------------

IDEA_RULES = {
    "title": Rule(200),
    "problem": Rule(4000, multiline=True),
    "target": Rule(2000, multiline=True),
    "pointers": Rule(8000, multiline=True),
}


def test_idea_text_is_stored_exactly_or_refused():
    make_office()
    kasi = session("kasi")
    plain = {name: PLAIN for name in IDEA_RULES}

    @HOSTILE
    @example({**plain, "pointers": "1. Satu\r\n2. Dua\n\n\tTiga"}, "kajian.pdf")
    @example({**plain, "title": "Judul\nbaris dua"}, "kajian.pdf")
    @example(plain, "../../kajian\x00.pdf")
    @example(plain, "\ud800.pdf")
    @given(fields=text_fields(IDEA_RULES), filename=maybe(hostile_text(255), "kajian.pdf"))
    def check(fields, filename):
        stored = expect_all(fields, IDEA_RULES)
        stored_name = expect(Path(filename).name, Rule(255))
        draft = inovasi.IdeaDraft(attachments=((filename, b"%PDF-1.4\n"),), **fields)
        valid = stored is not None and stored_name is not None
        outcome = attempt(lambda: inovasi.propose_idea(kasi, draft), valid, "propose_idea")
        if outcome.ok:
            row = Innovation.get_by_id(outcome.result.id)
            assert {k: getattr(row, k) for k in IDEA_RULES} == stored
            assert Attachment.get(Attachment.case == row.case_id).filename == stored_name

    check()


def innovation_at_first_discussion() -> inovasi.InnovationSummary:
    from .test_inovasi_flow import to_first_discussion

    return to_first_discussion(on=TODAY)


def test_reviews_and_meeting_reasons_are_stored_exactly_or_refused():
    """One innovation goes round ide -> telaah Kabid -> telaah Kepala Dinas -> rapat 'tidak' -> ide."""
    from .test_inovasi_flow import first_discussion, people

    make_office()
    kasi, kabidpdip, kadis = session("kasi"), session("kabidpdip"), session("kadis")
    ids = people()
    innovation_id = innovation_at_first_discussion().id
    notes_rule, reason_rule = Rule(20_000, multiline=True), Rule(4000, multiline=True)

    def body_of(step_code: str) -> str:
        query = InnovationDocument.select().where(
            (InnovationDocument.innovation == innovation_id) & (InnovationDocument.step_code == step_code)
        )
        return query.order_by(InnovationDocument.id.desc()).first().body

    def at(step: str, text: str, other: str, forward: bool, decision: str) -> None:
        version = SopCase.get_by_id(Innovation.get_by_id(innovation_id).case_id).version
        if step == "pembahasan_awal":
            stored, place = expect(text, reason_rule), expect(other, Rule(200, required=False))
            draft = first_discussion(ids, decision, text, held_on=TODAY)
            draft = inovasi.MeetingDraft(**{**draft.__dict__, "place": other})
            valid = stored is not None and place is not None and decision in ("ya", "tidak")
            if decision == "ya":  # stay in the round: 'ya' is only ever tried with a refusal
                valid = False
                draft = inovasi.MeetingDraft(**{**draft.__dict__, "close_as_rejected": True})
            call = lambda: inovasi.decide_first_discussion(kasi, innovation_id, draft, version)  # noqa: E731
            if attempt(call, valid, "decide_first_discussion").ok:
                meeting = Meeting.select().order_by(Meeting.id.desc()).first()
                assert (meeting.reason, meeting.place, meeting.decision) == (stored, place, "tidak")
                assert last_step_note(Innovation.get_by_id(innovation_id).case_id) == stored
        elif step == "telaah_kabid":
            rule = notes_rule if forward else reason_rule
            stored = expect(text, rule)
            call = lambda: inovasi.review_by_kabid(kabidpdip, innovation_id, text, forward, version)  # noqa: E731
            if attempt(call, stored is not None, "review_by_kabid").ok:
                if forward:
                    assert body_of("telaah_kabid") == stored
                else:
                    assert last_step_note(Innovation.get_by_id(innovation_id).case_id) == stored
        elif step == "telaah_kepala_dinas":
            stored = expect(text, notes_rule)
            call = lambda: inovasi.review_by_kepala_dinas(kadis, innovation_id, text, version)  # noqa: E731
            if attempt(call, stored is not None, "review_by_kepala_dinas").ok:
                assert body_of("telaah_kepala_dinas") == stored
        else:
            fields = {"title": other, "problem": text, "target": PLAIN, "pointers": text}
            stored_fields = expect_all(fields, IDEA_RULES)
            draft = inovasi.IdeaDraft(**fields)
            call = lambda: inovasi.revise_idea(kasi, innovation_id, draft, version)  # noqa: E731
            if attempt(call, stored_fields is not None, "revise_idea").ok:
                row = Innovation.get_by_id(innovation_id)
                assert {k: getattr(row, k) for k in IDEA_RULES} == stored_fields

    visited: set[str] = set()

    @HOSTILE
    @example("Perlu kajian.\r\nUlangi.", PLAIN, True, "tidak")  # four valid examples: one whole round
    @example("Layak.\tLanjut.", PLAIN, True, "tidak")
    @example("Bahas dalam rapat.", PLAIN, True, "tidak")
    @example("Gagasan diperbaiki.", "Judul baru", True, "tidak")
    @example("\x00", PLAIN, True, "tidak")
    @example("\ud800", "\ud800", False, "\ud800")
    @given(
        text=maybe(hostile_text(4000), PLAIN),
        other=maybe(hostile_text(200), PLAIN),
        forward=st.booleans(),
        decision=maybe(hostile_code() | st.just("ya"), "tidak"),
    )
    def check(text, other, forward, decision):
        step = SopCase.get_by_id(Innovation.get_by_id(innovation_id).case_id).current_step
        visited.add(step)
        at(step, text, other, forward, decision)

    check()
    assert visited == {"ide", "telaah_kabid", "telaah_kepala_dinas", "pembahasan_awal"}


def innovation_at(step: str) -> int:
    """A new innovation brought to the technical discussion or to the naming, on today's date."""
    from .test_inovasi_flow import first_discussion, people

    ids = people()
    kasi, kadis, kabidpdip, adb = session("kasi"), session("kadis"), session("kabidpdip"), session("adb")
    summary = innovation_at_first_discussion()
    summary = inovasi.decide_first_discussion(
        kadis, summary.id, first_discussion(ids, "ya", "Disepakati.", held_on=TODAY), summary.case_version
    )
    inovasi.open_finalization(kasi, summary.id, TODAY, "Aula", (ids["kadis"], ids["kabidpdip"]))
    inovasi.approve_draft(kadis, summary.id, True)
    inovasi.approve_draft(kabidpdip, summary.id, True)
    summary = inovasi.finish_finalization(
        kasi, summary.id, ("notulen.pdf", b"%PDF-1.4\n"), summary.case_version
    )
    if step == "pembahasan_teknis":
        return summary.id
    concept = inovasi.FinalConcept("Mekanisme", "Sumber daya", "Jadwal", "Indikator")
    summary = inovasi.record_technical_discussion(
        adb, summary.id, concept, (ids["kasi"], ids["adb"]), summary.case_version
    )
    assert summary.current_step == step == "penamaan"
    return summary.id


def innovation_case_version(innovation_id: int) -> int:
    return SopCase.get_by_id(Innovation.get_by_id(innovation_id).case_id).version


CONCEPT_RULES = {name: Rule(4000, multiline=True) for name, _ in inovasi.CONCEPT_SECTIONS}


def test_final_concept_is_stored_exactly_or_refused():
    make_office()
    adb = session("adb")
    participants = (session("kasi").user_id, adb.user_id)
    innovations = [innovation_at("pembahasan_teknis")]
    plain = {name: PLAIN for name in CONCEPT_RULES}

    @FEW
    @example({**plain, "mechanism": "Bidan:\n  mengunggah\nOperator:"})
    @example({**plain, "schedule": "\x00"})
    @given(fields=text_fields(CONCEPT_RULES))
    def check(fields):
        innovation_id = innovations[-1]
        stored = expect_all(fields, CONCEPT_RULES)
        concept = inovasi.FinalConcept(**fields)
        call = lambda: inovasi.record_technical_discussion(  # noqa: E731
            adb, innovation_id, concept, participants, innovation_case_version(innovation_id)
        )
        if attempt(call, stored is not None, "record_technical_discussion").ok:
            profile = inovasi.innovation_profile(innovation_id)
            assert {k: getattr(profile, k) for k in CONCEPT_RULES} == stored
            innovations.append(innovation_at("pembahasan_teknis"))

    check()


def test_name_alternatives_are_stored_exactly_or_refused():
    make_office()
    kadis = session("kadis")
    innovations = [innovation_at("penamaan")]
    alternative = st.tuples(maybe(hostile_text(120), "SI AKRAB"), maybe(hostile_text(400), "Sistem Akta"))

    @FEW
    @example([("SI AKRAB", "Sistem Akta"), ("si akrab", "")], "SI AKRAB")  # the same name twice
    @example([("ṢALĀḤ", "nama\nbaris")], "ṣalāḥ")
    @example([("\x00", "")], "\x00")
    @example([("SI AKRAB", "")], "\ud800")
    @given(
        alternatives=st.lists(alternative, max_size=3),
        chosen=st.none() | hostile_text(120),
    )
    def check(alternatives, chosen):
        innovation_id = innovations[-1]
        names = [expect(name, Rule(120)) for name, _ in alternatives]
        meanings = [expect(meaning, Rule(400, required=False)) for _, meaning in alternatives]
        typed = chosen if chosen is not None else (alternatives[0][0] if alternatives else "")
        pick = expect(typed, Rule(120))
        distinct = len({n.casefold() for n in names if n is not None}) == len(names)
        match = [n for n in names if n is not None and pick is not None and n.casefold() == pick.casefold()]
        valid = bool(names) and None not in names and None not in meanings and distinct and bool(match)
        call = lambda: inovasi.decide_name(  # noqa: E731
            kadis, innovation_id, alternatives, typed, innovation_case_version(innovation_id)
        )
        if not attempt(call, valid, "decide_name").ok:
            return
        options = NameOption.select().where(NameOption.innovation == innovation_id).order_by(NameOption.id)
        assert [(o.name, o.meaning) for o in options] == list(zip(names, meanings, strict=True))
        assert Innovation.get_by_id(innovation_id).chosen_name == match[0]
        innovations.append(innovation_at("penamaan"))

    check()


def test_output_log_and_closing_note_are_stored_exactly_or_refused():
    make_office()
    kadis, adb = session("kadis"), session("adb")
    innovation_id = innovation_at("penamaan")
    inovasi.decide_name(
        kadis, innovation_id, [("SI AKRAB", "")], "SI AKRAB", innovation_case_version(innovation_id)
    )

    @HOSTILE
    @example("Pelayanan akta\r\n", "")
    @example("\x00", PLAIN)
    @example(PLAIN, "\ud800")
    @given(activity=maybe(hostile_text(300), PLAIN), note=maybe(hostile_text(500), ""))
    def check(activity, note):
        stored, stored_note = expect(activity, Rule(300)), expect(note, Rule(500, required=False))
        valid = stored is not None and stored_note is not None
        call = lambda: inovasi.log_output(adb, innovation_id, TODAY, activity, 3, note)  # noqa: E731
        if attempt(call, valid, "log_output").ok:
            row = OutputLog.get_by_id(OutputLog.select().order_by(OutputLog.id.desc()).first().id)
            assert (row.activity, row.note) == (stored, stored_note)

    check()
    for note in ("\x00", "\ud800", "x" * 4001, " Siap direplikasi.\r\nKe kecamatan lain. "):
        stored = expect(note, Rule(4000, required=False, multiline=True))
        call = lambda n=note: inovasi.complete_implementation(  # noqa: E731
            adb, innovation_id, n, innovation_case_version(innovation_id)
        )
        if attempt(call, stored is not None, "complete_implementation").ok:
            assert last_step_note(Innovation.get_by_id(innovation_id).case_id) == stored


def test_short_lines_within_each_fields_limit_fit_the_step_document():
    make_office()
    many_lines = {"problem": "a\n" * 1999 + "a", "target": "a\n" * 999 + "a", "pointers": "a\n" * 3999 + "a"}
    assert expect_all({**many_lines, "title": PLAIN}, IDEA_RULES) is not None  # every field is valid
    summary = inovasi.propose_idea(session("kasi"), inovasi.IdeaDraft(title=PLAIN, **many_lines))
    document = InnovationDocument.get(InnovationDocument.innovation == summary.id)
    assert section_map(document.body) == {
        "Permasalahan": many_lines["problem"],
        "Sasaran": many_lines["target"],
        "Pointers konsep": many_lines["pointers"],
    }


def test_a_document_too_long_only_once_its_lines_are_escaped_names_the_part_to_shorten():
    """Lines ending with ':' are indented so they cannot read as headings: at the fields' limits that
    outgrows one document, and the refusal says which part to shorten; nothing is written."""
    make_office()
    colons = {"problem": "a:\n" * 1333 + "a", "target": "a:\n" * 666 + "a", "pointers": "a:\n" * 2666 + "a"}
    assert expect_all({**colons, "title": PLAIN}, IDEA_RULES) is not None
    call = lambda: inovasi.propose_idea(session("kasi"), inovasi.IdeaDraft(title=PLAIN, **colons))  # noqa: E731
    assert not attempt(call, False, "propose_idea").ok
    with pytest.raises(InvalidInput, match='Persingkat bagian "Pointers konsep"'):
        call()
