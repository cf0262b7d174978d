"""The language of a document's text, by py3langid (a model shipped inside the package)."""
from functools import cache

# Below this many characters the guess is a coin toss; better to say nothing.
MIN_CHARS = 40


@cache
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> str | None:
    """The ISO 639-1 code of the text's language, or None when the text is too short or mixed."""
    if len(text) < MIN_CHARS:
        return None
    code, probability = _identifier().classify(text[:5000])
    return code if probability >= 0.5 else None
