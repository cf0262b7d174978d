"""Who a statement's source is: the speaker word of a cue turned into one of the document's entities.

On top of the shared reference resolution (`references.py`): unnamed people (journalists,
analysts, witnesses, residents, sources) are kept as a statement with no source, never the
place or nationality in their phrase; only officials, authorities, the government, a ministry
or the forces of a country speak for it; "he"/"she" is the speaker of the surrounding
statements before the nearest person, "it"/"they" an organisation or state; a description
resolves to the one thing of its kind ("the institute", "the ministry", "the country"), a
document ("the press release") to the latest speaker, or a description to
the name the text ties it to later ("a maritime security firm said ... firm Ambrey"); the
dateline ("KYIV (Reuters) -") is never a source.
"""
import re
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Span, Token

from sitrep.data import lexicon
from sitrep.nlp import gazetteer
from sitrep.nlp.analyse import language_of, text_of
from sitrep.nlp.nominals import office_words
from sitrep.nlp.references import References
from sitrep.schema import Entity

PLACE_TYPES = {"GPE", "LOC", "FAC", "NORP"}
SPEAKING_TYPES = {"PERSON", "ORG", "GPE", "NORP"}
DATELINE = re.compile(r"[A-Z][A-Z .,'’-]+(?:\([^)\n]{1,40}\))?\s*[-—–]+\s")
# Words that tie a speaker to the organisation it speaks for: "analysts at ISW", "experts of the institute".
TIES = {"at", "of", "from", "with", "for"}
# how a name modifies the noun of a description that it is the name of ("Reuters news agency")
NAME_BESIDE = ("compound", "appos", "flat", "flat:foreign", "flat:name", "nmod")


@dataclass(frozen=True)
class SourceWords:
    unnamed: frozenset[str]
    state_speakers: frozenset[str]
    documents: frozenset[str]
    personal: frozenset[str]  # pronouns of a person speaking ("he", "она")
    impersonal: frozenset[str]  # pronouns of a body or a state ("it", "they", "они")
    descriptions: dict[str, str]  # a description's noun in the words of English names ("ведомство": "ministry")
    bodies: frozenset[str]  # nouns for any organisation ("the election body")
    newsroom: frozenset[str]  # people of a newsroom ("the journalists")
    publishing: frozenset[str]  # what a newsroom does with a story ("published")


@cache
def source_words() -> SourceWords:
    """The source words of every language the lexicon has."""
    data = lexicon("attribution.json")
    return SourceWords(*(frozenset(data[k]) for k in ("unnamed_sources", "state_speakers", "document_nouns",
                                                     "personal_pronouns", "impersonal_pronouns")),
                       data["description_nouns"], frozenset(data["body_nouns"]), frozenset(data["newsroom_nouns"]),
                       frozenset(data["publishing_verbs"]))


class Sources:
    """Resolves the speaker word of each statement, in text order, to an entity id or None."""

    def __init__(self, sdoc: Doc, entities: list[Entity], references: References):
        self.sdoc = sdoc
        self.refs = references
        self.entities = entities
        self.types = {entity.id: entity.type for entity in entities}
        self.previous: str | None = None  # the source of the statement before
        self.previous_at = -1  # where the text named it (none yet)
        self.previous_said = (0, 0)  # the span of what it said
        self.descriptions: list[tuple[str, int, int]] = []  # (id, start, end): descriptions that named a source

    def resolve(self, token: Token | None, said: tuple[int, int] = (0, 0)) -> tuple[str | None, str]:
        """(entity id or None, the words naming the source); remembers it as the latest speaker.
        `said` is the span of what the source said: a person named in it is not the "he" saying it.
        A description found to stand for the source itself ("the journalists", "аналитики ISW")
        is kept in `descriptions`."""
        found, words, described = self._resolve(token, said)
        self.previous, self.previous_said = found, said
        if token is not None:
            self.previous_at = token.idx
            if found is not None and described:
                span = self._description_span(token)
                self.descriptions.append((found, span.start_char, span.end_char))
        return found, words

    def _description_span(self, token: Token) -> Span:
        """The words of a description: its noun phrase, with a name written right after its noun
        ("аналитики ISW", the genitive an owner in Russian)."""
        chunk = self.refs.phrase(token)
        end = chunk.end
        for child in token.rights:
            if child.i == end and child.dep_ in (*NAME_BESIDE, "poss") and child.pos_ == "PROPN":
                end = child.right_edge.i + 1
        return self.sdoc[chunk.start:end]

    def remember(self, source: str | None) -> None:
        """A statement whose source was settled otherwise (a continued quotation) is the latest."""
        self.previous = source

    def _resolve(self, token: Token | None, said: tuple[int, int]) -> tuple[str | None, str, bool]:
        """(id, words, whether the words are a description of that very source rather than a
        name, a pronoun or a thing the source was inferred from)."""
        if token is None or self._in_dateline(token):
            return None, "", False
        word = token.lower_
        if word in source_words().personal:
            # `X told DW the ECI should answer Y's claims. "...," he said`: a person named only in
            # what the latest speaker said is not "he", nor one named in what "he" says.
            speaking = self.types.get(self.previous) == "PERSON"
            nearest = self._person_before(token, [said, self.previous_said] if speaking else [said])
            if speaking and (nearest is None or nearest[0] <= self.previous_at):
                return self.previous, token.text, False
            return (nearest[1] if nearest else None), token.text, False
        if word in source_words().impersonal:
            if word != "it" and self.previous is None and self._spoke_in_paragraph(token):
                return None, token.text, False  # "Residents said X. They added Y": the same unnamed people
            return self._organisation_before(token), token.text, False
        named = self.refs.entity_at(token)
        if named is not None and self.types.get(named) in SPEAKING_TYPES | {"EQUIPMENT"}:
            return *self.refs.resolve(token), False
        lemma = token.lemma_.lower()
        phrase = self.sdoc[token.left_edge.i:token.right_edge.i + 1].text
        named = self._named_in_apposition(token)
        if named is not None:
            return named, phrase, True  # "a former election commissioner, Om Prakash Rawat, told"
        if lemma in source_words().unnamed:
            found = self._organisation_tied(token) or self._role_given_before(token) or self._publisher_before(token)
            return found, phrase, True
        found, words = self.refs.resolve(token)
        if found is not None and not self._named_in_core(token):
            found = None  # "the ship, located west of Hodeidah, said": a modifier names no speaker
        if found is not None and self.types.get(found) in PLACE_TYPES and lemma not in source_words().state_speakers:
            return None, words, False  # "residents of Kharkiv", "Ukrainian bloggers": not the place speaking
        if found is not None:
            return found, words or phrase, self._is_named_beside(token, found)
        owner = next((c for c in token.children if c.dep_ == "poss"), None)
        if owner is not None and owner.lower_ == "country" and lemma in source_words().state_speakers:
            return self._country_before(owner), words or phrase, False  # "the country's foreign ministry"
        found = self._description(token)
        if found is not None:
            return found, words or phrase, True
        if lemma in source_words().documents:
            return self._author(token), words or phrase, False
        return None, words or phrase, False

    def _is_named_beside(self, token: Token, found: str) -> bool:
        """Whether a description holds the name of what it refers to as a modifier of its own
        noun ("Reuters news agency", "a U.N. working group"), not as an owner ("Putin's press
        secretary") or in a phrase attached to it ("a mockery of the RAF"); or refers back to a
        description the text tied to a name before ("the report" after "a report in X")."""
        if token.pos_ != "NOUN" or self.refs.entity_at(token) is not None:
            return False
        inside = [t for t in token.subtree if self.refs.entity_at(t) == found]
        if not inside:
            return any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)
        return all(t.head == token and t.dep_ in NAME_BESIDE or t.dep_ in ("compound", "flat") and t.head.head == token
                   for t in inside if t.head not in inside)

    def _named_in_apposition(self, token: Token) -> str | None:
        """The person or organisation a description is set beside as an appositive name: "a
        former commissioner, Om Prakash Rawat, told", or "the National Unity Government, an exiled
        administration which considers"."""
        if token.pos_ != "NOUN":
            return None
        beside = [c for c in token.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
        if token.dep_ == "appos" and token.head.pos_ == "PROPN":
            beside.append(token.head)
        for appositive in beside:
            found = self.refs.entity_at(appositive)
            if found is not None and self.types.get(found) in ("PERSON", "ORG"):
                return found
        return None

    def _named_in_core(self, token: Token) -> bool:
        """False when the only names in the speaker's phrase are in a clause modifying it
        (participle, relative or adverbial clause)."""
        modifiers = {t.i for c in token.children if c.dep_ in ("acl", "relcl", "advcl") for t in c.subtree}
        if not any(self.refs.entity_at(self.sdoc[i]) is not None for i in modifiers):
            return True
        return any(self.refs.entity_at(t) is not None for t in token.subtree if t.i not in modifiers)

    def _author(self, document: Token) -> str | None:
        """Who a document speaking is: the subject of the verb that issued it ("the ministry
        published a report that said"), else, for "the report", the latest speaker."""
        if document.dep_ == "dobj":
            issuer = next((c for c in document.head.children if c.dep_ == "nsubj"), None)
            if issuer is not None:
                found, _ = self.refs.resolve(issuer)
                if found is not None:
                    return found
        if any(c.dep_ == "det" and c.lower_ in ("the", "this", "its") for c in document.children):
            return self.previous  # "the press release said": the latest speaker issued it
        return None

    def _in_dateline(self, token: Token) -> bool:
        text = text_of(self.sdoc)
        line_start = text.rfind("\n", 0, token.idx) + 1
        match = DATELINE.match(text, line_start)
        return bool(match) and token.idx < match.end()

    def _person_before(self, token: Token, skipped: list[tuple[int, int]]) -> tuple[int, str] | None:
        """(where, id) of the person a pronoun most likely stands for: the subject of its own
        sentence or of the one before ("Lukashenko spoke of his talks with Prigozhin. In his
        words, ..."), else the nearest person named before it."""
        best, subject = None, None
        sentence = token.sent
        previous = self.sdoc[sentence.start - 1].sent if sentence.start > 0 else sentence
        for entity in self.entities:
            if entity.type == "PERSON":
                for mention in entity.mentions:
                    if mention.end > token.idx or any(a <= mention.start < b for a, b in skipped):
                        continue
                    if best is None or mention.end > best[0]:
                        best = (mention.end, entity.id)
                    if previous.start_char <= mention.start and self._is_subject(mention.start, mention.end) and (
                            subject is None or mention.end > subject[0]):
                        subject = (mention.end, entity.id)
        return subject or best

    def _is_subject(self, start: int, end: int) -> bool:
        span = self.sdoc.char_span(start, end, alignment_mode="expand")
        return span is not None and any(t.dep_ in ("nsubj", "nsubjpass") or t.dep_ in ("appos", "compound")
                                        and t.head.dep_ in ("nsubj", "nsubjpass") for t in [span.root])

    def _spoke_in_paragraph(self, token: Token) -> bool:
        """Whether the latest statement's speaker was named in the same paragraph as `token`."""
        return self.previous_at >= 0 and "\n" not in text_of(self.sdoc)[self.previous_at:token.idx]

    def _organisation_before(self, token: Token) -> str | None:
        """"it said", "they added": the previous speaker when an organisation or state, else the
        nearest organisation or state named before in the paragraph."""
        if self.types.get(self.previous) in {"ORG", "GPE"}:
            return self.previous
        text = text_of(self.sdoc)
        paragraph = text.rfind("\n", 0, token.idx)
        best = None
        for entity in self.entities:
            if entity.type not in ("ORG", "GPE"):
                continue
            for mention in entity.mentions:
                if paragraph < mention.start and mention.end <= token.idx and (best is None or mention.end > best[0]):
                    best = (mention.end, entity.id)
        return best[1] if best else None

    def _publisher_before(self, token: Token) -> str | None:
        """"Radio Liberty's Belarusian service published satellite images ... these may be tents,
        the journalists suggest": people of a newsroom, with no words of their own, are those of
        the one organisation the text has shown publishing before them."""
        words = source_words()
        if token.lemma_.lower() not in words.newsroom or any(c.dep_ not in ("det", "punct") for c in token.children):
            return None  # "journalists in Minsk", "two journalists": words of their own
        if language_of(self.sdoc) != "ru" and not any(c.lower_ == "the" for c in token.children):
            return None  # "journalists said": some journalists, not a known newsroom
        publishers = set()
        for earlier in self.sdoc[:token.i]:
            if earlier.dep_ in ("nsubj", "nsubj:pass") and earlier.head.lemma_.lower() in words.publishing:
                # the subject or the name it is of ("Radio Liberty's Belarusian service")
                for word in [earlier, *(c for c in earlier.children if c.dep_ in ("poss", "compound", "appos", "nmod"))]:
                    found = self.refs.entity_at(word)
                    if found is not None and self.types.get(found) == "ORG":
                        publishers.add(found)
                        break
        return publishers.pop() if len(publishers) == 1 else None

    def _role_given_before(self, token: Token) -> str | None:
        """"the analyst" after "Ruslan Mykula, co-founder and analyst of the project": the one
        named thing an earlier phrase gave the same role (a definite singular noun only)."""
        if language_of(self.sdoc) == "ru":
            pass  # Russian marks no definiteness: a bare noun repeating a role is definite enough
        elif token.tag_ != "NN" or not any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
            return None
        lemma, given = token.lemma_.lower(), set()
        for earlier in self.sdoc[:token.i]:
            if earlier.lemma_.lower() != lemma or earlier.i == token.i or not self._same_office(token, earlier):
                continue
            tied = self._organisation_tied(earlier)
            if tied is not None:  # "Аналитики ISW ... аналитики"
                given.add(tied)
                continue
            step = earlier
            for _ in range(4):
                found = self.refs.entity_at(step)
                if found is not None and self.types.get(found) in ("PERSON", "ORG"):
                    given.add(found)
                    break
                if step.dep_ not in ("conj", "appos", "compound") or step.head is step:
                    break
                step = step.head
        return given.pop() if len(given) == 1 else None

    @staticmethod
    def _same_office(later: Token, earlier: Token) -> bool:
        """Whether a later role word can be the earlier one: the same office ("the prime
        minister" is not a minister of state)."""
        return office_words(later) <= {t.lower_ for t in earlier.doc[earlier.left_edge.i:earlier.i]}

    def _organisation_tied(self, token: Token) -> str | None:
        """The organisation an unnamed speaker is of: "the institute's analysts", "experts at ISW"."""
        for child in token.children:
            candidates = [child] if child.dep_ == "poss" else [
                g for g in child.children if g.dep_ == "pobj"] if child.dep_ == "prep" and child.lower_ in TIES else []
            for candidate in candidates:
                found, _ = self.refs.resolve(candidate)
                if found is not None and self.types.get(found) == "ORG":
                    return found
        return None

    def _description(self, token: Token) -> str | None:
        """A description with no name of its own: the one organisation whose name holds its noun
        ("the institute", "the ministry", "the election body"; an indefinite "an exiled administration" or a plural
        "these organizations" is another), or the name the text ties the same noun to later ("a
        maritime security firm said ... British maritime security firm Ambrey")."""
        if not token.pos_ == "NOUN":
            return None
        lemma = token.lemma_.lower()
        indefinite = any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in token.children)
        if not indefinite:
            plural = token.morph.get("Number") == ["Plur"]
            words = source_words()
            noun = token.lower_ if plural else words.descriptions.get(lemma, lemma)
            if lemma in words.bodies:  # "the election body", "the poll panel": the word before says which
                noun = next((words.descriptions.get(c.lemma_.lower(), c.lemma_.lower()) for c in token.children
                             if c.dep_ in ("compound", "amod") and c.i == token.i - 1), noun)
            holders = {e.id for e in self.entities if e.type == "ORG" and noun in e.name.lower().split()}
            if len(holders) == 1:
                return holders.pop()
        for later in self.sdoc[token.i + 1:]:
            if later.lemma_.lower() == lemma and later.dep_ == "compound" and later.pos_ == "NOUN":
                found = self.refs.entity_at(later.head)
                if found is not None and self.types.get(found) in ("ORG", "PERSON"):
                    return found
        return None

    def _country_before(self, token: Token) -> str | None:
        best = None
        for entity in self.entities:
            if entity.type != "GPE":
                continue
            for mention in entity.mentions:
                if mention.end <= token.idx and (best is None or mention.end > best[0]) and gazetteer.is_country(
                        text_of(self.sdoc)[mention.start:mention.end]):
                    best = (mention.end, entity.id)
        return best[1] if best else None
