"""Russian temporal expressions: where the text has them, and their calendar value.

natasha names no dates, so the expressions are found by the forms of Russian news writing
("17 июня", "в марте 2023 года", "в 2022 году", "вчера", "на прошлой неделе", "три дня назад",
"за последние пять дней") and resolved with dateparser against the publication date, at the
precision the words carry; a duration has no date, and a day without a year is the one
nearest the publication date (as in English, `dates.py`).
"""
import re
from datetime import date, datetime, timedelta
from functools import cache

from sitrep.dateline import RUSSIAN_MONTHS, PartialDate

_MONTH = "(?P<month>" + "|".join(sorted(RUSSIAN_MONTHS, key=len, reverse=True)) + ")"
_YEAR = r"(?P<year>(?:19|20)\d\d)(?:\s*(?:года|году|год|г\.))?"
_NUMBER = r"(?:\d+|одн[иа]|два|две|три|четыре|пять|шесть|семь|восемь|девять|десять|несколько)"
_UNIT = r"(?:дн(?:я|ей)|день|недел(?:ю|и|ь)|месяц(?:а|ев)?|год(?:а)?|лет)"
_WEEKDAY = r"(?:понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье)"

PATTERNS = [
    re.compile(rf"(?<!\w)(?P<day>\d{{1,2}})\s+{_MONTH}(?:\s+{_YEAR})?(?!\w)", re.I),
    re.compile(rf"(?<!\w)(?:в\s+|с\s+|до\s+)?{_MONTH}(?:\s+{_YEAR})?(?!\w)", re.I),
    re.compile(rf"(?<!\w)(?:в\s+)?{_YEAR}(?!\w)"),
    re.compile(r"(?<!\w)(?:позавчера|вчера|сегодня|завтра|послезавтра)(?!\w)", re.I),
    re.compile(rf"(?<!\w)(?:в|во)\s+(?:прошл(?:ый|ую|ое)\s+|следующ(?:ий|ую|ее)\s+)?{_WEEKDAY}(?!\w)", re.I),
    re.compile(r"(?<!\w)(?:в|на)\s+(?:прошлом|прошлой|этом|этой|следующем|следующей|текущем|текущей)\s+"
               r"(?:году|месяце|неделе)(?!\w)", re.I),
    re.compile(rf"(?<!\w){_NUMBER}\s+{_UNIT}\s+назад(?!\w)", re.I),
    re.compile(rf"(?<!\w)(?:за|в|на\s+протяжении)\s+(?:последн(?:ие|ий|юю|ее)\s+)?(?:{_NUMBER}\s+)?{_UNIT}"
               r"(?!\w)|(?<!\w)в\s+последние\s+(?:дни|недели|месяцы|годы)(?!\w)", re.I),
]
# Expressions of time that name no day, month or year: spans of time, not dates.
DURATION = re.compile(r"^(?:за|на\s+протяжении|в\s+последние|в\s+последний)\b|^в\s+(?:\d+|последн)", re.I)
MAY_AS_WORD = re.compile(r"^ма[йяе]$", re.I)  # "мая" needs a day or a year: alone it may be a name


def expressions(text: str) -> list[tuple[int, int]]:
    """Character spans of the date expressions of a Russian text, longest first where they overlap."""
    found: list[tuple[int, int]] = []
    for pattern in PATTERNS:
        for match in pattern.finditer(text):
            start, end = match.span()
            if match.groupdict().get("month") and MAY_AS_WORD.match(match.group().strip()) \
                    and not match.groupdict().get("day"):
                continue
            if match.groupdict().get("month") and text[start:end][:1].isupper() and start > 0 \
                    and text[start - 1] not in "\n" and not text[:start].rstrip().endswith((".", "!", "?")):
                continue  # "Март" inside a sentence is a name, not the month
            if not any(s < end and start < e for s, e in found):
                found.append((start, end))
    return sorted(found)


@cache
def _parser(anchor: date):
    from dateparser.date import DateDataParser

    return DateDataParser(languages=["ru"], settings={
        "RELATIVE_BASE": datetime(anchor.year, anchor.month, anchor.day), "PREFER_DATES_FROM": "past"})


def resolve(expression: str, anchor: date | None) -> str | None:
    """The calendar value of one Russian expression relative to `anchor` (the publication date)."""
    text = re.sub(r"\s+", " ", expression.strip().lower())
    if DURATION.search(text) and not re.search(_MONTH, text) and not re.search(r"(?:19|20)\d\d", text):
        return None
    for pattern in PATTERNS[:3]:
        match = pattern.fullmatch(text)
        if match:
            return _calendar(match, anchor)
    if anchor is None:
        return None
    weekday = next((k for k, day in enumerate(WEEKDAYS) if re.search(rf"\b{day}", text)), None)
    if weekday is not None:
        return _weekday(anchor, weekday, text)
    parsed = _parser(anchor).get_date_data(text)
    if parsed.date_obj is None:
        return None
    value = parsed.date_obj.date()
    if parsed.period == "month":
        return value.isoformat()[:7]
    if parsed.period == "year":
        return value.isoformat()[:4]
    return value.isoformat()


WEEKDAYS = ["понедельник", "вторник", "сред", "четверг", "пятниц", "суббот", "воскресень"]


def _weekday(anchor: date, weekday: int, text: str) -> str:
    """The weekday nearest before the publication date ("в среду" in Thursday's paper), as in
    English; "в следующий" looks ahead, "в прошлый" never means the same day."""
    if "следующ" in text:
        return (anchor + timedelta(days=(weekday - anchor.weekday()) % 7 or 7)).isoformat()
    back = (anchor.weekday() - weekday) % 7
    if "прошл" in text and back == 0:
        back = 7
    return (anchor - timedelta(days=back)).isoformat()


def _calendar(match: re.Match, anchor: date | None) -> str | None:
    """A date written with a month name or a year: as precise as its words."""
    groups = match.groupdict()
    year = int(groups["year"]) if groups.get("year") else None
    month = _month(groups["month"]) if groups.get("month") else None
    day = int(groups["day"]) if groups.get("day") else None
    if month is None:
        return f"{year:04d}" if year else None
    if year is None:
        if anchor is None:
            return None
        candidates = [found for y in (anchor.year - 1, anchor.year, anchor.year + 1)
                      if (found := PartialDate(y, month, day or 15).complete(y)) is not None]
        nearest = min(candidates, key=lambda found: abs((found - anchor).days), default=None)
        if nearest is None:
            return None
        return nearest.isoformat() if day else nearest.isoformat()[:7]
    if day is None:
        return f"{year:04d}-{month:02d}"
    found = PartialDate(year, month, day).complete(year)
    return found.isoformat() if found else None


def _month(word: str) -> int | None:
    return RUSSIAN_MONTHS.get(word.lower())
