"""analysis.rules.numbers: numbers as news reports write them (no model needed)."""

from __future__ import annotations

import pytest

from analysis.rules.numbers import find_numbers, parse_number, words_to_int

CASES = [
    # text, value, low, high, vague
    ("26,422", 26422, None, None, False),
    ("1,200", 1200, None, None, False),
    ("240", 240, None, None, False),
    ("1.9 million", 1_900_000, None, None, False),
    ("1.7m", 1_700_000, None, None, False),
    ("2 million", 2_000_000, None, None, False),
    ("a hundred", 100, None, None, False),
    ("A hundred", 100, None, None, False),
    ("one hundred and five", 105, None, None, False),
    ("three hundred and twelve", 312, None, None, False),
    ("twenty-five", 25, None, None, False),
    ("nine", 9, None, None, False),
    ("one", 1, None, None, False),
    ("a dozen", 12, None, None, False),
    ("two dozen", 24, None, None, False),
    ("half a million", 500_000, None, None, False),
    ("three thousand and 415", 3415, None, None, False),  # translated copy: words, then digits
    ("14 thousand and 62", 14062, None, None, False),
    ("a million", 1_000_000, None, None, False),
    ("dozens", 12, 12, None, True),
    ("scores", 20, 20, None, True),
    ("hundreds", 100, 100, None, True),
    ("thousands", 1000, 1000, None, True),
    ("tens of thousands", 10_000, 10_000, None, True),
    ("hundreds of thousands", 100_000, 100_000, None, True),
    ("between 20 and 30", 20, 20, 30, False),
    ("between twenty and thirty", 20, 20, 30, False),
    ("20 to 30", 20, 20, 30, False),
    ("20-30", 20, 20, 30, False),
    ("1,000 to 1,500", 1000, 1000, 1500, False),
]


@pytest.mark.parametrize("text,value,low,high,vague", CASES)
def test_parse_number(text, value, low, high, vague):
    number = parse_number(text)
    assert number is not None, text
    assert (number.value, number.low, number.high, number.vague) == (value, low, high, vague)


@pytest.mark.parametrize("text", ["Hamas", "an attack", "a deal", "someone", ""])
def test_not_numbers(text):
    assert parse_number(text) is None
    assert find_numbers(text) == []


def test_find_numbers_offsets():
    text = "Some 1,200 people were killed and 240 taken; a hundred were freed, dozens more hurt."
    found = find_numbers(text)
    assert [n.value for n in found] == [1200, 240, 100, 12]
    for number in found:
        assert text[number.start:number.end] == number.text


def test_words_to_int_refuses_non_numbers():
    assert words_to_int("hostages") is None
    assert words_to_int("a") == 1


def test_libraries_notes():
    """What text2num's alpha2digit gets wrong, which numbers.py handles itself."""
    from text_to_num import alpha2digit

    assert alpha2digit("a hundred", "en") == "a 100"        # the article is not read as one
    assert alpha2digit("1.9 million", "en") == "1.9 1000000"  # digit + scale not multiplied
    assert alpha2digit("hundreds", "en") == "100"           # a vague plural read as exact
    assert parse_number("hundreds").vague


def test_plain_space_grouping_before_punctuation():
    """ "stands at 45 000, the ministry said": a space-grouped number before a comma or a full
    stop is one number; "45 000,5" (a decimal comma) is not read as one."""
    from analysis.rules.numbers import find_numbers

    assert [n.value for n in find_numbers("The toll stands at 45 000, it said.")] == [45000]
    assert [n.value for n in find_numbers("The toll reached 45 000.")] == [45000]
    assert 45000 not in [n.value for n in find_numbers("a ratio of 45 000,5")]


def test_a_fall_told_with_to_is_a_range_whose_new_value_is_last():
    """ "down from 1,400 to 1,140": the range is kept (the reading decides), not dropped."""
    (number,) = find_numbers("revised its death toll down from 1,400 to 1,140")
    assert (number.low, number.high, number.value) == (1400, 1140, 1140)
    assert find_numbers("a score of 30-20") == []  # a hyphen's fall is no range
