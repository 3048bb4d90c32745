"""briefing: bilingual Arabic/English briefings from Arabic news articles, fully offline."""

__version__ = "0.1.0"
