"""The extract stage: the summary (actors, dates, viewpoints, clashes, corroboration) of a briefing.

Each extractor reads the Arabic source and the aligned English already in the Briefing; later
ones use what earlier ones found (dates and viewpoints link to the actors list).
"""

from __future__ import annotations

from datetime import date

from briefing.structure import Briefing


def analyze(
    briefing: Briefing,
    *,
    article_dates: dict[str, date] | None = None,
    glossary: dict[str, str] | None = None,
) -> Briefing:
    """Fill the briefing's summary lists in place and return it."""
    from briefing.extract.actors import extract_actors
    from briefing.extract.corroboration import corroborate
    from briefing.extract.dates import extract_dates
    from briefing.extract.viewpoints import extract_viewpoints

    briefing.actors = extract_actors(briefing, glossary=glossary)
    briefing.dates = extract_dates(briefing, article_dates)
    briefing.viewpoints, briefing.clashes = extract_viewpoints(briefing)
    briefing.corroboration = corroborate(briefing)
    return briefing
