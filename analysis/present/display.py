"""Tables for readers: what the report pages show in place of the machine-readable CSVs.

A shown table has human headers ("Report date", not ``report_date``), numbers with thousands
separators, ✓/✗ for yes/no, metric and qualifier names in words ("at least", "hostages held"),
each article as a link named by its title and outlet where the corpus gives them (else its
file name), long texts folded under their first words, and every cell HTML-escaped. In the
HTML it is sortable and searchable (itables, the DataTables library embedded in the page by
:func:`init`, nothing loaded from the network). The CSV files the notebooks write keep the
raw columns; only what is shown changes.

>>> frame = pd.DataFrame({"report_date": ["2024-01-28"], "value": ["26422"],
...                       "consistent": ["true"], "qualifier": ["lower_bound"]})
>>> for_readers(frame).to_dict("records")
[{'Report date': '<span style="white-space:nowrap">2024-01-28</span>', 'Figure': '26,422', \
'Fits the official value': '✓', 'Qualifier': 'at least'}]
"""

from __future__ import annotations

import hashlib
import html
import re
from urllib.parse import urlparse

import pandas as pd

# Column name -> header a reader understands. Columns not listed keep their name, with
# underscores as spaces and a capital first letter.
HEADERS = {
    "doc_id": "Article", "doc_ids": "Articles", "report_date": "Report date",
    "metric": "What", "population": "Population", "qualifier": "Qualifier", "value": "Figure",
    "low": "Low", "high": "High", "group": "Part of the count", "vague": "Vague amount",
    "attributed_to": "Attributed to", "quote": "Quote", "sentence": "Sentence",
    "official_date": "Official date", "official_value": "Official value",
    "official_value_day_before": "Official value the day before",
    "deviation_pct": "Gap to official", "consistent": "Fits the official value",
    "official_source": "Official source", "source_url": "Source", "source_path": "File",
    "status": "Status", "error": "Reason", "date": "Date", "window": "Date window",
    "evidence": "Evidence", "text": "Name", "label": "Kind", "mentions": "Mentions",
    "articles": "Articles", "round_id": "Round", "round_ids": "Rounds",
    "start_date": "First day", "end_date": "Last day", "location": "Place",
    "participants": "Participants", "n_reports": "Reports", "terms": "Terms",
    "summary": "Summary", "sources": "Sources", "line": "Round",
    "reference_start": "Known round: first day", "reference_end": "Known round: last day",
    "reference_place": "Known round: place",
    "reference_participants": "Known round: participants", "round_start": "Found: first day",
    "round_location": "Found: place",
    "reported_date": "Reported date", "reported_value": "Reported value",
    "reported_value_day_before": "Reported value the day before",
    "reported_source": "Reported by", "reported_deviation_pct": "Gap to reported",
    "reference_event": "Known round: what", "reference_source": "Known round: source",
    "range": "Stated range", "known_round": "Known round", "found_rounds": "Found rounds",
}

# Cell values in words, per column.
VALUE_WORDS = {
    "qualifier": {"exact": "exact", "approx": "about", "lower_bound": "at least",
                  "upper_bound": "at most"},
    "metric": {"killed": "killed", "injured": "injured", "hostages_taken": "hostages taken",
               "hostages_held": "hostages held", "hostages_dead": "dead among hostages held",
               "hostages_released": "hostages released", "prisoners_held": "prisoners held",
               "prisoners_released": "prisoners released"},
    "status": {"reported": "reported", "not_reported": "not in the corpus",
               "not_in_reference": "not in the record"},
    "label": {"PERSON": "person", "GPE": "place", "LOC": "place", "FAC": "place",
              "ORG": "organisation", "NORP": "group"},
}
NUMBER_COLUMNS = {"value", "low", "high", "official_value", "official_value_day_before",
                  "reported_value", "reported_value_day_before", "mentions", "articles",
                  "n_reports"}
YES_NO_COLUMNS = {"consistent", "vague"}
ARTICLE_COLUMNS = {"doc_id", "doc_ids"}
URL_COLUMNS = {"source_url", "url", "reference_source"}
SERIES_SOURCE_COLUMNS = {"official_source", "reported_source"}  # 'file.column (source)'
# figures_vs_reference.csv's `official_source` in words: the Gaza daily series by who published
# the day's count (data/reference/README.md), a compiled reported figure by its news site.
DAILY_SERIES_SOURCES = {
    "mohtel": "Gaza Ministry of Health (Telegram), daily count",
    "gmotel": "Gaza Government Media Office (Telegram), daily count",
    "missing": "Gaza daily series, a day without a report (filled in)",
}
LIST_COLUMNS = {"participants", "round_ids", "round_start", "round_location"}  # 'a;b' -> 'a; b'
# What a deal puts on the table (rounds.csv `terms`, 'truce_days=7,60; hostages=132'), in words.
TERM_WORDS = {"truce_days": "truce of {} days", "hostages": "{} hostages",
              "prisoners": "{} prisoners", "phases": "{} phases"}
SHOWN_ARTICLES = 3  # more articles than this in a cell are folded
FOLD_AT = 140  # characters; longer texts are folded under their first words
PAGE_LENGTH = 10
DATE_COLUMNS = {"report_date", "date", "start_date", "end_date", "official_date",
                "reported_date", "reference_start", "reference_end"}  # kept on one line


def header(column: str) -> str:
    """The header shown for `column`.

    >>> header("official_value_day_before"), header("n_words")
    ('Official value the day before', 'N words')
    """
    if column in HEADERS:
        return HEADERS[column]
    text = column.replace("_", " ").strip()
    return text[:1].upper() + text[1:]


def _nowrap(text: str) -> str:
    """`text` escaped, kept on one line (a date is not cut at its hyphens)."""
    return f'<span style="white-space:nowrap">{html.escape(text)}</span>'


def _missing(value) -> bool:
    if value is None or value is pd.NA:
        return True
    return isinstance(value, float) and pd.isna(value) or str(value).strip() in ("", "nan")


def number(value) -> str:
    """'26,422' for 26422 or '26422'; '12.5' stays; text is kept as it is.

    >>> number("26422"), number(1200.0), number("12.5"), number("about 10")
    ('26,422', '1,200', '12.5', 'about 10')
    """
    if _missing(value):
        return ""
    try:
        parsed = float(str(value).replace(",", ""))
    except ValueError:
        return str(value)
    return f"{parsed:,.0f}" if parsed == int(parsed) else f"{parsed:,}"


def yes_no(value) -> str:
    """✓ for true, ✗ for false, empty when unknown.

    >>> yes_no("true"), yes_no(False), yes_no("")
    ('✓', '✗', '')
    """
    text = "" if _missing(value) else str(value).strip().lower()
    return {"true": "✓", "1": "✓", "yes": "✓", "false": "✗", "0": "✗", "no": "✗"}.get(text, text)


def percent(value) -> str:
    """'+3.1 %' for 3.1, '−0.7 %' for -0.7.

    >>> percent("-0.72"), percent(13)
    ('−0.7 %', '+13.0 %')
    """
    if _missing(value):
        return ""
    try:
        parsed = float(value)
    except ValueError:
        return str(value)
    return f"{parsed:+.1f} %".replace("-", "−")


def outlet(url) -> str:
    """The site of a URL without 'www.'.

    >>> outlet("https://www.reuters.com/world/x"), outlet("")
    ('reuters.com', '')
    """
    if _missing(url):
        return ""
    host = urlparse(str(url)).netloc.lower()
    return host[4:] if host.startswith("www.") else host


def link(url, text=None) -> str:
    """An escaped link to an http(s) URL opening in a new tab; other text escaped as is."""
    if _missing(url):
        return ""
    url = str(url).strip()
    if not re.match(r"https?://", url):
        return html.escape(url)
    label = html.escape(text or outlet(url) or url)
    return (f'<a href="{html.escape(url, quote=True)}" target="_blank" '
            f'rel="noopener noreferrer">{label}</a>')


SERIES_SOURCE = re.compile(r"^(?P<series>[\w.]+)\s*\((?P<source>[^()]*)\)\s*$")


def series_source(value) -> str:
    """Where a reference value comes from, in words (HTML): the Gaza daily series by who
    published that day's count; a figure news sites reported, linked to the page (a reported
    value, not an official one); anything else escaped as it is.

    >>> series_source("gaza_daily_casualties.killed_cum (mohtel)")
    'Gaza Ministry of Health (Telegram), daily count'
    >>> series_source("israel_hostage_figures_reported.israel_killed_oct7 (https://www.x.com/a)")
    'reported by <a href="https://www.x.com/a" target="_blank" rel="noopener noreferrer">x.com</a>'
    """
    if _missing(value):
        return ""
    found = SERIES_SOURCE.match(str(value).strip())
    if not found:
        return html.escape(str(value))
    source = found["source"].strip()
    if re.match(r"https?://", source):
        return "reported by " + link(source)
    return html.escape(DAILY_SERIES_SOURCES.get(source, f"{found['series']} ({source})"))


def fold(text, at: int = FOLD_AT) -> str:
    """Escaped text; past `at` characters folded (a <details> showing its first words).

    >>> fold("short")
    'short'
    >>> fold("word " * 40, at=30)[:34]
    '<details><summary>word word word …'
    """
    if _missing(text):
        return ""
    text = str(text)
    if len(text) <= at:
        return html.escape(text)
    limit = max(at - 20, at // 2)
    cut = text.rfind(" ", 0, limit)
    cut = cut if cut > 0 else limit
    return (f"<details><summary>{html.escape(text[:cut])} …</summary>"
            f"{html.escape(text[cut:])}</details>")


def article_index(documents: pd.DataFrame | None) -> dict[str, str]:
    """doc_id -> the article as a reader names it: a link with its title and outlet when the
    corpus gives a URL, else its title (or file name) with the outlet."""
    if documents is None or documents.empty:
        return {}
    names = {}
    for row in documents.to_dict("records"):
        title = "" if _missing(row.get("title")) else str(row["title"]).strip()
        site = outlet(row.get("url"))
        name = title or ("" if _missing(row.get("source_path")) else str(row["source_path"]))
        name = name or str(row["doc_id"])
        label = f"{name} ({site})" if site else name
        names[str(row["doc_id"])] = (link(row["url"], label) if site
                                     else html.escape(label))
    return names


def _articles(value, names: dict[str, str]) -> str:
    """The articles of a cell ('a;b;c'), one a line, folded past SHOWN_ARTICLES."""
    ids = [part.strip() for part in str(value).split(";") if part.strip()]
    shown = [names.get(doc_id, html.escape(doc_id)) for doc_id in ids]
    if len(shown) <= SHOWN_ARTICLES:
        return "<br>".join(shown)
    return (f"<details><summary>{len(shown)} articles: {shown[0]} …</summary>"
            f"{'<br>'.join(shown[1:])}</details>")


def _cell(column: str, value, names: dict[str, str]) -> str:
    """One cell for readers (HTML, escaped)."""
    if _missing(value):
        return ""
    if column in ARTICLE_COLUMNS:
        return _articles(value, names)
    if column in NUMBER_COLUMNS:
        return number(value)
    if column in YES_NO_COLUMNS:
        return yes_no(value)
    if column in ("deviation_pct", "reported_deviation_pct"):
        return percent(value)
    if column in URL_COLUMNS:
        return link(value)
    if column in SERIES_SOURCE_COLUMNS:
        return series_source(value)
    if column in VALUE_WORDS:
        return html.escape(VALUE_WORDS[column].get(str(value), str(value).replace("_", " ")))
    if column in DATE_COLUMNS:
        return _nowrap(str(value))
    if column in LIST_COLUMNS:
        return html.escape("; ".join(p.strip() for p in str(value).split(";") if p.strip()))
    if column == "terms":
        return html.escape(terms_in_words(value))
    if column == "sources":  # already HTML, built by the caller from escaped parts
        return str(value)
    return fold(value)


def terms_in_words(terms) -> str:
    """rounds.csv's `terms` in words (TERM_WORDS; other keys as 'key: value').

    >>> terms_in_words("truce_days=7,60; hostages=132,all; phases=3; fuel=daily")
    'truce of 7 or 60 days; 132 or all hostages; 3 phases; fuel: daily'
    """
    parts = []
    for item in str(terms).split(";"):
        key, _, value = item.strip().partition("=")
        if not key.strip():
            continue
        value = " or ".join(v.strip() for v in value.split(",") if v.strip())
        pattern = TERM_WORDS.get(key.strip())
        parts.append(pattern.format(value) if pattern and value else
                     f"{key.strip().replace('_', ' ')}: {value}".rstrip(": "))
    return "; ".join(parts)


def _span(start, end) -> str:
    """'characters 1,204–1,219' (HTML, the numbers on one line): where a quote lies in its
    article's text ('' when unknown)."""
    try:
        return "characters " + _nowrap(f"{int(float(start)):,}–{int(float(end)):,}")
    except (TypeError, ValueError):
        return ""


def quote_cell(quote, sentence=None, start=None, end=None) -> str:
    """A quote as readers see it: the exact words that hold the number; when the sentence is
    known, a click opens it with the quote marked; under it, the quote's character span in the
    article (start_char-end_char of the tables). Escaped.

    >>> quote_cell("at least 5", "Police: at least 5 <b>died</b>.", 12, 22)
    '<details><summary>at least 5</summary>Police: <mark>at least 5</mark> \
&lt;b&gt;died&lt;/b&gt;.</details><small>characters <span \
style="white-space:nowrap">12–22</span></small>'
    >>> quote_cell("at least 5", None, 12, 22)
    'at least 5<br><small>characters <span style="white-space:nowrap">12–22</span></small>'
    """
    quote = "" if _missing(quote) else str(quote)
    span = _span(start, end)
    span = f"<small>{span}</small>" if span else ""
    if _missing(sentence) or str(sentence).strip() == quote.strip():
        folded = fold(quote)  # a <details> block when long: the span goes under it anyway
        return folded + ("<br>" if span and not folded.endswith("</details>") else "") + span
    sentence = str(sentence)
    at = sentence.find(quote) if quote else -1
    marked = (html.escape(sentence[:at]) + f"<mark>{html.escape(quote)}</mark>"
              + html.escape(sentence[at + len(quote):])) if at >= 0 else html.escape(sentence)
    summary = html.escape(quote if len(quote) <= FOLD_AT else quote[:FOLD_AT] + " …")
    return f"<details><summary>{summary}</summary>{marked}</details>{span}"


def stated_range(low, high) -> str:
    """'34,000–35,000' for a stated range (low below high); '' for a single number, whose
    bound the qualifier already says.

    >>> stated_range(34000, 35000), stated_range(1400, 1400), stated_range(None, 90)
    ('34,000–35,000', '', '')
    """
    try:
        low, high = float(low), float(high)
    except (TypeError, ValueError):
        return ""
    return f"{number(low)}–{number(high)}" if high > low else ""


def inferred_dates(documents: pd.DataFrame | None) -> dict[str, str]:
    """doc_id -> 'inferred: 2024-03-01 to 2024-03-09' (HTML, each date kept on one line) for
    articles whose report date was inferred from their content (documents.csv), so every
    table can say so beside the date."""
    if documents is None or documents.empty or "date_source" not in documents:
        return {}
    rows = documents[documents["date_source"] == "inferred"]
    notes = {}
    for row in rows.to_dict("records"):
        start, end = row.get("date_window_start"), row.get("date_window_end")
        known = not _missing(start) and not _missing(end) and str(start) != str(end)
        notes[str(row["doc_id"])] = ("inferred: " + _nowrap(str(start)) + " to "
                                     + _nowrap(str(end)) if known else "inferred")
    return notes


# Columns shown inside another column's cell: the sentence and span in the quote's, the
# high end of a range in the low end's.
FOLDED_INTO = {"sentence": "quote", "start_char": "quote", "end_char": "quote", "high": "low"}


def _column_cells(frame: pd.DataFrame, column: str, names: dict[str, str],
                  dates: dict[str, str]) -> tuple[str, list[str]]:
    """(header, cells) of one shown column, with what FOLDED_INTO folds into it."""
    def values(name):
        return frame[name] if name in frame.columns else [None] * len(frame)

    if column == "quote":
        cells = [quote_cell(*row) for row in zip(frame["quote"], values("sentence"),
                                                 values("start_char"), values("end_char"))]
        return header(column), cells
    if column == "low" and "high" in frame.columns:
        return header("range"), [stated_range(lo, hi) for lo, hi in zip(frame["low"],
                                                                        frame["high"])]
    cells = [_cell(column, value, names) for value in frame[column]]
    if column == "report_date" and dates and "doc_id" in frame.columns:
        cells = [f"{cell}<br><small>{dates[str(doc)]}</small>"
                 if cell and str(doc) in dates else cell
                 for cell, doc in zip(cells, frame["doc_id"])]
    return header(column), cells


def for_readers(frame: pd.DataFrame, documents: pd.DataFrame | None = None) -> pd.DataFrame:
    """`frame` as shown to readers: human headers, cells formatted and HTML-escaped (links and
    folded texts are HTML). Column names starting with '_' are dropped; a quote carries its
    sentence and character span (FOLDED_INTO), low and high are one 'Stated range', and a
    report date inferred from the article's content says so, with its window.

    >>> for_readers(pd.DataFrame({"doc_id": ["a"], "quote": ["<b>"]})).iloc[0].tolist()
    ['a', '&lt;b&gt;']
    """
    names = article_index(documents)
    dates = inferred_dates(documents) if "window" not in frame.columns else {}
    shown = pd.DataFrame(index=frame.index)
    for column in frame.columns:
        column = str(column)
        if column.startswith("_") or (column == "source_path" and names
                                      and "doc_id" in frame.columns):
            continue  # the article's name already says which file it is
        if column in FOLDED_INTO and FOLDED_INTO[column] in frame.columns:
            continue
        name, cells = _column_cells(frame, column, names, dates)
        if column == "low" and not any(cells):
            continue  # no figure states a range: no empty 'Stated range' column
        shown[name] = cells
    return shown.reset_index(drop=True)


def plain(frame: pd.DataFrame) -> pd.DataFrame:
    """The reader table without HTML (for a terminal)."""
    return frame.map(lambda v: html.unescape(re.sub(r"<[^>]+>", " ", str(v))).strip())


def init(connected: bool = False) -> None:
    """Embed the interactive table library in the notebook's output (offline: no network)."""
    import itables

    itables.init_notebook_mode(all_interactive=False, connected=connected)


def _table_id(frame: pd.DataFrame) -> str:
    """A stable id for a table (itables' default is random, so two runs would differ)."""
    digest = hashlib.sha1(pd.util.hash_pandas_object(frame, index=False).values.tobytes()
                          + "|".join(map(str, frame.columns)).encode()).hexdigest()
    return "T_" + digest[:10]


def interactive_html(shown: pd.DataFrame, caption: str | None = None) -> str:
    """The DataTables HTML for a reader table: sortable (a click on a column's title, not only
    on its small arrows: itables' default left the title selectable and sorted only from the
    arrows), searchable, 10 rows a page. A wide
    table scrolls sideways inside its output box (the report's CSS), not the page; DataTables'
    own scrollX is off, as it splits the header from the body and misaligns them."""
    import itables

    return itables.to_html_datatable(
        shown, caption=caption, table_id=_table_id(shown), allow_html=True, showIndex=False,
        connected=False, pageLength=PAGE_LENGTH, lengthMenu=[10, 25, 100],
        autoWidth=False, classes="display compact", maxBytes=0,
        style="width:100%;font-size:12px", order=[], warn_on_undocumented_option=False,
        display_logo_when_loading=False, text_in_header_can_be_selected=False)
