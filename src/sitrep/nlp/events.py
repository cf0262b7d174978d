"""Events: who did what to whom, when and where, coded to the PLOVER event types.

A trigger is a verb or noun of the event lexicon (`data/events.json`); its actor and target
come from the dependency parse (subject, agent, object, "with/to/for/against" objects, the
possessor of a noun: "his refusal", "Putin's demand") resolved to the document's entities.
Only what the text reports as having happened counts: a trigger under a modal ("will
produce"), an intention ("intends to absorb"), a condition or a negation is left out; an
offer ("ready to produce") is PLOVER's AGREE. An event inside someone's statement carries
that statement's id.
"""
import json
from functools import cache
from importlib import resources

from spacy.tokens import Doc, Token

from sitrep.nlp.references import References
from sitrep.schema import DateMention, Entity, Event, Statement

PARTICIPANTS = ("PERSON", "ORG", "GPE", "NORP")
NEEDS_NO_TARGET = ("RETREAT", "MOBILIZE", "PROTEST")
TARGET_PREPOSITIONS = ("with", "to", "for", "against", "on", "into", "between", "from")
# "a demand for X to do Y" names what is demanded, not of whom; "of" names the target of acts
# done to someone ("the invasion of X", "the arrest of X") but the agent of others ("the mediation of X").
NOUN_TARGET_PREPOSITIONS = ("with", "to", "against", "on", "between")
DONE_TO = ("ASSAULT", "COERCE", "SANCTION")
PRONOUN_WORDS = ("he", "she", "him", "her", "his", "they", "them", "their", "it", "its")
OFFERS = ("ready", "willing", "prepared")


@cache
def _lexicon() -> dict:
    return json.loads(resources.files("sitrep.data").joinpath("events.json").read_text("utf-8"))


def events(sdoc: Doc, entities: list[Entity], dates: list[DateMention], statements: list[Statement]) -> list[Event]:
    """Every event the parsed text reports as having happened, in text order."""
    refs = References(sdoc, entities)
    types = {e.id: e.type for e in entities}
    found, seen = [], set()
    for token in sdoc:
        coded = _trigger(token)
        if coded is None or token.dep_ == "amod" or not _happened(token):
            continue  # "mobilized Russians" describes, it does not report
        event_type, mode = coded
        if token.head.lemma_.lower() in OFFERS and token.dep_ == "xcomp":
            event_type, mode = "AGREE", None  # a public offer
        actor, target = _participants(token, refs, types)
        if actor is None or target == actor or (target is None and event_type not in NEEDS_NO_TARGET):
            continue
        sentence = token.sent
        key = (event_type, frozenset((actor, target)))
        if key in seen:
            continue  # one meeting reported in three sentences is one event
        seen.add(key)
        found.append(Event(
            type=event_type, mode=mode, actor=actor, target=target,
            date=_date(token, dates), location=_location(token, refs, types),
            statement=next((s.id for s in statements if s.start <= token.idx < s.end), None),
            start=sentence.start_char, end=sentence.end_char))
    return found


def _trigger(token: Token) -> tuple[str, str | None] | None:
    lexicon = _lexicon()
    if token.pos_ == "VERB":
        lemma = token.lemma_.lower()
        particle = next((c.lower_ for c in token.children if c.dep_ == "prt"), None)
        entry = lexicon["verbs"].get(f"{lemma} {particle}") if particle else None
        return tuple(entry or lexicon["verbs"].get(lemma) or ()) or None
    if token.pos_ == "NOUN":
        entry = lexicon["nouns"].get(token.lower_) or lexicon["nouns"].get(token.lemma_.lower())
        return tuple(entry) if entry else None
    return None


def _happened(token: Token) -> bool:
    """False for intentions, predictions, conditions and negations."""
    rules = _lexicon()["not_happened"]
    current = token
    for _ in range(6):
        for child in current.children:
            if child.dep_ == "aux" and child.lower_ in rules["auxiliaries"]:
                return False
            if child.dep_ == "neg":
                return False
            if child.dep_ == "mark" and child.lower_ in rules["marks"]:
                return False
        if any(c.dep_ == "aux" and c.lower_ == "to" for c in current.children) and (
                current.dep_ == "advcl" or current.dep_ == "xcomp" and any(c.dep_ == "dobj" for c in current.head.children)):
            return False  # a purpose: "to support the war", "used the grounds to train recruits"
        if current.dep_ in ("xcomp", "ccomp", "pobj", "prep", "pcomp", "dobj", "acl", "nsubj", "conj", "advcl") \
                and current.head is not current:
            current = current.head
            if current.lemma_.lower() in rules["intentions"]:
                return False
            continue
        break
    return True


def _participants(token: Token, refs: References, types: dict[str, str]) -> tuple[str | None, str | None]:
    """(actor, target) of a trigger, as entity ids of participants (people, organisations, states)."""
    def participant(word: Token | None) -> str | None:
        """The participant a word names: itself, or its possessor or modifiers ("the Russian
        authorities' terms"), never something deeper in its phrase."""
        if word is None:
            return None
        order = ("compound", "appos", "nmod", "poss", "amod")
        modifiers = sorted((c for c in word.children if c.dep_ in order), key=lambda c: order.index(c.dep_))
        named = [refs.entity_at(w) for w in [word, *modifiers]]
        named = [n for n in named if types.get(n) in PARTICIPANTS]
        if named:  # a nationality only when nothing more precise is named
            return next((n for n in named if types[n] != "NORP"), named[0])
        found, _ = refs.resolve(word) if word.lower_ in PRONOUN_WORDS else (None, "")
        return found if types.get(found) in PARTICIPANTS else None

    if token.pos_ == "NOUN":
        between = next((g for c in token.children if c.dep_ == "prep" and c.lower_ == "between"
                        for g in c.children if g.dep_ == "pobj"), None)
        if between is not None:  # "talks between X and Y"
            other = next((c for c in between.children if c.dep_ == "conj"), None)
            return participant(between), participant(other)
        possessor = participant(next((c for c in token.children if c.dep_ == "poss"), None))
        if token.dep_ in ("dobj", "nsubjpass", "attr"):  # "X announced the withdrawal", "X held talks"
            actor = possessor or participant(_governing_subject(token))
        else:  # an adjunct: "X, during a meeting with Y, said"
            actor = possessor or _nearest_before(token, refs, types) or participant(_governing_subject(token))
    else:
        agent = next((g for c in token.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)
        actor = participant(agent) or participant(_subject(token))
    prepositions = TARGET_PREPOSITIONS if token.pos_ != "NOUN" else NOUN_TARGET_PREPOSITIONS + (
        ("of",) if _trigger(token)[0] in DONE_TO else ())
    # "producing components for KAMAZ": the parser may hang the preposition on the object.
    heads = [token] + ([c for c in token.children if c.dep_ == "dobj"] if token.pos_ != "NOUN" else [])
    candidates = [g for head in heads for c in head.children if c.dep_ == "prep" and c.lower_ in prepositions
                  for g in c.children if g.dep_ == "pobj"]
    candidates += [c for c in token.children if c.dep_ in ("dobj", "iobj", "nsubjpass") and c.i != token.i]
    if token.pos_ == "NOUN":  # "refusal to accept Putin's demand": whose demand it was
        candidates += [t for c in token.children if c.dep_ in ("acl", "xcomp", "relcl") for t in c.subtree
                       if t.dep_ == "poss"]
    subject = _subject(token) if token.pos_ != "NOUN" else None
    if subject is not None and any(c.dep_ == "conj" for c in subject.children):
        # "Kim and Putin met": the other one is the target (wherever the parse put the name).
        conjuncts = [c for c in subject.children if c.dep_ == "conj"]
        candidates += conjuncts + [t for c in conjuncts for t in c.subtree] + list(subject.subtree)
    targets = [t for t in (participant(word) for word in candidates) if t is not None and t != actor]
    return actor, next((t for t in targets if types[t] != "NORP"), targets[0] if targets else None)


def _nearest_before(noun: Token, refs: References, types: dict[str, str]) -> str | None:
    """The participant named last before a noun in its sentence ("X, during a meeting with Y")."""
    for word in reversed(noun.doc[noun.sent.start:noun.i]):
        found = refs.entity_at(word)
        if types.get(found) in PARTICIPANTS:
            return found
    return None


def _subject(verb: Token) -> Token | None:
    current = verb
    for _ in range(4):
        subject = next((c for c in current.children if c.dep_ == "nsubj"), None)
        if subject is not None:
            return subject
        if current.dep_ in ("conj", "xcomp", "advcl", "pcomp", "acomp") and current.head is not current:
            current = current.head
            continue
        return None
    return None


def _governing_subject(noun: Token) -> Token | None:
    """The subject of the verb a noun depends on ("during a meeting with X, Lukashenko said")."""
    for ancestor in noun.ancestors:
        if ancestor.pos_ in ("VERB", "AUX"):
            return _subject(ancestor)
    return None


def _date(token: Token, dates: list[DateMention]) -> str | None:
    subtree = list(token.subtree)
    start, end = subtree[0].idx, subtree[-1].idx + len(subtree[-1].text)
    return next((d.value for d in dates if start <= d.start and d.end <= end and d.value), None)


def _location(token: Token, refs: References, types: dict[str, str]) -> str | None:
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ in ("in", "at", "near", "outside"):
            for place in prep.children:
                found, _ = refs.resolve(place)
                if types.get(found) in ("GPE", "LOC", "FAC"):
                    return found
    return None
