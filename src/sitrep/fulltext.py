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
        conn.execute(text("CREATE VIRTUAL TABLE documents_fts USING fts5("
                          "title, text, tokenize='porter unicode61 remove_diacritics 2')"))


def index(conn: Connection, rowid: int, title: str | None, body: str) -> None:
    """Index one new document (PostgreSQL's generated column indexes itself)."""
    if conn.dialect.name != "postgresql":
        conn.execute(text("INSERT INTO documents_fts (rowid, title, text) VALUES (:rowid, :title, :text)"),
                     {"rowid": rowid, "title": title or "", "text": body})


def search(conn: Connection, alternatives: list[list[Term]], conditions: list[str], params: dict) -> list[dict]:
    """The documents matching any of `alternatives` (each a list of terms all required) and all of
    `conditions` (SQL over the documents as `d`, with `params`), best first, `:limit` from
    `:offset`; each with a snippet whose matches are between MARK_START and MARK_END and a score
    (lower is better)."""
    if conn.dialect.name == "postgresql":
        return _postgresql_search(conn, alternatives, conditions, params)
    match = " OR ".join(f"({' '.join(fts_query_of(a))})" for a in alternatives)
    sql = text(
        "SELECT d.id, d.title, d.published, d.source, "
        "snippet(documents_fts, 1, char(2), char(3), ' … ', 24) AS snippet, bm25(documents_fts, 5.0, 1.0) AS score "
        "FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid "
        f"WHERE {' AND '.join(['documents_fts MATCH :match', *conditions])} ORDER BY score LIMIT :limit OFFSET :offset")
    return [dict(row) for row in conn.execute(sql, {**params, "match": match}).mappings()]


def fts_query_of(alternative: list[Term]) -> list[str]:
    """FTS5's quoted form of each term."""
    return ['"' + t.text + '"' + ("*" if t.kind == "prefix" else "") for t in alternative]


def _postgresql_search(conn: Connection, alternatives: list[list[Term]], conditions: list[str], params: dict) -> list[dict]:
    bound: dict[str, str] = {}

    def tsquery(term: Term) -> str:
        name = f"term{len(bound)}"
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
