"""Alignment by construction: each Arabic sentence is translated on its own and gets its English.

Identical sentences (a repeated paragraph, a recurring headline) are translated once and share
the result, so the same Arabic always reads the same in English.
"""

from __future__ import annotations

from briefing.structure import Article, Sentence
from briefing.translate.base import Engine, Progress


def unique_sentences(articles: list[Article]) -> dict[str, list[Sentence]]:
    """Source text -> every sentence object with that text, in first-appearance order."""
    by_text: dict[str, list[Sentence]] = {}
    for article in articles:
        for _, sentence in article.sentences():
            by_text.setdefault(sentence.ar, []).append(sentence)
    return by_text


def translate_articles(articles: list[Article], engine: Engine, progress: Progress | None = None) -> int:
    """Fill ``en``, ``origin`` and ``flags`` of every sentence; returns how many distinct sentences were sent."""
    by_text = unique_sentences(articles)
    texts = list(by_text)
    translations = engine.translate(texts, progress)
    for text, translation in zip(texts, translations, strict=True):
        for sentence in by_text[text]:
            sentence.en = translation.text
            sentence.origin = translation.origin
            sentence.flags = list(translation.flags)
    return len(texts)
