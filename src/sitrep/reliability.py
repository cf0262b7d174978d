"""Source reliability on the NATO/Admiralty scale (A completely reliable ... E unreliable, F cannot
be judged), from a file the analyst keeps: sitrep never guesses how far to trust an outlet.

The file is JSON, names (outlets, or sources as the knowledge base names them) to letters:

    {"Reuters": "B", "Institute for the Study of War": "B", "State Herald": "E"}

Names match case-insensitively; anything not in the file is F.
"""
import json
import os
from pathlib import Path

GRADES = {"A": "completely reliable", "B": "usually reliable", "C": "fairly reliable", "D": "not usually reliable",
          "E": "unreliable", "F": "cannot be judged"}
UNJUDGED = "F"
ENVIRONMENT = "SITREP_RELIABILITY"


class Reliability:
    """Letters for the names the analyst graded."""

    def __init__(self, grades: dict[str, str] | None = None):
        self.grades = {name.strip().lower(): letter for name, letter in (grades or {}).items()}

    @classmethod
    def load(cls, path: str | Path | None = None) -> "Reliability":
        """The grades in `path`, else in the file $SITREP_RELIABILITY names, else none (all F).
        A file that is not a JSON object of names to letters A-F is a ValueError naming it."""
        path = path or os.environ.get(ENVIRONMENT)
        if not path:
            return cls()
        try:
            grades = json.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as error:
            raise ValueError(f"{path}: cannot read source reliability grades: {error}") from None
        bad = [name for name, letter in grades.items() if letter not in GRADES] if isinstance(grades, dict) else [path]
        if bad:
            raise ValueError(f"{path}: grades must map names to one of {', '.join(GRADES)} (see {bad[0]!r})")
        return cls(grades)

    def of(self, *names: str | None) -> str:
        """The best grade of any of these names (a source, then its outlets), else F."""
        letters = [self.grades[name.strip().lower()] for name in names if name and name.strip().lower() in self.grades]
        return min(letters) if letters else UNJUDGED
