"""Throughput and memory of `sitrep extract` on Russian text against natasha's bare analysis.

    .venv/bin/python bench/bench_russian.py [--docs 300]

Builds a corpus of --docs documents from the Russian development articles in
../shared/eval/dev-ru/ (five articles, repeated, each copy marked so that it is a document of
its own), then runs, each in a fresh process so that its peak memory is its own:
  - bare:   natasha alone (segmentation, morphology, syntax, names) over the same texts, its
            matrix products on one thread as sitrep runs them,
  - sitrep: the whole extraction pipeline (read, clean, language, the natasha parse turned into
            the Doc of the rules, entities, dates, statements, events, record),
and prints the time to load the Russian models once, documents/s, words/s, peak RSS and the
ratio to bare natasha.
"""
import argparse
import json
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from bench_extract import child_figures, row  # noqa: E402

DEV_RU = Path(__file__).resolve().parents[2] / "shared" / "eval" / "dev-ru"


def build_corpus(path: Path, docs: int) -> int:
    texts = [p.read_text(encoding="utf-8") for p in sorted(DEV_RU.glob("*.txt"))]
    written = 0
    with path.open("w", encoding="utf-8") as out:
        while written < docs:
            for text in texts:
                if written == docs:
                    break
                out.write(json.dumps({"text": f"{text}\n\nВыпуск {written}."}, ensure_ascii=False) + "\n")
                written += 1
    return written


def run_phase(phase: str, corpus: Path) -> dict:
    """One measurement in a child process; returns its figures."""
    texts = [json.loads(line)["text"] for line in corpus.open(encoding="utf-8")]
    started = time.perf_counter()
    docs = words = 0
    if phase == "bare":
        from natasha import Doc, NewsEmbedding, NewsMorphTagger, NewsNERTagger, NewsSyntaxParser, Segmenter
        from threadpoolctl import threadpool_limits

        threadpool_limits(limits=1, user_api="blas")
        embedding = NewsEmbedding()
        segmenter, tagger = Segmenter(), NewsMorphTagger(embedding)
        parser, recogniser = NewsSyntaxParser(embedding), NewsNERTagger(embedding)
        loaded = time.perf_counter() - started
        for text in texts:
            doc = Doc(text)
            doc.segment(segmenter)
            doc.tag_morph(tagger)
            doc.parse_syntax(parser)
            doc.tag_ner(recogniser)
            docs += 1
            words += len(text.split())
    else:
        import sitrep
        from sitrep.nlp import russian

        russian.parse("Министр заявил, что переговоры продолжатся.")  # loads the models and lexicons once
        loaded = time.perf_counter() - started
        for record in sitrep.extract([str(corpus)], on_error=lambda e: None):
            docs += 1
            words += len(record["text"].split())
    seconds = time.perf_counter() - started - loaded
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"docs": docs, "words": words, "seconds": seconds, "load": loaded, "peak_mb": peak_kb / 1024}


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        print(json.dumps(run_phase(sys.argv[2], Path(sys.argv[3]))))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=300)
    args = parser.parse_args()
    if not DEV_RU.exists():
        print(f"skipped: the Russian articles {DEV_RU} are not here (they live in ../shared beside the repository)")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        total = build_corpus(corpus, args.docs)
        print(f"corpus: {total} documents from {DEV_RU.name}/ (five articles, repeated)")
        bare = child_figures(__file__, "bare", corpus)
        print(row("bare natasha", bare, None, "bare natasha"), flush=True)
        print(row("sitrep extract (ru)", child_figures(__file__, "sitrep", corpus), bare, "bare natasha"), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
