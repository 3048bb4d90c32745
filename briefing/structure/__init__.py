"""The data model shared by every pipeline stage."""

from briefing.structure.article import Article, Paragraph, ParagraphKind, Sentence
from briefing.structure.briefing import Briefing, ModelInfo

__all__ = ["Article", "Briefing", "ModelInfo", "Paragraph", "ParagraphKind", "Sentence"]
