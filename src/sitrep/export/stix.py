"""A STIX 2.1 bundle for OpenCTI and MISP, built and checked with the stix2 library.

Each document is a `report`; people and organisations are `identity` objects, places with a
known country `location` objects; each statement is a `note` by its source about the things
its content names, with the ICD 203 level turned into STIX `confidence` by the specification's
own DNI scale (`stix2.confidence.scales.dni_to_value`); each event between two such objects is
a `relationship` named by its PLOVER type. Ids are derived from sitrep's ids (UUIDv5).
"""
import uuid
from datetime import datetime, timezone
from pathlib import Path

import stix2
from stix2.confidence.scales import dni_to_value

from sitrep.nlp.gazetteer import country_code
from sitrep.store import Store
from sitrep.vocabularies import DNI_TERMS

NAMESPACE = uuid.UUID("6b1c2a52-7e3f-5d7a-9b61-2f3c8a1e4d90")
IDENTITY_CLASSES = {"PERSON": "individual", "ORG": "organization"}
SITREP = stix2.Identity(id=f"identity--{uuid.uuid5(NAMESPACE, 'sitrep')}", name="sitrep", identity_class="system",
                        created="2024-01-01T00:00:00Z", modified="2024-01-01T00:00:00Z")


def _id(kind: str, *key: str) -> str:
    return f"{kind}--{uuid.uuid5(NAMESPACE, '|'.join(key))}"


def _timestamp(date: str | None) -> datetime | None:
    """A day-precision date (or a full timestamp) as a UTC time; None for a missing or partial date."""
    if not date or len(date) < 10:
        return None
    try:
        moment = datetime.fromisoformat(date)
    except ValueError:
        return None
    return moment.replace(tzinfo=timezone.utc) if moment.tzinfo is None else moment.astimezone(timezone.utc)


def _object(entity: dict):
    if entity["type"] in IDENTITY_CLASSES:
        return stix2.Identity(id=_id("identity", entity["id"]), name=entity["name"],
                              identity_class=IDENTITY_CLASSES[entity["type"]], created_by_ref=SITREP.id)
    code = country_code(entity["id"]) if entity["type"] in ("GPE", "LOC", "FAC") else None
    if code:
        return stix2.Location(id=_id("location", entity["id"]), name=entity["name"], country=code,
                              created_by_ref=SITREP.id)
    return None


def write(store: Store, out: Path) -> None:
    objects: dict[str, object] = {SITREP.id: SITREP}
    for record in store.records():
        named = {}
        for entity in record["entities"]:
            made = _object(entity)
            if made is not None:
                named[entity["id"]] = made.id
                objects.setdefault(made.id, made)
        refs = list(named.values())
        for statement in record["statements"]:
            about = [named[e["id"]] for e in record["entities"] if e["id"] in named and any(
                statement["start"] <= m["start"] and m["end"] <= statement["end"] for m in e["mentions"])]
            speaker = named.get(statement["source"])
            object_refs = list(dict.fromkeys([*([speaker] if speaker else []), *about]))
            if not object_refs:
                continue
            source_name = next((e["name"] for e in record["entities"] if e["id"] == statement["source"]),
                               statement["source_text"] or "unknown source")
            note = stix2.Note(
                id=_id("note", record["id"], statement["id"]), content=statement["content"],
                abstract=f"{source_name} ({statement['cue'] or 'quoted'})", authors=[source_name],
                object_refs=object_refs, created_by_ref=SITREP.id,
                confidence=dni_to_value(DNI_TERMS[statement["confidence"]]) if statement["confidence"] in DNI_TERMS else None)
            objects[note.id] = note
            refs.append(note.id)
        for number, event in enumerate(record["events"]):
            if event["actor"] in named and event["target"] in named:
                relation = stix2.Relationship(
                    id=_id("relationship", record["id"], str(number)), relationship_type=event["type"].lower(),
                    source_ref=named[event["actor"]], target_ref=named[event["target"]],
                    description=record["text"][event["start"]:event["end"]], start_time=_timestamp(event["date"]),
                    created_by_ref=SITREP.id)
                objects[relation.id] = relation
                refs.append(relation.id)
        # STIX requires a report's publication time: an undated article is dated by its ingestion.
        published = _timestamp(record["published"]) or _timestamp(store.get(record["id"])["ingested_at"])
        report = stix2.Report(
            id=_id("report", record["id"]), name=record["title"] or record["id"], report_types=["threat-report"],
            published=published, description=record["text"][:2000],
            object_refs=list(dict.fromkeys(refs)) or [SITREP.id], created_by_ref=SITREP.id,
            external_references=[{"source_name": record["source"] or "sitrep", "url": record["url"]}] if record["url"] else None)
        objects[report.id] = report
    out.write_text(stix2.Bundle(objects=list(objects.values())).serialize(pretty=True), encoding="utf-8")
