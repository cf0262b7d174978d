"""Where a knowledge base lives and what differs between the databases that can hold it.

`--db` (or `SITREP_DB`) is an SQLite file path or an SQLAlchemy URL (`postgresql+psycopg://...`);
`connect` makes the one engine of a Store and its writer, and the few statements that SQLite and
PostgreSQL spell differently are small functions here, so that `store.py` writes one query.
"""
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, Table, create_engine, event, func, literal
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.exc import ArgumentError

from sitrep.errors import StoreError

# How long a writer waits for another process's transaction before giving up.
LOCK_TIMEOUT_SECONDS = 120
# The PostgreSQL advisory lock that writers take, as SQLite's write lock: one writer at a time.
WRITE_LOCK_KEY = 0x5157_7245  # "SitRep", arbitrary but fixed


@dataclass
class Database:
    """A knowledge base's engine (for reading) and writer (the same pool, each transaction holding
    the database's write lock), and what to call it in messages."""

    engine: Engine
    writer: Engine
    name: str

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name


def is_url(location: str) -> bool:
    """Whether `--db` names a database server (an SQLAlchemy URL) rather than an SQLite file."""
    if "://" not in location:
        return False
    try:
        make_url(location)
    except ArgumentError:
        return False
    return True


def display_name(location: str | Path) -> str:
    """How messages name a knowledge base: its path, or its URL without the password."""
    location = str(location)
    return make_url(location).render_as_string(hide_password=True) if is_url(location) else location


def connect(location: str | Path, create: bool) -> Database:
    """The engine for `location`: an SQLite file (created when `create`; a missing one is a
    StoreError otherwise) or a database URL (`sqlite:///...`, `postgresql+psycopg://...`)."""
    location = given = str(location)
    if not is_url(location):
        path = Path(location)
        if not create and not path.is_file():
            raise StoreError(location, "no knowledge base here (sitrep ingest creates one)")
        if not path.parent.is_dir():
            raise StoreError(location, f"cannot create a knowledge base: no directory {str(path.parent)!r}")
        location = f"sqlite:///{location}"
    url = make_url(location)
    if url.get_backend_name() == "sqlite":
        # One engine serves every thread of the web app: SQLite's connections may move between them
        # (the pool hands each to one thread at a time).
        engine = create_engine(url, connect_args={"timeout": LOCK_TIMEOUT_SECONDS, "check_same_thread": False})
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
    elif url.get_backend_name() == "postgresql":
        if url.get_driver_name() in ("", "psycopg2"):
            url = url.set(drivername="postgresql+psycopg")  # psycopg 3 is the driver installed
        engine = create_engine(url, pool_pre_ping=True)
        event.listen(engine, "begin", _postgresql_begin)
    else:
        raise StoreError(url.render_as_string(), "sitrep stores in SQLite or PostgreSQL only")
    return Database(engine, engine.execution_options(sitrep_write=True), display_name(given))


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    # The driver's own transaction handling is switched off (it begins transactions lazily and
    # runs DDL outside them); `_sqlite_begin` begins every transaction instead.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout={LOCK_TIMEOUT_SECONDS * 1000}")
    _switch_to_wal(cursor)
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def _switch_to_wal(cursor) -> None:
    """Write-ahead logging, waited for: SQLite answers "database is locked" at once, without its
    busy timeout, when another process is creating or switching the same file at that moment."""
    deadline = time.monotonic() + LOCK_TIMEOUT_SECONDS
    while True:
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def _sqlite_begin(conn: Connection) -> None:
    """Begin a transaction: deferred for reading, IMMEDIATE (the write lock, waited for) for writing.

    Taking the write lock up front is what makes concurrent writers wait instead of failing: a
    deferred transaction that reads and then writes cannot wait for a lock held by another."""
    conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get("sitrep_write") else "BEGIN")


def _postgresql_begin(conn: Connection) -> None:
    """A writer's transaction takes the knowledge base's advisory lock first, held to its end:
    writers from several processes take turns as they do on SQLite, so a document checked as new
    and then stored, its near-duplicate links and the outlets it creates are never raced."""
    if conn.get_execution_options().get("sitrep_write"):
        conn.exec_driver_sql(f"SET LOCAL lock_timeout = '{LOCK_TIMEOUT_SECONDS}s'")
        conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITE_LOCK_KEY})")


def insert_ignoring(conn: Connection, table: Table):
    """An INSERT that skips rows whose key is stored already (SQLite's and PostgreSQL's own ON
    CONFLICT DO NOTHING)."""
    return upsert(conn, table).on_conflict_do_nothing()


def joined(dialect: str, column):
    """The distinct values of `column` in a group, as one comma-separated string."""
    if dialect == "postgresql":
        return func.string_agg(column.distinct(), literal(","))
    return func.group_concat(column.distinct())


def upsert(conn: Connection, table: Table):
    """The dialect's INSERT, which knows ON CONFLICT (`on_conflict_do_update`, `excluded`)."""
    return (postgresql if conn.dialect.name == "postgresql" else sqlite).insert(table)
