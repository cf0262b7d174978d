"""Debian's Chromium for the browser tests: where it is, how it is started, and what a machine
without it does (CI must have it; elsewhere the browser tests are skipped)."""
import os
import shutil

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]


def require_chromium() -> str:
    """The Chromium executable; skips the calling test module when there is none (fails in CI)."""
    if CHROMIUM is None:
        if os.environ.get("CI"):
            raise RuntimeError("CI needs Debian's chromium for the browser tests: ./setup.sh installs it")
        pytest.skip("no chromium on this machine (./setup.sh installs it as root)", allow_module_level=True)
    return CHROMIUM
