"""The data model shared by every pipeline stage."""

from briefing.structure.article import Article, Paragraph, ParagraphKind, Sentence
from briefing.structure.briefing import Briefing, ModelInfo
from briefing.structure.summary import Actor, Clash, DateMention, Mention, Viewpoint

__all__ = [
    "Actor",
    "Article",
    "Briefing",
    "Clash",
    "DateMention",
    "Mention",
    "ModelInfo",
    "Paragraph",
    "ParagraphKind",
    "Sentence",
    "Viewpoint",
]
