"""The view every format shows: references, legends, provenance, summary grouping, date labels."""

from __future__ import annotations

import pytest

from briefing.render.pdf_parts import _summary_size, split_view
from briefing.render.specimen import specimen_briefing
from briefing.render.view import ORIGIN_LABELS, Ref, build_view, date_label


@pytest.fixture(scope="module")
def view():
    return build_view(specimen_briefing())


@pytest.mark.parametrize(
    "value, end_value, modifier, text, label",
    [
        ("2024-02-05", None, None, "5 فبراير 2024", "5 February 2024"),
        ("2024-01", None, "since late", "منذ أواخر يناير 2024", "since late January 2024"),
        ("2024", None, None, "2024", "2024"),
        ("--01", None, None, "يناير", "January (year not given)"),
        ("--02-05", None, None, "5 فبراير", "5 February (year not given)"),
        ("2024-02-05", "2024-02-06", None, "5 و6 فبراير 2024", "5 February 2024 – 6 February 2024"),
        (None, None, "after", "بعد أقل من 24 ساعة", "after بعد أقل من 24 ساعة"),
        (None, None, None, "اليوم", "اليوم"),
    ],
)
def test_date_labels(value, end_value, modifier, text, label):
    assert date_label(value, end_value, modifier, text) == label


def test_references_point_at_paragraph_rows(view):
    ref = Ref("A1", 5)
    assert (ref.label, ref.anchor) == ("A1 ¶5", "A1-p5")
    anchors = {row.anchor for article in view.articles for row in article.rows}
    summary = view.summary
    every_ref = [r for actor in summary.actors for r in actor.refs]
    every_ref += [r for item in summary.timeline + summary.undated for r in item.refs]
    every_ref += [r for topic in summary.topics for item in topic.viewpoints for r in item.refs]
    every_ref += [item.ref for item in summary.corroboration]
    every_ref += [r for item in summary.corroboration for r in item.others]
    assert every_ref and all(ref.anchor in anchors for ref in every_ref)


def test_actor_mentions_become_one_reference_per_paragraph(view):
    kutrashev = view.summary.actors[0]
    assert kutrashev.name_en == "Elbrus Kutrashev"
    assert [ref.label for ref in kutrashev.refs] == ["A1 ¶2", "A2 ¶3"]
    assert kutrashev.type_label == "Person"


def test_timeline_puts_full_dates_first_and_keeps_yearless_ones_apart(view):
    assert [item.when for item in view.summary.timeline] == ["5 February 2024"]
    assert [item.when for item in view.summary.undated] == ["since late January (year not given)"]


def test_viewpoints_grouped_by_topic_and_clash_names_both_sides(view):
    (topic,) = view.summary.topics
    assert [item.speaker_en for item in topic.viewpoints] == ["US State Department spokesman", "Sabah al-Okaili"]
    (clash,) = view.summary.clashes
    assert (clash.first.speaker_en, clash.second.speaker_en) == ("US State Department spokesman", "Sabah al-Okaili")


def test_provenance_counts_sentences_by_origin_without_repeats(view):
    assert view.provenance == [
        "Machine translation: Argos Translate translate-ar_en, version 1.0 (10 sentences)",
        "From the translation memory: 1 sentence",
        "Edited by an analyst: 1 sentence",
    ]


def test_legends_list_what_the_briefing_holds(view):
    assert [entry.key for entry in view.origin_legend] == ["tm", "edited"]
    assert view.origin_legend[0].explanation == ORIGIN_LABELS["tm"]
    assert [entry.key for entry in view.flag_legend] == ["numbers", "untranslated"]
    assert all(entry.explanation for entry in view.flag_legend)


def test_flag_explanations_come_from_the_translation_stage_when_it_has_them(monkeypatch):
    import sys
    import types

    flags = types.ModuleType("briefing.translate.flags")
    flags.FLAG_EXPLANATIONS = {"numbers": "A number in the Arabic is missing from the English."}
    monkeypatch.setitem(sys.modules, "briefing.translate.flags", flags)
    legend = {entry.key: entry.explanation for entry in build_view(specimen_briefing()).flag_legend}
    assert legend["numbers"] == "A number in the Arabic is missing from the English."


def test_rows_tint_only_multi_sentence_paragraphs_and_repeats_point_back(view):
    rows = {row.index: row for row in view.articles[0].rows}
    assert rows[2].tinted and not rows[6].tinted
    assert rows[5].repeat_ref == Ref("A1", 3)
    assert rows[3].repeat_ref is None
    assert rows[4].sentences[2].flags == ["numbers"]
    assert [s.marked_origin for s in rows[4].sentences] == [None, "edited", None]


def test_a_long_briefing_is_cut_between_articles_and_summary_rows_with_the_front_first(view):
    summary_rows = _summary_size(view.summary)
    rows = [len(article.rows) for article in view.articles]
    assert split_view(view, part_rows=summary_rows + sum(rows)) == [view]

    parts = split_view(view, part_rows=summary_rows)
    assert [part.front_matter for part in parts] == [True] + [False] * (len(parts) - 1)
    assert parts[0].summary == view.summary and parts[0].articles == []
    assert [article for part in parts[1:] for article in part.articles] == view.articles
    for part in parts[1:]:
        assert not part.summary
        assert sum(len(a.rows) for a in part.articles) <= summary_rows or len(part.articles) == 1

    pieces = [part.summary for part in split_view(view, part_rows=2) if part.summary]
    assert len(pieces) > 3
    assert pieces[0].continued == ()
    for name in ("actors", "timeline", "undated", "topics", "clashes", "corroboration"):
        assert [item for piece in pieces for item in getattr(piece, name)] == getattr(view.summary, name)
        started = [n for n, piece in enumerate(pieces) if getattr(piece, name)]
        for number in started[1:]:
            assert name in pieces[number].continued  # its heading is not repeated
    assert all("summary" in piece.continued for piece in pieces[1:])
    assert all(_summary_size(piece) <= 2 or len(piece.topics) == 1 for piece in pieces)


def test_a_paragraph_too_long_for_one_row_is_cut_between_sentences_then_words():
    from briefing.render.pdf_parts import cut_long_rows
    from briefing.render.view import ArticleView, RowView, SentenceView, SourceView

    def sentence(number, ar, en):
        return SentenceView(number, ar, en, "mt", ["split"] if number == 3 else [])

    short = [sentence(n, f"جملة {n} " * 20, f"sentence {n} " * 20) for n in (1, 2)]
    giant = sentence(3, " ".join(f"كلمة{n}" for n in range(3000)), " ".join(f"word{n}" for n in range(3000)))
    rows = [RowView("A1", 1, "title", [sentence(1, "عنوان " * 2000, "title " * 2000)]),
            RowView("A1", 2, "body", short + [giant])]
    article = ArticleView("A1", "", "", SourceView("A1", "a.txt", "", "", None, None, 2), rows)

    cut = cut_long_rows(article, row_chars=1000)
    assert cut.rows[0] == rows[0]  # the headline stays whole
    body = cut.rows[1:]
    assert [row.piece for row in body] == list(range(len(body))) and len(body) > 5
    assert [row.anchor for row in body[:2]] == ["A1-p2", "A1-p2-1"]
    assert all(row.index == 2 for row in body)
    for language in ("ar", "en"):
        pieces = [s for row in body for s in row.sentences]
        assert " ".join(getattr(s, language) for s in pieces).split() == " ".join(
            getattr(s, language) for s in short + [giant]).split()
        # about a page: the limit, give or take a word where a sentence is cut between words
        assert all(sum(len(getattr(s, language)) for s in row.sentences) <= 1000 + 10 for row in body)
    assert body[0].sentences[:2] == short  # whole sentences are kept together when they fit
    assert [s.flags for row in body for s in row.sentences if s.number == 3][0] == ["split"]
    assert sum(1 for row in body for s in row.sentences if s.flags) == 1
