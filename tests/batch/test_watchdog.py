"""The watchdog: what a process starts inside `watchdog.marked()` (Ray on this machine, in a
batch) is killed once that process ends, by an exit or a kill -9, and nothing else is."""
import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

import sitrep

SRC = Path(sitrep.__file__).resolve().parents[1]

# Started outside the block: a sleeper. Inside: a sleeper; a child that starts one and exits at
# once (its sleeper goes to init, as the raylet's agents do when the raylet dies); a child that
# starts one with an empty environment (no token to see, as in the agents' written-over
# environment) and stays. Once the watchdog has looked, the process prints its outside sleeper's
# pid and ends: by `exit` now, or waits for a `kill -9`.
SCENARIO = """
import subprocess, sys, time
from sitrep.batch import watchdog
SLEEPER = [sys.executable, "-c", "import time; time.sleep(60)"]
outside = subprocess.Popen(SLEEPER)
with watchdog.marked():
    subprocess.run([sys.executable, "-c", "import subprocess, sys; subprocess.Popen(sys.argv[1:])", *SLEEPER])
    inside = subprocess.Popen(SLEEPER)
    parent = subprocess.Popen([sys.executable, "-c", "import subprocess, sys, time; subprocess.Popen(sys.argv[1:], env={}); "
                               "time.sleep(60)", *SLEEPER])
time.sleep(3 * watchdog.LOOK_S)
print(outside.pid, flush=True)
if sys.argv[1] == "kill -9":
    time.sleep(60)
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the watchdog reads /proc")
@pytest.mark.parametrize("end", ["kill -9", "exit"])
def test_what_a_process_starts_in_the_block_ends_with_it_and_nothing_else(end, carrying, descendants):
    token = uuid.uuid4().hex
    entry = f"SITREP_TEST_WATCHDOG={token}".encode()
    environment = {**os.environ, "SITREP_TEST_WATCHDOG": token,
                   "PYTHONPATH": os.pathsep.join(filter(None, [str(SRC), os.environ.get("PYTHONPATH")]))}
    process = subprocess.Popen([sys.executable, "-c", SCENARIO, end], env=environment, stdout=subprocess.PIPE, text=True)
    started = descendants(process.pid)
    try:
        outside = int(process.stdout.readline())
        started.look()
        seen = {**started.commands, **carrying(entry)}
        assert list(seen.values()).count(f"{sys.executable} -c import time; time.sleep(60)") == 4, seen
        assert any("watchdog.py" in command for command in seen.values()), seen
        if end == "kill -9":
            os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=30)
        deadline = time.monotonic() + 10
        while set(left := {**started.alive(), **carrying(entry)}) != {outside} and time.monotonic() < deadline:
            time.sleep(0.05)
        assert set(left) == {outside}, left
    finally:
        process.kill()
        process.wait()
        for pid in carrying(entry):
            os.kill(pid, signal.SIGKILL)
