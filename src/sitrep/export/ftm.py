"""FollowTheMoney entities (JSON Lines), loadable by Aleph/OpenAleph and OpenSanctions' tools.

People become `Person`, organisations `Organization` (`Company` when the name says so:
"Minsk Automobile Plant", "Tactical Missiles Corporation"), places `Address`; each document is an
`Article`, each entity named in it a `Mention` linking the article to the resolved entity, and
each event an `Event` with its parties in `involved`. Nationalities and materiel have no
FollowTheMoney schema and stay out. Ids are derived from sitrep's ids, so a re-export gives the
same ids.
"""
import json
import re
from pathlib import Path

from followthemoney import model
from followthemoney.proxy import EntityProxy

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


def _entity(entity: dict) -> EntityProxy | None:
    schema = SCHEMATA.get(entity["type"])
    if schema == "Organization" and COMPANY_WORDS.search(entity["name"]):
        schema = "Company"  # plants and firms: what Aleph and OpenSanctions match companies by
    if schema is None:
        return None
    aliases = sorted({m["text"] for m in entity["mentions"]} - {entity["name"]})
    if schema == "Address":
        return _make(schema, entity["id"], full=entity["name"], summary=aliases[:20])
    return _make(schema, entity["id"], name=entity["name"], alias=aliases[:20], wikidataId=entity["wikidata"])


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
            proxies = {}
            for entity in record["entities"]:
                proxy = _entity(entity)
                if proxy is None:
                    continue
                proxies[entity["id"]] = proxy
                emit(proxy)
                emit(_make("Mention", record["id"], entity["id"], document=article.id, resolved=proxy.id,
                           name=entity["mentions"][0]["text"] if entity["mentions"] else entity["name"],
                           detectedSchema=proxy.schema.name))
            for number, event in enumerate(record["events"]):
                parties = [proxies[p].id for p in (event["actor"], event["target"]) if p in proxies]
                if not parties:
                    continue
                emit(_make("Event", record["id"], str(number), name=f"{event['type']}: "
                           + " / ".join(proxies[p].caption for p in (event["actor"], event["target"]) if p in proxies),
                           date=event["date"], involved=parties, proof=article.id,
                           summary=record["text"][event["start"]:event["end"]]))
