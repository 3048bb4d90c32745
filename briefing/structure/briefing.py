"""The whole briefing: the articles and the summary extracted from them."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

from briefing.structure.article import Article


@dataclass
class ModelInfo:
    """Which translation model made the English, shown on the cover and kept in the JSON."""

    name: str
    version: str
    path: str = ""


@dataclass
class Briefing:
    """Articles in input order plus the summary lists the extract stage fills.

    The summary lists hold the dataclasses of ``briefing.extract``; each list is exported to
    JSON under its field name with the dataclass field names as keys.
    """

    title: str
    articles: list[Article]
    created: datetime = field(default_factory=lambda: datetime.now(timezone.utc))
    model: ModelInfo | None = None
    actors: list[Any] = field(default_factory=list)
    dates: list[Any] = field(default_factory=list)
    viewpoints: list[Any] = field(default_factory=list)
    clashes: list[Any] = field(default_factory=list)
    corroboration: list[Any] = field(default_factory=list)

    def article(self, article_id: str) -> Article:
        for article in self.articles:
            if article.id == article_id:
                return article
        raise KeyError(article_id)
