"""Text every document format can hold: XML 1.0 (DOCX, and HTML parsed as XML by tools) forbids
most C0 control characters, U+FFFE/U+FFFF and lone surrogates, and python-docx refuses them.

Ingest already removes them from articles, but titles, English from a model or a memory and
summary text reach the writers too, so the view is made from a cleaned copy of the briefing.
"""

from __future__ import annotations

import copy
import dataclasses
import re
from typing import TypeVar

XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")

T = TypeVar("T")


def xml_safe(value: T) -> T:
    """A copy of ``value`` (dataclasses, lists, dicts, strings) without XML-forbidden characters."""
    if type(value) is str:
        return XML_FORBIDDEN.sub("", value)
    if isinstance(value, list):
        return [xml_safe(item) for item in value]
    if isinstance(value, tuple):
        return tuple(xml_safe(item) for item in value)
    if isinstance(value, dict):
        return {key: xml_safe(item) for key, item in value.items()}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        cleaned = copy.copy(value)
        for field in dataclasses.fields(value):
            object.__setattr__(cleaned, field.name, xml_safe(getattr(value, field.name)))
        return cleaned
    return value
