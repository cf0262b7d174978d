"""The extraction pipeline, top to bottom: an `Input` becomes a `sitrep/1` Document.

Each stage is a named function over the one Document, testable alone, unaware of what runs
it (one process, worker processes, a cluster) and of where its output is stored.
"""
import hashlib
import re
import unicodedata
from collections.abc import Callable

from sitrep.clean import clean_text, strip_outlet_suffix
from sitrep.errors import InputError
from sitrep.language import detect_language
from sitrep.nlp.analyse import parse
from sitrep.nlp.attribution import statements
from sitrep.nlp.dates import dates
from sitrep.nlp.entities import entities
from sitrep.nlp.events import events
from sitrep.schema import Document, Input

# spaCy's own ceiling, and about 10 GB of parser memory: a "document" this long is a page
# gone wrong, refused with a clear message rather than processed.
MAX_TEXT_CHARS = 1_000_000

Stage = Callable[[Document], None]


def guard_size(doc: Document) -> None:
    """Refuse a text too long to be one article."""
    if len(doc.text) > MAX_TEXT_CHARS:
        raise InputError(doc.origin, f"text of {len(doc.text):,} characters is over the {MAX_TEXT_CHARS:,} limit for one document")


def clean(doc: Document) -> None:
    """Keep the article and its metadata; drop the page's noise (see `sitrep.clean`)."""
    raw = doc.input
    if raw is not None and not raw.from_html:
        cleaned = clean_text(doc.text, title=doc.title, published=doc.published, evidence_dates=raw.evidence_dates)
        doc.text, doc.title, doc.published = cleaned.text, cleaned.title, cleaned.published
        doc.removed, doc.captions = cleaned.removed, cleaned.captions
    if doc.title:
        doc.title = strip_outlet_suffix(doc.title, doc.source)
    if not re.search(r"\w", doc.text):
        raise InputError(doc.origin, "no article text left after cleaning")


def identify_language(doc: Document) -> None:
    """Fill `language` when the input did not declare it."""
    doc.language = doc.language or detect_language(doc.text)


def analyse(doc: Document) -> None:
    """Parse the text with spaCy (tokens, sentences, dependencies, names) for the stages after."""
    doc.parsed = parse(doc.text)


def find_entities(doc: Document) -> None:
    """Fill `entities`: every thing mentioned, resolved within the document and to known ids."""
    doc.entities = entities(doc.parsed, doc.published)


def find_dates(doc: Document) -> None:
    """Fill `dates`: every temporal expression, resolved against the publication date."""
    doc.dates = dates(doc.parsed, doc.published)


def find_statements(doc: Document) -> None:
    """Fill `statements`: who said, claimed or assessed what, through whom, and how sure."""
    doc.statements = statements(doc.parsed, doc.entities, doc.dates)


def find_events(doc: Document) -> None:
    """Fill `events`: what happened between whom, when and where, as PLOVER events."""
    doc.events = events(doc.parsed, doc.entities, doc.dates, doc.statements)


def assign_id(doc: Document) -> None:
    """The id: a hash of the cleaned text, so the same article always has the same id."""
    canonical = re.sub(r"\s+", " ", unicodedata.normalize("NFC", doc.text)).strip()
    doc.id = hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:20]


STAGES: list[tuple[str, Stage]] = [
    ("guard_size", guard_size),
    ("clean", clean),
    ("language", identify_language),
    ("analyse", analyse),
    ("entities", find_entities),
    ("dates", find_dates),
    ("statements", find_statements),
    ("events", find_events),
    ("id", assign_id),
]


def new_document(item: Input) -> Document:
    """A Document holding what the reader found, before any stage has run."""
    return Document(origin=item.origin, text=item.text, title=item.title, published=item.published,
                    source=item.source, url=item.url, language=item.language,
                    captions=list(item.captions), input=item)


def process(item: Input) -> Document:
    """Run every stage over one input; raises InputError when the input yields no document."""
    doc = new_document(item)
    for _name, stage in STAGES:
        stage(doc)
    doc.input = None
    doc.parsed = None
    return doc
