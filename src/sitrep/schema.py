"""The `sitrep/1` record: its types, defined once, and its JSON form.

`Document` is both the record and the carrier that flows through the pipeline's stages: light
dataclasses, with the fields of the record's one definition (the models of `sitrep.record`,
which tests hold these to); `to_record` is the one place that decides what a record looks like
on the wire, in the field order the models give.
"""
import copy
import json
from dataclasses import asdict, dataclass, field
from functools import cache
from typing import Any

SCHEMA_VERSION = "sitrep/1"

# The id prefix of an actor a common noun names ("protesters", "Georgian police"): an entity of
# the record for events, but a group of people, not a named thing an index lists.
GROUP_ACTOR_PREFIX = "actor:"


@dataclass
class Mention:
    start: int
    end: int
    text: str


@dataclass
class Entity:
    id: str
    name: str
    type: str
    wikidata: str | None = None
    mentions: list[Mention] = field(default_factory=list)
    country: str | None = None  # ISO 3166-1 alpha-3 of the country it belongs to or acts for
    sector: str | None = None  # CAMEO actor sector: GOV, MIL, COP, REB...
    roles: list[dict] = field(default_factory=list)  # {role, country, since, until}


@dataclass
class Statement:
    id: str
    kind: str
    source: str | None
    source_text: str
    cue: str
    content: str
    start: int
    end: int
    via: list[str] = field(default_factory=list)
    date: str | None = None
    confidence: str | None = None
    hedges: list[str] = field(default_factory=list)
    polarity: str = "positive"


@dataclass
class Event:
    type: str
    start: int
    end: int
    mode: str | None = None
    actor: str | None = None
    target: str | None = None
    date: str | None = None
    location: str | None = None
    statement: str | None = None
    context: list[str] = field(default_factory=list)  # PLOVER contexts ("military", "economic"...)


@dataclass
class DateMention:
    text: str
    start: int
    end: int
    value: str | None


@dataclass
class Input:
    """What a reader found for one document, before cleaning.

    `from_html` says an HTML extractor already chose `text` (it needs no line-by-line
    cleaning) and `captions` are what that page captioned. `evidence_dates` are dates the
    container knows (HTTP Last-Modified, WARC-Date) that may tell the year of a dateline
    without one; they are never taken as the publication date themselves.
    """

    origin: str
    text: str = ""
    title: str | None = None
    published: str | None = None
    source: str | None = None
    url: str | None = None
    language: str | None = None
    evidence_dates: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    from_html: bool = False


@dataclass
class Document:
    """One article: the record of the spec, filled stage by stage.

    `input` (what the reader found) and `parsed` (the spaCy analysis of `text`) live only while
    the stages run; `notes` are what the stages tell the user about this document (printed by
    the command, one line each). None of the three is part of the record.
    """

    origin: str
    text: str = ""
    id: str = ""
    title: str | None = None
    published: str | None = None
    source: str | None = None
    url: str | None = None
    language: str | None = None
    removed: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    versions: dict[str, str] = field(default_factory=dict)  # what produced it: sitrep, model, lexicons
    input: Input | None = field(default=None, repr=False, compare=False)
    parsed: Any = field(default=None, repr=False, compare=False)
    notes: list[str] = field(default_factory=list, repr=False, compare=False)


@cache
def _record_fields() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The record's fields in order, and those that hold nested objects, from the models (which
    load pydantic: only what writes or reads records pays for it, not every command)."""
    from sitrep.record import FIELD_ORDER, NESTED

    return FIELD_ORDER, NESTED


def to_record(doc: Document) -> dict[str, Any]:
    """The `sitrep/1` record of a document, as a plain dict in the record's field order."""
    order, nested = _record_fields()
    record = {"schema": SCHEMA_VERSION}
    for key in order[1:]:
        value = getattr(doc, key)
        record[key] = [asdict(item) for item in value] if key in nested else copy.copy(value)
    return record


def from_record(record: dict[str, Any]) -> Document:
    """The Document of a `sitrep/1` record (the inverse of `to_record`), for records read back
    from a batch's output; a record without `versions` (it is optional) has none."""
    order, nested = _record_fields()
    scalars = {key: record[key] for key in order[1:] if key not in nested and key in record}
    entities = [Entity(**{**e, "mentions": [Mention(**m) for m in e["mentions"]]}) for e in record["entities"]]
    return Document(**scalars, entities=entities, statements=[Statement(**s) for s in record["statements"]],
                    events=[Event(**e) for e in record["events"]], dates=[DateMention(**d) for d in record["dates"]])


def to_json(doc: Document) -> str:
    """One line of JSON Lines for a document."""
    return json.dumps(to_record(doc), ensure_ascii=False)
