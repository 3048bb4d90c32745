"""The dates stage: every Arabic date expression of the briefing, normalised and tied to its event.

Works on the Arabic source (``paragraph.ar``; offsets are into it) after translation and
alignment, so each date also carries the English sentence of its event when there is one.
Paragraphs marked as repeats are skipped: their dates are already listed where the text first
appeared.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from briefing.align import english_of_span
from briefing.extract.dates_event import Event, events
from briefing.extract.dates_resolve import Normalised, YearHints, normalise
from briefing.extract.dates_scan import CalendarDate, Expression, scan
from briefing.structure.article import Article, Paragraph, ParagraphKind
from briefing.structure.briefing import Briefing
from briefing.structure.summary import DateMention

# Order of modifiers at the same value on the timeline: what precedes a date comes first.
_MODIFIER_ORDER = {
    "before": 0,
    "since": 1,
    "early": 2,
    None: 3,
    "mid": 4,
    "late": 5,
    "until": 6,
    "by": 6,
    "after": 7,
}


def extract_dates(
    briefing: Briefing, article_dates: dict[str, date] | None = None
) -> list[DateMention]:
    """Every date mention of ``briefing``, article by article in text order.

    ``article_dates`` maps an article id to its publication date (``--date`` or front matter):
    relative dates (أمس, الأسبوع الماضي) are resolved against it and years missing from the
    whole article are taken from it; without it those stay relative or yearless.
    """
    mentions: list[DateMention] = []
    for article in briefing.articles:
        published = (article_dates or {}).get(article.id)
        if isinstance(published, datetime):
            published = published.date()
        mentions.extend(_article_dates(briefing, article, published))
    return mentions


def timeline(mentions: list[DateMention]) -> tuple[list[DateMention], list[DateMention]]:
    """The mentions split for display: those with a full date in chronological order, then the
    rest (relative, yearless, invalid) in text order, to be listed after the timeline."""
    dated: list[DateMention] = []
    undated: list[DateMention] = []
    for mention in mentions:
        has_year = mention.value is not None and not mention.value.startswith("--")
        (dated if has_year else undated).append(mention)
    dated.sort(key=lambda mention: (mention.value, _modifier_rank(mention.modifier)))
    return dated, undated


def _modifier_rank(modifier: str | None) -> int:
    """The rank of the modifier word nearest the date (``since late`` ranks as ``late``)."""
    return _MODIFIER_ORDER.get(modifier.split()[-1] if modifier else None, _MODIFIER_ORDER[None])


@dataclass(frozen=True)
class _Found:
    paragraph: Paragraph
    expression: Expression
    position: int  # offset in the article's paragraphs joined by newlines, to measure distances


def _article_dates(
    briefing: Briefing, article: Article, published: date | None
) -> list[DateMention]:
    found: list[_Found] = []
    offset = 0
    for paragraph in article.paragraphs:
        if paragraph.kind is not ParagraphKind.REPEATED:
            found.extend(
                _Found(paragraph, expression, offset + expression.start)
                for expression in scan(paragraph.ar)
            )
        offset += len(paragraph.ar) + 1
    explicit = {
        calendar: [
            (item.position, year)
            for item in found
            for year in _explicit_years(item.expression, calendar)
        ]
        for calendar in ("gregorian", "hijri")
    }
    mentions = []
    for paragraph in article.paragraphs:
        own = [item for item in found if item.paragraph is paragraph]
        spans = [(item.expression.start, item.expression.end) for item in own]
        for item, event in zip(own, events(paragraph, spans), strict=True):
            hints = YearHints(
                gregorian=_nearest(explicit["gregorian"], item.position),
                hijri=_nearest(explicit["hijri"], item.position),
                published=published,
            )
            mentions.append(
                _mention(briefing, article, item, normalise(item.expression, hints), event)
            )
    return mentions


def _mention(
    briefing: Briefing, article: Article, item: _Found, normalised: Normalised, event: Event
) -> DateMention:
    expression, paragraph = item.expression, item.paragraph
    return DateMention(
        text=paragraph.ar[expression.start : expression.end],
        value=normalised.value,
        end_value=normalised.end_value,
        granularity=normalised.granularity,
        modifier=normalised.modifier,
        inferred=normalised.inferred,
        article=article.id,
        paragraph=paragraph.index,
        start=expression.start,
        end=expression.end,
        event_ar=event.text,
        event_en=english_of_span(paragraph, event.spans[0][0], event.spans[-1][1]),
        actors=_actors_in(briefing.actors, article.id, paragraph.index, event.spans),
    )


def _explicit_years(expression: Expression, calendar: str) -> list[int]:
    """Years the expression spells out in ``calendar`` (not inferred ones)."""
    return [
        node.year
        for node in (expression.date, expression.last)
        if isinstance(node, CalendarDate) and node.calendar == calendar and node.year is not None
    ]


def _nearest(years: list[tuple[int, int]], position: int) -> int | None:
    """The year written closest to ``position``; on a tie, the earlier one (already read)."""
    if not years:
        return None
    return min(years, key=lambda item: (abs(item[0] - position), item[0] > position))[1]


def _actors_in(
    actors: list, article: str, paragraph: int, spans: tuple[tuple[int, int], ...]
) -> list[int]:
    """Indices of the actors named inside the event's text."""
    return [
        number
        for number, actor in enumerate(actors)
        if any(
            mention.article == article
            and mention.paragraph == paragraph
            and mention.start < end
            and mention.end > start
            for mention in actor.mentions
            for start, end in spans
        )
    ]
