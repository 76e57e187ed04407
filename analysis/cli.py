"""Command-line interface: ``python -m analysis {extract,evaluate,report} --help``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


class CliError(Exception):
    """A problem the user can fix; printed as one line, exit code 2."""


class _Parser(argparse.ArgumentParser):
    """argparse with its errors as one line, like every other error of the command line:
    ``error: extract: argument --batch-size: must be 1 or more, not 0 (see --help)``."""

    def error(self, message: str):
        command = self.prog.removeprefix("python -m analysis").strip()
        self.exit(2, f"error: {command + ': ' if command else ''}{message} (see --help)\n")


def _count(minimum: int):
    """An argparse type: an integer of at least `minimum`."""
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
        if value < minimum:
            raise argparse.ArgumentTypeError(f"must be {minimum} or more, not {value}")
        return value
    return parse


def _add_pipeline_options(p) -> None:
    """Options of the extraction that both `extract` and `report` take."""
    p.add_argument("--model", default=None, metavar="NAME",
                   help="run a statistical spaCy model, e.g. en_core_web_sm (default: none, "
                        "the rules-only pipeline, as accurate on the evaluation sets and 6-9 "
                        "times faster)")
    # the default since the rules-only pipeline became it; kept so that scripts keep working
    p.add_argument("--rules-only", action="store_true", help=argparse.SUPPRESS)
    p.add_argument("--workers", type=_count(0), default=0,
                   help="processes for the NLP (default 0 = all cores)")
    p.add_argument("--batch-size", type=_count(1), default=32, help="documents per batch")
    p.add_argument("--cache-dir", type=Path, default=None,
                   help="extraction cache (default $HOSTAGE_TALKS_CACHE, else "
                        "$XDG_CACHE_HOME/hostage-talks, else ~/.cache/hostage-talks)")
    p.add_argument("--no-cache", action="store_true", help="neither read nor write the cache")
    p.add_argument("--max-chars", type=_count(1), default=None, metavar="N",
                   help="reject articles longer than N characters (default 200,000; the NLP "
                        "needs about 4.5 KB of memory per character)")
    p.add_argument("--backend", choices=["local", "dask"], default="local",
                   help="run the per-document work locally or on a Dask cluster")
    p.add_argument("--scheduler", default=None,
                   help="Dask scheduler address (default: start a local cluster)")


def _add_extract(sub) -> None:
    p = sub.add_parser(
        "extract",
        help="write documents, figures, meetings, rounds and comparison tables as CSV",
        description="Read a corpus (a folder of .txt/.jsonl/.csv files, or one export file) and "
                    "write documents.csv, figures.csv, meetings.csv, rounds.csv, "
                    "figures_vs_reference.csv and entities.csv into --out.",
    )
    p.add_argument("corpus", type=Path, help="corpus folder or export file")
    p.add_argument("--out", type=Path, required=True, help="folder for the CSV tables")
    p.add_argument("--metadata", type=Path, default=None,
                   help="metadata CSV (doc_id, date, title, url); default CORPUS/metadata.csv")
    _add_pipeline_options(p)
    p.add_argument("--quiet", action="store_true", help="no progress bar")


def _add_evaluate(sub) -> None:
    p = sub.add_parser(
        "evaluate",
        help="score predicted tables against gold, or extract and score whole evaluation sets",
        description="Score by the rules of DESIGN.md (docs/evaluation.md): figures (exact and "
                    "lenient P/R/F1, per metric), report dates of undated articles, meetings "
                    "(P/R/F1, mean participant F1) and rounds (recall, precision, purity). "
                    "Either score one prediction folder (--pred), or extract and score "
                    "evaluation sets (--sets, --samples) and print one table, measure x set.",
        epilog="examples: evaluate --gold data/eval/realnews-40 --pred out/tables --errors; "
               "evaluate --sets data/eval --samples --model en_core_web_sm",
    )
    p.add_argument("--gold", type=Path, default=Path("data/gold"),
                   help="gold folder (documents.csv, figures.csv, meetings.csv) for --pred")
    p.add_argument("--pred", type=Path, default=None, help="folder written by `extract`")
    p.add_argument("--sets", type=Path, nargs="+", default=[], metavar="DIR",
                   help="extract and score sets: a set folder (corpus/ plus gold CSVs) or a "
                        "folder of them, e.g. data/eval (its incoming/ is never scored)")
    p.add_argument("--samples", action="store_true",
                   help="also extract and score the bundled samples (data/corpus, data/gold)")
    p.add_argument("--skip", action="append", default=[], metavar="NAME",
                   help="leave out the set NAME (repeatable; also $HOSTAGE_TALKS_EVAL_SKIP)")
    p.add_argument("--out", type=Path, default=Path("out/eval"),
                   help="where the sets' predicted tables go, one folder per set "
                        "(default %(default)s)")
    _add_pipeline_options(p)  # how --sets extracts, as `extract`
    p.add_argument("--json", action="store_true",
                   help="print the measures as one JSON object (with --sets: one per set)")
    p.add_argument("--print-thresholds", action="store_true",
                   help="with --sets: print rows for data/eval/thresholds.csv (each measure "
                        "less 0.03) instead of the table")
    p.add_argument("--errors", action="store_true",
                   help="with --pred: also list every miss and false alarm, grouped by kind "
                        "(on stderr when --json is given); with --sets: write that list to "
                        "OUT/<set>/errors.txt")
    p.add_argument("--corpus", type=Path, default=None,
                   help="with --errors: the articles, to show the sentence of a missed gold "
                        "quote (default GOLD/corpus, else the corpus/ beside GOLD)")


def _add_report(sub) -> None:
    p = sub.add_parser(
        "report",
        help="extract once, execute every notebook with papermill and export HTML",
        description="Run the extraction, execute each notebook in notebooks/ with papermill "
                    "and export self-contained HTML plus an index.html into --out.",
    )
    p.add_argument("--corpus", type=Path, default=Path("data/corpus"), help="corpus folder")
    p.add_argument("--out", type=Path, default=Path("reports/latest"), help="report folder")
    p.add_argument("--start", default=None, help="first report date to show (YYYY-MM-DD)")
    p.add_argument("--end", default=None, help="last report date to show (YYYY-MM-DD)")
    p.add_argument("--show-code", action="store_true",
                   help="show the notebooks' code and prompts in the HTML (default: hidden; "
                        "the executed .ipynb beside each page always has them)")
    p.add_argument("--no-input", action="store_true", help=argparse.SUPPRESS)  # the default now
    p.add_argument("--timeout", type=_count(1), default=600, help="seconds per notebook cell")
    p.add_argument("--kernel", default="python3", help="Jupyter kernel name")
    p.add_argument("--notebook-workers", type=_count(0), default=0,
                   help="notebooks executed at once (default 0 = one per core)")
    _add_pipeline_options(p)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="python -m analysis",
        description="News reports on the Gaza hostage and ceasefire talks as traceable tables.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    _add_extract(sub)
    _add_evaluate(sub)
    _add_report(sub)
    return parser


def check_paths(args) -> None:
    """Check the paths of `extract` and `report` before any work (CliError: one line, exit 2):
    the corpus exists, an explicit --metadata exists, --cache-dir is not a file."""
    from analysis.corpus import CorpusError

    corpus = getattr(args, "corpus", None)
    if corpus is not None and not Path(corpus).exists():
        raise CorpusError(f"corpus not found: {corpus} does not exist")
    metadata = getattr(args, "metadata", None)
    if metadata is not None and not Path(metadata).is_file():
        raise CliError(f"metadata file not found: {metadata}")
    if not args.no_cache and args.cache_dir is not None:
        for folder in (args.cache_dir, *args.cache_dir.parents):
            if folder.exists() and not folder.is_dir():
                raise CliError(f"--cache-dir {args.cache_dir}: {folder} is a file, not a folder")


def selected_model(args) -> str | None:
    """The statistical model of `--model`, or None for the rules-only pipeline (the default;
    `--rules-only` is an old spelling of it). Both together are a contradiction: CliError."""
    if args.rules_only and args.model:
        raise CliError("--rules-only and --model contradict each other; the rules-only "
                       "pipeline is the default, give --model NAME alone to use a model")
    return args.model or None


def pipeline_options(args) -> dict:
    """The extraction options `extract` and `report` share, for `run_extraction`."""
    from analysis.corpus import MAX_CHARS

    return dict(model=selected_model(args), workers=args.workers,
                batch_size=args.batch_size, cache_dir=None if args.no_cache else args.cache_dir,
                use_cache=not args.no_cache, backend=args.backend, scheduler=args.scheduler,
                max_chars=args.max_chars or MAX_CHARS)


def cmd_extract(args) -> int:
    from analysis.batch.run import run_extraction

    check_paths(args)
    summary = run_extraction(args.corpus, args.out, metadata=args.metadata,
                             progress=not args.quiet, **pipeline_options(args))
    print(summary)
    for note in summary.notes:
        print(f"note: {note}", file=sys.stderr)
    return 0


def cmd_evaluate(args) -> int:
    from analysis.evaluate import EvaluationError

    try:
        if args.sets or args.samples:
            if args.pred is not None:
                raise CliError("give either --pred or --sets/--samples, not both")
            return _evaluate_sets(args)
        if args.pred is None:
            raise CliError("give --pred DIR (a folder written by `extract`), "
                           "or --sets DIR / --samples")
        return _evaluate_pred(args)
    except EvaluationError as exc:
        raise CliError(str(exc)) from exc


def _evaluate_pred(args) -> int:
    from analysis.evaluate import article_texts, evaluate_dir, format_errors, format_report, to_json

    for folder in (args.gold, args.pred):
        if not folder.is_dir():
            raise CliError(f"folder not found: {folder}")
    scores = evaluate_dir(args.gold, args.pred)
    print(to_json(scores) if args.json else format_report(scores))
    if args.errors:
        corpus = args.corpus or next((c for c in (args.gold / "corpus",
                                                  args.gold.parent / "corpus") if c.is_dir()),
                                     None)
        # with --json the listing goes to stderr, so that stdout stays one JSON object
        print("\n" + format_errors(scores, article_texts(corpus)),
              file=sys.stderr if args.json else sys.stdout)
    return 0


def _evaluate_sets(args) -> int:
    import json

    from analysis.evaluate import (
        evaluate_sets,
        find_sets,
        format_sets_table,
        sets_table,
        skip_from_env,
        threshold_rows,
    )

    skip = set(args.skip) | skip_from_env()
    sets = find_sets(args.sets, Path("data") if args.samples else None, skip=skip)
    if skip:
        print(f"left out: {', '.join(sorted(skip))}", file=sys.stderr)
    if not sets:
        raise CliError(f"no evaluation sets in {', '.join(map(str, args.sets))}")
    results = evaluate_sets(
        sets, args.out, log=lambda line: print(line, file=sys.stderr), errors=args.errors,
        model=selected_model(args), workers=args.workers,
        batch_size=args.batch_size, cache_dir=None if args.no_cache else args.cache_dir,
        use_cache=not args.no_cache, backend=args.backend, scheduler=args.scheduler)
    if args.print_thresholds:
        print(threshold_rows(results).to_csv(index=False), end="")
    elif args.json:
        print(json.dumps(results, indent=2))
    else:
        print(format_sets_table(sets_table(results)))
    return 0


def cmd_report(args) -> int:
    from analysis.present.report import render_report

    check_paths(args)
    options = pipeline_options(args)
    return render_report(
        corpus=args.corpus, out=args.out, start=args.start, end=args.end,
        show_code=args.show_code, model=options.pop("model"), timeout=args.timeout,
        kernel=args.kernel, notebook_workers=args.notebook_workers, **options,
    )


COMMANDS = {"extract": cmd_extract, "evaluate": cmd_evaluate, "report": cmd_report}


def main(argv: list[str] | None = None) -> int:
    from analysis.batch.publish import OutputError
    from analysis.corpus import CorpusError
    from analysis.nlp import ModelNotFound
    from analysis.present.report import KernelNotFound, ReportError

    args = build_parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except (CliError, CorpusError, ModelNotFound, ReportError, KernelNotFound,
            OutputError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:  # the machine's trouble (a full disk, a folder that vanished)
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"error: {where}{(exc.strerror or str(exc)).lower()}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    raise SystemExit(main())
