"""The `sitrep` command: a thin layer over the library API (`sitrep.run`, `sitrep.store`).

Commands import what they use (the language models, the database layer, the export
libraries) when they run, so that `--help` and reading commands start at once.
"""
import enum
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, TypeVar

import typer
from rich.console import Console
from rich.text import Text

from sitrep import __version__
from sitrep.errors import InputError, StoreError
from sitrep.export import FORMATS
from sitrep.periods import period
from sitrep.vocabularies import CONFIDENCE, ENTITY_TYPES

if TYPE_CHECKING:
    from sitrep.store import Store

app = typer.Typer(help="Turn conflict and geopolitics news into sourced, structured intelligence.",
                  no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False)


def _version(shown: bool) -> None:
    if shown:
        print(f"sitrep {__version__}")
        raise typer.Exit()


@app.callback()
def _options(version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                                   help="Print the version and exit.")] = False) -> None:
    """Turn conflict and geopolitics news into sourced, structured intelligence."""
err = Console(stderr=True, highlight=False, soft_wrap=True)
out = Console(highlight=False, soft_wrap=True)

Paths = Annotated[list[str], typer.Argument(help="Files, folders, http(s) URLs, or - for standard input.")]
Db = Annotated[str, typer.Option("--db", envvar="SITREP_DB", help=(
    "The knowledge base: an SQLite file, or a database URL (postgresql+psycopg://user@host/db)."))]
EntityType = enum.Enum("EntityType", {name: name for name in ENTITY_TYPES}, type=str)
Confidence = enum.Enum("Confidence", {name: name for name in CONFIDENCE}, type=str)
ExportFormat = enum.Enum("ExportFormat", {name: name for name in FORMATS}, type=str)
Workers = Annotated[int, typer.Option("--workers", min=1, help="Processes that run the pipeline.")]
T = TypeVar("T")


class Failures:
    """Prints one line per bad input and remembers that some failed (for the exit status)."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, error: InputError) -> None:
        self.count += 1
        err.print(Text(f"sitrep: error: {error.origin}: {error.reason}"))


def _progress(items: Iterable[T], label: str) -> Iterator[T]:
    """A live count on a terminal; nothing at all when stderr is piped.

    Ctrl-C ends the batch with a one-line message: whatever was stored before stays stored.
    """
    try:
        if not err.is_terminal:
            yield from items
            return
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        columns = (SpinnerColumn(), TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
        with Progress(*columns, console=err, transient=True) as progress:
            task = progress.add_task(label, total=None)
            for item in items:
                yield item
                progress.advance(task)
    except KeyboardInterrupt:
        err.print("sitrep: interrupted; documents finished before now are kept")
        raise typer.Exit(130)


@contextmanager
def _open(db: str, create: bool = False) -> Iterator["Store"]:
    """The knowledge base `db`; one line and exit status 1 when it does not exist (for reading)
    or cannot be created or used."""
    from sitrep.store import Store

    try:
        store = Store(db, create=create)
    except StoreError as error:
        err.print(Text(f"sitrep: error: {error}"))
        raise typer.Exit(1)
    with store:
        yield store


def _print_notes(origin: str, notes: list[str]) -> None:
    for note in notes:
        err.print(Text(f"sitrep: note: {origin}: {note}"))


def _exit(failures: Failures) -> None:
    if failures.count:
        err.print(f"sitrep: {failures.count} input(s) failed")
        raise typer.Exit(1)


@app.command()
def extract(paths: Paths, workers: Workers = 1) -> None:
    """Write one sitrep/1 record per document as JSON Lines on standard output."""
    from sitrep import run
    from sitrep.schema import to_json

    failures = Failures()
    for doc in _progress(run.documents(paths, on_error=failures, workers=workers), "extracting"):
        _print_notes(doc.origin, doc.notes)
        sys.stdout.write(to_json(doc) + "\n")
    sys.stdout.flush()
    _exit(failures)


# A large batch of syndicated copies would flood the terminal: the first few are named, the rest counted.
NEAR_DUPLICATES_SHOWN = 5


@app.command()
def ingest(paths: Paths, db: Db = "sitrep.db", workers: Workers = 1,
           reprocess: Annotated[bool, typer.Option(help="Replace the extractions of documents already stored.")] = False) -> None:
    """Extract documents and store them in the knowledge base."""
    from sitrep import run

    failures = Failures()
    counts = {"added": 0, "near_duplicate": 0, "exists": 0, "reprocessed": 0}
    new: list[str] = []
    with _open(db, create=True) as store:
        for added in _progress(run.ingest(paths, store, on_error=failures, workers=workers, reprocess=reprocess),
                               "ingesting"):
            counts[added.status] += 1
            if added.status in ("added", "near_duplicate"):
                new.append(added.id)
            _print_notes(added.origin or added.id, added.notes)
            if added.status == "near_duplicate" and counts["near_duplicate"] <= NEAR_DUPLICATES_SHOWN:
                err.print(Text(f"sitrep: {added.id}: near-duplicate of {added.duplicate_of}"))
        if counts["added"] or counts["near_duplicate"] or counts["reprocessed"]:
            from sitrep import claims

            # only what the new documents change; replaced extractions may leave any claim behind: all again
            claims.update(store, None if counts["reprocessed"] else new)
        total = store.count()
    if counts["near_duplicate"] > NEAR_DUPLICATES_SHOWN:
        err.print(f"sitrep: … and {counts['near_duplicate'] - NEAR_DUPLICATES_SHOWN} more near-duplicates "
                  "(sitrep documents marks them)")
    reprocessed = f"{counts['reprocessed']} reprocessed, " if reprocess else ""
    err.print(f"sitrep: {counts['added']} added, {counts['near_duplicate']} near-duplicates linked, "
              f"{counts['exists']} already stored, {reprocessed}{failures.count} failed; {total} documents in {store.database.name}")
    _exit(failures)


class Engine(str, enum.Enum):
    local = "local"
    ray = "ray"


@app.command()
def batch(paths: Annotated[list[str], typer.Argument(help="Files and folders (WARC, JSON Lines, HTML, text, feeds).")],
          out: Annotated[str, typer.Option("--out", help="Folder for the Parquet shards and _manifest.json.")],
          engine: Annotated[Engine, typer.Option(help="local: processes on this machine; ray: Ray Data.")] = Engine.local,
          address: Annotated[str | None, typer.Option(help="A Ray cluster to run on (ray engine; default: Ray on this machine).")] = None,
          workers: Annotated[int | None, typer.Option(min=1, help="Processes (local, default 1) or Ray actors "
                                                              "(default: every CPU) that run the analysis.")] = None,
          shard_mb: Annotated[float, typer.Option(min=0, help="Input megabytes per shard (a larger file is one shard).")] = 64,
          batch_size: Annotated[int, typer.Option(min=1, help="Documents a worker analyses together (fewer: less memory, "
                                                               "results sooner; Ray Data's may span shards).")] = 16) -> None:
    """Extract large inputs into Parquet shards with a manifest; a rerun resumes where a crash stopped."""
    from sitrep import batch as batching

    if address and engine is not Engine.ray:
        _refuse("--address is for --engine ray")
    failures = Failures()
    with _shard_progress() as shard_done:
        try:
            summary = batching.run(paths, out, engine=engine.value, workers=workers, address=address,
                                   shard_mb=shard_mb, batch_size=batch_size, on_error=failures, on_shard=shard_done)
        except batching.ManifestError as error:
            err.print(Text(f"sitrep: error: {error}"))
            raise typer.Exit(1)
    err.print(f"sitrep: {summary.written} shards written, {summary.done_before} done before, of {summary.shards}; "
              f"{summary.documents} documents written, {summary.duplicates} exact copies dropped, "
              f"{failures.count} failed; {out}")
    _exit(failures)


@contextmanager
def _shard_progress() -> Iterator:
    """A bar of shards written on a terminal (nothing when stderr is piped); yields the callback
    the batch calls for each shard."""
    if not err.is_terminal:
        yield lambda name, documents, done, shards: None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    written = {"documents": 0}
    with Progress(TextColumn("batch"), BarColumn(), MofNCompleteColumn(), TextColumn("shards, {task.fields[docs]} documents"),
                  TimeElapsedColumn(), console=err, transient=True) as progress:
        task = progress.add_task("batch", total=None, docs=0)

        def shard_done(name: str, documents: int, done: int, shards: int) -> None:
            written["documents"] += documents
            progress.update(task, completed=done, total=shards, docs=written["documents"])

        try:
            yield shard_done
        except KeyboardInterrupt:
            err.print("sitrep: interrupted; shards finished before now are kept (run again to resume)")
            raise typer.Exit(130)


@app.command()
def load(folder: Annotated[str, typer.Argument(help="The --out folder of sitrep batch.")], db: Db = "sitrep.db") -> None:
    """Bulk-load the output of sitrep batch into a knowledge base, then regroup claims."""
    from sitrep import claims
    from sitrep.batch import ManifestError
    from sitrep.batch.load import load as load_batch

    counts = {"added": 0, "near_duplicate": 0, "exists": 0}
    with _open(db, create=True) as store:
        try:
            for added in _progress(load_batch(folder, store), "loading"):
                counts[added.status] += 1
        except ManifestError as error:
            err.print(Text(f"sitrep: error: {error}"))
            raise typer.Exit(1)
        if counts["added"] or counts["near_duplicate"]:
            claims.update(store)
        total = store.count()
    err.print(f"sitrep: {counts['added']} added, {counts['near_duplicate']} near-duplicates linked, "
              f"{counts['exists']} already stored; {total} documents in {store.database.name}")


@app.command()
def documents(db: Db = "sitrep.db", limit: Annotated[int, typer.Option(help="How many.")] = 50,
              outdated: Annotated[bool, typer.Option(
                  "--outdated", help="Only those made by another sitrep, model or lexicon than this one "
                                     "(what `ingest --reprocess` would read differently), with what changed.")] = False) -> None:
    """List stored documents, newest first."""
    if outdated:
        _outdated_documents(db, limit)
        return
    with _open(db) as store:
        for row in store.documents(limit=limit):
            line = Text(f"{row['id'][:12]}  {row['published'] or '----------'}  ", style="bold")
            line.append(row["title"] or "(no title)")
            line.append(f"  [{row['source'] or 'unknown outlet'}]", style="dim")
            if row["duplicate_of"]:
                line.append(f"  near-duplicate of {row['duplicate_of'][:12]}", style="yellow")
            out.print(line)


def _outdated_documents(db: str, limit: int) -> None:
    """The documents `--outdated` lists, each with what changed since it was made, and how many."""
    from sitrep import versions

    now = versions.current()
    with _open(db) as store:
        rows, total = store.outdated(now, limit=limit)
        stored = store.count()
    for row in rows:
        line = Text(f"{row['id'][:12]}  {row['published'] or '----------'}  ", style="bold")
        line.append(row["title"] or "(no title)")
        line.append(f"  [{row['origin']}]", style="dim")
        line.append(f"  changed: {', '.join(versions.changed(row['versions'], now))}" if row["versions"]
                    else "  made before records carried versions", style="yellow")
        out.print(line)
    err.print(Text(f"sitrep: {total} of {stored} documents made by other versions than this sitrep's"))


@app.command()
def search(query: str, db: Db = "sitrep.db", limit: Annotated[int, typer.Option(help="How many results.")] = 20) -> None:
    """Full-text search over titles and text, best matches first, with snippets."""
    with _open(db) as store:
        try:
            hits = store.search(query, limit=limit)
        except ValueError as error:
            _refuse(str(error))
    if not hits:
        err.print(Text(f"sitrep: no document matches {query!r}"))
        return
    for hit in hits:
        head = Text(f"{hit.id[:12]}  {hit.published or '----------'}  ", style="bold")
        head.append(hit.title or "(no title)", style="bold")
        head.append(f"  [{hit.source or 'unknown outlet'}]", style="dim")
        out.print(head)
        out.print(_highlight(hit.snippet))


def _refuse(message: str) -> None:
    """A request that makes no sense: one line, exit status 2 (as for any bad option)."""
    err.print(Text(f"sitrep: error: {message}"))
    raise typer.Exit(2)


def _highlight(snippet: str) -> Text:
    """A snippet with FTS5's match markers (\\x02 … \\x03) shown in colour, the rest verbatim."""
    line = Text("    ")
    for i, part in enumerate(snippet.replace("\x03", "\x02").split("\x02")):
        line.append(" ".join(part.split("\n")), style="bold yellow" if i % 2 else "")
    return line


@app.command("entities")
def list_entities(db: Db = "sitrep.db",
                  type_: Annotated[EntityType | None, typer.Option("--type", case_sensitive=False, help="Only entities of this type.")] = None,
                  top: Annotated[int, typer.Option(help="How many.")] = 30) -> None:
    """List entities with how many mentions and documents they have."""
    with _open(db) as store:
        rows = store.entities(type_.value if type_ else None, top)
    for row in rows:
        line = Text(f"{row['documents']:>5} docs {row['mentions']:>6} mentions  {row['type']:<9} ", style="bold")
        line.append(row["name"])
        line.append(f"  {row['id']}", style="dim")
        out.print(line)


@app.command()
def entity(name: Annotated[str, typer.Argument(help="An id, a canonical name, or any name it was given.")],
           db: Db = "sitrep.db") -> None:
    """Show one entity: its aliases and the documents that mention it."""
    with _open(db) as store:
        found = store.entity(name)
    if found is None:
        err.print(Text(f"sitrep: no entity named {name!r}"))
        raise typer.Exit(1)
    out.print(Text(f"{found['name']}  ({found['type']}, {found['id']})", style="bold"))
    if found["wikidata"]:
        out.print(Text(f"  wikidata: https://www.wikidata.org/wiki/{found['wikidata']}"))
    out.print(Text("  aliases: ") + Text("; ".join(f"{a['text']} ({a['count']})" for a in found["aliases"])))
    for doc in found["documents"]:
        line = Text(f"  {doc['id'][:12]}  {doc['published'] or '----------'}  ")
        line.append(doc["title"] or "(no title)")
        line.append(f"  [{doc['source'] or 'unknown outlet'}] {doc['mentions']} mentions", style="dim")
        out.print(line)


@app.command("statements")
def list_statements(
        db: Db = "sitrep.db",
        source: Annotated[str | None, typer.Option(help="Who said it (any name the entity was given).")] = None,
        about: Annotated[str | None, typer.Option(help="Whom or what it is about (named in the content).")] = None,
        min_confidence: Annotated[Confidence | None, typer.Option(
            case_sensitive=False, help="At least this sure, on the ICD 203 scale.")] = None,
        limit: Annotated[int, typer.Option(help="How many.")] = 50) -> None:
    """What SOURCE has said or assessed about ABOUT, how sure, through whom, with citations."""
    with _open(db) as store:
        rows = store.statements(source, about, min_confidence.value if min_confidence else None, limit)
    if not rows:
        err.print("sitrep: no statement matches")
        return
    for row in rows:
        chain = " via ".join([row["source_name"] or row["source_text"] or "(unknown source)", *row["via_names"]])
        sureness = row["confidence"] or "no estimate"
        head = Text(f"{row['date'] or '----------'}  ", style="bold")
        head.append(chain, style="bold")
        head.append(f"  [{sureness}{', denies' if row['polarity'] == 'negative' else ''}] {row['cue']}", style="cyan")
        out.print(head)
        out.print(Text("    “") + Text(row["content"]) + Text("”"))
        cite = f"    — {row['title'] or '(no title)'}, {row['outlet'] or 'unknown outlet'}, {row['published'] or 'undated'}"
        out.print(Text(cite, style="dim"))


@app.command("claims")
def list_claims(db: Db = "sitrep.db",
                update: Annotated[bool, typer.Option("--update", help="Regroup every statement and event first.")] = False,
                about: Annotated[str | None, typer.Option(help="Only claims by or naming this entity.")] = None,
                since: Annotated[str | None, typer.Option(help="First seen from this date.")] = None,
                until: Annotated[str | None, typer.Option(help="First seen up to this date.")] = None,
                min_sources: Annotated[int, typer.Option(min=1, help="At least this many independent sources.")] = 1,
                reliability: Annotated[str | None, typer.Option(
                    help="JSON file of source reliability grades A-F (default: $SITREP_RELIABILITY; else all F).")] = None,
                limit: Annotated[int, typer.Option(help="How many.")] = 30) -> None:
    """Claims across documents: what several documents report, with independent sources and a grade
    (source reliability A-F, information credibility 1-6), and the disagreements between sources."""
    from sitrep import claims as claims_layer, queries
    from sitrep.reliability import Reliability

    try:
        since, until = period(since, until)
        grades = Reliability.load(reliability)
    except ValueError as error:
        _refuse(str(error))
    with _open(db) as store:
        if update:
            grouped = claims_layer.update(store)
            err.print(f"sitrep: {len(grouped)} claims from {sum(len(c.reports) for c in grouped)} reports")
        rows = queries.claim_list(store, about, since, until, min_sources, limit)
    if not rows:
        err.print("sitrep: no claim matches" + ("" if update else " (sitrep claims --update groups them)"))
        return
    for row in rows:
        grade = grades.of(row["source_name"], *(d["outlet"] for d in row["documents"])) + str(row["credibility"])
        head = Text(f"{grade}  {row['first_seen'] or '----------'}  ", style="bold")
        head.append(row["source_name"] or "(unknown source)", style="bold")
        head.append(f"  [{row['kind']}; {row['independent']} independent source{'s' if row['independent'] != 1 else ''}, "
                    f"{row['reports']} report{'s' if row['reports'] != 1 else ''}; "
                    f"{claims_layer.CREDIBILITY[row['credibility']]}; {row['confidence'] or 'no estimate'}"
                    f"{', negative' if row['polarity'] == 'negative' else ''}]", style="cyan")
        out.print(head)
        out.print(Text("    “") + Text(" ".join(row["text"].split())) + Text("”"))
        for doc in row["documents"]:
            out.print(Text(f"    — {doc['title'] or '(no title)'}, {doc['outlet'] or 'unknown outlet'}, "
                           f"{doc['published'] or 'undated'}", style="dim"))


BriefFormat = enum.Enum("BriefFormat", {name: name for name in ("md", "html", "pdf")}, type=str)


@app.command("brief")
def brief_command(db: Db = "sitrep.db",
                  date: Annotated[str | None, typer.Option(help="The day (default: the latest day with documents).")] = None,
                  since: Annotated[str | None, typer.Option(help="Or a period: from this date...")] = None,
                  until: Annotated[str | None, typer.Option(help="...to this one.")] = None,
                  about: Annotated[list[str] | None, typer.Option(help="Only what concerns this entity (repeatable).")] = None,
                  fmt: Annotated[BriefFormat, typer.Option("--format", case_sensitive=False, help="What to write.")] = BriefFormat.md,
                  out: Annotated[str, typer.Option("--out", help="The file to write; - for standard output.")] = "-",
                  reliability: Annotated[str | None, typer.Option(
                      help="JSON file of source reliability grades A-F (default: $SITREP_RELIABILITY; else all F).")] = None) -> None:
    """A brief of a day or period: key developments by main actor with grades, independent sources and
    citations; assessments and disagreements; what is new; a timeline and relation graph (HTML, PDF)."""
    from sitrep.brief import build
    from sitrep.brief.render import RendererMissing, render
    from sitrep.reliability import Reliability

    if fmt.value == "pdf" and out == "-" and sys.stdout.isatty():
        _refuse("a PDF is not for a terminal: give --out FILE.pdf")
    with _open(db) as store:
        try:
            brief = build(store, date, since, until, about, Reliability.load(reliability))
        except ValueError as error:
            _refuse(str(error))
        try:
            written = render(brief, fmt.value)
        except RendererMissing as error:
            err.print(Text(f"sitrep: error: {error}"))
            raise typer.Exit(1)
    if out == "-":
        sys.stdout.buffer.write(written)
        sys.stdout.flush()
    else:
        Path(out).write_bytes(written)
        err.print(Text(f"sitrep: brief of {brief.since}" + ("" if brief.since == brief.until else f" to {brief.until}")
                       + f" written to {out} ({len(written):,} bytes)"))


@app.command("timeline")
def show_timeline(name: Annotated[str, typer.Argument(help="An entity, by any name it was given.")],
                  db: Db = "sitrep.db",
                  since: Annotated[str | None, typer.Option(help="From this date (YYYY, YYYY-MM or YYYY-MM-DD).")] = None,
                  until: Annotated[str | None, typer.Option(help="Up to this date.")] = None) -> None:
    """The dated events and statements involving an entity, in order, each with its citation."""
    try:
        since, until = period(since, until)
    except ValueError as error:
        _refuse(f"--since/--until: {error}")
    from sitrep import graph

    with _open(db) as store:
        try:
            found = graph.timeline(store, name, since, until)
        except graph.UnknownEntity:
            err.print(Text(f"sitrep: no entity named {name!r}"))
            raise typer.Exit(1)
    out.print(Text(f"{found['entity']['name']}  ({found['entity']['type']})", style="bold"))
    for item in found["items"]:
        if item["kind"] == "event":
            what = f"{item['what']}  {item['actor_name'] or '?'} → {item['target_name'] or '—'}"
        else:
            what = f"{item['source_name'] or 'someone'} {item['what'] or 'said'}"
        out.print(Text(f"{item['date']:<10}  ", style="bold") + Text(what, style="cyan"))
        out.print(Text("    ") + Text(" ".join(item["words"].split())))
        copies = f" (and {item['copies']} near-duplicate cop{'y' if item['copies'] == 1 else 'ies'})" if item["copies"] else ""
        out.print(Text(f"    — {item['title'] or '(no title)'}, {item['outlet'] or 'unknown outlet'}, "
                       f"{item['published'] or 'undated'}{copies}", style="dim"))


@app.command("graph")
def show_graph(name: Annotated[str, typer.Argument(help="An entity, by any name it was given.")],
               db: Db = "sitrep.db",
               depth: Annotated[int, typer.Option(min=1, max=2, help="1: neighbours; 2: their neighbours too.")] = 1,
               limit: Annotated[int, typer.Option(min=1, help="Most strongly related neighbours kept per entity.")] = 20,
               relation: Annotated[str | None, typer.Option(
                   help="Only these kinds of relation, comma-separated: event, said, co-mentioned.")] = None) -> None:
    """An entity's neighbours in the knowledge graph, with the relations to them and their counts."""
    from sitrep import graph

    kinds = {kind.strip() for kind in relation.split(",") if kind.strip()} if relation else None
    with _open(db) as store:
        try:
            found = graph.neighbours(store, name, depth, relations=kinds, limit=limit)
        except graph.UnknownEntity:
            err.print(Text(f"sitrep: no entity named {name!r}"))
            raise typer.Exit(1)
        except ValueError as error:
            _refuse(f"--relation: {error}")
    names = {edge["other"]: edge["name"] for layer in found["layers"] for edge in layer}
    out.print(Text(f"{found['entity']['name']}  ({found['entity']['type']})", style="bold"))
    for level, layer in enumerate(found["layers"], start=1):
        for edge in layer:
            indent = "  " * level
            origin = "" if level == 1 else f"{names.get(edge['from'], edge['from'])} "
            line = Text(f"{indent}{origin}—[{edge['relation']} ×{edge['count']}]→ ", style="cyan")
            line.append(f"{edge['name']} ({edge['type']})")
            out.print(line)
    err.print(f"sitrep: showing {found['shown']} of {found['total']} neighbours"
              + (f" (the {limit} most related per entity; --limit shows more)" if found["shown"] < found["total"] else ""))


@app.command("export")
def export_command(fmt: Annotated[ExportFormat, typer.Option("--format", case_sensitive=False, help="What to write.")],
                   db: Db = "sitrep.db",
                   out_path: Annotated[str | None, typer.Option(
                       "--out", help="Where to write: a file, - for standard output, or a folder for csv.")] = None) -> None:
    """Export the knowledge base for the field's tools (Gephi, Aleph, OpenCTI, MISP...)."""
    from sitrep.export import STDOUT, export

    fmt = fmt.value
    target = out_path or {"csv": "sitrep-csv", "stix": "sitrep.stix.json", "ftm": "sitrep.ftm.json"}.get(fmt, f"sitrep.{fmt}")
    with _open(db) as store:
        try:
            written = export(store, fmt, target)
        except ValueError as error:
            _refuse(str(error))
    if written != STDOUT:
        err.print(Text(f"sitrep: wrote {written}"))


@app.command()
def serve(db: Db = "sitrep.db",
          host: Annotated[str, typer.Option(help="Address to bind; anything but loopback needs a token.")] = "127.0.0.1",
          port: Annotated[int, typer.Option(min=1, max=65535, help="Port.")] = 8000,
          token: Annotated[str | None, typer.Option(envvar="SITREP_TOKEN", help="Token every request must carry.")] = None,
          allowed_host: Annotated[list[str] | None, typer.Option(
              help="Another Host name the server answers (a reverse proxy's, NAME or NAME:PORT); repeatable.")] = None) -> None:
    """Serve the knowledge base: web pages and the JSON API (OpenAPI at /docs)."""
    from sitrep.web.server import ServeError, serve as run_server

    try:
        run_server(db, host, port, token, tuple(allowed_host or ()), announce=lambda line: err.print(Text(f"sitrep: {line}")))
    except ServeError as error:
        err.print(Text(f"sitrep: {error}"))
        raise typer.Exit(2)


@app.command()
def show(doc_id: Annotated[str, typer.Argument(help="A document id, or its first characters.")], db: Db = "sitrep.db") -> None:
    """Print one stored document: metadata, text, and what sitrep found in it (entities,
    statements with source, confidence and via, events)."""
    with _open(db) as store:
        matches = store.find(doc_id)
        if len(matches) != 1:
            err.print(Text(f"sitrep: {'no document' if not matches else 'several documents'} with id {doc_id!r}"))
            raise typer.Exit(1)
        record = store.get(matches[0])
    record["source"] = record["source"] or "unknown outlet"
    for key in ("id", "title", "published", "source", "url", "language", "origin", "duplicate_of", "ingested_at"):
        if record.get(key):
            out.print(Text(f"{key:>12}: ", style="bold") + Text(str(record[key])))
    if record["versions"]:
        made = record["versions"]
        out.print(Text(f"{'made by':>12}: ", style="bold") + Text(f"sitrep {made.get('sitrep')}, {made.get('model')}"))
    for caption in record["captions"]:
        out.print(Text("     caption: ", style="bold") + Text(caption, style="italic"))
    out.print()
    out.print(Text(record["text"]))
    names = {entity["id"]: entity["name"] for entity in record["entities"]}
    if record["entities"]:
        out.print(Text(f"\nEntities ({len(record['entities'])})", style="bold"))
        for entity in sorted(record["entities"], key=lambda e: (-len(e["mentions"]), e["name"])):
            aliases = sorted({m["text"] for m in entity["mentions"]} - {entity["name"]})
            line = Text(f"  {entity['type']:<9} ", style="bold") + Text(entity["name"])
            line.append(f"  ×{len(entity['mentions'])}  {entity['id']}" + (f"  as {'; '.join(aliases)}" if aliases else ""),
                        style="dim")
            out.print(line)
    if record["statements"]:
        out.print(Text(f"\nStatements ({len(record['statements'])})", style="bold"))
        for statement in record["statements"]:
            chain = " via ".join([names.get(statement["source"]) or statement["source_text"] or "(unknown source)",
                                  *(names.get(v, v) for v in statement["via"])])
            head = Text(f"  {statement['id']}  {statement['date'] or '----------'}  ", style="bold") + Text(chain, style="bold")
            head.append(f"  [{statement['confidence'] or 'no estimate'}"
                        f"{', negative' if statement['polarity'] == 'negative' else ''}] {statement['cue'] or 'quoted'}",
                        style="cyan")
            out.print(head)
            out.print(Text("      “") + Text(" ".join(statement["content"].split())) + Text("”"))
    if record["events"]:
        out.print(Text(f"\nEvents ({len(record['events'])})", style="bold"))
        for event in record["events"]:
            parties = f"{names.get(event['actor'], '?')} → {names.get(event['target'], '—')}"
            line = Text(f"  {event['type']:<10} ", style="bold") + Text(parties, style="cyan")
            extra = [event["date"] or "", names.get(event["location"], "") if event["location"] else "",
                     f"reported in {event['statement']}" if event["statement"] else ""]
            line.append(("  " + "  ".join(e for e in extra if e)) if any(extra) else "", style="dim")
            out.print(line)
            out.print(Text("      ") + Text(" ".join(record["text"][event["start"]:event["end"]].split())))
