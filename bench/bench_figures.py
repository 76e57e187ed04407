"""Benchmark (not a test): words per second of the bare English model and of the full pipeline.

The bundled corpus is repeated to about 100,000 words and run through

- the bare model: the same model package with the same components the project keeps
  (``UNUSED_MODEL_COMPONENTS`` excluded), none of the project's components;
- the full pipeline: ``analysis.nlp.build_pipeline()`` (model + date, figure and meeting finders);
- each project component alone on the bare model's output (its own share of the cost).

Prints words/second of each and the ratio full/bare (target >= 0.85).

    .venv/bin/python bench/bench_figures.py [--words 100000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import spacy

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analysis.corpus import count_words, load_corpus  # noqa: E402
from analysis.nlp import (  # noqa: E402
    PROJECT_COMPONENTS,
    UNUSED_MODEL_COMPONENTS,
    build_pipeline,
    resolve_model_name,
)


def texts_of(words: int) -> tuple[list[str], int]:
    documents = load_corpus(ROOT / "data" / "corpus").documents
    texts, total = [], 0
    while total < words:
        for document in documents:
            texts.append(document.text)
            total += count_words(document.text)
    return texts, total


def best_time(run, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--batch-size", type=int, default=32)
    args = parser.parse_args()

    texts, words = texts_of(args.words)
    bare = spacy.load(resolve_model_name("en_core_web_sm"), exclude=UNUSED_MODEL_COMPONENTS)
    full = build_pipeline()
    from analysis.components.figure_finder import FigureFinder

    finder = FigureFinder(bare)
    bare(texts[0]), full(texts[0])  # warm up

    def run_bare():
        for _ in bare.pipe(texts, batch_size=args.batch_size):
            pass

    def run_full():
        for _ in full.pipe(texts, batch_size=args.batch_size):
            pass

    t_bare = best_time(run_bare, args.repeat)
    t_full = best_time(run_full, args.repeat)
    docs = list(bare.pipe(texts, batch_size=args.batch_size))
    t_finder = best_time(lambda: [finder(doc) for doc in docs], args.repeat)
    shares = {}
    with full.select_pipes(disable=PROJECT_COMPONENTS):  # same vocab as the components
        docs = list(full.pipe(texts, batch_size=args.batch_size))
    for name in PROJECT_COMPONENTS:
        component = full.get_pipe(name)
        shares[name] = best_time(lambda c=component: [c(doc) for doc in docs], args.repeat)

    print(f"corpus: {len(texts)} documents, {words} words; best of {args.repeat} runs")
    print(f"bare model ({', '.join(bare.pipe_names)}): {words / t_bare:,.0f} words/s")
    print(f"full pipeline ({', '.join(full.pipe_names)}): {words / t_full:,.0f} words/s")
    print(f"ratio full/bare: {t_bare / t_full:.3f} (target >= 0.85)")
    print(f"figure_finder alone: {words / t_finder:,.0f} words/s "
          f"({100 * t_finder / t_bare:.1f}% of the bare model's time)")
    for name, seconds in shares.items():
        print(f"  {name}: {100 * seconds / t_bare:.1f}% of the bare model's time")


if __name__ == "__main__":
    main()
