"""No lost updates: 20 threads x 50 edits of the same row, on SQLite and PostgreSQL.

Each thread reads the row's version just before its edit and passes it as the expected
version, as a form would. Every edit either succeeds or is refused with StaleRecord, whose
message says who changed the row and when ("sudah diubah oleh ... pada ..."). At the end
the row's version is 1 + the number of successes, no two successes started from the same
version (that would be a lost update), and the row holds the last success's values.

Each thread has its own connection (peewee keeps one per thread) and closes it at the end.
On SQLite the writers queue on the busy timeout (BEGIN IMMEDIATE, timeout=15 s); a
"database is locked" would surface here as an unexpected error.
"""

from __future__ import annotations

import datetime as dt
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass, field

import pytest

from desktop import roles as R
from desktop.models import AuditLog, CaseStep, Disposition, PreparationCheck, SopCase, db
from desktop.services.errors import StaleRecord, WorkflowError
from desktop.services.office.users import NewUser, add_user
from desktop.services.sijarla import steps as sijarla

from .factories import PASSWORD, make_office, session, team
from .test_permissions import at_step

pytestmark = [pytest.mark.usefixtures("database"), pytest.mark.slow]

THREADS, EDITS = 20, 50
STALE = re.compile(r"sudah diubah oleh (?P<who>.+?) pada (?P<when>\d{2}-\d{2}-\d{4} \d{2}:\d{2})")


@dataclass
class Tally:
    """What the threads saw: successes (expected version -> value written), refusals, crashes."""

    successes: dict[int, str] = field(default_factory=dict)
    duplicates: list[int] = field(default_factory=list)
    refusals: list[str] = field(default_factory=list)
    crashes: list[BaseException] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def success(self, version: int, value: str) -> None:
        with self.lock:
            if version in self.successes:
                self.duplicates.append(version)
            self.successes[version] = value

    def refused(self, message: str) -> None:
        with self.lock:
            self.refusals.append(message)


def hammer(edit: Callable[[int, int, Tally], None]) -> Tally:
    """Run `edit(thread, i, tally)` EDITS times in each of THREADS threads, all released together."""
    tally = Tally()
    start = threading.Barrier(THREADS)

    def run(thread: int) -> None:
        try:
            start.wait()
            for i in range(EDITS):
                edit(thread, i, tally)
        except BaseException as exc:  # noqa: BLE001 - reported by the test below
            with tally.lock:
                tally.crashes.append(exc)
        finally:
            db.close()  # this thread's own connection

    threads = [threading.Thread(target=run, args=(t,), name=f"editor-{t}") for t in range(THREADS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=300)
    assert not any(t.is_alive() for t in threads), "an editor thread hung"
    return tally


def assert_explained(tally: Tally, names: set[str], since: dt.datetime) -> None:
    """Nothing crashed; every refusal names one of the editors and a time during the test."""
    assert not tally.crashes, f"{len(tally.crashes)} edits crashed, first: {tally.crashes[0]!r}"
    assert not tally.duplicates, f"two edits both succeeded from versions {tally.duplicates}: lost update"
    assert len(tally.successes) + len(tally.refusals) == THREADS * EDITS
    for message in tally.refusals:
        match = STALE.search(message)
        assert match, f"refusal does not say who changed the row and when: {message}"
        assert match["who"] in names, f"refusal names {match['who']!r}, who did not edit: {message}"
        when = dt.datetime.strptime(match["when"], "%d-%m-%Y %H:%M")
        assert since.replace(second=0, microsecond=0) <= when <= dt.datetime.now(), message


def second_kabid() -> object:
    add_user(None, NewUser("kabid2", "Nurhayati, S.E., M.M.", PASSWORD, (R.KABID_PELAYANAN,)))
    return session("kabid2")


def draft(text: str) -> sijarla.DispositionDraft:
    return sijarla.DispositionDraft(text, team().id, dt.date.today() + dt.timedelta(days=3))


def test_concurrent_disposition_edits_lose_nothing_and_every_refusal_is_explained():
    make_office()
    editors = (session("kabid"), second_kabid())
    case_id = at_step("disposisi")
    disposition_id = sijarla.save_disposition(editors[0], case_id, draft("Versi awal."))
    since = dt.datetime.now()

    def edit(thread: int, i: int, tally: Tally) -> None:
        version = Disposition.get_by_id(disposition_id).version
        text = f"Disposisi oleh editor {thread}, suntingan {i}."
        try:
            sijarla.save_disposition(editors[thread % 2], case_id, draft(text), expected_version=version)
        except StaleRecord as exc:
            tally.refused(exc.message)
        else:
            tally.success(version, text)

    tally = hammer(edit)
    assert_explained(tally, {e.full_name for e in editors}, since)
    row = Disposition.get_by_id(disposition_id)
    assert row.version == 1 + len(tally.successes)
    assert sorted(tally.successes) == list(range(1, row.version))
    assert row.instructions == tally.successes[row.version - 1]  # the last success is what is stored
    changes = AuditLog.select().where(
        (AuditLog.action == "disposisi_diubah") & (AuditLog.entity_id == disposition_id)
    )
    assert changes.count() == len(tally.successes)


def test_concurrent_preparation_ticks_lose_nothing_and_every_refusal_is_explained():
    make_office()
    editors = (session("anggota1"), session("ketua1"))
    case_id = at_step("persiapan")
    item = PreparationCheck.get((PreparationCheck.case == case_id) & (PreparationCheck.item == "siak_data"))
    since = dt.datetime.now()

    def edit(thread: int, i: int, tally: Tally) -> None:
        row = PreparationCheck.get_by_id(item.id)
        note = f"editor {thread}, centang {i}"
        try:
            sijarla.check_preparation(
                editors[thread % 2], case_id, "siak_data", not row.is_done, note, row.version
            )
        except StaleRecord as exc:
            tally.refused(exc.message)
        else:
            tally.success(row.version, note)

    tally = hammer(edit)
    assert_explained(tally, {e.full_name for e in editors}, since)
    row = PreparationCheck.get_by_id(item.id)
    assert row.version == 1 + len(tally.successes)
    assert sorted(tally.successes) == list(range(1, row.version))
    assert row.note == tally.successes[row.version - 1]
    assert row.is_done == (len(tally.successes) % 2 == 1)  # every success toggled it


def test_concurrent_moves_of_one_case_lose_no_step():
    """Return to the front desk and resubmit, over and over, from 20 threads at once.

    The engine's invariant: a case's version is 1 + the number of its CaseStep rows.
    """
    make_office()
    kabid, meja = session("kabid"), session("meja")
    case_id = at_step("disposisi")
    steps_before = CaseStep.select().where(CaseStep.case == case_id).count()
    since = dt.datetime.now()

    def edit(thread: int, i: int, tally: Tally) -> None:
        case = SopCase.get_by_id(case_id)
        note = f"editor {thread}, langkah {i}"
        try:
            if case.current_step == "disposisi":
                sijarla.return_request(kabid, case_id, note, case.version)
            else:
                sijarla.resubmit_request(meja, case_id, note, case.version)
        except StaleRecord as exc:
            tally.refused(exc.message)
        else:
            tally.success(case.version, note)

    tally = hammer(edit)
    assert_explained(tally, {kabid.full_name, meja.full_name}, since)
    case = SopCase.get_by_id(case_id)
    steps = CaseStep.select().where(CaseStep.case == case_id).count()
    assert case.version == 1 + steps == 1 + steps_before + len(tally.successes)
    last = CaseStep.select().where(CaseStep.case == case_id).order_by(CaseStep.id.desc()).first()
    assert last.note == tally.successes[case.version - 1]


def test_only_one_of_many_signatures_of_one_disposition_counts():
    make_office()
    editors = (session("kabid"), second_kabid())
    case_id = at_step("disposisi")
    disposition_id = sijarla.save_disposition(editors[0], case_id, draft("Laksanakan."))
    outcomes: list[str] = []
    lock, start = threading.Lock(), threading.Barrier(THREADS)

    def sign(thread: int) -> None:
        try:
            start.wait()
            version = Disposition.get_by_id(disposition_id).version
            try:
                sijarla.sign_disposition(editors[thread % 2], disposition_id, PASSWORD, version)
                result = "signed"
            except StaleRecord as exc:
                result = "stale" if STALE.search(exc.message) else f"unexplained: {exc.message}"
            except WorkflowError as exc:
                result = "already" if "sudah ditandatangani" in exc.message else f"workflow: {exc.message}"
            except BaseException as exc:  # noqa: BLE001
                result = f"crash: {exc!r}"
            with lock:
                outcomes.append(result)
        finally:
            db.close()

    threads = [threading.Thread(target=sign, args=(t,)) for t in range(THREADS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert sorted(set(outcomes) - {"signed", "stale", "already"}) == []
    assert outcomes.count("signed") == 1 and len(outcomes) == THREADS
    case = SopCase.get_by_id(case_id)
    assert (
        case.current_step == "surat_tugas"
        and case.version == 1 + CaseStep.select().where(CaseStep.case == case_id).count()
    )


def test_a_stale_disposition_names_the_colleague_who_saved_it():
    make_office()
    kabid, kabid2 = session("kabid"), second_kabid()
    case_id = at_step("disposisi")
    disposition_id = sijarla.save_disposition(kabid, case_id, draft("Versi Pak Dedi."))
    sijarla.save_disposition(kabid2, case_id, draft("Versi Bu Nurhayati."), expected_version=1)
    with pytest.raises(StaleRecord) as refused:
        sijarla.save_disposition(kabid, case_id, draft("Versi lama Pak Dedi."), expected_version=1)
    assert STALE.search(refused.value.message)["who"] == kabid2.full_name
    assert Disposition.get_by_id(disposition_id).instructions == "Versi Bu Nurhayati."
