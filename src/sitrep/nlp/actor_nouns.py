"""Common nouns of actors ("rebels", "the police", "Somali troops") as participants of events.

PLOVER codes who acted even when the text names no one: a common noun of an actor becomes an
entity of the record, named by its words ("Georgian police", "protesters"), with its CAMEO
sector from the PETRARCH2 agents dictionary (`nlp/actors.py`: COP, REB, MIL, OPP...) and the
country a nationality word gives.
"""
import re

from spacy.tokens import Token

from sitrep.nlp import gazetteer
from sitrep.nlp.analyse import text_of
from sitrep.nlp.actors import agent_sector
from sitrep.nlp.event_lexicon import own
from sitrep.schema import GROUP_ACTOR_PREFIX, Entity, Mention

PREFIX = GROUP_ACTOR_PREFIX
# "thousands of protesters": the actor is what is counted
QUANTITIES = ("thousand", "thousands", "hundred", "hundreds", "dozen", "dozens", "group", "crowd", "number", "scores",
              "band", "unit", "squad", "contingent", "detachment")


def sector_of(noun: Token) -> str | None:
    """The CAMEO sector of a common noun of actors: the agents dictionary, then sitrep's few
    additions (`data/events.json`, `actor_nouns`)."""
    extra = own()["actor_nouns"]
    return agent_sector(noun.text) or agent_sector(noun.lemma_) or extra.get(noun.lower_) or extra.get(noun.lemma_.lower())


# "the militants", "the rebels": an armed group the story named before
ARMED_GROUPS = ("REB", "UAF", "INS")


class ActorNouns:
    """The entities that common nouns of actors stand for in one document: named on lookup,
    added to the record's entities (`commit`) only for those that take part in a kept event."""

    def __init__(self, entities: list[Entity], types: dict[str, str]):
        self.entities, self.types = entities, types
        self.by_id = {e.id: e for e in entities}
        self.pending: dict[str, list[Mention]] = {}

    def of(self, word: Token, refs) -> str | None:
        """The entity id of the actor a common noun names ("police", "Somali troops"), or None."""
        if word.pos_ != "NOUN":
            return None
        sector = sector_of(word)
        if sector is None:
            return None
        nationality = next((c for c in word.children if c.dep_ in ("amod", "compound")
                            and gazetteer.demonym_country(c.text)), None)
        if nationality is None and any(c.dep_ == "det" and c.lower_ == "the" for c in word.children):
            if sector in ARMED_GROUPS:  # "the militants": the armed group the story named
                named_before = self._before(word, ("ORG",), whole_story=True)
                if named_before is not None:
                    return named_before
            if sector == "GOV" and self._before(word, ("GPE",), whole_story=False):
                return None  # "the regime", "the government" of a state just named: which one is a guess
        code = gazetteer.demonym_country(nationality.text) if nationality is not None else None
        # "Houthi forces", "Somali troops": the words before the noun that say whose
        before = [c for c in word.lefts if c.dep_ == "compound" or c is nationality]
        first = before[0] if before else word
        name = text_of(refs.sdoc)[first.idx:word.idx + len(word.text)]
        key = PREFIX + re.sub(r"[^a-z]+", "-", f"{code or ''} {name}".lower()).strip("-")
        if key not in self.by_id:
            self.by_id[key] = Entity(id=key, name=name, type="ORG", country=gazetteer.iso3(code), sector=sector)
            self.types[key] = "ORG"
        self.pending.setdefault(key, []).append(Mention(first.idx, word.idx + len(word.text), name))
        return key

    def _before(self, word: Token, types: tuple[str, ...], whole_story: bool) -> str | None:
        """The thing of these types named last before a word (in its sentence and the one before)."""
        sentence = word.sent
        earliest = 0 if whole_story or sentence.start == 0 else word.doc[sentence.start - 1].sent.start_char
        best = None
        for entity in self.entities:
            if entity.type in types and not entity.id.startswith(PREFIX):
                for mention in entity.mentions:
                    if earliest <= mention.start and mention.end <= word.idx and (best is None or mention.end > best[0]):
                        best = (mention.end, entity.id)
        return best[1] if best else None

    def commit(self, used: set[str | None]) -> None:
        """Adds the actors that take part in kept events, with their mentions, to the entities."""
        added = False
        for key, mentions in self.pending.items():
            if key not in used:
                continue
            added = True
            entity = self.by_id[key]
            if entity not in self.entities:
                self.entities.append(entity)
            for mention in mentions:
                if all(m.start != mention.start for m in entity.mentions):
                    entity.mentions.append(mention)
            entity.mentions.sort(key=lambda m: m.start)
        if added:  # the record's order: by first mention
            self.entities.sort(key=lambda e: e.mentions[0].start if e.mentions else 0)
