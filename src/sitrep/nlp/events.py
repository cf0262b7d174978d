"""Events: who did what to whom, when and where, coded to the PLOVER event types.

A trigger is a verb or noun of the event lexicon (`nlp/event_lexicon.py`: CAMEO verb patterns
matched over the dependency parse, and sitrep's own triggers); its actor and target come from
the parse (subject, agent, object, "with/to/for/against" objects, the possessor, `by`-agent or
nationality of a noun: "Russia's strike", "a Russian strike", "an attack by X") resolved to the
document's entities, or to a common noun of an actor ("rebels", "police") that then becomes an
entity of the record. The codebook's rules decide what is coded: a target is required only for
COOPERATE, AID and SANCTION; acts that did not happen (negated, possible, hypothetical,
habitual, forecast by others) are left out; an actor's own future or promised acts are AGREE
(cooperation), CONCEDE (withdrawals) or THREATEN (conflict); "X must do Y" said by S is S's
REQUEST to X; attempts are coded as what was attempted. An event inside someone's statement
carries that statement's id.
"""
from functools import cache

from spacy.tokens import Doc, Token

from sitrep.nlp import actor_nouns
from sitrep.nlp.event_lexicon import Coding, lexicon, own
from sitrep.nlp.references import References
from sitrep.schema import DateMention, Entity, Event, Statement

PARTICIPANTS = ("PERSON", "ORG", "GPE", "NORP")
NEEDS_TARGET = ("COOPERATE", "AID", "SANCTION")
COOPERATIVE = ("AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID")
YIELDING = ("RETREAT", "CONCEDE")
CONFLICTUAL = ("ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "THREATEN", "PROTEST")
# "fired at X", "shouted at X"; elsewhere "at" is where ("trained at the academy")
AT_TARGET = ("ASSAULT", "COERCE", "THREATEN", "ACCUSE", "PROTEST")
# "withdrew from X", "expelled from X", "rejected a request from X"; elsewhere "from" is where one came from
FROM_TARGET = ("RETREAT", "SANCTION", "REJECT", "REQUEST")
# "a demand for X to do Y" names what is demanded, not of whom; "of" names the target of acts
# done to someone ("the invasion of X", "the arrest of X") but the agent of others ("the mediation of X").
DONE_TO = ("ASSAULT", "COERCE", "SANCTION")
PRONOUN_WORDS = ("he", "she", "him", "her", "his", "they", "them", "their", "it", "its")
RELATIVE_PRONOUNS = ("who", "which", "that", "whom")
CLIMB_DEPS = ("xcomp", "ccomp", "pobj", "prep", "pcomp", "dobj", "acl", "nsubj", "nsubjpass", "conj", "advcl", "acomp", "relcl")
CLAUSE_DEPS = ("xcomp", "ccomp", "advcl", "acl", "acomp")  # what one intends or commits to is a clause
EMBEDDING_DEPS = ("xcomp", "ccomp", "acl", "pcomp", "pobj", "prep", "acomp", "dobj", "advcl")


def events(sdoc: Doc, entities: list[Entity], dates: list[DateMention], statements: list[Statement]) -> list[Event]:
    """Every event the parsed text reports, in text order. Common nouns of actors that take
    part in one ("rebels", "the police") are appended to `entities`."""
    refs = References(sdoc, entities)
    types = {e.id: e.type for e in entities}
    nouns = actor_nouns.ActorNouns(entities, types)
    found: list[Event] = []
    for token in sdoc:
        coded = _trigger(token)
        if coded is None or _is_modifier(token) or _governs_an_event(token) or _question(token):
            continue
        status, governor = _modality(token)
        if status == "none" or status == "demanded":
            continue
        parties = _Participants(refs, types, nouns)
        actor, target = parties.of(token, coded)
        if coded.reverse:
            actor, target = target, actor
        if _unnamed(target):
            target = None  # an unnamed recipient ("killed 15 soldiers") is coded as none, as PLOVER allows
        statement = next((s for s in statements if s.start <= token.idx < s.end), None)
        if status in ("future", "commissive"):
            if status == "future" and statement is not None and statement.source not in (None, actor) \
                    and not _first_person(token):
                continue  # someone else's forecast or assessment of the actor
            coded = _future(coded, governor)
        elif status == "obligation":  # "X must withdraw", said by S: S's demand of X
            if statement is None or statement.source in (None, actor):
                continue
            coded, actor, target = Coding("REQUEST", _request_mode(coded.type)), statement.source, actor
        if coded is None or target is not None and target == actor or (target is None and coded.type in NEEDS_TARGET):
            continue
        if actor is None and not _done_to_unnamed_doer(token, coded, parties):
            continue
        if target is None and coded.needs_target:
            continue  # "spoke to reporters", "his support for a unified state": no party named
        sentence = token.sent
        location = _location(token, refs, types)
        if target is None and coded.type in DONE_TO:
            target = _place_in(token, refs, types)  # "killed 40 people in Gaza": the place stands for its victims
        found.append(Event(
            type=coded.type, mode=coded.mode, actor=actor, target=target, context=list(coded.context),
            date=_date(token, dates), location=location,
            statement=statement.id if statement else None, start=sentence.start_char, end=sentence.end_char))
    kept = _one_per_act(found)
    nouns.commit({party for e in kept for party in (e.actor, e.target)})
    return kept


def _trigger(token: Token) -> Coding | None:
    if token.pos_ == "VERB":
        return lexicon().verb(token)
    if token.pos_ == "NOUN":
        return lexicon().noun(token)
    return None


def _question(token: Token) -> bool:
    """A question asks, it does not report ("Why did X attack Y?")."""
    return token.sent.text.rstrip().rstrip("\"\u201d\u2019'").endswith("?")


def _is_modifier(token: Token) -> bool:
    """A trigger word used to describe something else: "attack drone", "mobilized Russians"."""
    if token.dep_ == "amod":
        return True
    return token.pos_ == "NOUN" and token.dep_ in ("compound", "nmod") and token.head.pos_ in ("NOUN", "PROPN")


def _governs_an_event(token: Token) -> bool:
    """A commitment or attempt whose clause holds the act itself ("vowed to retaliate",
    "tried to storm"): the embedded act is coded, not the verb that governs it."""
    rules = own()["modality"]
    if token.lemma_.lower() not in rules["commissives"] + rules["attempts"]:
        return False
    return any(c.dep_ in ("xcomp", "ccomp") and _trigger(c) is not None for c in token.children)


def _modality(token: Token) -> tuple[str, Token | None]:
    """How the text presents a trigger: `real`, `future` (an intention or a future act),
    `commissive` (the actor commits itself), `obligation` ("must"), `demanded` (the object of a
    demand) or `none` (negated, possible, conditional, habitual, refused, a purpose, background)."""
    rules = own()["modality"]
    if token.dep_ == "acl" and token.tag_ == "VBN" or _background(token) or _habitual(token, rules):
        return "none", None  # "the area occupied by X", "which he had resisted", "attacks X every week"
    current = token
    for _ in range(7):
        if any(c.dep_ == "neg" or c.dep_ == "mark" and c.lower_ in rules["conditions"] for c in current.children):
            return "none", None
        if any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in rules["conditions"] for m in c.children)
               for c in current.children):
            return "none", None  # the consequence of a condition: "if X, Y would have..."
        for child in current.children:
            if child.dep_ in ("aux", "auxpass"):
                if child.lower_ in rules["possible"]:
                    return "none", None
                if child.lower_ in rules["obligation"]:
                    return "obligation", current
                if child.lower_ in rules["future"]:
                    return "future", current
        if any(c.dep_ == "aux" and c.lower_ == "to" for c in current.children) and (
                current.dep_ == "advcl" or current.dep_ == "xcomp" and any(c.dep_ == "dobj" for c in current.head.children)
                and current.head.lemma_.lower() not in rules["commissives"] + rules["attempts"] + rules["demands"]):
            return "none", None  # a purpose: "to support the war", "used the grounds to train recruits"
        if current.dep_ not in CLIMB_DEPS or current.head is current:
            break
        dep, embedded, previous = current.dep_, current.dep_ in EMBEDDING_DEPS, current
        current = current.head
        lemma = current.lemma_.lower()
        if not embedded:
            continue
        if lemma in rules["blocked"]:
            return "none", None
        if lemma in rules["intentions"] + rules["commissives"] and dep in CLAUSE_DEPS:
            if any(c.dep_ == "dobj" for c in current.children) and dep in ("xcomp", "ccomp"):
                return "none", None  # "expects Kosovo to engage": someone else's act, hoped for
            if lemma in rules["intentions"]:
                if _present_simple(current) or dep == "ccomp" and any(c.dep_ in ("nsubj", "nsubjpass") for c in previous.children):
                    return "none", None  # "aims to": a standing goal; "expect Russia to launch": another's act
                return "future", current
            if dep in ("xcomp", "advcl") or lemma in rules["threats"] + rules["pledges"] or current.pos_ == "ADJ":
                return "commissive", current
            continue  # "agreed that X": agreement with a claim, not a commitment
        if lemma in rules["demands"] and current is not token:
            return "demanded", current
    return "real", None


def _done_to_unnamed_doer(token: Token, coded: Coding, parties: "_Participants") -> bool:
    """A violent or coercive act done to people, told in the passive with no doer named ("two
    soldiers were killed", "the editor was arrested"): PLOVER codes it with an unknown actor."""
    victim = next((c for c in token.children if c.dep_ == "nsubjpass"), None)
    return coded.type in DONE_TO and token.pos_ == "VERB" and victim is not None \
        and not any(c.dep_ == "agent" for c in token.children) and parties.named(victim) is not None


def _present_simple(verb: Token) -> bool:
    """A verb of the present simple outside a headline: a state or a habit ("X aims to"),
    where a report of an act uses the past ("X attacked") and a headline the present."""
    return verb.tag_ in ("VBZ", "VBP") and not any(c.dep_ in ("aux", "auxpass") for c in verb.children) \
        and not _headline(verb)


def _headline(token: Token) -> bool:
    sentence = token.sent
    return sentence.start == 0 or not sentence.text.rstrip().endswith((".", "!", "?", '"', "\u201d", "\u2019", ":"))


def _background(token: Token) -> bool:
    """A past perfect in a relative clause: background to the story ("concessions he had blocked")."""
    return token.dep_ == "relcl" and any(c.dep_ == "aux" and c.lower_ == "had" for c in token.children)


def _habitual(token: Token, rules: dict) -> bool:
    """A repeated or usual action ("frequently attacks", "regular raids"), or a state told in
    the present simple."""
    heads = [token] + ([token.head] if token.dep_ in ("dobj", "pobj") and token.head.pos_ == "VERB" else [])
    words = [c for head in heads for c in head.children if c.dep_ in ("advmod", "amod", "npadvmod")]
    if any(w.lower_ in rules["habitual"] for w in words):  # "carries out frequent attacks"
        return True
    if any(c.dep_ == "prep" and c.lower_ == "for" and g.lemma_.lower() in rules["durations"]
           for head in heads for c in head.children for g in c.children if g.dep_ == "pobj"):
        return True  # "has carried out strikes for years"
    return token.pos_ == "VERB" and _present_simple(token)


def _future(coded: Coding, governor: Token | None) -> Coding | None:
    """The codebook's type for an actor's future or promised act: a threat ("threatened to",
    "warned it would") is THREATEN; a promise to yield CONCEDE; an agreement or offer AGREE; a
    future act or a vow by its kind (cooperation AGREE, conflict THREATEN)."""
    rules = own()["modality"]
    word = governor.lemma_.lower() if governor is not None else ""
    if word in rules["threats"]:
        return Coding("THREATEN", _threat_mode(coded), coded.context)
    if coded.type in YIELDING:
        return Coding("CONCEDE", None, coded.context)
    if coded.type in COOPERATIVE or word in rules["commissives"] and word not in rules["pledges"]:
        return Coding("AGREE", None, coded.context)
    if coded.type in CONFLICTUAL:
        return Coding("THREATEN", _threat_mode(coded), coded.context)
    return None


def _threat_mode(coded: Coding) -> str | None:
    return {"ASSAULT": "violence", "COERCE": "restrict", "SANCTION": "relations"}.get(coded.type)


def _request_mode(demanded: str) -> str | None:
    if demanded in ("CONSULT",):
        return "meet"
    if demanded in YIELDING:
        return "yield"
    if demanded in COOPERATIVE:
        return "assist"
    return None


def _first_person(token: Token) -> bool:
    subject = _subject(token) if token.pos_ == "VERB" else None
    return subject is not None and subject.lower_ in ("we", "i")


def _one_per_act(found: list[Event]) -> list[Event]:
    """One meeting told three times is one event; an act told with and without its target is
    the one with the target; an act by a description with no target is the one the story told
    with its doer named, and one a statement retells is the one the story told; a meeting with
    no counterpart named is the meeting the story told with one; in one sentence, an actor's act with a target is its act, and its acts on parties
    it does not name ("joined the army, integrated with the government") are told by the first."""
    kept, seen = [], set()
    for event in found:
        key = (event.type, frozenset((event.actor, event.target)))
        if key in seen:
            continue
        if _unnamed(event.target) and any(not _unnamed(o.target) and o.actor == event.actor and o.type == event.type
                                          for o in found):
            continue
        if event.statement is not None and any(o.type == event.type and o.actor == event.actor and o.statement is None
                                               for o in kept):
            continue  # someone's account of an act the story has told
        if _unnamed(event.actor) and _unnamed(event.target) and any(
                o.type == event.type and not _unnamed(o.actor) for o in found):
            continue  # "the militants used car bombs": the act the story told with its doer named
        if event.target is None and any(o.target is not None and (
                o.actor == event.actor and o.start == event.start or event.type == "CONSULT" == o.type) for o in found):
            continue
        if _unnamed(event.target) and any(o.actor == event.actor and o.start == event.start and _unnamed(o.target)
                                          for o in kept):
            continue
        seen.add(key)
        kept.append(event)
    return kept


def _unnamed(party: str | None) -> bool:
    return party is None or party.startswith(actor_nouns.PREFIX)


class _Participants:
    """The actor and target of one trigger, as entity ids of participants."""

    def __init__(self, refs: References, types: dict[str, str], nouns: actor_nouns.ActorNouns):
        self.refs, self.types, self.actor_nouns = refs, types, nouns

    def named(self, word: Token | None) -> str | None:
        """The participant a word names: itself, or its possessor or modifiers ("the Russian
        authorities' terms"), a pronoun's antecedent, the noun a relative pronoun stands for, or
        a common noun of an actor; never something deeper in its phrase."""
        if word is None:
            return None
        if word.lower_ in RELATIVE_PRONOUNS and word.head.dep_ == "relcl":
            word = word.head.head
        if word.lemma_.lower() in actor_nouns.QUANTITIES:  # "thousands of protesters"
            word = next((g for c in word.children if c.dep_ == "prep" and c.lower_ == "of"
                         for g in c.children if g.dep_ == "pobj"), word)
        order = ("compound", "appos", "nmod", "poss", "amod")
        modifiers = sorted((c for c in word.children if c.dep_ in order), key=lambda c: order.index(c.dep_))
        named = [self.refs.entity_at(w) for w in [word, *modifiers]]
        named = [n for n in named if self.types.get(n) in PARTICIPANTS]
        if named:  # a nationality only when nothing more precise is named
            best = next((n for n in named if self.types[n] != "NORP"), None)
            if best is not None:
                return best
            noun_actor = self.actor_nouns.of(word, self.refs)
            return noun_actor or named[0]
        if word.lower_ in PRONOUN_WORDS:
            found = self.refs.group_antecedent(word) or self.refs.resolve(word)[0]
            return found if self.types.get(found) in PARTICIPANTS else None
        return self.actor_nouns.of(word, self.refs)

    def of(self, token: Token, coded: Coding) -> tuple[str | None, str | None]:
        """(actor, target) of a trigger."""
        if token.pos_ == "NOUN":
            return self._of_noun(token, coded)
        agent = next((g for c in token.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)
        actor = self.named(agent) or self.named(_subject(token))
        prepositions = _prepositions("target") + (_prepositions("from") if coded.type in FROM_TARGET else ()) + (
            _prepositions("at") if coded.type in AT_TARGET else ())
        candidates = self._prepositional(token, prepositions, with_object=True)
        candidates += [c for c in token.children if c.dep_ in ("dobj", "iobj", "dative", "nsubjpass") and c.i != token.i]
        if coded.type == "REQUEST":  # "urged Y to withdraw", "demanded that Y withdraw"
            candidates += [s for c in token.children if c.dep_ in ("ccomp", "xcomp")
                           for s in c.children if s.dep_ in ("nsubj", "nsubjpass")]
        subject = _subject(token)
        if subject is not None and any(c.dep_ == "conj" for c in subject.children):
            # "Kim and Putin met": the other one is the target (wherever the parse put the name).
            conjuncts = [c for c in subject.children if c.dep_ == "conj"]
            candidates += conjuncts + [t for c in conjuncts for t in c.subtree] + list(subject.subtree)
        return actor, self._best_target(candidates, actor, coded)

    def _of_noun(self, token: Token, coded: Coding) -> tuple[str | None, str | None]:
        between = next((g for c in token.children if c.dep_ == "prep" and c.lower_ in _prepositions("between")
                        for g in c.children if g.dep_ == "pobj"), None)
        if between is not None:  # "talks between X and Y"
            other = next((c for c in between.children if c.dep_ == "conj"), None)
            return self.named(between), self.named(other)
        names = [self.refs.entity_at(c) for c in token.children if c.dep_ == "compound"]
        names = [n for n in dict.fromkeys(names) if self.types.get(n) in PARTICIPANTS]
        if len(names) >= 2:  # "US-Russia talks"
            return names[0], names[1]
        agent = next((g for c in token.children if c.dep_ == "prep" and c.lower_ in _prepositions("by")
                      for g in c.children if g.dep_ == "pobj"), None)
        own_party = (self.named(agent) or self.named(next((c for c in token.children if c.dep_ == "poss"), None))
                     or (names[0] if names else None) or self._nationality(token))
        if own_party is not None:
            actor = own_party
        elif token.dep_ in ("dobj", "attr") and _support_verb(token.head):  # "X held talks", "X imposed sanctions"
            actor = self.named(_governing_subject(token))
        elif coded.type == "CONSULT" and any(c.dep_ == "prep" and c.lower_ in _prepositions("with") for c in token.children):
            # an adjunct: "the deal was signed by X in a meeting with Y", "X, during a meeting with Y, said"
            actor = (self.named(_governing_agent(token)) or _nearest_before(token, self.refs, self.types)
                     or self.named(_governing_subject(token)))
        else:  # a noun elsewhere names an act told before or a topic, not who did it here
            actor = None
        prepositions = _prepositions("noun_target") + (_prepositions("of") if coded.type in DONE_TO else ())
        candidates = self._prepositional(token, prepositions, with_object=False)
        # "refusal to accept Putin's demand": whose demand it was
        candidates += [t for c in token.children if c.dep_ in ("acl", "xcomp", "relcl") for t in c.subtree if t.dep_ == "poss"]
        return actor, self._best_target(candidates, actor, coded)

    def _nationality(self, noun: Token) -> str | None:
        """The state a nationality adjective on an event noun names ("a Russian strike")."""
        for modifier in (c for c in noun.children if c.dep_ == "amod"):
            found = self.refs.entity_at(modifier)
            if self.types.get(found) == "NORP":
                country = self.refs.country_of_demonym(modifier.text)
                return country if country in self.types else found
        return None

    @staticmethod
    def _prepositional(token: Token, prepositions: tuple[str, ...], with_object: bool) -> list[Token]:
        # "producing components for KAMAZ": the parser may hang the preposition on the object.
        heads = [token] + ([c for c in token.children if c.dep_ == "dobj"] if with_object else [])
        return [g for head in heads for c in head.children if c.dep_ == "prep" and c.lower_ in prepositions
                for g in c.children if g.dep_ == "pobj"]

    def _best_target(self, candidates: list[Token], actor: str | None, coded: Coding) -> str | None:
        targets = [t for t in (self._named_target(w, coded) for w in candidates) if t is not None and t != actor]
        # a name before a description ("withdraw its forces from X"), a state before a nationality
        ranked = sorted(targets, key=lambda t: (_unnamed(t), self.types[t] == "NORP"))
        return ranked[0] if ranked else None

    def _named_target(self, word: Token, coded: Coding) -> str | None:
        found = self.named(word)
        if _unnamed(found):  # "expelled a Russian diplomat": Russia's
            found = self._nationality(word) or found
        if found is None and word.dep_ == "dobj" and coded.type in DONE_TO:  # "struck a camp of the organisation"
            found = next((self.named(g) for c in word.children if c.dep_ == "prep" and c.lower_ == "of"
                          for g in c.children if g.dep_ == "pobj"), None)
        return found if found in self.types else None


def _support_verb(verb: Token) -> bool:
    """A verb whose subject does what its event-noun object names ("held talks", "launched an offensive")."""
    particle = next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)
    words = own()["support_verbs"]
    return verb.lemma_.lower() in words or (particle is not None and f"{verb.lemma_.lower()} {particle}" in words)


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
        if any(c.dep_ == "nsubjpass" for c in current.children):
            return None  # "after the deal was signed, X posted": the passive's doer is unnamed
        if current.dep_ in ("conj", "xcomp", "advcl", "pcomp", "acomp") and current.head is not current:
            current = current.head
            continue
        if current.dep_ == "relcl":  # "the rebels, who seized the town"
            return current.head
        return None
    return None


def _governing_subject(noun: Token) -> Token | None:
    """The subject of the verb a noun depends on ("X held talks", "during a meeting with Y, X said")."""
    for ancestor in noun.ancestors:
        if ancestor.pos_ in ("VERB", "AUX"):
            return _subject(ancestor)
    return None


def _governing_agent(noun: Token) -> Token | None:
    """The `by`-agent of the passive verb a noun depends on ("was signed by X in a meeting with Y")."""
    verb = next((a for a in noun.ancestors if a.pos_ in ("VERB", "AUX")), None)
    return next((g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None) \
        if verb is not None else None


@cache
def _prepositions(role: str) -> tuple[str, ...]:
    """The prepositions of every language that introduce a trigger's target, its place, its
    agent... (`prepositions` in `data/events.json`: "with"/"с", "against"/"против", "in"/"в")."""
    return tuple(own()["prepositions"][role])


def _date(token: Token, dates: list[DateMention]) -> str | None:
    subtree = list(token.subtree)
    start, end = subtree[0].idx, subtree[-1].idx + len(subtree[-1].text)
    return next((d.value for d in dates if start <= d.start and d.end <= end and d.value), None)


def _place_in(token: Token, refs: References, types: dict[str, str]) -> str | None:
    """The state or city an act was done in, named by the head of its "in" phrase."""
    return next((found for prep in token.children if prep.dep_ == "prep" and prep.lower_ in _prepositions("in")
                 for place in prep.children if place.dep_ == "pobj"
                 for found in [refs.entity_at(place)] if types.get(found) == "GPE"), None)


def _location(token: Token, refs: References, types: dict[str, str]) -> str | None:
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ in _prepositions("location"):
            for place in prep.children:
                found, _ = refs.resolve(place)
                if types.get(found) in ("GPE", "LOC", "FAC"):
                    return found
    return None
