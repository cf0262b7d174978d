"""The server-rendered pieces: the documents-per-month chart (empty months kept, a count axis)."""
import re

import pytest

from sitrep.web.render import count_ticks, timeline_svg


def test_the_chart_keeps_empty_months_between_the_first_and_the_last():
    chart = str(timeline_svg([("2023-11", 3), ("2024-02", 7), ("2024", 4)]))
    labels = re.findall(r"<title>([^<]+)</title>", chart)
    assert labels == ["2023-11: 3 documents", "2023-12: 0 documents", "2024-01: 0 documents", "2024-02: 7 documents"]
    assert chart.count("<rect") == 4 and 'height="0.0"' in chart


def test_the_chart_has_a_count_axis_with_round_ticks():
    chart = str(timeline_svg([("2024-01", 1), ("2024-02", 17)]))
    assert re.findall(r'<text class="tick"[^>]*>(\d+)</text>', chart) == ["0", "5", "10", "15", "20"]
    assert '<line class="axis"' in chart and chart.count('<line class="grid"') == 5
    tallest = max(float(h) for h in re.findall(r'<rect [^>]*height="([\d.]+)"', chart))
    assert tallest == pytest.approx(122 * 17 / 20, abs=0.1)  # drawn against the top tick, not the top count


def test_a_long_period_labels_at_most_twelve_months():
    chart = str(timeline_svg([("2020-01", 1), ("2023-12", 2)]))
    assert chart.count("<rect") == 48 and len(re.findall(r'<text x=[^>]*>\d{4}-\d{2}</text>', chart)) <= 12


@pytest.mark.parametrize("top, ticks", [(0, [0, 1]), (1, [0, 1]), (5, [0, 1, 2, 3, 4, 5]), (6, [0, 2, 4, 6]),
                                        (17, [0, 5, 10, 15, 20]), (99, [0, 20, 40, 60, 80, 100]),
                                        (2300, [0, 500, 1000, 1500, 2000, 2500])])
def test_count_ticks_are_round_and_cover_the_top(top, ticks):
    assert count_ticks(top) == ticks


def test_nothing_dated_says_so():
    assert "No dated documents" in str(timeline_svg([("2024", 2)]))
