"""The field's actor dictionaries: named actors with dated roles, and common nouns of actors.

Loads `data/actors.jsonl` and `data/agents.json` (converted from the PETRARCH2/Phoenix
dictionaries by `scripts/convert_petrarch2.py`, MIT) once, on first use, so that a name or a
noun found in a text can be given its country, CAMEO sector and roles at a date.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources


SECTORS = frozenset(
    "GOV MIL REB INS OPP PTY COP JUD SPY MED EDU BUS CRM CVL ELI LAB LEG HLH REF MOD RAD "
    "AGR DEV HRI ENV UAF SET REL IGO NGO NGM IMG MNC".split()
)
INTERNATIONAL_PREFIXES = frozenset("IGO NGO NGM IMG MNC INT".split())


@dataclass(frozen=True)
class Role:
    """A dated role: CAMEO code without the country (`GOV`, `MIL`, `ELI`...), its country."""

    role: str
    country: str | None
    since: str | None
    until: str | None

    @property
    def sector(self) -> str | None:
        """The primary CAMEO sector of the role (`GOVBUS` -> GOV, `IGOUNO` -> IGO), by the
        same reading as the conversion script's."""
        if self.role[:3] in INTERNATIONAL_PREFIXES:
            return self.role[:3]
        return next((self.role[i:i + 3] for i in range(0, len(self.role) - 2, 3) if self.role[i:i + 3] in SECTORS), None)

    def holds_on(self, date: str | None) -> bool:
        """Whether the role covers `date` (any ISO prefix: 2024, 2024-03, 2024-03-02)."""
        if date is None:
            return self.until is None
        return (self.since is None or self.since[: len(date)] <= date) and (
            self.until is None or date <= self.until[: len(date)]
        )

    def as_record(self) -> dict:
        """The role as the record's `{role, country, since, until}`."""
        return {"role": self.role, "country": self.country, "since": self.since, "until": self.until}


@dataclass(frozen=True)
class Actor:
    """A named person, body or country of the dictionaries."""

    id: str
    name: str
    kind: str  # person, organisation or country
    variants: tuple[str, ...]
    country: str | None
    sector: str | None
    roles: tuple[Role, ...]

    @property
    def names(self) -> tuple[str, ...]:
        """The name and its variants."""
        return (self.name, *self.variants)

    def role_on(self, date: str | None) -> Role | None:
        """The role held on `date` (an office before the `ELI` standing of a former one)."""
        held = [r for r in self.roles if (r.since or r.until) and r.holds_on(date)]
        held.sort(key=lambda r: (r.role == "ELI", r.since or ""))
        return held[0] if held else None


def name_key(text: str) -> str:
    """A name as looked up: case, dots, hyphens, apostrophes and a leading "the" do not count."""
    words = text.casefold().replace("\u2019", "'").replace(".", "").replace("-", " ").split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


# The start of every actor line, as the conversion script writes it: the id, the name and
# the variants are read with this alone, and a line is decoded in full only when looked up.
_NAMES = re.compile(r'\{"id":"(?P<id>(?:[^"\\]|\\.)*)","name":"(?P<name>(?:[^"\\]|\\.)*)",'
                    r'"kind":"[a-z]+","variants":\[(?P<variants>[^\]]*)\]')
_STRING = re.compile(r'"((?:[^"\\]|\\.)*)"')


def _text(raw: str) -> str:
    return json.loads(f'"{raw}"') if "\\" in raw else raw


@cache
def _lines() -> list[str]:
    source = resources.files("sitrep.data").joinpath("actors.jsonl").read_text(encoding="utf-8")
    return source.rstrip("\n").split("\n")[1:]  # after the header: source, licence and format


@cache
def _index() -> dict[str, tuple[int, ...]]:
    """Name key -> the lines of the actors bearing it, read from the line starts only, so that
    start-up does not decode the whole file."""
    index: dict[str, list[int]] = {}
    for number, line in enumerate(_lines()):
        match = _NAMES.match(line)
        names = [match["name"], *_STRING.findall(match["variants"])]
        for key in {name_key(_text(name)) for name in names}:
            index.setdefault(key, []).append(number)
    return {key: tuple(found) for key, found in index.items()}


@cache
def _actor(number: int) -> Actor:
    raw = json.loads(_lines()[number])
    roles = tuple(Role(r["role"], r["country"], r["since"], r["until"]) for r in raw["roles"])
    return Actor(raw["id"], raw["name"], raw["kind"], tuple(raw["variants"]), raw["country"],
                 raw["sector"], roles)


@cache
def _agents() -> dict[str, str]:
    source = resources.files("sitrep.data").joinpath("agents.json")
    return json.loads(source.read_text(encoding="utf-8"))["agents"]


def known_name(name: str) -> bool:
    """Whether some dictionary actor bears `name`: a cheap test before any lookup."""
    return name_key(name) in _index()


def actors_named(name: str) -> tuple[Actor, ...]:
    """Every dictionary actor that bears `name` (as name or variant), in dictionary order."""
    return tuple(_actor(number) for number in _index().get(name_key(name), ()))


def actor(name: str, on: str | None = None) -> Actor | None:
    """The one actor `name` means, or None when unknown or ambiguous.

    Several actors may share a name; the one holding an office (not a former standing) on
    `on`, an ISO date, wins when it is the only such one.
    """
    found = actors_named(name)
    if len(found) == 1:
        return found[0]
    if on is not None:
        active = [a for a in found if (role := a.role_on(on)) and role.role != "ELI"]
        if len(active) == 1:
            return active[0]
    return None


def agent_code(noun: str) -> str | None:
    """The CAMEO agent code of a common noun of actors ("riot police" -> `COP`), or None."""
    return _agents().get(" ".join(noun.casefold().split()))


def agent_sector(noun: str) -> str | None:
    """The CAMEO sector of a common noun ("rebels" -> `REB`, "defence ministry" -> `GOV`)."""
    code = agent_code(noun)
    return code[:3] if code else None
