"""How long a brief takes on a large knowledge base (target: under 10 s).

    .venv/bin/python bench/bench_brief.py [--docs 10000] [--db /tmp/sitrep-bench-brief.db] [--runs 3]

Builds the knowledge base once (reused when it holds at least --docs documents): generated
records, not analysed text, so that 10,000 documents take minutes, not hours. Each document is
a dispatch of a fictional conflict on one day of a year (about 27 a day), from one of 40 outlets,
with 6 statements (drawn from 3,000 recurring claims by 200 speakers about 600 actors, so that the
same claim is carried by several outlets, some denied, some with an ICD 203 level) and 3 events
between 8 of the actors; every tenth is a syndicated copy of the day's first story. Records go
through `Store.add` (near-duplicate detection included), then `claims.update` groups them once.

Then times, on a copy of it, `claims.update` over the whole knowledge base and for one more
day's documents only (what `ingest` runs after a batch); and `sitrep.brief.build` and each
rendering (md, html, pdf) for one day and for one week, --runs times each, printing the median
and the slowest.
"""
import argparse
from dataclasses import replace
import random
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

FIRST_DAY = date(2025, 1, 1)
DAYS = 365
OUTLETS = [(f"Bench Outlet {k}", f"https://outlet{k}.example.org") for k in range(40)]
ACTOR_TYPES = ("PERSON", "ORG", "GPE")
VERBS = ("shelled", "struck", "reinforced", "abandoned", "mined", "encircled", "supplied", "evacuated")
PLACES = [f"Place{k}" for k in range(150)]
EVENT_TYPES = ("ASSAULT", "COERCE", "CONSULT", "AID", "MOBILIZE", "THREATEN", "ACCUSE", "AGREE")
LEVELS = (None, None, None, None, "likely", "unlikely", "very_likely", "even")
FILLER = ("officials", "residents", "reported", "overnight", "convoy", "artillery", "positions", "bridge",
          "supply", "drones", "airfield", "village", "river", "ceasefire", "talks", "sanctions")


def _actors(rng: random.Random) -> list[tuple[str, str, str]]:
    return [(f"bench:a{k}", f"Actor{k} " + rng.choice(("Varn", "Ostrel", "Kesk", "Dalm", "Ruvo")), ACTOR_TYPES[k % 3])
            for k in range(600)]


def _document(number: int, rng: random.Random, actors, claims):
    """One generated dispatch: text with its entities, statements and events at their offsets."""
    from sitrep.schema import Document, Entity, Event, Mention, Statement

    day = FIRST_DAY + timedelta(days=number * DAYS // DOCS)
    outlet, site = OUTLETS[number % len(OUTLETS)]
    cast = rng.sample(actors, 8)
    parts: list[str] = []
    offset = 0
    mentions: dict[str, list] = {}
    named = {a[0]: a for a in cast}
    statements, events = [], []

    def add(text: str) -> int:
        nonlocal offset
        start = offset
        parts.append(text)
        offset += len(text)
        return start

    def name(actor) -> None:
        start = add(actor[1])
        named[actor[0]] = actor
        mentions.setdefault(actor[0], []).append(Mention(start, start + len(actor[1]), actor[1]))

    for k in range(6):
        speaker, subject_actor, verb, place, level, polarity = claims[rng.randrange(len(claims))]
        name(speaker)
        add(" said that ")
        begin = offset
        if polarity == "negative":
            add("no unit of ")
        name(subject_actor)
        hedge = {"likely": " likely", "unlikely": " unlikely", "very_likely": " very likely", "even": " perhaps"}.get(level, "")
        add(f"{hedge} {verb} {place} " + " ".join(rng.sample(FILLER, 3)))
        end = offset
        add(". ")
        statements.append(Statement(id=f"s{k}", kind="indirect", source=speaker[0], source_text=speaker[1], cue="said",
                                    content="".join(parts)[begin:end], start=begin, end=end, date=day.isoformat(),
                                    confidence=level, polarity=polarity))
    for k in range(3):
        actor, target = cast[k], cast[k + 3]
        begin = offset
        name(actor)
        add(f" {rng.choice(VERBS)} ")
        name(target)
        add(f" near {rng.choice(PLACES)}. ")
        events.append(Event(type=rng.choice(EVENT_TYPES), start=begin, end=offset - 1, actor=actor[0],
                            target=target[0], date=day.isoformat()))
    add(" ".join(rng.choice(FILLER) for _ in range(40)) + f" dispatch {number}.")
    entities = [Entity(id=key, name=named[key][1], type=named[key][2], mentions=found) for key, found in mentions.items()]
    return Document(origin=f"bench#{number}", text="".join(parts), id=f"bench{number:06d}",
                    title=f"Dispatch {number}: {cast[0][1]} and {cast[3][1]}", published=day.isoformat(),
                    source=outlet, url=f"{site}/{day.isoformat()}/dispatch-{number}", language="en",
                    entities=entities, statements=statements, events=events)


def build(db: Path, docs: int) -> None:
    """Generate and store `docs` documents, then group their claims (once)."""
    from sitrep import claims
    from sitrep.store import Store

    rng = random.Random(14)
    actors = _actors(rng)
    claim_pool = [(rng.choice(actors[:200]), rng.choice(actors), rng.choice(VERBS), rng.choice(PLACES), rng.choice(LEVELS),
                   "negative" if rng.random() < 0.1 else "positive") for _ in range(3000)]
    with Store(db) as kb:
        have = kb.count()
        if have >= docs:
            return
        started = time.perf_counter()
        story = None
        for number in range(have, docs):
            if number % 10 == 9 and story is not None:  # a syndicated copy of an earlier story, under another outlet
                outlet, site = OUTLETS[(number * 7) % len(OUTLETS)]
                kb.add(replace(story, id=f"bench{number:06d}", origin=f"bench#{number}", source=outlet,
                               url=f"{site}/copy-{number}", text=story.text.replace("dispatch", "wire copy")))
                continue
            document = _document(number, rng, actors, claim_pool)
            story = document if number % 10 == 0 else story
            kb.add(document)
        print(f"stored {docs - have} generated documents in {time.perf_counter() - started:.0f} s", file=sys.stderr)
        started = time.perf_counter()
        grouped = claims.update(kb)
        print(f"claims.update (a full pass): {len(grouped):,} claims from {sum(len(c.reports) for c in grouped):,} "
              f"reports in {time.perf_counter() - started:.1f} s", file=sys.stderr)


def update_times(db: Path) -> None:
    """`claims.update` over everything, then for one more day's documents, on a copy of `db`."""
    import shutil
    import tempfile

    from sitrep import claims
    from sitrep.store import Store

    rng = random.Random(15)
    actors = _actors(random.Random(14))
    pool = [(rng.choice(actors[:200]), rng.choice(actors), rng.choice(VERBS), rng.choice(PLACES), rng.choice(LEVELS),
             "positive") for _ in range(3000)]
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / "copy.db"
        shutil.copy(db, copy)
        with Store(copy) as kb:
            started = time.perf_counter()
            grouped = claims.update(kb)
            whole = time.perf_counter() - started
            total = kb.count()
            added = []
            for number in range(total, total + DOCS // DAYS):
                document = _document(number, rng, actors, pool)
                kb.add(document)
                added.append(document.id)
            started = time.perf_counter()
            regrouped = claims.update(kb, added)
            step = time.perf_counter() - started
        print(f"claims.update, whole knowledge base ({total:,} documents): {whole:.1f} s, {len(grouped):,} claims")
        print(f"claims.update, {len(added)} documents added: {step:.1f} s, {len(regrouped):,} claims of their "
              f"sources and actors grouped again")


def timed(action, runs: int) -> tuple[float, float, object]:
    times, result = [], None
    for _ in range(runs):
        started = time.perf_counter()
        result = action()
        times.append(time.perf_counter() - started)
    return statistics.median(times), max(times), result


DOCS = 10_000


def main() -> None:
    global DOCS
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=DOCS)
    parser.add_argument("--db", default="/tmp/sitrep-bench-brief.db")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    DOCS = args.docs
    build(Path(args.db), args.docs)

    from sitrep.brief import build as build_brief
    from sitrep.brief.render import render
    from sitrep.store import Store

    update_times(Path(args.db))

    day = (FIRST_DAY + timedelta(days=DAYS // 2)).isoformat()
    week_end = (FIRST_DAY + timedelta(days=DAYS // 2 + 6)).isoformat()
    with Store(args.db, create=False) as kb:
        print(f"{kb.count():,} documents; medians and slowest of {args.runs} runs")
        print(f"{'brief':52} {'median s':>9} {'max s':>8}  content")
        for label, bounds in ((f"one day ({day})", {"date": day}), (f"one week ({day} to {week_end})",
                                                                     {"since": day, "until": week_end})):
            median, slowest, brief = timed(lambda: build_brief(kb, **bounds), args.runs)
            claims_shown = sum(len(g["claims"]) for g in brief.developments)
            print(f"{'build, ' + label:52} {median:9.2f} {slowest:8.2f}  {brief.claim_count:,} claims, "
                  f"{claims_shown} shown, {len(brief.disagreements)} disagreements, {len(brief.new_entities)} new names")
            for fmt in ("md", "html", "pdf"):
                median, slowest, written = timed(lambda: render(build_brief(kb, **bounds), fmt), args.runs)
                print(f"{'build + ' + fmt + ', ' + label:52} {median:9.2f} {slowest:8.2f}  {len(written):,} bytes")


if __name__ == "__main__":
    main()
