"""What the routes look up in the running app's knowledge base: a document, an entity, the
network around it; a missing one is a 404 with the one error shape."""
from typing import Any

from fastapi import HTTPException, Request

from sitrep import graph
from sitrep.store import Store

MAX_NEIGHBOURS = 40  # per node and layer: more is a hairball, not a picture


def knowledge_base(request: Request) -> Store:
    """The knowledge base the app serves, opened for one request (`with knowledge_base(r) as kb`)."""
    return Store(request.app.state.db)


def document(kb: Store, doc_id: str) -> dict[str, Any]:
    """One stored record by id, or 404."""
    record = kb.get(doc_id)
    if record is None:
        raise HTTPException(404, f"no document {doc_id!r}")
    return record


def entity(kb: Store, name: str) -> dict[str, Any]:
    """One entity by id or any of its names, or 404."""
    found = kb.entity(name)
    if found is None:
        raise HTTPException(404, f"no entity named {name!r}")
    return found


def entity_id(kb: Store, name: str | None) -> str | None:
    """The id of the entity called `name`, None when there is no name or no such entity."""
    if not name:
        return None
    found = kb.entity(name)
    return found["id"] if found else None


def network(kb: Store, name: str, depth: int) -> dict[str, Any]:
    """The entity called `name` and its neighbours to `depth` as nodes and edges, or 404."""
    try:
        found = graph.neighbours(kb, name, depth)
    except graph.UnknownEntity:
        raise HTTPException(404, f"no entity named {name!r}")
    centre = found["entity"]
    nodes = {centre["id"]: {"id": centre["id"], "label": centre["name"], "type": centre["type"], "centre": True}}
    edges = []
    for level, layer in enumerate(found["layers"], start=1):
        kept: dict[str, int] = {}
        for edge in layer:
            if kept.get(edge["from"], 0) >= MAX_NEIGHBOURS or edge["from"] not in nodes:
                continue
            kept[edge["from"]] = kept.get(edge["from"], 0) + 1
            nodes.setdefault(edge["other"], {"id": edge["other"], "label": edge["name"], "type": edge["type"],
                                             "level": level})
            edges.append({"from": edge["from"], "to": edge["other"], "relation": edge["relation"], "count": edge["count"]})
    return {"entity": centre["id"], "name": centre["name"], "nodes": list(nodes.values()), "edges": edges}
