"""Temporal expressions, resolved to the calendar: `YYYY-MM-DD`, `YYYY-MM`, `YYYY` or None.

The expressions are the parse's DATE names; each is resolved against an anchor (the
publication date) at the precision the words carry: "Feb. 17" is a day, "three months ago"
a month, "since at least 2019" a year, "more than 18 months" a duration with no date.
"""
import re
from datetime import date, timedelta

from spacy.tokens import Doc

from sitrep.dateline import DAY, FULL_DATES, MONTH, YEAR, PartialDate, month_number, partial_date
from sitrep.nlp import ru_dates
from sitrep.nlp.analyse import language_of
from sitrep.schema import DateMention

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
            "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "several": None, "few": None}

_MONTH_YEAR = re.compile(rf"\b{MONTH}(?:\s+of)?,?\s+{YEAR}\b", re.I)
_DAY_MONTH = [re.compile(rf"\b{DAY}\s+(?:of\s+)?{MONTH}(?!\w)", re.I), re.compile(rf"\b{MONTH}\s+{DAY}\b(?!,?\s*\d{{4}})", re.I)]
_YEAR_ONLY = re.compile(rf"\b{YEAR}\b")
_MONTH_ONLY = re.compile(rf"\b{MONTH}(?!\w)", re.I)
_AGO = re.compile(r"\b(?P<n>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+"
                  r"(?P<unit>day|week|month|year)s?\s+(?:ago|earlier|before)\b", re.I)
_RELATIVE = re.compile(r"\b(?P<which>last|this|next|past|previous|coming|earlier this|later this)\s+(?P<unit>week|month|year)\b", re.I)
_WEEKDAY = re.compile(r"\b(?:(?P<which>last|next|this|on)\s+)?(?P<day>" + "|".join(WEEKDAYS) + r")\b", re.I)
_DURATION = re.compile(r"\b(?:for|more than|less than|over|nearly|almost|about|some|several|many|the past|the last|"
                       r"\d+|two|three|four|five|six|seven|eight|nine|ten)\b.*\b(?:days|weeks|months|years|decades|hours)\b|"
                       r"^(?:days|weeks|months|years|decades)$", re.I)


def dates(sdoc: Doc, published: str | None) -> list[DateMention]:
    """Every temporal expression in the parsed text, with its resolved value."""
    anchor = date.fromisoformat(published[:10]) if published else None
    resolver = ru_dates.resolve if language_of(sdoc) == "ru" else resolve
    found = []
    for ent in sdoc.ents:
        if ent.label_ != "DATE" or _is_a_number(ent.text):
            continue
        found.append(DateMention(text=ent.text, start=ent.start_char, end=ent.end_char, value=resolver(ent.text, anchor)))
    return found


def _is_a_number(text: str) -> bool:
    # "Putin, 70, and Kim, 39": ages the model takes for dates.
    return bool(re.fullmatch(r"\d{1,3}", text.strip()))


def resolve(expression: str, anchor: date | None) -> str | None:
    """The calendar value of one expression, relative to `anchor`; None when it has none."""
    text = expression.strip()
    for pattern in FULL_DATES:
        match = pattern.search(text)
        if match:
            return _day(match, None)
    match = _MONTH_YEAR.search(text)
    if match:
        return f"{int(match['year']):04d}-{month_number(match['month']):02d}"
    if _YEAR_ONLY.search(text) and not _AGO.search(text):
        return _YEAR_ONLY.search(text)["year"]
    if _DURATION.search(text) and not _AGO.search(text):
        return None
    for pattern in _DAY_MONTH:
        match = pattern.search(text)
        if match:
            return _day(match, anchor)
    if anchor is None:
        return None
    return _relative(text, anchor)


def _relative(text: str, anchor: date) -> str | None:
    lower = text.lower()
    if lower in ("today", "tonight", "this morning", "this afternoon", "this evening"):
        return anchor.isoformat()
    if lower in ("yesterday", "last night"):
        return (anchor - timedelta(days=1)).isoformat()
    if lower == "tomorrow":
        return (anchor + timedelta(days=1)).isoformat()
    match = _AGO.search(text)
    if match:
        n = _NUMBERS.get(match["n"].lower(), None) if not match["n"].isdigit() else int(match["n"])
        return _shift(anchor, match["unit"].lower(), -n) if n else None
    match = _RELATIVE.search(text)
    if match:
        which, unit = match["which"].lower(), match["unit"].lower()
        step = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}.get(which, 0)
        return _shift(anchor, unit, step)
    match = _WEEKDAY.search(text)
    if match:
        return _weekday(anchor, WEEKDAYS.index(match["day"].lower()), (match["which"] or "").lower())
    match = _MONTH_ONLY.search(text)
    if match:
        nearest = _nearest(PartialDate(None, month_number(match["month"]), 15), anchor)
        return nearest.isoformat()[:7] if nearest else None
    return None


def _shift(anchor: date, unit: str, n: int) -> str:
    """The day, month or year `n` units from the anchor, at that unit's precision."""
    if unit in ("day", "week"):
        return (anchor + timedelta(days=n * (7 if unit == "week" else 1))).isoformat()
    if unit == "month":
        months = anchor.year * 12 + anchor.month - 1 + n
        return f"{months // 12:04d}-{months % 12 + 1:02d}"
    return f"{anchor.year + n:04d}"


def _weekday(anchor: date, weekday: int, which: str) -> str:
    """The weekday nearest before the anchor ("on Wednesday" in Thursday's paper), or after for "next"."""
    if which == "next":
        ahead = (weekday - anchor.weekday()) % 7 or 7
        return (anchor + timedelta(days=ahead)).isoformat()
    back = (anchor.weekday() - weekday) % 7
    if which == "last" and back == 0:
        back = 7
    return (anchor - timedelta(days=back)).isoformat()


def _day(match: re.Match, anchor: date | None) -> str | None:
    partial = partial_date(match)
    if partial is None or (partial.year is None and anchor is None):
        return None
    found = partial.complete(partial.year) if partial.year is not None else _nearest(partial, anchor)
    return found.isoformat() if found else None


def _nearest(partial: PartialDate, anchor: date) -> date | None:
    """A year-less date in the text is the one nearest the publication date: reporting looks
    back as readily as ahead ("October 7" in February is last October's, "March 20" next month's)."""
    candidates = [found for year in (anchor.year - 1, anchor.year, anchor.year + 1)
                  if (found := partial.complete(year)) is not None]
    return min(candidates, key=lambda found: abs((found - anchor).days), default=None)
