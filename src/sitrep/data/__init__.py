"""The project's data files (lexicons, dictionaries, the record schema), versioned with the code.

Several stages read the same lexicon (attribution cues and source words, nominal titles and
members, estimative phrases and modals): `load_json` parses each file once per process. A
lexicon holds each language's words beside the English ones (`languages`: {"ru": {...}});
`lexicon` gives them all as one, since the words of two languages never collide.
"""
import json
from functools import cache
from importlib import resources


@cache
def load_json(name: str):
    """A JSON data file of the package, parsed once (shared: callers read it, never change it)."""
    return json.loads(resources.files(__name__).joinpath(name).read_text("utf-8"))


@cache
def lexicon(name: str) -> dict:
    """A lexicon with its languages' parts merged into its own lists and tables (the English
    words and the Russian ones in one list), so that one rule reads both."""
    data = load_json(name)
    merged = {k: v for k, v in data.items() if k != "languages"}
    for part in data.get("languages", {}).values():
        merged = _merged(merged, part)
    return merged


def _merged(base, extra):
    """Lists joined (the base's words first), tables merged key by key; a documentation key
    ("_doc") keeps the base's text."""
    if isinstance(base, list) and isinstance(extra, list):
        return base + [item for item in extra if item not in base]
    if isinstance(base, dict) and isinstance(extra, dict):
        merged = dict(base)
        for k, v in extra.items():
            if k not in base:
                merged[k] = v
            elif not k.startswith("_"):
                merged[k] = _merged(base[k], v)
        return merged
    return extra
