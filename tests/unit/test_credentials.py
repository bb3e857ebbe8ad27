"""The database password lives in the operating system's password store, never in the settings."""

from __future__ import annotations

import keyring
import keyring.backends.fail
import pytest

from desktop import config, credentials

URL = "postgresql://gerbang@10.0.0.5:5432/dinas"


def saved_settings_text() -> str:
    settings = config.qsettings()
    settings.sync()
    return (config.data_dir() / "dinas-desk.ini").read_text(encoding="utf-8")


def test_the_password_goes_to_the_store_and_the_settings_keep_the_bare_url(password_store):
    saved = config.save_database_url(
        "postgresql://gerbang:s3cr%2Ft%40%3A@10.0.0.5:5432/dinas?sslmode=verify-full"
    )

    assert saved.in_store and saved.note == ""
    assert password_store.passwords == {("Dinas Desk", "gerbang@10.0.0.5:5432/dinas"): "s3cr/t@:"}
    text = saved_settings_text()
    assert "10.0.0.5" in text and "s3cr" not in text
    loaded = config.load_workstation_settings().database_url
    assert loaded == "postgresql://gerbang:s3cr%2Ft%40%3A@10.0.0.5:5432/dinas?sslmode=verify-full"


def test_a_url_saved_by_an_older_version_is_moved_into_the_store_on_first_read(password_store):
    settings = config.qsettings()
    settings.setValue("database/url", "postgresql://gerbang:lama@10.0.0.5:5432/dinas")
    settings.sync()

    assert config.load_workstation_settings().database_url == "postgresql://gerbang:lama@10.0.0.5:5432/dinas"
    assert "lama" not in saved_settings_text()
    assert password_store.passwords[("Dinas Desk", "gerbang@10.0.0.5:5432/dinas")] == "lama"


def test_each_server_and_login_has_its_own_entry(password_store):
    config.save_database_url("postgresql://gerbang:satu@10.0.0.5:5432/dinas")
    config.save_database_url("postgresql://gerbang:dua@10.0.0.6/dinas")

    assert password_store.passwords == {
        ("Dinas Desk", "gerbang@10.0.0.5:5432/dinas"): "satu",
        ("Dinas Desk", "gerbang@10.0.0.6:5432/dinas"): "dua",
    }
    assert config.load_workstation_settings().database_url == "postgresql://gerbang:dua@10.0.0.6/dinas"


def test_a_url_saved_without_password_forgets_the_stored_one(password_store):
    config.save_database_url("postgresql://gerbang:satu@10.0.0.5:5432/dinas")
    saved = config.save_database_url(URL)

    assert not saved.in_store and password_store.passwords == {}
    assert config.load_workstation_settings().database_url == URL


def test_without_a_password_store_the_url_keeps_its_password_and_the_admin_is_told():
    keyring.set_keyring(keyring.backends.fail.Keyring())  # the per-test store comes back after the test

    saved = config.save_database_url("postgresql://gerbang:rahasia@10.0.0.5:5432/dinas")

    assert not saved.in_store
    assert "Brankas kata sandi" in saved.note
    assert (
        config.load_workstation_settings().database_url == "postgresql://gerbang:rahasia@10.0.0.5:5432/dinas"
    )


def test_sqlite_urls_never_touch_the_store(password_store, tmp_path):
    url = f"sqlite:///{tmp_path / 'kantor.sqlite3'}"
    assert config.save_database_url(url) == credentials.SavedUrl(url, in_store=False)
    assert password_store.passwords == {}
    assert config.load_workstation_settings().database_url == url


def test_the_environment_url_wins_over_the_saved_one(password_store, monkeypatch):
    config.save_database_url("postgresql://gerbang:satu@10.0.0.5:5432/dinas")
    monkeypatch.setenv(config.ENV_DB_URL, "postgresql://lain@127.0.0.1/uji")
    assert config.load_workstation_settings().database_url == "postgresql://lain@127.0.0.1/uji"


@pytest.mark.parametrize(
    ("url", "bare", "password"),
    [
        ("postgresql://a:b@h/d", "postgresql://a@h/d", "b"),
        ("postgresql://a:%25%20x@h:6543/d?sslmode=require", "postgresql://a@h:6543/d?sslmode=require", "% x"),
        ("postgresql://a@h/d", "postgresql://a@h/d", ""),
        ("sqlite:////tmp/x.sqlite3", "sqlite:////tmp/x.sqlite3", ""),
    ],
)
def test_split_and_join_are_inverse(url, bare, password):
    assert credentials.split_password(url) == (bare, password)
    assert credentials.split_password(credentials.join_password(bare, password)) == (bare, password)
