"""Entity repairs from context: the model's spans trimmed, joined, retyped or dropped.

The small English model cuts long official names, calls a village a person and a capitalised
common word at a sentence start a place. These rules read the words around a span (a title
before a name, "the village of", a head noun such as Ministry or Province), the curated
gazetteer and the field's actor dictionaries (`actors.py`), and fix the spans once, as a
pipeline component, so that every later stage sees the same entities.
"""
from collections.abc import Iterator
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from sitrep.data import load_json
from sitrep.dateline import MONTHS
from sitrep.nlp import actors, gazetteer

NAME_TYPES = ("PERSON", "ORG", "GPE", "LOC", "FAC", "NORP")
THING_TYPES = ("WORK_OF_ART", "PRODUCT", "EVENT", "LAW", "LANGUAGE")  # model labels a speaker cannot have
# The last word of a name that says what kind of thing it is: "Zamfara State", "Kerch Strait".
PLACE_HEADS = {"State": "GPE", "Province": "GPE", "Oblast": "GPE", "Region": "GPE", "Governorate": "GPE",
               "County": "GPE", "District": "GPE", "Raion": "GPE", "Strait": "LOC", "Straits": "LOC",
               "Sea": "LOC", "Gulf": "LOC", "Base": "FAC", "Airbase": "FAC", "Airport": "FAC", "Airfield": "FAC"}
HEAD_WORDS = frozenset({*PLACE_HEADS, "Air", "Force", "Naval", "Military", "International"})
ORG_HEADS = frozenset({"Ministry", "Forces", "Army", "Navy", "Police", "Guard", "Council", "Committee", "Agency",
                       "Service", "Brigade", "Battalion", "Party", "Front", "Movement", "Directorate", "Commission",
                       "Command", "Corps", "Militia", "Office", "Department", "Staff"})
# Bodies whose official name runs on: "Ministry of Foreign Affairs and European Integration of ...".
INSTITUTION_HEADS = frozenset({"Ministry", "Department", "Office", "Council", "Committee", "Commission",
                               "Agency", "Service", "Directorate", "Institute", "General", "Staff", "Bureau"})
# Nouns for a body, written before its name: "the security firm Ambrey".
BODY_NOUNS = frozenset({"firm", "company", "group", "agency", "organisation", "organization", "outlet", "newspaper",
                        "site", "channel", "broadcaster", "movement", "party", "militia", "network", "manufacturer",
                        "contractor", "operator", "airline", "bank", "website", "portal", "daily", "weekly"})
SETTLEMENT_NOUNS = frozenset({"village", "town", "city", "settlement", "hamlet", "region", "province", "district",
                              "oblast", "county", "municipality", "island", "port", "commune", "community"})
PLACE_PREPOSITIONS = frozenset({"in", "near", "outside", "inside", "across"})
# Common nouns a place's name is written before ("the Selva river"), and the kind of place it makes.
PLACE_NOUNS = {"river": "LOC", "lake": "LOC", "valley": "LOC", "mountains": "LOC", "sea": "LOC", "bay": "LOC",
               "capital": "GPE", "province": "GPE", "region": "GPE", "town": "GPE", "city": "GPE", "village": "GPE"}
LOCATIVE = frozenset({"in", "from", "near", "to", "outside", "around", "at", "into", "towards", "toward"})
WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
COMMON_TAGS = frozenset({"NN", "NNS", "JJ", "JJR", "JJS", "RB", "VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "IN", "DT"})


@cache
def _titles() -> frozenset[str]:
    data = load_json("nominals.json")
    return frozenset(data["titles"])


@Language.factory("sitrep_entity_repairs")
def make_repairs(nlp: Language, name: str):
    """The repairs component; it borrows the lemmatizer's word lists (WordNet's nouns,
    adjectives, verbs and adverbs) to know an English common word when it sees one."""
    tables = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    common = frozenset(word for pos in ("noun", "adj", "verb", "adv") for word in tables[pos])
    return lambda doc: repair_entities(doc, common)


def repair_entities(doc: Doc, common_words: frozenset[str] = frozenset()) -> Doc:
    """Trim, join, retype and drop the recognised names by the context rules of this module."""
    capitalised_inside = _capitalised_inside(doc)
    written_lower = frozenset(t.text for t in doc if t.is_lower)
    spans = []
    for ent in doc.ents:
        if ent.label_ not in NAME_TYPES:
            spans.extend(_places_inside(ent) if ent.label_ in ("DATE", "TIME") else [ent])
            continue
        ent = _trimmed(ent)
        if ent is None or _is_common_word(ent, capitalised_inside, common_words, written_lower):
            continue
        if not any(c.isupper() for c in ent.text) and not ent.ent_id_:
            continue  # "the defence ministry": a description, not a name
        spans.append(_with_head_word(ent))
    spans = _with_country_prefix(_joined_official_names(doc, spans))
    spans = _places_by_usage([_retyped(span, common_words) for span in spans])
    spans += _dictionary_names(doc, spans)
    speakers = _speaking_names(doc, spans, common_words)
    taken = {i for span in speakers for i in range(span.start, span.end)}
    spans = [s for s in spans if not taken & set(range(s.start, s.end))] + speakers
    doc.ents = filter_spans(spans)
    return doc


def _span(doc: Doc, start: int, end: int, label: str, ent: Span | None = None) -> Span:
    return Span(doc, start, end, label=label, span_id=ent.ent_id_ if ent is not None else "")


def _trimmed(ent: Span) -> Span | None:
    """A name without trailing lower-case function words ("the Ministry on" Sunday) or an
    adverb and article before it, and on one side of a line break only (the longer side): no
    name runs across paragraphs."""
    breaks = [t.i for t in ent if "\n" in t.text_with_ws and t.i < ent.end - 1]
    if breaks:
        before, after = (ent.start, breaks[0] + 1), (breaks[-1] + 1, ent.end)
        start, end = max(before, after, key=lambda part: part[1] - part[0])
        while start < end and ent.doc[start].is_space:
            start += 1
        ent = _span(ent.doc, start, end, ent.label_, ent)
    start, end = ent.start, ent.end
    if ent.doc[start].pos_ == "ADV" and start + 1 < end and ent.doc[start + 1].lower_ == "the":
        start += 2  # "Later the Ministry of Defence": the adverb that opens the sentence is not the name's
    while end > start and ent.doc[end - 1].is_lower and ent.doc[end - 1].pos_ in ("ADP", "CCONJ", "DET", "ADV"):
        end -= 1
    if (start, end) == (ent.start, ent.end):
        return ent
    return _span(ent.doc, start, end, ent.label_, ent) if end > start else None


def _with_head_word(ent: Span) -> Span:
    """ "Al Minhad" + "Air Base", "Kunar" + "Province": the head word the model left outside."""
    doc, end = ent.doc, ent.end
    while end < len(doc) and end - ent.end < 3 and doc[end].is_title and doc[end].text in HEAD_WORDS:
        end += 1
    if end == ent.end or doc[end - 1].text not in PLACE_HEADS:
        return ent
    return _span(doc, ent.start, end, PLACE_HEADS[doc[end - 1].text], ent)


def _capitalised_inside(doc: Doc) -> frozenset[str]:
    """Words written with a capital inside a sentence: the text's own evidence of a name."""
    return frozenset(t.text for t in doc if t.is_title and not _opens_sentence(t))


def _opens_sentence(token) -> bool:
    if token.is_sent_start:
        return True
    doc = token.doc
    i = token.i
    while i > 0 and (doc[i - 1].is_space or doc[i - 1].is_punct and not doc[i - 1].is_sent_end
                     and doc[i - 1].text not in (",", ";")):
        i -= 1  # an opening quotation mark or bracket, or spacing, before the word
    if i > 0 and "\n" in doc[i - 1].text:
        return True
    return doc[i].is_sent_start or i == 0 or "\n" in doc[i - 1].text_with_ws


def _is_common_word(ent: Span, capitalised_inside: frozenset[str], common_words: frozenset[str],
                    written_lower: frozenset[str]) -> bool:
    """One capitalised common word at a sentence start ("Debris", "Mobile", "Calm") is not a
    name unless a dictionary or the rest of the text writes it as one. The word is common
    when the tagger reads it so, when English has it as a common word, or when the text
    itself writes it in lower case elsewhere; a place the tagger reads as a proper noun
    ("Paris said") stays, one it reads as an adjective ("Mobile fire groups") does not."""
    if len(ent) != 1 or ent.label_ == "NORP" or gazetteer.demonym_country(ent.text) or not _opens_sentence(ent[0]):
        return False  # a nationality is an adjective by rights, whatever label the model gave it
    token = ent[0]
    if token.text in capitalised_inside or not (token.tag_ in COMMON_TAGS or token.lower_ in common_words
                                                or token.lower_ in written_lower):
        return False
    # WordNet lists some proper names among its nouns ("paris"): what a dictionary knows stays.
    return not (gazetteer.is_curated(token.text) or gazetteer.is_place(token.text) and token.tag_ in ("NNP", "NNPS")
                or _dictionary_kind(token.text))


def _places_inside(ent: Span) -> list[Span]:
    """ "Odesa overnight" taken for a time: the known place at its start is a place (not a
    month or a weekday that a town happens to share, "March", "Sunday")."""
    first = ent[0]
    word = first.lower_.rstrip(".")
    if (len(ent) > 1 and first.is_title and first.pos_ == "PROPN" and gazetteer.is_place(first.text)
            and word not in MONTHS and word not in WEEKDAYS):
        return [_span(ent.doc, ent.start, ent.start + 1, "GPE")]
    return [ent]


def _joined_official_names(doc: Doc, spans: list[Span]) -> list[Span]:
    """ "Ministry of Foreign Affairs" + "and European Integration" + "of the Republic of Moldova":
    an institution's official name runs on through "and", "of" and "for" while its words are
    capitalised; the pieces the model cut it into become one name."""
    by_start = {span.start: span for span in spans}
    joined, absorbed = [], set()
    for span in spans:
        if span.start in absorbed:
            continue
        start = _left_conjunct_start(doc, span)
        if start is not None:  # the model saw only the second half: "... Affairs and [European Integration]"
            while joined and joined[-1].end > start:
                joined.pop()
            span = _span(doc, start, span.end, "ORG", span)
        if span.label_ == "ORG" and any(t.text in INSTITUTION_HEADS for t in span):
            end = _official_name_end(doc, span.end, by_start)
            if end > span.end:
                absorbed.update(s.start for s in spans if span.end <= s.start < end)
                span = _span(doc, span.start, end, "ORG", span)
        joined.append(span)
    return joined


def _left_conjunct_start(doc: Doc, span: Span) -> int | None:
    """Where an official name begins when the model marked only what follows its "and": an
    unknown capitalised name right after "and", before which a capitalised run goes back through
    "of" and "for" to an institution's head word ("Ministry of Foreign Affairs and [European
    Integration]"). None when the span stands alone or is a known thing ("... and NATO")."""
    if (span.start < 3 or doc[span.start - 1].lower_ != "and" or span.ent_id_ or not span[0].is_title
            or any(t.text in INSTITUTION_HEADS for t in span) or gazetteer.lookup(span.text, span.label_) is not None):
        return None
    i = span.start - 2
    while i >= 0 and (doc[i].is_title or doc[i].lower_ in ("of", "for")):
        if doc[i].text in INSTITUTION_HEADS and doc[i + 1].lower_ in ("of", "for"):
            return i
        i -= 1
    return None


def _with_country_prefix(spans: list[Span]) -> list[Span]:
    """ "UK" + "Maritime Trade Operations", "US" + "Central Command": a country written right
    before a body's name, with nothing between, is part of the name."""
    joined: list[Span] = []
    for span in spans:
        before = joined[-1] if joined else None
        if (before is not None and span.label_ == "ORG" and before.label_ == "GPE" and before.end == span.start
                and len(before) == 1 and gazetteer.is_country(before.text) and span[0].is_title
                and span[0].lower_ != "the" and not span.ent_id_):
            joined[-1] = _span(span.doc, before.start, span.end, "ORG")
            continue
        joined.append(span)
    return joined


def _official_name_end(doc: Doc, end: int, by_start: dict[int, Span]) -> int:
    while end + 1 < len(doc) and doc[end].lower_ in ("and", "of", "for"):
        joiner, i = doc[end].lower_, end + 1
        if doc[i].lower_ == "the":
            if joiner == "and":
                break  # "the Ministry and the Armed Forces": two things
            i += 1
        run = i
        while run < len(doc) and (doc[run].is_title or doc[run].is_upper) and doc[run].pos_ in ("PROPN", "NOUN", "ADJ"):
            run += 1
        if run == i:
            break
        following = by_start.get(i) or by_start.get(end + 1)
        if joiner == "and" and (following is not None and (following.ent_id_ or following.label_ != "ORG")
                                or gazetteer.lookup(doc[i:run].text, "ORG") is not None):
            break  # "the Ministry of Defence and NATO", "... and Moldova": two things
        end = max(run, following.end if following is not None else run)
    return end


def _retyped(span: Span, common_words: frozenset[str] = frozenset()) -> Span:
    """The type the context gives a name, when it differs from the model's."""
    if span.ent_id_:
        return span
    name_start = _name_after_title(span, common_words)
    if name_start is not None:
        return _span(span.doc, name_start, span.end, "PERSON", span)  # "PM Modi": Modi, a person
    label = _type_from_context(span, common_words)
    if label is None or label == span.label_:
        return span
    return _span(span.doc, span.start, span.end, label, span)


def _type_from_context(span: Span, common_words: frozenset[str] = frozenset()) -> str | None:
    doc = span.doc
    words = [t.text for t in span if t.lower_ != "the"]
    if not words:
        return None
    before = doc[span.start - 1] if span.start > 0 else None
    styled = before is not None and (before.is_title or before.is_upper)  # "Chief Minister X", not "chief X"
    if span.label_ == "PERSON" and styled and before.lemma_.lower() in _titles():
        return None  # "Chief Minister Siddaramaiah": a person, whatever kind a dictionary gives the name
    known = _dictionary_kind(span.text)
    if known is not None and (span.label_ in ("PERSON", "ORG") or (
            known == "ORG" and span.label_ in ("GPE", "LOC") and not gazetteer.is_place(span.text))):
        return known
    if len(words) > 1 and words[-1] in PLACE_HEADS and "of" not in words and known is None:
        return PLACE_HEADS[words[-1]]
    if len(words) > 2 and words[-2:] == ["Air", "Base"]:
        return "FAC"
    if words[-1] in ORG_HEADS or (words[0] in INSTITUTION_HEADS and "of" in words):
        return "ORG"
    root = span.root
    if (root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lemma_.lower() in SETTLEMENT_NOUNS):
        return "GPE"  # "the village of Ocnita"
    if before is not None and before.lemma_.lower() in BODY_NOUNS and span.label_ in ("PERSON", "GPE") and len(words) < 3 \
            and before.pos_ == "NOUN" and not gazetteer.is_place(span.text):
        return "ORG"  # "British maritime security firm Ambrey"
    if before is not None and before.lemma_.lower() in _titles() and span.label_ != "PERSON" and (
            len(words) in (2, 3) or len(words) == 1 and styled and span[0].lower_ not in common_words) \
            and all(t.is_title for t in span) and not gazetteer.is_place(span.text):
        return "PERSON"  # "air force spokesperson Yuriy Ihnat", "Chief Minister Siddaramaiah"
    if span.label_ == "PERSON" and len(span) == 1 and before is not None and before.lower_ in LOCATIVE \
            and gazetteer.is_place(span.text):
        return "GPE"  # "a nurse from Kherson"
    if span.label_ in ("GPE", "LOC") and len(words) > 1 and not gazetteer.is_place(span.text) \
            and root.dep_ == "nsubj" and root.head.lemma_.lower() in _cue_verbs():
        return "PERSON"  # "Nino Kovalenko said": places do not speak, people do
    if span.label_ in ("GPE", "LOC", "ORG") and len(words) > 1 and known is None and not gazetteer.is_place(span.text) \
            and root.dep_ == "appos" and _names_an_office(root.head) and not _after_common_noun(span):
        return "PERSON"  # "a former election commissioner of India, Om Prakash Rawat,": set beside an office
    return None


def _name_after_title(span: Span, common_words: frozenset[str]) -> int | None:
    """Where the name starts in a span the model took with a capitalised title before it, as a
    body's name ("PM Modi", "President Murmu"): a title word, then one to three capitalised words
    that name no place and are no English words ("Premier League", "General Administration")."""
    if span.label_ not in ("ORG", "GPE", "NORP") or _dictionary_kind(span.text) is not None:
        return None
    for token in span[:-1]:
        name = span.doc[token.i + 1:span.end]
        if (token.is_title or token.is_upper) and token.lower_ in _titles() and len(name) <= 3 \
                and all(t.is_title and t.pos_ == "PROPN" and t.lower_ not in common_words for t in name) \
                and not gazetteer.is_place(name.text):
            return name.start
    return None


def _after_common_noun(span: Span) -> bool:
    """`the president of the club, Real Madrid,`: a name set right after a noun other than a title
    names that noun's thing, whatever the parser hung it on."""
    before = span.doc[span.start - 2] if span.start > 1 and span.doc[span.start - 1].text == "," else None
    return before is not None and before.pos_ == "NOUN" and before.lemma_.lower() not in _titles()


def _names_an_office(token: Token) -> bool:
    """Whether a word is a title ("the defence minister") or the country of one ("commissioner of
    India"), so that a name set beside it is the office holder's."""
    if token.lemma_.lower() in _titles():
        return True
    return token.dep_ == "pobj" and token.ent_type_ == "GPE" and token.head.lower_ == "of" \
        and token.head.head.lemma_.lower() in _titles()


def _places_by_usage(spans: list[Span]) -> list[Span]:
    """One-word "people" that the text also writes as a place ("talks in Aldersund", "near
    Velmark", "the Selva river", "the Velmark capital"): a person is not somewhere one is in or
    near, so every mention of the name is a place. Not a possessive ("in Arlenko's view")."""
    people = {span.text for span in spans if span.label_ == "PERSON" and len(span) == 1 and not span.ent_id_}
    if not people:
        return spans
    doc = spans[0].doc
    placed: dict[str, str] = {}
    for token in (t for t in doc if t.text in people):
        if token.dep_ == "compound" and token.head.lower_ in PLACE_NOUNS:
            placed.setdefault(token.text, PLACE_NOUNS[token.head.lower_])  # "the Selva river", "the Velmark capital"
        elif token.i > 0 and doc[token.i - 1].lower_ in PLACE_PREPOSITIONS and not (
                token.i + 1 < len(doc) and doc[token.i + 1].tag_ == "POS"):
            placed.setdefault(token.text, "GPE")
    return [_span(s.doc, s.start, s.end, placed[s.text], s) if s.label_ == "PERSON" and len(s) == 1 and s.text in placed
            else s for s in spans]


def _dictionary_kind(text: str) -> str | None:
    """PERSON or ORG when the actor dictionaries know the name as exactly one kind of thing."""
    kinds = {a.kind for a in actors.actors_named(text)}
    if kinds == {"person"}:
        return "PERSON"
    if kinds == {"organisation"}:
        return "ORG"
    return None


def _dictionary_names(doc: Doc, spans: list[Span]) -> list[Span]:
    """Runs of proper nouns the model left unmarked that the actor dictionaries know as a
    person or an organisation ("EULEX", "Al-Shabaab"): the longest known run wins."""
    covered = {i for span in spans for i in range(span.start, span.end)}
    found = []
    i = 0
    while i < len(doc):
        if i in covered or doc[i].pos_ != "PROPN":
            i += 1
            continue
        end = i
        while end < len(doc) and end not in covered and (doc[end].pos_ == "PROPN" or doc[end].text == "-"):
            end += 1
        match = _longest_known(doc, i, end)
        if match is None:
            i += 1
            continue
        start, stop, label = match
        found.append(_span(doc, start, stop, label))
        i = stop
    return found


@cache
def _cue_verbs() -> frozenset[str]:
    """The verbs of saying of the attribution lexicon: who does them is a person or a body."""
    return frozenset(load_json("attribution.json")["verbs"])


def _speaking_names(doc: Doc, spans: list[Span], common_words: frozenset[str]) -> list[Span]:
    """A proper name the model left unmarked, or took for a title or product, where a speaker
    stands ("Dutta said", "said Ajit Pal", "according to Police Chief Tek Bahadur Rawat"): things
    do not speak, so it is a person, or an organisation when its last word says so ("Kalikot Police")."""
    covered = {i for span in spans if span.label_ not in THING_TYPES for i in range(span.start, span.end)}
    found = []
    for subject in _speaker_words(doc):
        start = subject.i
        while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].head == subject \
                and doc[start - 1].pos_ == "PROPN" and doc[start - 1].lower_ not in _titles():
            start -= 1  # "Kalikot Police Chief Tek Bahadur Rawat": the name after the title
        words = doc[start:subject.i + 1]
        if len(words) > 3 or any(i in covered for i in range(start, subject.i + 1)) or not all(
                t.is_alpha and t.is_title for t in words) or gazetteer.is_place(words.text) or all(
                t.lower_ in common_words for t in words) or any(
                t.lower_ in MONTHS or t.lower_ in WEEKDAYS or t.text in _titles() for t in words):
            continue
        found.append(_span(doc, start, subject.i + 1, "ORG" if words[-1].text in ORG_HEADS else "PERSON"))
    return found


def _speaker_words(doc: Doc) -> Iterator[Token]:
    """Proper nouns where a speaker stands: the subject of a verb of saying, and the object of
    "according to"."""
    for token in doc:
        if token.pos_ == "VERB" and token.lemma_.lower() in _cue_verbs():
            wanted = "nsubj"
        elif token.lower_ == "to" and token.i > 0 and doc[token.i - 1].lower_ == "according":
            wanted = "pobj"
        else:
            continue
        speaker = next((c for c in token.children if c.dep_ == wanted and c.pos_ == "PROPN"), None)
        if speaker is not None:
            yield speaker


def _longest_known(doc: Doc, start: int, end: int) -> tuple[int, int, str] | None:
    for length in range(end - start, 0, -1):
        for first in range(start, end - length + 1):
            piece = doc[first:first + length]
            if not (piece[0].is_alpha and piece[-1].is_alpha):
                continue
            if length == 1 and not (piece.text.isupper() and len(piece.text) >= 3):
                continue  # one capitalised word is too often something else
            kind = _dictionary_kind(piece.text)
            if kind is not None and not gazetteer.is_place(piece.text):
                return first, first + length, kind
    return None
