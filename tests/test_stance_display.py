"""A viewpoint's stance towards its topic is shown in plain words in every document."""

from __future__ import annotations

import docx

from briefing.render.docx import DocxRenderer
from briefing.render.html import self_contained_html
from briefing.render.specimen import specimen_briefing
from briefing.render.view import build_view


def test_view_items_carry_the_stance_and_its_words():
    (topic,) = build_view(specimen_briefing()).summary.topics
    assert [(item.stance, item.stance_words) for item in topic.viewpoints] == [
        ("supports", ["باقية"]),
        ("opposes", ["لا يريد"]),
    ]


def test_html_shows_the_stance_not_the_polarity_label():
    page = self_contained_html(specimen_briefing())
    assert '<span class="polarity">supports <span class="ar" dir="rtl" lang="ar">«باقية»</span></span>' in page
    assert '<span class="polarity">opposes <span class="ar" dir="rtl" lang="ar">«لا يريد»</span></span>' in page
    assert ">negative<" not in page and ">positive<" not in page


def test_docx_viewpoint_line_names_the_stance(tmp_path):
    path = DocxRenderer().write(specimen_briefing(), tmp_path / "specimen.docx")
    lines = [p.text for p in docx.Document(str(path)).paragraphs]
    assert any("Sabah al-Okaili" in line and "(opposes «لا يريد») " in line for line in lines)
    assert any("US State Department spokesman" in line and "(supports «باقية») " in line for line in lines)
