"""Properties over any input: ingest, segmentation, alignment and extraction never raise anything
but a one-line ``InputError``, sentences add up to their paragraph, and every offset in the JSON
points into its paragraph at exactly the text it names.

The example counts are sized for CI; ``bench/fuzz.py`` runs the same properties for a long time
by setting ``BRIEFING_FUZZ_SCALE`` (a multiplier of every count).
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path

from hostile import seed_words
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing.align import translate_articles
from briefing.errors import InputError
from briefing.extract import analyze, find_actors
from briefing.ingest import CONTROL_CHARACTERS, paragraphs_from_text, read_article
from briefing.render.json import briefing_dict
from briefing.segment import segment_article
from briefing.structure import Article, Briefing, ModelInfo, ParagraphKind
from briefing.textnorm import INVISIBLE
from briefing.translate.base import Engine, Stream, Translation

FUZZ_SCALE = int(os.environ.get("BRIEFING_FUZZ_SCALE", "1"))


def examples(count: int) -> settings:
    return settings(max_examples=count * FUZZ_SCALE, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


# Words and marks the extractors react to (speech cues, dates, names, quotes), seed vocabulary,
# and the characters hostile files bring (diacritics, tatweel, controls, bidi, markup).
CUES = ["قال", "وقال", "وأضاف", "أكد", "وأكدت", "أعلن", "نفى", "حسبما", "وفقا لـ", "بحسب", "إن", "أن", "لا", "لن", "ولا"]
NAMES = ["الرئيس", "وزير", "الخارجية", "محمد", "بن", "سلمان", "روسيا", "العراق", "بغداد", "موسكو", "الأمم المتحدة"]
DATES = ["يناير", "فبراير/شباط", "2024", "٢٠٢٤", "15", "١٥", "الخميس", "أمس", "غدا", "الأسبوع", "الماضي", "المقبل",
         "عام", "1445هـ", "رمضان", "العاشر من", "مساء", "يوم"]
MARKS = ["“", "”", "«", "»", '"', ".", "،", "؟", "!", ":", "..", "...", "؛", "(", ")", "-", "\n", "\n\n"]
ODD = ["ـ", "َ", "ُّ", "ً", "\u202e", "\u200f", "\x01", "\x1f", "\ufffe", "<p>", "{{", "}}", "&amp;", "http://a.b/c"]
TOKENS = sorted(set(CUES + NAMES + DATES + MARKS + ODD + seed_words()[:300]))

SPEAKERS = ["وزير الخارجية الروسي سيرغي لافروف", "المتحدث باسم الحكومة", "الرئيس العراقي", "مصدر مطلع", "محمد"]
CLAIMS = seed_words()[:200] + ["لا", "لن", "ليس", "يرفض", "يؤيد", "الاتفاق", "الحرب", "السلام"]
claim = st.lists(st.sampled_from(CLAIMS), min_size=1, max_size=15).map(" ".join)
speech = st.one_of(
    st.builds("{} {} إن {}.".format, st.sampled_from(["وقال", "وأكد", "وأضاف", "ونفى"]), st.sampled_from(SPEAKERS), claim),
    st.builds("وقال {} “{}”.".format, st.sampled_from(SPEAKERS), claim),
    st.builds("{}، حسبما أفاد {}.".format, claim, st.sampled_from(SPEAKERS)),
)
news_text = st.lists(st.one_of(st.sampled_from(TOKENS), st.text(max_size=4), speech), max_size=60).map(" ".join)
any_text = st.one_of(news_text, st.text(max_size=300))
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1256"]


@st.composite
def file_bytes(draw) -> bytes:
    """Encoded text (maybe damaged by a few inserted bytes) or arbitrary bytes."""
    if draw(st.booleans()):
        return draw(st.binary(max_size=400))
    text = draw(any_text)
    data = text.encode(draw(st.sampled_from(ENCODINGS)), errors="replace")
    for _ in range(draw(st.integers(0, 3))):
        position = draw(st.integers(0, len(data)))
        data = data[:position] + draw(st.binary(min_size=1, max_size=3)) + data[position:]
    return data


def read_bytes(data: bytes) -> Article:
    """``read_article`` on a file holding ``data``."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "article.txt"
        path.write_bytes(data)
        return read_article(path, "A1", warn=lambda message: None)


def article_from_text(text: str, article_id: str = "A1") -> Article:
    """Paragraphs and sentences of any text, without the file checks (for the extractors)."""
    return segment_article(Article(id=article_id, source=f"{article_id}.txt", paragraphs=paragraphs_from_text(text)))


def assert_sentences_add_up(article: Article) -> None:
    for paragraph in article.paragraphs:
        assert paragraph.ar and paragraph.ar == paragraph.ar.strip()
        assert paragraph.sentences, "every paragraph has a sentence"
        end = 0
        for sentence in paragraph.sentences:
            assert paragraph.ar[sentence.start:sentence.end] == sentence.ar
            assert paragraph.ar[end:sentence.start].strip() == ""
            end = sentence.end
        assert paragraph.ar[end:].strip() == ""
        assert "".join(paragraph.ar.split()) == "".join("".join(s.ar for s in paragraph.sentences).split())


@given(file_bytes())
@examples(300)
def test_any_file_is_read_into_clean_paragraphs_or_refused_in_one_line(data):
    try:
        article = read_bytes(data)
    except InputError as error:
        assert "\n" not in str(error) and str(error).endswith(error.problem)
        return
    assert [p.index for p in article.paragraphs] == list(range(1, len(article.paragraphs) + 1))
    assert article.paragraphs[0].kind is ParagraphKind.TITLE
    for paragraph in article.paragraphs:
        assert not CONTROL_CHARACTERS.search(paragraph.ar)
        assert not INVISIBLE & set(paragraph.ar)
        assert "\n" not in paragraph.ar and "\r" not in paragraph.ar
        if paragraph.repeat_of is not None:
            assert article.paragraph(paragraph.repeat_of).ar == paragraph.ar
    assert_sentences_add_up(segment_article(article))


@given(any_text)
@examples(300)
def test_sentences_add_up_to_their_paragraph_for_any_text(text):
    assert_sentences_add_up(article_from_text(text))


class ShuffledEngine(Engine):
    """Streams a deterministic 'translation' of each sentence in reverse order, as a threaded
    engine may, so alignment must put every answer back where it belongs."""

    model = ModelInfo(name="shuffled", version="1")

    @staticmethod
    def english(arabic: str) -> str:
        return f"[{len(arabic)}] {arabic[::-1]}"

    def stream(self, sentences: Sequence[str]) -> Stream:
        for position in reversed(range(len(sentences))):
            yield position, Translation(text=self.english(sentences[position]), origin="mt", flags=["test"])


@given(st.lists(any_text, min_size=1, max_size=3))
@examples(150)
def test_alignment_gives_every_sentence_its_own_english(texts):
    articles = [article_from_text(text, f"A{number}") for number, text in enumerate(texts, 1)]
    translate_articles(articles, ShuffledEngine())
    for article in articles:
        for paragraph, sentence in article.sentences():
            assert sentence.en == ShuffledEngine.english(sentence.ar)
            assert (sentence.origin, sentence.flags) == ("mt", ["test"])
        for paragraph in article.paragraphs:
            if paragraph.sentences:
                assert paragraph.en == " ".join(ShuffledEngine.english(s.ar) for s in paragraph.sentences)


def assert_json_offsets_point_at_their_text(data: dict) -> None:
    paragraphs = {(a["id"], p["index"]): p["ar"] for a in data["articles"] for p in a["paragraphs"]}

    def at(item: dict) -> str:
        text = paragraphs[(item["article"], item["paragraph"])]
        assert 0 <= item["start"] <= item["end"] <= len(text), item
        return text[item["start"]:item["end"]]

    for actor in data["actors"]:
        assert actor["mentions"]
        for mention in actor["mentions"]:
            assert at(mention) == mention["text"]
    for found in data["dates"]:
        assert at(found) == found["text"]
        assert all(0 <= index < len(data["actors"]) for index in found["actors"])
    for viewpoint in data["viewpoints"]:
        assert at(viewpoint) == viewpoint["claim_ar"]
        assert viewpoint["actor"] is None or 0 <= viewpoint["actor"] < len(data["actors"])
    for clash in data["clashes"]:
        assert 0 <= clash["a"] < len(data["viewpoints"]) and 0 <= clash["b"] < len(data["viewpoints"])
    for entry in data["corroboration"]:
        assert (entry["article"], entry["paragraph"]) in paragraphs


@given(st.lists(news_text, min_size=1, max_size=3), st.booleans())
@examples(60)
def test_extraction_never_fails_and_every_json_offset_points_at_its_text(texts, translated):
    articles = [article_from_text(text, f"A{number}") for number, text in enumerate(texts, 1)]
    articles = [article for article in articles if article.paragraphs]
    briefing = Briefing(title="Properties", articles=articles)
    find_actors(briefing)
    if translated:
        translate_articles(articles, ShuffledEngine())
    analyze(briefing)
    data = json.loads(json.dumps(briefing_dict(briefing), ensure_ascii=False))
    assert_json_offsets_point_at_their_text(data)
