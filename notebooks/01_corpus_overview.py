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
# # Corpus overview
#
# What the corpus holds: every file read, the date each report carries (given in its text or
# metadata, inferred from its content within a window, or none), the files set aside and
# why, how the reports spread over time, and the people, places and organisations they
# mention most.

# %% tags=["parameters"]
# paths are relative to this notebooks/ folder
corpus = "../data/corpus"  # articles: a folder of .txt/.jsonl/.csv files, or one export file
tables_dir = None  # tables from `python -m analysis extract`, or None to extract the corpus first
output_dir = "../reports/lab/01_corpus_overview"  # this notebook writes files only here
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
nh.say(nh.corpus_summary(tables.documents, start, end), nh.trust("dates"))

# %% [markdown]
# ## Documents and their dates
#
# One row per readable report. *Date* says where its report date came from; for an inferred
# date, *Date window* is the span the true date lies in, *Confidence* how narrow that span is
# (high, medium, low) and *Evidence* what the inference used.

# %%
dates = nh.document_dates(tables.documents)
nh.save_table(dates, out, "document_dates")
nh.show(dates, empty="The corpus has no readable reports.", documents=tables.documents)

# %% [markdown]
# ## Files set aside
#
# Files that could not be read (rejected) or repeat another file's text (duplicate), with the
# reason. They are not analysed further.

# %%
problems = nh.problem_files(tables.documents)
nh.save_table(problems, out, "problem_files")
nh.show(problems, empty="No file was rejected or found to be a duplicate.")

# %% [markdown]
# ## Reports over time
#
# Readable reports per week of their report date (per month when they span more than a
# year), coloured and hatched by where the date came from: given in the article or its
# metadata, or inferred from its content (orange, hatched: less certain, see the table above
# for each window). Undated reports cannot be placed and are counted under the chart.

# %%
ax = charts.reports_over_time(tables.documents)
nh.save_chart(ax, out, "reports_over_time")

# %% [markdown]
# ## Most-mentioned people, places and organisations
#
# Named entities found by the spaCy model (`--model en_core_web_sm`; the rules-only pipeline
# names none), counted over all mentions; the small number after each bar is how many reports
# name it. A person's surname alone counts as their full name, "Gaza Strip" as "Gaza", and
# photo credits are not people. Without the model, the people and places of the meetings found
# are counted instead.

# %%
names = nh.named_entities(tables)
ax = charts.top_entities(names, labels=("PERSON",))
nh.save_chart(ax, out, "top_people")

# %%
ax = charts.top_entities(names, labels=("GPE", "LOC", "FAC"))
nh.save_chart(ax, out, "top_places")

# %%
ax = charts.top_entities(names, labels=("ORG",))
nh.save_chart(ax, out, "top_organisations")

# %%
mentions = nh.entity_counts(names, labels=("PERSON", "GPE", "LOC", "FAC", "ORG"),
                            n=30)
nh.save_table(mentions, out, "entity_counts")
nh.show(mentions, empty="No people, places or organisations were found.")
