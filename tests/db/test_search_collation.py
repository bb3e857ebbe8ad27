"""The search and any-script cases again, on a PostgreSQL database with a non-C collation.

The suite's throwaway cluster is initialised with the C locale; an office server is usually
installed with the system's (en_US.UTF-8, id_ID.UTF-8). Here the same tests run on a database
created with ICU's Indonesian collation (`id-ID`, PostgreSQL 15's LOCALE_PROVIDER icu: no OS
locale needed), so ordering, LIKE and case folding are proved under a linguistic collation too.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest

from desktop.models import db
from tests.conftest import PgServer, _migrate

from .test_hostile_input import (  # noqa: F401  (collected here again, on this database)
    test_names_in_any_script_round_trip_and_are_found,
    test_search_finds_a_letter_by_any_part_of_its_subject,
    test_search_takes_any_text_as_plain_text,
)
from .test_search import (  # noqa: F401
    test_a_masking_role_cannot_probe_the_hidden_nik_digits_with_longer_prefixes,
    test_search_by_full_nik_finds_the_person_with_the_nik_masked_as_in_the_kabid_records_list,
    test_search_finds_cases_letters_and_people,
    test_search_ignores_case_beyond_ascii_on_both_backends,
    test_wildcards_quotes_and_sql_are_plain_text,
)

pytestmark = pytest.mark.usefixtures("database")  # as in the modules the tests come from

TEMPLATE = "dinas_template_icu_id"
_made: list[str] = []


def _icu_template(server: PgServer) -> str:
    if not _made:
        con = server.connect()
        try:
            with con.cursor() as cur:
                cur.execute(
                    f"CREATE DATABASE \"{TEMPLATE}\" TEMPLATE template0 ENCODING 'UTF8' "
                    "LOCALE_PROVIDER icu ICU_LOCALE 'id-ID' LOCALE 'C.UTF-8'"
                )
        finally:
            con.close()
        _migrate(server.url(TEMPLATE))
        _made.append(TEMPLATE)
    return TEMPLATE


@pytest.fixture(params=["postgresql"], ids=["postgresql-icu-id"])
def backend_url(request: pytest.FixtureRequest) -> Iterator[str]:
    """Overrides the suite's backend_url: a fresh copy of a migrated id-ID (ICU) database."""
    server: PgServer = request.getfixturevalue("pg_server")
    name = f"dinas_icu_{uuid.uuid4().hex[:16]}"
    server.create_database(name, _icu_template(server))
    try:
        yield server.url(name)
    finally:
        server.drop_database(name)


def test_this_database_really_collates_the_indonesian_way():
    provider, locale = db.execute_sql(
        "SELECT datlocprovider, daticulocale FROM pg_database WHERE datname = current_database()"
    ).fetchone()
    assert (provider, locale) == ("i", "id-ID")
    # Under C, 'B' sorts before 'a' (byte order); under a linguistic collation 'a' comes first.
    ordered = [r[0] for r in db.execute_sql("SELECT x FROM (VALUES ('B'), ('a'), ('Ä')) v(x) ORDER BY x")]
    assert ordered == ["a", "Ä", "B"]


def test_the_nik_prefix_range_ends_at_the_next_prefix_of_digits():
    from desktop.services.sijarla.record_filter import next_prefix

    assert [next_prefix(p) for p in ("130210", "1399", "0", "999", "")] == ["130211", "14", "1", "", ""]
