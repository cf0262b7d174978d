"""The knowledge graph: entities as nodes, and edges derived from what the documents say.

Edges are never stored: they are read off the stored events (who met, supplied, attacked
whom), statements (who said what about whom) and co-mentions, with the documents behind each,
so they stay true to the records whatever is added later.
"""
from typing import TYPE_CHECKING, Any

from sitrep.store import RELATION_KINDS, Store

if TYPE_CHECKING:
    import networkx as nx


class UnknownEntity(LookupError):
    """A name that no stored entity goes by."""


def _entity(store: Store, name: str) -> dict[str, Any]:
    found = store.entity(name)
    if found is None:
        raise UnknownEntity(name)
    return found


def timeline(store: Store, name: str, since: str | None = None, until: str | None = None) -> dict[str, Any]:
    """The entity and its dated events and statements, oldest first, each with its citation.

    What near-duplicate copies of one story repeat is listed once, from the first copy, with
    `copies` counting the others."""
    entity = _entity(store, name)
    items = _fold_copies(store.timeline(entity["id"], since, until))
    names = store.names({item[role] for item in items for role in ("actor", "target", "source") if item[role]})
    for item in items:
        for role in ("actor", "target", "source"):
            item[f"{role}_name"] = names.get(item[role]) if item[role] else None
    return {"entity": entity, "items": items}


def _fold_copies(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    kept: dict[tuple, dict[str, Any]] = {}
    for item in items:
        story = item["duplicate_of"] or item["document_id"]
        key = (story, item["kind"], item["what"], item["date"], item["actor"], item["target"], item["source"],
               " ".join(item["words"].split()).lower())
        if key in kept:
            kept[key]["copies"] += 1
        else:
            kept[key] = {**item, "copies": 0}
    return list(kept.values())


def neighbours(store: Store, name: str, depth: int = 1, relations: set[str] | None = None,
               limit: int = 20) -> dict[str, Any]:
    """The entity's neighbours up to `depth` steps away, with the relations to them and their counts.

    `relations` keeps only edges of those kinds (`RELATION_KINDS`); each node keeps its `limit`
    most strongly related neighbours (`Store.ranked_neighbours`, as the web's graph does), and a
    further step shows only things not shown yet. `shown` and `total` count the centre's
    neighbours drawn and found.
    """
    unknown = (relations or set()) - set(RELATION_KINDS)
    if unknown:
        raise ValueError(f"unknown relation {sorted(unknown)[0]!r}: choose from {', '.join(RELATION_KINDS)}")
    entity = _entity(store, name)
    seen = {entity["id"]}
    frontier = [entity["id"]]
    layers, total = [], 0
    for level in range(depth):
        layer = []
        for node in frontier:
            ranked, found = store.ranked_neighbours(node, relations, limit, exclude=seen)
            total = found if level == 0 else total
            layer += [{"from": node, "other": n["other"], "name": n["name"], "type": n["type"], **relation}
                      for n in ranked for relation in n["relations"]]
        layers.append(layer)
        frontier = sorted({edge["other"] for edge in layer} - seen)
        seen.update(frontier)
    shown = len({edge["other"] for edge in layers[0]}) if layers else 0
    return {"entity": entity, "layers": layers, "shown": shown, "total": total}


def to_networkx(store: Store) -> "nx.MultiDiGraph":
    """The whole knowledge graph: a node per entity, an edge per relation (events from actor to
    target, statements from speaker to subject, co-mentions once per pair) with weight and documents."""
    import networkx as nx

    graph = nx.MultiDiGraph()
    for entity in store.all_entities():
        graph.add_node(entity["id"], label=entity["name"], type=entity["type"], wikidata=entity["wikidata"] or "")
    for node in list(graph.nodes):
        for edge in store.relations(node):
            relation = edge["relation"]
            outgoing = relation == "said about" or (relation.startswith("event:") and not relation.endswith("(as target)"))
            if outgoing or (relation == "co-mentioned" and node < edge["other"]):
                graph.add_edge(node, edge["other"], key=relation, relation=relation,
                               weight=edge["count"], documents=" ".join(edge["documents"]))
    return graph
