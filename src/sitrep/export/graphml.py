"""GraphML of the knowledge graph, for Gephi and any graph tool (see `sitrep.graph`)."""
from pathlib import Path

import networkx as nx

from sitrep.graph import to_networkx
from sitrep.store import Store


def write(store: Store, out: Path) -> None:
    nx.write_graphml(to_networkx(store), out)
