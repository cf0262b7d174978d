"""The record's vocabularies, read from their one data file (`data/vocabularies.json`).

The ICD 203 scale, entity types, PLOVER event types, statement kinds and polarities are defined
there once; the record models, the command's choices, the web pages and the exports import them
from here, so that a value added to the file reaches all of them.
"""
from sitrep.data import load_json

_VOCABULARIES = load_json("vocabularies.json")

# The ICD 203 scale of estimative language, least to most likely: the record's `confidence`
# levels ("possible", the HEDGE, has no place on the scale).
CONFIDENCE: tuple[str, ...] = tuple(step["level"] for step in _VOCABULARIES["icd203"])
HEDGE: str = _VOCABULARIES["hedge"]["level"]
# Every value a statement's `confidence` may take besides null: the scale and the hedge.
CONFIDENCE_VALUES: tuple[str, ...] = (*CONFIDENCE, HEDGE)
# The words a page shows for each level, the hedge included.
CONFIDENCE_LABELS: dict[str, str] = {**{step["level"]: step["label"] for step in _VOCABULARIES["icd203"]},
                                     HEDGE: _VOCABULARIES["hedge"]["label"]}
# The DNI's terms for the scale, as STIX's confidence scale names them.
DNI_TERMS: dict[str, str] = {step["level"]: step["dni"] for step in _VOCABULARIES["icd203"]}
ENTITY_TYPES: tuple[str, ...] = tuple(_VOCABULARIES["entity_types"])
EVENT_TYPES: tuple[str, ...] = tuple(_VOCABULARIES["event_types"])
STATEMENT_KINDS: tuple[str, ...] = tuple(_VOCABULARIES["statement_kinds"])
POLARITIES: tuple[str, ...] = tuple(_VOCABULARIES["polarities"])
