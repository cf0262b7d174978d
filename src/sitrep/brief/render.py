"""A brief written out: Markdown (text, every line cited), HTML (one self-contained document,
pictures embedded as SVG images) and PDF (that HTML laid out by WeasyPrint).

Every piece of text from the knowledge base is escaped: autoescaped in HTML, backslash-escaped
in Markdown; a link is shown only for an http(s) address (`urls.web_address`)."""
import base64
import re
from functools import cache
from pathlib import Path

from sitrep.brief.assemble import Brief
from sitrep.urls import web_address
from sitrep.web.render import confidence_label

HERE = Path(__file__).parent / "templates"
FORMATS = ("md", "html", "pdf")
CITATIONS_SHOWN = 6


class RendererMissing(RuntimeError):
    """The PDF renderer cannot run on this machine (WeasyPrint's system libraries are missing)."""


@cache
def _templates():
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    environment = Environment(loader=FileSystemLoader(HERE), autoescape=select_autoescape(default=True))
    environment.globals.update(confidence_label=confidence_label, safe_link=web_address, shown=CITATIONS_SHOWN)
    return environment


def pictures(brief: Brief) -> dict[str, str | None]:
    """The brief's pictures as `data:` URIs of SVG images (None for one with nothing to draw)."""
    from sitrep.brief.plots import graph_svg, timeline_svg

    def uri(svg: str | None) -> str | None:
        return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode() if svg else None

    return {"timeline": uri(timeline_svg(brief)), "graph": uri(graph_svg(brief))}


def body(brief: Brief) -> str:
    """The brief as an HTML fragment (what the web page shows inside its own layout)."""
    return _templates().get_template("body.html").render(brief=brief, **pictures(brief))


def html(brief: Brief) -> str:
    """The brief as one self-contained HTML document (its style and pictures inside)."""
    return _templates().get_template("document.html").render(
        brief=brief, style=(HERE / "brief.css").read_text(encoding="utf-8"), **pictures(brief))


def pdf(brief: Brief) -> bytes:
    """The brief as PDF: the HTML document laid out by WeasyPrint. RendererMissing when its
    system libraries (Pango) are not installed."""
    try:
        from weasyprint import HTML
    except (OSError, ImportError) as error:  # WeasyPrint loads Pango when imported
        reason = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise RendererMissing(f"cannot write PDF here: WeasyPrint needs the Pango library (Debian: apt-get install "
                              f"libpango-1.0-0 libpangoft2-1.0-0) ({reason}); --format html works without it") from None
    return HTML(string=html(brief)).write_pdf()


def _md(text: str | None) -> str:
    """Text as Markdown that shows it literally: markup characters escaped, lines joined."""
    return re.sub(r"([\\`*_{}\[\]()<>#+!|~])", r"\\\1", " ".join((text or "").split()))


def _md_claim(claim: dict) -> list[str]:
    level = f"; {confidence_label(claim['confidence'])}" if claim["confidence"] else ""
    denial = "; denial" if claim["polarity"] == "negative" else ""
    sources = claim["independent"]
    lines = [f"- **{claim['grade']}** {_md(claim['text'][:300])} "
             f"({claim['kind']}; {sources} independent source{'s' if sources != 1 else ''}; "
             f"first seen {claim['first_seen'] or 'undated'}{level}{denial})"]
    lines += [f"    - {_md_cite(doc)}" for doc in claim["documents"][:CITATIONS_SHOWN]]
    if len(claim["documents"]) > CITATIONS_SHOWN:
        lines.append(f"    - and {len(claim['documents']) - CITATIONS_SHOWN} more")
    return lines


def _md_cite(doc: dict) -> str:
    title = _md(doc["title"] or "(no title)")
    link = web_address(doc["url"])
    named = f"[{title}](<{link.replace('>', '%3E')}>)" if link else title
    return f"{named}, {_md(doc['outlet'] or 'unknown outlet')}, {doc['published'] or 'undated'}"


def markdown(brief: Brief) -> str:
    """The brief as Markdown: the same sections as the HTML, without the pictures."""
    lines = [f"# {_md(brief.title)}", "",
             "Grades: source reliability A-F (F: cannot be judged), information credibility 1-6 "
             "(1 confirmed ... 5 improbable, 6 cannot be judged).", "", "## Key developments", ""]
    for group in brief.developments:
        lines += [f"### {_md(group['actor'])}", ""]
        for claim in group["claims"]:
            lines += _md_claim(claim)
        lines += ([f"- and {group['more']} more claims"] if group["more"] else []) + [""]
    if not brief.developments:
        lines += ["No claim in this period.", ""]
    lines += ["## Assessments", ""]
    for group in brief.assessments:
        lines += [f"### {_md(group['assessor'])}", ""]
        for claim in group["claims"]:
            lines += _md_claim(claim)
        lines += ([f"- and {group['more']} more assessments"] if group["more"] else []) + [""]
    lines += ["## Disagreements", ""]
    for pair in brief.disagreements:
        lines += [f"### {_md(pair['a']['source_name'] or 'Unattributed')} / "
                  f"{_md(pair['b']['source_name'] or 'Unattributed')} ({pair['reason']})", ""]
        lines += _md_claim(pair["a"]) + _md_claim(pair["b"]) + [""]
    if not brief.disagreements:
        lines += ["No two sources disagree in this period.", ""]
    if brief.disagreements_left_out:
        lines += [f"And {brief.disagreements_left_out} more disagreements.", ""]
    lines += ["## What is new", "", "### Names first seen", ""]
    for found in brief.new_entities:
        lines.append(f"- **{_md(found['name'])}** ({found['type']}; first {found['first_published']}; "
                     f"{found['documents']} document{'s' if found['documents'] != 1 else ''})")
        lines.append(f"    - {_md_cite(found['document'])}")
    lines += ["", "### Claims first reported", ""]
    for claim in brief.new_claims:
        lines += _md_claim({**claim, "text": f"{claim['source_name'] or 'Unattributed'}: {claim['text']}"})
    return "\n".join(lines).rstrip() + "\n"


def render(brief: Brief, fmt: str) -> bytes:
    """The brief in one of FORMATS, as bytes to write."""
    if fmt == "pdf":
        return pdf(brief)
    return (html(brief) if fmt == "html" else markdown(brief)).encode("utf-8")
