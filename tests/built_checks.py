"""Checks of a built briefing shared by the end-to-end tests of both kinds of model."""

from __future__ import annotations

from collections.abc import Callable


def assert_sentences_are_the_models(data: dict, expected: Callable[[str], str]) -> None:
    """Every sentence of the JSON ``data`` is the model's English (``expected(arabic)``), except
    that people and organisations found in the summary are protected like glossary terms: their
    English is the actors list's."""
    names = {mention["text"]: actor["name_en"] for actor in data["actors"] if actor["type"] != "location"
             for mention in actor["mentions"]}
    assert len(names) > 10
    sentences = [s for a in data["articles"] for p in a["paragraphs"] for s in p["sentences"]]
    named_sentences = 0
    for sentence in sentences:
        assert sentence["origin"] == "mt"
        named = [name for name in names if name in sentence["ar"]]
        if named:
            named_sentences += 1
            for name in named:
                assert names[name] in sentence["en"]
                assert expected(name) not in sentence["en"]
        else:
            assert sentence["en"] == expected(sentence["ar"])
    english = [s["en"] for s in sentences]
    assert 0 < named_sentences < len(english), "both kinds of sentence must be checked"
    assert len(set(english)) > len(english) // 2, "different sentences must give different English"


def assert_pdf_text_has_the_english(text: str, data: dict) -> None:
    """The first words of every English sentence are in the PDF's (whitespace-squeezed) text."""
    for article in data["articles"]:
        for paragraph in article["paragraphs"]:
            for sentence in paragraph["sentences"]:
                for word in sentence["en"].split()[:3]:
                    assert word in text


def english_lines(cell) -> list[str]:
    """A DOCX English cell's sentences: one Word paragraph each, flag notes left out."""
    return [p.text for p in cell.paragraphs if p.style.name != "Briefing Flag Note"]
