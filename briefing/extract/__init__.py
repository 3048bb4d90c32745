"""The extract stage: the summary (actors, dates, viewpoints, clashes, corroboration) of a briefing.

Each extractor reads the Arabic source and the aligned English already in the Briefing; later
ones use what earlier ones found (dates and viewpoints link to the actors list). Actors need no
English, so they are found before translation and their names can guide it.
"""

from __future__ import annotations

from datetime import date

from briefing.structure import Briefing


def find_actors(briefing: Briefing, *, glossary: dict[str, str] | None = None) -> Briefing:
    """Fill ``briefing.actors``; ``glossary`` (Arabic -> English) fixes the English of names."""
    from briefing.extract.actors import extract_actors

    briefing.actors = extract_actors(briefing, glossary=glossary)
    return briefing


def analyze(briefing: Briefing, *, article_dates: dict[str, date] | None = None) -> Briefing:
    """Fill the rest of the summary once actors are found and the English is aligned."""
    from briefing.extract.corroboration import corroborate
    from briefing.extract.dates import extract_dates
    from briefing.extract.viewpoints import extract_viewpoints

    briefing.dates = extract_dates(briefing, article_dates)
    briefing.viewpoints, briefing.clashes = extract_viewpoints(briefing)
    briefing.corroboration = corroborate(briefing)
    return briefing
