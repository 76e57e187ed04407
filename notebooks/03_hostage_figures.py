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
# # Hostage figures
#
# Hostages taken, still held, dead among those held and released, and Palestinian prisoners
# held and released, as each report states them, by report date; held and released are
# charted apart. Colour is the metric, marker shape the qualifier; crosses are the figures
# news sites reported, compiled in `data/reference/israel_hostage_figures_reported.csv`
# (a reported series, not an official one). Different reports
# count on different bases (with or without the four people held before 7 October, Israelis
# only or everyone), so read the quote before comparing values.

# %% tags=["parameters"]
corpus = "../data/corpus"  # articles: a folder of .txt/.jsonl/.csv files, or one export file
tables_dir = None  # tables from `python -m analysis extract`, or None to extract the corpus first
output_dir = "../reports/lab/03_hostage_figures"  # this notebook writes files only here
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
reported = nh.load_reported_hostages(reference_dir)
nh.say(nh.figures_summary(tables.figures, nh.HOSTAGE_TABLE_METRICS, "hostage and prisoner",
                          start, end, documents=tables.documents), nh.trust("figures"))

# %% [markdown]
# ## Hostages held

# %%
ax = charts.hostage_figures(tables.figures, reported, documents=tables.documents,
                            metrics=charts.HOSTAGE_PANELS["hostages_held"][0])
nh.save_chart(ax, out, "hostages")

# %% [markdown]
# ## Hostages released

# %%
ax = charts.hostage_figures(tables.figures, reported, documents=tables.documents,
                            metrics=charts.HOSTAGE_PANELS["hostages_released"][0])
nh.save_chart(ax, out, "hostages_released")

# %% [markdown]
# ## Prisoners held

# %%
ax = charts.hostage_figures(tables.figures, reported, documents=tables.documents,
                            metrics=charts.HOSTAGE_PANELS["prisoners_held"][0])
nh.save_chart(ax, out, "prisoners")

# %% [markdown]
# ## Prisoners released

# %%
ax = charts.hostage_figures(tables.figures, reported, documents=tables.documents,
                            metrics=charts.HOSTAGE_PANELS["prisoners_released"][0])
nh.save_chart(ax, out, "prisoners_released")

# %% [markdown]
# ## The figures
#
# Every hostage and prisoner figure with the exact words that hold it (*Quote*: click it for
# the whole sentence, the number marked) and where they lie in the article (*characters*, the
# `start_char`-`end_char` of figures.csv). A report date inferred from the article's content
# says so under the date, with the window the true date lies in.

# %%
hostage_figures = nh.figure_rows(tables.figures, nh.HOSTAGE_TABLE_METRICS)
nh.save_table(hostage_figures, out, "hostage_figures")
nh.show(hostage_figures, empty="No hostage or prisoner figures were found.",
        documents=tables.documents)

# %% [markdown]
# ## Sub-counts and vague amounts
#
# Parts of a count ("including 12,300 children": *Part of the count* children; "20 of them
# believed alive": alive) and amounts without a number ("hundreds of": *Vague amount* ✓, valued
# at their lower bound). They are kept here but left out of the charts and the official comparison.

# %%
hostage_sub_counts = nh.sub_count_rows(tables.figures, nh.HOSTAGE_TABLE_METRICS)
nh.save_table(hostage_sub_counts, out, "hostage_sub_counts")
nh.show(hostage_sub_counts, empty="No hostage and prisoner sub-counts or vague amounts were found.",
        documents=tables.documents)

# %% [markdown]
# ## Reported reference points
#
# Figures news sites reported (a compiled series, not an official one) within two months of
# the reports' dates, each with its quote and source.

# %%
points = nh.reference_points(reported, hostage_figures)
nh.save_table(points, out, "reference_points")
nh.show(points, empty="No reported reference points fall near these reports.")
