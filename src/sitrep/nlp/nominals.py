"""Nominal references: descriptions that clearly point to a named thing of the document.

Found by the dependency parse, never by a list of phrases: a title before a name ("Russian
dictator Vladimir Putin"), an appositive ("the chair of the committee, Mark Warner"), an
organisation's people ("the institute's experts", "the analysts of ISW"), and later definite
descriptions that reuse a role learned in the document ("the dictator", "the Institute").
A description that could point to two things of the document is left alone.
"""
import json
from functools import cache
from importlib import resources

from spacy.tokens import Doc, Span, Token

from sitrep.nlp import gazetteer

DESCRIBED = ("PERSON", "ORG", "FAC", "EQUIPMENT")
DESCRIPTION_POS = ("DET", "ADJ", "NOUN", "PROPN", "NUM", "VERB")


@cache
def _words() -> tuple[frozenset[str], frozenset[str]]:
    data = json.loads(resources.files("sitrep.data").joinpath("nominals.json").read_text("utf-8"))
    return frozenset(data["titles"]), frozenset(data["members"])


def find_nominals(sdoc: Doc, clusters: list) -> None:
    """Add to each cluster the character spans of the descriptions that refer to it."""
    titles, members = _words()
    owner = {}  # token index -> cluster, for every name token
    for cluster in clusters:
        for name in cluster.names:
            for i in range(name.start, name.end):
                owner[i] = cluster
    roles: dict[int, set[str]] = {id(c): set() for c in clusters}
    places: dict[int, set[str]] = {id(c): set() for c in clusters}
    found: list[tuple[object, int, int]] = []

    for cluster in clusters:
        if cluster.type not in DESCRIBED:
            continue
        for name in cluster.names:
            if len(name) > 1 and name.root.pos_ in ("NOUN", "PROPN") and cluster.type != "PERSON":
                roles[id(cluster)].add(name.root.lemma_.lower())
            described = _title_before(name, owner, titles) or _appositive(name, owner)
            if described is not None:
                span, role_tokens = described
                found.append((cluster, span.start, span.end))
                roles[id(cluster)].update(t.lemma_.lower() for t in role_tokens)
                places[id(cluster)].update(_countries(span))

    organisations_by_role = _by_role(clusters, roles)
    for chunk in sdoc.noun_chunks:
        member_of = _members_of(chunk, owner, members, organisations_by_role)
        if member_of is not None:
            found.append((member_of, chunk.start, chunk.end))
            roles[id(member_of)].add(chunk.root.lemma_.lower())
    for chunk in sdoc.noun_chunks:
        if not _definite_or_bare_plural(chunk):
            continue
        role = chunk.root.lemma_.lower()
        owners = {id(owner[i]): owner[i] for i in range(chunk.start, chunk.end)
                  if i in owner and owner[i].type in DESCRIBED}
        if owners:
            # "the Institute" (a short name with its article), "the Wagner Group terrorist
            # organization" (a name inside a description of the same thing).
            named = next(iter(owners.values())) if len(owners) == 1 else None
            if named is not None and role in roles[id(named)]:
                found.append((named, chunk.start, chunk.end))
            continue
        wanted = _countries(chunk)
        candidates = [c for c in clusters if role in roles[id(c)] and (not wanted or wanted & places[id(c)])]
        if not candidates and wanted and role in titles:
            # "the Belarusian dictator": the one person whose title ties them to Belarus.
            candidates = [c for c in clusters if c.type == "PERSON" and wanted & places[id(c)]]
        if len({id(c) for c in candidates}) == 1:
            found.append((candidates[0], chunk.start, chunk.end))

    claimed: set[tuple[int, int]] = set()
    for cluster, start, end in found:
        span = sdoc[start:end]
        if (span.start_char, span.end_char) not in claimed:
            claimed.add((span.start_char, span.end_char))
            cluster.extra.append((span.start_char, span.end_char))


def _title_before(name: Span, owner: dict, titles: frozenset[str]) -> tuple[Span, list[Token]] | None:
    """ "Russian President Vladimir Putin", "the self-proclaimed President of Belarus Alexander
    Lukashenko", "the Russian news outlet Protokol": a description and the name together."""
    root = name.root
    left = root.left_edge.i
    heads = []
    if root.dep_ == "pobj" and root.head.dep_ == "prep" and root.head.lower_ == "of":
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
    if not describing or any(owner[t.i].type in DESCRIBED for t in prefix if t.i in owner):
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
            return name.doc[child.left_edge.i:child.right_edge.i + 1], [child]
    return None


def _countries(span: Span) -> set[str]:
    """Countries named in a description, by demonym or name ("Belarusian", "of Belarus")."""
    found = set()
    for token in span:
        code = gazetteer.demonym_country(token.text)
        place = gazetteer.country_name(code) if code else gazetteer.place_name(token.text)
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


def _definite_or_bare_plural(chunk: Span) -> bool:
    first: Token = chunk[0]
    if first.lower_ == "the":
        return len(chunk) >= 2
    return len(chunk) == 1 and chunk.root.tag_ == "NNS"
