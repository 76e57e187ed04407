"""Render the report: extract once, execute every notebook with papermill, export HTML.

>>> render_report("data/corpus", "reports/latest")          # doctest: +SKIP
0

What ``OUT`` holds after a successful run::

    OUT/index.html                  links to every page, the run's parameters and time
    OUT/tables/*.csv                the tables, extracted once; the notebooks read them
    OUT/<notebook>.html             each executed notebook, self-contained (images inline)
    OUT/<notebook>.ipynb            the executed notebook
    OUT/<notebook>/                 the files that notebook wrote (charts, tables)

The run is staged in a hidden folder beside ``OUT`` and moved into place only when every
notebook ran. When a notebook fails, the others still run, the previous report in ``OUT`` (if
any) is left as it was, and the whole failed run, executed notebooks with their errors
included, is moved to ``OUT.failed-<YYYYmmdd-HHMMSS>`` beside it; the return value is 1 and
the failing notebook and cell are printed.

Two runs on the same corpus give byte-identical tables, notebooks and pages except for the
run-time line of index.html: papermill's timestamps and paths are removed from the executed
notebooks and matplotlib writes no dates into images.
"""

from __future__ import annotations

import datetime as dt
import functools
import html
import json
import os
import re
import shutil
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from analysis.paths import NOTEBOOKS_DIR, REFERENCE_DIR

PROJECT_KERNEL = "hostage-talks"

# The lab template without anything loaded from the network (require.js, MathJax, mermaid):
# the pages must open offline and must not run third-party code. `<!--toc-->` is replaced by a
# table of contents built from the page's headings.
TEMPLATE = r"""
{%- extends 'index.html.j2' -%}
{%- block html_head_js -%}{%- endblock html_head_js -%}
{%- block html_head_js_mathjax -%}{%- endblock html_head_js_mathjax -%}
{%- block html_head_js_mermaidjs -%}{%- endblock html_head_js_mermaidjs -%}
{%- block extra_css -%}
<style type="text/css">
nav.report-toc { max-width: 60em; margin: 1em auto 0 auto; padding: 0.5em 1em;
  border: 1px solid #ccc; background: #fafafa; font-size: 14px;
  font-family: var(--jp-ui-font-family, system-ui, sans-serif); }
nav.report-toc ul { margin: 0.2em 0; padding-left: 1.2em; }
nav.report-toc .report-back { float: right; }
/* charts shrink to the window; wide tables scroll inside their box, never the page */
.jp-RenderedImage img, .jp-OutputArea-output img { max-width: 100%; height: auto; }
.jp-OutputArea-output { overflow-x: auto; }
table.dataTable th, table.dataTable td { text-align: left !important; vertical-align: top;
  white-space: normal; }
/* words wrap whole (a narrow window scrolls the table's box rather than cutting
   "palestinian" into "palestinia / n"); only a word longer than its column is broken */
table.dataTable { table-layout: auto !important; }  /* JupyterLab's is fixed: equal columns */
table.dataTable td { overflow-wrap: break-word; word-break: normal; min-width: 4em;
  max-width: 32em; }
table.dataTable td small { color: #555; }
table.dataTable td mark { background: #fff3b0; }
table.dataTable td.dt-type-numeric { text-align: right !important; white-space: nowrap; }
table.dataTable th.dt-type-numeric { text-align: right !important; }
table.dataTable details summary { cursor: pointer; }
</style>
{%- endblock extra_css -%}
{%- block body_header -%}
{{ super() }}
<!--toc-->
{%- endblock body_header -%}
"""

HEADING = re.compile(r'<h([1-3]) id="([^"]+)">(.*?)(?:<a class="anchor-link"[^>]*>.*?</a>)?</h\1>',
                     re.DOTALL)
VOLATILE_PAPERMILL_KEYS = {"start_time", "end_time", "duration", "input_path", "output_path",
                           "environment_variables"}


@dataclass
class NotebookRun:
    """What happened to one notebook."""

    name: str
    seconds: float = 0.0
    error: str = ""  # empty when it ran through
    cell: int | None = None  # execution count of the failing cell
    files: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.error


# ----------------------------------------------------------------------------- kernel


def check_kernel(kernel: str | None) -> str:
    """The kernel name to run the notebooks with: `kernel`, or when None the project's kernel
    (``hostage-talks``, installed by ``make setup``) if present, else ``python3``. Warns when the
    kernel runs another interpreter than this one (it would import another `analysis`)."""
    from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel

    manager = KernelSpecManager()
    if kernel is None:
        kernel = PROJECT_KERNEL if PROJECT_KERNEL in manager.find_kernel_specs() else "python3"
    try:
        spec = manager.get_kernel_spec(kernel)
    except NoSuchKernel:
        raise KernelNotFound(
            f"Jupyter kernel {kernel!r} is not installed. Use --kernel python3, or install the "
            f"project's kernel: {sys.executable} -m ipykernel install --sys-prefix "
            f"--name {PROJECT_KERNEL}") from None
    program = spec.argv[0] if spec.argv else ""
    python_names = {"python", f"python{sys.version_info[0]}",
                    f"python{sys.version_info[0]}.{sys.version_info[1]}"}
    if program not in python_names and Path(program).resolve() != Path(sys.executable).resolve():
        print(f"warning: kernel {kernel!r} runs {program}, not {sys.executable}; the notebooks "
              "will use the packages installed there", file=sys.stderr)
    return kernel


class KernelNotFound(RuntimeError):
    """The requested Jupyter kernel is not installed."""


# ----------------------------------------------------------------------------- notebooks


def find_notebooks(notebooks_dir: str | os.PathLike | None = None) -> list[Path]:
    """The notebooks to run, in name order (checkpoints ignored)."""
    folder = Path(notebooks_dir) if notebooks_dir else NOTEBOOKS_DIR
    return sorted(p for p in folder.glob("*.ipynb") if ".ipynb_checkpoints" not in p.parts)


def normalise_notebook(path: Path, source: Path | None = None) -> None:
    """Remove what changes from run to run (timestamps, durations, staging paths) from an
    executed notebook, in place, and give the cells papermill added (injected parameters, error
    banner) fixed ids instead of random ones."""
    import nbformat

    notebook = nbformat.read(path, as_version=4)
    known = set()
    if source is not None:
        known = {cell.get("id") for cell in nbformat.read(source, as_version=4).cells}
    for index, cell in enumerate(notebook.cells):
        if cell.get("id") not in known:
            tags = cell.metadata.get("tags", [])
            cell["id"] = f"{tags[0] if tags else 'added'}-{index}"[:64]
    papermill = notebook.metadata.get("papermill", {})
    for key in VOLATILE_PAPERMILL_KEYS:
        papermill.pop(key, None)
    for cell in notebook.cells:
        cell.metadata.pop("execution", None)
        _merge_streams(cell)
        for key in ("start_time", "end_time", "duration"):
            cell.metadata.get("papermill", {}).pop(key, None)
    nbformat.write(notebook, path)


def _merge_streams(cell) -> None:
    """Join consecutive stream outputs of the same name (how they are split depends on
    timing)."""
    merged = []
    for output in cell.get("outputs", []):
        if (merged and output.get("output_type") == "stream"
                and merged[-1].get("output_type") == "stream"
                and merged[-1].get("name") == output.get("name")):
            merged[-1]["text"] = merged[-1]["text"] + output["text"]
        else:
            merged.append(output)
    if "outputs" in cell:
        cell["outputs"] = merged


def execute(notebook: Path, staging: Path, parameters: dict, kernel: str, timeout: int,
            progress: bool) -> NotebookRun:
    """Run one notebook with papermill into `staging` (its working directory)."""
    import papermill
    from papermill.exceptions import PapermillExecutionError

    run = NotebookRun(notebook.stem)
    output = staging / notebook.name
    started = time.perf_counter()
    try:
        papermill.execute_notebook(
            str(notebook), str(output), parameters=parameters, kernel_name=kernel,
            execution_timeout=timeout, progress_bar=progress, cwd=str(staging),
            request_save_on_cell_execute=False, log_output=False,
            # the kernel's own log (a warning about TCP on every start) is not the tool's
            extra_arguments=["--IPKernelApp.log_level=CRITICAL"],
        )
    except PapermillExecutionError as exc:
        run.error = f"{exc.ename}: {exc.evalue}"
        run.cell = exc.exec_count
    except Exception as exc:  # noqa: BLE001 - a kernel that dies or times out: report it
        run.error = f"{type(exc).__name__}: {exc}"
    run.seconds = time.perf_counter() - started
    if output.exists():
        normalise_notebook(output, notebook)
    folder = staging / parameters.get("output_dir", notebook.stem)
    if folder.is_dir():
        run.files = sorted(str(p.relative_to(staging)) for p in folder.rglob("*") if p.is_file())
    return run


# ----------------------------------------------------------------------------- HTML


def table_of_contents(body: str, back_link: bool = True) -> str:
    """A <nav> listing the page's h1-h3 headings (nbconvert gives each an id)."""
    items = []
    for level, anchor, text in HEADING.findall(body):
        label = html.escape(html.unescape(re.sub(r"<[^>]+>", "", text)).strip())
        indent = "&nbsp;&nbsp;&nbsp;&nbsp;" * (int(level) - 1)
        items.append(f'<li>{indent}<a href="#{html.escape(anchor)}">{label}</a></li>')
    back = '<a class="report-back" href="index.html">&larr; all notebooks</a>' if back_link else ""
    if not items:
        return f'<nav class="report-toc">{back}</nav>'
    return (f'<nav class="report-toc" aria-label="Contents">{back}<strong>Contents</strong>'
            f'<ul style="list-style:none">{"".join(items)}</ul></nav>')


HIDDEN_CELL_TAGS = {"parameters", "injected-parameters"}


def export_html(notebook: Path, show_code: bool = False) -> Path:
    """Export an executed notebook to a self-contained HTML page beside it: images inline as
    data: URIs, nothing loaded from the network, a table of contents.

    The page is for readers: unless `show_code`, it shows no code, no ``In[]``/``Out[]``
    prompts and not the parameters cells (the defaults and papermill's injected values); the
    executed ``.ipynb`` beside it keeps all of that for analysts.
    """
    import jinja2
    import nbformat
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(
        template_name="lab",
        extra_loaders=[jinja2.DictLoader({"report.html.j2": TEMPLATE})],
        template_file="report.html.j2",
        embed_images=True,
        exclude_input=not show_code,
        exclude_input_prompt=not show_code,
        exclude_output_prompt=not show_code,
    )
    content = nbformat.read(notebook, as_version=4)
    if not show_code:
        content.cells = [cell for cell in content.cells
                         if not HIDDEN_CELL_TAGS & set(cell.metadata.get("tags", []))]
    body, _ = exporter.from_notebook_node(
        content, resources={"metadata": {"name": notebook.stem, "path": str(notebook.parent)}})
    body = body.replace("<!--toc-->", table_of_contents(body), 1)
    path = notebook.with_suffix(".html")
    path.write_text(body, encoding="utf-8")
    return path


def _read_tables(tables_dir: Path, start=None, end=None) -> dict:
    """The extracted tables as text ('' for a missing value; None for a missing file); with
    `start`/`end`, only what the pages show (notebook_helpers.select_dates: reports dated in the
    range, documents also undated ones)."""
    import pandas as pd

    names = ["documents", "figures", "rounds", "rounds_vs_reference", "figures_vs_reference"]
    read = {name: pd.read_csv(tables_dir / f"{name}.csv", dtype=str, keep_default_na=False)
            for name in names if (tables_dir / f"{name}.csv").is_file()}
    if (start or end) and "documents" in read:
        from analysis.present.notebook_helpers import read_tables, select_dates

        shown = select_dates(read_tables(tables_dir), start, end)
        read = {name: getattr(shown, name).astype(object).where(
            getattr(shown, name).notna(), "").astype(str) for name in read}
    return {name: read.get(name) for name in names}


def headline_numbers(tables_dir: Path, start=None, end=None) -> list[tuple[str, str]]:
    """The numbers the index opens with: articles (how each is dated), figures (what they
    count), rounds (dated, and the known rounds they cover), and the latest death toll an
    article states next to the official value on its report date, saying when that date was
    inferred; with `start`/`end`, of the reports the pages show, and said first.

    >>> headline_numbers(Path("/nonexistent"))
    []
    """
    tables = _read_tables(tables_dir, start, end)
    documents, figures, rounds = tables["documents"], tables["figures"], tables["rounds"]
    numbers = []
    if documents is not None and (start or end):
        from analysis.present.notebook_helpers import _range_text

        numbers.append(("Reports shown", f"{_range_text(start, end)}, and the undated ones in "
                        "the corpus overview"))
    if documents is not None:
        numbers.append(("Articles", _articles_line(documents)))
    if figures is not None:
        numbers.append(("Figures stated", _figures_line(figures)))
    if rounds is not None:
        numbers.append(("Negotiation rounds", _rounds_line(rounds, tables["rounds_vs_reference"])))
    latest = _latest_toll(tables["figures_vs_reference"], documents)
    if latest:
        numbers.append(("Latest Gaza death toll stated", latest))
    return numbers


def _column(frame, name: str, default: str = ""):
    """Column `name` of a table read as text, or `default` in every row when it lacks it."""
    import pandas as pd

    return (frame[name] if name in frame.columns
            else pd.Series(default, index=frame.index, dtype=object))


def _articles_line(documents) -> str:
    """'227 read: 107 dated in their text or metadata, 104 with a date inferred from their
    content, 16 undated; 1 set aside' (the parts that are zero left out)."""
    ok = documents[documents["status"] == "ok"]
    dated = ok["report_date"] != ""
    inferred = int((dated & (_column(ok, "date_source") == "inferred")).sum())
    parts = [(int(dated.sum()) - inferred, "dated in their text or metadata"),
             (inferred, "with a date inferred from their content"),
             (int((~dated).sum()), "undated")]
    line = f"{len(ok):,} read"
    shown = [f"{n:,} {what}" for n, what in parts if n]
    if shown:
        line += ": " + ", ".join(shown)
    if len(ok) < len(documents):
        line += f"; {len(documents) - len(ok):,} set aside"
    return line


def _figures_line(figures) -> str:
    """'548 in 160 reports: 207 casualty and 282 hostage or prisoner counts, 59 other (...)'."""
    from analysis.present.notebook_helpers import CASUALTY_METRICS, HOSTAGE_TABLE_METRICS

    line = f"{len(figures):,}"
    if figures.empty or "doc_id" not in figures.columns:
        return line
    whole = (_column(figures, "group", "all").isin(["all", ""])
             & (_column(figures, "vague", "false").str.lower() != "true"))
    casualty = int((whole & figures["metric"].isin(CASUALTY_METRICS)).sum())
    hostage = int((whole & figures["metric"].isin(HOSTAGE_TABLE_METRICS)).sum())
    other = len(figures) - casualty - hostage
    reports = figures["doc_id"].nunique()
    line += (f" in {reports:,} report{'s' if reports != 1 else ''}: {casualty:,} casualty and "
             f"{hostage:,} hostage or prisoner counts")
    if other:
        line += f", {other:,} sub-counts, vague amounts or counts of the displaced"
    return line


def _rounds_line(rounds, check) -> str:
    """'142 (84 dated, 58 without a known date); 29 of 35 known rounds of the period found'."""
    dated = int((_column(rounds, "start_date", "?") != "").sum())
    line = f"{len(rounds):,}"
    if dated < len(rounds):
        line += f" ({dated:,} dated, {len(rounds) - dated:,} without a known date)"
    if check is not None and not check.empty and "status" in check.columns:
        known = int(check["status"].isin(["reported", "not_reported"]).sum())
        found = int((check["status"] == "reported").sum())
        if known:
            line += f"; {found:,} of the {known:,} known rounds of the period are among them"
    return line


def _latest_toll(comparison, documents=None) -> str:
    """'70,100 (exact) in a report of 2025-11-29; official series that day 70,100' for the
    newest stated Gaza toll (of the newest report's tolls, the largest that fits the official
    value, else the largest), with ', a date inferred from its content (2025-11-20 to
    2025-12-09)' when that report's date was inferred, and a warning when it does not fit the
    official value. A report stating 55,998 and a misread 131,559 headlined 131,559."""
    from analysis.present.display import VALUE_WORDS

    if comparison is None or comparison.empty:
        return ""
    tolls = comparison[(comparison["metric"] == "killed")
                       & (comparison["population"] == "palestinian")
                       & (comparison["official_value"] != "")].copy()
    if tolls.empty:
        return ""
    tolls["_value"] = tolls["value"].astype(float)
    tolls["_fits"] = _column(tolls, "consistent").str.lower() != "false"
    row = tolls.sort_values(["report_date", "_fits", "_value", "start_char"]).iloc[-1]
    qualifier = VALUE_WORDS["qualifier"].get(row["qualifier"], row["qualifier"])
    line = f"{int(row['_value']):,} ({qualifier}) in a report of {row['report_date']}"
    inferred = (documents[(documents["doc_id"] == row["doc_id"])
                          & (_column(documents, "date_source") == "inferred")]
                if documents is not None and "doc_id" in documents.columns else None)
    if inferred is not None and not inferred.empty:
        window = inferred.iloc[0]
        line += ", a date inferred from its content"
        if _column(inferred, "date_window_start").iloc[0]:
            line += (f" (between {window['date_window_start']} and "
                     f"{window['date_window_end']})")
    line += f"; official series that day {int(float(row['official_value'])):,}"
    if not row["_fits"]:
        line += (" (the figure does not fit it given its qualifier: read its sentence among "
                 "the figures that disagree, on the casualty page)")
    return line


# What each page shows, for the index (notebooks not listed are named by their file).
PAGE_DESCRIPTIONS = {
    "01_corpus_overview": ("Corpus overview", "every article and its date (given or inferred), "
                           "files set aside, reports over time, most-mentioned names"),
    "02_casualty_figures": ("Casualty figures", "the tolls each article states against the "
                            "Gaza Ministry of Health's count, one-off tolls apart, the gaps"),
    "03_hostage_figures": ("Hostage figures", "hostages and prisoners held and released, with "
                           "the series news sites reported"),
    "04_negotiation_rounds": ("Negotiation rounds", "rounds by date and country, who took part "
                              "when, one line per round with its articles, the record"),
}


def quality_section() -> str:
    """The index's 'How good the extraction is': the scores measured on real articles annotated
    by hand (analysis.present.quality), held-out sets first; what a reader should expect."""
    from analysis.present.quality import quality_rows

    esc = html.escape
    rows, note = quality_rows()
    body = "".join(f"<tr><th>{esc(measure)}</th><td>{esc(held)}</td><td>{esc(dev)}</td></tr>"
                   for measure, held, dev in rows)
    return ('<h2 id="quality">How good the extraction is</h2>\n'
            "<p>Scores on real news annotated by hand. <strong>Expect the first column on "
            "this corpus.</strong></p>\n"
            '<table class="quality"><thead><tr><th></th>'
            "<th>on news the rules never saw</th><th>on the articles the rules were written "
            f'from</th></tr></thead><tbody>{body}</tbody></table>\n<p class="note">{note}</p>')


def _page_row(staging: Path, run: NotebookRun) -> str:
    """The index's row for one page: its title and what it shows, its notebook, status, files."""
    esc = html.escape
    page = f"{run.name}.html"
    title, what = PAGE_DESCRIPTIONS.get(run.name, (run.name, ""))
    link = (f'<a href="{esc(page)}">{esc(title)}</a>' if (staging / page).exists()
            else esc(title))
    link += f'<br><small>{esc(what)}</small>' if what else ""
    status = ("ok" if run.ok else
              f"<strong>failed</strong> in cell [{esc(str(run.cell or '?'))}]: "
              f"<code>{esc(run.error[:300])}</code>")
    files = ", ".join(f'<a href="{esc(f)}">{esc(Path(f).name)}</a>' for f in run.files)
    return (f'<tr><td>{link}</td><td><a href="{esc(run.name)}.ipynb">.ipynb</a></td>'
            f"<td>{status}</td><td>{files}</td></tr>")


def write_index(staging: Path, runs: list[NotebookRun], parameters: dict, started: dt.datetime,
                seconds: float, start=None, end=None) -> Path:
    """index.html: the numbers at a glance (of the reports dated `start` to `end` when given,
    as the pages), one row per notebook (page, notebook, status) and the run's parameters."""
    esc = html.escape
    rows = [_page_row(staging, run) for run in runs]
    tables = sorted((staging / "tables").glob("*.csv"))
    table_links = ", ".join(f'<a href="tables/{esc(p.name)}">{esc(p.name)}</a>' for p in tables)
    params = "".join(f"<tr><th>{esc(k)}</th><td><code>{esc(str(v))}</code></td></tr>"
                     for k, v in parameters.items())
    glance = "".join(f"<tr><th>{esc(label)}</th><td>{esc(value)}</td></tr>"
                     for label, value in headline_numbers(staging / "tables", start, end))
    quality = quality_section()
    page = f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>Hostage and ceasefire talks: report</title>
<style>
body {{ font-family: system-ui, sans-serif; max-width: 60em; margin: 2em auto; padding: 0 1em;
       color: #222; line-height: 1.45; }}
table {{ border-collapse: collapse; margin: 0.5em 0 1.5em 0; }}
td, th {{ border-bottom: 1px solid #ddd; padding: 4px 10px; text-align: left;
          vertical-align: top; }}
code {{ font-size: 90%; }}
h1 {{ margin: 0.5em 0 0.4em 0; }}
h2 {{ margin: 1em 0 0.4em 0; }}
table.quality, p.note {{ font-size: 90%; }}
table.quality td, table.quality th {{ padding: 3px 10px; }}
</style>
</head>
<body>
<h1>Hostage and ceasefire talks: report</h1>
<p>Figures, meetings and rounds extracted from the news reports of the corpus, with the
sentence behind every number. Each page is a notebook executed with papermill.</p>
<h2>At a glance</h2>
<table class="glance">{glance}</table>
{quality}
<h2>Pages</h2>
<table>
<thead><tr><th>page</th><th>notebook</th><th>status</th><th>files written</th></tr></thead>
<tbody>
{"".join(rows)}
</tbody>
</table>
<h2>Tables</h2>
<p>{table_links}</p>
<h2>Parameters</h2>
<table>{params}</table>
<p id="run-time">Run time: {esc(started.isoformat(timespec="seconds"))},
took {seconds:.0f} s.</p>
</body>
</html>
"""
    path = staging / "index.html"
    path.write_text(page, encoding="utf-8")
    return path


# ----------------------------------------------------------------------------- the run


def _failed_path(out: Path, started: dt.datetime) -> Path:
    base = out.with_name(f"{out.name}.failed-{started.strftime('%Y%m%d-%H%M%S')}")
    path, n = base, 1
    while path.exists():
        n += 1
        path = base.with_name(f"{base.name}-{n}")
    return path


def _publish(staging: Path, out: Path) -> None:
    """Replace `out` by `staging` in one rename (see analysis.batch.publish)."""
    from analysis.batch.publish import publish

    publish(staging, out)


class ReportError(ValueError):
    """A report parameter the user can fix; the command line prints it as one line, exit 2."""


def check_parameters(corpus, start, end, timeout) -> None:
    """Check the report's parameters before anything runs.

    >>> check_parameters("data/corpus", "2024-13-01", None, 600)
    Traceback (most recent call last):
    ...
    analysis.present.report.ReportError: --start: '2024-13-01' is not a date (YYYY-MM-DD)
    """
    days = {}
    for name, value in (("start", start), ("end", end)):
        if value is None:
            continue
        try:
            days[name] = dt.date.fromisoformat(str(value))
        except ValueError:
            raise ReportError(f"--{name}: {value!r} is not a date (YYYY-MM-DD)") from None
    if len(days) == 2 and days["start"] > days["end"]:
        raise ReportError(f"--start {start} is after --end {end}")
    if not Path(corpus).expanduser().exists():
        raise ReportError(f"corpus not found: {corpus}")
    if timeout is not None and timeout <= 0:
        raise ReportError(f"--timeout must be a positive number of seconds, not {timeout}")


def check_out(out) -> None:
    """ReportError unless `out` is new, empty or a report (it has an ``index.html``): the
    report replaces the whole folder, so `--out .` or a data folder must never be taken."""
    folder = Path(out).expanduser()
    if folder.exists() and not folder.is_dir():
        raise ReportError(f"--out {out} is a file, not a folder")
    if folder.is_dir() and any(folder.iterdir()) and not (folder / "index.html").exists():
        raise ReportError(f"--out {out} is not empty and holds no report (no index.html); "
                          "report replaces the whole folder, so give a new or empty one")


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _execute_all(notebooks, staging, parameters_for, kernel, timeout, workers):
    """Execute the notebooks, `workers` at a time (one kernel each); yields runs as they end."""
    if workers <= 1 or len(notebooks) == 1:
        for notebook in notebooks:
            yield notebook, execute(notebook, staging, parameters_for(notebook), kernel,
                                    timeout, progress=False)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor, as_completed

    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        futures = {pool.submit(execute, notebook, staging, parameters_for(notebook), kernel,
                               timeout, False): notebook for notebook in notebooks}
        for future in as_completed(futures):
            yield futures[future], future.result()


def render_report(corpus, out, start=None, end=None, show_code=False, model=None,
                  timeout=600, kernel="python3", notebooks_dir=None, progress=True,
                  notebook_workers=0, **extraction) -> int:
    """:func:`_render_report` holding the lock on `out` (a second report into the same folder
    is refused with :class:`analysis.batch.publish.OutputError`, never interleaved)."""
    from analysis.batch.publish import OutputLock

    check_parameters(corpus, start, end, timeout)
    check_out(out)
    with OutputLock(Path(out).expanduser().resolve()):
        return _render_report(corpus, out, start, end, show_code, model, timeout, kernel,
                              notebooks_dir, progress, notebook_workers, **extraction)


def _notebook_parameters(notebook: Path, *, corpus: Path, staging: Path, start, end,
                         model) -> dict:
    """The papermill parameters of one notebook. Paths are relative to the notebooks'
    working directory (the staging folder, which becomes `out`): the same on every machine,
    and still right after the move."""
    return {"corpus": os.path.relpath(corpus, staging), "tables_dir": "tables",
            "output_dir": notebook.stem, "start": start, "end": end, "model": model,
            "reference_dir": os.path.relpath(REFERENCE_DIR, staging)}


def _run_notebooks(notebooks: list[Path], staging: Path, parameters_for, kernel: str,
                   timeout: int, workers: int, show_code: bool) -> list[NotebookRun]:
    """Execute the notebooks into `staging` (in parallel), export each to HTML as it ends and
    print its state; the runs in the notebooks' order."""
    runs = {}
    for notebook, run in _execute_all(notebooks, staging, parameters_for, kernel, timeout,
                                      workers):
        executed = staging / notebook.name
        if executed.exists():
            export_html(executed, show_code=show_code)
        state = "ok" if run.ok else f"FAILED in cell [{run.cell or '?'}]: {run.error}"
        print(f"[{len(runs) + 1}/{len(notebooks)}] {notebook.stem}: {state} "
              f"({run.seconds:.1f} s)", flush=True)
        runs[notebook.stem] = run
    return [runs[notebook.stem] for notebook in notebooks]


def _write_run_json(staging: Path, runs: list[NotebookRun], started_at: dt.datetime) -> None:
    """run.json: when the run started, each notebook's seconds, and where the failed ones
    stopped."""
    (staging / "run.json").write_text(json.dumps(
        {"started": started_at.isoformat(timespec="seconds"),
         "seconds": {r.name: round(r.seconds, 1) for r in runs},
         "failed": {r.name: {"cell": r.cell, "error": r.error} for r in runs if not r.ok}},
        indent=2) + "\n", encoding="utf-8")


def _render_report(corpus, out, start=None, end=None, show_code=False, model=None,
                   timeout=600, kernel="python3", notebooks_dir=None, progress=True,
                   notebook_workers=0, **extraction) -> int:
    """Extract `corpus` once, execute every notebook, export HTML and an index into `out`.

    Returns 0 when every notebook ran, 1 when one failed (then `out` keeps the previous
    report and the run goes to ``out.failed-<time>``; see the module docstring). Parameters
    are checked first (:class:`ReportError`, nothing written). Notebooks run in parallel,
    `notebook_workers` at a time (0: one per core). `extraction` goes to
    :func:`analysis.batch.run.run_extraction` (``workers``, ``cache_dir``, ...); `model` None is
    the rules-only pipeline (the default), a name loads that statistical model.

    >>> render_report("data/corpus", "/tmp/report")                     # doctest: +SKIP
    0
    """
    from analysis.batch.run import run_extraction

    started_at = dt.datetime.now().astimezone()
    clock = time.perf_counter()
    check_parameters(corpus, start, end, timeout)
    out = Path(out).expanduser().resolve()
    notebooks = find_notebooks(notebooks_dir)
    if not notebooks:
        raise ReportError(f"no notebooks in {notebooks_dir or NOTEBOOKS_DIR}")
    kernel = check_kernel(kernel)
    corpus = Path(corpus).expanduser().resolve()
    from analysis.batch.publish import clean_stale, make_staging

    for note in clean_stale(out):  # staging folders of dead runs; a half-published report
        print(f"note: {note}", file=sys.stderr)
    staging = make_staging(out)  # beside `out`, with the usual permissions (not mkdtemp's 0700)
    workers = min(notebook_workers or _cores(), len(notebooks))

    parameters_for = functools.partial(_notebook_parameters, corpus=corpus, staging=staging,
                                       start=start, end=end, model=model)
    try:
        print(f"extracting {corpus} ...", flush=True)
        print(run_extraction(corpus, staging / "tables", model=model, progress=progress,
                             **extraction), flush=True)
        print(f"executing {len(notebooks)} notebooks, {workers} at a time ...", flush=True)
        runs = _run_notebooks(notebooks, staging, parameters_for, kernel, timeout, workers,
                              show_code)
        report_parameters = {
            "corpus": str(corpus), "start": start or "(none)", "end": end or "(none)",
            "model": model, "kernel": kernel, "show_code": show_code, "timeout": timeout,
            "notebooks": ", ".join(n.name for n in notebooks),
        }
        write_index(staging, runs, report_parameters, started_at, time.perf_counter() - clock,
                    start, end)
        _write_run_json(staging, runs, started_at)
    except BaseException:
        if sys.exc_info()[0] is KeyboardInterrupt:
            shutil.rmtree(staging, ignore_errors=True)
        else:
            failed = _failed_path(out, started_at)
            staging.rename(failed)
            print(f"error: the run stopped; what it wrote is in {failed}", file=sys.stderr)
        raise
    return _finish(staging, out, runs, started_at, clock)


def _finish(staging: Path, out: Path, runs: list[NotebookRun], started_at, clock) -> int:
    """Publish the staged run, or keep it beside `out` as a failed run; the exit code."""
    failures = [run for run in runs if not run.ok]
    if failures:
        failed = _failed_path(out, started_at)
        staging.rename(failed)
        for run in failures:
            print(f"error: notebook {run.name} failed in cell [{run.cell or '?'}]: {run.error}",
                  file=sys.stderr)
        kept = f"{out} keeps the previous report" if out.exists() else f"{out} was not created"
        print(f"error: {len(failures)} of {len(runs)} notebooks failed; {kept}; this run, with "
              f"the executed notebooks and their errors, is in {failed}", file=sys.stderr)
        return 1
    _publish(staging, out)
    print(f"report written to {out / 'index.html'} ({time.perf_counter() - clock:.1f} s)")
    return 0
