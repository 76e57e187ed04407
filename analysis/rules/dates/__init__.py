"""Find date expressions in news text and resolve them against an article's report date.

>>> import datetime as dt
>>> sunday = dt.date(2024, 1, 28)
>>> resolve("on Tuesday", sunday).date
datetime.date(2024, 1, 23)
>>> resolve("this Sunday", sunday).date          # the report day itself, not a week earlier
datetime.date(2024, 1, 28)
>>> resolve("Nov. 9", sunday).date               # no year: the last Nov 9 on/before the report
datetime.date(2023, 11, 9)
>>> r = resolve("the end of November", sunday); (r.date, r.end, r.precision)
(datetime.date(2023, 11, 21), datetime.date(2023, 11, 30), 'month')
>>> resolve("in the coming days", sunday).planned
True
>>> [t for _, _, t in find_dates("Met on Tuesday, after talks on Nov 9.")]
['on Tuesday', 'Nov 9']

The package: :mod:`.words` (word tables) -> :mod:`.finding` (date expressions, tense),
:mod:`.resolving` (a date against a report date) -> :mod:`.durations`, :mod:`.tenses`
(an event's relation to the report), :mod:`.weeks` (events of the week and coming days),
:mod:`.named` (the timeline's events, offices, holidays in a text) -> :mod:`.signals`
(:func:`date_signals`, every signal of an article).

The public functions:

- :func:`find_dates` locates date expressions (regular expressions built from the word tables
  of :mod:`.words`) and returns ``(start, end, text)`` spans;
- :func:`resolve` turns one expression into a :class:`ResolvedDate` (a day, or a week/month span,
  and whether it refers to the future);
- :func:`date_signals` gives every dating signal of an article (for the ``date_finder``
  component and :mod:`analysis.assemble.dating`), :func:`day_precise` whether words name a
  day (for the meeting rules).

``dateparser`` (with ``RELATIVE_BASE`` = report date and ``PREFER_DATES_FROM`` from the tense)
resolves day-level forms: month-day in any order, explicit years, ``yesterday``, ``today``,
``N days ago``. Our own rules cover what it gets wrong or cannot do (tests/test_dates.py shows
each case):

- a weekday named in a report published on that weekday ("met on Sunday" in a Sunday report,
  "this Sunday"): dateparser returns the day a week earlier; we return the report day;
- weekday with future tense on the same weekday: dateparser is right (next week), we agree;
- spans: "last week", "this week", "this weekend", "overnight Monday-Tuesday", "the end of
  November", "early January", "mid-February", "November 2023": dateparser returns None or a
  single day (``last week`` -> the day seven days earlier), we return the span;
- "the coming days", "the next few weeks": dateparser returns None; we mark them planned;
- month-day in a future-tense sentence ("will meet on Feb 3" in a January report) follows
  PREFER_DATES_FROM=future; in past or unknown tense the year is the report year, or the year
  before when that date would lie after the report date.
"""

from __future__ import annotations

from analysis.rules.dates.durations import (  # noqa: F401
    HOLIDAY_MARGIN,
    WAR_START,
)
from analysis.rules.dates.finding import (  # noqa: F401
    find_dates,
    find_dates_typed,
    tense_of,
)
from analysis.rules.dates.resolving import (  # noqa: F401
    resolve,
)
from analysis.rules.dates.signals import (  # noqa: F401
    date_signals,
)
from analysis.rules.dates.tenses import (  # noqa: F401
    day_precise,
)
from analysis.rules.dates.words import (  # noqa: F401
    WEEKDAY_NAMES,
    WEEKDAYS,
    ResolvedDate,
)
