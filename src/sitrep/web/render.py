"""Article text as HTML with its entities linked and its statements marked.

Every piece of text is escaped here: the article, the names and the statements are untrusted
text from the web. Annotations may overlap (a name inside a quotation), so the text is cut at
every boundary and each piece is wrapped on its own, never nested across pieces.
"""
from urllib.parse import quote

from markupsafe import Markup, escape

CONFIDENCE_LABELS = {"almost_certain": "almost certain", "very_likely": "very likely", "likely": "likely",
                     "even": "even chance", "unlikely": "unlikely", "very_unlikely": "very unlikely",
                     "remote": "remote", "possible": "possible"}


def annotated(record: dict) -> Markup:
    """The record's text as paragraphs of HTML, entities linked by type, statements marked."""
    text = record["text"]
    entity_at: dict[int, dict] = {}
    for entity in record["entities"]:
        for mention in entity["mentions"]:
            for i in range(mention["start"], mention["end"]):
                entity_at.setdefault(i, entity)
    statement_at: dict[int, dict] = {}
    for statement in record["statements"]:
        for i in range(statement["start"], statement["end"]):
            statement_at.setdefault(i, statement)
    names = {e["id"]: e["name"] for e in record["entities"]}
    pieces, start = [], 0
    for i in range(1, len(text) + 1):
        if i == len(text) or entity_at.get(i) is not entity_at.get(start) or statement_at.get(i) is not statement_at.get(start) \
                or text[i] == "\n" or text[i - 1] == "\n":
            pieces.append(_piece(text[start:i], entity_at.get(start), statement_at.get(start), names))
            start = i
    html = Markup("").join(pieces)
    paragraphs = [p for p in html.split("\n\n") if p.strip()]
    return Markup("").join(Markup("<p>") + Markup(p) + Markup("</p>\n") for p in paragraphs)


def _piece(text: str, entity: dict | None, statement: dict | None, names: dict[str, str]) -> Markup:
    html = escape(text)
    if entity is not None and text.strip():
        html = Markup('<a class="ent ent-{type}" href="/entity/{href}" title="{title}">{html}</a>').format(
            type=entity["type"], href=quote(entity["id"], safe=""), title=f"{entity['name']} ({entity['type']})", html=html)
    if statement is not None and text.strip():
        source = names.get(statement["source"], statement["source_text"] or "unknown source")
        html = Markup('<span class="st" data-statement="{id}" title="{title}">{html}</span>').format(
            id=statement["id"], title=f"{source}: {statement['cue'] or 'quoted'}", html=html)
    return html


def confidence_label(level: str | None) -> str:
    return CONFIDENCE_LABELS.get(level or "", "no estimate")


def timeline_svg(months: list[tuple[str, int]], width: int = 640, height: int = 120) -> Markup:
    """A bar chart of documents per month, as inline SVG (no script needed)."""
    if not months:
        return Markup("<p class='muted'>No dated documents mention it.</p>")
    top = max(count for _, count in months)
    bar = max(4, (width - 40) // len(months))
    bars = []
    for k, (month, count) in enumerate(months):
        h = int((height - 30) * count / top)
        x = 20 + k * bar
        bars.append(Markup('<rect x="{x}" y="{y}" width="{w}" height="{h}"><title>{label}</title></rect>'
                           '<text x="{tx}" y="{ty}">{month}</text>').format(
            x=x, y=height - 20 - h, w=bar - 2, h=h, label=f"{month}: {count} documents", tx=x, ty=height - 5,
            month=month if len(months) <= 12 or k % 3 == 0 else ""))
    return Markup('<svg class="chart" viewBox="0 0 {w} {h}" role="img" aria-label="documents per month">{bars}</svg>').format(
        w=width, h=height, bars=Markup("").join(bars))
