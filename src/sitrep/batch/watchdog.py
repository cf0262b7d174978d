"""The Ray a batch starts on this machine ends with it, even when the batch is killed with SIGKILL.

Ray ties the processes `ray.init()` starts itself (GCS server, raylet, dashboard, monitors) to
the driver: the kernel kills them when it dies. Not the raylet's own children: after a `kill -9`
of the driver the workers linger a few seconds, and the dashboard and runtime-env agents about a
minute (each waits up to 60 s on the dead GCS to report the raylet's death), holding memory.
So the driver marks the Ray it starts (`marked`: every process of it inherits an environment
variable with a token of its own) and starts a watchdog beforehand, a small process reading a
pipe from the driver; when the pipe closes (the driver exited or died), the watchdog kills every
process that carries the token, then exits. Only the processes started inside `marked` and their
descendants carry it: never a cluster the batch connects to, nor anyone else's Ray.

Linux only (the watchdog reads /proc); elsewhere Ray's own ties are all there is. This file
also runs as the watchdog's script, on the standard library alone, so it stays small.
"""
import os
import secrets
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

VARIABLE = "SITREP_LOCAL_RAY"
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


def carrying(token: str) -> list[int]:
    """The live processes whose environment holds `token` (but this one)."""
    return [int(entry.name) for entry in Path("/proc").iterdir()
            if entry.name.isdigit() and int(entry.name) != os.getpid() and _carries(int(entry.name), token)]


def _carries(pid: int, token: str) -> bool:
    try:
        environment = Path(f"/proc/{pid}/environ").read_bytes()
    except OSError:  # gone, or not ours to read
        return False
    return f"{VARIABLE}={token}".encode() in environment.split(b"\0")


def _kill(pid: int, token: str) -> None:
    """SIGKILL `pid` if it carries `token`; through a pidfd, so that the check and the signal
    are about one process, not one that took its number since."""
    try:
        handle = os.pidfd_open(pid)
    except OSError:  # gone
        return
    try:
        if _carries(pid, token):
            signal.pidfd_send_signal(handle, signal.SIGKILL)
    except OSError:
        pass
    finally:
        os.close(handle)


def watch(token: str) -> None:
    """Wait for the pipe on stdin to close, then kill the processes carrying `token`."""
    while os.read(0, 4096):
        pass
    deadline = time.monotonic() + GIVE_UP_S
    while (pids := carrying(token)) and time.monotonic() < deadline:
        for pid in pids:
            _kill(pid, token)
        time.sleep(0.05)


if __name__ == "__main__":
    watch(sys.argv[1])
