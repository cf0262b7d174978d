"""Datelines and the publication date: "18 February, 03:41 PM", "September 14, 2023 9:14 am".

A dateline without a year takes it from the strongest evidence in the document (full dates
in captions and text, dates the container knows); with no evidence the answer is None.
"""
import re
from dataclasses import dataclass
from datetime import date

MONTHS = {
    name: number
    for number, names in enumerate(
        [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
         ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
         ("october", "oct"), ("november", "nov"), ("december", "dec")], start=1)
    for name in names
}
# Building blocks of written dates, shared with the date layer (`sitrep.nlp.dates`).
MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
YEAR = r"(?P<year>(?:1[89]|20)\d\d)"
_WEEKDAY = r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday)?\.?,?\s+)"
_TIME = (r"(?:(?:at\s+)?[0-2]?\d[:.][0-5]\d(?::[0-5]\d)?\s*(?:[ap]\.?m\.?)?"
         r"(?:\s*\(?(?:[A-Z]{2,5}|GMT|UTC)(?:[+-]\d{1,2}(?::?\d\d)?)?\)?)?)")
_PREFIX = r"(?:(?:last\s+)?(?:updated|published|posted|modified|date)\s*(?:on|at)?\s*:?\s*)"
_SEP = r"[\s,|/–—-]*"

_TEXTUAL = [
    rf"{DAY}\s+{MONTH}(?:{_SEP}{YEAR})?",
    rf"{MONTH}\s+{DAY}(?:{_SEP}{YEAR})?",
]
_NUMERIC = [
    r"(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)(?:[T ][0-2]\d:[0-5]\d(?::[0-5]\d)?\S*)?",
    r"(?P<day>[0-3]?\d)\.(?P<month>[01]?\d)\.(?P<year>(?:19|20)\d\d)",
]


def _line_pattern(core: str) -> re.Pattern:
    time = rf"(?:{_SEP}{_TIME})?"
    return re.compile(rf"^\s*{_PREFIX}?{_WEEKDAY}?(?:{_TIME}{_SEP})?{core}{time}\s*\.?\s*$", re.I)


_DATELINES = [_line_pattern(core) for core in _TEXTUAL + _NUMERIC]
FULL_DATES = [re.compile(rf"\b{core}\b", re.I) for core in (
    rf"{DAY}\s+{MONTH},?\s+{YEAR}",
    rf"{MONTH}\s+{DAY},?\s+{YEAR}",
    _NUMERIC[0],
)]


@dataclass(frozen=True)
class PartialDate:
    """A calendar date whose year may be unknown."""

    year: int | None
    month: int
    day: int

    def complete(self, year: int) -> date | None:
        try:
            return date(year, self.month, self.day)
        except ValueError:
            return None


def month_number(month: str) -> int | None:
    """1-12 for a month written as a name, an abbreviation ("Feb.") or a number."""
    month = month.lower().rstrip(".")
    return int(month) if month.isdigit() else MONTHS.get(month)


def partial_date(match: re.Match) -> PartialDate | None:
    """The date a match of these patterns wrote (groups month, day and maybe year), if it is one."""
    parts = match.groupdict()
    month_number_ = month_number(parts["month"])
    year = int(parts["year"]) if parts.get("year") else None
    day = int(parts["day"])
    if not month_number_ or not 1 <= month_number_ <= 12 or not 1 <= day <= 31:
        return None
    if year is not None and PartialDate(year, month_number_, day).complete(year) is None:
        return None
    return PartialDate(year, month_number_, day)


def parse_dateline(line: str) -> PartialDate | None:
    """The date of a line that is nothing but a date (and time), else None."""
    if len(line) > 80:
        return None
    for pattern in _DATELINES:
        match = pattern.match(line)
        if match:
            return partial_date(match)
    return None


def full_dates(text: str) -> list[date]:
    """Every complete calendar date written in `text` ("February 17, 2023", "2023-02-17"), in order."""
    found = []
    for pattern in FULL_DATES:
        for match in pattern.finditer(text):
            partial = partial_date(match)
            if partial and partial.year:
                found.append((match.start(), date(partial.year, partial.month, partial.day)))
    return [when for _, when in sorted(found)]


def infer_year(partial: PartialDate, evidence: list[date]) -> date | None:
    """Complete a year-less date with the year that puts it closest after the evidence.

    An article is published on or after the events it dates, so a candidate before an
    evidence date costs more than one after it; with no evidence there is no answer.
    """
    if partial.year is not None:
        return partial.complete(partial.year)
    best: tuple[float, date] | None = None
    for year in sorted({d.year + shift for d in evidence for shift in (-1, 0, 1)}):
        candidate = partial.complete(year)
        if candidate is None:
            continue
        cost = min((candidate - d).days if candidate >= d else 3 * (d - candidate).days for d in evidence)
        if best is None or cost < best[0]:
            best = (cost, candidate)
    return best[1] if best else None


def iso_date(value: object) -> str | None:
    """A metadata date ("2023-02-18T15:41:00+02:00", "Sat, 18 Feb 2023 13:41:00 GMT") as YYYY-MM-DD.

    Relative expressions ("yesterday") are refused: metadata without an anchor proves nothing.
    """
    if value is None:
        return None
    text = str(value).strip()
    if re.match(r"^\d{4}-\d{2}-\d{2}", text):
        try:
            return date.fromisoformat(text[:10]).isoformat()
        except ValueError:
            return None
    if not re.search(r"\d{4}", text):
        return None
    import dateparser

    parsed = dateparser.parse(text, languages=["en"], settings={"STRICT_PARSING": True, "RETURN_AS_TIMEZONE_AWARE": False})
    return parsed.date().isoformat() if parsed else None
