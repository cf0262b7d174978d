"""Build sitrep's CAMEO-derived event lexicon from the field's dictionaries.

Reads PETRARCH2's CAMEO verb dictionary (`petrarch2/CAMEO.2.0.txt`, MIT) and the PLOVER
editors' CAMEO-to-PLOVER table (`plover/CAMEO2PLOVER-2021.txt`, CC BY-SA 4.0) from a copy of
the shared field dictionaries, and writes `src/sitrep/data/event_lexicon.json`: the noun
synonym sets, every verb with its patterns (object, particles, prepositions, subject) and the
CAMEO code of each, and the PLOVER type, mode and context of every code. The output depends
only on the two input files, so running it again reproduces the committed file byte for byte:

    python scripts/convert_cameo.py ../shared/data [src/sitrep/data/event_lexicon.json]
"""
import json
import re
import sys
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parent.parent
OUTPUT = REPOSITORY / "src" / "sitrep" / "data" / "event_lexicon.json"
LICENCE = "CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/)"
ATTRIBUTION = (
    "Derived from the CAMEO verb dictionary of PETRARCH2 (openeventdata/petrarch2, commit "
    "676801cd9cb2, data/dictionaries/CAMEO.2.0.txt; Copyright (c) 2015 Open Event Data Alliance, "
    "MIT licence) and the CAMEO-to-PLOVER table of the PLOVER project (openeventdata/PLOVER, "
    "commit 5e0c24fba623, CAMEO2PLOVER-2021.txt, edited by Philip Schrodt; Open Event Data "
    "Alliance, CC BY-SA 4.0). Converted by scripts/convert_cameo.py; shared under CC BY-SA 4.0."
)
# PLOVER dropped CAMEO's public statements (01) and appeals (02): comments, not events.
DROPPED = ("01", "02")
BRACED = re.compile(r"\{[^}]*\}|\([^)]*\)|\S+")


def plover_table(text: str) -> dict[str, list]:
    """CAMEO code -> [PLOVER type, mode or null, contexts], from the editors' table."""
    table = {}
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        match = re.fullmatch(r"(\d{2,4}):\s*(.*)", line)
        if not match or match.group(1) in table:
            continue
        fields = [f.strip() for f in match.group(2).split(",")] + ["", ""]
        contexts = [c.strip() for c in fields[2].split(";") if c.strip()]
        table[match.group(1)] = [fields[0], fields[1] or None, contexts]
    return table


def _word(raw: str) -> str:
    return raw.strip("_").replace("_", " ").lower()


def synsets(lines: list[str]) -> dict[str, list[str]]:
    """&LABEL -> its words and phrases, lower case, without plural markers."""
    found, label = {}, None
    for line in lines:
        line = line.split("#", 1)[0].rstrip()
        if line.startswith("&"):
            label = line[1:].strip().rstrip("_")
            found[label] = []
        elif line.startswith("+") and label is not None:
            found[label].append(_word(line[1:].split()[0]))
        elif line.startswith("---"):
            break
        elif not line.strip():
            label = None
    return found


def _code(raw: str | None) -> tuple[str | None, bool]:
    """A CAMEO code as the dictionary writes it -> (code, reversed).

    "042:043" codes the subject's act on the object (and the reverse, which sitrep does not
    code); ":173" codes only the object's act on the subject."""
    if raw is None or raw.strip() in ("", "---"):
        return None, False
    forward, _, backward = raw.partition(":")
    if forward.strip() and forward.strip() != "---":
        return forward.strip(), False
    return (backward.strip() or None), bool(backward.strip())


def _phrase(item: str) -> str | None:
    """A noun item of a pattern: a word, a {BRACED PHRASE} or an &SYNSET, without markers."""
    words = [w for w in item.strip("{}").split() if w not in ("$", "+", "^", "%")]
    return " ".join(_word(w) if not w.startswith("&") else w.rstrip("_") for w in words) or None


def pattern(line: str) -> dict | None:
    """One `- SUBJECT * OBJECT (PREP NOUN) [CODE]` line as a matching pattern."""
    body, _, _ = line[1:].partition("#")
    code_match = re.search(r"\[([^\]]*)\]", body)
    if code_match is None or "*" not in body:
        return None
    code, reverse = _code(code_match.group(1))
    before, _, after = body[:code_match.start()].partition("*")
    subject = [p for p in (_phrase(i) for i in BRACED.findall(before) if not i.startswith("(")) if p]
    words, prepositions = [], []
    for item in BRACED.findall(after):
        if item.startswith("("):
            parts = item.strip("()").split(None, 1)
            if parts and parts[0] not in ("$", "+", "^", "%"):
                prepositions.append([parts[0].lower(), _phrase(parts[1]) if len(parts) > 1 else None])
        elif (phrase := _phrase(item)) is not None:
            words.append(phrase)
    entry = {"code": code}
    if reverse:
        entry["reverse"] = True
    if words:  # the last item is the object; earlier bare words are particles ("* OUT VIEWS")
        entry["object"] = words[-1]
        if words[:-1]:
            entry["with"] = words[:-1]
    if prepositions:
        entry["prepositions"] = prepositions
    if subject:
        entry["subject"] = subject[-1]
    return entry


def _verb_key(line: str) -> tuple[str | None, str | None]:
    """(lemma with the words after it, its own code) of a verb line; None for a verb whose
    phrase puts words before it ("WIRE_+TAP"), which a dependency parse cannot anchor."""
    text = line.split("#", 1)[0]
    code_match = re.search(r"\[([^\]]*)\]", text)
    head = re.sub(r"\{[^}]*\}", "", text[:code_match.start()] if code_match else text).split()
    if not head:
        return None, None
    phrase = head[0]
    if "_+" in phrase:
        return None, None
    return _word(phrase.lstrip("+")), (code_match.group(1) if code_match else None)


def verbs(lines: list[str]) -> tuple[dict[str, dict], list[list[dict]]]:
    """(verb with particles -> its default code and its synonym blocks, the blocks' patterns)."""
    found: dict[str, dict] = {}
    blocks: list[list[dict]] = []
    block_code, block_verbs, block_patterns = None, [], []

    def close():
        if block_verbs and block_patterns:
            blocks.append(block_patterns)
        for key, own in block_verbs:
            code, _ = _code(own if own is not None else block_code)
            entry = found.setdefault(key, {"code": None, "blocks": []})
            entry["code"] = entry["code"] or code
            if block_patterns:
                entry["blocks"].append(len(blocks) - 1)

    started = False
    for raw in lines:
        line = raw.rstrip()
        if line.startswith("####### VERB PATTERNS"):
            started = True
            continue
        if not started or not line.strip() or line.startswith("#") or line.startswith("~"):
            continue
        if line.startswith("---"):
            close()
            header = re.search(r"\[([^\]]*)\]", line)
            block_code, block_verbs, block_patterns = (header.group(1) if header else None), [], []
        elif line.startswith("-"):
            parsed = pattern(line)
            if parsed is not None:
                block_patterns.append(parsed)
        else:
            key, own = _verb_key(line)
            if key:
                block_verbs.append((key, own))
    close()
    return found, blocks


def build(shared: Path) -> str:
    """The lexicon file's text, from the shared field dictionaries folder."""
    cameo = (shared / "petrarch2" / "CAMEO.2.0.txt").read_text("utf-8", errors="replace").splitlines()
    table = plover_table((shared / "plover" / "CAMEO2PLOVER-2021.txt").read_text("utf-8"))
    found_verbs, blocks = verbs(cameo)
    used = {p["code"] for b in blocks for p in b} | {v["code"] for v in found_verbs.values()}
    codes = {}
    for code in sorted(c for c in used if c):
        if code.startswith(DROPPED):
            codes[code] = None
            continue
        # a code the table does not list takes its nearest listed parent's row ("0256" -> "025")
        known = next((code[:n] for n in range(len(code), 1, -1) if code[:n] in table), None)
        codes[code] = table[known] if known else None
    lines = ["{",
             f' "_licence": {json.dumps(LICENCE)},',
             f' "_attribution": {json.dumps(ATTRIBUTION)},',
             ' "_doc": ' + json.dumps(
                 "Event lexicon from CAMEO verb patterns: verbs (lemma, with particles) -> the CAMEO code "
                 "of the bare verb and its synonym blocks; blocks -> patterns (object head or &SYNSET, particles, "
                 "prepositions with their object, subject) with their codes; codes -> [PLOVER type, mode, contexts], null for what PLOVER "
                 "does not code. Generated by scripts/convert_cameo.py: regenerate, do not edit.") + ",",
             ' "codes": {']
    lines += [f'  {json.dumps(c)}: {json.dumps(v)}' + ("," if i < len(codes) - 1 else "") for i, (c, v) in enumerate(codes.items())]
    lines += [" },", ' "synsets": {']
    sets = synsets(cameo)
    lines += [f'  {json.dumps(k)}: {json.dumps(v)}' + ("," if i < len(sets) - 1 else "") for i, (k, v) in enumerate(sorted(sets.items()))]
    lines += [" },", ' "blocks": [']
    lines += [f'  {json.dumps(b, sort_keys=True)}' + ("," if i < len(blocks) - 1 else "") for i, b in enumerate(blocks)]
    lines += [" ],", ' "verbs": {']
    ordered = sorted(found_verbs.items())
    lines += [f'  {json.dumps(k)}: {json.dumps(v, sort_keys=True)}' + ("," if i < len(ordered) - 1 else "") for i, (k, v) in enumerate(ordered)]
    lines += [" }", "}", ""]
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__)
        return 2
    output = Path(argv[1]) if len(argv) > 1 else OUTPUT
    output.write_text(build(Path(argv[0])), "utf-8")
    print(f"wrote {output}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
