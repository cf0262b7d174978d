"""Running the spaCy pipeline over a whole document in bounded pieces.

The parser and NER need memory in proportion to the text they see at once, so a long text is
cut at paragraph breaks into pieces of at most MAX_PIECE_CHARS, parsed piece by piece and
joined back into one Doc whose character offsets are those of the original text. A line break
always ends a sentence: the parser is told so before it runs, so it never joins the last line
of one paragraph to the next.
"""
from collections.abc import Iterator

from spacy.language import Language
from spacy.tokens import Doc, Span

from sitrep.nlp.model import load

MAX_PIECE_CHARS = 20_000
# Characters of text the model sees in one batch when several documents are parsed together.
BATCH_CHARS = MAX_PIECE_CHARS
PARAGRAPH_STARTS = "paragraph_sentence_starts"


@Language.component(PARAGRAPH_STARTS)
def paragraph_sentence_starts(doc: Doc) -> Doc:
    """Mark the first word after a line break as a sentence start (the parser keeps preset starts)."""
    for token in doc[1:]:
        if not token.is_space and "\n" in doc[token.i - 1].text_with_ws:
            token.is_sent_start = True
    return doc


def pipeline() -> Language:
    """The loaded pipeline with paragraph sentence starts set before the parser."""
    nlp = load()
    if PARAGRAPH_STARTS not in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPH_STARTS, before="parser")
    return nlp


def pieces(text: str, limit: int = MAX_PIECE_CHARS) -> Iterator[str]:
    """Consecutive pieces of `text` that join back to it exactly, each cut after a blank line
    (or a line end, or a space) when possible and no longer than `limit`."""
    start = 0
    while len(text) - start > limit:
        window = text[start:start + limit]
        cut = next((window.rfind(sep) + len(sep) for sep in ("\n\n", "\n", ". ", " ") if window.rfind(sep) > 0), limit)
        yield text[start:start + cut]
        start += cut
    if start < len(text):
        yield text[start:]


def parse(text: str, language: str = "en") -> Doc:
    """The analysis of a text as a spaCy Doc, offsets aligned with `text`: the English model's,
    or for Russian natasha's turned into the same kind of Doc (`russian.py`, loaded on first use)."""
    if language == "ru":
        from sitrep.nlp import russian

        return russian.parse(text)
    return parse_many([text])[0]


def parse_many(texts: list[str], batch_chars: int = BATCH_CHARS) -> list[Doc]:
    """The English model's analyses of several texts, in order, each with offsets aligned with its text.

    The pieces of all the texts go to `nlp.pipe` in groups of at most `batch_chars` characters
    (a piece longer than that alone): short articles share the model's batches, which is faster
    than one call each, while a long text still passes a piece at a time, so the model's working
    memory stays bounded whatever the length. Each piece's tensor, which no later stage reads,
    is dropped.
    """
    nlp = pipeline()
    owners, all_pieces = [], []
    for number, text in enumerate(texts):
        for piece in list(pieces(text)) or [text]:
            owners.append(number)
            all_pieces.append(piece)
    parsed: list[list[Doc]] = [[] for _ in texts]
    done = 0
    for group in _groups(all_pieces, batch_chars):
        for piece_doc in nlp.pipe(group, batch_size=len(group)):
            parsed[owners[done]].append(_without_tensor(piece_doc))
            done += 1
    return [_joined(docs, text) for docs, text in zip(parsed, texts)]


def _groups(texts: list[str], limit: int) -> Iterator[list[str]]:
    """Consecutive runs of `texts` of at most `limit` characters together (a longer text alone)."""
    group: list[str] = []
    size = 0
    for text in texts:
        if group and size + len(text) > limit:
            yield group
            group, size = [], 0
        group.append(text)
        size += len(text)
    if group:
        yield group


def _joined(docs: list[Doc], text: str) -> Doc:
    doc = docs[0] if len(docs) == 1 else Doc.from_docs(docs, ensure_whitespace=False, exclude=["tensor"])
    doc.user_data["text"] = text
    return doc


def _without_tensor(doc: Doc) -> Doc:
    doc.tensor = doc.tensor[:0]
    return doc


def language_of(doc: Doc) -> str:
    """The language a parsed document was analysed as ("en" unless a language's parser said otherwise)."""
    return doc.user_data.get("language", "en")


def text_of(doc: Doc) -> str:
    """The text of a parsed document. spaCy rebuilds `Doc.text` from the tokens at every access;
    the stages read it often, so it is kept once."""
    text = doc.user_data.get("text")
    if text is None:
        text = doc.user_data["text"] = doc.text
    return text


def noun_chunks_of(doc: Doc) -> list[Span]:
    """The noun phrases of a parsed document. spaCy works them out again at every access of
    `Doc.noun_chunks`; several stages read them, so they are kept once."""
    chunks = doc.user_data.get("noun_chunks")
    if chunks is None:
        chunks = doc.user_data["noun_chunks"] = list(doc.noun_chunks)
    return chunks
