"""The screen's labels for the services' codes: every code has one, and it reads as the printed sheet."""

from __future__ import annotations

from desktop.services.sijarla import steps as sijarla
from desktop.ui.common import labels


def test_every_disposition_request_has_a_translatable_label_that_reads_as_the_sheet(qapp):
    for code, printed in sijarla.DISPOSITION_REQUESTS.items():
        assert labels.disposition_request_label(code) == printed
    assert set(labels._DISPOSITION_REQUESTS) == set(sijarla.DISPOSITION_REQUESTS)


def test_every_sifat_the_services_accept_has_a_label(qapp):
    assert [code for code, _ in labels.sifat_choices()] == list(sijarla.SIFAT)
    assert all(label != code for code, label in labels.sifat_choices())
