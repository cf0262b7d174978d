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
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_WEEKDAY = r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday)?\.?,?\s+)"
_TIME = (r"(?:(?:at\s+)?[0-2]?\d[:.][0-5]\d(?::[0-5]\d)?\s*(?:[ap]\.?m\.?)?"
         r"(?:\s*\(?(?:[A-Z]{2,5}|GMT|UTC)(?:[+-]\d{1,2}(?::?\d\d)?)?\)?)?)")
_PREFIX = r"(?:(?:last\s+)?(?:updated|published|posted|modified|date)\s*(?:on|at)?\s*:?\s*)"
_SEP = r"[\s,|/–—-]*"

_TEXTUAL = [
    rf"{_DAY}\s+{_MONTH}(?:{_SEP}{_YEAR})?",
    rf"{_MONTH}\s+{_DAY}(?:{_SEP}{_YEAR})?",
]
_NUMERIC = [
    r"(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)(?:[T ][0-2]\d:[0-5]\d(?::[0-5]\d)?\S*)?",
    r"(?P<day>[0-3]?\d)\.(?P<month>[01]?\d)\.(?P<year>(?:19|20)\d\d)",
]


def _line_pattern(core: str) -> re.Pattern:
    time = rf"(?:{_SEP}{_TIME})?"
    return re.compile(rf"^\s*{_PREFIX}?{_WEEKDAY}?(?:{_TIME}{_SEP})?{core}{time}\s*\.?\s*$", re.I)


_DATELINES = [_line_pattern(core) for core in _TEXTUAL + _NUMERIC]
_FULL_DATES = [re.compile(rf"\b{core}\b", re.I) for core in (
    rf"{_DAY}\s+{_MONTH},?\s+{_YEAR}",
    rf"{_MONTH}\s+{_DAY},?\s+{_YEAR}",
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


def _from_match(match: re.Match) -> PartialDate | None:
    parts = match.groupdict()
    month = parts["month"].lower().rstrip(".")
    month_number = MONTHS.get(month) if not month.isdigit() else int(month)
    year = int(parts["year"]) if parts.get("year") else None
    day = int(parts["day"])
    if not month_number or not 1 <= month_number <= 12 or not 1 <= day <= 31:
        return None
    if year is not None and PartialDate(year, month_number, day).complete(year) is None:
        return None
    return PartialDate(year, month_number, day)


def parse_dateline(line: str) -> PartialDate | None:
    """The date of a line that is nothing but a date (and time), else None."""
    if len(line) > 80:
        return None
    for pattern in _DATELINES:
        match = pattern.match(line)
        if match:
            return _from_match(match)
    return None


def full_dates(text: str) -> list[date]:
    """Every complete calendar date written in `text` ("February 17, 2023", "2023-02-17"), in order."""
    found = []
    for pattern in _FULL_DATES:
        for match in pattern.finditer(text):
            partial = _from_match(match)
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
