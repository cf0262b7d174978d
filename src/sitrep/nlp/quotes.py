"""Quotations: the spans of text between quotation marks, in every house style.

Marks: straight and curly doubles, single quotes ('…' and ‘…’, an apostrophe inside a word
never closing them), doubled apostrophes (''…'', wire copy), „…“ and «…». A paragraph that
opens a quotation and does not close it continues into the next paragraph (the press
convention for a quotation running over several paragraphs, the next one reopening the mark
or, in some house styles, not): each paragraph's part is its own quotation, and the later ones
carry `continues`; all the parts of one quotation share its `group`, so that a cue after the
last part attributes every part.
"""
import re
from dataclasses import dataclass

# Opening mark -> the marks that may close it (copy often mixes straight and curly doubles).
_PAIRS = {"“": ("”", "\""), "„": ("“", "”", "\""), "«": ("»",), "\"": ("\"", "”"), "''": ("''",), "‘": ("’",), "'": ("'",)}
# Marks that are also apostrophes or closers: they open only at the start of a word.
_AMBIGUOUS = {"\"", "''", "'", "‘"}
_MARK_START = re.compile("[" + "".join(sorted({mark[0] for mark in _PAIRS})) + "]")
_BEFORE_OPENING = " \t([—–-:/"
_TRIM = " \t\n,;:"
# A quotation in single marks longer than this is a stray mark pairing with a far apostrophe
# (`a ‘’critical breakthrough”` ... `Development’`), not a quotation.
MAX_SINGLE_QUOTED = 1_000


@dataclass
class Quote:
    start: int      # content, without the marks
    end: int
    opens_paragraph: bool
    continues: bool  # carries on a quotation left open by the previous paragraph
    group: int = 0   # the quotation this part belongs to (several parts over paragraphs)


def find_quotes(text: str) -> list[Quote]:
    """Every quotation of `text`, in order, as content spans without the marks."""
    quotes: list[Quote] = []
    left_open: tuple[str, ...] | None = None  # the closing marks of a quotation left open
    group = 0
    for paragraph in re.finditer(r"[^\n]+", text):
        start, body = paragraph.start(), paragraph.group()
        indent = len(body) - len(body.lstrip())
        i, opened = indent, None
        if left_open is not None and _opening_at(body, indent) is None:
            # The quotation goes on without a new opening mark: up to its closing mark.
            close = _closing(body, indent, left_open)
            if close is not None:
                quotes.append(_trimmed(text, start + indent, start + close[0], True, True, group))
                i = close[0] + close[1]
        while i < len(body):
            mark = _opening_at(body, i)
            if mark is None:
                i = _next_mark(body, i + 1)
                continue
            begins = i == indent
            continues = left_open is not None and begins
            if not continues:
                group += 1
            close = _closing(body, i + len(mark), _PAIRS[mark])
            if close is not None and mark in ("‘", "'") and close[0] - i > MAX_SINGLE_QUOTED:
                i += len(mark)
                continue
            reopened = close is None and _reopening(body, i + len(mark), mark)
            if reopened:
                quotes.append(_trimmed(text, start + i + len(mark), start + reopened, begins, continues, group))
                left_open, i, indent = _PAIRS[mark], reopened, reopened
                continue
            if close is None:
                if mark in _AMBIGUOUS - {"\""} and not begins and not body[:i].rstrip().endswith(":"):
                    i += len(mark)  # a lone apostrophe, not a quotation left open
                    continue
                quotes.append(_trimmed(text, start + i + len(mark), start + len(body), begins, continues, group))
                opened = _PAIRS[mark]
                break
            if mark == "\"" and _introduced(body, close[0]):
                i += len(mark)  # a stray mark: the one it would pair with opens a quotation of its own
                continue
            quotes.append(_trimmed(text, start + i + len(mark), start + close[0], begins, continues, group))
            i = close[0] + close[1]
        left_open = opened
    return [q for q in quotes if q.end > q.start]


def _next_mark(body: str, i: int) -> int:
    """The position of the first character at or after `i` that may begin an opening mark."""
    found = _MARK_START.search(body, i)
    return found.start() if found else len(body)


def _opening_at(body: str, i: int) -> str | None:
    """The opening mark at position `i` of a paragraph, if one is there."""
    for mark in ("''", "“", "„", "«", "\"", "‘", "'"):
        if body.startswith(mark, i):
            if mark in _AMBIGUOUS and not _starts_word(body, i, len(mark)):
                return None
            return mark
    return None


def _starts_word(body: str, i: int, width: int) -> bool:
    # An ambiguous mark opens at the start of a paragraph or after a space or bracket, before a
    # word; a double one also right after a sentence's end when copy lost the space (`Olympics."He was`).
    after = body[i + width:i + width + 1]
    if after == "" or after.isspace():
        return False
    if i == 0 or body[i - 1] in _BEFORE_OPENING:
        return True
    return body[i:i + width] == "\"" and body[i - 1] in ".!?" and after.isupper()


def _closing(body: str, i: int, marks: tuple[str, ...]) -> tuple[int, int] | None:
    """(position, width) of the first mark of `marks` from `i` that closes a quotation: an
    apostrophe-like mark only when no letter follows it ("don't", "Kyiv's" do not close), and
    none after a double mark that reopens the quotation (see `_reopens`)."""
    while i < len(body):
        if _reopens(body, i):
            return None
        for mark in marks:
            if body.startswith(mark, i):
                after = body[i + len(mark):i + len(mark) + 1]
                if mark in ("'", "’", "''") and (after.isalnum() or (mark != "''" and body.startswith("''", i))):
                    break
                if mark in ("'", "’") and i > 0 and body[i - 1].isspace():
                    break
                return i, len(mark)
        i += 1
    return None


def _introduced(body: str, i: int) -> bool:
    """A straight double mark that opens a quotation introduced by a comma or colon (`He stated,
    "Elections...`), so it cannot close one: a mark before it was stray (`...rolls. "He said`)."""
    return body[i] == "\"" and body[max(0, i - 2):i] in (", ", ": ") and body[i + 1:i + 2].isalnum()


def _reopens(body: str, i: int) -> bool:
    """A double mark that opens a word after a sentence's end and a space, inside a quotation:
    the quotation was left open there and its next part begins."""
    return body.startswith(("\"", "“"), i) and i > 0 and body[i - 1].isspace() \
        and body[i + 1:i + 2].isalnum() and body[:i].rstrip()[-1:] in ".!?"


def _reopening(body: str, i: int, mark: str) -> int | None:
    """Where a double quotation left open reopens on the same line (`"It is over.  "We will
    go on," he said`): copy flattened to one line keeps the marks, not the paragraph breaks."""
    if mark not in ("\"", "“"):
        return None
    return next((k for k in range(i, len(body)) if _reopens(body, k)), None)


def _trimmed(text: str, start: int, end: int, opens: bool, continues: bool, group: int) -> Quote:
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM + ".":
        end -= 1
    return Quote(start, end, opens, continues, group)
