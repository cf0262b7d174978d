"""The event lexicon: which verb or noun, with which object, codes which PLOVER event.

Two data files: `data/event_lexicon.json`, converted from the field's CAMEO verb patterns
and the PLOVER editors' table (scripts/convert_cameo.py), and `data/events.json`, sitrep's own
triggers, corrections and rules. A verb is coded by its most specific CAMEO pattern that the
dependency parse satisfies (object head or synonym set, particles, prepositions, subject); else
by sitrep's own entry; else by the verb's CAMEO default, unless its meaning depends on its
object ("give", "launch", "release"), when only a matching object codes it.
"""
import json
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources

from spacy.tokens import Token

from sitrep.data import lexicon as data_lexicon

OBJECT_DEPS = ("dobj", "nsubjpass", "attr", "oprd")
# words of a verb's own phrase a pattern may require ("set UP", "call OFF talks", "take LEAVE")
PHRASE_DEPS = ("prt", "prep", "dobj", "acomp", "advmod", "attr", "oprd", "dative", "npadvmod", "xcomp")
MODIFIER_DEPS = ("compound", "amod", "nmod", "poss", "nummod")
LOCATIVE = ("in", "at", "near", "outside", "inside", "across")


@dataclass(frozen=True)
class Coding:
    """A PLOVER type with its mode and context; `reverse` when the object acts on the subject."""

    type: str
    mode: str | None = None
    context: tuple[str, ...] = ()
    reverse: bool = False
    needs_target: bool = False


@dataclass(frozen=True)
class _Pattern:
    obj: str | None
    particles: tuple[str, ...]
    prepositions: tuple[tuple[str, str | None], ...]
    subject: str | None
    code: str | None
    reverse: bool

    @property
    def weight(self) -> int:
        return (2 * (self.obj is not None) + len(self.particles) + sum(1 + (n is not None) for _, n in self.prepositions)
                + (self.subject is not None))


@cache
def own() -> dict:
    """sitrep's own triggers and rules (`data/events.json`), every language's part merged in."""
    return data_lexicon("events.json")


@cache
def lexicon() -> "EventLexicon":
    """The event lexicon, loaded once."""
    cameo = json.loads(resources.files("sitrep.data").joinpath("event_lexicon.json").read_text("utf-8"))
    return EventLexicon(cameo, own())


def _words(token: Token) -> set[str]:
    return {token.lower_, token.lemma_.lower()}


class EventLexicon:
    """Codes verbs and nouns of a parse to PLOVER events."""

    def __init__(self, cameo: dict, own_data: dict):
        self.synsets = {name: set(words) for name, words in cameo["synsets"].items()}
        corrections = own_data.get("corrections", {})
        self.codes = {code: corrections.get(code, row) for code, row in cameo["codes"].items()}
        blocks = [tuple(self._pattern(p) for p in block) for block in cameo["blocks"]]
        self.verbs: dict[str, tuple[str | None, tuple[_Pattern, ...]]] = {
            key: (entry["code"], tuple(p for b in entry["blocks"] for p in blocks[b])) for key, entry in cameo["verbs"].items()}
        self.phrasal: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
        for key in list(self.verbs) + list(own_data["verbs"]):
            first, *rest = key.split()
            if rest:
                self.phrasal.setdefault(first, []).append((key, tuple(rest)))
        for candidates in self.phrasal.values():
            candidates.sort(key=lambda c: -len(c[1]))
        self.own_verbs = own_data["verbs"]
        self.own_nouns = own_data["nouns"]
        self.object_dependent = own_data["object_dependent"]
        self.own_first = set(own_data["own_first"])
        self.needs_target = set(own_data["needs_target"])

    @staticmethod
    def _pattern(raw: dict) -> _Pattern:
        return _Pattern(raw.get("object"), tuple(raw.get("with", ())), tuple(tuple(p) for p in raw.get("prepositions", ())),
                        raw.get("subject"), raw["code"], raw.get("reverse", False))

    def coding(self, code: str | None, reverse: bool = False) -> Coding | None:
        """The PLOVER coding of a CAMEO code, None for what PLOVER does not code."""
        row = self.codes.get(code) if code else None
        return Coding(row[0], row[1], tuple(row[2]), reverse) if row else None

    def matches(self, phrase: str, token: Token) -> bool:
        """True when a pattern's noun phrase ("aid", "{FINANCIAL AID}", "&CEASEFIRE") names this
        head word: the last word is the head, earlier words its modifiers."""
        *modifiers, head = phrase.split()
        if not self._word_matches(head, token):
            return False
        around = [c for c in token.children if c.dep_ in MODIFIER_DEPS]
        return all(any(self._word_matches(m, c) for c in around) for m in modifiers)

    def _word_matches(self, word: str, token: Token) -> bool:
        forms = _words(token)
        if word.startswith("&"):
            members = self.synsets.get(word[1:], ())
            return any(m.split()[-1] in forms for m in members)
        return word in forms or (word.endswith("s") and word[:-1] in forms)

    def verb(self, token: Token) -> Coding | None:
        """The event a verb codes in its sentence, or None."""
        lemma = token.lemma_.lower()
        keys = [key for key, rest in self.phrasal.get(lemma, ())
                if self._has_phrase(token, rest, key in self.own_verbs)] + [lemma]
        obj = next((c for c in token.children if c.dep_ in OBJECT_DEPS), None)
        for key in keys:
            if key in self.own_first and key in self.own_verbs:
                return self._own(key, self.own_verbs[key])
            entry = self.verbs.get(key)
            matched = self._best_pattern(entry[1], token, obj) if entry else None
            coded = self.coding(matched.code, matched.reverse) if matched else None
            default = self.coding(entry[0]) if entry else None
            if coded and coded.type == "AGREE" and default and default.type != "AGREE":
                # CAMEO's intents (03x) of an act verb came from auxiliaries the pattern did not
                # see ("will supply"); here the modality decides, so the act keeps its own type
                coded, matched = None, None
            if coded:  # "affirmed his support for a unified state" names no one supported
                return replace(coded, needs_target=obj is not None and obj.lemma_.lower() in self.needs_target)
            if key in self.own_verbs and self.own_verbs[key] is None:
                return None  # a phrase that is no event: "seized on the announcement"
            own_entry = self.own_verbs.get(key)
            if own_entry and self._object_allows(key, obj, token):
                return self._own(key, own_entry)
            if default and matched is None and key not in self.object_dependent:
                return default
        return None

    def _own(self, key: str, entry: list) -> Coding:
        return Coding(entry[0], entry[1], tuple(entry[2]) if len(entry) > 2 else (), needs_target=key in self.needs_target)

    def _object_allows(self, key: str, obj: Token | None, verb: Token) -> bool:
        allowed = self.object_dependent.get(key)
        if allowed is None:
            return True
        if "CLAUSE" in allowed and any(c.dep_ == "xcomp" or c.dep_ == "ccomp" and not any(
                m.dep_ == "mark" and m.lower_ in ("if", "whether") for m in c.children) for c in verb.children):
            return True  # "asked X to leave", not "asked if X would leave"
        if any(p.startswith("prep:") and any(c.dep_ == "prep" and c.lower_ == p[5:] for c in verb.children) for p in allowed):
            return True  # "fought against the rebels"
        if obj is not None and "PROPN" in allowed and obj.pos_ == "PROPN":
            return True
        words = [p for p in allowed if p not in ("CLAUSE", "PROPN") and not p.startswith("prep:")]
        return obj is not None and any(self.matches(p, obj) for p in words)

    def _has_phrase(self, verb: Token, words: tuple[str, ...], own_key: bool) -> bool:
        """The words after a phrasal verb in its phrase: a particle ("set UP"), an object ("take
        PART"), or a preposition when the phrase is sitrep's own or the verb has no object and the
        preposition leads to a name, not a place ("ran INTO X", not "gave a speech IN Nairobi")."""
        bare = not any(c.dep_ == "dobj" for c in verb.children)
        around = [c for c in verb.children if c.dep_ in PHRASE_DEPS and (
            c.dep_ != "prep" or own_key or bare and c.lower_ not in LOCATIVE
            and any(g.pos_ in ("PROPN", "PRON") for g in c.children))]
        if own_key:  # "went on strike": the object of the phrase's preposition
            around += [g for c in around if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
        return all(any(w in _words(c) for c in around) for w in words)

    def _best_pattern(self, patterns: tuple[_Pattern, ...], verb: Token, obj: Token | None) -> _Pattern | None:
        best = None
        heads = [verb] + ([obj] if obj is not None else [])
        prepositions = [(c.lower_, next((g for g in c.children if g.dep_ == "pobj"), None))
                        for h in heads for c in h.children if c.dep_ == "prep"]
        obj_candidates = [obj] if obj is not None else []
        for pattern in patterns:
            if best is not None and pattern.weight <= best.weight:
                continue
            if pattern.obj is not None and not any(self.matches(pattern.obj, o) for o in obj_candidates):
                continue
            if pattern.particles and not all(any(w in _words(c) for h in heads for c in h.children) for w in pattern.particles):
                continue
            if not all(any(p == prep and (noun is None or (pobj is not None and self.matches(noun, pobj)))
                           for p, pobj in prepositions) for prep, noun in pattern.prepositions):
                continue
            if pattern.subject is not None:
                subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                if subject is None or not self.matches(pattern.subject, subject):
                    continue
            if pattern.weight < 2:
                continue  # the bare verb ("- *") or a bare preposition ("* (AT)") says too little
            best = pattern
        return best

    def noun(self, token: Token) -> Coding | None:
        """The event a noun names ("talks", "strike", "alert status"), or None."""
        for modifier in (c for c in token.children if c.dep_ == "compound"):
            key = f"{modifier.lower_} {token.lemma_.lower()}"
            if key in self.own_nouns:
                return self._own(key, self.own_nouns[key])
        key = token.lower_ if token.lower_ in self.own_nouns else token.lemma_.lower()
        return self._own(key, self.own_nouns[key]) if key in self.own_nouns else None
