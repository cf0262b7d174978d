"""The knowledge graph: entities as nodes, and edges derived from what the documents say.

Edges are never stored: they are read off the stored events (who met, supplied, attacked
whom), statements (who said what about whom) and co-mentions, with the documents behind each,
so they stay true to the records whatever is added later.
"""
from typing import Any

import networkx as nx

from sitrep.store import Store


class UnknownEntity(LookupError):
    """A name that no stored entity goes by."""


def _entity(store: Store, name: str) -> dict[str, Any]:
    found = store.entity(name)
    if found is None:
        raise UnknownEntity(name)
    return found


def timeline(store: Store, name: str, since: str | None = None, until: str | None = None) -> dict[str, Any]:
    """The entity and its dated events and statements, oldest first, each with its citation."""
    entity = _entity(store, name)
    items = store.timeline(entity["id"], since, until)
    names = store.names({item[role] for item in items for role in ("actor", "target", "source") if item[role]})
    for item in items:
        for role in ("actor", "target", "source"):
            item[f"{role}_name"] = names.get(item[role]) if item[role] else None
    return {"entity": entity, "items": items}


def neighbours(store: Store, name: str, depth: int = 1) -> dict[str, Any]:
    """The entity's neighbours up to `depth` steps away, with the relations to them and their counts."""
    entity = _entity(store, name)
    seen = {entity["id"]}
    frontier = [entity["id"]]
    layers = []
    for _ in range(depth):
        layer = []
        for node in frontier:
            for edge in store.relations(node):
                layer.append({"from": node, **edge})
        layers.append(layer)
        frontier = sorted({edge["other"] for edge in layer} - seen)
        seen.update(frontier)
    return {"entity": entity, "layers": layers}


def to_networkx(store: Store) -> nx.MultiDiGraph:
    """The whole knowledge graph: a node per entity, an edge per relation (events from actor to
    target, statements from speaker to subject, co-mentions once per pair) with weight and documents."""
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
