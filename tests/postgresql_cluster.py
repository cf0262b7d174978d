"""A throwaway PostgreSQL cluster for the tests: Debian's binaries, a temporary folder, a free
port, started once per session; run as the `postgres` user when the tests run as root (initdb
refuses root)."""
import glob
import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest


def binaries() -> Path | None:
    """The folder of initdb and pg_ctl (the newest Debian PostgreSQL), or None."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4]))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


@dataclass
class PostgreSQLCluster:
    folder: Path
    bin: Path
    port: int
    as_user: list[str]
    counter = itertools.count(1)

    @classmethod
    def start(cls) -> "PostgreSQLCluster":
        """Initialise and start a cluster in a new temporary folder (pytest's own is private to its user)."""
        bin_ = binaries()
        if bin_ is None:
            pytest.skip("PostgreSQL is not installed (no initdb/pg_ctl: apt-get install postgresql)")
        folder = Path(tempfile.mkdtemp(prefix="sitrep-postgresql-"))
        as_user = []
        if os.geteuid() == 0:
            owner = pwd.getpwnam("postgres")
            os.chown(folder, owner.pw_uid, owner.pw_gid)
            as_user = ["runuser", "-u", "postgres", "--"]
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        cluster = cls(folder, bin_, port, as_user)
        cluster._run("initdb", "-D", str(folder / "data"), "-A", "trust", "-U", "postgres", "-E", "UTF8",
                     "--locale=C.UTF-8")
        cluster._run("pg_ctl", "-D", str(folder / "data"), "-l", str(folder / "log"), "-w", "start", "-o",
                     f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off")
        return cluster

    def _run(self, program: str, *args: str) -> None:
        done = subprocess.run([*self.as_user, str(self.bin / program), *args], capture_output=True, text=True)
        if done.returncode:
            raise RuntimeError(f"{program} failed: {done.stderr or done.stdout}")

    def url(self, name: str) -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{name}"

    def new_database(self) -> str:
        """The URL of a new empty database."""
        import psycopg

        name = f"kb{next(self.counter)}"
        with psycopg.connect(f"host=127.0.0.1 port={self.port} user=postgres dbname=postgres", autocommit=True) as conn:
            conn.execute(f"CREATE DATABASE {name}")
        return self.url(name)

    def stop(self) -> None:
        self._run("pg_ctl", "-D", str(self.folder / "data"), "-m", "immediate", "stop")
        shutil.rmtree(self.folder, ignore_errors=True)
