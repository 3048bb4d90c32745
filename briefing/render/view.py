"""What a reader sees, computed once for every format: the PDF, HTML and DOCX show the same view.

The view turns a ``Briefing`` into display-ready pieces (cover lines, summary items with their
paragraph references, table rows, legends), so the templates and the DOCX writer only lay out;
ordering, grouping and labels are decided here and nowhere else.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from briefing.render.xmlsafe import xml_safe
from briefing.structure import Article, Briefing, ParagraphKind

ORIGIN_LABELS = {
    "mt": "machine translation",
    "glossary": "machine translation with glossary terms",
    "tm": "from the translation memory",
    "edited": "edited by an analyst",
}
"""Where a sentence's English came from; ``mt`` is the unmarked default in every format."""

UNMARKED_ORIGINS = ("mt", "")

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")

ACTOR_TYPE_LABELS = {"person": "Person", "organization": "Organisation", "location": "Place"}


def flag_explanations() -> dict[str, str]:
    """The translation stage's flag explanations, or none while that stage does not provide them."""
    try:
        from briefing.translate.flags import FLAG_EXPLANATIONS
    except ImportError:
        return {}
    return dict(FLAG_EXPLANATIONS)


@dataclass(frozen=True)
class Ref:
    """A paragraph of an article, shown as ``[A1 ¶5]`` and linked to that paragraph's row."""

    article: str
    paragraph: int

    @property
    def label(self) -> str:
        return f"{self.article} ¶{self.paragraph}"

    @property
    def anchor(self) -> str:
        return paragraph_anchor(self.article, self.paragraph)


def paragraph_anchor(article_id: str, index: int) -> str:
    """The id of a paragraph's row in HTML and the name of its bookmark target in the DOCX."""
    return f"{article_id}-p{index}"


def unique_refs(pairs) -> list[Ref]:
    """``(article, paragraph)`` pairs as references, each once, in first-seen order."""
    return list(dict.fromkeys(Ref(article, paragraph) for article, paragraph in pairs))


@dataclass
class SentenceView:
    """One sentence pair; ``number`` counts from 1 within its paragraph."""

    number: int
    ar: str
    en: str
    origin: str
    flags: list[str]

    @property
    def marked_origin(self) -> str | None:
        """The origin when it must be told apart from plain machine output, else None."""
        return None if self.origin in UNMARKED_ORIGINS else self.origin


@dataclass
class RowView:
    """One paragraph row of the side-by-side table."""

    article: str
    index: int
    kind: str
    sentences: list[SentenceView]
    repeat_of: int | None = None
    piece: int = 0  # a paragraph too long for one PDF row goes on in rows with piece 1, 2, ...

    @property
    def anchor(self) -> str:
        anchor = paragraph_anchor(self.article, self.index)
        return f"{anchor}-{self.piece}" if self.piece else anchor

    @property
    def repeat_ref(self) -> Ref | None:
        return Ref(self.article, self.repeat_of) if self.repeat_of else None

    @property
    def tinted(self) -> bool:
        """Sentence pairs get alternating tints only where a paragraph has more than one."""
        return len(self.sentences) > 1


@dataclass
class SourceView:
    """One input article as the cover lists it."""

    article: str
    file_name: str
    title_ar: str
    title_en: str
    outlet: str | None
    published: str | None
    paragraph_count: int


@dataclass
class ArticleView:
    id: str
    title_ar: str
    title_en: str
    source: SourceView
    rows: list[RowView]

    @property
    def headline(self) -> RowView:
        return self.rows[0]

    @property
    def body_rows(self) -> list[RowView]:
        return self.rows[1:]


@dataclass
class ActorItem:
    name_en: str
    name_ar: str
    type_label: str
    role_en: str | None
    role_ar: str | None
    refs: list[Ref]


@dataclass
class DateItem:
    when: str
    text_ar: str
    event_en: str | None
    event_ar: str
    inferred: bool
    refs: list[Ref]


@dataclass
class ViewpointItem:
    speaker_en: str
    speaker_ar: str
    claim_en: str | None
    claim_ar: str
    polarity: str
    refs: list[Ref]
    stance: str  # "opposes", ... towards the topic the item is listed under
    stance_words: list[str]


@dataclass
class TopicItem:
    topic: str
    viewpoints: list[ViewpointItem]


@dataclass
class ClashItem:
    topic: str
    first: ViewpointItem
    second: ViewpointItem
    because: str


@dataclass
class CorroborationItem:
    ref: Ref
    others: list[Ref]
    shared: list[str]


@dataclass
class SummaryView:
    actors: list[ActorItem] = field(default_factory=list)
    timeline: list[DateItem] = field(default_factory=list)
    undated: list[DateItem] = field(default_factory=list)
    topics: list[TopicItem] = field(default_factory=list)
    clashes: list[ClashItem] = field(default_factory=list)
    corroboration: list[CorroborationItem] = field(default_factory=list)
    # Sections (and "summary" itself) begun in an earlier part of a PDF typeset in parts: their
    # headings are not repeated. "undated" once the undated dates have begun.
    continued: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return any((self.actors, self.timeline, self.undated, self.topics, self.clashes,
                    self.corroboration))


@dataclass
class LegendEntry:
    key: str
    explanation: str


@dataclass
class BriefingView:
    title: str
    created: str
    created_iso: str
    provenance: list[str]
    sources: list[SourceView]
    summary: SummaryView
    articles: list[ArticleView]
    flag_legend: list[LegendEntry]
    origin_legend: list[LegendEntry]
    paper: str = "A4"
    front_matter: bool = True  # the cover; False in the later parts of a long PDF


def build_view(briefing: Briefing, paper: str = "A4") -> BriefingView:
    """Everything the formats show, in display order, with text every format can hold."""
    briefing = xml_safe(briefing)
    articles = [_article_view(article) for article in briefing.articles]
    sentences = [s for article in articles for row in article.rows if row.kind != "repeated"
                 for s in row.sentences]
    return BriefingView(
        title=briefing.title,
        created=briefing.created.strftime("%Y-%m-%d %H:%M UTC"),
        created_iso=briefing.created.isoformat(timespec="seconds"),
        provenance=_provenance(briefing, sentences),
        sources=[article.source for article in articles],
        summary=_summary(briefing),
        articles=articles,
        flag_legend=_flag_legend(sentences),
        origin_legend=[LegendEntry(origin, ORIGIN_LABELS.get(origin, origin))
                       for origin in dict.fromkeys(s.marked_origin for s in sentences) if origin],
        paper=paper,
    )


def _article_view(article: Article) -> ArticleView:
    rows = [
        RowView(
            article=article.id,
            index=paragraph.index,
            kind=paragraph.kind.value,
            sentences=[
                SentenceView(number, sentence.ar, sentence.en or "", sentence.origin, list(sentence.flags))
                for number, sentence in enumerate(paragraph.sentences, 1)
            ],
            repeat_of=paragraph.repeat_of if paragraph.kind is ParagraphKind.REPEATED else None,
        )
        for paragraph in article.paragraphs
    ]
    source = SourceView(
        article=article.id,
        file_name=Path(article.source).name,
        title_ar=article.title_ar,
        title_en=article.title_en or "",
        outlet=article.meta.get("outlet"),
        published=article.meta.get("published") or article.meta.get("date"),
        paragraph_count=len(article.paragraphs),
    )
    return ArticleView(article.id, article.title_ar, article.title_en or "", source, rows)


def _provenance(briefing: Briefing, sentences: list[SentenceView]) -> list[str]:
    """Who made the English: the model, then how many sentences came from elsewhere."""
    counts = Counter(s.origin or "mt" for s in sentences)
    lines = []
    if briefing.model:
        machine = counts.pop("mt", 0)
        lines.append(f"Machine translation: {briefing.model.name}, version {briefing.model.version}"
                     f" ({_count(machine)})")
    for origin, count in counts.items():
        lines.append(f"{ORIGIN_LABELS.get(origin, origin).capitalize()}: {_count(count)}")
    return lines


def _count(sentences: int) -> str:
    return f"{sentences} sentence{'s' if sentences != 1 else ''}"


def _flag_legend(sentences: list[SentenceView]) -> list[LegendEntry]:
    explanations = flag_explanations()
    present = dict.fromkeys(flag for s in sentences for flag in s.flags)
    return [LegendEntry(flag, explanations.get(flag, "flagged by the translation check")) for flag in present]


def _summary(briefing: Briefing) -> SummaryView:
    viewpoints = [_viewpoint_item(v) for v in briefing.viewpoints]
    dated, undated = _split_timeline(briefing.dates)
    return SummaryView(
        actors=[_actor_item(actor) for actor in briefing.actors],
        timeline=[_date_item(mention) for mention in dated],
        undated=[_date_item(mention) for mention in undated],
        topics=_topics(briefing.viewpoints, viewpoints),
        clashes=[
            ClashItem(clash.topic, viewpoints[clash.a], viewpoints[clash.b], clash.because)
            for clash in briefing.clashes
            if clash.a < len(viewpoints) and clash.b < len(viewpoints)
        ],
        corroboration=[
            CorroborationItem(
                Ref(item.article, item.paragraph),
                unique_refs((match.article, match.paragraph) for match in item.matches),
                list(dict.fromkeys(word for match in item.matches for word in match.shared)),
            )
            for item in briefing.corroboration
            if item.matches
        ],
    )


def _actor_item(actor) -> ActorItem:
    return ActorItem(
        name_en=actor.name_en,
        name_ar=actor.name_ar,
        type_label=ACTOR_TYPE_LABELS.get(actor.type, str(actor.type)),
        role_en=actor.role_en,
        role_ar=actor.role_ar,
        refs=unique_refs((m.article, m.paragraph) for m in actor.mentions),
    )


def _split_timeline(mentions: list) -> tuple[list, list]:
    from briefing.extract.dates import timeline

    return timeline(list(mentions))


def _date_item(mention) -> DateItem:
    return DateItem(
        when=date_label(mention.value, mention.end_value, mention.modifier, mention.text),
        text_ar=mention.text,
        event_en=mention.event_en,
        event_ar=mention.event_ar,
        inferred=mention.inferred,
        refs=[Ref(mention.article, mention.paragraph)],
    )


def date_label(value: str | None, end_value: str | None, modifier: str | None, text: str) -> str:
    """``2024-02-05`` -> ``5 February 2024``; ranges, modifiers and yearless dates in words.

    A mention without a value (relative, unresolved) is shown as its Arabic text.
    """
    if not value:
        return f"{modifier} {text}" if modifier else text
    label = _iso_label(value)
    if end_value and end_value != value:
        label = f"{label} – {_iso_label(end_value)}"
    return f"{modifier} {label}" if modifier else label


def _iso_label(value: str) -> str:
    """ISO dates of any granularity (``2024``, ``2024-02``, ``2024-02-05``, ``--02-05``, ``--02``)."""
    yearless = value.startswith("--")
    parts = value.lstrip("-").split("-")
    if yearless:
        parts = ["", *parts]
    year, month, day = (parts + ["", ""])[:3]
    if not (month.isdigit() and 1 <= int(month) <= 12):
        return value
    words = [str(int(day))] if day.isdigit() else []
    words.append(MONTHS[int(month) - 1])
    words.append(year if year else "(year not given)")
    return " ".join(words)


def _viewpoint_item(viewpoint) -> ViewpointItem:
    return ViewpointItem(
        speaker_en=viewpoint.speaker_en,
        speaker_ar=viewpoint.speaker_ar,
        claim_en=viewpoint.claim_en,
        claim_ar=viewpoint.claim_ar,
        polarity=viewpoint.polarity,
        refs=[Ref(viewpoint.article, viewpoint.paragraph)],
        stance=viewpoint.stance,
        stance_words=viewpoint.stance_words,
    )


def _topics(viewpoints: list, items: list[ViewpointItem]) -> list[TopicItem]:
    """Viewpoints grouped by topic, topics in order of first appearance."""
    grouped: dict[str, list[ViewpointItem]] = {}
    for viewpoint, item in zip(viewpoints, items):
        grouped.setdefault(viewpoint.topic, []).append(item)
    return [TopicItem(topic, members) for topic, members in grouped.items()]
