"""The charts of the tallies panel: killed people by perpetrator, split into children,
women, men and unknown; and killed people per month. Mirrored in right-to-left."""
from __future__ import annotations

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QCategoryAxis,
    QChart,
    QHorizontalStackedBarSeries,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import QCoreApplication, QMargins, Qt
from PySide6.QtGui import QColor, QPen

from core import report, vocab
from core.tallies import Tally

# Beyond this many months the axis names years, not every month: a label per month over
# twelve years (144 turned labels) took the window 25-50 ms to lay out at every update.
MONTH_LABELS = 24

# Colours distinguishable in print and by readers with a red-green deficiency.
COLOURS = {"children": "#E69F00", "women": "#CC79A7", "men": "#0072B2", "unknown": "#999999"}


def _category_names() -> dict[str, str]:
    return {
        "children": QCoreApplication.translate("TalliesView", "Children"),
        "women": QCoreApplication.translate("TalliesView", "Women"),
        "men": QCoreApplication.translate("TalliesView", "Men"),
        "unknown": QCoreApplication.translate("TalliesView", "Unknown"),
    }


def _chart(title: str, rtl: bool) -> QChart:
    chart = QChart()
    chart.setTitle(title)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    chart.setLocalizeNumbers(True)
    chart.setLayoutDirection(Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight)
    return chart


def perpetrator_chart(tally: Tally, rtl: bool = False) -> QChart:
    """Horizontal stacked bars, the largest party on top; bars grow leftwards in RTL."""
    chart = _chart(QCoreApplication.translate("TalliesView", "Killed by perpetrator"), rtl)
    groups = list(reversed(tally.groups))  # a horizontal bar chart draws the first category at the bottom
    series = QHorizontalStackedBarSeries()
    names = _category_names()
    for category in ("children", "women", "men", "unknown"):
        bar_set = QBarSet(names[category])
        bar_set.setColor(QColor(COLOURS[category]))
        bar_set.setBorderColor(QColor(COLOURS[category]))
        bar_set.append([float(getattr(g, category)) for g in groups])
        series.append(bar_set)
    chart.addSeries(series)
    categories = QBarCategoryAxis()
    categories.append([vocab.label("perpetrator", g.key) for g in groups] or [""])
    values = QValueAxis()
    values.setLabelFormat("%.0f")
    values.setRange(0, max([g.killed for g in groups] or [1]) * 1.05)
    values.applyNiceNumbers()
    values.setReverse(rtl)
    chart.addAxis(categories, Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft)
    chart.addAxis(values, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(categories)
    series.attachAxis(values)
    return chart


def monthly_chart(tally: Tally, rtl: bool = False) -> QChart:
    """Killed per month as a line; time runs right to left in RTL."""
    chart = _chart(QCoreApplication.translate("TalliesView", "Killed per month"), rtl)
    chart.legend().hide()
    series = QLineSeries()
    series.setName(QCoreApplication.translate("TalliesView", "Killed"))
    pen = QPen(QColor(COLOURS["men"]))
    pen.setWidth(2)
    series.setPen(pen)
    series.setPointsVisible(True)
    killed = {g.key: g.killed for g in tally.groups}
    keys = report.months_between(tally.date_from, tally.date_to, list(killed))
    if rtl:  # the newest month on the left
        keys = keys[::-1]
    for i, month in enumerate(keys):
        series.append(float(i), float(killed.get(month, 0)))
    chart.addSeries(series)
    months = _month_axis(keys)
    values = QValueAxis()
    values.setLabelFormat("%.0f")
    values.setRange(0, max(list(killed.values()) or [1]) * 1.1)
    values.applyNiceNumbers()
    chart.addAxis(months, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(values, Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(months)
    series.attachAxis(values)
    return chart


def _month_axis(keys: list[str]) -> QBarCategoryAxis | QCategoryAxis:
    """Every month named (MM/YY) over a short period; over a long one, each year at its
    first month shown."""
    if len(keys) <= MONTH_LABELS:
        axis = QBarCategoryAxis()
        axis.append([f"{m[5:7]}/{m[2:4]}" for m in keys] or [""])
        if len(keys) > 8:
            axis.setLabelsAngle(-90)
        return axis
    years = QCategoryAxis()
    years.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
    years.setRange(0, len(keys) - 1)
    for position, month in enumerate(keys):  # positions grow as QCategoryAxis wants them
        if month.endswith("-01"):
            years.append(month[:4], float(position))
    return years
