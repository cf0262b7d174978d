"""References: which of the document's entities a word of the text stands for.

Used wherever a role in a sentence (who said it, who acted, on whom) must become an entity
of the record: the entity whose mention covers the word, else the thing named inside the
word's phrase ("U.S. officials", "Putin's press secretary"), a pronoun's nearest person, or a
description that an earlier phrase tied to a thing ("the report" after "a report in X").
"""
from spacy.tokens import Doc, Span, Token

from sitrep.nlp import gazetteer
from sitrep.nlp.analyse import noun_chunks_of, text_of
from sitrep.schema import Entity

PRONOUNS = {"he": "PERSON", "she": "PERSON", "him": "PERSON", "her": "PERSON", "his": "PERSON"}
# "it" and "they" stand for a body or a state (or, for "they", a people) named before them
GROUP_PRONOUNS = {"it": ("ORG", "GPE"), "its": ("ORG", "GPE"), "they": ("ORG", "GPE", "NORP"),
                  "them": ("ORG", "GPE", "NORP"), "their": ("ORG", "GPE", "NORP")}
TYPE_PREFERENCE = ("PERSON", "ORG", "GPE", "FAC", "LOC", "EQUIPMENT", "NORP")


class References:
    """Resolves words of the text (a subject, an object, a pronoun) to the document's entities."""

    def __init__(self, sdoc: Doc, entities: list[Entity]):
        self.sdoc = sdoc
        self.text = text_of(sdoc)
        self.chunks = noun_chunks_of(sdoc)
        self.entities = entities
        self.by_description: dict[str, str] = {}  # "report" -> the entity "a report in X" was of
        self.ids = {entity.id for entity in entities}
        self.by_char: dict[int, list[tuple[int, int, Entity]]] = {}
        for entity in entities:
            for mention in entity.mentions:
                for char in range(mention.start, mention.end):
                    self.by_char.setdefault(char, []).append((mention.start, mention.end, entity))

    def entity_at(self, token: Token) -> str | None:
        """The entity a mention covering this word refers to (the longest such mention)."""
        around = self.by_char.get(token.idx, [])
        return max(around, key=lambda m: m[1] - m[0])[2].id if around else None

    def resolve(self, token: Token | None) -> tuple[str | None, str]:
        """(entity id, the words naming the source) for a source token."""
        if token is None:
            return None, ""
        if token.lower_ in PRONOUNS:
            return self._antecedent(token), token.text
        phrase = self.phrase(token)
        around_head = self.by_char.get(token.idx, [])
        if around_head:
            start, end, entity = max(around_head, key=lambda m: m[1] - m[0])
            return entity.id, self.text[start:end] if start >= phrase.start_char else phrase.text
        # "U.S. officials", "Putin's press secretary", "a report in the Washington Post": the
        # thing named inside the phrase; "the report" later is the same source again.
        whole = self.sdoc[token.left_edge.i:token.right_edge.i + 1]
        inside = [m for char in range(whole.start_char, whole.end_char) for m in self.by_char.get(char, [])]
        ranked = sorted(inside, key=lambda m: TYPE_PREFERENCE.index(m[2].type))
        description = token.lemma_.lower()
        if ranked:
            best = ranked[0][2]
            best_id = best.id
            if best.type == "NORP":  # "Moldovan officials" speak for Moldova, when it is named
                country = self._country_of(self.text[ranked[0][0]:ranked[0][1]])
                best_id = country if country in self.ids else best.id
            self.by_description.setdefault(description, best_id)
            return best_id, phrase.text
        definite = any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)
        return (self.by_description.get(description) if definite else None), phrase.text

    def group_antecedent(self, pronoun: Token) -> str | None:
        """The body or state an "it" or "they" stands for: the nearest one named before it in
        its sentence or the one before."""
        kinds = GROUP_PRONOUNS.get(pronoun.lower_)
        if kinds is None:
            return None
        sentence = pronoun.sent
        earliest = self.sdoc[sentence.start - 1].sent.start_char if sentence.start > 0 else sentence.start_char
        best = None
        for entity in self.entities:
            if entity.type not in kinds:
                continue
            for mention in entity.mentions:
                if earliest <= mention.start and mention.end <= pronoun.idx and (best is None or mention.end > best[0]):
                    best = (mention.end, entity.id)
        return best[1] if best else None

    def country_of_demonym(self, demonym: str) -> str | None:
        """The id of the country a nationality word names ("Russian" -> Russia)."""
        return self._country_of(demonym)

    @staticmethod
    def _country_of(demonym: str) -> str | None:
        code = gazetteer.demonym_country(demonym)
        place = gazetteer.lookup(gazetteer.country_name(code), "GPE") if code else None
        return place.id if place else None

    def phrase(self, token: Token) -> Span:
        """The noun phrase a word heads or belongs to, else its whole subtree."""
        chunk = next((c for c in self.chunks if c.start <= token.i < c.end), None)
        if chunk is not None:
            return chunk
        return self.sdoc[token.left_edge.i:token.right_edge.i + 1]

    def _antecedent(self, pronoun: Token) -> str | None:
        """The nearest person named before a pronoun."""
        best = None
        for entity in self.entities:
            if entity.type != "PERSON":
                continue
            for mention in entity.mentions:
                if mention.end <= pronoun.idx and (best is None or mention.end > best[0]):
                    best = (mention.end, entity.id)
        return best[1] if best else None
