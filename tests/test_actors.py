"""The actors stage (issue 5): each actor once, merged, with roles and English names."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.extract.actors import extract_actors, glossary_entries
from briefing.ner.lexicon import title_coverage
from briefing.ner.roles import _in_title
from briefing.ner.text import normalize, tokenize
from briefing.ingest import paragraphs_from_text, read_article
from briefing.segment import segment_article
from briefing.structure import Article, Briefing, ParagraphKind

SEEDS = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))


def build(*lines: str, article_id: str = "A1") -> Article:
    """An article from text lines (the first is the headline), ingested and segmented."""
    article = Article(
        id=article_id, source="test", paragraphs=paragraphs_from_text("\n".join(lines))
    )
    return segment_article(article)


def seed_briefing() -> Briefing:
    return Briefing(
        "seeds", [segment_article(read_article(path, f"A{n}")) for n, path in enumerate(SEEDS, 1)]
    )


@pytest.fixture(scope="module")
def seeds():
    briefing = seed_briefing()
    return briefing, extract_actors(briefing)


def by_arabic(actors, name_ar):
    found = [a for a in actors if a.name_ar == name_ar]
    assert len(found) == 1, f"{name_ar}: {[a.name_ar for a in actors]}"
    return found[0]


# What issue 5 asks for on the seeds: (Arabic name, type, English name or None, words of the role).
SEED_ACTORS = [
    ("مركز دراسات الحرب", "organization", None, None),
    ("روسيا", "location", "Russia", None),
    ("العراق", "location", "Iraq", None),
    ("الولايات المتحدة", "location", "United States", None),
    ("إيران", "location", "Iran", None),
    ("سوريا", "location", "Syria", None),
    ("الأردن", "location", "Jordan", None),
    ("إلبروس كوتراشيف", "person", None, "السفير الروسي لدى العراق"),
    ("عمار الحكيم", "person", "Ammar al-Hakim", "رجل الدين والسياسي العراقي"),
    ("فالح الفياض", "person", None, "رئيس هيئة الحشد الشعبي العراقي"),
    ("قوات الحشد الشعبي", "organization", "Popular Mobilization Forces", None),
    ("محمد شياع السوداني", "person", None, "رئيس الوزراء العراقي"),
    ("قيس الخزعلي", "person", "Qais al-Khazali", "أمين عام عصائب أهل الحق"),
    ("عصائب أهل الحق", "organization", "Asa'ib Ahl al-Haq", None),
    ("يحيى رسول", "person", None, "المتحدث باسم الجيش العراقي اللواء"),
    ("التحالف الدولي", "organization", "International Coalition", None),
    ("قاصد محمود صالح", "person", "Qasid Mahmoud Salih", "الفريق الركن د."),
    ("صباح العكيلي", "person", "Sabah al-Akili", "المحلل السياسي"),
    ("لجنة الأمن والدفاع البرلمانية العراقية", "organization", None, None),
]


@pytest.mark.parametrize("name_ar, kind, name_en, role_ar", SEED_ACTORS)
def test_seed_actors_are_found_once(seeds, name_ar, kind, name_en, role_ar):
    _, actors = seeds
    actor = by_arabic(actors, name_ar)
    assert actor.type == kind
    if name_en is not None:
        assert actor.name_en == name_en
    assert actor.role_ar == role_ar


def test_seed_roles_in_english(seeds):
    _, actors = seeds
    assert by_arabic(actors, "إلبروس كوتراشيف").role_en == "Russian ambassador to Iraq"
    assert (
        by_arabic(actors, "فالح الفياض").role_en
        == "head of the Iraqi Popular Mobilization Commission"
    )
    assert by_arabic(actors, "محمد شياع السوداني").role_en == "Iraqi prime minister"
    assert by_arabic(actors, "قيس الخزعلي").role_en == "secretary-general of Asa'ib Ahl al-Haq"
    assert by_arabic(actors, "صباح العكيلي").role_en == "political analyst"


def test_seed_name_variants_merge(seeds):
    _, actors = seeds
    texts = lambda name: {m.text for m in by_arabic(actors, name).mentions}
    assert {"إلبروس كوتراشيف", "كوتراشيف"} <= texts("إلبروس كوتراشيف")
    assert {"فالح الفياض", "فياض"} <= texts("فالح الفياض")
    assert {"قيس الخزعلي", "الخزعلي"} <= texts("قيس الخزعلي")
    assert {"قوات الحشد الشعبي", "هيئة الحشد الشعبي العراقي"} <= texts("قوات الحشد الشعبي")
    assert {"أمريكا", "الولايات المتحدة"} <= texts("الولايات المتحدة")


def test_seed_list_has_no_non_actors(seeds):
    _, actors = seeds
    for actor in actors:
        assert not any(word in actor.name_ar for word in ("يناير", "فبراير", "أسئلة", "كانون"))
    assert not any(a.name_ar in ("الروسي", "العراقي", "روسياً") for a in actors)


def test_mentions_point_at_their_text(seeds):
    briefing, actors = seeds
    for actor in actors:
        for mention in actor.mentions:
            paragraph = briefing.article(mention.article).paragraph(mention.paragraph)
            assert paragraph.ar[mention.start : mention.end] == mention.text
            assert paragraph.kind is not ParagraphKind.REPEATED


def test_actors_sorted_by_mentions_then_first_appearance(seeds):
    _, actors = seeds
    keys = [
        (-len(a.mentions), a.mentions[0].article, a.mentions[0].paragraph, a.mentions[0].start)
        for a in actors
    ]
    assert keys == sorted(keys)
    assert actors[0].name_en == "Iraq"


def test_clitics_are_not_part_of_a_mention():
    briefing = Briefing(
        "t", [build("خبر", "قتل ثلاثة جنود في هجوم بالأردن وناقش كوتراشيف وفياض الأمر مع الخزعلي.")]
    )
    mentions = {m.text for actor in extract_actors(briefing) for m in actor.mentions}
    assert "الأردن" in mentions
    assert not any(text.startswith(("ب", "و")) for text in mentions if text != "الأردن")


def test_glossary_names_win():
    briefing = Briefing(
        "t", [build("خبر", "التقى السفير الروسي لدى العراق إلبروس كوتراشيف في بغداد.")]
    )
    actors = extract_actors(
        briefing, glossary={"إلبروس كوتراشيف": "Elbrus Kutrashev", "بغداد": "Baghdad City"}
    )
    names = {a.name_ar: a.name_en for a in actors}
    assert names["إلبروس كوتراشيف"] == "Elbrus Kutrashev"
    assert names["بغداد"] == "Baghdad City"
    assert glossary_entries(actors)["إلبروس كوتراشيف"] == "Elbrus Kutrashev"


def test_english_never_comes_from_machine_translation():
    article = build("خبر", "قال المتحدث باسم الجيش العراقي اللواء يحيى رسول إن المحادثات بدأت.")
    for _, sentence in article.sentences():
        sentence.en = "The Iraqi army spokesman, Major General Yehia Rasoul, said talks began."
    actor = next(a for a in extract_actors(Briefing("t", [article])) if a.type == "person")
    assert actor.name_en == "Yahya Rasul"
    assert actor.role_en == "spokesman for the Iraqi Army, Major General"


def test_repeated_paragraphs_do_not_count_twice():
    article = build(
        "خبر", "روسيا تسعى لدور في العراق.", "نص آخر عن إيران.", "روسيا تسعى لدور في العراق."
    )
    assert article.paragraphs[3].kind is ParagraphKind.REPEATED
    russia = next(a for a in extract_actors(Briefing("t", [article])) if a.name_en == "Russia")
    assert [m.paragraph for m in russia.mentions] == [2]


def test_actors_merge_across_articles():
    first = build("خبر", "قال قيس الخزعلي إن الاجتماع مهم.", article_id="A1")
    second = build("خبر آخر", "وأضاف الخزعلي أن العراق لن يتراجع.", article_id="A2")
    khazali = next(a for a in extract_actors(Briefing("t", [first, second])) if a.type == "person")
    assert [(m.article, m.text) for m in khazali.mentions] == [
        ("A1", "قيس الخزعلي"),
        ("A2", "الخزعلي"),
    ]


class FirstParagraphTagger:
    """Tags ``names`` (word runs -> type, longest first, never overlapping) in the first
    paragraph that has one, nothing after; or, with ``every_paragraph``, wherever they occur."""

    common_words = frozenset()
    name_stems = frozenset()

    def __init__(self, names: dict[tuple[str, ...], str], every_paragraph: bool = False):
        self.names, self.done, self.every_paragraph = names, False, every_paragraph

    def tag_story_with_confidence(self, sentences):
        result = []
        tagged = False
        for tokens in sentences:
            tags = ["O"] * len(tokens)
            for name, kind in sorted(self.names.items(), key=lambda item: -len(item[0])):
                for i in range(len(tokens) - len(name) + 1):
                    free = all(tag == "O" for tag in tags[i : i + len(name)])
                    if not self.done and free and tuple(tokens[i : i + len(name)]) == name:
                        tags[i : i + len(name)] = ["B-" + kind] + ["I-" + kind] * (len(name) - 1)
                        tagged = True
            result.append((tags, [1.0] * len(tokens)))
        self.done = (self.done or tagged) and not self.every_paragraph
        return result


def actors_by_name(article, tagger) -> dict:
    """The actors of a one-article briefing, by Arabic name."""
    return {a.name_ar: a for a in extract_actors(Briefing("t", [article]), tagger=tagger)}


def test_names_are_spread_except_one_word_taken_for_a_person_after_a_role():
    article = build(
        "خبر",
        "قال أمين عام عصائب أهل الحق قيس الخزعلي إن مؤسسة الرافدين تدعم الخطة.",
        "وقال الوزير كوتراشيف إن الاجتماع مهم.",
        "وأكدت عصائب أهل الحق أن مؤسسة الرافدين لن تتراجع، وأيده كوتراشيف.",
    )
    tagger = FirstParagraphTagger({("مؤسسة", "الرافدين"): "ORG", ("قيس", "الخزعلي"): "PERS"})
    actors = actors_by_name(article, tagger)
    # found by the CRF in the first paragraph after the headline, spread to the last
    assert [m.paragraph for m in actors["مؤسسة الرافدين"].mentions] == [2, 4]
    # a body found between a title and a person, spread too
    assert [m.paragraph for m in actors["عصائب أهل الحق"].mentions] == [2, 4]
    # one rare word after a role: a person there, but not looked for elsewhere
    assert [m.paragraph for m in actors["كوتراشيف"].mentions] == [3]


def test_a_name_that_is_a_common_word_is_spread_only_as_often_as_the_text_names_it():
    # the tagger takes صقر (a name, and falcon) for a person once; the bird recurs four times
    falcon = build(
        "خبر",
        "قال صقر إن حديقة الطيور استقبلت زوارا.",
        "وشاهد الزوار الصقر في قفصه.",
        "وكان الصقر نائما.",
        "ثم أكل الصقر اللحم.",
        "وحلق الصقر فوق الساحة.",
    )
    tagger = FirstParagraphTagger({("صقر",): "PERS"})
    actors = actors_by_name(falcon, tagger)
    assert [m.paragraph for m in actors["صقر"].mentions] == [2]
    # a name the dictionary does not know is spread however often it recurs
    rare = build(
        "خبر",
        "قال كوتراشيف إن الخطة جاهزة.",
        "وأكد كوتراشيف ذلك.",
        "وأضاف كوتراشيف أن الموعد قريب.",
        "وختم كوتراشيف حديثه.",
        "ثم غادر كوتراشيف القاعة.",
    )
    tagger = FirstParagraphTagger({("كوتراشيف",): "PERS"})
    actors = actors_by_name(rare, tagger)
    assert [m.paragraph for m in actors["كوتراشيف"].mentions] == [2, 3, 4, 5, 6]


def test_json_shape(seeds):
    _, actors = seeds
    record = dataclasses.asdict(actors[0])
    assert set(record) == {"name_ar", "name_en", "type", "role_ar", "role_en", "mentions"}
    assert set(record["mentions"][0]) == {"article", "paragraph", "start", "end", "text"}
    assert {a.type for a in actors} <= {"person", "organization", "location"}


def test_empty_briefing_has_no_actors():
    assert extract_actors(Briefing("t", [build("خبر", "لا شيء هنا.")])) == []


SEED_WORDS = sorted({word for path in SEEDS for word in path.read_text(encoding="utf-8").split()})


@settings(max_examples=25, deadline=None)
@given(
    st.lists(
        st.sampled_from(SEED_WORDS + ["،", ".", "وَالخزعلي", "بالأردن"]), min_size=1, max_size=60
    )
)
def test_mentions_point_at_their_text_in_any_word_salad(words):
    briefing = Briefing("t", [build("خبر", " ".join(words))])
    for actor in extract_actors(briefing):
        assert actor.name_en and actor.type in ("person", "organization", "location")
        for mention in actor.mentions:
            paragraph = briefing.article(mention.article).paragraph(mention.paragraph)
            assert paragraph.ar[mention.start : mention.end] == mention.text != ""


def test_title_words_found_near_a_name_are_those_of_the_whole_paragraph_scan():
    words = [normalize(t.text) for path in SEEDS for t in tokenize(path.read_text("utf-8"))]
    covered = title_coverage(words)
    assert sum(covered) >= 10  # السفير, رئيس هيئة, المتحدث باسم, الفريق الركن ...
    assert [_in_title(words, i) for i in range(len(words))] == covered


def test_a_place_read_as_part_of_a_person_once_stays_a_place_where_the_text_says_so():
    article = build(
        "خبر",
        "قال متمردو دارفور إن الطائرات قصفت القرى.",
        "وصلت القوات إلى دارفور أمس.",
        "وتبقى دارفور بعيدة عن الحل، قال جورج بوش.",
        "وقال بوش إن الخطة جاهزة.",
    )
    tagger = FirstParagraphTagger(
        {("متمردو", "دارفور"): "PERS", ("دارفور",): "LOC", ("جورج", "بوش"): "PERS",
         ("بوش",): "LOC"},
        every_paragraph=True,
    )
    actors = actors_by_name(article, tagger)
    # twice a place against one person containing it: the place stays a place
    assert actors["دارفور"].type == "location"
    assert [m.paragraph for m in actors["دارفور"].mentions] == [3, 4]
    # once a "place" against one mention of the person: the tagger's slip, the person's surname
    assert "بوش" not in actors
    assert [m.text for m in actors["جورج بوش"].mentions] == ["جورج بوش", "بوش"]


def test_a_european_name_keeps_its_particle_and_its_surname_is_found_with_it():
    article = build(
        "خبر",
        "قال ماركو فان باستن إن الفريق جاهز.",
        "وأضاف فان باستن أن المباراة صعبة.",
    )
    tagger = FirstParagraphTagger({("ماركو",): "PERS"})  # the CRF stops at فان ("then")
    [person] = [a for a in extract_actors(Briefing("t", [article]), tagger=tagger)]
    assert person.name_ar == "ماركو فان باستن"
    assert [m.text for m in person.mentions] == ["ماركو فان باستن", "فان باستن"]
