"""The English model's two rule components, remembered: the same output in a fraction of the time.

The model's attribute ruler (parts of speech and morphology from tags, and their exceptions)
runs a Matcher of some 180 patterns over every token, and its lemmatizer works each lemma out
again (spaCy remembers only inflected forms); together they take about a quarter of the model's
time. What the attribute ruler's one-token rules do to a token depends only on its lower-case
form, tag, dependency label and whether it is a space, and a lemma only on the token's form,
part of speech and morphology: each distinct key is worked out once, by the model's own
components, and reused. The rules that span two tokens still run over every document. The
lemmatizer's word lists are read as sets (spaCy searches them as lists, a word at a time).
"""
import copy

import numpy
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.lookups import Lookups
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.tokens import Doc

ATTRIBUTES = "sitrep_cached_attributes"
LEMMAS = "sitrep_cached_lemmas"
# Distinct keys remembered before starting afresh, so that memory stays bounded on any stream.
MAX_REMEMBERED = 500_000


class CachedAttributes:
    """The attribute ruler's rules applied as the ruler applies them, one-token rules remembered."""

    def __init__(self, ruler: AttributeRuler):
        self.ruler = ruler
        self.one_token, self.longer = Matcher(ruler.vocab), Matcher(ruler.vocab)
        for number, rule in enumerate(ruler.patterns):
            for pattern in rule["patterns"]:
                (self.one_token if len(pattern) == 1 else self.longer).add(str(number), [pattern])
        self.rules_of: dict[tuple[int, int, int, int], tuple[int, ...]] = {}

    def __call__(self, doc: Doc) -> Doc:
        if len(self.rules_of) > MAX_REMEMBERED:
            self.rules_of.clear()
        keys = [tuple(row) for row in doc.to_array([LOWER, TAG, DEP, IS_SPACE]).tolist()]
        unseen = list(dict.fromkeys(key for key in keys if key not in self.rules_of))
        if any(tag == 0 or dep == 0 for _, tag, dep, _ in unseen):
            return self.ruler(doc)  # an untagged or unparsed token: the ruler itself decides
        self._learn(doc.vocab, unseen)
        matches = [(match_id, i, i + 1) for i, key in enumerate(keys) for match_id in self.rules_of[key]]
        matches += self.longer(doc, allow_missing=True)
        strings = doc.vocab.strings
        # The ruler's order: by rule number, so that later rules win.
        self.ruler.set_annotations(doc, sorted((int(strings[m]), m, start, end) for m, start, end in matches))
        return doc

    def _learn(self, vocab, keys: list[tuple[int, int, int, int]]) -> None:
        """Which one-token rules match each key, found by the ruler's Matcher on a document made
        of one token per key (these rules look at no neighbour)."""
        if not keys:
            return
        strings = vocab.strings
        sample = Doc(vocab, words=[strings[lower] for lower, *_ in keys], spaces=[False] * len(keys),
                     tags=[strings[tag] for _, tag, _, _ in keys], deps=[strings[dep] for _, _, dep, _ in keys],
                     heads=list(range(len(keys))))
        found: dict[int, list[int]] = {}
        for match_id, start, _ in self.one_token(sample, allow_missing=True):
            found.setdefault(start, []).append(match_id)
        for position, key in enumerate(keys):
            self.rules_of[key] = tuple(found.get(position, ()))


class CachedLemmas:
    """The lemmatizer's lemmas, each (form, part of speech, morphology) worked out once."""

    def __init__(self, lemmatizer: Lemmatizer):
        self.lemmatizer = _with_word_sets(lemmatizer)
        self.lemma_of: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        if len(self.lemma_of) > MAX_REMEMBERED:
            self.lemma_of.clear()
        strings, overwrite = doc.vocab.strings, self.lemmatizer.overwrite
        lemmas = []
        for i, (orth, pos, morph, lemma) in enumerate(doc.to_array([ORTH, POS, MORPH, LEMMA]).tolist()):
            if overwrite or lemma == 0:
                lemma = self.lemma_of.get((orth, pos, morph))
                if lemma is None:
                    lemma = self.lemma_of[orth, pos, morph] = strings.add(self.lemmatizer.lemmatize(doc[i])[0])
            lemmas.append(lemma)
        doc.from_array([LEMMA], numpy.array(lemmas, dtype="uint64").reshape(-1, 1))
        return doc


def _with_word_sets(lemmatizer: Lemmatizer) -> Lemmatizer:
    """A copy of the lemmatizer whose lists of known words are sets (it only asks whether a
    word is in them); the model's own lemmatizer and its tables stay as they are."""
    tables = Lookups()
    for name in lemmatizer.lookups.tables:
        table, copied = lemmatizer.lookups.get_table(name), tables.add_table(name)
        for key, value in table.items():
            copied[key] = frozenset(value) if name == "lemma_index" else value
    faster = copy.copy(lemmatizer)
    faster.lookups, faster.cache = tables, {}
    faster.lemmatize = getattr(faster, f"{faster.mode}_lemmatize")  # bound to the copy, as spaCy binds it
    return faster


@Language.factory(ATTRIBUTES)
def make_cached_attributes(nlp: Language, name: str) -> CachedAttributes:
    """The pipeline's attribute ruler, remembered (it stays in the pipeline, disabled)."""
    return CachedAttributes(nlp.get_pipe("attribute_ruler"))


@Language.factory(LEMMAS)
def make_cached_lemmas(nlp: Language, name: str) -> CachedLemmas:
    """The pipeline's lemmatizer, remembered (it stays in the pipeline, disabled)."""
    return CachedLemmas(nlp.get_pipe("lemmatizer"))


def install(nlp: Language) -> None:
    """Put the remembered components in the place of the model's own, which are disabled."""
    for stock, cached in (("attribute_ruler", ATTRIBUTES), ("lemmatizer", LEMMAS)):
        nlp.add_pipe(cached, after=stock)
        nlp.disable_pipe(stock)
