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
# # Negotiation rounds
#
# Meetings and rounds of talks the reports describe, merged across reports into rounds: when
# and where they took place, who took part, what was on the table, and which reports say so.
# Two reports describe one round when their days agree within a day (a meeting without a day
# stands for the two weeks around its report), their places agree (Doha is in Qatar) and they
# share participants. A round whose reports give no day has no known date: it is in the tables
# but not on the charts. Dates come from the reports, some of which were dated by inference
# (see the corpus overview), so a round's date is as good as its reports'. A meeting of a report
# with no date of its own takes a day from its words within the report's date window ("July 6"),
# or from a known round of the record on the weekday it names (its summary then says so).

# %% tags=["parameters"]
corpus = "../data/corpus"  # articles: a folder of .txt/.jsonl/.csv files, or one export file
tables_dir = None  # tables from `python -m analysis extract`, or None to extract the corpus first
output_dir = "../reports/lab/04_negotiation_rounds"  # this notebook writes files only here
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
rounds = nh.rounds_with_status(tables.rounds, tables.meetings)
nh.say(nh.rounds_summary(rounds, start, end), nh.trust("rounds"))

# %% [markdown]
# ## Timeline
#
# Each round at its date (a line for rounds over several days) and country (a city in its
# country's row: Doha is in Qatar's); marker area grows with the number of participants;
# filled circles were held, hollow squares planned.

# %%
ax = charts.rounds_timeline(rounds)
nh.save_chart(ax, out, "rounds_timeline")

# %% [markdown]
# ## Rounds per month

# %%
ax = charts.rounds_per_month(rounds)
nh.save_chart(ax, out, "rounds_per_month")

# %% [markdown]
# ## Who took part, and when
#
# The most frequent participants, and in each month (each quarter when the rounds span more
# than two years) how many rounds they attended; the number after each name is all their dated
# rounds (the rounds without a date are in the tables below).

# %%
ax = charts.participants_heatmap(rounds, top=15)
nh.save_chart(ax, out, "participants_heatmap")

# %% [markdown]
# ## The rounds
#
# One line per round: when, where, who, the terms reported and the articles behind it.

# %%
nh.save_table(rounds.reindex(columns=nh.ROUND_DISPLAY_COLUMNS), out, "rounds")
nh.show(nh.round_lines(rounds), empty="No negotiation rounds were found.",
        documents=tables.documents)

# %% [markdown]
# ## Sources of each round
#
# Every report behind each round, with the words that describe the meeting and where they
# lie in the article (*characters*, the `start_char`-`end_char` of meetings.csv).

# %%
sources = nh.round_sources(rounds, tables.meetings, tables.documents)
nh.save_table(sources, out, "round_sources")
nh.show(sources, empty="No negotiation rounds were found, so there are no sources to list.",
        documents=tables.documents)

# %% [markdown]
# ## Rounds against the record
#
# Each round of talks known from the reporting (`data/reference/negotiation_rounds.csv`) in
# the period of the reports: whether the corpus reports it and from which articles; then each
# dated round found here that matches no known round (a round the record lacks, or a round
# built wrongly). Rounds match when their days meet (within a day) and their places agree.
# *Known round* gives its days and place, *Known round: source* links the report the record
# was compiled from, and *Found rounds* the rounds of this corpus that match it (ids as in the
# table above, their days and places).

# %%
check = tables.rounds_vs_reference
nh.save_table(check, out, "rounds_vs_reference")
nh.say(nh.reference_summary(check, rounds))

# %%
nh.show(nh.reference_lines(check), empty="No known round lies in the period of the reports.",
        documents=tables.documents)
