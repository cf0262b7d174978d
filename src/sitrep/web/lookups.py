"""What the routes look up in the running app's knowledge base: a document, an entity, the
network around it; a missing one is a 404 with the one error shape."""
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from fastapi import HTTPException, Request

from sitrep.store import RELATION_KINDS, Store

# How much of a network one picture shows: more is a hairball, not a picture.
NEIGHBOURS = 25  # of the centre, strongest first
EXPANDED = 5  # at depth 2, how many of those show their own neighbours
SECOND_LAYER = 6  # and how many each,
SECOND_WINDOW = 60  # read from their latest documents (the centre's are read from NEIGHBOURS_WINDOW)

_opening = threading.Lock()  # two first requests at once open one Store


@contextmanager
def knowledge_base(request: Request) -> Iterator[Store]:
    """The knowledge base the app serves (`with knowledge_base(r) as kb`): one Store for every
    request and thread, opened at the first, so that the process holds one engine and one pool."""
    state = request.app.state
    with _opening:
        if getattr(state, "store", None) is None:
            state.store = Store(state.db)
    yield state.store


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


def profile(kb: Store, name: str) -> dict[str, Any]:
    """An entity's page data (`Store.entity_profile`) by id or any of its names, or 404: an id or
    canonical name (what links carry) is found directly, any other name through `Store.entity`."""
    found = kb.entity_profile(name)
    if found is None:
        found = kb.entity_profile(entity(kb, name)["id"])
    return found


def entity_id(kb: Store, name: str | None) -> str | None:
    """The id of the entity called `name`, None when there is no name or no such entity."""
    if not name:
        return None
    found = kb.entity(name)
    return found["id"] if found else None


def relation_kinds(values: list[str] | None) -> set[str] | None:
    """The kinds of relation asked for (repeated or comma-separated: `said,event`), None for all;
    an unknown kind is a 422 naming the choices."""
    kinds = {kind.strip() for value in values or [] for kind in value.split(",") if kind.strip()}
    unknown = kinds - set(RELATION_KINDS)
    if unknown:
        raise HTTPException(422, f"relation must be among {', '.join(RELATION_KINDS)}, not {', '.join(sorted(unknown))}")
    return kinds or None


def network(kb: Store, name: str, depth: int, kinds: set[str] | None = None, limit: int = NEIGHBOURS) -> dict[str, Any]:
    """The entity called `name` and its strongest neighbours as nodes and edges, or 404.

    At depth 1, the `limit` neighbours of heaviest weight (`Store.ranked_neighbours`); at depth
    2, the strongest EXPANDED of them also show their own strongest SECOND_LAYER (read from their
    latest SECOND_WINDOW documents), so the picture stays readable and quick. `shown` and `total` say how many of the centre's neighbours are drawn."""
    centre = profile(kb, name)
    nodes = {centre["id"]: {"id": centre["id"], "label": centre["name"], "type": centre["type"], "centre": True,
                            "level": 0}}
    edges: list[dict[str, Any]] = []
    first, total = kb.ranked_neighbours(centre["id"], kinds, limit)
    _attach(nodes, edges, centre["id"], first, 1)
    if depth == 2:
        for neighbour in first[:EXPANDED]:
            second, _ = kb.ranked_neighbours(neighbour["other"], kinds, SECOND_LAYER, exclude={centre["id"]},
                                             window=SECOND_WINDOW)
            _attach(nodes, edges, neighbour["other"], second, 2)
    return {"entity": centre["id"], "name": centre["name"], "type": centre["type"], "nodes": list(nodes.values()),
            "edges": edges, "shown": len(first), "total": total, "expanded": min(EXPANDED, len(first)) if depth == 2 else 0,
            "relations": sorted(kinds or RELATION_KINDS)}


def _attach(nodes: dict[str, dict], edges: list[dict], source: str, neighbours: list[dict], level: int) -> None:
    """Add `neighbours` of `source` to the picture: new nodes, and an edge per relation (a
    co-mention once per pair, whichever side it was read from)."""
    drawn = {(e["from"], e["to"], e["relation"]) for e in edges}
    for neighbour in neighbours:
        other = neighbour["other"]
        nodes.setdefault(other, {"id": other, "label": neighbour["name"], "type": neighbour["type"], "level": level,
                                 "weight": neighbour["weight"]})
        for relation in neighbour["relations"]:
            if relation["relation"] == "co-mentioned" and (other, source, "co-mentioned") in drawn:
                continue
            edges.append({"from": source, "to": other, "relation": relation["relation"], "count": relation["count"]})
