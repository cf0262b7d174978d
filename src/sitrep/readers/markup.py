"""HTML fragments (feed entries) to paragraphs of plain text."""
import lxml.html
from lxml.etree import ParserError

_BLOCKS = {"p", "div", "li", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "td", "figcaption", "br"}


def fragment_to_text(fragment: str) -> str:
    """The text of an HTML fragment, one paragraph per block element; plain text passes through."""
    if "<" not in fragment:
        return fragment.strip()
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (ParserError, ValueError):
        return fragment.strip()
    for bad in root.xpath(".//script|.//style|.//noscript"):
        bad.drop_tree()
    for node in root.iter():
        if isinstance(node.tag, str) and node.tag in _BLOCKS:
            node.tail = "\n\n" + (node.tail or "")
            if node.tag != "br":
                node.text = "\n\n" + (node.text or "")
    paragraphs = (" ".join(part.split()) for part in root.text_content().split("\n\n"))
    return "\n\n".join(p for p in paragraphs if p)
