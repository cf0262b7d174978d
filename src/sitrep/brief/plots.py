"""The brief's pictures, drawn with matplotlib as SVG: a timeline of claims per main actor over
the period, and the period's relation graph (who acted on whom). No script, no fetched font:
each is one SVG document that HTML and PDF embed as an image."""
import io
from datetime import date, datetime, time, timedelta

from sitrep.brief.assemble import Brief

# Colours by kind of claim and by entity type (colour-blind-safe, the Okabe-Ito palette).
KIND_COLOURS = {"event": "#D55E00", "statement": "#0072B2"}
TYPE_COLOURS = {"PERSON": "#0072B2", "ORG": "#009E73", "GPE": "#E69F00", "LOC": "#CC79A7", "NORP": "#56B4E9",
                "FAC": "#F0E442", "EQUIPMENT": "#D55E00"}
OTHER_COLOUR = "#999999"
ACTORS_DRAWN = 10
EDGES_DRAWN = 25
HUBS = 4  # how many of the most connected the relation graph puts in its middle


def _figure(width: float, height: float):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    plt.rcParams.update({"svg.fonttype": "none", "font.size": 9, "font.family": "DejaVu Sans"})
    return plt, plt.subplots(figsize=(width, height))


def _svg(plt, fig) -> str:
    buffer = io.StringIO()
    fig.savefig(buffer, format="svg", bbox_inches="tight", metadata={"Date": None})
    plt.close(fig)
    return buffer.getvalue()


def _day(value: str | None) -> date | None:
    if not value or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def timeline_svg(brief: Brief) -> str | None:
    """Each main actor's claims in the period as dots on a line, by the day their first document
    was published in it (size: independent sources; colour: event or statement); None when
    there is nothing to draw."""
    rows = [(group["actor"], claim) for group in brief.developments[:ACTORS_DRAWN] for claim in group["claims"]]
    points = [(actor, _day(max(claim["first_reported"] or "", brief.since)), claim) for actor, claim in rows]
    points = [(actor, day, claim) for actor, day, claim in points if day]
    if not points:
        return None
    actors = list(dict.fromkeys(actor for actor, _, _ in points))
    plt, (fig, axes) = _figure(7.2, 0.45 * len(actors) + 1.2)
    for kind, colour in KIND_COLOURS.items():
        chosen = [(day, actors.index(actor), claim["independent"]) for actor, day, claim in points if claim["kind"] == kind]
        if chosen:
            axes.scatter([d for d, _, _ in chosen], [y for _, y, _ in chosen], s=[60 + 45 * n for _, _, n in chosen],
                         c=colour, alpha=0.7, label=f"{kind}s", edgecolors="white", linewidths=0.5)
    start, end = _day(brief.since) or min(d for _, d, _ in points), _day(brief.until) or max(d for _, d, _ in points)
    first, last = datetime.combine(start, time()), datetime.combine(max(end, start), time())
    axes.set_xlim(first - timedelta(hours=14), last + timedelta(hours=14))
    axes.set_yticks(range(len(actors)), [a if len(a) <= 38 else a[:37] + "…" for a in actors])
    axes.invert_yaxis()
    axes.grid(axis="x", color="#dddddd")
    axes.set_axisbelow(True)
    import matplotlib.dates as mdates

    axes.xaxis.set_major_locator(mdates.AutoDateLocator(minticks=2, maxticks=10))
    axes.xaxis.set_major_formatter(mdates.DateFormatter("%b %d"))
    axes.set_title("Claims by main actor (dot size: independent sources)", loc="left")
    axes.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=8, frameon=False, markerscale=0.6)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    return _svg(plt, fig)


def graph_svg(brief: Brief) -> str | None:
    """Who acted on whom in the period: entities as nodes coloured by type, an arrow per actor and
    target labelled with the event types, thicker for more stories; None with no relation."""
    relations = brief.relations[:EDGES_DRAWN]
    if not relations:
        return None
    import networkx as nx

    graph = nx.DiGraph()
    for row in relations:
        graph.add_node(row["actor"], name=row["actor_name"], type=row["actor_type"])
        graph.add_node(row["target"], name=row["target_name"], type=row["target_type"])
        if graph.has_edge(row["actor"], row["target"]):
            edge = graph.edges[row["actor"], row["target"]]
            edge["stories"] += row["stories"]
            edge["types"].append(row["type"])
        else:
            graph.add_edge(row["actor"], row["target"], stories=row["stories"], types=[row["type"]])
    # The most connected in the middle, the others on a ring around them: every label readable.
    ranked = sorted(graph, key=lambda n: (-graph.degree(n), graph.nodes[n]["name"]))
    hubs = ranked[:max(1, min(HUBS, len(ranked) // 4))]
    layout = nx.shell_layout(graph, [hubs, ranked[len(hubs):]] if len(ranked) > len(hubs) else [hubs])
    plt, (fig, axes) = _figure(7.2, 5.0)
    nx.draw_networkx_edges(graph, layout, ax=axes, width=[1 + graph.edges[e]["stories"] for e in graph.edges],
                           edge_color="#888888", arrowsize=12, connectionstyle="arc3,rad=0.08",
                           node_size=600)
    nx.draw_networkx_edge_labels(graph, layout, ax=axes, font_size=6, font_color="#444444",
                                 edge_labels={e: ", ".join(sorted(set(graph.edges[e]["types"]))) for e in graph.edges})
    nx.draw_networkx_nodes(graph, layout, ax=axes, node_size=600, edgecolors="white",
                           node_color=[TYPE_COLOURS.get(graph.nodes[n]["type"], OTHER_COLOUR) for n in graph])
    nx.draw_networkx_labels(graph, layout, ax=axes, font_size=7,
                            labels={n: graph.nodes[n]["name"] for n in graph})
    shown = sorted({graph.nodes[n]["type"] for n in graph})
    from matplotlib.lines import Line2D

    axes.legend(handles=[Line2D([], [], marker="o", linestyle="", color=TYPE_COLOURS.get(t, OTHER_COLOUR), label=t)
                         for t in shown], loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=7, frameon=False)
    axes.set_title("Who acted on whom (line width: stories)", loc="left")
    axes.axis("off")
    return _svg(plt, fig)
