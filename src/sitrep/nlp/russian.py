"""The Russian analysis: natasha's parse turned into the spaCy `Doc` the later stages read.

natasha (slovnet models inside the wheel, offline) segments the text, tags morphology, parses
Universal Dependencies and finds names (PER, LOC, ORG); pymorphy3 gives lemmas and the normal
forms of names ("Евгением Пригожиным" -> "Евгений Пригожин"). The Doc is built on a blank
Russian vocabulary with the label set the rules of `nlp/` walk (the same as the English
model's: `dobj`, `nsubjpass`, `prep`/`pobj`, `neg`, `poss`, `compound`, tags such as `VBG` and
`CD`), so entities, statements, dates and events stay one code path for both languages.
Everything loads once per process, on the first Russian text.
"""
from dataclasses import dataclass
from functools import cache, lru_cache

from spacy.tokens import Doc
from spacy.util import filter_spans

from sitrep.nlp import ru_dates, ru_names

NER_LABELS = {"PER": "PERSON", "ORG": "ORG", "LOC": "GPE"}
# UD relations renamed to those the rules read (the English model's); the rest keep their name.
RELATIONS = {"obj": "dobj", "iobj": "dative", "nsubj:pass": "nsubjpass", "aux:pass": "auxpass",
             "csubj:pass": "csubjpass", "acl:relcl": "relcl", "root": "ROOT"}
FLAT = ("flat", "flat:name", "flat:foreign")
RELATIVE_PRONOUNS = {"который", "кто", "что", "чей"}
# Relations of the words that agree with a name's head: normalised, they take the nominative with it.
AGREEING = ("amod", "det", "nummod", "compound", "flat", "flat:name", "flat:foreign", "appos")


@dataclass
class _Word:
    start: int
    end: int
    text: str
    pos: str
    feats: dict
    head: int  # index among the sentence's words, -1 for the root
    rel: str
    lemma: str = ""


@cache
def _models():
    from natasha import NewsEmbedding, NewsMorphTagger, NewsNERTagger, NewsSyntaxParser, Segmenter

    embedding = NewsEmbedding()
    return Segmenter(), NewsMorphTagger(embedding), NewsSyntaxParser(embedding), NewsNERTagger(embedding)


@cache
def _threads():
    """Control of the BLAS threads that natasha's numpy models would start on every matrix product."""
    from threadpoolctl import ThreadpoolController

    return ThreadpoolController()


@cache
def vocabulary():
    """A blank Russian vocabulary whose noun chunks are read as the English model's are: the
    Doc carries the same relation labels."""
    import spacy
    from spacy.lang.en.syntax_iterators import noun_chunks

    vocab = spacy.blank("ru").vocab
    vocab.get_noun_chunks = noun_chunks
    return vocab


@cache
def morphology():
    """pymorphy3's analyser with its Russian dictionaries (natasha's own pymorphy2 does not run on 3.11)."""
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang="ru")


def parse(text: str) -> Doc:
    """The analysis of a Russian text as a spaCy Doc, offsets aligned with `text`; each line is
    parsed alone, so a line break always ends a sentence."""
    from natasha import Doc as NatashaDoc

    words: list[_Word] = []
    sentences: list[tuple[int, int]] = []  # word ranges
    names: list[tuple[int, int, str]] = []  # char spans
    # One thread: on a busy machine BLAS threads fight over the cores and a parse takes 30 times
    # longer; sitrep's parallelism is its worker processes.
    with _threads().limit(limits=1, user_api="blas"):
        for start, line in _lines(text):
            _parse_line(NatashaDoc(line), start, _models(), words, sentences, names)
    return _doc(text, words, sentences, names)


def _lines(text: str):
    """(offset, line) of each line of `text` with a word in it."""
    position = 0
    for line in text.splitlines(keepends=True):
        start = position
        position += len(line)
        if line.strip():
            yield start, line


def _parse_line(parsed, start: int, models, words: list[_Word], sentences: list[tuple[int, int]],
                names: list[tuple[int, int, str]]) -> None:
    """natasha's analysis of one line (a natasha Doc starting at `start` in the text), added to
    the words, sentences and names of the whole text."""
    segmenter, tagger, parser, recogniser = models
    parsed.segment(segmenter)
    parsed.tag_morph(tagger)
    parsed.parse_syntax(parser)
    parsed.tag_ner(recogniser)
    for sentence in parsed.sents:
        first = len(words)
        ids = {token.id: k for k, token in enumerate(sentence.tokens)}
        for token in sentence.tokens:
            words.append(_Word(start + token.start, start + token.stop, token.text, token.pos or "X",
                               dict(token.feats or {}), ids.get(token.head_id, -1), token.rel or "dep"))
        sentences.append((first, len(words)))
    names.extend((start + span.start, start + span.stop, span.type) for span in parsed.spans)


def _doc(text: str, words: list[_Word], sentences: list[tuple[int, int]], names: list[tuple[int, int, str]]) -> Doc:
    heads = [0] * len(words)  # absolute word index of each word's head
    for first, last in sentences:
        local = _tree([w.head for w in words[first:last]])
        for k, head in enumerate(local):
            heads[first + k] = first + head
    deps = [w.rel for w in words]
    _flat_names_to_compounds(words, heads, deps)
    _prepositions_as_heads(words, heads, deps)
    for word in words:
        word.lemma = lemma(word)
    # spaCy's words: every natasha token, with the whitespace between them as spaCy keeps it
    # (one space after a word; any other run, line breaks included, a token of its own that
    # hangs from the word before it).
    entries: list[tuple[str, int | None]] = []  # (text, natasha word) or (whitespace, None)
    spaces: list[bool] = []
    anchors: list[int] = []  # for whitespace: the natasha word it hangs from
    for k, word in enumerate(words + [None]):
        gap = text[words[k - 1].end if k else 0:word.start if word else len(text)]
        if gap.startswith(" ") and entries and entries[-1][1] is not None:
            spaces[-1], gap = True, gap[1:]
        if gap:
            entries.append((gap, None))
            spaces.append(False)
            anchors.append(max(k - 1, 0))
        if word is not None:
            entries.append((word.text, k))
            spaces.append(False)
            anchors.append(k)
    position = {k: i for i, (_, k) in enumerate(entries) if k is not None}
    doc_heads, doc_deps, tags, pos, lemmas, morphs = [], [], [], [], [], []
    for i, (surface, k) in enumerate(entries):
        if k is None:
            doc_heads.append(position.get(anchors[i], i))
            doc_deps.append("dep")
            tags.append("_SP")
            pos.append("SPACE")
            lemmas.append(surface)
            morphs.append("")
            continue
        word = words[k]
        doc_heads.append(position[heads[k]])
        # A second root of a sentence hangs from the first (`_tree`): a clause set beside it.
        doc_deps.append("ROOT" if heads[k] == k else "parataxis" if deps[k] == "root" else RELATIONS.get(deps[k], deps[k]))
        tags.append(_tag(word, deps[k]))
        pos.append(word.pos)
        lemmas.append(word.lemma)
        morphs.append("|".join(f"{name}={value}" for name, value in sorted(word.feats.items())))
    doc = Doc(vocabulary(), words=[e[0] for e in entries], spaces=spaces, heads=doc_heads, deps=doc_deps, tags=tags,
              pos=pos, lemmas=lemmas, morphs=morphs)
    for token in doc:
        token.norm_ = dictionary_form(token.text)
    doc.user_data["text"] = text
    doc.user_data["language"] = "ru"
    _set_entities(doc, names)
    return doc


def _tree(heads: list[int]) -> list[int]:
    """Local heads of one sentence as a tree: one root (a head pointing to itself), no cycles
    (the parser's output may hold several roots or a loop; they hang from the first root)."""
    count = len(heads)
    roots = [k for k, h in enumerate(heads) if h < 0 or h >= count or h == k]
    root = roots[0] if roots else 0
    fixed = [root if (k != root and (h < 0 or h >= count or h == k)) else h for k, h in enumerate(heads)]
    fixed[root] = root
    for k in range(count):
        seen, step = {k}, k
        while fixed[step] != step:
            step = fixed[step]
            if step in seen:  # a loop: cut it at the word we started from
                fixed[k] = root
                break
            seen.add(step)
    return fixed


def _flat_names_to_compounds(words: list[_Word], heads: list[int], deps: list[str]) -> None:
    """UD heads a name by its first word ("Александр <-flat- Лукашенко"); the rules read names
    the English way, the last word heading the others as compounds ("Alexander <-compound- Lukashenko")."""
    for k in range(len(words)):
        if deps[k] in FLAT or heads[k] == k:
            continue
        chain = [j for j in range(k + 1, len(words)) if heads[j] == k and deps[j] in FLAT]
        if not chain:
            continue
        last = chain[-1]
        heads[last], deps[last] = (last if heads[k] == k else heads[k]), deps[k]
        if heads[k] == k:
            heads[last] = last
        for j in range(len(words)):
            if heads[j] == k and j != last and (deps[j] not in FLAT or j in chain):
                heads[j] = last
        for j in [k, *chain[:-1]]:
            heads[j], deps[j] = last, "compound"


def _prepositions_as_heads(words: list[_Word], heads: list[int], deps: list[str]) -> None:
    """UD hangs a preposition from its noun ("по <-case- словам"); the rules read it as the head
    of its object ("according -prep-> to -pobj-> X"): the preposition takes the noun's place,
    as `prep`, and the noun becomes its `pobj`. A noun in the genitive with no preposition that
    modifies another noun is its owner (`poss`: "аналитики ISW", "президент Беларуси")."""
    for k, word in enumerate(words):
        if deps[k] != "case" or word.pos != "ADP" or heads[k] == k:
            continue
        noun = heads[k]
        if heads[noun] == noun or any(deps[j] == "case" and heads[j] == noun and j < k for j in range(len(words))):
            continue
        relation = deps[noun]
        heads[k], deps[k] = heads[noun], ("prep" if relation in ("obl", "nmod", "obl:agent", "advmod") else relation)
        heads[noun], deps[noun] = k, "pobj"
    for k, word in enumerate(words):
        # What is left of `nmod` has no preposition: a genitive (or an indeclinable Latin name) after its noun.
        if deps[k] == "nmod" and words[heads[k]].pos in ("NOUN", "PROPN") and heads[k] < k:
            deps[k] = "poss"
        elif deps[k] == "advmod" and word.feats.get("Polarity") == "Neg":
            deps[k] = "neg"


def _tag(word: _Word, relation: str) -> str:
    """A Penn Treebank tag for the features the rules read (a gerund is `VBG`, a number `CD`,
    a relative pronoun `WDT`, a singular noun `NN`)."""
    form = word.feats.get("VerbForm")
    if word.pos in ("VERB", "AUX"):
        if form == "Conv":
            return "VBG"
        if form == "Part":
            return "VBN" if word.feats.get("Voice") == "Pass" else "VBG"
        if form == "Inf":
            return "VB"
        return "VBD" if word.feats.get("Tense") == "Past" else "VBP"
    if word.pos == "NUM":
        return "CD"
    if word.pos in ("PRON", "DET") and word.lemma in RELATIVE_PRONOUNS and relation != "mark":
        return "WDT"
    if word.pos == "NOUN":
        return "NNS" if word.feats.get("Number") == "Plur" else "NN"
    if word.pos == "PROPN":
        return "NNP"
    return {"ADJ": "JJ", "ADV": "RB", "ADP": "IN", "CCONJ": "CC", "SCONJ": "IN", "PUNCT": ".", "PART": "RP",
            "PRON": "PRP", "DET": "DT"}.get(word.pos, word.pos)


def _analysis(word: _Word):
    """pymorphy3's reading of a word that agrees best with the tagger's part of speech, case,
    gender and number ("Работинском" in "Работинском направлении" is neuter)."""
    readings = morphology().parse(word.text)
    if not readings:
        return None
    case = CASES.get(word.feats.get("Case", ""))
    gender = GENDERS.get(word.feats.get("Gender", ""))
    number = NUMBERS.get(word.feats.get("Number", ""))
    wanted = POS.get(word.pos, set())

    def score(reading) -> tuple:
        tag = reading.tag
        return (str(tag.POS) in wanted if wanted else True, case is None or tag.case == case,
                gender is None or tag.gender == gender, number is None or tag.number == number, reading.score)

    return max(readings, key=score)


GENDERS = {"Masc": "masc", "Fem": "femn", "Neut": "neut"}
NUMBERS = {"Sing": "sing", "Plur": "plur"}
CASES = {"Nom": "nomn", "Gen": "gent", "Dat": "datv", "Acc": "accs", "Ins": "ablt", "Loc": "loct", "Voc": "voct"}
POS = {"NOUN": {"NOUN"}, "PROPN": {"NOUN"}, "VERB": {"VERB", "INFN", "PRTF", "PRTS", "GRND"}, "AUX": {"VERB", "INFN"},
       "ADJ": {"ADJF", "ADJS", "COMP"}, "ADV": {"ADVB", "PRED"}, "PRON": {"NPRO"}, "DET": {"ADJF", "NPRO"},
       "NUM": {"NUMR"}, "ADP": {"PREP"}, "CCONJ": {"CONJ"}, "SCONJ": {"CONJ"}, "PART": {"PRCL"}}


def lemma(word: _Word) -> str:
    """The dictionary form, lower case ("заявил" -> "заявить", "словам" -> "слово")."""
    if not any(c.isalpha() for c in word.text) or not _cyrillic(word.text):
        return word.text.lower()
    reading = _analysis(word)
    return reading.normal_form if reading is not None else word.text.lower()


@lru_cache(maxsize=200_000)
def dictionary_form(word: str) -> str:
    """A word's most likely dictionary form, lower case, whatever its context: what names are
    matched on, the same for a pattern and for the text ("вагнеровцев" -> "вагнеровец")."""
    if not _cyrillic(word):
        return word.lower()
    readings = morphology().parse(word)
    return readings[0].normal_form.replace("ё", "е") if readings else word.lower()


def words_of(text: str) -> list[str]:
    """The words of a name as natasha's tokenizer cuts them."""
    from razdel import tokenize

    return [token.text for token in tokenize(text)]


def _cyrillic(text: str) -> bool:
    return any("\u0400" <= c <= "\u04ff" for c in text)


def nominative(word_text: str, pos: str, feats: dict) -> str:
    """A word of a name in the nominative, same number, same capitals ("Пригожиным" -> "Пригожин")."""
    if not _cyrillic(word_text) or (word_text.isupper() and len(word_text) > 1) or feats.get("Case") == "Nom":
        return word_text  # a Latin word, an acronym ("БЕЛТА") or a word the tagger read as nominative
    reading = _analysis(_Word(0, 0, word_text, pos, feats, -1, ""))
    if reading is None or reading.tag.case in (None, "nomn") or (
            feats.get("Case") and reading.tag.case != CASES.get(feats["Case"])):
        return word_text  # no reading in the tagger's case: a foreign name that does not decline ("Рютте")
    inflected = reading.inflect({"nomn"})
    if inflected is None:
        return word_text
    form = inflected.word
    if word_text.isupper():
        return form.upper()
    if word_text[:1].isupper():
        return "-".join(part[:1].upper() + part[1:] for part in form.split("-"))
    return form


def _set_entities(doc: Doc, names: list[tuple[int, int, str]]) -> None:
    """natasha's names as the Doc's entities, each with its normal form (kept in the Doc's
    `normal_forms`, by character span), and the text's date expressions as DATE entities."""
    known = ru_names.known_names(doc)
    found = [span for start, end, label in names
             if (span := doc.char_span(start, end, label=NER_LABELS.get(label, label), alignment_mode="expand"))]
    spans = ru_names.model_names(doc, found, known) + known
    for start, end in ru_dates.expressions(doc.user_data.get("text") or doc.text):
        span = doc.char_span(start, end, label="DATE", alignment_mode="expand")
        if span is not None and not any(s.start < span.end and span.start < s.end for s in spans):
            spans.append(span)
    doc.ents = filter_spans(spans)  # no two overlap, whatever the rules above let through
    doc.user_data["normal_forms"] = {(s.start_char, s.end_char): normal_form(s) for s in doc.ents if s.label_ != "DATE"}


def normal_form(span) -> str:
    """A name in the nominative: its head and the words agreeing with it inflected, the rest
    (genitive complements: "Института изучения войны" -> "Институт изучения войны") as written."""
    head = span.root
    agreeing = {head.i} | {t.i for t in span if t.head.i == head.i and t.dep_ in AGREEING + ("dep",)
                           and t.morph.get("Case") == head.morph.get("Case")}
    if span.label_ == "PERSON":
        agreeing = {t.i for t in span if t.pos_ in ("PROPN", "NOUN", "ADJ")}
    parts = []
    for token in span:
        text = token.text
        if token.i in agreeing:
            feats = {name: values[0] for name in ("Case", "Gender", "Number") if (values := token.morph.get(name))}
            text = nominative(text, token.pos_, feats)
        parts.append(text + token.whitespace_)
    return "".join(parts).strip()
