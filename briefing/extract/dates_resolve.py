"""Turning a scanned date expression into ISO values: filling missing years, resolving relative
dates against the publication date, converting Hijri dates.

Values are ISO 8601 at the precision the text gives: ``2024-01-31``, ``2024-01``, ``2024``.
A Gregorian date whose year cannot be found at all keeps ISO's yearless form (``--01``,
``--01-31``) so the month is not lost; Hijri months and years cover several Gregorian months,
so they become ranges of Gregorian days. Seasons are ranges of months (meteorological: three
months from March, June, September and December; a winter is named by the year of its January),
decades and centuries ranges of years (the 19th century is 1801-1900). A time of day alone
says nothing of its day: it stays relative.
"""

from __future__ import annotations

import calendar as gregorian_calendar
from dataclasses import dataclass, replace
from datetime import date, timedelta

from hijridate import Gregorian, Hijri

from briefing.extract.dates_scan import (
    CalendarDate,
    ClockTime,
    DateNode,
    Expression,
    RelativeDate,
    Weekday,
    YearSpan,
)

_SEASON_FIRST_MONTH = {"spring": 3, "summer": 6, "autumn": 9, "winter": 12}
_SEASON_MONTHS = 3
_YEARS_IN_A_CENTURY = 100


@dataclass(frozen=True)
class YearHints:
    """Where a missing year comes from: the nearest explicit year of each calendar in the
    article, and the article's publication date."""

    gregorian: int | None = None
    hijri: int | None = None
    published: date | None = None


@dataclass(frozen=True)
class Normalised:
    value: str | None
    end_value: str | None
    granularity: str  # "day" | "month" | "year" | "range" | "relative"
    modifier: str | None
    inferred: bool


@dataclass(frozen=True)
class _Value:
    """One resolved date: ``start`` and, for a span of days (a Hijri month, a week), ``end``."""

    start: str | None
    end: str | None
    granularity: str
    inferred: bool


def normalise(expression: Expression, hints: YearHints) -> Normalised:
    """The ISO value, range end, granularity, modifier and inferred flag of ``expression``."""
    modifier = " ".join(expression.modifiers) or None
    first = _resolve(expression.date, hints)
    if expression.last is None:
        return Normalised(first.start, first.end, first.granularity, modifier, first.inferred)
    last = _resolve(expression.last, hints)
    if "relative" in (first.granularity, last.granularity):  # no publication date to count from
        return Normalised(None, None, "relative", modifier, False)
    return Normalised(
        first.start, last.end or last.start, "range", modifier, first.inferred or last.inferred
    )


def _resolve(node: DateNode, hints: YearHints) -> _Value:
    if isinstance(node, CalendarDate):
        return _season(node, hints.published) if node.season else _calendar(node, hints)
    if isinstance(node, YearSpan) and node.century is not None:
        return _years(node, node.century)
    if isinstance(node, YearSpan) and node.decade is not None and hints.published is None:
        # تسعينيات القرن الماضي with no date to count from: the 20th, as for التسعينيات alone
        return _years(replace(node, assumed=True), 20)
    if hints.published is None or isinstance(node, ClockTime):
        return _Value(None, None, "relative", False)
    if isinstance(node, YearSpan):
        return _years(node, _century_of(hints.published.year) + node.century_offset)
    if isinstance(node, Weekday):
        return _Value(_weekday(node, hints.published).isoformat(), None, "day", True)
    return _relative(node, hints.published)


def _calendar(node: CalendarDate, hints: YearHints) -> _Value:
    year, inferred = node.year, False
    if year is None and node.month is not None:
        year = _inferred_year(node, hints)
        inferred = year is not None
    if node.calendar == "hijri":
        return _hijri(year, node.month, node.day, inferred)
    granularity = "day" if node.day is not None else "month" if node.month is not None else "year"
    if year is None:
        return _Value(_yearless(node.month, node.day), None, granularity, False)
    if node.month is None:
        return _Value(f"{year:04d}", None, granularity, inferred)
    if node.day is None:
        return _Value(f"{year:04d}-{node.month:02d}", None, granularity, inferred)
    try:
        return _Value(date(year, node.month, node.day).isoformat(), None, granularity, inferred)
    except ValueError:  # 30 February: kept, but without a value
        return _Value(None, None, granularity, inferred)


def _inferred_year(node: CalendarDate, hints: YearHints) -> int | None:
    """The year of a month written without one: from الماضي/المقبل or من العام الماضي and the
    publication date, else the nearest explicit year of the same calendar in the article, else
    the year around publication where the month falls closest (ديسمبر in a January article
    is last December)."""
    published = _published_in(node.calendar, hints.published)
    if published is not None and node.year_offset is not None:
        return published[0] + node.year_offset
    if published is not None and node.occurrence:
        year, month = published
        if node.occurrence < 0:
            return year if node.month < month else year - 1
        return year if node.month > month else year + 1
    explicit = hints.gregorian if node.calendar == "gregorian" else hints.hijri
    if explicit is not None:
        return explicit
    if published is None:
        return None
    year, month = published
    # Past first on a tie: news reports what happened more than what will.
    return min(
        (year - 1, year, year + 1), key=lambda y: (abs((y - year) * 12 + node.month - month), y)
    )


def _published_in(calendar: str, published: date | None) -> tuple[int, int] | None:
    """The publication date's year and month in ``calendar``."""
    if published is None:
        return None
    if calendar == "gregorian":
        return published.year, published.month
    try:
        hijri = Gregorian(published.year, published.month, published.day).to_hijri()
    except OverflowError:
        return None
    return hijri.year, hijri.month


def _yearless(month: int | None, day: int | None) -> str | None:
    """ISO 8601's form for a month or day without a year; None for a day no month has."""
    if day is None:
        return f"--{month:02d}"
    leap_year = 2000  # so that 29 February, valid in some year, is kept
    if day > gregorian_calendar.monthrange(leap_year, month)[1]:
        return None
    return f"--{month:02d}-{day:02d}"


def _hijri(year: int | None, month: int | None, day: int | None, inferred: bool) -> _Value:
    """A Hijri date as Gregorian: a day, or the span of days a Hijri month or year covers."""
    granularity = "day" if day is not None else "range"
    if year is None:
        return _Value(None, None, "month" if day is None else "day", False)
    try:
        if day is not None:
            return _Value(
                Hijri(year, month, day).to_gregorian().isoformat(), None, granularity, inferred
            )
        first_month, last_month = (month, month) if month is not None else (1, 12)
        first = Hijri(year, first_month, 1).to_gregorian()
        last = Hijri(year, last_month, 1)
        last = Hijri(year, last_month, last.month_length()).to_gregorian()
    except (ValueError, OverflowError):  # outside 1343-1500 AH, or a day the month does not have
        return _Value(None, None, granularity, inferred)
    return _Value(first.isoformat(), last.isoformat(), granularity, inferred)


def _century_of(year: int) -> int:
    return (year - 1) // _YEARS_IN_A_CENTURY + 1


def _years(node: YearSpan, century: int) -> _Value:
    """The years of a century (1801-1900 for the 19th) or of a decade of it (1980-1989)."""
    first = (century - 1) * _YEARS_IN_A_CENTURY + 1
    last = century * _YEARS_IN_A_CENTURY
    if node.decade is not None:
        first = (century - 1) * _YEARS_IN_A_CENTURY + node.decade
        last = first + 9
    inferred = node.assumed or node.century_offset is not None
    return _Value(f"{first:04d}", f"{last:04d}", "range", inferred)


def _season(node: CalendarDate, published: date | None) -> _Value:
    """A season's months: of its year, or of the one before, after or around publication."""
    if node.year is not None:
        year, inferred = node.year, False
    elif published is None:
        return _Value(None, None, "relative", False)
    else:
        year, inferred = _season_year(node, published), True
    first = _season_start(node.season, year)
    last = first + _SEASON_MONTHS - 1
    return _Value(_month_iso(first), _month_iso(last), "range", inferred)


def _season_year(node: CalendarDate, published: date) -> int:
    """The year of الصيف الماضي (the last one over), المقبل (the next to begin), هذا الصيف
    (the one nearest publication) and صيف العام الماضي."""
    if node.year_offset is not None:
        return published.year + node.year_offset
    now = published.year * 12 + published.month - 1
    years = range(published.year - 1, published.year + 3)
    starts = {year: _season_start(node.season, year) for year in years}
    if node.occurrence == -1:
        return max(year for year in years if starts[year] + _SEASON_MONTHS - 1 < now)
    if node.occurrence == 1:
        return min(year for year in years if starts[year] > now)

    def distance(year: int) -> int:
        return max(starts[year] - now, now - (starts[year] + _SEASON_MONTHS - 1), 0)

    return min(years, key=distance)


def _season_start(season: str, year: int) -> int:
    """The season's first month counted from year 0 (winter 2019 starts in December 2018)."""
    first = year * 12 + _SEASON_FIRST_MONTH[season] - 1
    return first - 12 if season == "winter" else first


def _month_iso(months: int) -> str:
    return f"{months // 12:04d}-{months % 12 + 1:02d}"


def _weekday(node: Weekday, published: date) -> date:
    """The weekday's date: the latest one on or before publication (news reports the past),
    strictly before for الماضي, strictly after for المقبل."""
    back = (published.weekday() - node.weekday) % 7
    if node.relation is None:
        return published - timedelta(days=back)
    if node.relation < 0:
        return published - timedelta(days=back or 7)
    return published + timedelta(days=(node.weekday - published.weekday()) % 7 or 7)


def _relative(node: RelativeDate, published: date) -> _Value:
    if node.offset is None:
        return _Value(None, None, "relative", False)
    if node.unit == "hour":
        return _Value(
            (published - timedelta(days=-node.offset // 24)).isoformat(), None, "day", True
        )
    if node.unit == "day":
        return _Value((published + timedelta(days=node.offset)).isoformat(), None, "day", True)
    if node.unit == "week":
        if not node.calendar_period:
            return _Value((published + timedelta(weeks=node.offset)).isoformat(), None, "day", True)
        monday = published - timedelta(days=published.weekday()) + timedelta(weeks=node.offset)
        return _Value(monday.isoformat(), (monday + timedelta(days=6)).isoformat(), "range", True)
    if node.unit == "month":
        months = published.year * 12 + published.month - 1 + node.offset
        year, month = months // 12, months % 12 + 1
        if node.day is None:
            return _Value(f"{year:04d}-{month:02d}", None, "month", True)
        try:
            return _Value(date(year, month, node.day).isoformat(), None, "day", True)
        except ValueError:  # the 31st of a 30-day month
            return _Value(None, None, "day", True)
    return _Value(f"{published.year + node.offset:04d}", None, "year", True)
