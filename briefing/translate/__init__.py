"""Translation engines: one base class, one module per engine."""

from briefing.translate.base import Engine, Translation

__all__ = ["Engine", "Translation"]
