"""The `sitrep/1` record defined once, as pydantic models.

The JSON Schema is generated from these models (a test holds it equivalent to the contract,
`data/record.schema.json`), records are validated by them, and the record's field order, the
CSV columns and the Parquet columns are read off them. The pipeline's working objects stay the
light dataclasses of `sitrep.schema`, tested to have these fields in this order.
"""
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from sitrep.schema import SCHEMA_VERSION
from sitrep.vocabularies import CONFIDENCE_VALUES, ENTITY_TYPES, EVENT_TYPES, POLARITIES, STATEMENT_KINDS

Offset = Annotated[int, Field(ge=0)]
PartialDate = Annotated[str, Field(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")] | None


class Span(BaseModel):
    """A span of the record's text: a mention of an entity."""

    start: Offset
    end: Offset
    text: str


class Role(BaseModel):
    """A dated role of a person or body (head of state, minister, commander)."""

    role: str
    country: str | None = None
    since: str | None = None
    until: str | None = None


class Entity(BaseModel):
    """One real-world thing the text mentions, with every span that refers to it."""

    id: Annotated[str, Field(min_length=1)]
    name: Annotated[str, Field(min_length=1)]
    type: Literal[ENTITY_TYPES]
    wikidata: Annotated[str, Field(pattern=r"^Q\d+$")] | None
    mentions: list[Span]
    country: Annotated[str, Field(pattern=r"^[A-Z]{3}$")] | None = None
    sector: str | None = None
    roles: list[Role] = Field(default_factory=list)


class Statement(BaseModel):
    """Someone's words, claim, belief or assessment, with its source and estimative language."""

    id: str
    kind: Literal[STATEMENT_KINDS]
    source: str | None
    source_text: str
    cue: str
    content: str
    start: Offset
    end: Offset
    via: list[str]
    date: PartialDate
    confidence: Literal[CONFIDENCE_VALUES] | None
    hedges: list[str]
    polarity: Literal[POLARITIES]


class Event(BaseModel):
    """A PLOVER event: who did what to whom, when and where."""

    type: Literal[EVENT_TYPES]
    start: Offset
    end: Offset
    mode: str | None
    actor: str | None
    target: str | None
    date: PartialDate
    location: str | None
    statement: str | None
    context: list[str] = Field(default_factory=list)


class DateMention(BaseModel):
    """A temporal expression of the text, resolved to the precision its words carry."""

    text: str
    start: int
    end: int
    value: PartialDate


class Record(BaseModel):
    """One document's record, in the contract's field order."""

    model_config = ConfigDict(populate_by_name=True)

    schema_: Literal[SCHEMA_VERSION] = Field(alias="schema")
    id: Annotated[str, Field(min_length=1)]
    origin: str
    title: str | None
    published: Annotated[str, Field(pattern=r"^\d{4}-\d{2}-\d{2}")] | None
    source: str | None
    url: str | None
    language: str | None
    text: str
    removed: list[str]
    captions: list[str]
    entities: list[Entity]
    statements: list[Statement]
    events: list[Event]
    dates: list[DateMention]
    versions: dict[str, str] = Field(default_factory=dict)


def field_names(model: type[BaseModel]) -> tuple[str, ...]:
    """A model's fields as the record names them, in order."""
    return tuple(info.alias or name for name, info in model.model_fields.items())


# The record's fields in order, and those that hold lists of nested objects.
FIELD_ORDER = field_names(Record)
NESTED = ("entities", "statements", "events", "dates")


def validate(record: dict[str, Any]) -> Record:
    """The record as a model; raises pydantic.ValidationError when it breaks the `sitrep/1`
    contract (types as JSON has them: no string taken for a number)."""
    return Record.model_validate(record, strict=True)


def json_schema() -> dict[str, Any]:
    """The JSON Schema of `sitrep/1`, generated from the models."""
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": SCHEMA_VERSION,
            **Record.model_json_schema(by_alias=True)}
