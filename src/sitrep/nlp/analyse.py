"""Running the spaCy pipeline over a whole document in bounded pieces.

The parser and NER need memory in proportion to the text they see at once, so a long text is
cut at paragraph breaks into pieces of at most MAX_PIECE_CHARS, parsed piece by piece and
joined back into one Doc whose character offsets are those of the original text. A line break
always ends a sentence: the parser is told so before it runs, so it never joins the last line
of one paragraph to the next.
"""
from collections.abc import Iterator

from spacy.language import Language
from spacy.tokens import Doc

from sitrep.nlp.model import load

MAX_PIECE_CHARS = 20_000
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
    nlp = pipeline()
    # One piece at a time (nlp.pipe would batch them all, and the model's working memory
    # would grow with the whole text); each piece's tensor, which no later stage reads, is dropped.
    docs = [_without_tensor(nlp(piece)) for piece in pieces(text)]
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
