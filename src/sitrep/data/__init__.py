"""The project's data files (lexicons, dictionaries, the record schema), versioned with the code.

Several stages read the same lexicon (attribution cues and source words, nominal titles and
members, estimative phrases and modals): `load_json` parses each file once per process.
"""
import json
from functools import cache
from importlib import resources


@cache
def load_json(name: str):
    """A JSON data file of the package, parsed once (shared: callers read it, never change it)."""
    return json.loads(resources.files(__name__).joinpath(name).read_text("utf-8"))
