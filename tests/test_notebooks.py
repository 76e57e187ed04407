"""The notebooks: their committed form (fast) and a full report on the bundled corpus (slow),
opened in headless Chromium."""

from __future__ import annotations

import ast
import html
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
NAMES = ["01_corpus_overview", "02_casualty_figures", "03_hostage_figures",
         "04_negotiation_rounds"]
PARAMETERS = {"corpus", "tables_dir", "output_dir", "start", "end", "model", "reference_dir"}

# The files each notebook writes into its output folder.
EXPECTED_FILES = {
    "01_corpus_overview": {"document_dates.csv", "problem_files.csv", "reports_over_time.png",
                           "top_people.png", "top_places.png", "top_organisations.png",
                           "entity_counts.csv"},
    "02_casualty_figures": {"casualties_killed.png", "casualties_injured.png",
                            "event_tolls.png", "casualty_figures.csv", "casualty_sub_counts.csv",
                            "deviations.csv", "disagreements.csv"},
    "03_hostage_figures": {"hostages.png", "hostages_released.png", "prisoners.png",
                           "prisoners_released.png", "hostage_figures.csv",
                           "hostage_sub_counts.csv", "reference_points.csv"},
    "04_negotiation_rounds": {"rounds_timeline.png", "rounds_per_month.png",
                              "participants_heatmap.png", "rounds.csv", "round_sources.csv",
                              "rounds_vs_reference.csv"},
}


def read(name: str, folder: Path = NOTEBOOKS):
    """The notebook `name` of `folder` (nbformat is imported where it is used: importing it
    builds jsonschema's IRI grammar, about 1.5 s of CPU)."""
    import nbformat

    return nbformat.read(folder / f"{name}.ipynb", as_version=4)


# ----------------------------------------------------------------------------- committed form


def test_the_four_notebooks_are_there():
    assert sorted(p.stem for p in NOTEBOOKS.glob("*.ipynb")) == NAMES
    assert sorted(p.stem for p in NOTEBOOKS.glob("*.py")) == NAMES


@pytest.mark.parametrize("name", NAMES)
def test_one_parameters_cell_with_literals_only(name):
    cells = [c for c in read(name).cells if "parameters" in c.metadata.get("tags", [])]
    assert len(cells) == 1, "exactly one cell tagged 'parameters'"
    tree = ast.parse(cells[0].source)
    names = set()
    for statement in tree.body:
        assert isinstance(statement, ast.Assign), ast.dump(statement)
        assert isinstance(statement.value, ast.Constant), f"not a literal: {ast.unparse(statement)}"
        names |= {target.id for target in statement.targets}
    assert names == PARAMETERS


@pytest.mark.parametrize("name", NAMES)
def test_committed_without_outputs(name):
    for cell in read(name).cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None
    assert read(name).metadata["kernelspec"]["name"] == "hostage-talks"


@pytest.mark.parametrize("name", NAMES)
def test_paired_script_matches_notebook(name):
    jupytext = pytest.importorskip("jupytext")
    script = jupytext.read(NOTEBOOKS / f"{name}.py")
    notebook = read(name)
    assert [(c.cell_type, c.source) for c in script.cells] == [
        (c.cell_type, c.source) for c in notebook.cells], (
        f"run: jupytext --sync notebooks/{name}.py")


@pytest.mark.parametrize("name", NAMES)
def test_reader_text_does_not_speak_of_hidden_code(name):
    """The pages hide the code and the parameters cell: a sentence on what the parameters'
    paths are relative to ('Paths in the parameters are relative to this notebooks/ folder',
    atop the corpus overview) spoke to no one who reads the page; it is a comment in the
    parameters cell now."""
    for cell in read(name).cells:
        if cell.cell_type == "markdown":
            assert "parameter" not in cell.source.lower(), cell.source[:200]


@pytest.mark.parametrize("name", NAMES)
def test_notebooks_are_thin(name):
    """No function or class definitions and few lines per code cell: logic lives in analysis."""
    for cell in read(name).cells:
        if cell.cell_type == "code":
            assert not re.search(r"^\s*(def|class) ", cell.source, re.MULTILINE)
            assert len(cell.source.splitlines()) <= 12


# ----------------------------------------------------------------------------- the report


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    from analysis.present.report import render_report

    out = tmp_path_factory.mktemp("report") / "out"
    before = sorted(p.name for p in NOTEBOOKS.iterdir())
    assert render_report(ROOT / "data" / "corpus", out, progress=False) == 0
    assert sorted(p.name for p in NOTEBOOKS.iterdir()) == before, "wrote into notebooks/"
    return out


@pytest.mark.slow
def test_report_has_every_page(report):
    assert (report / "index.html").exists()
    for name in NAMES:
        assert (report / f"{name}.html").exists()
        executed = read(name, report)
        errors = [o for c in executed.cells for o in c.get("outputs", [])
                  if o.get("output_type") == "error"]
        assert not errors
    assert {p.name for p in (report / "tables").iterdir()} >= {
        "documents.csv", "figures.csv", "meetings.csv", "rounds.csv",
        "figures_vs_reference.csv", "entities.csv"}
    assert not list(report.parent.glob(".out.staging-*"))


@pytest.mark.slow
@pytest.mark.parametrize("name", NAMES)
def test_each_notebook_writes_its_files_only_under_its_folder(report, name):
    assert {p.name for p in (report / name).iterdir()} == EXPECTED_FILES[name]
    pngs = [p for p in (report / name).glob("*.png")]
    assert all(p.read_bytes().startswith(b"\x89PNG") for p in pngs)
    top = {p.name for p in report.iterdir()}
    assert top == ({"index.html", "run.json", "tables"} | set(NAMES)
                   | {f"{n}.html" for n in NAMES} | {f"{n}.ipynb" for n in NAMES})


@pytest.mark.slow
@pytest.mark.parametrize("name", NAMES)
def test_html_is_self_contained(report, name):
    html = (report / f"{name}.html").read_text(encoding="utf-8")
    sources = re.findall(r'<img[^>]*\ssrc="([^"]*)"', html)
    assert sources, "the page shows its charts"
    assert all(src.startswith("data:image/png;base64,") for src in sources)
    assert not re.search(r'<script[^>]*\ssrc=', html), "no external scripts"
    assert not re.search(r'<link[^>]*href="https?:', html)
    assert 'class="report-toc"' in html and 'href="index.html"' in html


@pytest.mark.slow
def test_index_links_resolve(report):
    index = (report / "index.html").read_text(encoding="utf-8")
    links = re.findall(r'href="([^"#]+)"', index)
    assert {f"{n}.html" for n in NAMES} <= set(links)
    for link in links:
        assert (report / link).exists(), link


@pytest.mark.slow
def test_two_runs_give_the_same_report(report, tmp_path):
    from analysis.present.report import render_report

    again = tmp_path / "again"
    assert render_report(ROOT / "data" / "corpus", again, progress=False) == 0
    files = sorted(p.relative_to(report) for p in report.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(again) for p in again.rglob("*") if p.is_file())
    run_time = re.compile(r'<p id="run-time">.*?</p>', re.DOTALL)
    for relative in files:
        if relative.name == "run.json":
            continue
        first, second = (report / relative).read_bytes(), (again / relative).read_bytes()
        if relative.name == "index.html":
            first, second = (run_time.sub("", x.decode()) for x in (first, second))
        assert first == second, f"{relative} differs between runs"


@pytest.mark.slow
def test_notebook_runs_with_its_defaults_from_the_notebooks_folder(tmp_path):
    """As in JupyterLab: cwd notebooks/, no tables given, only the output folder changed."""
    import papermill

    out = tmp_path / "overview"
    papermill.execute_notebook(
        str(NOTEBOOKS / "01_corpus_overview.ipynb"), str(tmp_path / "executed.ipynb"),
        parameters={"output_dir": str(out)}, kernel_name="python3", cwd=str(NOTEBOOKS),
        progress_bar=False, execution_timeout=600)
    assert (out / "tables" / "documents.csv").exists()
    assert EXPECTED_FILES["01_corpus_overview"] <= {p.name for p in out.iterdir()}


# ----------------------------------------------------------------------------- Chromium

CHROMIUM_NAMES = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]

# Opens every page in a 1,280 px wide frame and reports, one JSON object a page: its height and
# width, images and broken images, interactive tables (itables: DataTables), code cells or
# prompts, and where the index's scores table ends. Measured after a pause, so that the tables'
# scripts have run.
HARNESS = """<!DOCTYPE html>
<html><body><pre id="result">pending</pre>
<script>
const pages = %s;
const results = [];
for (const page of pages) {
  const frame = document.createElement("iframe");
  frame.style.width = "1280px"; frame.style.height = "800px"; frame.style.border = "0";
  frame.onload = () => setTimeout(() => {
    const doc = frame.contentDocument;
    if (!doc) { results.push({page: page, error: "no-access"}); }
    else {
      const images = [...doc.images];
      results.push({
        page: page,
        height: doc.documentElement.scrollHeight,
        width: doc.documentElement.scrollWidth,
        images: images.length,
        broken: images.filter(i => !(i.complete && i.naturalWidth > 0)).length,
        tables: doc.querySelectorAll("table.dataTable").length,
        static_tables: doc.querySelectorAll(".jp-OutputArea-output table:not(.dataTable)")
          .length,
        remote: frame.contentWindow.performance.getEntriesByType("resource")
          .filter(e => /^(https?|wss?):/.test(e.name)).map(e => e.name),
        quality_bottom: (q => q ? Math.round(q.getBoundingClientRect().bottom) : null)(
          doc.querySelector("table.quality")),
        code: doc.querySelectorAll(".jp-CodeCell .jp-InputArea, .jp-InputPrompt, " +
                                   ".jp-OutputPrompt, .jp-InputArea-editor").length
              + (/(In|Out)\\s*\\[\\d*\\]:/.test(doc.body.innerText) ? 1 : 0),
      });
    }
    results.sort((a, b) => a.page < b.page ? -1 : 1);
    document.getElementById("result").textContent = JSON.stringify(results);
  }, 3000);
  frame.src = page;
  document.body.appendChild(frame);
}
</script></body></html>
"""
MAX_PAGE_HEIGHT = 15_000  # px at 1,280 px wide
WINDOW_WIDTH = 1280
FIRST_SCREEN = 800  # px: what a 1,280 x 800 window shows before any scrolling


def chromium_binary() -> str | None:
    for name in CHROMIUM_NAMES:
        path = shutil.which(name)
        if path:
            return path
    return None


def chromium(binary: str, profile: Path, *args: str) -> subprocess.CompletedProcess:
    command = [binary, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
               "--no-first-run", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
               f"--user-data-dir={profile}", "--allow-file-access-from-files",
               "--enable-logging=stderr", "--v=0", "--hide-scrollbars", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="module")
def browser():
    binary = chromium_binary()
    if binary is None:
        if os.environ.get("CI", "").lower() in {"1", "true", "yes"}:
            pytest.fail("chromium is required in CI (.ci/run installs Debian's chromium)")
        pytest.skip("headless Chromium not installed (apt-get install -y chromium); "
                    "required when CI=true")
    return binary


@pytest.fixture(scope="module")
def synthetic_report(tmp_path_factory):
    """The report on a 1,000-article synthetic corpus (bench/synthetic.py), rules-only."""
    sys.path.insert(0, str(ROOT / "bench"))
    from synthetic import make_corpus

    from analysis.present.report import render_report

    folder = tmp_path_factory.mktemp("synthetic")
    corpus = make_corpus(1000, folder / "corpus")
    out = folder / "out"
    assert render_report(corpus, out, progress=False, cache_dir=folder / "cache") == 0
    return out


# Real articles of the development sets (never the held-out test sets): the report as its
# users see it on news they collected, half of it undated, over two years.
REAL_SETS = ["realnews-40", "dev", "dev2", "dev3"]
REAL_PER_SET = 12


@pytest.fixture(scope="module")
def real_report(tmp_path_factory):
    """The report on the first REAL_PER_SET articles of each development set, rules-only."""
    from analysis.present.report import render_report

    folder = tmp_path_factory.mktemp("real")
    corpus = folder / "corpus"
    corpus.mkdir()
    for name in REAL_SETS:
        for path in sorted((ROOT / "data" / "eval" / name / "corpus").glob("*.txt"))[
                :REAL_PER_SET]:
            shutil.copy(path, corpus / path.name)
    out = folder / "out"
    assert render_report(corpus, out, progress=False, cache_dir=folder / "cache") == 0
    return out


def measure_pages(browser: str, report: Path, profile: Path) -> tuple[list[dict], list[str]]:
    """Each page's measures (see HARNESS) and the console messages of the report's pages."""
    pages = ["index.html"] + [f"{name}.html" for name in NAMES]
    harness = report / "_harness.html"
    harness.write_text(HARNESS % repr(pages), encoding="utf-8")
    try:
        result = chromium(browser, profile, "--virtual-time-budget=20000", "--dump-dom",
                          harness.as_uri())
    finally:
        harness.unlink()
    found = re.search(r'<pre id="result">(.*?)</pre>', result.stdout, re.DOTALL)
    assert found and found.group(1).startswith("["), result.stderr[-2000:]
    console = [line for line in result.stderr.splitlines()
               if ":CONSOLE" in line and "_harness.html" not in line]
    return json.loads(html.unescape(found.group(1))), console


def screenshots(browser: str, report: Path, profile: Path, measures: list[dict],
                folder: Path) -> list[Path]:
    """A full-page PNG of each page at the window's width (set HOSTAGE_TALKS_SCREENSHOTS=<folder>
    to keep them; docs/img/page_*.png are these, from the bundled corpus)."""
    folder.mkdir(parents=True, exist_ok=True)
    shots = []
    for page in measures:
        png = folder / page["page"].replace(".html", ".png")
        shot = chromium(browser, profile, f"--window-size={WINDOW_WIDTH},{page['height']}",
                        "--virtual-time-budget=5000", f"--screenshot={png}",
                        (report / page["page"]).as_uri())
        assert png.exists() and png.stat().st_size > 10_000, shot.stderr[-1000:]
        shots.append(png)
    return shots


@pytest.mark.slow
@pytest.mark.parametrize("which", ["report", "synthetic_report", "real_report"])
def test_pages_read_well_in_headless_chromium(which, request, browser, tmp_path):
    """What a reader opens: no code or prompts, every page shorter than MAX_PAGE_HEIGHT and no
    wider than the window, images loaded, tables interactive, no console messages."""
    report = request.getfixturevalue(which)
    measures, console = measure_pages(browser, report, tmp_path / "profile")
    assert [m["page"] for m in measures] == sorted(
        ["index.html"] + [f"{name}.html" for name in NAMES])
    for page in measures:
        name = page["page"]
        assert page["code"] == 0, f"{name}: code cells or prompts shown"
        assert page["height"] < MAX_PAGE_HEIGHT, f"{name}: {page['height']} px tall"
        assert page["width"] <= WINDOW_WIDTH, f"{name}: {page['width']} px wide"
        assert page["broken"] == 0, f"{name}: {page['broken']} images did not load"
        assert page["remote"] == [], f"{name} loaded from the network: {page['remote']}"
        if name == "index.html":
            assert page["quality_bottom"] and page["quality_bottom"] <= FIRST_SCREEN, (
                f"how good the extraction is: not in the first screen ({page['quality_bottom']})")
        else:
            assert page["images"] > 0, f"{name} shows no charts"
            assert page["tables"] > 0, f"{name}: no interactive table"
    assert not console, "console messages from the report pages:\n" + "\n".join(console)
    keep = os.environ.get("HOSTAGE_TALKS_SCREENSHOTS")
    folder = Path(keep) / which if keep else tmp_path / "screenshots"
    screenshots(browser, report, tmp_path / "profile", measures, folder)
    print(f"{which}: " + ", ".join(f"{m['page']} {m['height']} px" for m in measures),
          f"screenshots in {folder}", file=sys.stderr)


# ----------------------------------------------------------------------------- numbers shown


def page_text(report: Path, name: str) -> str:
    """The page's text as a reader sees it (tags removed, entities decoded)."""
    body = (report / f"{name}.html").read_text(encoding="utf-8")
    body = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", body, flags=re.DOTALL)
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", body)))


@pytest.fixture(scope="module")
def gold():
    import pandas as pd

    folder = ROOT / "data" / "gold"
    return {name: pd.read_csv(folder / f"{name}.csv", dtype=str, keep_default_na=False)
            for name in ("documents", "figures", "meetings")}


def _stated(gold_figures, metrics) -> tuple[int, int]:
    rows = gold_figures[gold_figures["metric"].isin(metrics)]
    return len(rows), rows["doc_id"].nunique()


@pytest.mark.slow
def test_overview_shows_the_gold_article_counts(report, gold):
    """The overview page: the articles read, how many carry their date in their text (gold
    `dated_in_text`) and that date beside each of them, the others all dated or undated."""
    text = page_text(report, "01_corpus_overview")
    documents = gold["documents"]
    n = len(documents)
    assert f"{n} files read: {n} readable, 0 rejected, 0 duplicate" in text
    in_text = documents[documents["dated_in_text"] == "true"]
    assert f"Of the readable reports, {len(in_text)} carry their date" in text
    for row in in_text.itertuples():
        assert f"{row.doc_id}.txt {row.report_date} given" in text, row.doc_id
    others = re.search(r"(\d+) have a date inferred from their content and (\d+) have none", text)
    assert others and int(others[1]) + int(others[2]) == n - len(in_text)


@pytest.mark.slow
def test_index_shows_the_gold_counts_and_latest_toll(report, gold):
    """The index's numbers at a glance: articles, figures stated, and the newest Gaza toll a
    report states (gold figures on the gold report dates)."""
    from analysis.present.display import VALUE_WORDS

    index = page_text(report, "index")
    assert f"Articles {len(gold['documents'])} read" in index
    assert f"Figures stated {len(gold['figures'])}" in index
    dates = gold["documents"].set_index("doc_id")["report_date"]
    figures = gold["figures"]
    tolls = figures[(figures["metric"] == "killed") & (figures["population"] == "palestinian")]
    latest = max(tolls.itertuples(), key=lambda row: dates[row.doc_id])
    words = VALUE_WORDS["qualifier"][latest.qualifier]
    assert (f"Latest Gaza death toll stated {int(latest.value):,} ({words}) in a report of "
            f"{dates[latest.doc_id]}" in index)


@pytest.mark.slow
def test_casualty_page_shows_the_gold_figures(report, gold):
    from analysis.present.notebook_helpers import CASUALTY_METRICS

    text = page_text(report, "02_casualty_figures")
    figures, reports = _stated(gold["figures"], CASUALTY_METRICS)
    assert f"{figures} casualty figures in {reports} reports" in text
    largest = max(int(v) for v, m in zip(gold["figures"]["value"], gold["figures"]["metric"])
                  if m == "killed")
    assert f"{largest:,}" in text, "the largest stated toll, with thousands separators"
    assert "hostages held" not in text.split("Deviation from the official series")[-1], (
        "hostage rows are not in the casualty page's comparison")


@pytest.mark.slow
def test_hostage_page_shows_the_gold_figures(report, gold):
    from analysis.present.notebook_helpers import HOSTAGE_TABLE_METRICS

    text = page_text(report, "03_hostage_figures")
    figures, reports = _stated(gold["figures"], HOSTAGE_TABLE_METRICS)
    assert f"{figures} hostage and prisoner figures in {reports} reports" in text
    held = gold["figures"][gold["figures"]["metric"] == "prisoners_held"]["value"]
    assert all(f"{int(v):,}" in text for v in held)


@pytest.mark.slow
def test_rounds_page_shows_the_gold_meetings(report, gold):
    text = page_text(report, "04_negotiation_rounds")
    dated = sorted(d for d in gold["meetings"]["date"] if d)
    found = re.search(r"(\d+) rounds of talks found in all reports, from (\S+) to (\S+)\."
                      r"(?: (\d+) (?:has|have) no known date\.)?", text)
    assert found, "the rounds sentence"
    total, first, last, undated = found.groups()
    assert (first, last) == (dated[0], dated[-1])
    assert int(total) - int(undated or 0) == len(set(dated))


def _held_out_range(measure: str) -> str:
    """'80–89 %': the held-out sets' range of `measure`, read straight from the scores file."""
    import pandas as pd

    from analysis.present.quality import QUALITY_FILE

    scores = pd.read_csv(QUALITY_FILE)
    values = sorted(int(v * 100 + 0.5 + 1e-9)
                    for v in scores.loc[scores["kind"] == "held_out", measure])
    return f"{values[0]}–{values[-1]} %"


@pytest.mark.slow
def test_each_page_opens_with_how_far_to_trust_it(report):
    """A page sent on its own, without the index: its opening paragraph says how far to trust
    what it shows, with the scores measured on the held-out sets."""
    expected = {
        "01_corpus_overview": [f"{_held_out_range('undated_within_3d')} of the undated "
                               "articles were dated within 3 days",
                               f"{_held_out_range('undated_left_undated')} were left undated"],
        "02_casualty_figures": [f"{_held_out_range('figures_exact_p')} of the figures found "
                                "were right in every part",
                                f"{_held_out_range('figures_exact_r')} of those the articles "
                                "state were found"],
        "04_negotiation_rounds": [f"F1 of {_held_out_range('meetings_f1')}",
                                  f"{_held_out_range('rounds_recall')} of the known rounds",
                                  f"{_held_out_range('rounds_precision')} of the dated rounds "
                                  "found were real"],
    }
    expected["03_hostage_figures"] = expected["02_casualty_figures"]
    for name, parts in expected.items():
        text = page_text(report, name)
        opening = text[:text.index("How far to trust") + 400]
        assert all(part in opening for part in parts), (name, opening[-400:])
        headings = [m.start() for m in re.finditer(r"¶", text)]
        assert text.index("How far to trust") < headings[1], f"{name}: not in the opening"


@pytest.mark.slow
def test_default_pages_show_no_code_prompts_or_parameters(report):
    html = (report / "02_casualty_figures.html").read_text(encoding="utf-8")
    assert "save_chart" not in html and "In&nbsp;[" not in html
    assert "injected-parameters" not in html and "reference_dir" not in html
    assert "data:image/png;base64," in html and "Deviation from the official series" in html
    executed = read("02_casualty_figures", report)
    assert any("save_chart" in cell.source for cell in executed.cells)  # analysts keep the code


@pytest.mark.slow
def test_show_code_puts_the_code_into_the_page(report, tmp_path):
    from analysis.present.report import export_html

    executed = tmp_path / "02_casualty_figures.ipynb"
    shutil.copy(report / executed.name, executed)
    html = export_html(executed, show_code=True).read_text(encoding="utf-8")
    assert "save_chart" in html and "reference_dir" in html


# ----------------------------------------------------------------------------- real articles


DATA_JSON = re.compile(r'"data_json": ("(?:[^"\\]|\\.)*")')


def table_text(report: Path, name: str) -> str:
    """The text of every row of the page's interactive tables, all pages of them (itables
    embeds the rows as JSON for DataTables; page_text sees only what is drawn before it runs)."""
    body = (report / f"{name}.html").read_text(encoding="utf-8")
    cells = [cell for found in DATA_JSON.findall(body) for row in json.loads(json.loads(found))
             for cell in row]
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", " ".join(map(str, cells)))))


def real_tables(report: Path) -> dict:
    import pandas as pd

    return {name: pd.read_csv(report / "tables" / f"{name}.csv", dtype=str,
                              keep_default_na=False)
            for name in ("documents", "figures", "rounds", "rounds_vs_reference",
                         "figures_vs_reference")}


@pytest.mark.slow
def test_real_index_numbers_are_the_tables(real_report):
    """The index's numbers, recounted from the tables: articles by how they are dated, figures
    by what the pages chart, rounds dated or not and the known rounds they cover, and the
    newest Gaza toll (saying whether its report date was inferred)."""
    from analysis.present.notebook_helpers import CASUALTY_METRICS, HOSTAGE_TABLE_METRICS

    t = real_tables(real_report)
    index = page_text(real_report, "index")
    ok = t["documents"][t["documents"]["status"] == "ok"]
    inferred = ok[(ok["date_source"] == "inferred") & (ok["report_date"] != "")]
    given = ok[ok["date_source"].isin(["header", "metadata"])]
    undated = ok[ok["report_date"] == ""]
    assert len(inferred) and len(undated) < len(inferred), "the sample has inferred dates"
    assert (f"Articles {len(ok)} read: {len(given)} dated in their text or metadata, "
            f"{len(inferred)} with a date inferred from their content") in index
    figures = t["figures"]
    whole = figures[(figures["group"] == "all") & (figures["vague"] == "false")]
    casualty = whole["metric"].isin(CASUALTY_METRICS).sum()
    hostage = whole["metric"].isin(HOSTAGE_TABLE_METRICS).sum()
    assert (f"Figures stated {len(figures)} in {figures['doc_id'].nunique()} reports: "
            f"{casualty} casualty and {hostage} hostage or prisoner counts") in index
    rounds, check = t["rounds"], t["rounds_vs_reference"]
    dated = (rounds["start_date"] != "").sum()
    known = check["status"].isin(["reported", "not_reported"]).sum()
    assert (f"Negotiation rounds {len(rounds)} ({dated} dated, {len(rounds) - dated} without "
            f"a known date); {(check['status'] == 'reported').sum()} of the {known} known "
            "rounds") in index
    tolls = t["figures_vs_reference"]
    tolls = tolls[(tolls["metric"] == "killed") & (tolls["population"] == "palestinian")
                  & (tolls["official_value"] != "")]
    newest = tolls[tolls["report_date"] == tolls["report_date"].max()]
    fits = newest[newest["consistent"].str.lower() != "false"]  # a misread toll is not headlined
    value = int((fits if len(fits) else newest)["value"].astype(float).max())
    line = f"Latest Gaza death toll stated {value:,} ("
    assert line in index and f"in a report of {newest['report_date'].iloc[0]}" in index
    assert ("does not fit it" in index) == fits.empty
    was_inferred = newest["doc_id"].iloc[0] in set(inferred["doc_id"])
    assert ("a date inferred from its content" in index) == was_inferred


@pytest.mark.slow
def test_real_figure_tables_give_span_and_inferred_window(real_report):
    """Every casualty and hostage figure shown gives its character span; every figure of a
    report dated by inference gives that report's window under its date; the summary counts
    them; machine-readable terms never show."""
    import pandas as pd

    t = real_tables(real_report)
    windows = t["documents"][t["documents"]["date_source"] == "inferred"].set_index("doc_id")
    for name, table in (("02_casualty_figures", "casualty_figures"),
                        ("03_hostage_figures", "hostage_figures")):
        text = page_text(real_report, name) + table_text(real_report, name)
        rows = pd.read_csv(real_report / name / f"{table}.csv", dtype=str,
                           keep_default_na=False)
        assert len(rows) and {"sentence", "start_char", "end_char"} <= set(rows.columns)
        for row in rows.itertuples():
            span = f"characters {int(row.start_char):,}–{int(row.end_char):,}"
            assert span in text, (name, row.doc_id, span)
        guessed = rows[rows["doc_id"].isin(windows.index) & (rows["report_date"] != "")]
        assert len(guessed), f"{name}: figures from reports with an inferred date"
        for doc_id in set(guessed["doc_id"]):
            start, end = windows.loc[doc_id, ["date_window_start", "date_window_end"]]
            if start != end:
                assert f"inferred: {start} to {end}" in text, (name, doc_id)
        n, reports = len(guessed), guessed["doc_id"].nunique()
        assert f" {n} {'comes' if n == 1 else 'come'} from {reports} report" in text
    assert "truce_days=" not in page_text(real_report, "04_negotiation_rounds")
    deviations = pd.read_csv(real_report / "02_casualty_figures" / "deviations.csv", dtype=str,
                             keep_default_na=False)
    fits = deviations["consistent"].str.lower() == "true"
    guessed = deviations["doc_id"].isin(windows.index)
    assert (f"{fits.sum()} of {len(deviations)} figures fit the reference value given their "
            f"qualifier: {(fits & ~guessed).sum()} of the {(~guessed).sum()} from reports dated "
            f"in their text or metadata, {(fits & guessed).sum()} of the {guessed.sum()} from "
            "reports whose date was inferred") in page_text(real_report, "02_casualty_figures")


@pytest.mark.slow
def test_real_rounds_page_checks_the_record_in_words(real_report):
    """The check against the record: one line per known round, its days and place in one cell,
    the rounds found for it by id with their days and places, and the rounds without a date
    that could not be checked."""
    t = real_tables(real_report)
    text = (page_text(real_report, "04_negotiation_rounds")
            + table_text(real_report, "04_negotiation_rounds"))
    check = t["rounds_vs_reference"]
    for row in check[check["status"] == "reported"].itertuples():
        ids = ", ".join(row.round_ids.split(";"))
        assert f"{ids}: " in text, row.round_ids
        assert f"{row.reference_start}, {row.reference_place}" in text or row.reference_end
    known = check["status"].isin(["reported", "not_reported"]).sum()
    assert (f"Of {known} known rounds in the period of the reports, the corpus reports "
            f"{(check['status'] == 'reported').sum()};") in text, "the check's summary is shown"
    undated = (t["rounds"]["start_date"] == "").sum()
    if undated:
        noun = "round" if undated == 1 else "rounds"
        assert f"{undated} {noun} without a known date cannot be checked against it." in text


@pytest.mark.slow
def test_real_charts_adapt_to_what_they_show(real_report):
    """Reports over two years are counted per month; an empty chart is one line tall; Israeli
    cumulative tolls, when stated, get their own panel (a taller image)."""
    from PIL import Image

    from analysis.present import charts

    t = real_tables(real_report)
    overview = real_report / "01_corpus_overview"
    assert Image.open(overview / "top_organisations.png").height == round(
        charts.EMPTY_HEIGHT * 100), "rules-only: no organisations, one line"
    figures = t["figures"]
    israeli = figures[(figures["metric"] == "killed") & (figures["population"] == "israeli")
                      & (figures["scope"] == "cumulative") & (figures["group"] == "all")
                      & (figures["report_date"] != "")]
    killed = Image.open(real_report / "02_casualty_figures" / "casualties_killed.png")
    assert (killed.height > 550) == (len(israeli) > 0)
    executed = read("01_corpus_overview", real_report)
    assert any("reports_over_time" in cell.source for cell in executed.cells)


# Clicks the title of a table's "Figure" column twice and searches for a quote's character
# span; reports the column's first page of values each time and the rows the search finds.
SORT_HARNESS = """<!DOCTYPE html>
<html><body><pre id="result">pending</pre>
<script>
const frame = document.createElement("iframe");
frame.style.width = "1280px"; frame.style.height = "800px";
const wait = (ms) => new Promise(done => setTimeout(done, ms));
frame.onload = async () => {
  await wait(3000);
  const doc = frame.contentDocument;
  const table = doc.querySelector("table.dataTable");
  const heads = [...table.querySelectorAll("thead th")];
  const at = heads.findIndex(h => h.textContent.trim() === "Figure");
  const column = () => [...table.querySelectorAll("tbody tr")].map(
    r => r.children[at].textContent.trim());
  const out = {first: column()};
  heads[at].querySelector(".dt-column-title").click(); await wait(300); out.up = column();
  heads[at].querySelector(".dt-column-title").click(); await wait(300); out.down = column();
  const search = doc.querySelector("input[type=search]");
  search.value = %s;
  search.dispatchEvent(new Event("input", {bubbles: true}));
  search.dispatchEvent(new KeyboardEvent("keyup", {bubbles: true}));
  await wait(500);
  out.found = [...table.querySelectorAll("tbody tr")].map(r => r.textContent);
  document.getElementById("result").textContent = JSON.stringify(out);
};
frame.src = %s;
document.body.appendChild(frame);
</script></body></html>
"""


@pytest.mark.slow
def test_real_tables_sort_by_their_titles_and_find_any_row(real_report, browser, tmp_path):
    """A click on a column's title sorts it (itables' default sorted only from the small
    arrows), numbers with thousands separators as numbers; the search box finds a figure on
    any page by its character span."""
    import pandas as pd

    rows = pd.read_csv(real_report / "02_casualty_figures" / "casualty_figures.csv")
    last = rows.iloc[-1]
    span = f"characters {int(last.start_char):,}–{int(last.end_char):,}"
    harness = real_report / "_sort.html"
    harness.write_text(SORT_HARNESS % (json.dumps(span), json.dumps("02_casualty_figures.html")),
                       encoding="utf-8")
    try:
        result = chromium(browser, tmp_path / "profile", "--virtual-time-budget=20000",
                          "--dump-dom", harness.as_uri())
    finally:
        harness.unlink()
    found = re.search(r'<pre id="result">(.*?)</pre>', result.stdout, re.DOTALL)
    assert found and found.group(1).startswith("{"), result.stderr[-2000:]
    out = json.loads(html.unescape(found.group(1)))
    values = sorted(rows["value"].astype(int))
    assert out["up"][0] == f"{values[0]:,}" and out["down"][0] == f"{values[-1]:,}"
    assert [int(v.replace(",", "")) for v in out["up"]] == values[:len(out["up"])]
    assert out["found"] and all(span in row for row in out["found"])
    assert any(last.doc_id in row for row in out["found"])
