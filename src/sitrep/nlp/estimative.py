"""How sure a statement is: ICD 203 estimative terms, modal hedges and negation.

Only the statement's own content counts: "believes" and "assesses" are cues, not estimates.
"""
import json
from dataclasses import dataclass
from functools import cache
from importlib import resources

from spacy.tokens import Span


@dataclass
class Estimate:
    confidence: str | None
    hedges: list[str]
    polarity: str


@cache
def _lexicon() -> tuple[list[tuple[list[str], str]], frozenset[str], frozenset[str]]:
    data = json.loads(resources.files("sitrep.data").joinpath("estimative.json").read_text("utf-8"))
    phrases = sorted(((p.split(), level) for p, level in data["phrases"]), key=lambda item: -len(item[0]))
    return phrases, frozenset(data["modals"]), frozenset(data["negators"])


def estimate(content: Span) -> Estimate:
    """The confidence, the hedging words and the polarity of a statement's content."""
    phrases, modals, negators = _lexicon()
    words = [t.lower_ for t in content]
    found: list[tuple[int, str, str]] = []  # (position, words, level)
    taken: set[int] = set()
    for phrase, level in phrases:
        for i in range(len(words) - len(phrase) + 1):
            if words[i:i + len(phrase)] == phrase and not taken & set(range(i, i + len(phrase))):
                found.append((i, " ".join(content[i:i + len(phrase)].text.split()), level))
                taken.update(range(i, i + len(phrase)))
    for i, token in enumerate(content):
        if i not in taken and token.lower_ in modals and (token.tag_ == "MD" or token.pos_ in ("ADV", "ADJ")):
            found.append((i, token.text, "possible"))
    found.sort()
    explicit = [level for _, _, level in found if level != "possible"]
    confidence = explicit[0] if explicit else ("possible" if found else None)
    return Estimate(confidence, [words_ for _, words_, _ in found], _polarity(content, negators))


def _polarity(content: Span, negators: frozenset[str]) -> str:
    """Negative when the main clause is denied: "are likely not critical", "there is no information"."""
    root = content.root
    for child in root.children:
        if child.dep_ == "neg" or child.lower_ in ("nothing", "nobody", "never", "none"):
            return "negative"
        if child.dep_ in ("nsubj", "nsubjpass", "attr", "dobj") and any(
                grandchild.dep_ == "det" and grandchild.lower_ == "no" for grandchild in child.children):
            return "negative"
    return "negative" if root.lower_ in negators else "positive"
