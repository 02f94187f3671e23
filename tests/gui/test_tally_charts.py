"""The monthly chart's axis: every month named over a short period, each year over a long
one (a label per month over years was slow to lay out and unreadable)."""
from __future__ import annotations

from PySide6.QtCharts import QBarCategoryAxis, QCategoryAxis

from core.tallies import Group, Tally
from gui.tally_charts import MONTH_LABELS, monthly_chart


def _tally(first: str, last: str) -> Tally:
    return Tally(date_from=f"{first}-01", date_to=f"{last}-28", status="approved", by="month", civilian="civilian",
                 groups=[Group(key=first, killed=3), Group(key=last, killed=5)])


def _month_axis(chart):  # noqa: ANN001, ANN202
    (axis,) = [a for a in chart.axes() if isinstance(a, QBarCategoryAxis | QCategoryAxis)]
    return axis


def test_a_year_of_months_names_each_month(qapp):
    chart = monthly_chart(_tally("2016-01", "2016-12"))
    axis = _month_axis(chart)
    assert isinstance(axis, QBarCategoryAxis) and axis.categories()[:2] == ["01/16", "02/16"]
    assert len(axis.categories()) == 12 <= MONTH_LABELS
    assert chart.series()[0].count() == 12


def test_years_of_months_name_each_year_at_its_january(qapp):
    for rtl in (False, True):
        chart = monthly_chart(_tally("2012-03", "2023-12"), rtl=rtl)
        axis = _month_axis(chart)
        assert isinstance(axis, QCategoryAxis)
        assert axis.categoriesLabels() == [str(y) for y in (range(2013, 2024) if not rtl else range(2023, 2012, -1))]
        months = 12 * 12 - 2
        assert chart.series()[0].count() == months
        january_2013 = 10 if not rtl else months - 1 - 10
        assert axis.endValue("2013") == january_2013
