"""Full-text search by each database's own engine, behind one interface.

SQLite searches an FTS5 table beside `documents`; PostgreSQL a `tsvector` column of it kept by
the database (a generated column, GIN-indexed). Both take the user's words the same way: every
word required, "quoted phrases" as phrases, a trailing * as a prefix; the words reach either engine
as data (quoted terms or bound parameters), never as query syntax.
"""
import re
from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.engine import Connection

# Match markers in snippets (the CLI colours them, the web app marks them).
MARK_START, MARK_END = "\x02", "\x03"
# PostgreSQL's text search configuration: English stemming, as FTS5's porter tokenizer.
PG_CONFIG = "english"
# Languages written in Cyrillic: their words inflect (удар, удары, ударов) and neither English
# stemmer knows them, so a Cyrillic search word matches by its stem: on SQLite through a trigram
# index of the Cyrillic documents, on PostgreSQL as a prefix of the indexed words.
CYRILLIC_LANGUAGES = ("ru", "uk", "be", "bg", "sr", "mk", "kk", "ky", "tg", "mn")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
# Inflectional endings of Russian and Ukrainian words, longest first: a search word without its
# ending matches every form of it ("удары" and "ударов" are "удар").
_ENDINGS = sorted("ами ями ого его ому ему ыми ими ов ев ей ий ый ой ая яя ое ее ые ие ом ем ам ям ах ях ую юю "
                  "у ю а я ы и і е о ь".split(), key=len, reverse=True)
MIN_STEM = 4
# SQLite's word index: English stemming, accents folded, and prefix indexes of every word's first
# 2, 3 and 4 letters, so that a short prefix* reads one list instead of merging the lists of every
# word it begins (all 150 of "Plac*" in the benchmark's knowledge base, for every match).
FTS5_OPTIONS = "tokenize='porter unicode61 remove_diacritics 2', prefix='2 3 4'"


@dataclass(frozen=True)
class Term:
    """One thing a user's query asks for: a `word`, a `phrase` or a `prefix`."""

    kind: str
    text: str


def terms(query: str) -> list[Term]:
    """The words, "phrases" and prefix* of a user's query, in order; what holds no word is dropped."""
    found = []
    for phrase, word in re.findall(r'"([^"]*)"|(\S+)', query):
        if phrase.strip():
            found.append(Term("phrase", phrase.replace('"', "")))
        elif word:
            core = word.rstrip("*").replace('"', "")
            if re.search(r"\w", core):
                found.append(Term("prefix" if word.endswith("*") else "word", core))
    return found


def fts_query(query: str) -> str:
    """A user's search words as a safe FTS5 query: each term and phrase quoted, all required."""
    return " ".join(fts_query_of(terms(query)))


def create(conn: Connection) -> None:
    """The full-text index of the documents, in the database `conn` speaks to."""
    if conn.dialect.name == "postgresql":
        conn.execute(text(
            "ALTER TABLE documents ADD COLUMN search_vector tsvector GENERATED ALWAYS AS ("
            f"setweight(to_tsvector('{PG_CONFIG}', coalesce(title, '')), 'A') || "
            f"setweight(to_tsvector('{PG_CONFIG}', text), 'B')) STORED"))
        conn.execute(text("CREATE INDEX ix_documents_search ON documents USING GIN (search_vector)"))
    else:
        conn.execute(text(f"CREATE VIRTUAL TABLE documents_fts USING fts5(title, text, {FTS5_OPTIONS})"))


def add_prefix_indexes(conn: Connection) -> None:
    """On SQLite, the word index made again with its prefix indexes (FTS5 takes them only when a
    table is created), from the stored documents; PostgreSQL needs none."""
    if conn.dialect.name == "postgresql":
        return
    conn.execute(text("DROP TABLE documents_fts"))
    create(conn)
    conn.execute(text("INSERT INTO documents_fts (rowid, title, text) SELECT rowid, coalesce(title, ''), text FROM documents"))


def create_cyrillic(conn: Connection) -> None:
    """On SQLite, a trigram index of the Cyrillic-script documents beside the word index, filled
    from those stored (running it again rebuilds the same index); PostgreSQL needs none."""
    if conn.dialect.name == "postgresql":
        return
    conn.execute(text("CREATE VIRTUAL TABLE IF NOT EXISTS documents_trigram USING fts5(title, text, tokenize='trigram')"))
    conn.execute(text("DELETE FROM documents_trigram"))
    conn.execute(text("INSERT INTO documents_trigram (rowid, title, text) SELECT rowid, coalesce(title, ''), text "
                      f"FROM documents WHERE language IN ({_cyrillic_list()})"))


def index(conn: Connection, rowid: int, title: str | None, body: str, language: str | None = None) -> None:
    """Index one new document (PostgreSQL's generated column indexes itself)."""
    if conn.dialect.name == "postgresql":
        return
    row = {"rowid": rowid, "title": title or "", "text": body}
    conn.execute(text("INSERT INTO documents_fts (rowid, title, text) VALUES (:rowid, :title, :text)"), row)
    if language in CYRILLIC_LANGUAGES:
        conn.execute(text("INSERT INTO documents_trigram (rowid, title, text) VALUES (:rowid, :title, :text)"), row)


def search_stem(word: str) -> str:
    """A Cyrillic search word less its inflectional ending, keeping at least MIN_STEM letters."""
    lower = word.lower()
    for ending in _ENDINGS:
        if lower.endswith(ending) and len(lower) - len(ending) >= MIN_STEM:
            return lower[:-len(ending)]
    return lower


def trigram_query(alternative: list[Term]) -> str:
    """The user's terms as a safe trigram FTS5 query: phrases as written, each word by its stem,
    all required; words under three letters match nothing by trigrams and are left out."""
    found = []
    for term in alternative:
        core = (term.text if term.kind == "phrase" else search_stem(term.text)).strip().strip(".,;:!?«»„“")
        if len(core) >= 3:
            found.append('"' + core + '"')
    return " ".join(found)


def search(conn: Connection, alternatives: list[list[Term]], conditions: list[str], params: dict) -> list[dict]:
    """The documents matching any of `alternatives` (each a list of terms all required) and all of
    `conditions` (SQL over the documents as `d`, with `params`), best first, `:limit` from
    `:offset`; each with a snippet whose matches are between MARK_START and MARK_END and a score
    (lower is better)."""
    if conn.dialect.name == "postgresql":
        return _postgresql_search(conn, alternatives, conditions, params)
    match = " OR ".join(f"({' '.join(fts_query_of(a))})" for a in alternatives)
    trigrams = trigram_query(alternatives[0]) if _CYRILLIC.search(" ".join(t.text for t in alternatives[0])) else ""
    if trigrams:
        # Cyrillic words: the Cyrillic documents by trigrams of each word's stem (any form of it),
        # the others by words as before (an entity's Latin names among them).
        parts = [("documents_fts", ":match", [*conditions, f"coalesce(d.language, '') NOT IN ({_cyrillic_list()})"]),
                 ("documents_trigram", ":trigrams", conditions)]
    else:
        parts = [("documents_fts", ":match", conditions)]
    # Ranked first, snippets and the documents' columns after: SQLite computes every column of a
    # row before sorting, so a snippet in the ranking query was made for every match (100,000 of
    # them for a common word) to show 20.
    ranked = " UNION ALL ".join(_fts5_ranked(k, *part) for k, part in enumerate(parts))
    shown = " UNION ALL ".join(_fts5_shown(k, table, match_param) for k, (table, match_param, _) in enumerate(parts))
    sql = (f"WITH top AS MATERIALIZED ({ranked} ORDER BY score, doc LIMIT :limit OFFSET :offset) "
           f"{shown} ORDER BY score, doc")
    rows = [dict(row) for row in conn.execute(text(sql), {**params, "match": match, "trigrams": trigrams}).mappings()]
    for row in rows:
        del row["doc"]
    return rows


def _fts5_ranked(part: int, table: str, match_param: str, conditions: list[str]) -> str:
    """The rowids and BM25 scores of one FTS5 table's matches (columns title, text); the
    documents table is read only when `conditions` (over it, as `d`) filter the matches."""
    joined = f" JOIN documents d ON d.rowid = {table}.rowid" if conditions else ""
    return (f"SELECT {part} AS part, {table}.rowid AS doc, bm25({table}, 5.0, 1.0) AS score FROM {table}{joined} "
            f"WHERE {' AND '.join([f'{table} MATCH {match_param}', *conditions])}")


def _fts5_shown(part: int, table: str, match_param: str) -> str:
    """The page's hits (`top`) of one FTS5 table with their snippets: the matches read once more,
    in the table's order, and a snippet made for those in `top` alone. A trigram table's snippet
    counts trigrams, not words, so it takes the most FTS5 allows."""
    tokens = 64 if table == "documents_trigram" else 24
    return ("SELECT d.id, d.title, d.published, d.source, "
            f"snippet({table}, 1, char(2), char(3), ' … ', {tokens}) AS snippet, top.score, top.doc "
            f"FROM {table} CROSS JOIN top CROSS JOIN documents d "
            f"WHERE {table} MATCH {match_param} AND top.part = {part} AND top.doc = {table}.rowid AND d.rowid = top.doc")


def _cyrillic_list() -> str:
    return ", ".join(f"'{code}'" for code in CYRILLIC_LANGUAGES)


def fts_query_of(alternative: list[Term]) -> list[str]:
    """FTS5's quoted form of each term."""
    return ['"' + t.text + '"' + ("*" if t.kind == "prefix" else "") for t in alternative]


def _postgresql_search(conn: Connection, alternatives: list[list[Term]], conditions: list[str], params: dict) -> list[dict]:
    bound: dict[str, str] = {}

    def tsquery(term: Term) -> str:
        name = f"term{len(bound)}"
        if term.kind == "word" and _CYRILLIC.search(term.text) and " " not in term.text.strip():
            term = Term("prefix", search_stem(term.text))  # any form of a Cyrillic word
        if term.kind == "prefix":  # letters and digits only, so ':*' is the only syntax to_tsquery sees
            *whole, last = re.findall(r"\w+", term.text)
            bound[name] = last
            prefix = f"to_tsquery('{PG_CONFIG}', :{name} || ':*')"
            return prefix if not whole else tsquery(Term("word", " ".join(whole))) + " && " + prefix
        bound[name] = term.text
        function = "phraseto_tsquery" if term.kind == "phrase" else "plainto_tsquery"
        return f"{function}('{PG_CONFIG}', :{name})"

    query = " || ".join("(" + " && ".join(tsquery(t) for t in alternative) + ")" for alternative in alternatives)
    options = f"StartSel={MARK_START}, StopSel={MARK_END}, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=\" … \""
    sql = text(
        "SELECT hits.id, hits.title, hits.published, hits.source, "
        f"ts_headline('{PG_CONFIG}', hits.text, hits.q, :options) AS snippet, hits.score FROM ("
        "SELECT d.id, d.title, d.published, d.source, d.text, q.q, -ts_rank(d.search_vector, q.q) AS score "
        f"FROM documents d, (SELECT {query} AS q) AS q "
        f"WHERE {' AND '.join(['d.search_vector @@ q.q', *conditions])} "
        "ORDER BY score, d.rowid LIMIT :limit OFFSET :offset) AS hits ORDER BY hits.score, hits.id")
    return [dict(row) for row in conn.execute(sql, {**params, **bound, "options": options}).mappings()]
