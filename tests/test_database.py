"""Where a knowledge base lives: a file path or a database URL, and how messages name it."""
import pytest

from sitrep import database
from sitrep.errors import StoreError


@pytest.mark.parametrize("location, expected", [
    ("kb.db", False), ("/data/kb 2024.db", False), ("sqlite:///kb.db", True),
    ("postgresql+psycopg://sitrep@dbhost/sitrep", True), ("postgresql://sitrep:secret@dbhost:5433/sitrep", True),
    ("not a url://", False)])
def test_a_location_is_a_url_or_a_file(location, expected):
    assert database.is_url(location) is expected


def test_messages_never_show_a_password():
    named = database.display_name("postgresql://sitrep:secret@dbhost/sitrep")
    assert "secret" not in named and "dbhost/sitrep" in named
    assert database.display_name("kb.db") == "kb.db"


def test_a_plain_postgresql_url_uses_psycopg_3():
    found = database.connect("postgresql://sitrep@127.0.0.1:1/none", create=False)  # no connection is made yet
    assert found.engine.dialect.driver == "psycopg" and found.dialect == "postgresql"
    found.engine.dispose()


def test_other_databases_are_refused_with_a_reason():
    with pytest.raises(StoreError, match="SQLite or PostgreSQL only"):
        database.connect("mysql://root@localhost/kb", create=True)


def test_a_missing_file_is_not_created_for_reading(tmp_path):
    with pytest.raises(StoreError, match="no knowledge base here"):
        database.connect(tmp_path / "missing.db", create=False)
    assert not (tmp_path / "missing.db").exists()


def test_a_database_that_cannot_be_reached_is_a_store_error_without_its_password():
    from sitrep.store import Store

    with pytest.raises(StoreError, match="not a usable knowledge base") as refused:
        Store("postgresql://sitrep:secret@127.0.0.1:1/none", create=False)
    assert "secret" not in str(refused.value)
