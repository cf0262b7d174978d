"""Nominal references: descriptions that clearly point to a named thing of the document.

Found by the dependency parse, never by a list of phrases: a title before a name ("Russian
dictator Vladimir Putin"), an appositive ("the chair of the committee, Mark Warner"), an
organisation's people ("the institute's experts", "the analysts of ISW"), and later definite
descriptions that reuse a role learned in the document ("the dictator", "the Institute").
A description that could point to two things of the document is left alone.
"""
from functools import cache

from spacy.tokens import Doc, Span, Token

from sitrep.data import lexicon, load_json
from sitrep.nlp import actors, gazetteer
from sitrep.nlp.analyse import language_of, noun_chunks_of, text_of

DESCRIBED = ("PERSON", "ORG", "FAC", "EQUIPMENT")
APPOSED = ("GPE", "LOC")  # places take appositives too: "Barire, a nearby town"
DESCRIPTION_POS = ("DET", "ADJ", "NOUN", "PROPN", "NUM", "VERB")


@cache
def _words() -> tuple[frozenset[str], frozenset[str]]:
    data = load_json("nominals.json")
    return frozenset(data["titles"]), frozenset(data["members"])


@cache
def _office_adjectives() -> frozenset[str]:
    return frozenset(load_json("nominals.json")["office_adjectives"])


def office_words(role: Token) -> set[str]:
    """The words that make a role noun a particular office: "prime" minister, "defence"
    minister; neither a time ("the former minister") nor a place or a tone ("the Russian
    minister", "the top general") does, nor the first half of one word ("director-general"). A
    later description of a person is only one written earlier with these words too."""
    doc = role.doc
    return {c.lower_ for c in role.children if c.i < role.i and doc[c.i + 1].text != "-" and (
        c.dep_ == "compound" and c.pos_ == "NOUN" or c.dep_ == "amod" and c.lower_ in _office_adjectives())}


@cache
def _russian_titles() -> tuple[frozenset[str], dict[str, str]]:
    """Russian titles, and each country adjective's country (ISO code), as dictionary forms."""
    adjectives = load_json("ru_names.json")["adjectives"]
    by_adjective = {adjective: code for code, forms in adjectives.items() for adjective in forms}
    return frozenset(load_json("nominals.json")["ru_titles"]), by_adjective


@cache
def _collectives() -> frozenset[str]:
    return frozenset(load_json("nominals.json")["collectives"])


@cache
def _summary_nouns() -> frozenset[str]:
    """Nouns with which the narrator sums up what came before (", a move that ..."): never a description."""
    return frozenset(lexicon("attribution.json")["narrator_tails"]["summary_nouns"])


def titles() -> frozenset[str]:
    """Nouns of a person's office ("the president", "the Russian leader"): a description of a person."""
    return _words()[0]


def find_nominals(sdoc: Doc, clusters: list) -> None:
    """Add to each cluster the character spans of the descriptions that refer to it."""
    titles, members = _words()
    owner = {}  # token index -> cluster, for every name token
    for cluster in clusters:
        for name in cluster.names:
            for i in range(name.start, name.end):
                owner[i] = cluster
    roles: dict[int, set[str]] = {id(c): set() for c in clusters}
    # the words a thing is written with, in the text and in the actor dictionary ("Prime Minister Netanyahu")
    written: dict[int, set[str]] = {id(c): {t.lower_ for n in c.names for t in n} | c.styled for c in clusters}
    places: dict[int, set[str]] = {id(c): set() for c in clusters}
    found: list[tuple[object, int, int]] = []
    for cluster in clusters:
        home = gazetteer.country_name_iso3(getattr(cluster, "country", None))
        if home:
            places[id(cluster)].add(home)  # "the Belarusian leader": a dictionary role in Belarus
        if cluster.type == "GPE" and gazetteer.capital_of(cluster.name):
            roles[id(cluster)].add("capital")  # "the capital", "the Russian capital"
            places[id(cluster)].add(gazetteer.capital_of(cluster.name))
        for name in cluster.names:
            roles[id(cluster)].update(_category_nouns(name, cluster.type))
    chunks = noun_chunks_of(sdoc)
    for chunk in chunks:
        author = _author_of(chunk, owner)
        if author is not None:
            roles[id(author)].add(chunk.root.lemma_.lower())

    for cluster in clusters:
        if cluster.type not in DESCRIBED + APPOSED:
            continue
        for name in cluster.names:
            if len(name) > 1 and name.root.pos_ in ("NOUN", "PROPN") and cluster.type in DESCRIBED and cluster.type != "PERSON":
                roles[id(cluster)].add(name.root.lemma_.lower())
            before = _title_before(name, owner, titles, cluster.type) if cluster.type in DESCRIBED else None
            described = before or _appositive(name, owner)
            if described is not None:
                span, role_tokens = described
                found.append((cluster, span.start, span.end))
                roles[id(cluster)].update(t.lemma_.lower() for t in role_tokens)
                written[id(cluster)].update(t.lower_ for t in span)
                places[id(cluster)].update(_countries(span))

    organisations_by_role = _by_role(clusters, roles)
    for chunk in chunks:
        member_of = _members_of(chunk, owner, members, organisations_by_role)
        if member_of is not None:
            found.append((member_of, chunk.start, chunk.end))
            roles[id(member_of)].add(chunk.root.lemma_.lower())
    if language_of(sdoc) == "ru":
        found += _russian_offices(sdoc, clusters, places)
    for chunk in chunks + _possessors(sdoc):
        if not _definite_or_bare_plural(chunk) or not _not_set_against_others(chunk.root):
            continue
        role, office = _role_of(chunk.root)
        plural = chunk.root.morph.get("Number") == ["Plur"]
        owners = {id(owner[i]): owner[i] for i in range(chunk.start, chunk.end)
                  if i in owner and owner[i].type in DESCRIBED}
        if owners:
            # "the Institute" (a short name with its article), "the Wagner Group terrorist
            # organization" (a name inside a description of the same thing).
            named = next(iter(owners.values())) if len(owners) == 1 else None
            if named is not None and role in roles[id(named)]:
                found.append((named, chunk.start, chunk.end))
            continue
        if role in _collectives():
            continue  # "the media", "the public": a whole field, not one of its members
        wanted = _countries(chunk)
        candidates = [c for c in clusters if role in roles[id(c)] and (not wanted or wanted & places[id(c)])]
        if not candidates and wanted and role in titles:
            # "the Belarusian dictator": the one person whose title ties them to Belarus.
            candidates = [c for c in clusters if c.type == "PERSON" and wanted & places[id(c)]]
        if role in COUNTRY_NOUNS and plural:
            continue  # "the two countries"
        if role in COUNTRY_NOUNS:
            # "the government", "the Canadian government": a country's, never a ministry's or a
            # leader's (the country the description names, else the one just named).
            if not candidates:
                # "the country" is the one just named; "the Kyiv government" is no other country
                candidates = _countries_named(wanted, clusters)
                if not candidates and not wanted:
                    candidates = _country_just_named(chunk, clusters)
            if len({id(c) for c in candidates}) == 1:
                found.append((candidates[0], chunk.start, chunk.end))
            continue
        if not candidates and role in FACILITY_NOUNS and chunk[0].lower_ == "the":
            candidates = [c for c in clusters if c.type == "FAC"]  # "the facility": the one facility named
        bare = chunk[0].lower_ == "the" and not any(c.dep_ in ("relcl", "acl", "prep") for c in chunk.root.children)
        if not candidates and role in SMALL_PLACE_NOUNS and bare and not wanted:
            candidates = _small_places_before(chunk, clusters, roles)  # "the village": the one village named
        if not candidates and role in TERRITORY_NOUNS and bare:
            candidates = _places_just_named(chunk, clusters, lambda c: not gazetteer.is_country(c.name))
        if not candidates and chunk[0].lower_ == "the":
            candidates = _salient(_by_sector(chunk, clusters, wanted, places))
        office = office_words(chunk.root) | office  # "the prime minister" is none of the other ministers
        candidates = [c for c in candidates if c.type != "PERSON" or office <= written[id(c)]]
        if plural and candidates:
            # "the militants", "the troops" are a group, "the drones" a weapon's; "the stocks" no one thing
            people = _names_people(chunk, role, titles | members)
            candidates = [c for c in candidates if c.type in ("ORG", "NORP") and people or c.type == "EQUIPMENT"]
        if role in titles and not wanted and not plural:
            candidates = _just_named(chunk, candidates, clusters)
        if len({id(c) for c in candidates}) == 1:
            found.append((candidates[0], chunk.start, chunk.end))

    claimed: set[tuple[int, int]] = set()
    for cluster, start, end in found:
        span = sdoc[start:end]
        if (span.start_char, span.end_char) not in claimed:
            claimed.add((span.start_char, span.end_char))
            cluster.extra.append((span.start_char, span.end_char))


# Nouns that refer to a country of the text ("the country", "the government").
COUNTRY_NOUNS = frozenset({"country", "nation", "government", "regime", "state"})
# Nouns for what a body publishes; "the report" is its author's.
DOCUMENT_NOUNS = frozenset({"report", "statement", "release", "assessment", "study", "analysis", "communique",
                            "communiqué", "update", "investigation", "survey"})
# Nouns that make a name's category: "the Minsk tractor plant", "Shahed-136 drones".
SETTLEMENT_NOUNS = frozenset({"village", "town", "city", "settlement", "region", "province", "district", "oblast"})
TIME_NOUNS = frozenset({"time", "era", "period", "age", "year", "day", "week", "month", "century", "decade", "rule"})
SMALL_PLACE_NOUNS = frozenset({"village", "town", "settlement", "hamlet"})  # too small for the gazetteer to know
TERRITORY_NOUNS = frozenset({"territory", "enclave", "strip"})  # "the territory": the place just named
FACILITY_NOUNS = frozenset({"facility", "plant", "site", "factory", "complex", "compound", "installation", "zone"})
ARMED_GROUP_SECTORS = frozenset({"REB", "UAF", "INS", "IMG"})
PERSON_NOUN_ENDINGS = ("man", "men", "woman", "women", "person", "people", "er", "ist", "ent", "or")


def _category_nouns(name: Span, type_: str) -> set[str]:
    """What a name's own words say it is: the noun a name of a thing qualifies ("Shahed-136
    drones" -> drone) and the settlement noun a place is named with ("the village of Dhunkaal",
    "the Donetsk region")."""
    root = name.root
    found = set()
    if root.dep_ == "compound" and root.head.pos_ == "NOUN" and root.head.i >= name.end:
        # A person, a people or a place qualifying a noun is not one ("Messi fans", "US dollars",
        # "Hindu temple", "India visit"), nor is a name that dates it ("Ottoman times"); but a
        # place may be named by its kind ("the Donetsk region").
        noun = root.head.lemma_.lower()
        if (type_ not in ("PERSON", "GPE", "LOC", "NORP") or noun in SETTLEMENT_NOUNS) and noun not in TIME_NOUNS:
            found.add(noun)
    following = name.doc[name.end] if name.end < len(name.doc) else None
    if (type_ in ("EQUIPMENT", "FAC", "ORG") and following is not None and following.pos_ == "NOUN"
            and not following.ent_type_ and not name.doc[name.end - 1].whitespace_ == ""):
        found.add(following.lemma_.lower())  # a designation the parser left unattached
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lemma_.lower() in SETTLEMENT_NOUNS:
        found.add(root.head.head.lemma_.lower())
    return found


def _author_of(chunk: Span, owner: dict):
    """The body or person a document noun belongs to: "a report by X", "X's statement", "the
    X report", "in a press release, X said"."""
    root = chunk.root
    if root.lemma_.lower() not in DOCUMENT_NOUNS:
        return None
    for child in root.children:
        if child.dep_ in ("poss", "compound") and child.i in owner:
            return owner[child.i]
        if child.dep_ == "prep" and child.lower_ in ("by", "from", "of"):
            for obj in child.children:
                if obj.dep_ == "pobj" and obj.i in owner and owner[obj.i].type in ("ORG", "PERSON"):
                    return owner[obj.i]
    if root.dep_ == "pobj" and root.head.lower_ == "in" and root.head.head.pos_ == "VERB":
        for subject in root.head.head.children:
            if subject.dep_ == "nsubj" and subject.i in owner and owner[subject.i].type in ("ORG", "PERSON"):
                return owner[subject.i]
    return None


def _countries_named(names: set[str], clusters: list) -> list:
    """The document's countries of these names."""
    return [c for c in clusters if c.type == "GPE" and c.name in names and gazetteer.is_country(c.name)]


def _country_just_named(chunk: Span, clusters: list) -> list:
    """ "The country": the one country named in this sentence or the one before it."""
    return _places_just_named(chunk, clusters, lambda c: c.type == "GPE" and gazetteer.is_country(c.name))


def _not_set_against_others(noun: Token) -> bool:
    """Whether a description has no "other", "only", "same" or superlative before its noun ("the
    same time", "the most defining films"): such a phrase compares, it does not refer."""
    return not any(c.lower_ in ("other", "only", "another", "same", "most") or c.tag_ == "JJS"
                   for c in noun.subtree if c.i < noun.i)


def _places_just_named(chunk: Span, clusters: list, wanted) -> list:
    """The places of a kind (`wanted` says which) named in this sentence or the one before it
    ("the territory" after "the war on Gaza")."""
    sentence = chunk.sent
    start = sentence.start
    if start > 0:
        start = chunk.doc[start - 1].sent.start
    named = {id(c): c for c in clusters if c.type in ("GPE", "LOC") and wanted(c)
             for n in c.names if start <= n.start < chunk.start}
    return list(named.values())


def _small_places_before(chunk: Span, clusters: list, roles: dict[int, set[str]]) -> list:
    """ "The village", "the town": the places named in its paragraph or the one before that the
    gazetteer does not know (no country or city) and the text calls no region or province."""
    larger = SETTLEMENT_NOUNS - SMALL_PLACE_NOUNS
    text = text_of(chunk.doc)
    paragraph = text.rfind("\n", 0, chunk.start_char)
    since = text.rfind("\n", 0, len(text[:max(paragraph, 0)].rstrip("\n"))) if paragraph > 0 else 0
    return [c for c in clusters if c.type == "GPE" and not roles[id(c)] & larger
            and any(since <= n.start_char and n.end <= chunk.start for n in c.names)
            and not any(gazetteer.is_place(n.text) for n in c.names)]


def _possessors(sdoc: Doc) -> list[Span]:
    """Definite descriptions that own the phrase they open ("the nation's civil war", "the
    territory's militias"), which the noun phrases of the parse hold inside a larger one."""
    return [sdoc[t.left_edge.i:t.i + 1] for t in sdoc if t.dep_ == "poss" and t.pos_ == "NOUN"
            and any(c.dep_ == "det" and c.lower_ == "the" for c in t.children)]


def _just_named(chunk: Span, candidates: list, clusters: list) -> list:
    """Of several people a title could mean, the one named in its sentence or the one before,
    when nobody else is ("President Murmu said ... the President said", with another president
    named further back) and not only as a word of another thing ("Trump policy")."""
    unique = list({id(c): c for c in candidates}.values())
    if len(unique) < 2 or any(c.type != "PERSON" for c in unique) or any(
            c.dep_ == "prep" and c.lower_ == "of" for c in chunk.root.children):
        return candidates  # "the President of X": an office the phrase ties to something else
    sentence = chunk.sent
    start = chunk.doc[sentence.start - 1].sent.start if sentence.start > 0 else sentence.start
    named = {id(c): [n for n in c.names if start <= n.start and n.end <= chunk.start]
             for c in clusters if c.type == "PERSON"}
    near = [c for c in unique if named.get(id(c))]
    if len(near) != 1 or sum(1 for names in named.values() if names) != 1:
        return candidates
    return near if any(n.root.dep_ not in ("compound", "poss") for n in named[id(near[0])]) else candidates


def _salient(candidates: list) -> list:
    """Of several things a description could mean, the one the text is about: named at least
    twice as often as any other; else all of them (and the description stays unresolved)."""
    unique = list({id(c): c for c in candidates}.values())
    if len(unique) < 2:
        return unique
    ranked = sorted(unique, key=lambda c: len(c.names), reverse=True)
    return ranked[:1] if len(ranked[0].names) >= 2 * len(ranked[1].names) else unique


def _by_sector(chunk: Span, clusters: list, wanted: set[str], places: dict) -> list:
    """ "the militants", "the rebel group", "the junta": the one body (or, for a singular noun of
    a person, the one person) of the actor sector the noun names, in the country it names."""
    words = [t for t in chunk if t.pos_ in ("NOUN", "ADJ", "PROPN") and not gazetteer.demonym_country(t.text)]
    if not words or words[-1] != chunk.root:
        return []
    sector = None
    for i in range(len(words)):
        phrase = " ".join(t.text.lower() for t in words[i:])
        sector = actors.agent_sector(phrase) or actors.agent_sector(" ".join(t.lemma_.lower() for t in words[i:]))
        if sector:
            break
    if sector is None and len(words) > 1:
        sector = actors.agent_sector(words[-2].lemma_.lower())  # "the militant group"
    if sector is None:
        return []
    family = ARMED_GROUP_SECTORS if sector in ARMED_GROUP_SECTORS else {sector}
    person = chunk.root.tag_ == "NN" and chunk.root.lower_.endswith(PERSON_NOUN_ENDINGS)
    wanted_type = "PERSON" if person else "ORG"
    return [c for c in clusters if c.type == wanted_type and getattr(c, "sector", None) in family
            and (not wanted or wanted & places[id(c)])]


def _title_before(name: Span, owner: dict, titles: frozenset[str], type_: str) -> tuple[Span, list[Token]] | None:
    """ "Russian President Vladimir Putin", "the self-proclaimed President of Belarus Alexander
    Lukashenko", "the Russian news outlet Protokol": a description and the name together."""
    root = name.root
    left = root.left_edge.i
    heads = []
    # "President of Belarus Alexander Lukashenko"; but "the commander of the Front" is not the Front.
    if type_ == "PERSON" and root.dep_ == "pobj" and root.head.dep_ == "prep" and root.head.lower_ == "of":
        head = root.head.head
        if head.lemma_.lower() in titles and head.i < name.start:
            left = head.left_edge.i
            heads.append(head)
    while left < name.start and name.doc[left].pos_ not in DESCRIPTION_POS:
        left += 1  # a parse that hangs "that" or a comma on the description
    if left >= name.start:
        return None
    prefix = name.doc[left:name.start]
    describing = [t for t in prefix if t.pos_ in ("NOUN", "PROPN") and t.i not in owner and not gazetteer.is_place(t.text)]
    # Nationalities and places may qualify a title ("Russian President", "President of Belarus");
    # another person or organisation in front of the name means it is not a title.
    # An organisation before the title is the person's employer ("NATO Secretary General X").
    last_title = max((t.i for t in describing), default=-1)
    if not describing or any(owner[t.i].type in DESCRIBED and (owner[t.i].type != "ORG" or t.i > last_title)
                             for t in prefix if t.i in owner):
        return None
    heads += [t for t in describing if name.start <= t.head.i < name.end]
    return name.doc[left:name.end], heads


def _appositive(name: Span, owner: dict) -> tuple[Span, list[Token]] | None:
    """ "the chair of the Senate Intelligence Committee, Mark Warner," -> the description;
    "the Belarusian news agency BelTA" (no comma: one phrase) -> the description and the name."""
    root = name.root
    if root.dep_ == "appos" and root.head.i < name.start and root.head.pos_ == "NOUN" and root.head.i not in owner:
        head = root.head
        end = name.root.left_edge.i
        if end == head.i + 1:
            return name.doc[head.left_edge.i:name.end], [head]
        while end > head.i and not name.doc[end - 1].is_alpha:
            end -= 1
        return name.doc[head.left_edge.i:end], [head]
    for child in root.children:
        if child.dep_ == "appos" and child.i > name.end and child.pos_ == "NOUN" and child.i not in owner:
            return _appositive_phrase(name, child)
    return None


def _appositive_phrase(name: Span, head: Token) -> tuple[Span, list[Token]] | None:
    """The appositive after a name, up to the comma that closes it ("co-founder and analyst of
    the project") or the clause that qualifies it, with its head nouns; None when a verb shows it
    is a clause, not a description."""
    doc = name.doc
    end = head.right_edge.i + 1
    stop = next((t.i for t in doc[name.end:head.sent.end] if t.text in (",", ";", ")", "(") and t.i > name.end), None)
    if stop is not None and stop > head.i:
        end = stop
    clause = next((t.left_edge.i for t in head.subtree if t.dep_ in ("relcl", "acl") and t.i > head.i), None)
    if clause is not None:
        end = min(end, clause)  # "a coalition of militias that controls the north": the description
    while end > head.i + 1 and (doc[end - 1].text in (",", ";", ":", "-", "–", "—") or doc[end - 1].is_space):
        end -= 1
    phrase = doc[head.left_edge.i:end]
    if phrase[0].i <= name.end - 1 or len(phrase.text) < 4 or clause is not None and head.lemma_.lower() in \
            _summary_nouns() or any(t.pos_ in ("VERB", "AUX") and not (t.dep_ == "amod" and doc[t.i - 1].text == "-")
                                    for t in phrase):
        return None  # a clause, not a description ("Kurdish-led" is one); or the narrator's "a move that"
    heads = [t for t in phrase if t.pos_ == "NOUN" and t.dep_ in ("appos", "conj")]
    return phrase, heads or [head]


def _countries(span: Span) -> set[str]:
    """Countries named in a description, by demonym or name ("Belarusian", "of Belarus")."""
    found = set()
    for token in span:
        code = gazetteer.demonym_country(token.text)
        # a place is named with a capital: "federal" or "central" is no place called Federal
        place = gazetteer.country_name(code) if code else token.is_title and gazetteer.place_name(token.text)
        if place:
            found.add(place)
    return found


def _by_role(clusters: list, roles: dict[int, set[str]]) -> dict[str, object]:
    """Organisations by the roles that name exactly one of them ("institute" -> the institute)."""
    holders: dict[str, list] = {}
    for cluster in clusters:
        if cluster.type == "ORG":
            for role in roles[id(cluster)]:
                holders.setdefault(role, []).append(cluster)
    return {role: found[0] for role, found in holders.items() if len(found) == 1}


def _members_of(chunk: Span, owner: dict, members: frozenset[str], by_role: dict[str, object]) -> object | None:
    """ "the Institute's experts", "the analysts of ISW": the organisation whose people speak."""
    root = chunk.root
    if root.lemma_.lower() not in members:
        return None
    for child in root.children:
        if child.dep_ in ("poss", "compound") and child.i in owner and owner[child.i].type == "ORG":
            return owner[child.i]  # "the institute's experts", "the UN experts"
        if child.dep_ == "poss" and child.i in owner:
            return owner[child.i]
        if child.dep_ == "poss" and child.lemma_.lower() in by_role:
            return by_role[child.lemma_.lower()]
    for prep in root.children:
        if prep.dep_ == "prep" and prep.lower_ in ("of", "at", "from", "with"):
            for obj in prep.children:
                if obj.dep_ == "pobj" and obj.i in owner and owner[obj.i].type == "ORG":
                    return owner[obj.i]
    return None


def _names_people(chunk: Span, role: str, person_nouns: frozenset[str]) -> bool:
    """Whether a description's noun is one for people: a title or a member, a person's ending, or
    an actor noun of the dictionaries ("the armed forces", "the militants")."""
    return role in person_nouns or role.endswith(PERSON_NOUN_ENDINGS) or any(
        actors.agent_sector(" ".join(t.lemma_.lower() for t in chunk[i:])) for i in range(len(chunk)))


def _role_of(noun: Token) -> tuple[str, set[str]]:
    """The role a description's noun names and the words of its office that an abbreviation
    holds ("the PM": a minister, the prime one)."""
    role = noun.lemma_.lower()
    written = load_json("nominals.json")["abbreviations"].get(role)
    if written is None:
        return role, set()
    *office, role = written.split()
    return role, set(office)


def _russian_offices(sdoc: Doc, clusters: list, places: dict[int, set[str]]) -> list[tuple[object, int, int]]:
    """"белорусский президент", "президент Беларуси": a Russian title written with the country it
    is of, as an adjective before it or a name in the genitive after it, is the one person of the
    text tied to that country (Russian has no article to mark a description as definite, so a
    title alone is left alone)."""
    titles, adjectives = _russian_titles()
    found = []
    for token in sdoc:
        if token.pos_ != "NOUN" or token.lemma_ not in titles:
            continue
        start, end, wanted = token.i, token.i + 1, set()
        before = sdoc[start - 1] if start > 0 else None
        if before is not None and before.pos_ == "ADJ" and before.lemma_ in adjectives:
            start -= 1
            wanted.add(gazetteer.country_name(adjectives[before.lemma_]))
        after = sdoc[end] if end < len(sdoc) else None
        if after is not None and after.pos_ == "PROPN" and after.morph.get("Case") == ["Gen"]:
            place = gazetteer.place_name(after.lemma_)
            if place and gazetteer.is_country(place):
                end += 1
                wanted.add(place)
        people = {id(c): c for c in clusters if c.type == "PERSON" and wanted and wanted & places[id(c)]}
        if len(people) == 1:
            found.append((next(iter(people.values())), start, end))
    return found


def _definite_or_bare_plural(chunk: Span) -> bool:
    first: Token = chunk[0]
    if first.lower_ == "the":
        return len(chunk) >= 2
    return len(chunk) == 1 and chunk.root.tag_ == "NNS"
