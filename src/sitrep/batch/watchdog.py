"""The Ray a batch starts on this machine ends with it, even when the batch is killed with SIGKILL.

Ray ties the processes `ray.init()` starts itself (GCS server, raylet, dashboard, monitors) to
the driver: the kernel kills them when it dies. Not the raylet's own children: after a `kill -9`
of the driver the workers linger a few seconds, and the dashboard and runtime-env agents about a
minute (each waits up to 60 s on the dead GCS to report the raylet's death), holding memory.
So the driver marks the Ray it starts (`marked`: every process started in the block inherits an
environment variable with a token of its own) and starts a watchdog beforehand, a small process
reading a pipe from the driver. While it waits, the watchdog keeps a handle (a pidfd) on each
process that carries the token and on each of their descendants (the agents' environment is not
always readable: their process title is written over it); when the pipe closes (the driver
exited or died) it kills them all, then exits. Only processes started inside `marked`, and
theirs, are ever killed: never a cluster the batch connects to, nor anyone else's Ray.

Linux only (the watchdog reads /proc); elsewhere Ray's own ties are all there is. This file
also runs as the watchdog's script, on the standard library alone, so it stays small.
"""
import os
import secrets
import select
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

VARIABLE = "SITREP_LOCAL_RAY"
LOOK_S = 0.5  # how often the watchdog looks for new processes while the driver lives
QUIET_S = 1  # once killing, until no process of the token has been seen for this long
GIVE_UP_S = 30  # a process still there after this long is not going away

_watchdogs: list[subprocess.Popen] = []  # their pipes stay open until this process ends


@contextmanager
def marked() -> Iterator[None]:
    """Processes started in the block (and theirs) are killed once this process ends, however."""
    if not sys.platform.startswith("linux"):
        yield
        return
    token = f"{os.getpid()}-{secrets.token_hex(8)}"
    # A session of its own: a Ctrl-C or hang-up of the terminal's group reaches the batch, not
    # the watchdog that cleans up after it. -I: the standard library only, nothing from the
    # script's folder or the environment.
    _watchdogs.append(subprocess.Popen([sys.executable, "-I", __file__, token], stdin=subprocess.PIPE,
                                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                       start_new_session=True))
    before = os.environ.get(VARIABLE)
    os.environ[VARIABLE] = token
    try:
        yield
    finally:
        if before is None:
            del os.environ[VARIABLE]
        else:
            os.environ[VARIABLE] = before


def _parent(pid: int) -> int | None:
    try:
        return int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])
    except (OSError, IndexError, ValueError):  # gone
        return None


def _parents() -> dict[int, int]:
    """{pid: parent pid} of every live process."""
    parents = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and (parent := _parent(int(entry.name))) is not None:
            parents[int(entry.name)] = parent
    return parents


def _carries(pid: int, token: str) -> bool:
    try:
        environment = Path(f"/proc/{pid}/environ").read_bytes()
    except OSError:  # gone, or not ours to read
        return False
    return f"{VARIABLE}={token}".encode() in environment.split(b"\0")


def _exited(handle: int) -> bool:
    return bool(select.select([handle], [], [], 0)[0])  # a pidfd reads ready once its process ends


class Tracked:
    """Handles on the processes of a token: those carrying it and their descendants."""

    def __init__(self, token: str):
        self.token = token
        self.handles: dict[int, int] = {}  # pid: pidfd

    def look(self) -> bool:
        """Take a handle on each new process of the token; whether there was any."""
        parents = _parents()
        children: dict[int, list[int]] = {}
        for pid, parent in parents.items():
            children.setdefault(parent, []).append(pid)
        found = [pid for pid in parents if pid != os.getpid() and (pid in self.handles or _carries(pid, self.token))]
        new = False
        while found:
            pid = found.pop()
            found.extend(child for child in children.get(pid, []) if child not in self.handles)
            if pid in self.handles:
                continue
            try:
                handle = os.pidfd_open(pid)
            except OSError:  # gone
                continue
            if _parent(pid) != parents[pid]:  # the number was taken by another process since
                os.close(handle)
                continue
            self.handles[pid] = handle
            new = True
        for pid, handle in list(self.handles.items()):
            if _exited(handle):
                os.close(self.handles.pop(pid))
        return new

    def kill(self) -> bool:
        """SIGKILL every live process tracked; whether there was any."""
        killed = False
        for handle in self.handles.values():
            if not _exited(handle):
                try:
                    signal.pidfd_send_signal(handle, signal.SIGKILL)
                    killed = True
                except OSError:
                    pass
        return killed


def watch(token: str) -> None:
    """Track the processes of `token` until the pipe on stdin closes, then kill them all, until
    none has been seen for QUIET_S (one may be starting as the others die)."""
    tracked = Tracked(token)
    while True:
        ready, _, _ = select.select([0], [], [], LOOK_S)
        if ready and not os.read(0, 4096):
            break
        tracked.look()
    now = time.monotonic()
    give_up, quiet_since = now + GIVE_UP_S, now
    while now < give_up and now - quiet_since < QUIET_S:
        tracked.look()
        if tracked.kill():
            quiet_since = time.monotonic()
        time.sleep(0.05)
        now = time.monotonic()


if __name__ == "__main__":
    watch(sys.argv[1])
