"""Which of the ways a document names a thing are names (aliases worth matching and exporting:
"ISW", "Lukashenka", "Institute for the Study of War") rather than descriptions ("the
analysts", "the Belarusian leader", "the institute's experts")."""

# Lower-case words a proper name may hold ("Institute for the Study of War", "von der Leyen").
NAME_PARTICLES = frozenset({"of", "for", "the", "and", "on", "in", "de", "del", "der", "den", "van", "von", "da", "di",
                            "du", "la", "le", "al", "el", "bin", "ibn", "ben", "dos", "y"})
DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "its", "his", "her", "their", "our"})


def is_name(text: str) -> bool:
    """Whether a mention is a name rather than a description."""
    words = text.split()
    if not words or words[0].lower() in DETERMINERS or not words[0][:1].isupper():
        return False
    return all(w[:1].isupper() or w[:1].isdigit() or w in NAME_PARTICLES for w in words) and "'s" not in text
