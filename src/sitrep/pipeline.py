"""The extraction pipeline, top to bottom: an `Input` becomes a `sitrep/1` Document.

Each stage is a named function over the one Document, testable alone, unaware of what runs
it (one process, worker processes, a cluster) and of where its output is stored. The stages
come in two runs: `prepare` (cheap: cleaning, language, the id) and `analyse` (the language
analysis), so that a driver can skip a document it already holds before paying for analysis.
"""
import hashlib
import re
import unicodedata
from collections.abc import Callable

from sitrep.clean import clean_text, strip_outlet_suffix
from sitrep.errors import InputError
from sitrep.language import detect_language
from sitrep.nlp.analyse import parse, parse_many
from sitrep.nlp.attribution import statements
from sitrep.nlp.dates import dates
from sitrep.nlp.entities import entities
from sitrep.nlp.events import events
from sitrep.schema import Document, Input
from sitrep.urls import DROPPED_NOTE, web_address
from sitrep.versions import current as current_versions

# spaCy's own ceiling, and about 10 GB of parser memory: a "document" this long is a page
# gone wrong, refused with a clear message rather than processed.
MAX_TEXT_CHARS = 1_000_000

# Languages the analysis stages have models and lexicons for; text in any other language is
# stored, cleaned and searchable, but never run through another language's model.
ANALYSED_LANGUAGES = {"en", "ru"}

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


def check_url(doc: Document) -> None:
    """Keep the document's URL only as a normalised http(s) address: it becomes a link in the UI."""
    kept = web_address(doc.url)
    if doc.url and kept is None:
        doc.removed.append(DROPPED_NOTE)
    doc.url = kept


def identify_language(doc: Document) -> None:
    """Fill `language` when the input did not declare it."""
    doc.language = doc.language or detect_language(doc.text)


def analyse(docs: list[Document]) -> None:
    """Parse the texts (tokens, sentences, dependencies, names) for the stages after: spaCy's
    English model, several documents sharing its batches, or natasha for Russian, both giving a
    spaCy Doc of the same kind."""
    english = [doc for doc in docs if (doc.language or "en") == "en"]
    for doc, parsed in zip(english, parse_many([doc.text for doc in english])):
        doc.parsed = parsed
    for doc in docs:
        if doc.parsed is None:
            doc.parsed = parse(doc.text, doc.language)


def find_entities(doc: Document) -> None:
    """Fill `entities`: every thing mentioned, resolved within the document and to known ids."""
    doc.entities = entities(doc.parsed, doc.published)


def find_dates(doc: Document) -> None:
    """Fill `dates`: every temporal expression, resolved against the publication date."""
    doc.dates = dates(doc.parsed, doc.published)


def find_statements(doc: Document) -> None:
    """Fill `statements`: who said, claimed or assessed what, through whom, and how sure."""
    doc.statements = statements(doc.parsed, doc.entities, doc.dates, doc.source)


def find_events(doc: Document) -> None:
    """Fill `events`: what happened between whom, when and where, as PLOVER events."""
    doc.events = events(doc.parsed, doc.entities, doc.dates, doc.statements)


def stamp(doc: Document) -> None:
    """Record what produced the document (sitrep, the model, each lexicon), so that a knowledge
    base knows what a newer sitrep would read differently."""
    doc.versions = dict(current_versions())


def assign_id(doc: Document) -> None:
    """The id: a hash of the cleaned text, so the same article always has the same id."""
    canonical = re.sub(r"\s+", " ", unicodedata.normalize("NFC", doc.text)).strip()
    doc.id = hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:20]


PREPARE_STAGES: list[tuple[str, Stage]] = [
    ("guard_size", guard_size),
    ("clean", clean),
    ("url", check_url),
    ("language", identify_language),
    ("id", assign_id),
]
# The parse runs over a batch of documents at once (the model is faster so); every stage after
# it reads one parsed document.
PARSE_STAGE: tuple[str, Callable[[list[Document]], None]] = ("analyse", analyse)
ANALYSIS_STAGES: list[tuple[str, Stage]] = [
    ("entities", find_entities),
    ("dates", find_dates),
    ("statements", find_statements),
    ("events", find_events),
]
# Every document, analysed or not (a language with no analysis yet), ends stamped.
STAMP_STAGE: tuple[str, Stage] = ("stamp", stamp)
# Every stage, in the order they run.
STAGES: list[tuple[str, Callable]] = [*PREPARE_STAGES, PARSE_STAGE, *ANALYSIS_STAGES, STAMP_STAGE]


def new_document(item: Input) -> Document:
    """A Document holding what the reader found, before any stage has run."""
    return Document(origin=item.origin, text=item.text, title=item.title, published=item.published,
                    source=item.source, url=item.url, language=item.language,
                    captions=list(item.captions), input=item)


def prepare(item: Input) -> Document:
    """Clean one input and give it its id; raises InputError when the input yields no document."""
    doc = new_document(item)
    for _name, stage in PREPARE_STAGES:
        stage(doc)
    doc.input = None
    return doc


def analysable(doc: Document) -> bool:
    """Whether the analysis stages can read the document's language; a text too short to tell
    is analysed when its letters are mostly Latin."""
    if doc.language is not None:
        return doc.language in ANALYSED_LANGUAGES
    letters = [c for c in doc.text[:5000] if c.isalpha()]
    latin = sum(1 for c in letters if c < "\u0250")
    return latin >= 0.5 * len(letters)


def analyse_document(doc: Document) -> Document:
    """Run the language analysis over a prepared document, when its language has one."""
    return analyse_documents([doc])[0]


def analyse_documents(docs: list[Document]) -> list[Document]:
    """Run the language analysis over prepared documents, parsing them in one batch.

    A document in another language keeps no entities, statements or events, and a note says so:
    an English model run over other text finds only junk."""
    analysed = [doc for doc in docs if analysable(doc)]
    for doc in docs:
        if not analysable(doc):
            language = repr(doc.language) if doc.language else "of this text"
            doc.notes.append(f"language {language} is not analysed yet: stored without entities, statements or events")
    PARSE_STAGE[1](analysed)
    for doc in analysed:
        for _name, stage in ANALYSIS_STAGES:
            stage(doc)
        doc.parsed = None
    for doc in docs:
        STAMP_STAGE[1](doc)
    return docs


def process(item: Input) -> Document:
    """Run every stage over one input; raises InputError when the input yields no document."""
    return analyse_document(prepare(item))
