"""Claims: what several documents report, grouped across the knowledge base, each with its
number of independent sources and a grade on the NATO/Admiralty scale.

A statement is one report of a claim ("Lukashenko said Minsk was ready..."), and so is an
event ("Russia struck Odesa on Tuesday"); the same claim carried by many documents is one
claim with many reports. Corroboration counts channels, not copies: syndicated copies of one
story are one channel, and so are documents that relay the same original ("according to
ISW..."). The grade is information credibility 1-6 from corroboration and contradiction, with
source reliability A-F read from a user's file (`reliability.py`), e.g. `B2`.
"""
import hashlib
import re
from datetime import date
from collections.abc import Iterable
from dataclasses import dataclass, field

from sitrep.schema import CONFIDENCE

# Word-set similarity above which two reports from one source say the same thing.
SAME_CONTENT = 0.5
# Word-set similarity above which two claims are about the same thing (for disagreements).
SAME_SUBJECT = 0.3
# How far apart (days) two claims may be and still disagree with each other.
DISAGREEMENT_DAYS = 7
STOPWORDS = frozenset("a an the of to in on at by for from with and or but that this these those is are was were be "
                      "been has have had will would could should may might it its their his her they he she we our "
                      "not no as said says".split())
CREDIBILITY = {1: "confirmed", 2: "probably true", 3: "possibly true", 4: "doubtful", 5: "improbable",
               6: "cannot be judged"}


@dataclass
class Report:
    """One document's report of a claim: a statement (`item` its id; `source` who said it) or an
    event (`item` its number; `source` its actor). `channel` names the independent source it
    came through: the original it relays, else the outlet of its story's first copy."""

    kind: str
    document_id: str
    item: str
    source: str | None
    text: str
    date: str | None
    channel: str
    confidence: str | None = None
    polarity: str = "positive"
    subjects: frozenset[str] = frozenset()
    event_type: str | None = None
    target: str | None = None


@dataclass
class Claim:
    """A claim across documents: its reports, independent sources and credibility."""

    kind: str
    source: str | None
    reports: list[Report] = field(default_factory=list)
    contradicted_by: int = 0

    @property
    def id(self) -> str:
        first = min(self.reports, key=lambda r: (r.date or "9999", r.document_id, r.item))
        return hashlib.sha256(f"{self.kind}|{first.document_id}|{first.item}".encode()).hexdigest()[:16]

    @property
    def text(self) -> str:
        return min(self.reports, key=lambda r: (r.date or "9999", r.document_id, r.item)).text

    @property
    def first_seen(self) -> str | None:
        return min((r.date for r in self.reports if r.date), default=None)

    @property
    def independent(self) -> int:
        """The number of independent sources: distinct channels, not documents."""
        return len({r.channel for r in self.reports})

    @property
    def credibility(self) -> int:
        return credibility(self.independent, self.contradicted_by)

    @property
    def confidence(self) -> str | None:
        """The claim's own words' ICD 203 level: the one most reports give."""
        levels = [r.confidence for r in self.reports if r.confidence]
        return max(set(levels), key=lambda level: (levels.count(level), level)) if levels else None

    @property
    def polarity(self) -> str:
        negative = sum(r.polarity == "negative" for r in self.reports)
        return "negative" if negative * 2 > len(self.reports) else "positive"

    @property
    def subjects(self) -> frozenset[str]:
        return frozenset().union(*(r.subjects for r in self.reports))


def credibility(independent: int, contradicted_by: int) -> int:
    """Information credibility on the NATO/Admiralty scale (1 confirmed ... 5 improbable, 6 cannot
    be judged) from the number of independent sources for a claim and against it."""
    if independent == 0:
        return 6
    if contradicted_by:
        return 4 if independent >= contradicted_by else 5
    return 1 if independent >= 3 else 2 if independent == 2 else 3


def words(text: str) -> frozenset[str]:
    """The content words of a text, for comparing what two reports say."""
    return frozenset(w for w in re.findall(r"\w+", text.lower()) if w not in STOPWORDS and len(w) > 1)


def similarity(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def group(reports: Iterable[Report]) -> list[Claim]:
    """Reports grouped into claims: statements by source and near-identical content, events by
    type, participants and date (undated events only within one story)."""
    claims: list[Claim] = []
    blocks: dict[tuple, list[tuple[frozenset[str], Claim]]] = {}
    for report in sorted(reports, key=lambda r: (r.date or "9999", r.document_id, r.item)):
        if report.kind == "statement":
            block, content = blocks.setdefault(("statement", report.source), []), words(report.text)
            match = next((claim for seen, claim in block if similarity(seen, content) >= SAME_CONTENT), None)
            if match is None:
                match = Claim("statement", report.source)
                block.append((content, match))
                claims.append(match)
        else:
            key = ("event", report.event_type, report.source, report.target, report.date or report.channel)
            block = blocks.setdefault(key, [])
            if not block:
                block.append((frozenset(), Claim("event", report.source)))
                claims.append(block[0][1])
            match = block[0][1]
        match.reports.append(report)
    _count_contradictions(claims)
    return claims


def disagreements(claims: list[Claim]) -> list[tuple[Claim, Claim, str]]:
    """Pairs of statement claims by different sources about the same thing in the same period
    that disagree: opposite polarity, or confidence two or more steps apart on the ICD 203 scale."""
    found = []
    statements = [c for c in claims if c.kind == "statement" and c.first_seen]
    for i, a in enumerate(statements):
        for b in statements[i + 1:]:
            if a.source == b.source or not _same_subject(a, b) or _days_apart(a.first_seen, b.first_seen) > DISAGREEMENT_DAYS:
                continue
            if a.polarity != b.polarity:
                found.append((a, b, "opposite polarity"))
            elif a.confidence in CONFIDENCE and b.confidence in CONFIDENCE and \
                    abs(CONFIDENCE.index(a.confidence) - CONFIDENCE.index(b.confidence)) >= 2:
                found.append((a, b, "confidence two or more steps apart"))
    return found


def _count_contradictions(claims: list[Claim]) -> None:
    for a, b, reason in disagreements(claims):
        if reason == "opposite polarity":
            a.contradicted_by += b.independent
            b.contradicted_by += a.independent


def _same_subject(a: Claim, b: Claim) -> bool:
    return bool(a.subjects & b.subjects) and similarity(words(a.text), words(b.text)) >= SAME_SUBJECT


def _days_apart(a: str, b: str) -> int:
    def day(value: str) -> date:
        parts = [int(p) for p in value.split("-")] + [1, 1]
        return date(parts[0], parts[1], parts[2])

    return abs((day(a) - day(b)).days)


def update(store) -> list[Claim]:
    """Group every statement and event of the knowledge base into claims and store them: a pass
    over the whole knowledge base, the same after one ingest or a bulk load."""
    reports = [Report(kind=row["kind"], document_id=row["document_id"], item=row["item"], source=row["source"],
                      text=row["text"], date=row["date"], channel=row["channel"], confidence=row["confidence"],
                      polarity=row["polarity"], subjects=row["subjects"], event_type=row["event_type"],
                      target=row["target"])
               for row in store.claim_reports()]
    grouped = group(reports)
    store.save_claims(
        [{"id": c.id, "kind": c.kind, "source": c.source, "text": c.text, "first_seen": c.first_seen,
          "reports": len(c.reports), "independent": c.independent, "credibility": c.credibility,
          "confidence": c.confidence, "polarity": c.polarity} for c in grouped],
        [{"claim_id": c.id, "document_id": r.document_id, "kind": r.kind, "item": r.item, "channel": r.channel}
         for c in grouped for r in c.reports])
    return grouped
