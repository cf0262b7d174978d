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
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import cache

from sitrep.vocabularies import CONFIDENCE

# Word-set similarity above which two reports from one source say the same thing.
SAME_CONTENT = 0.5
# A paraphrase ("would not surrender a single metre" / "will not give up a single metre") shares
# less wording: its rarer words, weighted by rarity, make up this share of the shorter report's
# weight, with at least PARAPHRASE_SHARED words in common and no figure that differs.
PARAPHRASE = 0.45
PARAPHRASE_SHARED = 3
# Number words are figures, as digits are: two reports giving different numbers are different claims.
NUMBER_WORDS = frozenset("one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty "
                         "fifty hundred thousand million billion dozen dozens hundreds thousands".split())
# A quotation this many words long, found in another report by the same source, is the same statement.
QUOTED_WORDS = 4
# How many days the reports of one claim may span (a source says the same thing again later: a new claim).
SAME_CLAIM_DAYS = 7
# Word-set similarity above which two claims are about the same thing (for disagreements).
SAME_SUBJECT = 0.25
# Words compared by their first letters when asking whether two claims are about the same thing.
SUBJECT_PREFIX = 6
SUBJECT_SHARED = 2
# How far apart (days) two claims may be and still disagree with each other.
DISAGREEMENT_DAYS = 7
STOPWORDS = frozenset("a an the of to in on at by for from with and or but that this these those is are was were be "
                      "been has have had will would could should may might it its their his her they he she we our "
                      "not no as said says any other all some more most than also there which who whom what when "
                      "where can did do does into over under after before about so if then them such only own same "
                      "each both few many much off out again further once here why how just very too nor now being "
                      "having i you me my your us".split())
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
    names: str = ""  # the words that name its subjects ("Talmerian", "Drosk")


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


def stem(word: str) -> str:
    """A word without its English inflection ("shelled", "shelling", "shells" -> "shell"), so that
    two wordings of one claim meet on their lemmas without a language model."""
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[:-len(suffix)]
    return word


def similarity(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


@dataclass(frozen=True)
class Content:
    """What a report says, for comparing it with another: its words, their lemmas with the
    entities it names (as `@id`), the figures it gives, its quotations and its running words."""

    words: frozenset[str]
    terms: frozenset[str]
    figures: frozenset[str]
    quotations: tuple[str, ...]
    running: str

    @classmethod
    def of(cls, report: Report) -> "Content":
        found = words(report.text)
        figures = frozenset(re.findall(r"\d[\d,.]*\d|\d", report.text)) | (found & NUMBER_WORDS)
        terms = frozenset(stem(w) for w in found if not w.isdigit() and w not in NUMBER_WORDS)
        quoted = [_running(q) for q in re.findall(r'["“”«»„]([^"“”«»„]+)["“”«»„]', report.text)]
        return cls(found, terms | {f"@{s}" for s in report.subjects}, figures,
                   tuple(q for q in quoted if len(q.split()) >= QUOTED_WORDS), _running(report.text))


def _running(text: str) -> str:
    """A text's words in order, lowercased, single-spaced: for finding a quotation in it."""
    return " " + " ".join(re.findall(r"\w+", text.lower())) + " "


def _rarity(contents: list[Content]) -> dict[str, float]:
    """Each term's weight: how rare it is among the reports compared (smoothed inverse document
    frequency), so that sharing "metre" counts for more than sharing "border" or "town"."""
    counts = Counter(term for content in contents for term in content.terms)
    return {term: math.log((1 + len(contents)) / count) for term, count in counts.items()}


def same_claim(a: Content, b: Content, rarity: dict[str, float], known_source: bool = True) -> bool:
    """Whether two reports by one source say the same thing: near-identical words, or a
    paraphrase sharing enough of its rarer lemmas and entities and giving no other figure, or a
    quotation of QUOTED_WORDS words or more that the other report gives too. Reports with no
    known source (witnesses, unnamed officials: other people each time) only by their words."""
    if similarity(a.words, b.words) >= SAME_CONTENT:
        return True
    if not known_source:
        return False
    if any(q in b.running for q in a.quotations) or any(q in a.running for q in b.quotations):
        return True  # the same words quoted: the same statement, however it is paraphrased around them
    shared = a.terms & b.terms
    if len(shared) < PARAPHRASE_SHARED or (a.figures and b.figures and not a.figures & b.figures):
        return False
    weight = lambda terms: sum(rarity.get(t, 0.0) for t in terms)  # noqa: E731
    return weight(shared) >= PARAPHRASE * min(weight(a.terms), weight(b.terms))


def group(reports: Iterable[Report]) -> list[Claim]:
    """Reports grouped into claims: statements by source, polarity and the same content
    (`same_claim`) within SAME_CLAIM_DAYS, events by type, participants and date (undated events
    only within one story); each claim's contradictions counted (`disagreements`)."""
    claims = _grouped(reports)
    _count_contradictions(claims)
    return claims


def _grouped(reports: Iterable[Report]) -> list[Claim]:
    """Reports grouped into claims, source by source (a source's claims depend on its own
    reports alone), in the order of their first reports."""
    claims: list[Claim] = []
    events: dict[tuple, Claim] = {}
    said: dict[str | None, list[Report]] = defaultdict(list)
    for report in sorted(reports, key=_order):
        if report.kind == "statement":
            said[report.source].append(report)
            continue
        key = (report.event_type, report.source, report.target, report.date or report.channel)
        if key not in events:
            events[key] = Claim("event", report.source)
            claims.append(events[key])
        events[key].reports.append(report)
    for source, block in said.items():
        claims += statement_claims(source, block)
    claims.sort(key=lambda c: _order(c.reports[0]))
    return claims


def statement_claims(source: str | None, block: list[Report]) -> list[Claim]:
    """One source's reports (in date order) joined into claims: two reports that say the same
    thing join their claims, as long as the claim spans no more than SAME_CLAIM_DAYS. How rare a
    word is, is judged among the source's own reports (what it says every time weighs little),
    so that a source's claims depend on its reports alone."""
    contents = {id(r): Content.of(r) for r in block}
    rarity = _rarity(list(contents.values()))
    days = [_day(r.date).toordinal() if r.date else None for r in block]
    undated = next((i for i, d in enumerate(days) if d is None), len(block))  # date order puts them last
    parent = list(range(len(block)))
    span = [(d, d) if d is not None else (math.inf, -math.inf) for d in days]

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def partners(i: int) -> Iterable[int]:
        """The later reports `i` may share a claim with: dated ones within the window (an undated
        report, any)."""
        for j in range(i + 1, undated):
            if days[j] - days[i] > SAME_CLAIM_DAYS:
                break
            yield j
        yield from range(max(i + 1, undated), len(block))

    for i, a in enumerate(block):
        for j in partners(i):
            b, ra, rb = block[j], root(i), root(j)
            if ra == rb or a.polarity != b.polarity:
                continue
            first, last = min(span[ra][0], span[rb][0]), max(span[ra][1], span[rb][1])
            if (last - first <= SAME_CLAIM_DAYS or first > last) and same_claim(contents[id(a)], contents[id(b)], rarity, source is not None):
                parent[rb], span[ra] = ra, (first, last)
    found: dict[int, Claim] = {}
    for i, report in enumerate(block):
        found.setdefault(root(i), Claim("statement", source)).reports.append(report)
    return list(found.values())


def _order(report: Report) -> tuple:
    return (report.date or "9999", report.document_id, report.item)


def disagreements(claims: list[Claim]) -> list[tuple[Claim, Claim, str]]:
    """Pairs of statement claims by different known sources about the same thing (`_same_subject`)
    within DISAGREEMENT_DAYS that disagree: opposite polarity, or confidence two or more steps
    apart on the ICD 203 scale. Only pairs that could disagree are compared (a denial with what
    shares an entity with it, an estimate with another estimate), so the pass stays near linear;
    and each pair is judged on the two claims alone, so a claim's disagreements do not change
    with claims about other things."""
    statements = [c for c in claims if c.kind == "statement" and c.first_seen and c.source]
    order = {id(c): i for i, c in enumerate(statements)}
    days = {id(c): _day(c.first_seen).toordinal() for c in statements}
    by_subject: dict[str, list[Claim]] = defaultdict(list)
    for claim in statements:
        for subject in claim.subjects:
            by_subject[subject].append(claim)
    pairs: set[tuple[int, int]] = set()
    for claim in statements:
        if claim.polarity != "negative" and claim.confidence not in CONFIDENCE:
            continue
        for subject in claim.subjects:
            for other in by_subject[subject]:
                if other is not claim and abs(days[id(other)] - days[id(claim)]) <= DISAGREEMENT_DAYS:
                    pairs.add(tuple(sorted((order[id(claim)], order[id(other)]))))
    found = []
    for i, j in sorted(pairs):
        a, b = statements[i], statements[j]
        if a.source == b.source:
            continue
        if a.polarity != b.polarity:
            reason = "opposite polarity"
        elif a.confidence in CONFIDENCE and b.confidence in CONFIDENCE and \
                abs(CONFIDENCE.index(a.confidence) - CONFIDENCE.index(b.confidence)) >= 2:
            reason = "confidence two or more steps apart"
        else:
            continue
        if _same_subject(a, b):
            found.append((a, b, reason))
    return found


def _count_contradictions(claims: list[Claim]) -> None:
    for a, b, reason in disagreements(claims):
        if reason == "opposite polarity":
            a.contradicted_by += b.independent
            b.contradicted_by += a.independent


def _same_subject(a: Claim, b: Claim) -> bool:
    """Whether two claims naming an entity in common are about the same thing: besides the words
    that name their entities ("Talmerian", "Drosk", which any two claims about them share), they
    have SUBJECT_SHARED words in common, SAME_SUBJECT of the shorter one's. Words are compared
    by their first SUBJECT_PREFIX letters, so that "withdrawn" and "withdrawal" meet."""
    first, second = _content_prefixes(a), _content_prefixes(b)
    shared = first & second
    return len(shared) >= SUBJECT_SHARED and len(shared) >= SAME_SUBJECT * min(len(first), len(second))


def _content_prefixes(claim: Claim) -> frozenset[str]:
    """The words of every report of a claim, less those naming its entities: a claim is about what
    any of its reports says (one copy may shorten "the Kardenian town of Drosk" to "Drosk")."""
    naming = frozenset().union(*(_prefixes(r.names.replace(",", " ")) for r in claim.reports))
    return frozenset().union(*(_prefixes(r.text) for r in claim.reports)) - naming


def _prefixes(text: str) -> frozenset[str]:
    return frozenset(w[:SUBJECT_PREFIX] for w in words(text))


def _day(value: str) -> date:
    parts = [int(p) for p in value.split("-")] + [1, 1]
    return date(parts[0], parts[1], parts[2])


def _days_apart(a: str, b: str) -> int:
    return abs((_day(a) - _day(b)).days)


def channel(row: dict) -> str:
    """The independent source a stored report came through: the original a statement relays
    (its `via`), the speaker of the statement an event was told in, the publication an
    "according to a report by X" cites, else the outlet of its story's first copy."""
    if row["via"]:
        return f"via:{row['via'][-1]}"
    if row["reporter"]:
        return f"via:{row['reporter']}"
    if row["source"] and (row["cue"] or "").lower().startswith("according to") and _names_a_document(row["source_text"]):
        return f"via:{row['source']}"
    return row["outlet"]


def _names_a_document(words: str | None) -> bool:
    """Whether a statement's source words are a document ("a report", "the institute's study")."""
    return bool(words) and bool(set(re.findall(r"\w+", words.lower())) & _document_nouns())


@cache
def _document_nouns() -> frozenset[str]:
    from sitrep.data import load_json

    return frozenset(load_json("attribution.json")["document_nouns"])


def reports(rows: Iterable[dict]) -> list[Report]:
    """The stored rows (`Store.claim_reports`) as reports, each with its channel. A document that
    relays a source's publication relays it for all that source says in it: "according to a
    report by the institute, ... The institute also judged that ..." is one publication."""
    rows = list(rows)
    relayed = {(row["document_id"], row["source"]): channel(row) for row in rows
               if row["source"] and channel(row) == f"via:{row['source']}"}
    return [Report(kind=row["kind"], document_id=row["document_id"], item=row["item"], source=row["source"],
                   text=row["text"], date=row["date"], confidence=row["confidence"], polarity=row["polarity"],
                   subjects=row["subjects"], names=row["names"], event_type=row["event_type"], target=row["target"],
                   channel=relayed.get((row["document_id"], row["source"])) or channel(row))
            for row in rows]


def update(store, added: list[str] | None = None) -> list[Claim]:
    """Group the statements and events of the knowledge base into claims and store them.

    Without `added`, a pass over the whole knowledge base. With the ids of the documents an
    ingest added, only what they can change, with the same result as a whole pass: the claims
    of every source and actor their reports name are grouped again (a source's claims depend on
    its own reports alone), and the grades of the claims within two weeks of those that changed
    are counted again (a new denial lowers what it contradicts, and what contradicts it).
    Returns the claims grouped."""
    if added is None:
        grouped = group(reports(store.claim_reports()))
        store.save_claims([_row(c) for c in grouped], _report_rows(grouped))
        return grouped
    from sitrep import queries

    names = {row["source"] for row in store.claim_reports(added)}
    if not names:
        return []
    regrouped = _grouped(reports(store.claim_reports(sources=names)))
    before = queries.claim_members(store, sources=names)
    changed = [c for c in regrouped if before.get(c.id, {}).get("items") != _items(c)]
    kept_ids = {c.id for c in regrouped}
    changed_days = [_day(c.first_seen).toordinal() for c in changed if c.kind == "statement" and c.first_seen]
    changed_days += [_day(old["first_seen"]).toordinal() for claim_id, old in before.items()
                     if claim_id not in kept_ids and old["kind"] == "statement" and old["first_seen"]]
    regraded: dict[str, int] = {}
    for claim in regrouped:
        claim.contradicted_by = 0
    if changed_days:
        low, high = min(changed_days), max(changed_days)
        near = lambda claim, reach: claim.first_seen and low - reach <= _day(claim.first_seen).toordinal() <= high + reach  # noqa: E731
        others = stored(store, queries.claim_members(
            store, first_seen=(_iso(low - 2 * DISAGREEMENT_DAYS), _iso(high + 2 * DISAGREEMENT_DAYS)), exclude=names))
        _count_contradictions(others + [c for c in regrouped if near(c, 2 * DISAGREEMENT_DAYS)])
        affected = [c for c in others + regrouped if near(c, DISAGREEMENT_DAYS)]
        regraded = {c.id: c.credibility for c in affected if c.source not in names}
        settled = {c.id for c in affected}
    else:
        settled = set()
    for claim in regrouped:  # far from every change: its grade is what it was
        if claim.id not in settled and claim.id in before and claim.kind == "statement" and claim.first_seen:
            claim.contradicted_by = _contradictions_of(before[claim.id]["credibility"], claim.independent)
    store.replace_claims(names, [_row(c) for c in regrouped], _report_rows(regrouped), regraded)
    return regrouped


def _row(claim: Claim) -> dict:
    return {"id": claim.id, "kind": claim.kind, "source": claim.source, "text": claim.text,
            "first_seen": claim.first_seen, "reports": len(claim.reports), "independent": claim.independent,
            "credibility": claim.credibility, "confidence": claim.confidence, "polarity": claim.polarity}


def _report_rows(grouped: list[Claim]) -> list[dict]:
    return [{"claim_id": c.id, "document_id": r.document_id, "kind": r.kind, "item": r.item, "channel": r.channel}
            for c in grouped for r in c.reports]


def _items(claim: Claim) -> frozenset[tuple[str, str, str]]:
    return frozenset((r.document_id, r.kind, r.item) for r in claim.reports)


def _iso(day_number: int) -> str:
    return date.fromordinal(day_number).isoformat()


def _contradictions_of(grade: int, independent: int) -> int:
    """A stored grade's contradiction as a count that gives it back (`credibility`): none for 1-3,
    fewer sources than support the claim for 4, more for 5."""
    return 0 if grade <= 3 or grade == 6 else independent if grade == 4 else independent + 1


def stored(store, members: dict[str, dict]) -> list[Claim]:
    """Stored claims (`queries.claim_members`) rebuilt with their reports as grouping made them
    (for counting contradictions, or finding disagreements among some of them), in id order."""
    wanted = {item: claim_id for claim_id, member in members.items() for item in member["items"]}
    found: dict[str, Claim] = {}
    documents = sorted({document for document, _, _ in wanted})
    for report in reports(store.claim_reports(documents)) if documents else []:
        claim_id = wanted.get((report.document_id, report.kind, report.item))
        if claim_id is not None:
            found.setdefault(claim_id, Claim(members[claim_id]["kind"], members[claim_id]["source"])).reports.append(report)
    for claim in found.values():
        claim.reports.sort(key=_order)
    return [found[claim_id] for claim_id in sorted(found)]
