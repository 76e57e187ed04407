"""Speed and memory of the extraction, printed as `name: value` lines (not a test).

    python bench/benchmark.py                 # everything (several minutes on 2 cores)
    python bench/benchmark.py --quick         # smaller corpora, for a first look
    python bench/benchmark.py --report-only   # the report's speed only (about a minute)

Speeds are the best of --repeat interleaved rounds (bare model, extraction, bare, ...): on a
shared virtual machine single runs drift by 20% and more.

Targets (issue "Speed and scale", on the 2-core machine):
  extract_1_worker_vs_bare >= 0.85, extract_all_vs_1_worker >= 1.6 (with 2 cores),
  cached_speedup >= 20, add_one_article_seconds < 5, peak_memory_ratio_5000_vs_1000 <= 1.3.
Issue 14 ("A report an editor can read"): report_vs_four_empty_notebooks <= 1.0, i.e. a full
report on the bundled corpus (extraction without cache, four notebooks, HTML) takes no longer
than running four empty notebooks one after the other.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from synthetic import make_corpus  # noqa: E402

from analysis.batch.parallel import analyse_stream, available_cores  # noqa: E402
from analysis.batch.run import run_extraction  # noqa: E402
from analysis.corpus import load_corpus  # noqa: E402


def say(name: str, value) -> None:
    print(f"{name}: {value}", flush=True)


def texts_of(folder: Path) -> list[tuple[str, str]]:
    return [(d.doc_id, d.text) for d in load_corpus(folder).documents]


def words(items) -> int:
    return sum(len(text.split()) for _, text in items)


def best_of(runs: int, *timed) -> list[float]:
    """Best wall time of each callable over `runs` interleaved rounds (A, B, A, B, ...), so
    that the machine's drift affects all of them alike."""
    best = [float("inf")] * len(timed)
    for _ in range(runs):
        for i, run in enumerate(timed):
            start = time.perf_counter()
            run()
            best[i] = min(best[i], time.perf_counter() - start)
    return best


def model_and_extraction(items, model: str, repeat: int) -> dict[str, float]:
    """Words per second of the bare model (the same model components, none of the project's)
    and of the extraction on one worker (project components plus result collection), and the
    share of the bare model's time each project component costs."""
    import spacy

    from analysis.nlp import (
        PROJECT_COMPONENTS,
        UNUSED_MODEL_COMPONENTS,
        cached_pipeline,
        resolve_model_name,
    )

    bare = spacy.load(resolve_model_name(model), exclude=UNUSED_MODEL_COMPONENTS)
    texts = [text for _, text in items]
    list(bare.pipe(texts[:2]))
    list(analyse_stream(items[:2], workers=1, model=model))  # loads the pipeline once

    def run_bare():
        for _ in bare.pipe(texts, batch_size=32):
            pass

    def run_extraction_1():
        for _ in analyse_stream(items, workers=1, model=model, batch_size=32):
            pass

    t_bare, t_one = best_of(repeat, run_bare, run_extraction_1)
    full = cached_pipeline(model)
    with full.select_pipes(disable=PROJECT_COMPONENTS):
        docs = list(full.pipe(texts, batch_size=32))
    figures = {"bare": words(items) / t_bare, "one": words(items) / t_one}
    for name in PROJECT_COMPONENTS:
        component = full.get_pipe(name)
        (seconds,) = best_of(repeat, lambda c=component: [c(doc) for doc in docs])
        figures[f"share_{name}"] = seconds / t_bare
    return figures


def extraction_wps(items, workers: int, model: str) -> float:
    start = time.perf_counter()
    for _ in analyse_stream(items, workers=workers, model=model, batch_size=32):
        pass
    return words(items) / (time.perf_counter() - start)


def peak_tree_rss(command: list[str]) -> tuple[float, float]:
    """Run `command`; return (peak RSS of it and its children in MiB, seconds)."""
    start = time.perf_counter()
    process = psutil.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL)
    peak = 0
    done = threading.Event()

    def poll():
        nonlocal peak
        while not done.is_set():
            try:
                procs = [process] + process.children(recursive=True)
                peak = max(peak, sum(p.memory_info().rss for p in procs if p.is_running()))
            except psutil.Error:
                pass
            time.sleep(0.05)

    thread = threading.Thread(target=poll)
    thread.start()
    code = process.wait()
    done.set()
    thread.join()
    if code:
        raise SystemExit(f"{' '.join(command)} failed with exit code {code}")
    return peak / 2**20, time.perf_counter() - start


def empty_notebooks_seconds(folder: Path, n: int = 4) -> float:
    """Seconds to run `n` empty notebooks one after the other with papermill, on the kernel
    the report uses: the floor of any notebook report (kernel start and shutdown)."""
    import nbformat
    import papermill

    from analysis.present.report import check_kernel

    kernel = check_kernel(None)
    empty = folder / "empty.ipynb"
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("")])
    notebook.metadata["kernelspec"] = {"name": kernel, "display_name": kernel,
                                       "language": "python"}
    nbformat.write(notebook, empty)
    start = time.perf_counter()
    for i in range(n):
        papermill.execute_notebook(str(empty), str(folder / f"ran-{i}.ipynb"), kernel_name=kernel,
                                   progress_bar=False, log_output=False,
                                   extra_arguments=["--IPKernelApp.log_level=CRITICAL"])
    return time.perf_counter() - start


def report_speed(folder: Path, repeat: int) -> None:
    """A full report on the bundled corpus (no extraction cache) against four empty notebooks
    run one after the other; best of `repeat`, interleaved."""
    from analysis.present.report import render_report

    runs = iter(range(10_000))

    def report():
        out = folder / f"report-{next(runs)}"
        code = render_report(ROOT / "data" / "corpus", out, progress=False, use_cache=False)
        if code:
            raise SystemExit(f"report failed ({code})")

    def four_empty():
        target = folder / "empties" / str(next(runs))
        target.mkdir(parents=True)
        empty_notebooks_seconds(target, 4)

    t_report, t_empty = best_of(repeat, report, four_empty)
    say("report_seconds_bundled_corpus", f"{t_report:.1f}")
    say("four_empty_notebooks_sequential_seconds", f"{t_empty:.1f}")
    say("report_vs_four_empty_notebooks", f"{t_report / t_empty:.2f}")


def report_only(repeat: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        report_speed(Path(tmp), repeat)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=100_000, help="words for the speed runs")
    parser.add_argument("--n", type=int, default=1000, help="articles for cache and memory")
    parser.add_argument("--n-large", type=int, default=5000, help="articles, memory run")
    parser.add_argument("--model", default="en_core_web_sm")
    parser.add_argument("--repeat", type=int, default=3, help="best of N for the speed runs")
    parser.add_argument("--quick", action="store_true", help="20k words, N=200 and 1000")
    parser.add_argument("--skip-memory", action="store_true")
    parser.add_argument("--report-only", action="store_true", help="only the report's speed")
    args = parser.parse_args()
    if args.report_only:
        return report_only(args.repeat)
    if args.quick:
        args.words, args.n, args.n_large = 20_000, 200, 1000

    cores = available_cores()
    say("cores", cores)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        speed_corpus = make_corpus(max(5, args.words // 380), tmp / "speed")
        items = texts_of(speed_corpus)
        say("speed_corpus_words", words(items))
        speed = model_and_extraction(items, args.model, args.repeat)
        bare, one = speed["bare"], speed["one"]
        say("bare_model_words_per_second", f"{bare:.0f}")
        say("extract_1_worker_words_per_second", f"{one:.0f}")
        say("extract_1_worker_vs_bare", f"{one / bare:.3f}")
        for name, share in speed.items():
            if name.startswith("share_"):
                say(f"{name[6:]}_share_of_model_time", f"{100 * share:.1f}%")
        if cores > 1:
            many = extraction_wps(items, cores, args.model)
            say(f"extract_{cores}_workers_words_per_second", f"{many:.0f}")
            say("extract_all_vs_1_worker", f"{many / one:.3f}")

        corpus = make_corpus(args.n, tmp / f"corpus-{args.n}")
        cache = tmp / "cache"
        cold = run_extraction(corpus, tmp / "out-cold", cache_dir=cache, progress=False)
        warm = run_extraction(corpus, tmp / "out-warm", cache_dir=cache, progress=False)
        say(f"cold_run_seconds_{args.n}", f"{cold.seconds:.2f}")
        say(f"cached_run_seconds_{args.n}", f"{warm.seconds:.2f}")
        say("cached_speedup", f"{cold.seconds / warm.seconds:.1f}")
        shutil.copy(ROOT / "data" / "corpus" / "003_7b5c3926f7e39bc2.txt",
                    corpus / "added_article.txt")
        added = run_extraction(corpus, tmp / "out-added", cache_dir=cache, progress=False)
        say("add_one_article_analysed", added.analysed)
        say("add_one_article_seconds", f"{added.seconds:.2f}")

        if not args.skip_memory:
            for n in (args.n, args.n_large):
                folder = corpus if n == args.n else make_corpus(n, tmp / f"corpus-{n}")
                peak, seconds = peak_tree_rss([
                    sys.executable, "-m", "analysis", "extract", str(folder),
                    "--out", str(tmp / f"mem-{n}"), "--no-cache", "--quiet",
                ])
                say(f"peak_memory_mib_{n}", f"{peak:.0f}")
                say(f"wall_seconds_{n}", f"{seconds:.1f}")
                if n == args.n:
                    small = peak
            say(f"peak_memory_ratio_{args.n_large}_vs_{args.n}", f"{peak / small:.3f}")
        report_speed(tmp, args.repeat)


if __name__ == "__main__":
    main()
