"""A brief for a period, read from the knowledge base: key developments by main actor, the
assessments and disagreements, what is new, and the rows its pictures are drawn from."""
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from sitrep import claims as claims_layer, queries
from sitrep.periods import period
from sitrep.reliability import Reliability
from sitrep.store import Store

# How many actors the key developments name (the rest are counted), and claims under each.
ACTORS_SHOWN = 12
CLAIMS_PER_ACTOR = 8
# How many assessors, assessments each and disagreements it shows (the best sourced; the rest counted).
ASSESSORS_SHOWN = 10
ASSESSMENTS_PER_ASSESSOR = 8
DISAGREEMENTS_SHOWN = 15
UNKNOWN_SOURCE = "Unattributed"


@dataclass
class Brief:
    """Everything a brief shows, each claim with its grade (`B2`), sources and citations."""

    since: str
    until: str
    about: list[str]
    developments: list[dict[str, Any]] = field(default_factory=list)  # {actor, claims, independent}
    assessments: list[dict[str, Any]] = field(default_factory=list)  # {assessor, claims}
    disagreements: list[dict[str, Any]] = field(default_factory=list)  # {a, b, reason}
    new_entities: list[dict[str, Any]] = field(default_factory=list)
    new_claims: list[dict[str, Any]] = field(default_factory=list)
    relations: list[dict[str, Any]] = field(default_factory=list)
    actors_left_out: int = 0
    claim_count: int = 0
    disagreements_left_out: int = 0

    @property
    def title(self) -> str:
        span = self.since if self.since == self.until else f"{self.since} to {self.until}"
        return f"Brief: {span}" + (f" (about {', '.join(self.about)})" if self.about else "")

    @property
    def empty(self) -> bool:
        return not (self.developments or self.assessments or self.new_entities)


def build(kb: Store, date: str | None = None, since: str | None = None, until: str | None = None,
          about: list[str] | None = None, reliability: Reliability | None = None) -> Brief:
    """The brief of one day (`date`), or of a period, by default of the latest day with documents.

    A claim belongs to the period when a document reporting it was published in it. Bounds that
    are not dates, and names that match no entity, are a ValueError saying so."""
    if date and (since or until):
        raise ValueError("give either a date or a period (since, until), not both")
    if date:
        since = until = date
    since, until = period(since, until)
    latest = queries.latest_published(kb)
    since = since or until or latest or "0000"
    until = until or (latest if latest and latest >= since else since)
    about = list(about or [])
    grades = reliability or Reliability()
    rows = queries.claim_list(kb, about or None, since, until, limit=None, reported=True)
    if about and not rows:
        queries.entity_ids(kb, about)  # a name that matches nothing says so
    for row in rows:
        row["grade"] = grades.of(row["source_name"], *(d["outlet"] for d in row["documents"])) + str(row["credibility"])
        row["credibility_label"] = claims_layer.CREDIBILITY[row["credibility"]]
    brief = Brief(since, until, about, claim_count=len(rows))
    _developments(brief, rows)
    _assessments(brief, rows)
    found = _disagreements(kb, rows)
    found.sort(key=lambda d: (-(d["a"]["independent"] + d["b"]["independent"]), d["a"]["id"], d["b"]["id"]))
    brief.disagreements, brief.disagreements_left_out = found[:DISAGREEMENTS_SHOWN], max(0, len(found) - DISAGREEMENTS_SHOWN)
    brief.new_entities = queries.new_entities(kb, since, until, about or None)
    brief.new_claims = sorted((r for r in rows if r["first_reported"] and r["first_reported"] >= since),
                              key=lambda r: (-r["independent"], r["first_reported"]))[:20]
    brief.relations = queries.period_relations(kb, since, until)
    return brief


def _developments(brief: Brief, rows: list[dict[str, Any]]) -> None:
    """Claims grouped by main actor (the speaker of a statement, the actor of an event): first the
    actors whose best claim has the most independent sources (then the most in all), each one's
    best-sourced claims first."""
    by_actor: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        by_actor[row["source_name"] or UNKNOWN_SOURCE].append(row)
    ranked = sorted(by_actor.items(), key=lambda item: (item[0] == UNKNOWN_SOURCE,
                                                        -max(r["independent"] for r in item[1]),
                                                        -sum(r["independent"] for r in item[1]), item[0]))
    for actor, claimed in ranked[:ACTORS_SHOWN]:
        claimed.sort(key=lambda r: (-r["independent"], r["first_seen"] or "9999", r["id"]))
        brief.developments.append({"actor": actor, "claims": claimed[:CLAIMS_PER_ACTOR],
                                   "more": max(0, len(claimed) - CLAIMS_PER_ACTOR),
                                   "independent": sum(r["independent"] for r in claimed)})
    brief.actors_left_out = max(0, len(ranked) - ACTORS_SHOWN)


def _assessments(brief: Brief, rows: list[dict[str, Any]]) -> None:
    """Estimative statements (with an ICD 203 level) grouped by who assessed, the most prolific
    assessors first, each one's best-sourced first."""
    by_assessor: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        if row["kind"] == "statement" and row["confidence"] and row["confidence"] != "possible":
            by_assessor[row["source_name"] or UNKNOWN_SOURCE].append(row)
    ranked = sorted(by_assessor.items(), key=lambda item: (item[0] == UNKNOWN_SOURCE, -len(item[1]), item[0]))
    for assessor, claimed in ranked[:ASSESSORS_SHOWN]:
        claimed.sort(key=lambda r: (-r["independent"], r["first_reported"] or "", r["id"]))
        brief.assessments.append({"assessor": assessor, "claims": claimed[:ASSESSMENTS_PER_ASSESSOR],
                                  "more": max(0, len(claimed) - ASSESSMENTS_PER_ASSESSOR)})


def _disagreements(kb: Store, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Pairs of the period's statement claims that disagree (`claims.disagreements`: a denial of
    what another source states, or ICD 203 levels two steps apart), side by side."""
    listed = {row["id"]: row for row in rows if row["kind"] == "statement"}
    rebuilt = claims_layer.stored(kb, queries.claim_members(kb, ids=list(listed)))
    ids = {id(claim): claim.id for claim in rebuilt}
    return [{"a": listed[ids[id(a)]], "b": listed[ids[id(b)]], "reason": reason}
            for a, b, reason in claims_layer.disagreements(rebuilt)]
