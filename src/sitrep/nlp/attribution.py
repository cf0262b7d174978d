"""Attributed statements: who said, claimed or assessed what, through whom, and when.

Two sources of statements, both read off the dependency parse:
- reported speech and thought: a cue (a verb such as "said" or "believes", "expressed
  readiness", "is sure", "according to", a passive "is said to") with its subject as the
  source and its clause as the content, up to the narrator's own trailing comment;
- quotations (`quotes.py`) attributed by the cue beside them (`"...," the analysts argue`,
  `Lukashenko said: "..."`) or governing them (`urged all sides to "..."`), or introduced by
  the sentence before (`X reflected on the winter. "..."`), or continuing the latest speaker
  (a new paragraph, a sentence of its own, the next part of one quotation).
A statement reported inside another one ("ISW points out that Lukashenko said that X") has
the outer sources as `via`, as has "Y reported, citing X". Who the source is, `sources.py`
decides. Hypotheticals ("if he had said"), negated cues ("did not say"), cues in relative
clauses and the writer's own voice are not statements.
"""
from dataclasses import dataclass, field
from functools import cache

from spacy.tokens import Doc, Span, Token

from sitrep.data import lexicon
from sitrep.nlp.analyse import text_of
from sitrep.nlp.entities import add_descriptions
from sitrep.nlp.estimative import estimate
from sitrep.nlp.nominals import titles
from sitrep.nlp.quotes import Quote, find_quotes
from sitrep.nlp.references import References
from sitrep.nlp.sources import Sources, source_words
from sitrep.schema import DateMention, Entity, Statement
from sitrep.vocabularies import ENTITY_TYPES

SUBJECTS = ("nsubj", "nsubjpass")
GOVERNING_PREPOSITIONS = {"as", "of"}  # "described X as '...'", "accused X of '...'", "spoke of '...'"
FLATTENED_PARAGRAPH_CHARS = 500  # how far a cueless quotation may follow its speaker on one line
THING_PRONOUNS = {"it", "they", "this", "that", "these", "those", "which"}
QUESTION_WORDS = {"why", "how", "whether", "if", "what", "who", "whom", "where", "when", "which"}
# Possessive pronouns that may stand inside a phrase ("по его словам"): the source they name.
POSSESSIVES = {"его", "её", "ее", "их"}
ADDRESSEE_PASSIVES = {"tell", "inform", "assure", "warn", "advise", "notify", "remind", "brief"}


@dataclass(frozen=True)
class Cues:
    verbs: frozenset[str]
    denials: frozenset[str]
    nouns: frozenset[str]
    support_verbs: frozenset[str]
    adjectives: frozenset[str]
    summary_nouns: frozenset[str]
    tail_participles: frozenset[str]
    sequence_openers: tuple[tuple[str, ...], ...]  # ", after which ...": the narrator's next event
    quote_verbs: frozenset[str]
    passive_raising: frozenset[str]
    accordance_nouns: frozenset[str]
    inference_verbs: frozenset[str]
    speaking_bodies: frozenset[str]
    house_view_verbs: frozenset[str]
    hypothetical_marks: frozenset[str]
    hypothetical_aux: frozenset[str]
    narrator: frozenset[str]
    negative_subjects: frozenset[str]  # "nobody thinks that": no one's statement
    negating_verbs: frozenset[str]  # "fails to mention that": nothing was said
    conjunction_participles: frozenset[str]  # "considering (that) X": "given that", no cue
    according_phrases: tuple[tuple[str, ...], ...]
    citing: frozenset[str]
    support_prepositions: frozenset[str]
    anaphoric_phrases: tuple[tuple[str, str], ...]
    speaking_in: frozenset[str]
    as_marks: frozenset[str]  # "as" of "as X said, Y" ("как сообщили в Y, Z")
    according_starts: frozenset[str]  # the first words of `according_phrases`
    introducing_verbs: frozenset[str]  # "reflected on the winter." followed by the speaker's quotation
    introducing_nouns: frozenset[str]  # "put out a post." followed by the words of the post


@cache
def cues() -> Cues:
    """The cues of every language the lexicon has (`attribution.json` and its `languages`)."""
    data = lexicon("attribution.json")
    tails = data["narrator_tails"]
    according = tuple(tuple(p.split()) for p in data["according_phrases"])
    return Cues(*(frozenset(data[k]) for k in ("verbs", "denials", "nouns", "support_verbs", "adjectives")),
                frozenset(tails["summary_nouns"]), frozenset(tails["participles"]),
                tuple(tuple(p.split()) for p in tails["sequence_openers"]), frozenset(data["quote_verbs"]),
                frozenset(data["passive_raising"]), frozenset(data["accordance_nouns"]),
                frozenset(data["inference_verbs"]), frozenset(data["speaking_bodies"]), frozenset(data["house_view_verbs"]),
                frozenset(data["hypothetical_marks"]), frozenset(data["hypothetical_aux"]), frozenset(data["narrator"]),
                frozenset(data["negative_subjects"]), frozenset(data["negating_verbs"]),
                frozenset(data["conjunction_participles"]),
                according, frozenset(data["citing_lemmas"]), frozenset(data["support_prepositions"]),
                tuple(tuple(p.split()) for p in data["anaphoric_phrases"]), frozenset(data["speaking_in"]),
                frozenset(data["as_marks"]), frozenset(p[0] for p in according),
                frozenset(data["introducing_verbs"]), frozenset(data["introducing_nouns"]))


@dataclass
class _Found:
    """A statement while it is being built: token-level facts first, record fields after."""

    kind: str
    cue_tokens: list[Token]
    start: int
    end: int
    source_token: Token | None
    negative_cue: bool = False
    via_tokens: list[Token] = field(default_factory=list)
    source: str | None = None
    source_text: str = ""
    continues: bool = False  # a quotation that goes on with the previous speaker
    sourceless: bool = False  # said by no one the text names ("it was reported that")
    governed: bool = False  # a quotation attributed by a cue that governs it from further away


def statements(sdoc: Doc, entities: list[Entity], dates: list[DateMention], outlet: str | None = None) -> list[Statement]:
    """Every attributed statement of the parsed text, in text order. `outlet` is who published
    it: a publication's own "we assess that X" is its assessment when the text names the outlet
    as an organisation (a think tank's key judgements). A description that names a source ("the
    journalists", "the report") becomes a mention of the entity it refers to."""
    quotes = find_quotes(text_of(sdoc))
    resolver = References(sdoc, entities)
    speakers = Sources(sdoc, entities, resolver)
    quoted, reported = _quoted(sdoc, quotes), _reported(sdoc, quotes)
    # A quotation with its own cue stands for the reported clause it fills ("said: '...'"); a
    # quotation with none inside a reported clause is part of it ("said the talks were '...'").
    reported = [r for r in reported if not any(q.source_token is not None and not q.governed and _fills(q, r)
                                               or q.start <= r.start and r.end <= q.end + 2 and _same_cue(q, r)
                                               for q in quoted)]
    # A quotation inside a reported clause is part of it, unless a cue of its own attributes it
    # (a cue inside the clause governing it: "X pointed out that Y had said that '...'").
    quoted = [q for q in quoted if not any(
        r.start <= q.start and q.end <= r.end and (q.source_token is None or _same_cue(q, r))
        for r in reported)]
    for item in reported:
        item.end = _before_narrator_tail(sdoc, item.start, item.end)
    author = _publishing_body(entities, outlet)
    found = [f for f in quoted + reported if not _not_a_speaker(f.source_token) or _house_view(f, author)]
    found.sort(key=lambda f: f.start)
    text = text_of(sdoc)
    previous: _Found | None = None
    for item in found:
        if item.source_token is None and item.continues:
            # A quotation with no cue, or a report with no speaker ("Отмечается, что"), goes on with
            # the latest speaker, two paragraphs back at most.
            if previous is not None and (previous.source is not None or previous.source_token is not None) \
                    and _continues_from(text, previous, item):
                item.source, item.source_text = previous.source, ""
                item.sourceless = previous.source is None
                speakers.remember(item.source)
        elif _house_view(item, author):
            item.source, item.source_text = author, item.source_token.text
            speakers.remember(author)
        else:
            item.source, item.source_text = speakers.resolve(item.source_token, (item.start, item.end))
        if item.source is not None or item.source_token is not None or item.sourceless:
            previous = item
    found = [f for f in found if f.source is not None or f.source_token is not None or f.sourceless]
    add_descriptions(entities, speakers.descriptions, text)
    return _records(sdoc, found, resolver, dates)


def _publishing_body(entities: list[Entity], outlet: str | None) -> str | None:
    """The organisation the text names that is its own publisher ("Halden Institute" publishing
    as "the Halden Institute for Security Studies"), if one."""
    if not outlet or len(outlet.split()) < 2:
        return None
    wanted = outlet.lower().removeprefix("the ")
    found = {e.id for e in entities if e.type == "ORG" and (wanted in e.name.lower() or e.name.lower() in wanted)
             and len(e.name.split()) >= 2}
    return found.pop() if len(found) == 1 else None


def _house_view(item: _Found, author: str | None) -> bool:
    """A publication's own assessment: "we" assessing, judging or estimating, in the words of a
    body the text names as its publisher."""
    return author is not None and item.source_token is not None and item.source_token.lower_ == "we" \
        and bool(item.cue_tokens) and item.cue_tokens[-1].lemma_.lower() in cues().house_view_verbs


def _continues_from(text: str, previous: _Found, item: _Found) -> bool:
    """Whether a quotation with no cue can go on with the previous statement's speaker: two
    paragraphs back at most (in copy flattened to one line, a paragraph's length), and spoken
    words, not a title in capitals ("The Art of the Thief")."""
    between = text[previous.end:item.start]
    if "\n" in between:
        near = text.count("\n\n", previous.end, item.start) + (
            between.count("\n") if "\n\n" not in text else 0) <= 2
    else:
        near = len(between) <= FLATTENED_PARAGRAPH_CHARS
    return near and not _titled(text[item.start:item.end])


def _titled(words: str) -> bool:
    """A span written like a title or a headline: nearly all of its longer words capitalised (but
    not a sentence shouted in capitals, "WE WILL FIGHT LIKE HELL TO ...": words said in a post)."""
    long_words = [w for w in words.split() if len(w) > 3 and w[0].isalpha()]
    shouted = len(words.split()) >= 6 and sum(w.isupper() for w in long_words) >= 0.8 * len(long_words)
    return len(long_words) >= 2 and sum(w[0].isupper() for w in long_words) >= 0.8 * len(long_words) and not shouted


def _is_cue_verb(token: Token) -> str | None:
    """The cue's lemma ("point out" for a phrasal verb) when `token` is a verb of saying or thinking."""
    if token.pos_ not in ("VERB", "AUX") or _editorial(token):
        return None
    lemma = token.lemma_.lower()
    particle = next((c.lower_ for c in token.children if c.dep_ == "prt"), None)
    if particle and f"{lemma} {particle}" in cues().verbs:
        return f"{lemma} {particle}"
    return lemma if lemma in cues().verbs else None


def _editorial(token: Token) -> bool:
    """A word of the writer's note in square brackets ("[emphasis added]", "[he said]" added to a
    quotation): never a cue of the sentence around it."""
    doc = token.doc
    left = next((t.text for t in reversed(doc[max(0, token.i - 4):token.i]) if t.text in "[]"), None)
    right = next((t.text for t in doc[token.i + 1:token.i + 5] if t.text in "[]"), None)
    return left == "[" and right == "]"


def _reported(sdoc: Doc, quotes: list[Quote]) -> list[_Found]:
    """Reported speech and thought outside quotations, one finder per kind of cue."""
    in_quote = _quote_chars(quotes)
    found = []
    for token in sdoc:
        if token.idx in in_quote:
            continue
        for finder in (_verb_cue, _noun_cue, _assessment_cue, _adjective_cue, _according_cue, _phrase_cue):
            item = finder(token)
            if item is not None:
                if item.end > item.start:
                    found.append(item)
                break
    return found


def _verb_cue(token: Token) -> _Found | None:
    """"Lukashenko said that X", "X, the analysts stated", "Russia denied deploying drones"."""
    lemma = _is_cue_verb(token)
    if not lemma or _hypothetical(token) or _relative(token):
        return None
    if _passive(token):
        return _passive_cue(token, lemma)
    clause = _clause_of(token) or _said_before(token)
    if clause is None or _asks(token):
        return None
    source, via = _subject(token), _according_to(token)
    if source is None:
        source = _speaking_body(token)
    if source is not None and source.tag_ in ("WDT", "WP") and token.dep_ == "relcl":
        source = _relative_speaker(token)  # "a report that said X": the report
    if lemma in cues().inference_verbs and _a_thing(source):
        return None  # "the consistency suggests that X": the narrator's inference, not a report
    if source is None and clause[0] < token.idx:
        source = _inverted_subject(token)  # "X, said Prime Minister Modi"
    cited = _citing(token, clause)
    if cited is not None:
        # "Reuters reported, citing UKMTO, that X": UKMTO's statement, relayed by Reuters.
        citing, source, via = cited, _object_of(cited), ([source] if source is not None else []) + via
        clause = _without_phrase(token.doc, clause, citing)
    if source is None and _impersonal(token):
        # "Отмечается, что X": the report goes on with the source of the one before, if any; set
        # in a sentence ("как утверждается"), it is the writer's hedge, said by no one.
        return _Found("reported", _cue_tokens(token), *clause, None, lemma in cues().denials, via,
                      sourceless=True, continues=token.dep_ == "ROOT")
    return _Found("reported", _cue_tokens(token), *clause, source, lemma in cues().denials, via)


def _asks(verb: Token) -> bool:
    """A question put or explained ("asked whether X", "explained why X", "wondered how X"):
    the clause opens with its own question word and states nothing the speaker claims."""
    complement = next(iter(_complements(verb)), None)
    if complement is None:
        return False
    first = complement.left_edge
    return first.head == complement and first.lower_ in QUESTION_WORDS


def _a_thing(subject: Token | None) -> bool:
    """Whether a subject names no one who could speak: a common noun that is not a person, body or
    document ("the data", "the deal"), or a pronoun for a thing ("it", "this")."""
    if subject is None or subject.lower_ in THING_PRONOUNS:
        return True
    if subject.pos_ != "NOUN" or subject.ent_type_:
        return False
    words = source_words()
    return subject.lemma_.lower() not in words.unnamed | words.state_speakers | words.documents | cues().speaking_bodies


def _said_before(verb: Token) -> tuple[int, int] | None:
    """"Об этом сообщил губернатор": a cue whose object points back ("об этом", "about this")
    attributes the sentence before it, in the same paragraph."""
    if not any(c.dep_ == "prep" and (c.lower_, g.lower_) in cues().anaphoric_phrases
               for c in verb.children for g in c.children):
        return None
    sentence = verb.sent
    if sentence.start == 0:
        return None
    before = verb.doc[sentence.start - 1].sent
    tokens = [t for t in before if not t.is_space]
    if not tokens or "\n" in verb.doc[tokens[-1].i:sentence.start].text:
        return None
    return _span_of(tokens)


def _speaking_body(verb: Token) -> Token | None:
    """"В Кремле заявили, что X": a plural cue with no subject speaks for the body it is said in."""
    if verb.morph.get("Number") != ["Plur"] or verb.morph.get("Person") == ["1"]:
        return None
    for place in (g for c in verb.children if c.dep_ == "prep" and c.lower_ in cues().speaking_in
                  for g in c.children if g.dep_ == "pobj"):
        if place.ent_type_ == "ORG":
            return place
        # "в пресс-службе Минобороны": the body whose service it is
        owner = next((c for c in place.children if c.dep_ == "poss" and c.ent_type_ == "ORG"), None)
        if owner is not None:
            return owner
    return None


def _impersonal(verb: Token) -> bool:
    """A reflexive passive with no subject ("отмечается", "сообщается", "уточняется"): a report
    that names no speaker."""
    return verb.lower_.endswith(("ся", "сь")) and not any(c.dep_ in SUBJECTS for c in verb.children)


def _passive(verb: Token) -> bool:
    return any(c.dep_ == "auxpass" for c in verb.children)


def _passive_cue(verb: Token, lemma: str) -> _Found | None:
    """"It was reported that X", "X is believed to Y": no source unless a by-agent names one;
    the passive subject is what the statement is about, never the speaker."""
    agent = next((g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)
    complement = next((c for c in verb.children if c.dep_ == "ccomp"), None)
    topic = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if complement is not None:
        if topic is not None and topic.lower_ != "it" and lemma not in ADDRESSEE_PASSIVES:
            return None  # "your reason has been reported": a thing reported, not a report of what
        clause = _content_of(complement)
    else:
        infinitive = next((c for c in verb.children if c.dep_ == "xcomp" and c.i > verb.i), None)
        if infinitive is None or topic is None or topic.lower_ == "it" or lemma not in cues().passive_raising:
            return None
        clause = _span_of(list(verb.doc[topic.left_edge.i:infinitive.right_edge.i + 1]))
    return _Found("reported", _cue_tokens(verb), *clause, agent, lemma in cues().denials, _according_to(verb),
                  sourceless=agent is None)


def _relative(verb: Token) -> bool:
    """A cue inside a relative clause ("a plan that officials said would fail", "what the
    ministry says proves"): its content would be the relative pronoun or the wrong clause. Not
    when the relative pronoun is the speaker ("a report that said X", "Sandu, who said X")."""
    if verb.dep_ == "relcl" and _relative_speaker(verb) is not None and any(c.dep_ == "ccomp" for c in verb.children):
        return False
    if _adjunct_relative(verb) or _trailing_cue(verb) is not None:
        return False
    if verb.dep_ in ("relcl", "csubj") or any(c.tag_ in ("WDT", "WP") and c.dep_ == "dobj" for c in verb.children):
        return True
    for complement in (c for c in verb.children if c.dep_ == "ccomp"):
        if any(c.dep_ in SUBJECTS and c.tag_ in ("WDT", "WP") for c in complement.children):
            return True
    return False


def _citing(cue: Token, clause: tuple[int, int]) -> Token | None:
    """The "citing Y" that names where a report came from: on the cue, or opening its clause."""
    for token in cue.doc[cue.sent.start:cue.sent.end]:
        # "со ссылкой на X": the noun stands where its preposition does
        anchor = token.head if token.dep_ == "pobj" else token
        if _is_citing(token) and _object_of(token) is not None and (
                anchor.head == cue or anchor.head.head == cue and anchor.i < _first_word(anchor.head).i
                or clause[0] <= anchor.idx < clause[1] and anchor.head.dep_ == "ccomp" and anchor.head.head == cue):
            return token
    return None


def _is_citing(token: Token) -> bool:
    """"citing X", "ссылаясь на X", "со ссылкой на X": the words that name where a report came from."""
    return token.lemma_.lower() in cues().citing and (token.tag_ == "VBG" or token.pos_ == "NOUN" and token.dep_ == "pobj")


def _first_word(clause: Token) -> Token:
    return next((c for c in clause.children if c.dep_ in SUBJECTS), clause)


def _object_of(verb: Token) -> Token | None:
    """The object of a verb, or of the preposition it takes ("ссылаясь на X")."""
    return next((c for c in verb.children if c.dep_ == "dobj"), None) or next(
        (g for c in verb.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"), None) \
        if verb.lemma_.lower() in cues().citing else next((c for c in verb.children if c.dep_ == "dobj"), None)


def _without_phrase(sdoc: Doc, clause: tuple[int, int], phrase_head: Token) -> tuple[int, int]:
    """A content span less a phrase that opens or closes it (with its commas and a "that")."""
    phrase = list(phrase_head.subtree)
    start, end = clause
    phrase_start, phrase_end = phrase[0].idx, phrase[-1].idx + len(phrase[-1].text)
    text = text_of(sdoc)
    if phrase_start <= start + 2 and phrase_end > start:
        start = phrase_end
        while start < end and (text[start] in " ,;\n" or text.startswith("that ", start)):
            start += 5 if text.startswith("that ", start) else 1
    elif phrase_start < end <= phrase_end + 1:
        end = phrase_start
        while end > start and text[end - 1] in " ,;":
            end -= 1
    return start, end


def _noun_cue(token: Token) -> _Found | None:
    """"expressed readiness to X", "voiced concern that X", "gave hints that X", "stood by its
    estimate that X"."""
    if token.lemma_.lower() not in cues().nouns:
        return None
    support = token.head if token.dep_ == "dobj" else (
        token.head.head if token.dep_ == "pobj" and token.head.lower_ in cues().support_prepositions else None)
    if support is None or support.lemma_.lower() not in cues().support_verbs or _hypothetical(support):
        return None
    clause = next((c for c in token.children if c.dep_ in ("acl", "ccomp", "relcl", "xcomp") and not _relative_clause(c)),
                  None) or next((c for c in support.children if c.dep_ == "ccomp" and c.i > token.i), None)
    if clause is None:
        return None
    return _Found("reported", list(token.doc[support.i:token.i + 1]), *_content_of(clause), _subject(support))


def _trailing_cue(verb: Token) -> int | None:
    """`X has been approved, promoter of the event Satadru Dutta said on Friday.`: a cue closing
    its sentence after a comma, with a subject of its own and nothing reported after it, that
    the parser hung on a noun as a relative clause. Where the reported clause ends (the comma)."""
    if verb.dep_ != "relcl" or any(c.dep_ in ("ccomp", "dobj", "xcomp") or c.tag_ in ("WDT", "WP", "WRB")
                                   for c in verb.children):
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.pos_ == "PROPN"), None)
    doc, sentence = verb.doc, verb.sent
    if subject is None or not all(t.is_punct for t in doc[verb.right_edge.i + 1:sentence.end]):
        return None
    phrase = verb
    while phrase.head is not phrase and phrase.dep_ in ("relcl", "pobj", "prep", "appos", "compound"):
        phrase = phrase.head
        if phrase.left_edge.i > sentence.start and doc[phrase.left_edge.i - 1].text == ",":
            comma = doc[phrase.left_edge.i - 1]
            return comma.i if comma.i - sentence.start >= 4 else None
    return None


def _adjunct_relative(verb: Token) -> bool:
    """`the press conference at which he claimed that X`, `a hearing where the lawyers argued
    that X`: the relative word is a circumstance of the cue, not its subject or content, and
    the complement is a clause of its own (with a subject of its own): that clause is reported."""
    def relative(token: Token) -> bool:
        return token.tag_ in ("WDT", "WP", "WRB")
    if verb.dep_ != "relcl" or not any(c.dep_ in SUBJECTS and not relative(c) for c in verb.children):
        return False
    circumstance = any(c.dep_ == "prep" and any(relative(g) for g in c.children if g.dep_ == "pobj")
                       or c.dep_ == "advmod" and c.tag_ == "WRB" for c in verb.children)
    complement = next((c for c in verb.children if c.dep_ == "ccomp"), None)
    return circumstance and complement is not None and any(
        c.dep_ in SUBJECTS and not relative(c) for c in complement.children)


def _relative_speaker(verb: Token) -> Token | None:
    """The noun a relative clause is said of, when its relative pronoun is the cue's subject."""
    if any(c.dep_ == "nsubj" and c.tag_ in ("WDT", "WP") for c in verb.children):
        return verb.head
    return None


def _relative_clause(clause: Token) -> bool:
    """"a statement that was ignored": the clause says something of the noun, not its content."""
    return any(c.tag_ in ("WDT", "WP") and c.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj") for c in clause.children)


def _assessment_cue(token: Token) -> _Found | None:
    """"the ministry's assessment is that X": the owner of the assessment says X."""
    if not (token.dep_ == "nsubj" and token.lemma_.lower() in cues().nouns and token.head.lemma_ == "be"):
        return None
    owner = next((c for c in token.children if c.dep_ == "poss"), None)
    if owner is None:
        return None
    clause = next((c for c in token.head.children if c.dep_ == "ccomp"), None)
    if clause is None:
        return None
    return _Found("reported", [token, token.head], *_content_of(clause), owner)


def _adjective_cue(token: Token) -> _Found | None:
    """"Lukashenko is sure that X"."""
    if not (token.lemma_.lower() in cues().adjectives and token.dep_ == "acomp") or _hypothetical(token.head):
        return None
    clause = next((c for c in token.children if c.dep_ == "ccomp"), None)
    if clause is None:
        return None
    return _Found("reported", [token.head, token], *_content_of(clause), _subject(token.head))


def _according_cue(token: Token) -> _Found | None:
    """"According to X, Y": X's statement Y (unless the clause has a speaker of its own, whose
    reporter X then is: "Y, Lukashenko has said, according to BelTA")."""
    if token.lower_ != "according" or token.i + 1 >= len(token.doc) or token.doc[token.i + 1].lower_ != "to":
        return None
    if not any(c.lower_ == "to" for c in token.children):
        return _according_misparsed(token)
    head = token.head
    if _is_cue_verb(head) and not _passive(head) and _subject(head) is not None and _clause_of(head) is not None or any(
            c.dep_ == "parataxis" and _is_cue_verb(c) for c in head.children):
        return None
    while head.dep_ == "conj" and token.i > head.i and all(
            t.is_punct or t.is_space for t in token.doc[token.right_edge.i + 1:head.right_edge.i + 1]):
        # "X happened and Y followed, according to Z": a sentence-final source covers every clause.
        head = head.head
    # "according to engineer Ramesh Thapa": the parser may take the title for a verb with the
    # name as its object; only a gerund ("according to estimating") is not a source.
    source = next((g for c in token.children if c.lower_ == "to" for g in c.children
                   if g.dep_ == "pobj" or g.dep_ == "pcomp" and g.tag_ != "VBG"), None)
    if source is None or source.lemma_.lower() in cues().accordance_nouns:
        return None  # "deported according to the rules": in accordance with them
    content = _content_without(head, token)
    if content is None:
        return None
    via = []
    citing = next((c for c in list(source.children) + list(head.children)
                   if _is_citing(c) and _object_of(c) is not None), None)
    if citing is not None:
        # "X, according to Reuters, citing the ministry": the ministry's, relayed by Reuters.
        source, via = _object_of(citing), [source]
        content = _without_phrase(token.doc, content, citing)
    return _Found("reported", list(token.doc[token.i:token.i + 2]), *content, source, via_tokens=via)


def _phrase_cue(token: Token) -> _Found | None:
    """"По словам X, Y", "по данным X", "по его мнению": a phrase of the lexicon's
    `according_phrases` whose last word's owner is the source, and the clause it qualifies the
    content; as with "according to", when that clause has a speaker of its own the phrase names
    its reporter instead ("По словам Лукашенко, Путин сказал ему, что X")."""
    found = _phrase_at(token)
    if found is None:
        return None
    words, source = found
    head = token.head
    if head is token or _is_cue_verb(head) and not _passive(head) and _subject(head) is not None:
        return None
    phrase = {t.i for t in token.subtree}
    tokens = [t for t in head.subtree if t.i not in phrase]
    while tokens and (tokens[0].is_punct or tokens[0].is_space):
        tokens = tokens[1:]
    if tokens and tokens[0].i < token.i < tokens[-1].i:
        tokens = [t for t in tokens if t.i > token.i] if all(
            t.is_punct or t.dep_ in ("advmod", "cc") for t in tokens if t.i < token.i) else tokens
    content = _span_of(tokens)
    if len(text_of(token.doc)[content[0]:content[1]].split()) < 3:
        return None
    return _Found("reported", words, *content, source)


def _phrase_at(token: Token) -> tuple[list[Token], Token] | None:
    """The words of a phrase of `according_phrases` starting at `token` (without a possessive
    inside it) and the source it names: the owner of its last word ("по словам [Лукашенко]",
    "по [его] словам", "по данным [ведомства]")."""
    if token.lower_ not in cues().according_starts:
        return None  # most words open no phrase: the common case, answered at once
    doc = token.doc
    for phrase in cues().according_phrases:
        words = [t for t in doc[token.i:token.i + len(phrase) + 1] if t.lower_ not in POSSESSIVES][:len(phrase)]
        if [t.lower_ for t in words] != list(phrase):
            continue
        source = next((c for c in words[-1].children if c.dep_ in ("poss", "det", "nmod", "appos") and (
            c.pos_ in ("PROPN", "NOUN", "PRON") or c.lower_ in POSSESSIVES)), None)
        return (words, source) if source is not None else None
    return None


def _according_misparsed(according: Token) -> _Found | None:
    """"According to engineer X of the office, Y" when the parser read "to engineer" as a verb:
    a sentence opening with the phrase still gives its source up to the comma and its content after."""
    sentence = according.sent
    if according.i != sentence.start:
        return None
    comma = next((t for t in sentence if t.text == "," and t.i > according.i + 2), None)
    if comma is None:
        return None
    phrase = according.doc[according.i + 2:comma.i]
    source = next((t for t in phrase if t.ent_type_), None) or next(
        (t for t in reversed(phrase) if t.pos_ in ("NOUN", "PROPN")), None)
    if source is None or source.lemma_.lower() in cues().accordance_nouns:
        return None
    content = _span_of(list(according.doc[comma.i + 1:sentence.end]))
    if len(text_of(according.doc)[content[0]:content[1]].split()) < 3:
        return None
    return _Found("reported", list(according.doc[according.i:according.i + 2]), *content, source)


def _clause_of(verb: Token) -> tuple[int, int] | None:
    """The content a cue verb attributes: its clausal complement ("said that X", "X, he said"),
    a gerund object ("denied deploying drones"), or the clause it is set beside ("X, Lukashenko
    has said")."""
    trailing = _trailing_cue(verb)
    if trailing is not None:
        return _span_of(list(verb.doc[verb.sent.start:trailing]))
    complements = _complements(verb)
    interrupted = _interrupted_subject(verb, complements)
    if interrupted is not None:
        # "The drones, the army said on Friday, were shot down": the parser gave the cue both
        # subjects; the first one opens the reported clause, which runs over the cue.
        rest = verb.doc[interrupted.right_edge.i + 1:complements[0].right_edge.i + 1]
        return _span_of(list(interrupted.subtree) + list(rest))
    if complements:
        # A parse may split one clause into sibling complements ("that drones launched at X
        # regularly stray into Y"): adjacent ones are one content.
        tokens, skip = [], set()
        for complement in complements:
            if tokens and complement.left_edge.i != tokens[-1].i + 1:
                break
            tokens += list(complement.subtree)
            skip |= _reattached_cues(complement)
        tokens += _further_claims(verb, tokens)
        return _span_of(sorted((t for t in tokens if t.i not in skip), key=lambda t: t.i))
    for child in verb.children:
        if child.dep_ in ("xcomp", "dobj") and child.tag_ == "VBG":
            return _content_of(child)
    addressed = _clause_after_addressee(verb)
    if addressed is not None:
        return _content_of(addressed)
    detached = _clause_after_adjunct(verb)
    if detached is not None:
        return _content_of(detached)
    misparsed = _that_object(verb)
    if misparsed is not None:
        # "point out that [President ... Lukashenko], ..., said that X": the parser took "that"
        # for a determiner; the content runs from the noun phrase to the end of the report.
        reporter = next(c for c in verb.children if c.dep_ == "conj" and _is_cue_verb(c))
        tokens = list(verb.doc[misparsed.i:reporter.right_edge.i + 1])
        return _span_of(tokens)
    as_clause = verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in cues().as_marks for c in verb.children)
    if (_set_beside(verb) or as_clause) and not any(t.text == ";" for t in verb.doc[verb.head.i:verb.i]):
        skip = {t.i for t in verb.subtree} | {t.i for c in verb.head.children if c.lower_ == "according" for t in c.subtree}
        # A relative pronoun is not what was said ("a tank which, it is claimed, was abandoned"),
        # nor the narrator's words before a colon ("Pads appeared: these may be tents, they say").
        skip |= {c.i for c in verb.head.children if c.tag_ in ("WDT", "WP") and c.dep_ in SUBJECTS}
        colon = next((t.i for t in reversed(verb.doc[verb.head.left_edge.i:verb.i]) if t.text == ":"), None)
        kept = [t for t in verb.head.subtree if t.i not in skip and (colon is None or t.i > colon)]
        if _parenthetical(verb, kept):
            # "The government, he said, would encourage them": the cue interrupts its clause,
            # which is reported whole (a span of the text cannot leave the cue out).
            kept += list(verb.subtree)
        return _span_of(kept)
    return None


def _interrupted_subject(verb: Token, complements: list[Token]) -> Token | None:
    """The subject of a reported clause that a cue between commas interrupts, when the parser
    hung it on the cue beside the speaker and left the clause after the cue without one."""
    subjects = [c for c in verb.children if c.dep_ in SUBJECTS and c.i < verb.i]
    if len(subjects) != 2 or not complements or complements[0].i < verb.i \
            or any(c.dep_ in SUBJECTS for c in complements[0].children):
        return None
    first, speaker = subjects
    between = verb.doc[first.right_edge.i + 1:speaker.left_edge.i]
    return first if [t.text for t in between] == [","] else None


def _parenthetical(verb: Token, clause: list[Token]) -> bool:
    """A cue set between commas inside the clause it reports, before the clause's verb and after
    some of its words ("The government, he said, would ...")."""
    doc = verb.doc
    first, last = verb.left_edge.i, verb.right_edge.i
    first -= doc[first].text != ","
    last += doc[last].text != ","
    return bool(clause) and 0 <= first and last < len(doc) and doc[first].text == doc[last].text == "," \
        and verb.head.i > last and any(t.i < first and not t.is_punct for t in clause)


def _clause_after_adjunct(verb: Token) -> Token | None:
    """"sought dismissal of the plea and said in the past too, the court had imposed costs": a
    cue coordinated with another verb, then an adjunct and a comma, then a clause with a subject
    of its own that the parser coordinated with the first verb, not given to the cue."""
    if verb.dep_ != "conj" or any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in verb.children):
        return None
    doc = verb.doc
    after = verb.right_edge.i + 1
    clause = next((c for c in verb.head.children if c.dep_ == "conj" and c.left_edge.i in (after, after + 1)), None)
    if after >= len(doc) or doc[after].text != "," or clause is None or verb.right_edge.i == verb.i:
        return None
    return clause if any(c.dep_ in ("nsubj", "nsubjpass") and c.i < clause.i for c in clause.children) else None


def _clause_after_addressee(verb: Token) -> Token | None:
    """"told a press conference that X", "warned parliament that X": the parser may hang the
    "that" clause on the audience as a relative clause; one opened by the conjunction "that"
    (not a relative pronoun; the parser sometimes calls it a dative) with a subject of its own
    is what was said."""
    for audience in (c for c in verb.children if c.dep_ == "dobj"):
        for clause in (c for c in audience.children if c.dep_ in ("relcl", "acl") and c.i > audience.i):
            if any(c.dep_ in ("mark", "dative") and c.lower_ == "that" for c in clause.children) and any(
                    c.dep_ in SUBJECTS and c.tag_ not in ("WDT", "WP") for c in clause.children):
                return clause
    return None


def _complements(verb: Token) -> list[Token]:
    """The clausal complements of a cue verb, less a clause before it across a semicolon ("A put
    X at 15; B said 21 were killed") and the narrator's where-clause after a cue set beside its
    content ("X, Greenberg said, where interest had been high") and the writer's bracketed note
    ("[emphasis added]")."""
    return [c for c in verb.children if c.dep_ == "ccomp" and not _editorial(c) and not (
        c.i < verb.i and any(t.text == ";" for t in verb.doc[c.right_edge.i + 1:verb.i])) and not (
        verb.dep_ == "parataxis" and c.i > verb.i and c.left_edge.tag_ in ("WRB", "WDT"))
        and _speaker_of_participle(c) is None]


def _speaker_of_participle(clause: Token) -> Token | None:
    """`Senior advocate Kapil Sibal, also appearing for the petitioners, said, "..."`: the parser
    may make the speaker the subject of the participle set beside him and that participle the
    cue's clause; the speaker is that subject, and the participle is not what was said."""
    if clause.dep_ != "ccomp" or clause.tag_ != "VBG" or clause.i > clause.head.i \
            or "," not in (clause.right_edge.text, clause.doc[clause.right_edge.i + 1].text):
        return None
    subject = next((c for c in clause.children if c.dep_ == "nsubj" and c.i < clause.i), None)
    if subject is None or "," not in (subject.right_edge.text, clause.doc[subject.right_edge.i + 1].text):
        return None
    return subject


def _set_beside(verb: Token) -> bool:
    """A cue set beside the clause it reports ("X, Lukashenko has said"), also when the parser
    coordinated it with that clause: a comma, not a conjunction, before its own subject."""
    if verb.dep_ == "parataxis":
        return True
    if verb.dep_ != "conj" or verb.i < verb.head.i:
        return False
    subject = next((c for c in verb.children if c.dep_ in SUBJECTS and c.i < verb.i), None)
    return subject is not None and subject.left_edge.i > 0 and verb.doc[subject.left_edge.i - 1].text == ","


def _further_claims(verb: Token, content: list[Token]) -> list[Token]:
    """"noted that A, but there has been B": a clause the parser coordinated with the cue that has
    no speaker of its own (an expletive subject) goes on with what was said."""
    further = []
    for conj in (c for c in verb.children if c.dep_ == "conj" and c.i > content[-1].i):
        subjects = [c for c in conj.children if c.dep_ in SUBJECTS or c.dep_ == "expl"]
        if subjects and all(s.dep_ == "expl" for s in subjects) and not _is_cue_verb(conj):
            between = [c for c in verb.children if c.dep_ == "cc" and content[-1].i < c.i < conj.i]
            further += between + list(conj.subtree)
    return further


def _that_object(verb: Token) -> Token | None:
    """The object of a cue verb that the parser opened with a determiner "that", when a
    coordinated cue verb follows: the subject of that later report."""
    if not any(c.dep_ == "conj" and _is_cue_verb(c) and not any(g.dep_ in SUBJECTS for g in c.children)
               for c in verb.children):
        return None
    for child in verb.children:
        if child.dep_ == "dobj":
            first = child.left_edge
            if first.lower_ == "that" and first.dep_ == "det":
                return verb.doc[first.i + 1]
    return None


def _trailing_participle(verb: Token) -> bool:
    """`The staff said Russian forces struck a hospital, adding that X`: a participle reporting a
    clause, hung by the parser on a reported clause whose subject is no person and whose verb is
    no act of speaking, goes on with the speaker of the report. A person in the clause may be the
    one speaking (`said Putin had reinforced the claim, telling him that X`; `said Putin spoke to
    Xi, saying X`)."""
    head = verb.head
    if not (verb.dep_ == "advcl" and verb.tag_ == "VBG" and _is_cue_verb(verb) is not None
            and any(c.dep_ == "ccomp" for c in verb.children) and not any(c.dep_ in SUBJECTS for c in verb.children)
            and verb.left_edge.i > 0 and verb.doc[verb.left_edge.i - 1].text == ","):
        return False
    if _is_cue_verb(head) or head.lemma_.lower() in cues().introducing_verbs | cues().quote_verbs:
        return False
    subject = next((c for c in head.children if c.dep_ in SUBJECTS), None)
    return subject is None or not (subject.ent_type_ == "PERSON" or subject.lower_ in source_words().personal
                                   or subject.lemma_.lower() in titles())


def _reattached_cues(clause: Token) -> set[int]:
    """Speech verbs the parser coordinated inside a reported clause ("stated that the plant had
    begun X and expressed readiness to Y") or hung on it as a participle ("..., adding that Y"):
    they belong to the speaker, not to the content."""
    skip = set()
    for token in clause.subtree:
        if token.i > clause.i and _trailing_participle(token) and _speaker_of_enclosing_report(token) is not None:
            skip.update(t.i for t in token.subtree)
            skip.add(token.left_edge.i - 1)
            continue
        if token.dep_ == "conj" and token.i > clause.i and (
                _is_cue_verb(token) or any(c.lemma_.lower() in cues().nouns and c.dep_ == "dobj" for c in token.children)
                and token.lemma_.lower() in cues().support_verbs):
            cc = [c.i for c in token.head.children if c.dep_ == "cc" and c.i < token.i]
            skip.update(t.i for t in token.subtree)
            skip.update(cc)
    return skip


def _content_of(head: Token, skip: set[int] = frozenset()) -> tuple[int, int]:
    """The character span of a clause: its subtree (less `skip`) without the leading "that"."""
    return _span_of([t for t in head.subtree if t.i not in skip])


def _span_of(tokens: list[Token]) -> tuple[int, int]:
    """The character span of tokens, without a leading complementizer and the edges' punctuation."""
    tokens = sorted(tokens, key=lambda t: t.i)  # a non-projective parse yields a subtree out of order
    while tokens and (tokens[0].dep_ == "mark" or tokens[0].dep_ == "cc" and tokens[0].lower_ in ("and", "but")
                      or tokens[0].dep_ == "dative" and tokens[0].lower_ == "that"
                      or tokens[0].is_punct or tokens[0].is_space):
        tokens = tokens[1:]
    if tokens:  # a skipped part with words in it ends the content there
        doc = tokens[0].doc
        end = next((k for k in range(1, len(tokens)) if any(
            not (t.is_punct or t.is_space) for t in doc[tokens[k - 1].i + 1:tokens[k].i])), len(tokens))
        tokens = tokens[:end]
    while tokens and (tokens[-1].is_punct and tokens[-1].text not in ('"', "”", "’") or tokens[-1].dep_ == "cc"
                      or tokens[-1].is_space):
        tokens = tokens[:-1]
    if not tokens:
        return (0, 0)
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def _content_without(head: Token, according: Token) -> tuple[int, int] | None:
    """The clause that "according to X" qualifies, without that phrase and its commas.

    "According to ISW, Lukashenko, by making ..., is paying": a name the parser set beside the
    source as an appositive is the clause's subject, and stays in the content.
    """
    phrase = {according.i}
    for to in according.children:
        if to.lower_ == "to":
            phrase.add(to.i)
            for source in to.children:
                appositive = {t.i for c in source.children if c.dep_ == "appos" for t in c.subtree}
                if any(c.dep_ in SUBJECTS and c.i not in appositive for c in head.children):
                    appositive = set()  # the clause has its own subject: the name is the source's
                phrase |= {t.i for t in source.subtree} - appositive
                phrase -= _past_the_comma(source, head)
    skip = phrase
    tokens = [t for t in head.subtree if t.i not in skip]
    before = [t for t in tokens if t.i < according.i]
    if all(t.dep_ in ("advmod", "cc", "punct", "intj") or t.is_space for t in before):
        tokens = [t for t in tokens if t.i > according.i]  # "Indeed, according to X, Y": Y
    while tokens and (tokens[0].is_punct or tokens[0].is_space):
        tokens = tokens[1:]
    span = _span_of(tokens)
    after = [t for t in tokens if t.i > according.i]
    if tokens and tokens[0].i < according.i and span[1] < according.idx and any(
            not (t.is_punct or t.is_space or any(a.lemma_ == "cite" for a in [t, *t.ancestors])) for t in after):
        # "The bridge, according to the governor, was closed": one span, the phrase inside it.
        span = (span[0], _span_of(after)[1])
    return span if len(text_of(head.doc)[span[0]:span[1]].split()) >= 3 else None


def _past_the_comma(source: Token, head: Token) -> set[int]:
    """"According to a source speaking to The Cradle, Aoun's visit revealed": words after the
    comma that the parser took into the source's phrase although they are the subject of a
    clause left without one."""
    if any(c.dep_ in SUBJECTS for c in head.children):
        return set()
    comma = next((t for t in source.subtree if t.text == "," and t.i > source.i), None)
    return {t.i for t in source.subtree if comma is not None and t.i > comma.i}


def _cue_tokens(verb: Token) -> list[Token]:
    """The words of a verbal cue: auxiliaries that belong to it ("has said") and its particle."""
    parts = [c for c in verb.children if c.dep_ in ("aux",) and c.i < verb.i and c.lower_ in ("has", "have", "had")]
    parts.append(verb)
    parts += [c for c in verb.children if c.dep_ == "prt"]
    return sorted(parts, key=lambda t: t.i)


def _subject(verb: Token, quoted: tuple[int, int] = (0, 0)) -> Token | None:
    """Who does the saying: the verb's subject, or that of the verb it is coordinated with
    (for a speech verb coordinated inside a reported clause, the speaker of that clause); never
    a word of the `quoted` span the cue attributes."""
    current = verb
    for _ in range(4):
        # Of two subjects the parser gave one verb ("The drones, the army said, were ..."), the
        # speaker is the one next to it.
        subjects = [c for c in current.children if c.dep_ in SUBJECTS and not quoted[0] <= c.idx < quoted[1]]
        before = [c for c in subjects if c.i < current.i]
        nearest = before[-1] if before else next(iter(subjects), None)
        subject = nearest or _speaker_in_clausal_subject(current)
        if subject is not None:
            return subject
        if current is verb:
            name = _name_before(verb) or next(
                (found for c in verb.children if (found := _speaker_of_participle(c)) is not None), None)
            if name is not None:
                return name
        if current.dep_ == "conj" and _is_cue_verb(current.head):
            misparsed = _that_object(current.head)
            if misparsed is not None:
                return next((t for t in misparsed.head.subtree if t.ent_type_ and t.i >= misparsed.i), misparsed.head)
        if current.dep_ == "conj":
            speaker = _speaker_of_enclosing_report(current)
            if speaker is not None:
                return speaker
        if _trailing_participle(current):
            speaker = _speaker_of_enclosing_report(current)
            if speaker is not None:
                return speaker
        climbs = current.dep_ in ("conj", "advcl", "xcomp", "pcomp", "prep") or quoted[0] <= current.idx < quoted[1]
        if climbs and current.head is not current:
            current = current.head
            continue
        break
    return None


def _name_before(verb: Token) -> Token | None:
    """"In the navy, Commander Ivanova said X": a name right before a cue with no subject,
    which the parser set beside a noun of an opening phrase."""
    if verb.i == 0 or any(c.dep_ in SUBJECTS or c.dep_ == "csubj" for c in verb.children):
        return None
    before = verb.doc[verb.i - 1]
    if before.dep_ == "appos" and before.pos_ == "PROPN" and before.right_edge.i == before.i:
        return before
    return None


def _speaker_in_clausal_subject(verb: Token) -> Token | None:
    """The speaker the parser buried in a clause it took for the cue's subject: the noun after an
    opening participle ("Talking to DW, a senior journalist said") or the subject of a reduced
    relative ("Democracy supporters opposed to the junta have warned")."""
    clause = next((c for c in verb.children if c.dep_ == "csubj" and c.i < verb.i), None)
    if clause is None:
        return None
    if clause.tag_ == "VBG":
        return next((t for t in clause.subtree if t.dep_ == "appos" and t.pos_ in ("NOUN", "PROPN")
                     and t.left_edge.i > 0 and t.doc[t.left_edge.i - 1].text == ","), None)
    if clause.tag_ in ("VBD", "VBN"):
        return next((c for c in clause.children if c.dep_ == "nsubj" and c.i < clause.i
                     and c.pos_ in ("NOUN", "PROPN")), None)
    return None


def _speaker_of_enclosing_report(verb: Token) -> Token | None:
    if not (_is_cue_verb(verb) or verb.lemma_.lower() in cues().support_verbs):
        return None
    for ancestor in verb.ancestors:
        if _is_cue_verb(ancestor) and any(c.dep_ == "ccomp" and verb in c.subtree for c in ancestor.children):
            return _subject(ancestor)
    return None


def _according_to(verb: Token) -> list[Token]:
    """Reporters named with "according to" on the cue itself (or on the clause it is set beside)."""
    found = []
    attached = list(verb.children) + (list(verb.head.children) if verb.dep_ == "parataxis" else [])
    for child in attached:
        if child.lower_ == "according":
            found += [g for to in child.children if to.lower_ == "to" for g in to.children if g.dep_ == "pobj"]
        elif (phrase := _phrase_at(child)) is not None:
            found.append(phrase[1])
    return found


def _hypothetical(verb: Token) -> bool:
    """"if he had said", "he would say", "he did not say", "no one believes", "let's say", "fails
    to mention", "please consider upgrading" (a request to the reader): no statement is made."""
    if _imperative(verb) or verb.dep_ in ("ccomp", "xcomp") and verb.head.lemma_.lower() == "let":
        return True
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in cues().negating_verbs:
        return True  # "the report fails to mention that X", "he refused to say"
    if verb.lower_ in cues().conjunction_participles and not any(c.dep_ in SUBJECTS for c in verb.children):
        return True  # "..., considering it is the cheapest medium": "given that"
    for child in verb.children:
        if child.dep_ == "mark" and child.lower_ in cues().hypothetical_marks:
            return True
        if child.dep_ == "aux" and child.lower_ in cues().hypothetical_aux:
            return True
        if child.dep_ == "neg" and verb.lemma_.lower() not in cues().denials:
            return True
        if child.dep_ in SUBJECTS and (child.lower_ in cues().negative_subjects or any(
                d.dep_ == "det" and d.lower_ == "no" for d in child.children)):
            return True
    return False


def _imperative(verb: Token) -> bool:
    """A verb in the imperative: the base form opening its clause, with no subject or auxiliary
    ("Consider upgrading your browser", "please enable JavaScript, and consider ...")."""
    def bare(token: Token) -> bool:
        return token.tag_ == "VB" and not any(c.dep_ in SUBJECTS or c.dep_ in ("aux", "auxpass") for c in token.children)
    if not bare(verb):
        return False
    if verb.dep_ == "ROOT":
        return verb.i == verb.sent.start or verb.doc[verb.i - 1].lower_ in ("please", "do", "now", "just")
    if verb.dep_ != "conj":
        return False
    coordinated = [verb.head, *(c for c in verb.head.children if c.dep_ == "conj")]
    return bare(verb.head) and verb.head.dep_ == "ROOT" and _imperative(verb.head) or any(
        c.dep_ == "intj" and c.lower_ == "please" for t in coordinated for c in t.children)


def _quote_chars(quotes: list[Quote]) -> set[int]:
    chars: set[int] = set()
    for quote in quotes:
        chars.update(range(quote.start, quote.end))
    return chars


def _not_a_speaker(token: Token | None) -> bool:
    """The writer's own voice ("I believe", "as we reported") is not attributed to anyone, and a
    number ("2 posted") speaks for no one (but "one of the members said" is someone unnamed)."""
    if token is None:
        return False
    partitive = any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children)
    return token.lower_ in cues().narrator or token.tag_ == "CD" and not partitive


def _before_narrator_tail(sdoc: Doc, start: int, end: int) -> int:
    """Where a reported clause ends before the narrator's own comment on it: a summary noun set
    beside it (", a claim the institute could not verify"), a judging participle (", proving
    earlier warnings right") or what happened next (", after which the president called him")."""
    span = sdoc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return end
    for token in span:
        if token.text != "," or token.i + 1 >= span.end:
            continue
        following = tuple(t.lower_ for t in sdoc[token.i + 1:token.i + 4])
        if any(following[:len(opener)] == opener for opener in cues().sequence_openers):
            return token.idx
        tail = next((t for t in span[token.i - span.start + 1:] if t.head.i < token.i), None)
        if tail is None or tail.right_edge.i < span.end - 1 and not all(
                t.is_punct for t in sdoc[tail.right_edge.i + 1:span.end]):
            continue
        summary = tail.dep_ in ("appos", "npadvmod", "dobj", "attr") and tail.lemma_.lower() in cues().summary_nouns \
            and any(c.dep_ == "det" and c.lower_ in ("a", "an", "the", "this", "that") for c in tail.children)
        judging = tail.tag_ == "VBG" and tail.dep_ in ("advcl", "xcomp", "conj") \
            and tail.lemma_.lower() in cues().tail_participles
        if summary or judging:
            return token.idx
    return end


def _same_cue(first: _Found, second: _Found) -> bool:
    return bool(first.cue_tokens) and first.cue_tokens[-1] in second.cue_tokens


def _fills(quote: _Found, item: _Found) -> bool:
    """A quotation that opens a reported statement's clause and makes up most of it."""
    overlap = min(item.end, quote.end) - max(item.start, quote.start)
    return quote.start - item.start <= 3 and overlap > 0.5 * (item.end - item.start)


def _quoted(sdoc: Doc, quotes: list[Quote]) -> list[_Found]:
    """Quotations with the cue that attributes them, or continuing the previous speaker: a
    quotation opening a paragraph, or following an attributed one in the same paragraph. The
    parts of a quotation running over paragraphs share the cue of any part (most often the one
    after the last part)."""
    found = []
    previous: Quote | None = None
    quotes = [q for q in quotes if not _a_name(sdoc, q)]
    after = {id(q): _cue_after(sdoc, q, following) for q, following in zip(quotes, [*quotes[1:], None])}
    own = {id(q): _not_the_narrators(after[id(q)]) or _introducing(sdoc, q, after[id(q)] is not None) for q in quotes}
    # The writer's own words ('"Is it safe?" I asked'): no one else's, and no continuation.
    quotes = [q for q in quotes if own[id(q)] is not None or after[id(q)] is None]
    governing = {id(q): _cue_governing(sdoc, q) for q in quotes if own[id(q)] is None}
    shared = {}
    for quote in quotes:
        if own[id(quote)] is not None:
            shared[quote.group] = own[id(quote)]
    for quote in quotes:
        cue = own[id(quote)] or shared.get(quote.group)
        same_paragraph = previous is not None and "\n" not in text_of(sdoc)[previous.end:quote.start]
        if cue is not None:
            cue_tokens, source = cue
            negative = bool(cue_tokens) and cue_tokens[-1].lemma_.lower() in cues().denials
            via = _according_to(cue_tokens[-1]) if cue_tokens else []
            impersonal = source is None and bool(cue_tokens) and _impersonal(cue_tokens[-1])
            found.append(_Found("quote", cue_tokens if own[id(quote)] else [], quote.start, quote.end, source,
                                negative, via, sourceless=impersonal, continues=impersonal))
            previous = quote
        elif governing.get(id(quote)) is not None:
            cue_tokens, source = governing[id(quote)]
            found.append(_Found("quote", cue_tokens, quote.start, quote.end, source,
                                cue_tokens[-1].lemma_.lower() in cues().denials, governed=True))
            previous = quote
        elif (quote.opens_paragraph or same_paragraph or _opens_sentence(sdoc, quote)) \
                and _words(text_of(sdoc)[quote.start:quote.end]) >= 4:
            introduced = _introduced_by(sdoc, quote, quotes)
            if introduced is not None:
                found.append(_Found("quote", introduced[0], quote.start, quote.end, introduced[1]))
            else:
                found.append(_Found("quote", [], quote.start, quote.end, None, continues=True))
            previous = quote
    return found


def _introduced_by(sdoc: Doc, quote: Quote, quotes: list[Quote]) -> tuple[list[Token], Token | None] | None:
    """`X reflected on the first winter. "We had no heating..."`: a quotation with no cue of its
    own, opening the sentence after one in which someone speaks without giving their words
    (spoke to reporters, recalled the day, put out a post), is theirs, whoever spoke before.
    Not the answer to a question put in that sentence, nor what the writer was told."""
    text = text_of(sdoc)
    if not (quote.opens_paragraph or _opens_sentence(sdoc, quote)):
        return None
    before = sdoc.char_span(max(0, quote.start - 400), quote.start, alignment_mode="contract")
    last = next((t for t in reversed(before or []) if not (t.is_space or t.is_quote)), None)
    if last is None or text.count("\n\n", last.idx, quote.start) > 1 or \
            "\n\n" not in text and text.count("\n", last.idx, quote.start) > 1:
        return None
    sentence = last.sent
    if any(q.start < sentence.end_char and q.end > sentence.start_char for q in quotes if q is not quote):
        return None
    coordinated = [c for c in sentence.root.children if c.dep_ == "conj" and c.pos_ == "VERB"]
    for verb in [*reversed(coordinated), sentence.root]:  # the nearest first: "spoke with X and put out a post"
        if _introduces(verb) and not _hypothetical(verb):
            subject = _subject(verb)
            return None if subject is None or _not_a_speaker(subject) else (_cue_tokens(verb), subject)
    return None


def _introduces(verb: Token) -> bool:
    """A verb of speaking that does not ask ("asked him about it": the answer is the other's)."""
    lemma = verb.lemma_.lower()
    if lemma in ("ask", "question", "interview"):
        return False
    if lemma in cues().introducing_verbs or lemma in cues().quote_verbs or _is_cue_verb(verb):
        return True
    return lemma in cues().support_verbs and any(
        c.dep_ == "dobj" and c.lemma_.lower() in cues().introducing_nouns for c in verb.children)


def _introducing(sdoc: Doc, quote: Quote, narrated: bool) -> tuple[list[Token], Token | None] | None:
    """The cue before a quotation; when the writer's own cue follows it, only one in the same
    sentence ('when he says: "..." I also contend'), not the previous speaker's."""
    cue = _cue_before(sdoc, quote)
    if cue is None or not narrated or not cue[0]:
        return cue
    return None if "." in text_of(sdoc)[cue[0][-1].idx:quote.start] else cue


def _not_the_narrators(cue: tuple[list[Token], Token | None] | None) -> tuple[list[Token], Token | None] | None:
    """A cue after a quotation, unless it is the writer's own ("...' I also contend that"): the
    quotation may then have its cue before it ("when he says: '...'")."""
    return None if cue is not None and _not_a_speaker(cue[1]) else cue


def _a_name(sdoc: Doc, quote: Quote) -> bool:
    """Marks around the name of a person, body, place or weapon, not around words someone said:
    ЧВК «Вагнер», the "Azov" regiment (a title of a work is left to the rules of quotations)."""
    return any(ent.start_char <= quote.start and quote.end <= ent.end_char and ent.label_ in ENTITY_TYPES
               for ent in sdoc.ents)


def _opens_sentence(sdoc: Doc, quote: Quote) -> bool:
    """A quotation that is a sentence of its own (`...said Modi. "I am ready for it."`)."""
    text = text_of(sdoc)
    before = text[text.rfind("\n", 0, quote.start) + 1:quote.start].rstrip(" \"“‘'«„")
    after = text[quote.end:quote.end + 3].lstrip(" \"”’'»“")
    # the sentence may end inside the closing mark or, in British style, after it (`...model”.`)
    return (before == "" or before[-1] in ".!?") and (after == "" or after[0] in "\n.!?" or after[0].isupper())


def _words(text: str) -> int:
    return len(text.split())


def _cue_after(sdoc: Doc, quote: Quote, following: Quote | None) -> tuple[list[Token], Token | None] | None:
    """ `"...," the analysts argue` / `"...," said Lukashenko`: a cue just after the closing mark,
    never inside a quotation that opens the next sentence (`"...feedback. "I told them..."`: the
    speaker's own words), nor one that goes on to give other words after a quotation that closed
    its sentence (`"...?" Bhushan said, "What we have shown..."`: his words are the next ones)."""
    found = _cue_just_after(sdoc, quote, following)
    closing = _closing_mark(text_of(sdoc), quote)
    if found is None or not found[0] or not closing:
        return found
    if _goes_on_to_say(found[0][-1]) or closing == "." and _new_sentence_after(sdoc, quote):
        return None
    return found


def _new_sentence_after(sdoc: Doc, quote: Quote) -> bool:
    """`"...your fault." The minister shared a photo`: the first word after the quotation opens a
    new sentence, whose cue hands it no words."""
    after = sdoc.char_span(quote.end, len(text_of(sdoc)), alignment_mode="expand")
    first = next((t for t in after or [] if not (t.is_punct or t.is_space)), None)
    return first is not None and first.is_sent_start


def _cue_just_after(sdoc: Doc, quote: Quote, following: Quote | None) -> tuple[list[Token], Token | None] | None:
    text = text_of(sdoc)
    until = following.start if following is not None and any(
        mark in text[quote.end:following.start] for mark in ".!?") else len(text)
    after = sdoc.char_span(quote.end, until, alignment_mode="expand")
    if after is None:
        return None
    described = _cue_after_described_speaker(after) or _headline_speaker(sdoc, quote, after)
    if described is not None:
        return described
    # `"...," expressed X` / `"...", expressed X` (content is trimmed of its comma), not a headline's `’:`
    comma_closed = "," in text[quote.end:quote.end + 2]
    for offset, token in enumerate(after):
        if offset > 8 or (token.is_sent_start and offset > 2) or "\n" in token.text:
            return None
        lemma = _is_cue_verb(token) or (comma_closed and _quotation_as_object(token))
        if lemma and not _hypothetical(token):
            return _cue_tokens(token), _subject(token, (quote.start, quote.end)) or _inverted_subject(token)
        if token.lemma_.lower() in cues().adjectives and token.dep_ == "acomp":
            return [token.head, token], _subject(token.head)
        if token.tag_ == "WRB" or token.dep_ == "mark" and token.lower_ != "as" or not (
                token.is_punct or token.is_space or token.dep_ in ("det", "amod", "compound", "poss", "case", "aux",
                                                                   "nsubj", "advmod") or token.pos_ in ("PROPN", "PRON")):
            return None  # only the speaker's name may stand between a quotation and its cue, not "when it said"
    return None


def _closing_mark(text: str, quote: Quote) -> str:
    """The full stop, question or exclamation mark a quotation ends its sentence with (`"So
    what?"`), or "" when a comma hands it to a cue (`"...," he said`)."""
    last = text[quote.start:quote.end].rstrip()[-1:]
    if last in (".", "?", "!"):
        return last
    following = text[quote.end:quote.end + 1]
    return following if following in (".", "?", "!") else ""


def _goes_on_to_say(verb: Token) -> bool:
    """A cue that introduces a quotation after it: in a clause of its own (`agreed that "..."`)
    or opened after a comma or colon (`said, "..."`)."""
    if any(c.dep_ in ("ccomp", "xcomp") and c.i > verb.i and any(t.is_quote for t in c.subtree) for c in verb.children):
        return True
    rest = verb.doc[verb.i + 1:verb.i + 8]
    return any(t.text in (",", ":") and t.i + 1 < len(verb.doc) and verb.doc[t.i + 1].is_quote for t in rest)


def _quotation_as_object(verb: Token) -> str | None:
    """ `"...," expressed Dilip Tirkey` / `"...," he reiterated`: a verb that otherwise takes a cue
    noun ("expressed concern") reports the quotation closed by a comma before it when it has no
    object of its own."""
    lemma = verb.lemma_.lower()
    if verb.pos_ != "VERB" or lemma not in cues().support_verbs:
        return None
    after = [c for c in verb.children if c.i > verb.i]  # the quotation itself may hang on it as a clause
    return None if any(c.dep_ in ("dobj", "ccomp", "xcomp", "attr", "prt") for c in after) else lemma


def _headline_speaker(sdoc: Doc, quote: Quote, after: Span) -> tuple[list[Token], Token | None] | None:
    """`‘We will not step back’: Rahul Gandhi`: a headline's quotation, its speaker named after a colon."""
    if not text_of(sdoc)[quote.end:quote.end + 4].lstrip("”’\"'»“ ").startswith(":"):
        return None
    colon = next((t for t in after[:4] if t.text == ":"), None)
    if colon is None:
        return None
    name = next((t for t in sdoc[colon.i + 1:colon.i + 3] if t.ent_type_ == "PERSON"), None)
    if name is None:
        return None
    while name.i + 1 < len(sdoc) and sdoc[name.i + 1].ent_iob_ == "I":
        name = sdoc[name.i + 1]
    return [], name


def _cue_after_described_speaker(after: Span) -> tuple[list[Token], Token | None] | None:
    """`"...," Mi Lin, an activist working with the Mon minority, told CNN` (or `"...," as Mi Lin,
    ..., has said`): a speaker with a long description between the quotation and the cue; every
    word up to the cue is the subject's."""
    first = next((t for t in after[:4] if not (t.is_punct or t.is_space or t.lower_ == "as" and t.dep_ == "mark")), None)
    if first is None or "\n" in after.doc[after.start:first.i].text:
        return None
    subject = next((a for a in [first, *first.ancestors] if a.dep_ == "nsubj"), None)
    if subject is None:
        return _cue_after_unattached_speaker(after, first)
    if subject.left_edge.i != first.i or subject.head.i <= first.i:
        return None
    verb = subject.head
    if not _is_cue_verb(verb) or _hypothetical(verb) or verb.i - first.i > 40:
        return None
    inside = {t.i for t in subject.subtree}
    if not all(t.i in inside or t.is_punct or t.dep_ in ("aux", "advmod", "neg") for t in after.doc[first.i:verb.i]):
        return None
    return _cue_tokens(verb), subject


def _cue_after_unattached_speaker(after: Span, first: Token) -> tuple[list[Token], Token | None] | None:
    """`"...," Swaraj, who is a member of the committee on 'One Nation', said`: a name and its
    description after the quotation, then a comma and a cue the parser left without a subject
    (it hung the name on the quotation's last noun)."""
    if first.ent_type_ not in ("PERSON", "ORG") or first.pos_ != "PROPN":
        return None
    doc = after.doc
    verb = next((t for t in doc[first.i + 1:min(first.i + 41, after.end)] if _is_cue_verb(t)), None)
    if verb is None or doc[verb.i - 1].text != "," or _hypothetical(verb) or verb.sent != first.sent \
            or any(c.dep_ in SUBJECTS for c in verb.children):
        return None
    name = first
    while name.i + 1 < len(doc) and doc[name.i + 1].ent_iob_ == "I":
        name = doc[name.i + 1]
    return _cue_tokens(verb), name


def _cue_governing(sdoc: Doc, quote: Quote) -> tuple[list[Token], Token | None] | None:
    """`Ban urged all sides to "try to calm the tension"`, `Kallas described Putin as "only
    pretending to negotiate"`: the cue verb whose complement the quotation is (through clauses,
    objects and "as", never a noun's modifier: `predicting victory in its "sacred fight"` is a
    scare quote), when no cue stands beside it."""
    span = sdoc.char_span(quote.start, quote.end, alignment_mode="expand")
    if span is None or _words(span.text) < 2:
        return None
    heads = [t for t in span if not span.start <= t.head.i < span.end]
    # The parser may hang the second half of a coordination ('"unconscionable and a major step
    # backward"') on a noun outside the quotation: the first half still says what governs it.
    if not heads or any(t.dep_ not in ("conj", "cc", "punct", "prep") for t in heads[1:]):
        return None
    step = heads[0]
    while step.head is not step and (step.dep_ in ("xcomp", "ccomp", "dobj", "conj", "oprd")
                                     or step.dep_ in ("pobj", "pcomp") and step.head.lower_ in GOVERNING_PREPOSITIONS
                                     or step.dep_ == "prep" and step.lower_ in GOVERNING_PREPOSITIONS):
        step = step.head
        if _is_cue_verb(step) or step.pos_ == "VERB" and step.lemma_.lower() in cues().quote_verbs:
            # In a relative clause ("Andrews, who called the move "X"", "a law the UN calls "X"",
            # "a plan that officials said would "fail"") the quotation is still the cue's.
            if _hypothetical(step) or _passive(step) or _relative(step) and step.dep_ != "relcl":
                return None
            subject = _subject(step, (quote.start, quote.end))
            if subject is not None and subject.tag_ in ("WDT", "WP") and step.dep_ == "relcl":
                subject = _relative_speaker(step)
            return (_cue_tokens(step), subject) if subject is not None else None
    return None


def _inverted_subject(verb: Token) -> Token | None:
    """`"...," said Lukashenko` / `X, said Prime Minister Modi`: the speaker named after the cue
    (the parser may take a lone name there for an object or a clause)."""
    return next((c for c in verb.children if c.i > verb.i and (
        c.dep_ in ("nsubj", "dobj", "attr") or c.dep_ == "ccomp" and c.pos_ in ("PROPN", "NOUN")
        and not any(g.dep_ in SUBJECTS for g in c.children))), None)


def _cue_before(sdoc: Doc, quote: Quote) -> tuple[list[Token], Token | None] | None:
    """`Lukashenko said: "..."`, `X is sure that "..."`: a cue right before the opening mark."""
    before = sdoc.char_span(max(0, quote.start - 200), max(0, quote.start - 1), alignment_mode="contract")
    if before is None or len(before) == 0:
        return None
    tokens = list(before)[-4:]
    while tokens and (tokens[-1].is_punct or tokens[-1].lower_ == "that" or tokens[-1].is_space):
        tokens.pop()
    between = text_of(sdoc)[tokens[-1].idx + len(tokens[-1]):quote.start] if tokens else ""
    if not tokens or "\n" in between and between.strip(" \n\"“«„'‘") != ":":
        return None  # a cue ending the previous paragraph is not this quotation's, unless a colon hands it on
    last = tokens[-1]
    if _is_cue_verb(last) and not _hypothetical(last):
        return _cue_tokens(last), _subject(last, (quote.start, quote.end))
    if last.lemma_.lower() in cues().adjectives and last.dep_ == "acomp":
        return [last.head, last], _subject(last.head)
    if text_of(sdoc)[last.idx + len(last):quote.start].strip(" \"“«„") == ":":
        # "X described the night: '...'": a colon hands the quotation to the clause's subject.
        root = next((a for a in [last, *last.ancestors] if a.pos_ in ("VERB", "AUX") and a.idx < quote.start),
                    last.sent.root)
        subject = _subject(root, (quote.start, quote.end)) if root.pos_ in ("VERB", "AUX") else None
        if subject is not None and not _hypothetical(root):
            return _cue_tokens(root), subject
    return _cue_with_complements_before(last, quote) or _as_clause_before(last, quote)


def _cue_with_complements_before(last: Token, quote: Quote) -> tuple[list[Token], Token | None] | None:
    """`he told Fox News, "..."`, `Modi said on X, "..."`: a cue whose addressee or adjunct
    phrases end at a comma or colon before the opening mark, with no clause of its own between."""
    if last.doc.text[last.idx + len(last):quote.start].strip(" \"“«„'‘") not in (",", ":"):
        return None
    verb = next((a for a in last.ancestors if a.pos_ in ("VERB", "AUX")), None)
    if verb is None or not _is_cue_verb(verb) or _hypothetical(verb) or not 0 < last.i - verb.i <= 8:
        return None
    between = verb.doc[verb.i + 1:last.i + 1]
    if any(t.pos_ in ("VERB", "AUX") or t.dep_ in ("ccomp", "xcomp", "mark") for t in between):
        return None
    return _cue_tokens(verb), _subject(verb, (quote.start, quote.end))


def _as_clause_before(last: Token, quote: Quote) -> tuple[list[Token], Token | None] | None:
    """`As Vance observed about the talks, "..."`: an as-clause with a cue, ending at the comma
    before the opening mark, introduces the quotation."""
    doc = last.doc
    if last.i + 1 >= len(doc) or doc[last.i + 1].text != ",":
        return None
    for verb in doc[last.sent.start:last.i + 1]:
        if _is_cue_verb(verb) and verb.right_edge.i >= last.i - 1 and not _hypothetical(verb) and any(
                c.dep_ == "mark" and c.lower_ == "as" for c in verb.children):
            return _cue_tokens(verb), _subject(verb, (quote.start, quote.end))
    return None


def _records(sdoc: Doc, found: list[_Found], resolver: References, dates: list[DateMention]) -> list[Statement]:
    records = []
    dated_sources: dict[str | None, str] = {}
    story = _story_date(dates)
    for number, item in enumerate(found, start=1):
        content = sdoc.char_span(item.start, item.end, alignment_mode="expand")
        judged = estimate(content)
        via = _via(item, found, resolver)
        date = _date_of(item, sdoc, dates) or dated_sources.get(item.source) or story
        if item.source is not None and date:
            dated_sources.setdefault(item.source, date)
        records.append(Statement(
            id=f"s{number}", kind=item.kind, source=item.source, source_text=item.source_text,
            cue=" ".join(t.text for t in item.cue_tokens), content=text_of(sdoc)[item.start:item.end],
            start=item.start, end=item.end, via=via, date=date, confidence=judged.confidence,
            hedges=judged.hedges, polarity="negative" if item.negative_cue else judged.polarity))
    return records


def _via(item: _Found, found: list[_Found], resolver: References) -> list[str]:
    """The reporters of a statement, outermost first: statements whose content holds its cue,
    then sources named with "according to" on the cue."""
    if not item.cue_tokens:
        return []
    position = item.cue_tokens[-1].idx
    outer = sorted((o for o in found if o is not item and o.start <= position < o.end and o.source),
                   key=lambda o: o.end - o.start, reverse=True)
    via = [o.source for o in outer]
    for token in item.via_tokens:
        reporter, _ = resolver.resolve(token)
        if reporter and reporter != item.source and reporter not in via:
            via.append(reporter)
    return [v for v in via if v != item.source]


def _date_of(item: _Found, sdoc: Doc, dates: list[DateMention]) -> str | None:
    """A date said of the speech act itself: in the cue's clause, outside the content."""
    if not item.cue_tokens:
        return None
    cue = item.cue_tokens[-1]
    clause = list(cue.subtree)
    start, end = clause[0].idx, clause[-1].idx + len(clause[-1].text)
    for mention in dates:
        inside_clause = start <= mention.start and mention.end <= end
        inside_content = item.start <= mention.start < item.end
        if inside_clause and not inside_content and mention.value and len(mention.value) >= 7:
            return mention.value
    return None


def _story_date(dates: list[DateMention]) -> str | None:
    """The day the reported events took place, when the text names one: its first dated day."""
    return next((d.value for d in dates if d.value and len(d.value) == 10), None)
