"""Names in Russian text that sitrep knows: the gazetteer's, matched in any case form.

Russian inflects names ("Минобороны России", "Вооруженных сил Украины", "вагнеровцев"), so the
curated gazetteer, the places' Russian names and armed forces by nationality ("российские
войска") are matched on each word's dictionary form (the Doc's `norm`, set by `russian.py`),
the way the English EntityRuler matches the same names as written. A match wins over the
statistical model's span where they overlap, as the English ruler runs before the model.
"""
import re
from functools import cache

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from sitrep.data import load_json
from sitrep.nlp import gazetteer
from sitrep.nlp.model import DESIGNATION
from sitrep.nlp.transliteration import is_cyrillic

DESIGNATION_PATTERN = re.compile(DESIGNATION)


@cache
def _matcher() -> tuple[PhraseMatcher, dict[str, tuple[str, str]]]:
    """The phrase matcher over dictionary forms, and each pattern key's (label, id)."""
    from sitrep.nlp.russian import dictionary_form, vocabulary, words_of

    vocab = vocabulary()
    matcher = PhraseMatcher(vocab, attr="NORM")
    labels: dict[str, tuple[str, str]] = {}

    def add(name: str, label: str, entity_id: str) -> None:
        words = words_of(name)
        if not words:
            return
        pattern = Doc(vocab, words=words)
        for token in pattern:
            token.norm_ = dictionary_form(token.text)
        match_key = f"{label}|{entity_id}|{name[:1].isupper()}"
        labels[match_key] = (label, entity_id)
        matcher.add(match_key, [pattern])

    for entry in gazetteer.curated():
        for name in (entry.name, *entry.aliases):
            if is_cyrillic(name) or name.isupper() and len(name) > 1 or entry.type == "EQUIPMENT":
                add(name, entry.type, entry.id)
    for name, place in gazetteer.major_places():
        if is_cyrillic(name):
            add(name, "GPE", place.id)
    words = load_json("ru_names.json")
    for code, adjectives in words["adjectives"].items():
        state = gazetteer.lookup(gazetteer.country_name(code), "GPE")
        for adjective in adjectives:
            for nouns, kind in ((words["force_nouns"], "armed-forces"), (words["police_nouns"], "police")):
                for noun in nouns:
                    add(f"{adjective} {noun}", "ORG", f"{kind}:{code}")
            if state is not None:
                for noun in words["state_nouns"]:
                    add(f"{adjective} {noun}", "GPE", state.id)
    return matcher, labels


def known_names(doc: Doc) -> list[Span]:
    """The spans of known names in a Russian Doc, each with its label and id, longest first
    where they overlap; a capitalised name matches only capitalised words ("Восток", not "восток")."""
    matcher, labels = _matcher()
    found = []
    for match_id, start, end in matcher(doc):
        match_key = doc.vocab.strings[match_id]
        label, entity_id = labels[match_key]
        if match_key.endswith("True") and not doc[start].text[:1].isupper():
            continue
        found.append(Span(doc, start, end, label=label, span_id=entity_id))
    for token in doc:
        if DESIGNATION_PATTERN.match(token.text):
            end = token.i + 1
            while end < len(doc) and not doc[end - 1].whitespace_ and doc[end].text.isalnum():
                end += 1  # "AMX-10" + "RC": the tokenizer cut a designation in two
            found.append(Span(doc, token.i, end, label="EQUIPMENT"))
    found.sort(key=lambda s: (s.start - s.end, s.start))
    kept: list[Span] = []
    for span in found:
        if not any(span.start < k.end and k.start < span.end for k in kept):
            kept.append(span)
    return sorted(kept, key=lambda s: s.start)


def model_names(doc: Doc, names: list[Span], known: list[Span]) -> list[Span]:
    """The model's names that the known ones leave, corrected by Russian typography: a name in
    quotation marks is never a place (Russian quotes the names of bodies, units and media, not
    of places: группировка «Восток»), an abbreviation of a common noun is no name ("СМИ"), and
    a description that opens a known name in quotation marks is part of it (Белорусская служба
    «Радио Свобода»)."""
    common = frozenset(load_json("ru_names.json")["common_acronyms"])
    kept = []
    for span in names:
        if span.text in common:
            continue
        overlapping = [k for k in known if k.start < span.end and span.start < k.end]
        if overlapping:
            continue
        quoted = _quoted_name_after(doc, span.end, known)
        if quoted is not None and span.label_ == "ORG":
            known[known.index(quoted)] = Span(doc, span.start, quoted.end + (1 if _closes(doc, quoted.end) else 0),
                                              label=quoted.label_, span_id=quoted.id_)
            continue
        if span.label_ == "GPE" and span.start > 0 and doc[span.start - 1].text in QUOTES_OPEN:
            span = Span(doc, span.start, span.end, label="ORG")
        kept.append(_described(span))
    return kept


QUOTES_OPEN = {"«", "\"", "„", "“"}
QUOTES_CLOSE = {"»", "\"", "“", "”"}


def _quoted_name_after(doc: Doc, end: int, known: list[Span]) -> Span | None:
    if end >= len(doc) or doc[end].text not in QUOTES_OPEN:
        return None
    return next((k for k in known if k.start == end + 1 and k.label_ == "ORG"), None)


def _closes(doc: Doc, i: int) -> bool:
    return i < len(doc) and doc[i].text in QUOTES_CLOSE


def _described(span: Span) -> Span:
    """"Агентство Reuters": a body named with a descriptive noun before the name the gazetteer
    knows it by takes that name's id (the mention keeps its words)."""
    from sitrep.nlp.russian import dictionary_form

    if span.label_ != "ORG" or len(span) < 2 or dictionary_form(span[0].text) not in _descriptors():
        return span
    rest = span[1:]
    words = rest.text.strip("«»\"„“ ")
    known = gazetteer.lookup(words, "ORG")
    if known is None or known.type != "ORG":
        return span
    return Span(span.doc, span.start, span.end, label="ORG", span_id=known.id)


@cache
def _descriptors() -> frozenset[str]:
    return frozenset(load_json("ru_names.json")["descriptors"])
