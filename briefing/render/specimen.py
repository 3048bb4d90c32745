"""A small hand-made briefing that uses every feature the documents show, to preview templates.

Whoever writes a ``--templates`` folder can look at it without a translation model::

    python -m briefing.render.specimen OUT_DIR [--templates DIR] [--paper letter]

It has two short articles (multi-sentence paragraphs, a subheading, a repeated paragraph, English
from the memory and from an analyst, flagged sentences) and a summary with actors, dated and
undated events, viewpoints, a clash and a corroborated paragraph. The tests render it too.
"""

from __future__ import annotations

import argparse
from datetime import datetime, timezone
from pathlib import Path

from briefing.extract.corroboration import Corroboration, SourceMatch
from briefing.structure import (
    Actor,
    Article,
    Briefing,
    Clash,
    DateMention,
    Mention,
    ModelInfo,
    Paragraph,
    ParagraphKind,
    Sentence,
    Viewpoint,
)


def paragraph(index: int, kind: ParagraphKind, pairs: list[tuple], repeat_of: int | None = None) -> Paragraph:
    """A paragraph from ``(arabic, english[, origin[, flags]])`` sentence tuples, offsets computed."""
    sentences, position = [], 0
    for pair in pairs:
        arabic, english = pair[:2]
        origin = pair[2] if len(pair) > 2 else "mt"
        flags = pair[3] if len(pair) > 3 else []
        sentences.append(Sentence(arabic, position, position + len(arabic), english, origin, list(flags)))
        position += len(arabic) + 1
    return Paragraph(index, kind, " ".join(s.ar for s in sentences), sentences, repeat_of)


BODY, TITLE, SUBHEADING, REPEATED = (ParagraphKind.BODY, ParagraphKind.TITLE, ParagraphKind.SUBHEADING,
                                     ParagraphKind.REPEATED)


def place(article: Article, index: int, text: str) -> tuple[str, int, int, int]:
    """``(article, paragraph, start, end)`` of the first ``text`` in paragraph ``index``."""
    start = article.paragraph(index).ar.index(text)
    return article.id, index, start, start + len(text)


def mention(article: Article, index: int, text: str) -> Mention:
    return Mention(*place(article, index, text), text)


def specimen_briefing() -> Briefing:
    washington = [("موقف واشنطن", "Washington's position")]
    first = Article("A1", "specimen/russia-iraq.txt", [
        paragraph(1, TITLE, [("روسيا تعرض على العراق شراكة أمنية", "Russia offers Iraq a security partnership")]),
        paragraph(2, BODY, [
            ("التقى السفير الروسي إلبروس كوتراشيف رئيس الوزراء العراقي محمد شياع السوداني في بغداد يوم 5 فبراير 2024.",
             ("Russian Ambassador Elbrus Kutrashev met Iraqi Prime Minister Mohammed Shia al-Sudani in Baghdad "
              "on 5 February 2024.")),
            ("وناقش الطرفان التعاون الأمني وتبادل الخبرات.",
             "The two sides discussed security cooperation and the exchange of expertise.", "tm"),
        ]),
        paragraph(3, SUBHEADING, washington),
        paragraph(4, BODY, [
            ("قال متحدث باسم وزارة الخارجية الأمريكية إن القوات الأمريكية باقية في العراق.",
             "A US State Department spokesman said American forces are staying in Iraq."),
            ("وأضاف أن الحوار مع بغداد مستمر منذ أواخر يناير.",
             "He added that the dialogue with Baghdad has continued since late January.", "edited"),
            ("ولم يذكر تفاصيل عن عدد الجنود البالغ 2500 جندي.",
             "He gave no details about the number of soldiers, 2,050.", "mt", ["numbers"]),
        ]),
        paragraph(5, REPEATED, washington, repeat_of=3),
        paragraph(6, BODY, [
            ("ويرى مركز دراسات الحرب أن موسكو تستعد لملء الفراغ إذا خفضت واشنطن وجودها العسكري.",
             ("The Institute for the Study of War believes Moscow is preparing to fill the vacuum if Washington "
              "reduces its military presence.")),
        ]),
    ], meta={"outlet": "Specimen Daily", "published": "2024-02-21"})
    second = Article("A2", "specimen/analysts.txt", [
        paragraph(1, TITLE, [("محللون: العراق لا يريد أي وجود عسكري أجنبي", "Analysts: Iraq wants no foreign military presence")]),
        paragraph(2, BODY, [
            ("قال المحلل السياسي صباح العكيلي إن العراق لا يريد استبدال قوة أجنبية بأخرى.",
             "Political analyst Sabah al-Okaili said Iraq does not want to replace one foreign force with another."),
            ("وأشار إلى أن البرلمان صوت على إنهاء مهمة التحالف.",
             "He noted that parliament voted to end the coalition's mission."),
        ]),
        paragraph(3, BODY, [
            ("التقى كوتراشيف السوداني في بغداد لمناقشة التعاون الأمني.",
             "Kutrashev met al-Sudani in Baghdad to discuss security cooperation.", "mt", ["untranslated"]),
        ]),
    ])
    actors = [
        Actor("إلبروس كوتراشيف", "Elbrus Kutrashev", "person", "السفير الروسي", "Russian ambassador",
              [mention(first, 2, "إلبروس كوتراشيف"), mention(second, 3, "كوتراشيف")]),
        Actor("محمد شياع السوداني", "Mohammed Shia al-Sudani", "person", "رئيس الوزراء العراقي",
              "Iraqi prime minister", [mention(first, 2, "محمد شياع السوداني")]),
        Actor("مركز دراسات الحرب", "Institute for the Study of War", "organization", None, None,
              [mention(first, 6, "مركز دراسات الحرب")]),
    ]
    dates = [
        DateMention("منذ أواخر يناير", "--01", None, "month", "since late", False,
                    *place(first, 4, "منذ أواخر يناير"),
                    "وأضاف أن الحوار مع بغداد مستمر منذ أواخر يناير.",
                    "He added that the dialogue with Baghdad has continued since late January."),
        DateMention("يوم 5 فبراير 2024", "2024-02-05", None, "day", None, False,
                    *place(first, 2, "يوم 5 فبراير 2024"),
                    "التقى السفير الروسي إلبروس كوتراشيف رئيس الوزراء العراقي في بغداد",
                    "Russian Ambassador Elbrus Kutrashev met Iraqi Prime Minister Mohammed Shia al-Sudani",
                    [0, 1]),
    ]
    viewpoints = [
        Viewpoint("متحدث باسم وزارة الخارجية الأمريكية", "US State Department spokesman", None, "قال",
                  "القوات الأمريكية باقية في العراق", "American forces are staying in Iraq",
                  *place(first, 4, "القوات الأمريكية باقية في العراق"),
                  "الوجود، العسكري، العراق", "positive", "supports", ["باقية"]),
        Viewpoint("صباح العكيلي", "Sabah al-Okaili", None, "قال", "العراق لا يريد استبدال قوة أجنبية بأخرى",
                  "Iraq does not want to replace one foreign force with another",
                  *place(second, 2, "العراق لا يريد استبدال قوة أجنبية بأخرى"),
                  "الوجود، العسكري، العراق", "negative", "opposes", ["لا يريد"]),
    ]
    clashes = [Clash("الوجود، العسكري، العراق", 0, 1,
                     "US State Department spokesman supports «باقية»; Sabah al-Okaili opposes «لا يريد»; "
                     "shared: الوجود، العسكري، العراق")]
    corroboration = [Corroboration("A2", 3, "corroborated", ["A1"],
                                   [SourceMatch("A1", 2, 0.61, ["كوتراشيف", "السوداني", "بغداد"])])]
    return Briefing(
        title="Specimen briefing: Russia, the United States and Iraq",
        articles=[first, second],
        created=datetime(2024, 2, 22, 9, 30, tzinfo=timezone.utc),
        model=ModelInfo("Argos Translate translate-ar_en", "1.0"),
        actors=actors, dates=dates, viewpoints=viewpoints, clashes=clashes, corroboration=corroboration,
    )


def main(argv: list[str] | None = None) -> None:
    from briefing.pipeline import write_outputs

    parser = argparse.ArgumentParser(description="Render the specimen briefing to preview templates.")
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--templates", type=Path)
    parser.add_argument("--paper", default="A4")
    parser.add_argument("--format", default="pdf,docx,html")
    options = parser.parse_args(argv)
    for path in write_outputs(specimen_briefing(), options.out_dir, options.format.split(","),
                              name="specimen", templates=options.templates, paper=options.paper):
        print(f"wrote {path}")


if __name__ == "__main__":
    main()
