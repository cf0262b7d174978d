"""sitrep: conflict and geopolitics news turned into sourced, structured intelligence.

    import sitrep
    for record in sitrep.extract(["article.txt"]):
        print(record["title"], record["published"])

The names below are imported on first use, so that `import sitrep` (and the command's
`--help`) does not load the language models and libraries that only extraction needs.
"""
import importlib

from sitrep.errors import InputError

__version__ = "0.1.0"
__all__ = ["InputError", "Store", "documents", "extract", "ingest", "__version__"]
_LAZY = {"Store": "sitrep.store", "documents": "sitrep.run", "extract": "sitrep.run", "ingest": "sitrep.run"}


def __getattr__(name: str):
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'sitrep' has no attribute {name!r}")
