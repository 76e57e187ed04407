# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#       jupytext_version: 1.19.6
#   kernelspec:
#     display_name: Python (hostage-talks)
#     language: python
#     name: hostage-talks
# ---

# %% [markdown]
# # Casualty figures
#
# People killed and injured so far as each report states them, by report date, drawn over the
# official cumulative count of the Gaza Ministry of Health (the grey line). One-off tolls of a
# single event (the 7 October attack) are not running totals and have their own chart. Marker
# colour is the population, marker shape the qualifier (a triangle pointing up is "at least", down "nearly" or "up to", a
# diamond "about"), and a vertical bar a stated range. Below: the gap between each figure and
# the official value, and the figures that disagree with it beyond what their qualifier allows.
# When reports state Israeli tolls (a few thousand beside Gaza's tens of thousands), they get a
# panel with a scale of their own under the main chart.

# %% tags=["parameters"]
corpus = "../data/corpus"  # articles: a folder of .txt/.jsonl/.csv files, or one export file
tables_dir = None  # tables from `python -m analysis extract`, or None to extract the corpus first
output_dir = "../reports/lab/02_casualty_figures"  # this notebook writes files only here
start = None  # first report date shown, "YYYY-MM-DD", or None for no limit
end = None  # last report date shown, "YYYY-MM-DD", or None for no limit
model = None  # spaCy model (None: the rules-only pipeline), used only when tables_dir is None
reference_dir = "../data/reference"  # official and compiled reference series

# %%
from analysis.present import charts
from analysis.present import notebook_helpers as nh

nh.setup()
out = nh.output_folder(output_dir)
tables = nh.select_dates(nh.load_tables(tables_dir, corpus, output_dir, model), start, end)
official = nh.load_official_casualties(reference_dir)
nh.say(nh.figures_summary(tables.figures, nh.CASUALTY_METRICS, "casualty", start, end,
                          documents=tables.documents), nh.trust("figures"))

# %% [markdown]
# ## Killed

# %%
ax = charts.casualty_figures(tables.figures, official, metric="killed",
                             documents=tables.documents)
nh.save_chart(ax, out, "casualties_killed")

# %% [markdown]
# ## Injured

# %%
ax = charts.casualty_figures(tables.figures, official, metric="injured",
                             documents=tables.documents)
nh.save_chart(ax, out, "casualties_injured")

# %% [markdown]
# ## One-off tolls
#
# Figures of one event ("1,200 killed on 7 October"), one row per metric and population: they
# do not grow over time, so they are kept off the cumulative charts.

# %%
ax = charts.event_figures(tables.figures, metrics=nh.CASUALTY_METRICS)
nh.save_chart(ax, out, "event_tolls")

# %% [markdown]
# ## The figures
#
# Every casualty figure with the exact words that hold it (*Quote*: click it for the whole
# sentence, the number marked) and where they lie in the article (*characters*, the
# `start_char`-`end_char` of figures.csv). A report date inferred from the article's content
# says so under the date, with the window the true date lies in.

# %%
casualties = nh.figure_rows(tables.figures, nh.CASUALTY_METRICS)
nh.save_table(casualties, out, "casualty_figures")
nh.show(casualties, empty="No casualty figures were found.", documents=tables.documents)

# %% [markdown]
# ## Sub-counts and vague amounts
#
# Parts of a count ("including 12,300 children": *Part of the count* children; "20 of them
# believed alive": alive) and amounts without a number ("hundreds of": *Vague amount* ✓, valued
# at their lower bound). They are kept here but left out of the charts and the official comparison.

# %%
casualty_sub_counts = nh.sub_count_rows(tables.figures, nh.CASUALTY_METRICS)
nh.save_table(casualty_sub_counts, out, "casualty_sub_counts")
nh.show(casualty_sub_counts, empty="No casualty sub-counts or vague amounts were found.",
        documents=tables.documents)

# %% [markdown]
# ## Deviation from the official series
#
# Each figure next to the official value on its report date (and the day before, since
# reports often quote the previous day's count); *Gap to official* is the figure's distance
# from the official value in percent, and *Fits the official value* (✓/✗) whether that distance
# fits the qualifier ("at least", "about", ...). *Official source* says where the value comes
# from: the Gaza Ministry of Health's daily count for Palestinian tolls; for Israeli tolls there
# is no official daily series, and the value is one news sites reported (linked).

# %%
deviations = nh.deviation_table(tables.figures_vs_reference, nh.CASUALTY_METRICS)
nh.save_table(deviations, out, "deviations")
nh.say(nh.deviation_summary(deviations, tables.documents))

# %%
nh.show(deviations, empty="No figure could be compared with the official series.",
        documents=tables.documents)

# %% [markdown]
# ## Figures that disagree with the official value
#
# The figures whose value the official series does not support, given their qualifier; click
# a quote for the sentence it comes from, so each can be checked against the article.

# %%
disagreeing = nh.disagreements(tables.figures_vs_reference, tables.figures,
                               nh.CASUALTY_METRICS)
nh.save_table(disagreeing, out, "disagreements")
nh.show(disagreeing, empty="No figure disagrees with the official value beyond its qualifier.",
        documents=tables.documents)
