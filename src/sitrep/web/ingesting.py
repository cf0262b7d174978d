"""Pasted text and uploaded files through the pipeline into the knowledge base, for the ingest
page and the API alike; the answer says what each input became, or why it failed."""
import shutil
import tempfile
from pathlib import Path
from typing import Any

from fastapi import UploadFile

from sitrep import claims, run
from sitrep.dateline import iso_date
from sitrep.errors import InputError
from sitrep.pipeline import process
from sitrep.readers import format_of
from sitrep.schema import Input
from sitrep.store import Store

Result = dict[str, Any]


def ingest_text(kb: Store, text: str, title: str | None = None, url: str | None = None, source: str | None = None,
                published: str | None = None) -> Result:
    """Process and store one pasted article."""
    pasted = Input(origin="pasted text", text=text, title=title, url=url, source=source, published=iso_date(published))
    try:
        return _store(kb, [process(pasted)], [])
    except InputError as error:
        return {"added": [], "errors": [{"input": "pasted text", "reason": error.reason}]}


def ingest_uploads(kb: Store, files: list[UploadFile]) -> Result:
    """Process and store uploaded files, each read by the reader of its format (else as text)."""
    with tempfile.TemporaryDirectory() as tmp:
        paths, names = [], {}
        for number, upload in enumerate(files):
            original = Path(upload.filename or "upload.txt").name
            path = Path(tmp) / f"{number}-{original}"
            if format_of(path) is None:
                path = path.with_name(path.name + ".txt")
            with path.open("wb") as out:
                shutil.copyfileobj(upload.file, out)
            paths.append(str(path))
            names[str(path)] = original
        errors: list[dict[str, str]] = []

        def shown(origin: str) -> str:
            base, _, member = origin.partition("#")
            return names.get(origin) or names.get(base, "input") + (f"#{member}" if member else "")

        def failed(error: InputError) -> None:
            errors.append({"input": shown(error.origin), "reason": error.reason})

        return _store(kb, run.documents(paths, on_error=failed), errors)


def merged(a: Result, b: Result) -> Result:
    """Two ingest results as one."""
    return {"added": a["added"] + b["added"], "errors": a["errors"] + b["errors"]}


def _store(kb: Store, docs, errors: list[dict[str, str]]) -> Result:
    """Store processed documents; what each did, with its title, and the inputs that failed."""
    added = []
    for doc in docs:
        result = kb.add(doc)
        added.append({"id": result.id, "status": result.status, "duplicate_of": result.duplicate_of, "title": doc.title})
    new = [a["id"] for a in added if a["status"] in ("added", "near_duplicate")]
    if new:
        claims.update(kb, new)  # only what the new documents change
    return {"added": added, "errors": errors}
