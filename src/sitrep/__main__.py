"""`python -m sitrep`: the same as the `sitrep` command."""
from sitrep.cli import app

app(prog_name="sitrep")
