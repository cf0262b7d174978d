"""Entities: the things a document mentions, each resolved to one real-world thing.

Recognition is the spaCy model plus sitrep's rules (`model.py`); here the recognised spans
are cleaned, linked to known things (`gazetteer.py`) and grouped, so that "Alexander
Lukashenko", "Lukashenko" and "the Belarusian dictator" are one entity with one stable id.
"""
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from sitrep.nlp import actors, gazetteer, transliteration
from sitrep.nlp.analyse import text_of
from sitrep.nlp.gazetteer import Known, key, slug
from sitrep.nlp.nominals import find_nominals
from sitrep.schema import Entity, Mention
from sitrep.vocabularies import ENTITY_TYPES



@dataclass
class Cluster:
    """Mentions found to be one thing, while a document is being resolved."""

    type: str
    names: list[Span] = field(default_factory=list)
    known: Known | None = None
    extra: list[tuple[int, int]] = field(default_factory=list)
    country: str | None = None  # ISO alpha-3
    sector: str | None = None
    roles: list[dict] = field(default_factory=list)
    styled: set[str] = field(default_factory=set)  # words of its names in the actor dictionary ("prime", "minister")

    @property
    def name(self) -> str:
        if self.known:
            return self.known.name
        return _canonical([surface(n) for n in self.names], self.type)

    @property
    def id(self) -> str:
        return self.known.id if self.known else f"{self.type.lower()}:{slug(self.name)}"


def entities(sdoc: Doc, published: str | None = None) -> list[Entity]:
    """Every distinct thing `sdoc` mentions, with all its mentions, in order of first mention;
    people and bodies with the country, sector and roles (at `published`) the dictionaries give."""
    clusters: list[Cluster] = []
    by_id: dict[str, Cluster] = {}
    by_surface: dict[str, Cluster] = {}  # a name's key -> the first thing named so: no rescans of every name
    defined: dict[str, Cluster] = {}  # acronyms the text defines: "Long Name (LN)"
    previous: tuple[Span, Cluster] | None = None
    for span in _names(sdoc):
        if span.text in defined:
            cluster = defined[span.text]
        elif previous is not None and _defines_acronym(previous[0], span):
            cluster = defined[span.text] = previous[1]
        else:
            known = gazetteer.by_id(span.ent_id_) if span.ent_id_ else gazetteer.lookup(surface(span), span.label_)
            cluster = _attach(span, span.label_, known, clusters, by_id, by_surface)
        cluster.names.append(span)
        by_surface.setdefault(key(surface(span)), cluster)
        previous = (span, cluster)
    _unmarked_surnames(sdoc, clusters)
    clusters = _join_short_forms(clusters)
    for cluster in clusters:
        profile(cluster, published)
    find_nominals(sdoc, clusters)
    return [_entity(c) for c in _merge_same_id(clusters)]


def add_descriptions(entities: list[Entity], descriptions: list[tuple[str, int, int]], text: str) -> None:
    """Add to each entity, as mentions, the descriptions found to refer to it elsewhere (a
    source's "the journalists", "the report"): each once, and only where it overlaps no mention
    but the entity's own names inside it."""
    by_id = {entity.id: entity for entity in entities}
    for entity_id, start, end in descriptions:
        entity = by_id.get(entity_id)
        if entity is None or start >= end:
            continue
        overlapping = [(e, m) for e in entities for m in e.mentions if m.start < end and start < m.end]
        if any(e is not entity or not (start <= m.start and m.end <= end) or (m.start, m.end) == (start, end)
               for e, m in overlapping):
            continue
        entity.mentions.append(Mention(start, end, text[start:end]))
        entity.mentions.sort(key=lambda m: (m.start, m.end))


def _of_a_place(short: str, name: str) -> bool:
    """Whether a name is a short one followed by "of" and a place ("Supreme Court of India")."""
    head, of, place = name.rpartition(" of ")
    bare = short.removeprefix("the ").removeprefix("The ")
    return bool(of) and len(bare.split()) >= 2 and head.removeprefix("the ").removeprefix("The ") == bare \
        and gazetteer.is_place(place.removeprefix("the "))


def surface(span: Span) -> str:
    """A name as looked up and compared: as written, or in its normal form where the language
    inflects names and the parse gave one ("Пригожиным" -> "Пригожин")."""
    return span.doc.user_data.get("normal_forms", {}).get((span.start_char, span.end_char), span.text)


def _join_short_forms(clusters: list[Cluster]) -> list[Cluster]:
    """ "Ministry of Foreign Affairs of Moldova" is a short form of "Ministry of Foreign Affairs
    and European Integration of the Republic of Moldova": a body's name whose words (three or
    more) all appear in exactly one longer name of the same head joins it; so does a name that
    another is of a place ("the Supreme Court" after "the Supreme Court of India")."""
    def words(cluster: Cluster) -> frozenset[str]:
        return frozenset(w for w in cluster.name.split() if w[0].isupper() and w != "The")

    bodies = [c for c in clusters if c.type == "ORG" and c.known is None]
    joined: set[int] = set()
    for short in bodies:
        own = words(short)
        longer = [c for c in bodies if c is not short and id(c) not in joined and (
            len(own) >= 3 and own < words(c) and c.name.split()[0] == short.name.split()[0]
            or _of_a_place(short.name, c.name))]
        if len(longer) == 1:
            longer[0].names += short.names
            joined.add(id(short))
    return [c for c in clusters if id(c) not in joined]


def _defines_acronym(name: Span, acronym: Span) -> bool:
    """ "the Institute for Science and International Security (ISIS)": an all-capitals name in
    brackets right after a longer name is that name's short form in this text, whatever else
    the letters may stand for elsewhere."""
    doc = name.doc
    return (acronym.start == name.end + 1 and doc[name.end].text == "(" and acronym.end < len(doc)
            and doc[acronym.end].text == ")" and len(acronym) == 1 and acronym.text.isupper()
            and len(name) > 1 and acronym.text[0] == name.text.removeprefix("the ").removeprefix("The ")[0])


def _unmarked_surnames(sdoc: Doc, clusters: list[Cluster]) -> None:
    """Later mentions by surname alone ("Sandu said") that the model did not mark as names,
    of a person the document named in full, when no one else in it bears that surname."""
    owners: dict[str, list[Cluster]] = {}
    for cluster in clusters:
        if cluster.type == "PERSON" and len(cluster.name.split()) > 1:
            owners.setdefault(cluster.name.split()[-1], []).append(cluster)
    if not owners:
        return
    covered = {i for c in clusters for n in c.names for i in range(n.start, n.end)}
    for token in sdoc:
        people = owners.get(token.text)
        if people and len(people) == 1 and token.i not in covered and token.pos_ == "PROPN":
            first = min(n.start for n in people[0].names)
            if token.i > first:
                people[0].names.append(Span(sdoc, token.i, token.i + 1, label="PERSON"))


PARTICLES = {"von", "van", "der", "den", "de", "du", "da", "di", "la", "le", "bin", "ibn", "al", "el", "ben", "dos", "del"}


def _names(sdoc: Doc) -> list[Span]:
    """The recognised names, trimmed of articles, possessives and leading place names."""
    spans = []
    ents = list(sdoc.ents)
    skip_until = -1
    for k, ent in enumerate(ents):
        if ent.start < skip_until or ent.label_ not in ENTITY_TYPES:
            continue
        if ent.label_ == "PERSON":
            ent = _with_particles(ent)
            skip_until = ent.end
        span = _trim(ent)
        if span is None:
            continue
        if (span.label_ != "NORP" and not span.ent_id_ and gazetteer.demonym_country(span.text)
                and not gazetteer.is_place(span.text)):
            span = Span(sdoc, span.start, span.end, label="NORP")
        spans.append(span)
    return spans


def _with_particles(ent: Span) -> Span:
    """"Ursula von" + "der Leyen" -> "Ursula von der Leyen": a name the model cut at its particles."""
    doc, end = ent.doc, ent.end
    while end < len(doc) and doc[end].lower_ in PARTICLES and doc[end].text.islower():
        end += 1
    while ent.end < end < len(doc) and doc[end].is_title and doc[end].pos_ == "PROPN":
        end += 1
    if end == ent.end or not doc[end - 1].is_title:
        return ent
    return Span(doc, ent.start, end, label="PERSON")


def _trim(ent: Span) -> Span | None:
    start, end = ent.start, ent.end
    doc = ent.doc
    breaks = [t.i for t in ent if "\n" in t.text]
    if breaks:  # no name runs across a line break: keep the longer side
        before, after = (start, breaks[0]), (breaks[-1] + 1, end)
        start, end = max(before, after, key=lambda part: part[1] - part[0])
    while start < end and doc[start].lower_ in ("the", "a", "an"):
        start += 1
    while end > start and doc[end - 1].text in ("'s", "’s", "'", "’"):
        end -= 1
    # "Belarus Alexander Lukashenko": a parse that glued a country to the name it precedes.
    if ent.label_ == "PERSON":
        while end - start > 2 and gazetteer.is_country(doc[start].text):
            start += 1
    if start >= end or not any(c.isalpha() for c in doc[start:end].text):
        return None
    return Span(doc, start, end, label=ent.label_, span_id=ent.ent_id_) if (start, end) != (ent.start, ent.end) else ent


def _attach(span: Span, label: str, known: Known | None, clusters: list[Cluster], by_id: dict[str, Cluster],
            by_surface: dict[str, Cluster]) -> Cluster:
    """The cluster a new name belongs to: the same known thing, the same name, or a short
    form (a surname, an acronym, a word of a longer name) of a thing already mentioned."""
    if known is not None:
        if known.id not in by_id:
            by_id[known.id] = Cluster(known.type, known=known)
            clusters.append(by_id[known.id])
        return by_id[known.id]
    if key(surface(span)) in by_surface:
        return by_surface[key(surface(span))]
    short = _short_form_of(span, clusters)
    if short is not None:
        return short
    cluster = Cluster(label)
    clusters.append(cluster)
    return cluster


def _short_form_of(span: Span, clusters: list[Cluster]) -> Cluster | None:
    """A one-word name that is a surname or given name of a person, or a word or the acronym
    of an organisation, mentioned before (the nearest such thing wins)."""
    if len(span) != 1:
        return None
    word = surface(span)
    for cluster in reversed(clusters):
        if cluster.type not in ("PERSON", "ORG", "FAC"):
            continue
        for name in [cluster.name, *(surface(n) for n in cluster.names)]:
            words = name.split()
            if len(words) < 2:
                continue
            if cluster.type == "PERSON" and word in (words[0], words[-1]):
                return cluster
            if cluster.type != "PERSON" and (word == _acronym(words) or (word in words and word[0].isupper() and len(word) > 3)):
                return cluster
    return None


def _acronym(words: list[str]) -> str:
    return "".join(w[0] for w in words if w[0].isupper())


def _canonical(texts: list[str], type_: str) -> str:
    """The fullest name used: the longest non-acronym, else the first; a person named in
    Cyrillic by the spelling of the field's actor dictionary, else of the English-language press
    ("Юнус-Бек Евкуров" -> "Yunus-Bek Yevkurov"), as an English text would name them."""
    spelled = [t for t in texts if not t.isupper()] or texts
    best = max(spelled, key=lambda t: (len(t.split()), len(t)))
    if type_ == "EQUIPMENT" and best.endswith("s") and best[-2].isdigit():
        best = best[:-1]
    if type_ == "PERSON" and transliteration.is_cyrillic(best):
        actor = next(filter(None, (actors.actor(s) for s in transliteration.spellings(best))), None)
        return actor.name if actor is not None and actor.kind == "person" else transliteration.latin(best)
    return best


def _merge_same_id(clusters: list[Cluster]) -> list[Cluster]:
    merged: dict[str, Cluster] = {}
    for cluster in clusters:
        if cluster.id in merged:
            merged[cluster.id].names += cluster.names
            merged[cluster.id].extra += cluster.extra
        else:
            merged[cluster.id] = cluster
    return list(merged.values())


def _entity(cluster: Cluster) -> Entity:
    text = text_of(cluster.names[0].doc)
    spans = _without_overlaps({(n.start_char, n.end_char) for n in cluster.names}, set(cluster.extra), text)
    mentions = [Mention(start, end, text[start:end]) for start, end in spans]
    wikidata = cluster.known.wikidata if cluster.known else None
    return Entity(id=cluster.id, name=cluster.name, type=cluster.type, wikidata=wikidata, mentions=mentions,
                  country=cluster.country, sector=cluster.sector, roles=cluster.roles)


def _without_overlaps(names: set[tuple[int, int]], nominals: set[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    """One thing's mentions with no two overlapping, except a description around its name
    ("Belarusian leader Alexander Lukashenko"): a name inside a longer name is the longer one;
    a description crossing or inside another mention is dropped, and one that only adds an
    article to a name ("the Institute") replaces it."""
    def longest_first(spans):
        return sorted(spans, key=lambda span: (span[0] - span[1], span[0]))

    def crosses(span, other):
        return span[0] < other[1] and other[0] < span[1]

    kept_names: list[tuple[int, int]] = []
    for span in longest_first(names):
        if not any(crosses(span, other) for other in kept_names):
            kept_names.append(span)
    kept: list[tuple[int, int]] = list(kept_names)
    for span in longest_first(nominals - names):
        inner = [n for n in kept_names if span[0] <= n[0] and n[1] <= span[1]]
        outside = text[span[0]:inner[0][0]] + text[inner[0][1]:span[1]] if len(inner) == 1 else None
        if outside is not None and outside.strip().lower() in ("", "the", "a", "an"):
            kept.remove(inner[0])  # "the Institute" as written stands for "Institute"
            kept_names.remove(inner[0])
            kept.append(span)
            continue
        if any(crosses(span, other) and other not in inner for other in kept):
            continue
        kept.append(span)
    return sorted(kept)


def profile(cluster: Cluster, published: str | None) -> None:
    """Country, sector and dated roles of a cluster: from the actor dictionaries for people and
    bodies they know, from the place for places, else from the words of its name."""
    kind, _, code = (cluster.known.id if cluster.known else "").partition(":")
    if kind in gazetteer.NATIONAL_BODIES:
        cluster.country, cluster.sector = gazetteer.iso3(code), NATIONAL_SECTORS[kind]
        return
    if cluster.type in ("GPE", "LOC", "FAC") and cluster.known is not None:
        cluster.country = gazetteer.iso3(gazetteer.country_code(cluster.known.id))
        return
    if cluster.type == "NORP":
        cluster.country = next(filter(None, (gazetteer.iso3(gazetteer.demonym_country(n.text)) for n in cluster.names)), None)
        return
    if cluster.type not in ("PERSON", "ORG"):
        return
    names = [cluster.known.name, *cluster.known.aliases] if cluster.known else []
    names += [n.text for n in cluster.names]
    on = published[:10] if published else None
    actor = next(filter(None, (actors.actor(name, on=on) for name in names if len(name) > 2)), None)
    kind_wanted = "person" if cluster.type == "PERSON" else "organisation"
    if actor is not None and actor.kind == kind_wanted:
        role = actor.role_on(on) if on else None
        cluster.country = (role.country if role else None) or actor.country
        cluster.sector = (role.sector if role else None) or actor.sector
        cluster.roles = [r.as_record() for r in actor.roles if r.since or r.until]
        cluster.styled = {word.lower() for name in actor.names for word in name.split()}
        return
    if cluster.type == "ORG":
        words = cluster.name.split()
        cluster.sector = next(filter(None, (actors.agent_sector(" ".join(words[i:])) for i in range(len(words)))), None)
        cluster.sector = cluster.sector or actors.agent_sector(words[0])
        countries = (gazetteer.demonym_country(w) or _country_code(w) for w in _name_words(cluster.name))
        cluster.country = gazetteer.iso3(next(filter(None, countries), None))


NATIONAL_SECTORS = {"armed-forces": "MIL", "police": "COP"}


def _name_words(name: str) -> list[str]:
    words = name.replace("’s", "").replace("'s", "").split()
    return words + [" ".join(words[i:i + 2]) for i in range(len(words) - 1)]


def _country_code(word: str) -> str | None:
    place = gazetteer.lookup(word, "GPE") if gazetteer.is_country(word) else None
    return gazetteer.country_code(place.id) if place else None
