"""Article text as HTML with its entities linked and its statements marked.

Every piece of text is escaped here: the article, the names and the statements are untrusted
text from the web. Annotations may overlap (a name inside a quotation), so the text is cut at
every boundary and each piece is wrapped on its own, never nested across pieces.
"""
import re
from urllib.parse import quote

from markupsafe import Markup, escape

from sitrep.vocabularies import CONFIDENCE_LABELS


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


def timeline_svg(months: list[tuple[str, int]], width: int = 640, height: int = 150) -> Markup:
    """A bar chart of documents per month, as inline SVG (no script needed): every month from the
    first to the last, empty ones included (a gap in coverage is information), over a count axis
    with round ticks. Months given only by their year are left out."""
    counts = {month: count for month, count in months if _MONTH.fullmatch(month or "")}
    if not counts:
        return Markup("<p class='muted'>No dated documents mention it.</p>")
    every = _every_month(min(counts), max(counts))
    ticks = count_ticks(max(counts.values()))
    left, bottom, top_margin = 34, 20, 8
    plot = height - bottom - top_margin
    bar = (width - left - 4) / len(every)
    step = -(-len(every) // 12)  # label at most twelve months
    parts = []
    for tick in ticks:
        y = top_margin + plot - plot * tick / ticks[-1]
        parts.append(Markup('<line class="grid" x1="{x1}" x2="{x2}" y1="{y:.1f}" y2="{y:.1f}"/>'
                            '<text class="tick" x="{tx}" y="{ty:.1f}" text-anchor="end">{tick}</text>').format(
            x1=left, x2=width - 4, y=y, tx=left - 4, ty=y + 3, tick=tick))
    for k, month in enumerate(every):
        count = counts.get(month, 0)
        h = plot * count / ticks[-1]
        x = left + k * bar
        parts.append(Markup('<rect x="{x:.1f}" y="{y:.1f}" width="{w:.1f}" height="{h:.1f}"><title>{label}</title></rect>').format(
            x=x + 1, y=top_margin + plot - h, w=max(1.0, bar - 2), h=h,
            label=f"{month}: {count} document{'' if count == 1 else 's'}"))
        if k % step == 0:
            parts.append(Markup('<text x="{x:.1f}" y="{y}">{month}</text>').format(x=x + 1, y=height - 5, month=month))
    return Markup('<svg class="chart" viewBox="0 0 {w} {h}" role="img" aria-label="documents per month">'
                  '<line class="axis" x1="{left}" x2="{left}" y1="{t}" y2="{b}"/>{parts}</svg>').format(
        w=width, h=height, left=left, t=top_margin, b=top_margin + plot, parts=Markup("").join(parts))


_MONTH = re.compile(r"\d{4}-(0[1-9]|1[0-2])")


def _every_month(first: str, last: str) -> list[str]:
    """Every YYYY-MM from `first` to `last`, both included."""
    year, month = int(first[:4]), int(first[5:])
    months = []
    while f"{year:04d}-{month:02d}" <= last:
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def count_ticks(top: int) -> list[int]:
    """Round values for a count axis from 0 to at least `top`: steps of 1, 2 or 5 times a power
    of ten, at most six ticks."""
    step = 1
    while -(-top // step) > 5:
        for factor in (2, 5 / 2, 2):
            step = int(step * factor)
            if -(-top // step) <= 5:
                break
    return list(range(0, max(1, -(-top // step)) * step + 1, step))
