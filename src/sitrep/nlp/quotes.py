"""Quotations: the spans of text between quotation marks, straight or curly.

A paragraph that opens a quotation and does not close it continues into the next paragraph
(the press convention for a quotation running over several paragraphs): each paragraph's
part is its own quotation, and the later ones carry `continues` so that they go to the same
speaker.
"""
import re
from dataclasses import dataclass

_OPEN = "“\"«„"
_CLOSE = {"“": "”", "\"": "\"", "«": "»", "„": "“"}
_TRIM = " \t\n,;:"


@dataclass
class Quote:
    start: int      # content, without the marks
    end: int
    opens_paragraph: bool
    continues: bool  # carries on a quotation left open by the previous paragraph


def find_quotes(text: str) -> list[Quote]:
    """Every quotation of `text`, in order, as content spans without the marks."""
    quotes: list[Quote] = []
    left_open = False
    for paragraph in re.finditer(r"[^\n]+", text):
        start, body = paragraph.start(), paragraph.group()
        i = 0
        opened_here = False
        while i < len(body):
            mark = body[i]
            if mark in _OPEN and (mark != '"' or _opens(body, i)):
                close = body.find(_CLOSE[mark], i + 1)
                begins = i == len(body) - len(body.lstrip())
                if close < 0:
                    # Left open: the quotation runs to the end of the paragraph and goes on in the next.
                    quotes.append(_trimmed(text, start + i + 1, start + len(body), begins, left_open and begins))
                    opened_here = True
                    break
                quotes.append(_trimmed(text, start + i + 1, start + close, begins, left_open and begins))
                i = close + 1
                continue
            i += 1
        left_open = opened_here
    return [q for q in quotes if q.end > q.start]


def _opens(body: str, i: int) -> bool:
    # A straight quote opens at the start or after a space or an opening bracket.
    return i == 0 or body[i - 1] in " ([—–-:"


def _trimmed(text: str, start: int, end: int, opens: bool, continues: bool) -> Quote:
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM + ".":
        end -= 1
    return Quote(start, end, opens, continues)
