"""The JSON export (schema ``briefing/1``), read by checks outside the test suite and by scripts."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

from briefing.render.base import Renderer
from briefing.structure import Article, Briefing

SCHEMA = "briefing/1"


def article_dict(article: Article) -> dict:
    return {
        "id": article.id,
        "source": article.source,
        "title_ar": article.title_ar,
        "title_en": article.title_en,
        "paragraphs": [
            {
                "index": paragraph.index,
                "kind": paragraph.kind.value,
                "ar": paragraph.ar,
                "en": paragraph.en,
                "sentences": [
                    {"ar": s.ar, "en": s.en, "origin": s.origin, "flags": list(s.flags)}
                    for s in paragraph.sentences
                ],
            }
            for paragraph in article.paragraphs
        ],
    }


def briefing_dict(briefing: Briefing) -> dict:
    return {
        "schema": SCHEMA,
        "title": briefing.title,
        "created": briefing.created.isoformat(timespec="seconds"),
        "model": dataclasses.asdict(briefing.model) if briefing.model else None,
        "articles": [article_dict(article) for article in briefing.articles],
        "actors": [dataclasses.asdict(item) for item in briefing.actors],
        "dates": [dataclasses.asdict(item) for item in briefing.dates],
        "viewpoints": [dataclasses.asdict(item) for item in briefing.viewpoints],
        "clashes": [dataclasses.asdict(item) for item in briefing.clashes],
        "corroboration": [dataclasses.asdict(item) for item in briefing.corroboration],
    }


class JsonRenderer(Renderer):
    format = "json"
    extension = ".json"

    def render_to(self, briefing: Briefing, path: Path) -> None:
        text = json.dumps(briefing_dict(briefing), ensure_ascii=False, indent=2)
        path.write_text(text + "\n", encoding="utf-8")
