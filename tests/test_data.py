"""The lexicons' language parts: merged into one lexicon, and only in keys the lexicon has."""
import pytest

from sitrep.data import lexicon, load_json

LEXICONS = ["attribution.json", "estimative.json", "events.json", "noise.json"]


@pytest.mark.parametrize("name", LEXICONS)
def test_each_language_part_uses_the_lexicons_own_keys(name):
    data = load_json(name)

    def check(base: dict, part: dict, where: str) -> None:
        for key, value in part.items():
            assert key.startswith("_") or key in base, f"{name}: {where}{key} is not a key of the lexicon"
            if isinstance(value, dict) and not key.startswith("_") and isinstance(base[key], dict) and key not in (
                    "verbs", "nouns", "description_nouns"):
                check(base[key], value, f"{where}{key}.")

    for language, part in data["languages"].items():
        check(data, part, f"languages.{language}.")


def test_parts_are_merged_english_words_first_and_docs_kept():
    merged = lexicon("attribution.json")
    english = load_json("attribution.json")
    assert merged["verbs"][:len(english["verbs"])] == english["verbs"] and "заявить" in merged["verbs"]
    assert merged["_doc"] == english["_doc"] and "languages" not in merged
    events = lexicon("events.json")
    assert events["verbs"]["attack"] == ["ASSAULT", None] and events["verbs"]["атаковать"][0] == "ASSAULT"
    assert "with" in events["prepositions"]["with"] and "с" in events["prepositions"]["with"]
    assert "мочь" in events["modality"]["blocked"] and "may" in events["modality"]["possible"]
