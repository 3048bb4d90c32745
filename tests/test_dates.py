"""The dates stage: the expression corpus, the seed expectations, events, actors, the timeline."""

from __future__ import annotations

import csv
import dataclasses
from collections import defaultdict
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.extract.dates import extract_dates, timeline
from briefing.extract.dates_event import MAX_EVENT_CHARS
from briefing.extract.dates_scan import scan
from briefing.ingest import paragraphs_from_text, read_article
from briefing.segment import segment_article
from briefing.structure import (
    Actor,
    Article,
    Briefing,
    DateMention,
    Mention,
    Paragraph,
    ParagraphKind,
)

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(__file__).parent / "data" / "dates_corpus.tsv"
SEED_000 = ROOT / "seeds" / "000_39f2b8f52989a5bb.txt"
SEED_003 = ROOT / "seeds" / "003_6b5e974a938e85bf.txt"
NONE = "-"


def article_from_text(text: str, article_id: str = "A1") -> Article:
    """An article made the way the pipeline makes it: paragraphs from lines, then sentences."""
    return segment_article(Article(article_id, "test", paragraphs_from_text(text)))


def dates_of(
    text: str, published: date | None = None, actors: list[Actor] | None = None
) -> list[DateMention]:
    briefing = Briefing("test", [article_from_text(text)], actors=actors or [])
    return extract_dates(briefing, {"A1": published} if published else None)


def _corpus_cases():
    """Corpus rows grouped by sentence and publication date: each group is one test."""
    groups: dict[tuple[str, str], list[tuple]] = defaultdict(list)
    with CORPUS.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            key = (row["context"], row["published"])
            groups[key]
            if row["text"] != NONE:
                groups[key].append(
                    (
                        row["text"],
                        None if row["value"] == NONE else row["value"],
                        None if row["end_value"] == NONE else row["end_value"],
                        row["granularity"],
                        None if row["modifier"] == NONE else row["modifier"],
                        row["inferred"] == "true",
                    )
                )
    return [
        pytest.param(
            context,
            None if published == NONE else date.fromisoformat(published),
            expected,
            id=f"{n:03d}",
        )
        for n, ((context, published), expected) in enumerate(groups.items())
    ]


CORPUS_CASES = _corpus_cases()


def test_corpus_covers_the_issue():
    """At least 80 expressions, and every form the issue lists appears in the corpus."""
    expected = [item for case in CORPUS_CASES for item in case.values[2]]
    assert len(expected) >= 80
    granularities = {item[3] for item in expected}
    assert granularities == {"day", "month", "year", "range", "relative"}
    modifiers = {word for item in expected if item[4] for word in item[4].split()}
    assert {"late", "early", "mid", "since", "until", "before", "after", "by"} <= modifiers
    texts = " ".join(item[0] for item in expected)
    for form in (
        "يناير/كانون الثاني",
        "كانون الثاني/يناير",
        "شباط",
        "أمس",
        "اليوم",
        "الأسبوع الماضي",
        "رجب",
        "هـ",
        "٣١",
        "بين",
        "الثلاثاء",
        # decades, centuries, seasons, times of day, nights and mornings, vague counts
        "ثلاثينيات القرن العشرين",
        "الثمانينيات",
        "القرن التاسع عشر",
        "القرن الماضي",
        "الصيف المقبل",
        "شتاء 2019",
        "الساعة 7.55 صباحًا",
        "الساعة 10:15",
        "الساعة العاشرة من صباح أمس",
        "الليلة الماضية",
        "هذا الصباح",
        "قبل بضعة أسابيع",
        "منتصف الليل",
        "صباح الغد",
        # ordinal days past the tenth, a dash between two dates
        "الحادي عشر من سبتمبر",
        "الخامس والعشرين من يناير",
        "28 يناير - 3 فبراير 2024",
    ):
        assert form in texts, form
    assert (
        sum(1 for case in CORPUS_CASES if not case.values[2]) >= 15
    )  # sentences with no date at all


@pytest.mark.parametrize(("context", "published", "expected"), CORPUS_CASES)
def test_corpus(context, published, expected):
    found = [
        (m.text, m.value, m.end_value, m.granularity, m.modifier, m.inferred)
        for m in dates_of(context, published)
    ]
    assert found == expected


@pytest.fixture(scope="module")
def seed_000() -> list[DateMention]:
    article = segment_article(read_article(SEED_000, "A1"))
    return extract_dates(Briefing("seed", [article]))


def _summary(mention: DateMention) -> tuple:
    return mention.paragraph, mention.value, mention.granularity, mention.modifier, mention.inferred


def test_seed_000_timeline(seed_000):
    assert [_summary(m) for m in seed_000] == [
        (2, "2024-01", "month", "since late", False),  # meetings began
        (4, "2024-01", "month", "since late", False),  # the same, repeated by the report
        (5, "2024-01-31", "day", None, True),  # met Ammar al-Hakim
        (5, "2024-02-01", "day", None, True),  # met Falih al-Fayyadh
        (5, "2024-02-05", "day", None, True),  # met al-Sudani
        (5, "2024-02-20", "day", None, True),  # met Qais al-Khazali
        (10, "2024-01", "month", None, False),  # told Russian media
        (11, "2024-02-20", "day", None, True),  # committee member: the US threatened
    ]


def test_seed_000_events_name_who_did_what(seed_000):
    """Each dated meeting of paragraph 5 gets its own clause, opened by who met."""
    meetings = [m for m in seed_000 if m.paragraph == 5]
    for mention, person in zip(
        meetings, ("عمار الحكيم", "فالح الفياض", "محمد شياع السوداني", "قيس الخزعلي"), strict=True
    ):
        assert person in mention.event_ar
        assert mention.event_ar.startswith("والتقى كوتراشيف")
        assert mention.text in mention.event_ar
    assert "فالح الفياض" not in meetings[0].event_ar and "عمار الحكيم" not in meetings[1].event_ar
    assert seed_000[-1].event_ar.startswith("وخصوصاً بعدما قال عضو لجنة الأمن والدفاع")
    assert seed_000[-1].event_ar.endswith("هدّدت بوقف تقديم المعدات العسكرية والتدريب للعراق")
    assert "كوتراشيف" in seed_000[6].event_ar and "توسيع" in seed_000[6].event_ar


def test_seed_000_offsets_point_at_the_text(seed_000):
    article = segment_article(read_article(SEED_000, "A1"))
    for mention in seed_000:
        assert article.paragraph(mention.paragraph).ar[mention.start : mention.end] == mention.text
    assert seed_000[0].text == "منذ أواخر يناير/كانون الثاني 2024"
    assert seed_000[2].text == "31 يناير/كانون الثاني"


def test_seed_003_without_and_with_publication_date():
    article = segment_article(read_article(SEED_003, "A1"))
    briefing = Briefing("seed", [article])
    without = [(m.text, m.value, m.granularity, m.modifier) for m in extract_dates(briefing)]
    assert without == [
        ("يناير", "--01", "month", None),  # the talks began; no year anywhere in the article
        ("بعد أقل من 24 ساعة", None, "relative", "after"),  # the attack in Jordan
        ("اليوم", None, "relative", None),  # "today's episode" of the programme
    ]
    dated = extract_dates(briefing, {"A1": date(2024, 2, 1)})
    assert [(m.value, m.inferred) for m in dated] == [
        ("2024-01", True),
        (None, False),
        ("2024-02-01", True),
    ]
    assert dated[0].event_ar == "وبدأت المحادثات في يناير"
    assert dated[1].event_ar.startswith("لكن بعد أقل من 24 ساعة قُتل ثلاثة جنود أمريكيون")


def test_year_comes_from_the_nearest_explicit_year():
    text = (
        "عنوان الخبر\nوقعت الحرب في مارس 2003.\nفي 5 أبريل سقطت المدينة."
        "\nوفي 2 يونيو 2011 انسحبت القوات.\nوفي 7 يوليو عادت."
    )
    found = {m.text: (m.value, m.inferred) for m in dates_of(text)}
    assert found["5 أبريل"] == ("2003-04-05", True)
    assert found["7 يوليو"] == ("2011-07-07", True)


def test_explicit_year_wins_over_publication_date():
    found = dates_of("عنوان\nاجتمعوا في 3 مارس، ثم في أبريل 2019.", date(2024, 2, 22))
    assert [(m.value, m.inferred) for m in found] == [("2019-03-03", True), ("2019-04", False)]


def test_unnormalisable_dates_are_kept_without_value():
    found = dates_of(
        "عنوان\nقيل إن الاجتماع عقد في 30 فبراير 2024، وفي رجب 1200 هـ كانت المدينة صغيرة."
    )
    assert [(m.text, m.value, m.granularity) for m in found] == [
        ("30 فبراير 2024", None, "day"),
        ("رجب 1200 هـ", None, "range"),
    ]


def test_fronted_date_clause_dates_the_clause_after_it():
    found = dates_of("عنوان\nوفي وقت سابق من هذا الشهر، أعلنت الحكومة خطة جديدة للطاقة.")
    assert [m.event_ar for m in found] == [
        "وفي وقت سابق من هذا الشهر، أعلنت الحكومة خطة جديدة للطاقة"
    ]


def test_trailing_date_clause_dates_the_clause_before_it():
    text = "عنوان\nقال الوزير إن المفاوضات تقدمت كثيرا، هذا الأسبوع، وإن الجولة المقبلة قريبة."
    assert [m.event_ar for m in dates_of(text)] == [
        "قال الوزير إن المفاوضات تقدمت كثيرا، هذا الأسبوع"
    ]


def test_dates_without_a_conjunction_between_them_share_their_event():
    found = dates_of("عنوان\nلن ينسى الناخبون ما حدث غدًا أو في نوفمبر، كما قالت المتحدثة.")
    assert [m.text for m in found] == ["غدًا", "نوفمبر"]
    assert found[0].event_ar == found[1].event_ar == "لن ينسى الناخبون ما حدث غدًا أو في نوفمبر"


def test_event_english_is_the_aligned_sentence():
    article = article_from_text(
        "عنوان\nالتقى الوزير نظيره في 5 فبراير 2024. وغادر في اليوم التالي."
    )
    paragraph = article.paragraph(2)
    paragraph.sentences[0].en = "The minister met his counterpart on 5 February 2024."
    found = extract_dates(Briefing("test", [article]))
    assert [(m.event_ar, m.event_en) for m in found] == [
        (
            "التقى الوزير نظيره في 5 فبراير 2024",
            "The minister met his counterpart on 5 February 2024.",
        ),
        ("وغادر في اليوم التالي", None),  # its sentence has no English yet
    ]


def test_event_english_is_none_before_translation():
    assert [m.event_en for m in dates_of("عنوان\nوصل الوفد في 5 فبراير 2024.")] == [None]


def test_paragraph_without_sentences_uses_the_whole_paragraph():
    text = "وصل الوفد في 5 فبراير 2024، وغادر في 7 فبراير 2024."
    article = Article("A1", "test", [Paragraph(1, ParagraphKind.BODY, text)])
    found = extract_dates(Briefing("test", [article]))
    assert [m.event_ar for m in found] == ["وصل الوفد في 5 فبراير 2024", "وغادر في 7 فبراير 2024"]
    assert [m.event_en for m in found] == [None, None]


def test_actors_are_linked_through_mentions_in_the_event():
    text = (
        "عنوان\nالتقى كوتراشيف، توالياً، عمار الحكيم في 31 يناير 2024، "
        "وفالح الفياض في 1 فبراير 2024."
    )
    article = article_from_text(text)
    line = article.paragraph(2).ar

    def actor(name: str, paragraph: int = 2) -> Actor:
        start = line.index(name)
        return Actor(
            name,
            name,
            "person",
            mentions=[Mention("A1", paragraph, start, start + len(name), name)],
        )

    actors = [
        actor("كوتراشيف"),
        actor("عمار الحكيم"),
        actor("فالح الفياض"),
        actor("فالح الفياض", paragraph=1),
    ]
    found = extract_dates(Briefing("test", [article], actors=actors))
    assert [m.actors for m in found] == [[0, 1], [0, 2]]


def test_actors_of_another_article_are_not_linked():
    article = article_from_text("عنوان\nوصل الحكيم في 5 فبراير 2024.")
    start = article.paragraph(2).ar.index("الحكيم")
    elsewhere = Actor(
        "الحكيم", "al-Hakim", "person", mentions=[Mention("A2", 2, start, start + 6, "الحكيم")]
    )
    assert extract_dates(Briefing("test", [article], actors=[elsewhere]))[0].actors == []


def test_repeated_paragraphs_are_not_listed_twice():
    article = article_from_text("عنوان\nوصل الوفد في 5 فبراير 2024 إلى بغداد.\nنص آخر هنا.")
    article.paragraphs.append(
        Paragraph(
            4,
            ParagraphKind.REPEATED,
            article.paragraph(2).ar,
            article.paragraph(2).sentences,
            repeat_of=2,
        )
    )
    assert [m.paragraph for m in extract_dates(Briefing("test", [article]))] == [2]


def test_each_article_uses_its_own_publication_date():
    first, second = (
        article_from_text("عنوان\nوصل الوفد أمس.", "A1"),
        article_from_text("عنوان\nوصل الوفد أمس.", "A2"),
    )
    found = extract_dates(Briefing("test", [first, second]), {"A2": date(2024, 2, 22)})
    assert [(m.article, m.value) for m in found] == [("A1", None), ("A2", "2024-02-21")]


def test_json_keys_are_the_issue_keys():
    mention = dates_of("عنوان\nوصل الوفد في 5 فبراير 2024.")[0]
    assert list(dataclasses.asdict(mention)) == [
        "text",
        "value",
        "end_value",
        "granularity",
        "modifier",
        "inferred",
        "article",
        "paragraph",
        "start",
        "end",
        "event_ar",
        "event_en",
        "actors",
    ]


def test_timeline_is_chronological_with_undated_after():
    text = (
        "عنوان\nوفي 20 فبراير 2024 وصل الوفد. وكان قد التقى منذ أواخر يناير 2024 عدة مسؤولين."
        "\nوبعد أقل من 24 ساعة غادر. وفي 31 يناير 2024 التقى الوزير. وفي مارس عاد."
    )
    dated, undated = timeline(dates_of(text))
    assert [(m.value, m.modifier) for m in dated] == [
        ("2024-01", "since late"),
        ("2024-01-31", None),
        ("2024-02-20", None),
        ("2024-03", None),
    ]
    assert [m.text for m in undated] == ["بعد أقل من 24 ساعة"]
    _, yearless = timeline(dates_of("عنوان\nوفي مارس عاد الوفد."))
    assert [m.value for m in yearless] == ["--03"]


_WORDS = [
    "في",
    "منذ",
    "بين",
    "و",
    "من",
    "إلى",
    "حتى",
    "أواخر",
    "يناير",
    "كانون",
    "الثاني",
    "/",
    "(",
    ")",
    "شباط",
    "رجب",
    "هـ",
    "م",
    "عام",
    "عامي",
    "أمس",
    "اليوم",
    "الأسبوع",
    "الماضي",
    "قبل",
    "بعد",
    "يومين",
    "ساعة",
    "الثلاثاء",
    "الموافق",
    "الأول",
    "شهر",
    "أقل",
    "،",
    ".",
    "-",
    "٣١",
    "31",
    "2024",
    "1445",
    "5",
    "24",
]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=14), st.booleans())
def test_scanner_spans_are_ordered_and_inside_the_text(words, glued):
    """Whatever the word salad, spans are in order, never overlap and start/end on real text."""
    text = ("" if glued else " ").join(words)
    previous_end = 0
    for expression in scan(text):
        assert previous_end <= expression.start < expression.end <= len(text)
        assert not text[expression.start].isspace() and not text[expression.end - 1].isspace()
        previous_end = expression.end


def test_a_date_in_text_without_punctuation_gets_an_event_around_it_not_pages():
    filler = " ".join(["الاجتماع"] * 1000)
    [mention] = dates_of(f"العنوان\n{filler} وعقد المؤتمر في 31 يناير 2024 {filler}")
    assert mention.text in mention.event_ar
    assert "وعقد المؤتمر" in mention.event_ar
    assert len(mention.event_ar) <= MAX_EVENT_CHARS
    assert not mention.event_ar.startswith(" ") and not mention.event_ar.endswith(" ")


def test_a_date_in_a_sentence_of_pages_keeps_its_arabic_event_without_the_pages_of_english():
    filler = " ".join(["الاجتماع"] * 1000)
    article = article_from_text(f"العنوان\n{filler} وعقد المؤتمر في 31 يناير 2024 {filler}\nوعقد المؤتمر في 5 فبراير 2024.")
    for paragraph in article.paragraphs:
        for sentence in paragraph.sentences:
            sentence.en = "English"
    long_one, short_one = extract_dates(Briefing("test", [article]))
    assert long_one.event_ar and long_one.event_en is None
    assert short_one.event_en == "English"
