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
# Russian month names as dates write them: nominative, genitive ("4 сентября"), prepositional
# ("в сентябре") and dative ("к марту"); and their abbreviations ("4 сен"), for datelines only.
RUSSIAN_MONTHS = {
    name: number
    for number, stem, endings in [
        (1, "январ", "ьяе"), (2, "феврал", "ьяе"), (3, "март", "аеу"), (4, "апрел", "ьяе"), (5, "ма", "йяе"),
        (6, "июн", "ьяе"), (7, "июл", "ьяе"), (8, "август", "аеу"), (9, "сентябр", "ьяе"), (10, "октябр", "ьяе"),
        (11, "ноябр", "ьяе"), (12, "декабр", "ьяе")]
    for name in ([stem] if stem in ("март", "август") else []) + [stem + ending for ending in endings]
}
MONTHS.update(RUSSIAN_MONTHS)
MONTHS.update({abbreviation: number for number, abbreviation in [
    (1, "янв"), (2, "фев"), (3, "мар"), (4, "апр"), (6, "июн"), (7, "июл"), (8, "авг"), (9, "сен"), (9, "сент"),
    (10, "окт"), (11, "ноя"), (12, "дек")]})
# Building blocks of written dates, shared with the date layer (`sitrep.nlp.dates`).
MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
YEAR = r"(?P<year>(?:1[89]|20)\d\d)(?:\s*(?:года|г\.))?"
_WEEKDAY = r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday)?\.?,?\s+)"
_TIME = (r"(?:(?:at\s+)?[0-2]?\d[:.][0-5]\d(?::[0-5]\d)?\s*(?:[ap]\.?m\.?)?"
         r"(?:\s*\(?(?:[A-Z]{2,5}|GMT|UTC)(?:[+-]\d{1,2}(?::?\d\d)?)?\)?)?)")
_PREFIX = (r"(?:(?:last\s+)?(?:updated|published|posted|modified|date|publish(?:ed)?\s+date|date\s+published)"
           r"\s*(?:on|at)?\s*:?\s*)")
_BULLET = r"(?:[•·▪►*]\s*)"
# A place before the date: "KHARKIV, ", "Odesa, Ukraine, " (capitalised words, in any case).
_PLACE = r"(?:(?:(?-i:[A-ZА-ЯЁ][\w.'’-]*(?:[ -][A-ZА-ЯЁ][\w.'’-]*){0,3}),\s+){1,2})"
_AGENCY = r"(?:\s*\((?-i:[A-ZА-ЯЁ][\w.&' -]{1,30})\))"
# The Russian wire credit after the dash: "СОЧИ, 4 сен - РИА Новости. ...", every word capitalised.
_AGENCY_AFTER_DASH = r"(?:\s*(?-i:[А-ЯЁ][\wЁё-]*(?:\s[А-ЯЁ][\wЁё-]*){0,2})\.(?=\s))"
_SEP = r"[\s,|/–—-]*"

_TEXTUAL = [
    rf"{DAY}\s*{MONTH}(?:{_SEP}{YEAR})?",
    rf"{MONTH}\s+{DAY}(?:{_SEP}{YEAR})?",
]
_NUMERIC = [
    r"(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)(?:[T ][0-2]\d:[0-5]\d(?::[0-5]\d)?\S*)?",
    r"(?P<day>[0-3]?\d)\.(?P<month>[01]?\d)\.(?P<year>(?:19|20)\d\d)",
]


def _line_pattern(core: str) -> re.Pattern:
    time = rf"(?:{_SEP}{_TIME})?"
    return re.compile(rf"^\s*{_BULLET}?{_PREFIX}?{_PLACE}?{_WEEKDAY}?(?:{_TIME}{_SEP})?{core}{time}{_AGENCY}?\s*\.?\s*$",
                      re.I)


_DATELINES = [_line_pattern(core) for core in _TEXTUAL + _NUMERIC]
FULL_DATES = [re.compile(rf"\b{core}\b", re.I) for core in (
    rf"{DAY}\s+{MONTH},?\s+{YEAR}",
    rf"{MONTH}\s+{DAY},?\s+{YEAR}",
    _NUMERIC[0],
)]


# Full dates anywhere in a short header line, glued to a label, an outlet or a time:
# "NEWS 03.06.202316:00", "REUTERS21-11-2024". Numbers: day first, but month first for slashes.
_GLUED = [
    re.compile(r"(?<!\d)(?P<a>[0-3]?\d)(?P<sep>[./-])(?P<b>[01]?\d)(?P=sep)(?P<year>(?:19|20)\d\d)"
               r"(?=$|\D|[0-2]\d[:.][0-5]\d)"),
    re.compile(r"(?<!\d)(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)(?!\d)"),
    re.compile(rf"(?<!\d){DAY}\s*{MONTH},?\s*{YEAR}(?!\d)", re.I),
    re.compile(rf"\b{MONTH}\s+{DAY},?\s+{YEAR}(?!\d)", re.I),
]
# Header lines are short; a date inside a longer line is part of a sentence.
HEADER_DATE_MAX_WORDS = 12
_OPENINGS = [re.compile(
    rf"^(?P<dateline>{_PLACE}{core}(?P<agency>{_AGENCY})?\s*(?P<dash>[-–—]{{1,2}}{_AGENCY_AFTER_DASH}?)?)\s+(?P<rest>\S.*)$",
    re.I | re.S)
    for core in (rf"{MONTH}\s+{DAY}(?:,?\s+{YEAR})?", rf"{DAY}\s+{MONTH}(?:,?\s+{YEAR})?")]


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


def header_date(line: str) -> PartialDate | None:
    """A full date in a short header line that also carries a label, an outlet, a time or a
    comment count ("NEWS 03.06.202316:00 0 comments", "REUTERS21-11-2024"), else None."""
    if len(line.split()) > HEADER_DATE_MAX_WORDS or re.search(r"[.!?][\"'”’)]*\s*$", line):
        return None
    for pattern in _GLUED:
        match = pattern.search(line)
        if not match:
            continue
        parts = match.groupdict()
        if "a" in parts and parts["a"] is not None:
            first, second = int(parts["a"]), int(parts["b"])
            day, month = (second, first) if (parts["sep"] == "/" and first <= 12) or second > 12 else (first, second)
            if not (1 <= month <= 12 and 1 <= day <= 31):
                continue
            found = PartialDate(int(parts["year"]), month, day)
            if found.complete(found.year) is not None:
                return found
            continue
        found = partial_date(match)
        if found is not None:
            return found
    return None


def opening_dateline(paragraph: str) -> tuple[PartialDate, str] | None:
    """A dateline that opens a paragraph ("LAGOS, Nigeria, March 2 (Reuters) - ...") as its date
    and the paragraph without it; None when the paragraph does not open with one.

    A place, a date, then an agency in parentheses or a dash: a sentence that merely starts
    with a place ("Kyiv, the capital, was hit") has neither.
    """
    for pattern in _OPENINGS:
        match = pattern.match(paragraph)
        if match and (match.group("agency") or match.group("dash")):
            found = partial_date(match)
            return (found, match.group("rest")) if found else None
    return None


# "VOSTREL -", "BRENNA (CPA) -", "KYIV/MOSCOW —": a dateline with no date, a place in capitals
# (cities joined by a slash, a country after a comma) with an agency in parentheses or not, then a dash.
_BARE_DATELINE = re.compile(
    r"(?P<place>[A-Z][A-Z'’.-]{2,}(?:[ /][A-Z][A-Z'’.-]+)*(?:, [A-Z][A-Za-z'’.-]+(?: [A-Z][A-Za-z'’.-]+)*)?)"
    r"(?: \([^)\n]{1,40}\))? +[-—–]+ +(?P<rest>[A-Z\"“‘'].*)", re.S)


def bare_dateline(paragraph: str) -> str | None:
    """The paragraph without a dateline that has no date ("VOSTREL - The ministry said..."), or
    None when it does not open with one."""
    match = _BARE_DATELINE.match(paragraph)
    return match.group("rest") if match else None


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

    parsed = dateparser.parse(text, languages=["en", "ru"], settings={"STRICT_PARSING": True, "RETURN_AS_TIMEZONE_AWARE": False})
    return parsed.date().isoformat() if parsed else None
