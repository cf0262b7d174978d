"""sitrep: conflict and geopolitics news turned into sourced, structured intelligence.

    import sitrep
    for record in sitrep.extract(["article.txt"]):
        print(record["title"], record["published"])
"""
from sitrep.errors import InputError
from sitrep.run import documents, extract, ingest
from sitrep.store import Store

__version__ = "0.1.0"
__all__ = ["InputError", "Store", "documents", "extract", "ingest", "__version__"]
