"""FollowTheMoney entities (JSON Lines), loadable by Aleph/OpenAleph and OpenSanctions' tools.

People become `Person`, organisations `Organization` (`Company` when the name says so:
"Minsk Automobile Plant", "Tactical Missiles Corporation"), places `Address` with their country;
each document is an `Article`, each entity named in it a `Mention` linking the article to the
resolved entity, and each event an `Event` with its parties in `involved`: a country that acts
is the state (`PublicBody`), never a bare address. Aliases are only the other names a thing
went by ("ISW", "Lukashenka"), never descriptions ("the analysts", "the Belarusian leader").
Nationalities and materiel have no FollowTheMoney schema and stay out. Ids are derived from
sitrep's ids, so a re-export gives the same ids.
"""
import json
import re
from pathlib import Path

from followthemoney import model
from followthemoney.proxy import EntityProxy

from sitrep.aliases import is_name
from sitrep.nlp.gazetteer import country_code, is_country
from sitrep.store import Store

SCHEMATA = {"PERSON": "Person", "ORG": "Organization", "GPE": "Address", "LOC": "Address", "FAC": "Address"}


def _make(schema: str, *key: str, **properties) -> EntityProxy:
    proxy = model.make_entity(schema)
    proxy.make_id("sitrep", *key)
    for prop, values in properties.items():
        for value in values if isinstance(values, list) else [values]:
            if value not in (None, ""):
                proxy.add(prop, value)
    return proxy


COMPANY_WORDS = re.compile(r"\b(?:Plant|Works|Factory|Company|Corporation|Corp|Concern|Holding|Industries|Inc|Ltd|LLC|"
                           r"JSC|PJSC|GmbH|AG|SA|plc)\b\.?")


def _country(entity: dict) -> str | None:
    """The ISO code of the country a thing belongs to, from the record or the places sitrep knows."""
    return entity.get("country") or country_code(entity["id"])


def _entity(entity: dict) -> EntityProxy | None:
    schema = SCHEMATA.get(entity["type"])
    if schema == "Organization" and COMPANY_WORDS.search(entity["name"]):
        schema = "Company"  # plants and firms: what Aleph and OpenSanctions match companies by
    if schema is None:
        return None
    aliases = sorted({m["text"] for m in entity["mentions"] if is_name(m["text"])} - {entity["name"]})
    if schema == "Address":
        return _make(schema, entity["id"], full=entity["name"], country=_country(entity))
    return _make(schema, entity["id"], name=entity["name"], alias=aliases[:20], wikidataId=entity["wikidata"],
                 country=entity.get("country"))


def _party(entity: dict, proxy: EntityProxy) -> EntityProxy | None:
    """What takes part in an event: a person or organisation as it is; a country as its state;
    a place that is not a country takes no part (it is where, not who)."""
    if proxy.schema.is_a("LegalEntity"):
        return proxy
    if entity["type"] == "GPE" and is_country(entity["name"]):
        return _make("PublicBody", "state", entity["id"], name=entity["name"], jurisdiction=_country(entity),
                     wikidataId=entity["wikidata"])
    return None


def write(store: Store, out: Path) -> None:
    written: set[str] = set()
    with out.open("w", encoding="utf-8") as stream:
        def emit(proxy: EntityProxy) -> None:
            if proxy.id not in written:
                written.add(proxy.id)
                stream.write(json.dumps(proxy.to_dict(), ensure_ascii=False) + "\n")

        for record in store.records():
            article = _make("Article", record["id"], title=record["title"], bodyText=record["text"],
                            publishedAt=record["published"], sourceUrl=record["url"], publisher=record["source"],
                            language=record["language"])
            emit(article)
            proxies, parties = {}, {}
            for entity in record["entities"]:
                proxy = _entity(entity)
                if proxy is None:
                    continue
                proxies[entity["id"]] = proxy
                emit(proxy)
                party = _party(entity, proxy)
                if party is not None:
                    parties[entity["id"]] = party
                emit(_make("Mention", record["id"], entity["id"], document=article.id, resolved=proxy.id,
                           name=entity["mentions"][0]["text"] if entity["mentions"] else entity["name"],
                           detectedSchema=proxy.schema.name))
            for number, event in enumerate(record["events"]):
                involved = [parties[p] for p in (event["actor"], event["target"]) if p in parties]
                if not involved:
                    continue
                for party in involved:
                    emit(party)
                place = proxies.get(event["location"])
                emit(_make("Event", record["id"], str(number), name=f"{event['type']}: "
                           + " / ".join(party.caption for party in involved),
                           date=event["date"], involved=[party.id for party in involved], proof=article.id,
                           summary=record["text"][event["start"]:event["end"]],
                           addressEntity=place.id if place is not None and place.schema.name == "Address" else None))
