"""Where the default pipeline's time goes, by component and by rule function (not a test).

    python bench/rule_times.py            # 200 synthetic articles (about 80,000 words)
    python bench/rule_times.py --words 20000

No profiler: cProfile's overhead is largest on the many tiny calls the rules make and it
misplaced the time before (docs/speed.md). Instead:

- each part of the pipeline (the tokenizer, then each component in pipeline order, each on the
  docs the parts before it made) is timed whole, in CPU seconds, best of --repeat;
- then a few named rule functions are wrapped in a timer (inclusive CPU time and calls) and
  the components are run once more. A wrapper costs about a microsecond a call, so only
  functions called a few times a sentence are wrapped; their times include the functions
  they call (nested rows are indented by their place in the rules, not computed).
"""

from __future__ import annotations

import argparse
import importlib
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from synthetic import make_corpus  # noqa: E402

# (module, attribute path, label): what the timers wrap, in the order they are printed
WRAPPED = [
    ("analysis.components.date_finder", "date_signals", "date_finder: date_signals"),
    ("analysis.rules.dates.signals", "_segments", "  segments"),
    ("analysis.rules.dates.signals", "_date_expressions", "  date expressions"),
    ("analysis.rules.dates.signals", "_durations", "  durations"),
    ("analysis.rules.dates.signals", "_ordinal_durations", "  ordinal durations"),
    ("analysis.rules.dates.signals", "_timeline_mentions",
     "  timeline events (_timeline_mentions)"),
    ("analysis.rules.dates.signals", "_set_tense", "  tenses (_set_tense)"),
    ("analysis.rules.dates.signals", "_attach_weekdays", "  weekdays"),
    ("analysis.components.figure_finder", "find_figures", "figure_finder: find_figures"),
    ("analysis.rules.figures.document", "figures_in_sentence", "  figures_in_sentence"),
    ("analysis.rules.figures.sentence", "_read_number", "    reading each number (_read_number)"),
    ("analysis.rules.actors", "ActorMatcher.__call__", "meeting_finder: actors' matcher"),
    ("analysis.rules.meeting_mentions.finder", "MeetingFinder._places", "  places"),
    ("analysis.rules.meeting_mentions.finder", "MeetingFinder._dates", "  dates"),
    ("analysis.rules.meeting_mentions.finder", "MeetingFinder._segments", "  segments"),
    ("analysis.rules.meeting_mentions.base", "Sentence.of", "  Sentence.of"),
    ("analysis.rules.meeting_mentions.sentence", "SentenceMixin._sentence", "  a sentence's rules"),
    ("analysis.rules.meeting_mentions.triggers", "TriggerMixin._find_triggers", "    triggers"),
    ("analysis.rules.meeting_mentions.meeting", "MeetingMixin._facts", "    facts"),
    ("analysis.rules.meeting_mentions.meeting", "MeetingMixin._meeting", "    the meeting"),
    ("analysis.rules.meeting_mentions.terms", "TermsMixin._terms", "  deal terms (_terms)"),
]


def best_cpu(run, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        run()
        best = min(best, time.process_time() - start)
    return best


def wrap(module_name: str, path: str, totals: dict, label: str) -> None:
    """Replace module.path (a function, or Class.method) by a timer around it."""
    module = importlib.import_module(module_name)
    owner, name = module, path
    if "." in path:
        class_name, name = path.split(".")
        owner = getattr(module, class_name)
    raw = owner.__dict__[name] if isinstance(owner, type) else getattr(owner, name)
    function = raw.__func__ if isinstance(raw, (classmethod, staticmethod)) else raw
    clock = time.process_time
    totals[label] = [0.0, 0]

    def timed(*args, **kwargs):
        start = clock()
        try:
            return function(*args, **kwargs)
        finally:
            entry = totals[label]
            entry[0] += clock() - start
            entry[1] += 1

    if isinstance(raw, classmethod):
        timed = classmethod(timed)
    elif isinstance(raw, staticmethod):
        timed = staticmethod(timed)
    setattr(owner, name, timed)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=80_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    import spacy

    from analysis.corpus import load_corpus
    from analysis.nlp import build_pipeline

    with tempfile.TemporaryDirectory() as tmp:
        folder = make_corpus(max(5, args.words // 400), Path(tmp) / "corpus")
        texts = [d.text for d in load_corpus(folder).documents]
    blank = spacy.blank("en")
    nlp = build_pipeline()
    list(nlp.pipe(texts[:5]))
    print(f"corpus: {len(texts)} articles, {sum(len(t.split()) for t in texts)} words")
    blank_cpu = best_cpu(lambda: [blank(t) for t in texts], args.repeat)
    whole = best_cpu(lambda: list(nlp.pipe(texts, batch_size=32)), args.repeat)
    print(f"blank tokenizer: {blank_cpu:.3f} s; default pipeline (nlp.pipe): {whole:.3f} s "
          f"({whole / blank_cpu:.1f} x)")
    docs = [nlp.make_doc(t) for t in texts]
    parts = {"tokenizer": best_cpu(lambda: [nlp.make_doc(t) for t in texts], args.repeat)}
    for name, component in nlp.pipeline:
        parts[name] = best_cpu(lambda c=component: [c(doc) for doc in docs], args.repeat)
    total = sum(parts.values())
    for name, seconds in parts.items():
        print(f"{name:45s} {seconds:7.3f} s {100 * seconds / total:5.1f} %")
    totals: dict[str, list] = {}
    for module_name, path, label in WRAPPED:
        wrap(module_name, path, totals, label)
    docs = [nlp.make_doc(t) for t in texts]
    for _, component in nlp.pipeline:
        for doc in docs:
            component(doc)
    print("rule functions (inclusive CPU seconds, calls; one run, with the timers):")
    for _, _, label in WRAPPED:
        seconds, calls = totals[label]
        print(f"{label:45s} {seconds:7.3f} s {100 * seconds / total:5.1f} % {calls:8d} calls")


if __name__ == "__main__":
    main()
