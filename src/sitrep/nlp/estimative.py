"""How sure a statement is: ICD 203 estimative terms, modal hedges and negation.

Only the statement's own content counts: "believes" and "assesses" are cues, not estimates.
"""
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Span, Token

from sitrep.data import lexicon


@dataclass
class Estimate:
    confidence: str | None
    hedges: list[str]
    polarity: str


@cache
def _lexicon() -> tuple[list[tuple[list[str], str]], frozenset[str], frozenset[str]]:
    data = lexicon("estimative.json")
    phrases = sorted(((p.split(), level) for p, level in data["phrases"]), key=lambda item: -len(item[0]))
    # Phrases that estimate nothing claim their words first, at no level.
    phrases = sorted(((p.split(), None) for p in data["not_estimative"]), key=lambda item: -len(item[0])) + phrases
    return phrases, frozenset(data["modals"]), frozenset(data["negators"])


@cache
def _inability_modals() -> frozenset[str]:
    data = lexicon("estimative.json")
    return frozenset(data["inability_modals"])


@cache
def _negative_words() -> frozenset[str]:
    return frozenset(lexicon("estimative.json")["negative_words"])


def estimate(content: Span) -> Estimate:
    """The confidence, the hedging words and the polarity of a statement's content."""
    phrases, modals, negators = _lexicon()
    words = [t.lower_ for t in content]
    found: list[tuple[int, str, str]] = []  # (position, words, level)
    taken: set[int] = set()
    positions: dict[str, list[int]] = {}  # where each word is, so a phrase is tried only where it could start
    for i, word in enumerate(words):
        positions.setdefault(word, []).append(i)
    for phrase, level in phrases:
        for i in positions.get(phrase[0], ()):
            if words[i:i + len(phrase)] == phrase and not taken & set(range(i, i + len(phrase))):
                found.append((i, " ".join(content[i:i + len(phrase)].text.split()), level))
                taken.update(range(i, i + len(phrase)))
    for i, token in enumerate(content):
        if i not in taken and token.lower_ in modals and (token.tag_ == "MD" or token.pos_ in ("ADV", "ADJ")) \
                and not _no_estimate(token):
            found.append((i, token.text, "possible"))
    found = [f for f in found if f[2] is not None]
    found.sort()
    explicit = [level for _, _, level in found if level != "possible"]
    confidence = explicit[0] if explicit else ("possible" if found else None)
    return Estimate(confidence, [words_ for _, words_, _ in found], _polarity(content, negators))


def _no_estimate(modal: Token) -> bool:
    """A modal verb that says nothing of likelihood: a counterfactual ("could have been avoided")
    or a negated ability ("could not verify", "cannot confirm")."""
    if modal.tag_ != "MD":
        return False
    verb = modal.head
    following = modal.doc[modal.i + 1:modal.i + 3]
    if any(t.lower_ == "have" and t.head == verb for t in following) and verb.tag_ == "VBN":
        return True
    return modal.lower_ in _inability_modals() and any(t.dep_ == "neg" for t in following)


def _polarity(content: Span, negators: frozenset[str]) -> str:
    """Negative when the main clause is denied: "are likely not critical", "there is no information"."""
    root = _first_sentence(content).root
    for child in root.children:
        if child.dep_ == "neg" and _estimative_negation(child):
            continue  # "is not likely to": an estimate (unlikely), not a denial
        if child.dep_ == "neg" or child.lower_ in _negative_words():
            return "negative"
        if child.dep_ in ("acomp", "attr") and any(g.dep_ == "neg" for g in child.children):
            return "negative"  # "was not helpful"
        if child.dep_ in ("nsubj", "nsubjpass", "attr", "dobj") and any(
                grandchild.dep_ == "det" and grandchild.lower_ == "no" for grandchild in child.children):
            return "negative"
    return "negative" if root.lower_ in negators else "positive"


def _first_sentence(content: Span) -> Span:
    """The part of the content in its first sentence: a quotation of several sentences has the
    polarity of its first."""
    if not content.doc.has_annotation("SENT_START"):
        return content
    end = next((t.i for t in content[1:] if t.is_sent_start), content.end)
    return content.doc[content.start:end]


def _estimative_negation(negation: Token) -> bool:
    following = negation.doc[negation.i + 1:negation.i + 2]
    return bool(following) and following[0].lower_ in ("likely", "probable", "probably", "certain", "certainly")
