"""Cleaning scraped text: keep the article, drop the page around it.

A page flattened to long lines is first split where its layout left wide gaps between blocks.
Each line is judged by general signals (duplication, sentence shape, position before or
after the body, call-to-action and photo-credit patterns from `data/noise.json`), never by
the literal strings of particular articles. The headline becomes the title, a dateline the
publication date; captions are kept aside once; everything dropped is listed in order.
"""
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from functools import cache

from sitrep.data import lexicon
from sitrep.dateline import (PartialDate, bare_dateline, full_dates, header_date, infer_year, opening_dateline,
                             parse_dateline)

_WORD = re.compile(r"\w+(?:['’.-]\w+)*")
_TERMINAL = re.compile(r"[.!?…:;][\"'”’»)\]]*$|[\"”»]$")
_OPENING_QUOTE = re.compile(r"^[\"“«„‘']")
_FIRST_OR_SECOND_PERSON = re.compile(r"\b(?:we|we['’]re|we['’]ve|us|our|ours|you|your|you['’]re"
                                     r"|мы|нас|нам|наш\w*|вы|вас|вам|ваш\w*)\b", re.I)
# A line of prose with this many words is body text even when a scrape cut its last stop.
LONG_LINE_WORDS = 15
# A headline has at least this many words; shorter leading lines are section labels ("World").
MIN_ARTICLE_WORDS = 60  # of prose before a mark that ends the article (see `split_article_end`)
MIN_TITLE_WORDS = 3
# A repeated line this long is the article's paragraph printed twice, not a caption.
MIN_REPEATED_PARAGRAPH_WORDS = 40
MAX_TITLE_WORDS = 30
# A dateline line among the first paragraphs still dates the article (a lead may precede it).
DATELINE_BODY_REACH = 2
# A run of link headlines: at least this many words, this many per full stop (see
# `headline_run_start`).
HEADLINE_RUN_MIN_WORDS = 50
HEADLINE_RUN_WORDS_PER_STOP = 40
HEADLINE_MIN_WORDS = 12  # of the run's first stretch, up to its first full stop
HEADLINE_SHARE = 0.5  # of a line's words in stretches of headlines: a box of links, cut
MIN_BULLETED_LINKS = 3  # items of a bulleted list flattened into a line, most with no full stop
LINK_STRETCH_WORDS = 60  # a stretch this long with no full stop needs fewer signs to read as links
LINK_RUN_WORDS = 100  # and one this long, only a few capitals
# A sentence's full stop (not an initial's, "U.S.", "Mr."), and a capitalised word right after an
# unpunctuated one, where a new headline starts in a run of them.
_FULL_STOP = re.compile(r"(?<![A-Z])(?<!\b[A-Z][a-z])(?<!\b(?:Mr|Dr|vs|St|No))[.!][\"'”’»)\]]*(?=\s|$)")
_LIST_LABEL = re.compile(r"(?:^|\s)([A-Z][\w&' -]{0,30}:)\s*$")
_INLINE_BULLET = re.compile(r"(?<=\S)\s+[*•‣▪]\s+(?=\S)")
_UNPUNCTUATED_CAPITAL = re.compile(r"(?<=[a-z0-9%’'?…])\s+[A-Z]")
# A headline opens with a word or a quotation, not with a ticker's sign ("+ 62.97 -10.00 ...").
_HEADLINE_START = re.compile(r"[\"'“‘«„(\[]?\w")
# A section label glued before a headline: "POLITICS/ ", "WORLD | ", "Defence | ".
_SECTION_LABEL = re.compile(r"^[A-Z][\w&'-]*(?: [A-Z&][\w&'-]*){0,2}\s*[/|]\s+(?=\S)")
# A sentence's end glued to the next sentence, the space lost by the scraper ("on
# Sunday.Hearing the case", "on Instagram.'Today we"): a word of two lower-case letters or more,
# its full stop, perhaps a quotation mark, then a capitalised word.
_GLUED_SENTENCES = re.compile(r"(?<=[a-z][a-z][.!?])([\"'“‘”’]?)(?=[A-Z][a-z])")
# Where a flattened page's blocks meet (paragraphs, link lists, captions): a tab, or three
# spaces or more, before anything but a lower-case word (which goes on the sentence the gap cut),
# and neither after a label's colon nor before a bar ("Photo Credit:   ANI", "caption   | Photo").
_BLOCK_GAP = re.compile(r"(?<![^\S\n]|:)[^\S\n]*(?:\t|[^\S\n\t]{3})[^\S\n]*(?![^\S\n]|[a-z|])")
# Runs of spaces, tabs and no-break spaces inside a paragraph (a flattened page's layout): one
# space, as a reader sees it and as the parser needs it (a lone no-break space is a token of its
# own that breaks the sentence's parse).
_INLINE_SPACE = re.compile(r"[^\S\n]{2,}|[^\S \n]")
# A wire agency credited in parentheses inside a sentence: "(Reuters)", "(AFP)".
_AGENCY_IN_PARENTHESES = re.compile(r"\(\s*[A-Z][A-Za-z]+(?: [A-Z][A-Za-z]+)?\s*\)")


@dataclass
class Cleaned:
    """The result of cleaning one plain-text input."""

    text: str
    title: str | None
    published: str | None
    removed: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)


@dataclass
class _Patterns:
    call_to_action: list[re.Pattern]
    caption_credit: list[re.Pattern]
    byline: list[re.Pattern]
    article_end: list[re.Pattern]
    headline_opener: re.Pattern
    embedded_widgets: list[re.Pattern]


@cache
def _patterns() -> _Patterns:
    raw = lexicon("noise.json")  # every language's patterns
    compile_ci = lambda key: [re.compile(p, re.I) for p in raw[key]]  # noqa: E731
    return _Patterns(
        call_to_action=compile_ci("call_to_action"),
        caption_credit=compile_ci("caption_credit") + [re.compile(p) for p in raw["caption_credit_case_sensitive"]],
        byline=compile_ci("byline"),
        article_end=[re.compile(p, re.I | re.S) for p in raw["article_end"]],
        headline_opener=re.compile(r"(?<=[a-z0-9%’'?:…])\s+(?:" + "|".join(w.capitalize() for w in raw["headline_openers"])
                                   + r")\b(?![.’'-])"),
        embedded_widgets=compile_ci("embedded_widgets"),
    )


def normalise(line: str) -> str:
    """A line's comparable form: compatibility-normalised, quotes unified, spaces folded."""
    line = unicodedata.normalize("NFKC", line).replace("’", "'").replace("“", '"').replace("”", '"')
    return re.sub(r"\s+", " ", line).strip().lower()


def word_count(line: str) -> int:
    return len(_WORD.findall(line))


def is_prose(line: str) -> bool:
    """A line shaped like a sentence of running text rather than a label, button or heading."""
    words = word_count(line)
    return words >= LONG_LINE_WORDS or (words >= 3 and bool(_TERMINAL.search(line.rstrip())))


def is_call_to_action(line: str) -> bool:
    """Donation appeals, newsletter boxes, social links, "read more" and the like.

    A pattern alone is not enough for a sentence of prose ("share prices fell"): it must
    also speak to the reader or about the outlet (we/us/you) or not be shaped like prose.
    Quoted speech is never page furniture.
    """
    if _OPENING_QUOTE.match(line) or word_count(line) > 60:
        return False
    if not any(p.search(line) for p in _patterns().call_to_action):
        return False
    return not is_prose(line) or bool(_FIRST_OR_SECOND_PERSON.search(line))


# Wire-photo style: "Soldiers fire a howitzer near Bakhmut, Ukraine, March 3, 2023." A sentence of
# reporting that ends on a date has a preposition before it ("on March 3, 2023").
_CAPTION_DATE_END = re.compile(
    r"(?<!\bon)(?<!\bsince)(?<!\buntil)(?<!\bby)(?<!\bfrom)(?<!\bof)(?<!\bin),\s+"
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},\s+\d{4}\.?$")


def has_caption_credit(line: str) -> bool:
    """A photo caption's mark: a credit ("(Photo: Reuters)", "AFP via Getty Images", "(photo -
    EPA)") or a wire-photo dateline ending (", Ukraine, March 3, 2023.")."""
    if word_count(line) > 80 or _OPENING_QUOTE.match(line):
        return False
    line = _AGENCY_IN_PARENTHESES.sub("", line)  # "... officials said (AFP)." is reporting
    return any(p.search(line) for p in _patterns().caption_credit) or bool(_CAPTION_DATE_END.search(line))


def is_byline(line: str) -> bool:
    """"By Jane Doe", "[Source: Reuters]", "(Reporting by ...)": who wrote or supplied it."""
    return word_count(line) <= 15 and not _TERMINAL.search(line.rstrip(" )]")) and any(
        p.search(line) for p in _patterns().byline)


def split_lines(raw: str) -> list[str]:
    """The input's non-empty lines, with hard-wrapped paragraphs joined back together, and a
    page flattened to long lines split where its layout left a wide gap between blocks."""
    raw = raw.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    lines = []
    for block in re.split(r"\n\s*\n", raw):
        block_lines = [line.strip() for line in block.split("\n") if line.strip()]
        if _is_wrapped_paragraph(block_lines):
            lines.append(" ".join(block_lines))
        else:
            lines.extend(block_lines)
    return [piece for line in lines for piece in _BLOCK_GAP.split(line) if piece.strip()]


def _unglued(line: str, glued: re.Match) -> str:
    """The space back between two glued sentences: before a mark that opens the second one,
    after a mark that closes the first (a straight mark closes when one of its kind is open)."""
    mark = glued.group(1)
    if mark in ("", "“", "‘"):
        return " " + mark
    if mark in ("”", "’"):
        return mark + " "
    marks = [i for i, c in enumerate(line[:glued.start()]) if c == mark
             and not (0 < i < len(line) - 1 and line[i - 1].isalnum() and line[i + 1].isalnum())]
    return mark + " " if len(marks) % 2 else " " + mark


def _is_wrapped_paragraph(lines: list[str]) -> bool:
    """Lines of a block that one paragraph was folded into at a fixed width."""
    if len(lines) < 2 or len(set(lines)) < len(lines):
        return False
    widths = [len(line) for line in lines[:-1]]
    return min(widths) >= 40 and min(widths) >= 0.75 * max(widths) and bool(_TERMINAL.search(lines[-1]))


def clean_text(raw: str, title: str | None = None, published: str | None = None,
               evidence_dates: list[str] | None = None) -> Cleaned:
    """Separate the article from the page noise of plain text scraped from a web page.

    `title` and `published` come from the input's metadata when it has them; otherwise the
    headline and the dateline are taken from the text itself.
    """
    raw, tail = split_article_end(raw)
    lines = split_lines(raw)
    keys = [normalise(line) for line in lines]
    counts: dict[str, int] = {}
    for key in keys:
        counts[key] = counts.get(key, 0) + 1

    first_body = next((i for i, line in enumerate(lines) if is_prose(line) and not _is_noise(line)), len(lines))
    title_index = None
    if title is None:
        title_index = _find_title(lines[:first_body], keys, counts)
        if title_index is None and lines and _is_headline_shaped(lines[0]):
            title_index = 0
        title = _SECTION_LABEL.sub("", lines[title_index]) if title_index is not None else None
        if title_index == 0 and first_body == 0:
            first_body = next((i for i, line in enumerate(lines) if i and is_prose(line) and not _is_noise(line)),
                              len(lines))
    title_key = normalise(title) if title else None

    # A repeated line is a caption (image alt text and caption both scraped), unless it is
    # quoted speech (a pull quote repeats the body) or a paragraph too long for a caption: a page
    # that prints its article twice keeps the first copy.
    body, removed, captions, caption_keys, paragraph_keys = [], [], [], set(), set()
    dateline: PartialDate | None = None
    for i, (line, key) in enumerate(zip(lines, keys)):
        if i == title_index or key == title_key or normalise(_SECTION_LABEL.sub("", line)) == title_key:
            continue
        line = _without_widgets(line, removed)
        if not line:
            continue
        if counts[key] > 1 and word_count(line) >= MIN_REPEATED_PARAGRAPH_WORDS:
            if key in paragraph_keys:
                removed.append(line)
                continue
            paragraph_keys.add(key)
        caption = (counts[key] > 1 and not _OPENING_QUOTE.match(line) and key not in paragraph_keys
                   ) or has_caption_credit(line)
        if caption or not is_prose(line) or _is_noise(line):
            removed.append(line)
            if dateline is None and i < first_body:
                dateline = parse_dateline(line) or header_date(line)
            elif dateline is None and len(body) < DATELINE_BODY_REACH:
                dateline = parse_dateline(line)
            if caption and parse_dateline(line) is None and key not in caption_keys:
                caption_keys.add(key)
                captions.append(line)
            continue
        if not body:
            opening = opening_dateline(line)
            if opening is not None:
                found, line = opening
                removed.append(lines[i][: len(lines[i]) - len(line)].rstrip())
                dateline = dateline or found
            elif (rest := bare_dateline(line)) is not None:
                line = rest
                removed.append(lines[i][: len(lines[i]) - len(line)].rstrip())
        line = _INLINE_SPACE.sub(" ", line)
        line = _GLUED_SENTENCES.sub(lambda m: _unglued(line, m), line)
        run = headline_run_start(line)
        if run is not None:
            removed.append(line[run:].strip())
            line = line[:run].rstrip()
            if not line:
                continue
        body.append(line)

    text = "\n\n".join(body)
    if tail:
        removed.append(tail)
    if published is None and dateline is not None:
        evidence = full_dates("\n".join(captions + removed + body)) + _iso_dates(evidence_dates or [])
        found = infer_year(dateline, evidence)
        published = found.isoformat() if found else None
    return Cleaned(text=text, title=title, published=published, removed=removed, captions=captions)


def _without_widgets(line: str, removed: list[str]) -> str:
    """The line without the messages of players and comment boxes scraped into it ("To view this
    video please enable JavaScript..."), which would join the sentences around them."""
    cuts = len(removed)

    def cut(match: re.Match) -> str:
        removed.append(match.group(0))
        return " "
    for pattern in _patterns().embedded_widgets:
        line = pattern.sub(cut, line)
    return re.sub(r"[^\S\n]{2,}", " ", line).strip() if len(removed) > cuts else line


def headline_run_start(line: str) -> int | None:
    """Where a run of link headlines begins ("related stories" flattened into the text: "Why X
    got away with it Can Y step out of Z's shadow? How..."), if the line ends with one or is
    mostly made of them: stretches with hardly a full stop or a comma, where capitalised words,
    function words among them, keep following unpunctuated ones; or a bulleted list of links."""
    total = words = word_count(line)
    if total < HEADLINE_RUN_MIN_WORDS:
        return None
    bulleted = _bulleted_links_start(line)
    if bulleted is not None:
        return bulleted
    ends = [m.end() for m in _FULL_STOP.finditer(line)]
    bounds = list(zip([0, *ends], [*ends, len(line)]))
    link_stretches = []
    for index, (start, end) in enumerate(bounds):
        first = word_count(line[start:end])
        stops = len(bounds) - 1 - index
        links = first >= HEADLINE_MIN_WORDS and _reads_as_links(line[start:end], first)
        # the run begins with headlines, not with the sentences of a summary before them
        if links and words >= HEADLINE_RUN_MIN_WORDS and words >= HEADLINE_RUN_WORDS_PER_STOP * (stops + 1) \
                and _reads_as_links(line[start:], words):
            return start
        if links and first >= LINK_STRETCH_WORDS:
            link_stretches.append((start, first))
        words -= first
    # Boxes of links with a few sentences among them ("Log out ... to enjoy all member benefits."):
    # the line from its first long stretch of headlines on, when such stretches hold half of it.
    if sum(n for _, n in link_stretches) >= HEADLINE_SHARE * total:
        return link_stretches[0][0]
    return None


def _bulleted_links_start(line: str) -> int | None:
    """ "Malaysia: * Curb bullying, King decrees * Another MP is ejected * ...": where a bulleted
    list flattened into the line begins, when most of its items end with no full stop."""
    bullets = [m.start() for m in _INLINE_BULLET.finditer(line)]
    items = [line[a:b].rstrip() for a, b in zip(bullets, [*bullets[1:], len(line)])]
    if len(items) >= MIN_BULLETED_LINKS and 3 * sum(not _FULL_STOP.search(item) for item in items) >= 2 * len(items):
        label = _LIST_LABEL.search(line, 0, bullets[0])  # "Malaysia:" heading the list
        return label.start(1) if label else bullets[0]
    return None


def _reads_as_links(text: str, words: int) -> bool:
    """Link titles run together: capitals keep following unpunctuated words, function words
    among them ("How", "Why"), and commas are few. Over a long stretch with no full stop fewer
    openers tell, or capitals alone (a long sentence has commas, and capitals mostly for names)."""
    if 100 * text.count(",") > 5 * words:
        return False
    capitals = 100 * len(_UNPUNCTUATED_CAPITAL.findall(text))
    openers = 100 * len(_patterns().headline_opener.findall(text))
    if capitals >= 19 * words and openers >= words or openers >= 3 * words:
        return True
    if words >= LINK_RUN_WORDS:
        return capitals >= 10 * words  # no sentence runs on this long with so few commas
    return words >= LINK_STRETCH_WORDS and (capitals >= 25 * words or capitals >= 15 * words and openers >= 2 * words)


def split_article_end(raw: str) -> tuple[str, str]:
    """The page's text up to where the article ends, and the rest: reader comments, their post
    signatures and the page's keyword lists follow the article on forums and blogs, often run
    into the same line when the page was flattened. Only a mark after a paragraph's worth of
    prose ends the article, so that a "view comments" link above the story cuts nothing."""
    ends = [m.start() for p in _patterns().article_end for m in [_first_after_prose(p, raw)] if m is not None]
    if not ends:
        return raw, ""
    cut = min(ends)
    return raw[:cut].rstrip(), raw[cut:].strip()


def _first_after_prose(pattern: re.Pattern, raw: str) -> re.Match | None:
    return next((m for m in pattern.finditer(raw) if word_count(raw[:m.start()]) >= MIN_ARTICLE_WORDS), None)


def _is_noise(line: str) -> bool:
    return is_call_to_action(line) or is_byline(line) or parse_dateline(line) is not None


def _find_title(header: list[str], keys: list[str], counts: dict[str, int]) -> int | None:
    """The headline: the first line before the body that is shaped like one (a headline
    repeated at the very top, as pages often print it twice, is still the headline)."""
    for i, line in enumerate(header):
        words = word_count(line)
        if (MIN_TITLE_WORDS <= words <= MAX_TITLE_WORDS and (counts[keys[i]] == 1 or i == 0)
                and _HEADLINE_START.match(line) and not _is_noise(line) and not has_caption_credit(line)
                and not line.endswith(".")):
            return i
    return None


def _is_headline_shaped(line: str) -> bool:
    """A first line that reads as a headline even when long enough to pass for prose: no
    sentence-final stop (a closing quotation mark is not one), not noise, not a caption."""
    words = word_count(line)
    bare = line.rstrip().rstrip("\"'”’»)]")
    return (MIN_TITLE_WORDS <= words <= MAX_TITLE_WORDS and not re.search(r"[.!?…:;]$", bare)
            and bool(_HEADLINE_START.match(line))
            and not _is_noise(line) and not has_caption_credit(line))


def _iso_dates(values: list[str]) -> list[date]:
    found = []
    for value in values:
        try:
            found.append(date.fromisoformat(value[:10]))
        except ValueError:
            continue
    return found


_SUFFIX = re.compile(r"\s+[|–—-]\s+([^|–—-]{2,60})$")


def strip_outlet_suffix(title: str, outlet: str | None) -> str:
    """A headline without a trailing " | Outlet" that only repeats the outlet's name.

    A suffix naming the report's own source ("... – ISW") stays: it says who claims it.
    """
    match = _SUFFIX.search(title)
    if not match or not outlet:
        return title
    suffix, outlet_key = normalise(match.group(1)), normalise(outlet)
    outlet_names = {outlet_key, outlet_key.split(".")[0]}
    if suffix in outlet_names or suffix.replace(" ", "") in outlet_names:
        return title[: match.start()].rstrip()
    return title
