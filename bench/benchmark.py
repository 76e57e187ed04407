"""Speed and memory of the extraction, printed as `name: value` lines (not a test).

    python bench/benchmark.py                 # the issue-17 figures and the report's speed
    python bench/benchmark.py --quick         # smaller corpora, for a first look
    python bench/benchmark.py --long          # ... and a 20,000-article run (time, memory)
    python bench/benchmark.py --model en_core_web_sm   # ... and the model's pipeline too
    python bench/benchmark.py --report-only   # the report's speed only (about a minute)

Every figure is a ratio of two things measured in the same run, best of --repeat interleaved
rounds (A, B, A, B, ...): on a shared virtual machine single runs drift by 20% and more.

Targets (issue 17, "Fast at any size", on the 2-core machine):
  default_pipeline_vs_blank_tokenizer <= 3 (target 2): the default (rules-only) extraction of
    the synthetic corpus, one process, against a blank spaCy tokenizer over the same texts;
    printed two ways: in-process (the pipeline built and warmed up first, best of --repeat:
    the rules' own steady-state cost) and whole_process_... (`python -m analysis extract
    --no-cache --workers 1` against a process importing spaCy and tokenizing the same files,
    one core each: everything a user waits for, imports, set-up and tables included);
  cached_rerun_vs_help <= 1.5: `extract` of 1,000 articles whose results are all cached,
    against `python -m analysis --help` (whole processes);
  peak_memory_ratio_20000_vs_1000 <= 1.3 (--long; 5,000 otherwise): peak memory of the whole
    process tree (proportional set size, so pages the workers share are counted once);
  dask_cluster_tables_identical: yes (a scheduler and two workers started as programs).
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
from analysis.corpus import load_corpus  # noqa: E402


def say(name: str, value) -> None:
    print(f"{name}: {value}", flush=True)


def texts_of(folder: Path) -> list[tuple[str, str]]:
    return [(d.doc_id, d.text) for d in load_corpus(folder).documents]


def words(items) -> int:
    return sum(len(text.split()) for _, text in items)


BEST_CPU: list[float] = []  # CPU seconds of the callables of the last best_of, the least seen


def best_of(runs: int, *timed) -> list[float]:
    """Best wall time of each callable over `runs` interleaved rounds (A, B, A, B, ...), so
    that the machine's drift affects all of them alike; their least CPU seconds (of this
    process) are left in BEST_CPU (a figure that other jobs on the machine change less)."""
    best = [float("inf")] * len(timed)
    BEST_CPU[:] = [float("inf")] * len(timed)
    for _ in range(runs):
        for i, run in enumerate(timed):
            start, cpu = time.perf_counter(), time.process_time()
            run()
            best[i] = min(best[i], time.perf_counter() - start)
            BEST_CPU[i] = min(BEST_CPU[i], time.process_time() - cpu)
    return best


def pipeline_speed(items, repeat: int, model: str | None) -> dict[str, float]:
    """Seconds of a blank spaCy tokenizer and of the default extraction (one process, the
    project's components and result collection) over the same texts, and of each part of the
    default pipeline: the tokenizer, the sentencizer and each project component."""
    import spacy

    from analysis.nlp import PROJECT_COMPONENTS, cached_pipeline

    blank = spacy.blank("en")
    texts = [text for _, text in items]
    list(analyse_stream(items[:2], workers=1))  # builds the pipeline once

    def run_blank():
        for _ in blank.pipe(texts, batch_size=32):
            pass

    def run_default():
        for _ in analyse_stream(items, workers=1, batch_size=32):
            pass

    timed = [run_blank, run_default]
    if model:
        list(analyse_stream(items[:2], workers=1, model=model))

        def run_model():
            for _ in analyse_stream(items, workers=1, model=model, batch_size=32):
                pass
        timed.append(run_model)
    seconds = dict(zip(["blank", "default", "model"], best_of(repeat, *timed)))
    seconds.update(zip(["cpu_blank", "cpu_default", "cpu_model"], BEST_CPU))
    nlp = cached_pipeline()
    docs = [nlp.make_doc(text) for text in texts]
    parts = {"tokenizer": lambda: [nlp.make_doc(text) for text in texts]}
    for name, component in nlp.pipeline:
        parts[name] = lambda c=component: [c(doc) for doc in docs]
    for name, run in parts.items():  # in pipeline order: each part sees what it would see
        best_of(repeat, run)
        seconds[f"part_{name}"] = BEST_CPU[0]  # CPU seconds: shares of the CPU time
    assert set(PROJECT_COMPONENTS) <= set(parts)
    return seconds


BLANK_PROCESS = """
import sys
from pathlib import Path

import spacy

nlp = spacy.blank("en")
texts = [p.read_text(encoding="utf-8") for p in sorted(Path(sys.argv[1]).glob("*.txt"))]
for _ in nlp.pipe(texts, batch_size=32):
    pass
"""


def whole_process_speed(corpus: Path, tmp: Path, repeat: int) -> dict[str, float]:
    """Whole processes, one core each, as issue 17's "Why" measured them: `extract --no-cache
    --workers 1` of `corpus` (imports, pipeline built, every rule, dates inferred, tables
    written) against a process that imports spaCy, reads the same files and runs a blank
    spaCy tokenizer over them; best of `repeat` interleaved, wall and CPU seconds (user +
    system of the process; the least seen in CPU["whole_extract"], CPU["whole_blank"])."""
    runs = iter(range(10_000))
    extract, blank = best_of(repeat, lambda: timed_command(extract_command(
        corpus, tmp / f"whole-{next(runs)}", "--no-cache", "--workers", "1"), "whole_extract"),
        lambda: timed_command([sys.executable, "-c", BLANK_PROCESS, str(corpus)], "whole_blank"))
    return {"extract": extract, "blank": blank}


def date_inference_ms(corpus: Path, repeat: int) -> float:
    """Milliseconds of report-date inference an article (after the NLP, best of `repeat`)."""
    from analysis.assemble import dating
    from analysis.corpus import load_corpus
    from analysis.nlp import analyse_documents, cached_pipeline

    documents = load_corpus(corpus).documents
    results = [r for _, r in analyse_documents(documents, cached_pipeline())]

    def infer_all():
        for r in results:
            dating.infer_date(r["date_mentions"], r["figures"], r["meetings"])

    infer_all()  # one-time loads: the series, the timeline, dateparser's tables
    (seconds,) = best_of(repeat, infer_all)
    return 1000 * seconds / len(results)


CODE = {"dir": ROOT}  # where commands run: a frozen copy of the package (see freeze_code)


def freeze_code(folder: Path) -> None:
    """Run every command on a copy of the package made now, so that edits to the working tree
    during a long run do not change the pipeline version (and empty the cache) half-way."""
    shutil.copytree(ROOT / "analysis", folder / "analysis",
                    ignore=shutil.ignore_patterns("__pycache__"))
    (folder / "data").symlink_to(ROOT / "data")
    # compiled as an installed package is (pip writes the .pyc files): with
    # PYTHONDONTWRITEBYTECODE set, every command would otherwise compile what it imports
    import compileall

    compileall.compile_dir(folder / "analysis", quiet=1)
    CODE["dir"] = folder


CPU: dict[str, float] = {}  # command label -> least CPU seconds seen (user + system)


def timed_command(command: list[str], label: str = "") -> float:
    """Wall seconds of a whole process (its output discarded); with a `label`, its CPU
    seconds are kept in CPU (the least seen): a figure that the machine's load changes less."""
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, cwd=CODE["dir"], stdout=subprocess.DEVNULL, check=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if label:
        cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
        CPU[label] = min(cpu, CPU.get(label, float("inf")))
    return wall


def extract_command(corpus: Path, out: Path, *options: str) -> list[str]:
    return [sys.executable, "-m", "analysis", "extract", str(corpus), "--out", str(out),
            "--quiet", *options]


def cached_rerun(corpus: Path, tmp: Path, repeat: int) -> dict[str, float]:
    """A cold run filling the cache, then the best of `repeat` fully cached re-runs and of
    `repeat` runs of `--help`, interleaved; then one article added."""
    cache = ["--cache-dir", str(tmp / "cache")]
    cold = timed_command(extract_command(corpus, tmp / "cold", *cache))
    cached, help_ = best_of(repeat, lambda: timed_command(
        extract_command(corpus, tmp / "warm", *cache), "cached"), lambda: timed_command(
        [sys.executable, "-m", "analysis", "--help"], "help"))
    shutil.copy(ROOT / "data" / "corpus" / "003_7b5c3926f7e39bc2.txt",
                corpus / "added_article.txt")
    added = timed_command(extract_command(corpus, tmp / "added", *cache))
    (corpus / "added_article.txt").unlink()
    return {"cold": cold, "cached": cached, "help": help_, "added": added}


def tree_memory(processes) -> int:
    """Proportional set size of the processes (RSS when PSS cannot be read): pages that
    forked workers share with their parent are counted once, not once per process."""
    total = 0
    for process in processes:
        try:
            info = process.memory_full_info()
            total += getattr(info, "pss", info.rss)
        except psutil.Error:
            continue
    return total


def peak_tree_memory(command: list[str]) -> tuple[float, float]:
    """Run `command`; return (peak memory of it and its children in MiB, seconds)."""
    start = time.perf_counter()
    process = psutil.Popen(command, cwd=CODE["dir"], stdout=subprocess.DEVNULL)
    peak = 0
    done = threading.Event()

    def poll():
        nonlocal peak
        while not done.is_set():
            try:
                peak = max(peak, tree_memory([process] + process.children(recursive=True)))
            except psutil.Error:
                pass
            time.sleep(0.1)

    thread = threading.Thread(target=poll)
    thread.start()
    code = process.wait()
    done.set()
    thread.join()
    if code:
        raise SystemExit(f"{' '.join(command)} failed with exit code {code}")
    return peak / 2**20, time.perf_counter() - start


def dask_cluster_identical(corpus: Path, tmp: Path) -> tuple[bool, float]:
    """Start `dask scheduler` and two `dask worker` programs on 127.0.0.1, extract `corpus`
    on them and locally; (tables byte-identical, seconds of the cluster run)."""
    import os
    import signal
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    address = f"tcp://127.0.0.1:{port}"
    dask = str(Path(sys.executable).with_name("dask"))
    commands = [[dask, "scheduler", "--host", "127.0.0.1", "--port", str(port),
                 "--no-dashboard"]] + [
        [dask, "worker", address, "--nworkers", "1", "--nthreads", "1", "--no-dashboard",
         "--host", "127.0.0.1", "--local-directory", str(tmp / f"worker-{n}")] for n in (1, 2)]
    processes = []
    try:
        for command in commands:
            processes.append(subprocess.Popen(command, stdout=subprocess.DEVNULL,
                                              stderr=subprocess.DEVNULL,
                                              start_new_session=True))
            time.sleep(1.0)
        from distributed import Client

        with Client(address, timeout=90) as client:
            client.wait_for_workers(2, timeout=90)
        timed_command(extract_command(corpus, tmp / "local", "--no-cache", "--workers", "1"))
        seconds = timed_command(extract_command(corpus, tmp / "dask", "--no-cache",
                                                "--backend", "dask", "--scheduler", address))
    finally:
        for process in reversed(processes):
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
                try:
                    process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    os.killpg(process.pid, signal.SIGKILL)
                    process.wait()
    names = sorted(p.name for p in (tmp / "local").glob("*.csv"))
    same = bool(names) and all((tmp / "local" / n).read_bytes() == (tmp / "dask" / n).read_bytes()
                               for n in names)
    return same, seconds


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
    parser.add_argument("--words", type=int, default=80_000, help="words for the speed runs")
    parser.add_argument("--n", type=int, default=1000, help="articles, cached and memory runs")
    parser.add_argument("--n-large", type=int, default=5000, help="articles, memory run")
    parser.add_argument("--long", action="store_true", help="the memory run on 20,000 articles")
    parser.add_argument("--model", default=None,
                        help="also time this statistical model's pipeline (en_core_web_sm)")
    parser.add_argument("--repeat", type=int, default=3, help="best of N for the speed runs")
    parser.add_argument("--quick", action="store_true", help="20k words, N=200 and 1000")
    parser.add_argument("--skip-memory", action="store_true")
    parser.add_argument("--skip-dask", action="store_true")
    parser.add_argument("--skip-report", action="store_true")
    parser.add_argument("--report-only", action="store_true", help="only the report's speed")
    args = parser.parse_args()
    if args.report_only:
        return report_only(args.repeat)
    if args.quick:
        args.words, args.n, args.n_large = 20_000, 200, 1000
    if args.long:
        args.n_large = 20_000

    say("cores", available_cores())
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        freeze_code(tmp / "code")
        speed_corpus = make_corpus(max(5, args.words // 400), tmp / "speed")
        items = texts_of(speed_corpus)
        say("speed_corpus", f"{len(items)} articles, {words(items)} words")
        speed = pipeline_speed(items, args.repeat, args.model)
        say("blank_tokenizer_seconds", f"{speed['blank']:.2f}")
        say("default_pipeline_seconds", f"{speed['default']:.2f}")
        say("default_pipeline_words_per_second", f"{words(items) / speed['default']:.0f}")
        say("default_pipeline_vs_blank_tokenizer", f"{speed['default'] / speed['blank']:.2f}")
        say("default_pipeline_vs_blank_tokenizer_cpu_seconds",
            f"{speed['cpu_default'] / speed['cpu_blank']:.2f} "
            f"({speed['cpu_default']:.2f} / {speed['cpu_blank']:.2f})")
        for name, seconds in speed.items():
            if name.startswith("part_"):
                say(f"share_{name[5:]}", f"{100 * seconds / speed['cpu_default']:.1f}%")
        whole = whole_process_speed(speed_corpus, tmp / "whole", args.repeat)
        say("whole_process_blank_tokenizer_seconds", f"{whole['blank']:.2f}")
        say("whole_process_extract_seconds", f"{whole['extract']:.2f}")
        say("whole_process_extract_vs_blank_tokenizer", f"{whole['extract'] / whole['blank']:.2f}")
        say("whole_process_extract_vs_blank_tokenizer_cpu_seconds",
            f"{CPU['whole_extract'] / CPU['whole_blank']:.2f} "
            f"({CPU['whole_extract']:.2f} / {CPU['whole_blank']:.2f})")
        say("date_inference_ms_per_article (target < 5)",
            f"{date_inference_ms(speed_corpus, args.repeat):.2f}")
        if args.model:
            say(f"{args.model}_pipeline_vs_default", f"{speed['model'] / speed['default']:.2f}")

        corpus = make_corpus(args.n, tmp / f"corpus-{args.n}")
        rerun = cached_rerun(corpus, tmp / "rerun", args.repeat)
        say(f"cold_run_seconds_{args.n}", f"{rerun['cold']:.2f}")
        say(f"cached_rerun_seconds_{args.n}", f"{rerun['cached']:.2f}")
        say("help_seconds", f"{rerun['help']:.2f}")
        say("cached_rerun_vs_help", f"{rerun['cached'] / rerun['help']:.2f}")
        say("cached_rerun_vs_help_cpu_seconds", f"{CPU['cached'] / CPU['help']:.2f} "
            f"({CPU['cached']:.2f} / {CPU['help']:.2f})")
        say("add_one_article_seconds", f"{rerun['added']:.2f}")

        if not args.skip_memory:
            peaks = {}
            for n in (args.n, args.n_large):
                folder = corpus if n == args.n else make_corpus(n, tmp / f"corpus-{n}")
                peaks[n], seconds = peak_tree_memory(extract_command(
                    folder, tmp / f"mem-{n}", "--no-cache"))
                say(f"peak_memory_mib_{n}", f"{peaks[n]:.0f}")
                say(f"wall_seconds_{n}", f"{seconds:.1f}")
            say(f"peak_memory_ratio_{args.n_large}_vs_{args.n}",
                f"{peaks[args.n_large] / peaks[args.n]:.3f}")
        if not args.skip_dask:
            same, seconds = dask_cluster_identical(speed_corpus, tmp / "dask")
            say("dask_cluster_tables_identical", "yes" if same else "NO")
            say("dask_cluster_seconds", f"{seconds:.1f}")
        if not args.skip_report:
            report_speed(tmp, args.repeat)


if __name__ == "__main__":
    main()
