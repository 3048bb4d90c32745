"""Guards on machine translation, Western digits, and the flags reaching the sentences."""

from __future__ import annotations

import csv

import pytest
from conftest import ROOT
from translate_fakes import ScriptedEngine

from briefing.align import translate_articles
from briefing.structure import Article, Paragraph, ParagraphKind, Sentence
from briefing.testing.argos_fixture import expected_translation
from briefing.translate.argos import ArgosEngine
from briefing.translate.base import Translation
from briefing.translate.flags import (
    FLAG_EXPLANATIONS,
    GuardedEngine,
    looping,
    quality_flags,
)
from briefing.translate.numerals import WesternDigitsEngine, western_digits

NTREX = ROOT.parent / "shared" / "data" / "ntrex" / "ntrex_ar_en.tsv"
SOURCE = "قال وزير الخارجية إن المحادثات مع الوفد الروسي كانت مثمرة وصريحة."  # 66 characters


@pytest.mark.parametrize(
    "english, score, flags",
    [
        ("The foreign minister said the talks with the Russian delegation were fruitful and frank.", -0.3, []),
        ("   ", None, ["empty"]),
        ("The minister.", None, ["too_short"]),
        ("The foreign minister said the talks were fruitful. " * 4, None, ["too_long", "repetition"]),
        ("The talks the talks the talks were fruitful and frank, the minister said.", None, ["repetition"]),
        ("The foreign minister said the talks with الوفد were fruitful and frank.", None, ["arabic_left"]),
        ("The foreign minister said the talks were fruitful anّd frank and open.", None, ["arabic_left"]),
        ("The foreign minister said the talks with the Russian delegation were fruitful.", -2.5, ["low_score"]),
    ],
)
def test_each_check_flags_what_it_should(english, score, flags):
    assert quality_flags(SOURCE, Translation(english, "mt", score)) == flags


def test_looping_output_is_told_from_deliberate_repetition():
    assert looping("of the army of the army of the army")
    assert looping("no no no no")
    assert looping("a b c d e x a b c d e y a b c d e")
    assert not looping("No, no, no, he said.")
    assert not looping("He said it again and again.")
    # A repetition the Arabic has too is the source's, not the model's:
    assert quality_flags("لا، لا، لا، لا، لا.", Translation("No, no, no, no, no.", "mt")) == []


@pytest.mark.skipif(not NTREX.exists(), reason="NTREX data not available")
def test_no_professional_translation_in_ntrex_is_flagged():
    with open(NTREX, encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))[1:]
    assert len(rows) == 1551
    flagged = [(arabic, english) for _, arabic, english in rows if quality_flags(arabic, Translation(english, "mt"))]
    assert flagged == []


def test_only_machine_translation_is_checked():
    engine = GuardedEngine(ScriptedEngine(lambda sentence: ""))
    assert engine.translate(["جملة."])[0].flags == ["empty"]
    human = Translation("", "tm")
    assert GuardedEngine(_Fixed(human)).translate(["جملة."])[0].flags == []


class _Fixed(ScriptedEngine):
    def __init__(self, translation: Translation):
        super().__init__()
        self.translation = translation

    def stream(self, sentences):
        yield from ((position, self.translation) for position in range(len(sentences)))


def test_every_flag_has_a_one_line_explanation():
    assert set(FLAG_EXPLANATIONS) == {"empty", "too_short", "too_long", "repetition", "arabic_left",
                                      "placeholder_lost", "placeholder_duplicated", "low_score", "split",
                                      "truncated"}
    assert all(text and "\n" not in text and len(text) < 100 for text in FLAG_EXPLANATIONS.values())


def test_arabic_indic_digits_become_western_digits():
    assert western_digits("في ٢٠٢٤ بنسبة ٣٫٥٪ و۱۲ ألفاً و١٬٥٠٠") == "في 2024 بنسبة 3.5% و12 ألفاً و1,500"
    inner = ScriptedEngine(lambda sentence: "in ٢٠٢٤")
    [translation] = WesternDigitsEngine(inner).translate(["عام ٢٠٢٤"])
    assert inner.asked == ["عام 2024"] and translation.text == "in 2024"


def test_dates_and_numbers_through_the_model_come_out_western(installed_model):
    sentence = "ذكرت وكالة الأنباء أن الانتخابات ستجري في ٢٠ مارس/آذار ٢٠٢٤ بمشاركة ١٥٪."
    [translation] = WesternDigitsEngine(ArgosEngine()).translate([sentence])
    assert "20" in translation.text and "2024" in translation.text and "15%" in translation.text
    assert not any("\u0660" <= char <= "\u0669" for char in translation.text)
    assert translation.text == expected_translation(installed_model, western_digits(sentence))


def test_translation_flags_and_origin_reach_the_sentences():
    text = "جملة أولى. جملة ثانية."
    article = Article("A1", "a.txt", [Paragraph(1, ParagraphKind.TITLE, text, [
        Sentence("جملة أولى.", 0, 10), Sentence("جملة ثانية.", 11, 22)])])
    engine = GuardedEngine(ScriptedEngine(lambda sentence: "" if "أولى" in sentence else "Second sentence."))
    assert translate_articles([article], engine) == 2
    first, second = article.paragraphs[0].sentences
    assert (first.en, first.origin, first.flags) == ("", "mt", ["empty"])
    assert (second.en, second.origin, second.flags) == ("Second sentence.", "mt", [])
