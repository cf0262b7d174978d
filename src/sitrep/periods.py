"""Date bounds that users type (`--since 2024-03`, a search form's `since`), checked in one place.

Stored dates are ISO strings at day, month or year precision, compared as text; a bound must
therefore be a real date written the same way, or a query would quietly match nothing.
"""
import re
from datetime import date

_BOUND = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def date_bound(text: str) -> str:
    """`text` as a date bound (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`); ValueError when it is not a real date."""
    value = text.strip()
    found = _BOUND.fullmatch(value)
    if not found:
        raise ValueError(f"{text!r} is not a date: write YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = found.groups()
    try:
        date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        raise ValueError(f"{text!r} is not a real date") from None
    return value


def period(since: str | None, until: str | None) -> tuple[str | None, str | None]:
    """Checked bounds of a period (either may be open); ValueError when one is not a date or
    the period ends before it starts."""
    start = date_bound(since) if since else None
    end = date_bound(until) if until else None
    if start and end and start[:len(end)] > end:
        raise ValueError(f"the period starts ({start}) after it ends ({end})")
    return start, end
