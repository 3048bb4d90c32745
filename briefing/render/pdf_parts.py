"""A large briefing typeset in parts, so the PDF of 100 articles needs the memory of a few;
and paragraphs too long for one table row cut into several.

WeasyPrint keeps the layout of every page until the PDF is written (about 5 MB per news
article). A briefing with more than ``PART_ROWS`` table rows is therefore laid out a few
articles at a time, each part written to a temporary PDF and dropped, and the parts are joined
with pypdf. What spans parts is restored after joining:

* links: inside parts they are written as ``briefing-ref:#anchor`` (WeasyPrint drops internal
  links whose anchor is in another part); pypdf merges the parts' named destinations, and
  every such link becomes a link to its named destination again;
* running header and footer: the parts are typeset with their page margin boxes emptied, and
  one overlay document, the template's own ``@page`` rules over as many blank pages as the
  joined document has, draws them with the page numbers of the whole ("page 12 of 240");
* bookmarks: rebuilt with the levels WeasyPrint gave them, so a part that opens inside the
  summary keeps its headings under "Summary"; metadata and language come from the first part.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from briefing.render.view import ArticleView, BriefingView, RowView, SentenceView, SummaryView

PART_ROWS = 400  # table rows per part: about 25 NTREX articles
# Characters of one column in one table row: about a page. WeasyPrint lays out a row that runs
# over many pages again for every page: a translated 20,000-word paragraph in one row had not
# finished after 9 CPU minutes (40 s for the whole build once cut).
ROW_CHARS = 3000
REF_SCHEME = "briefing-ref:"
MARGIN_BOXES = [
    f"@{edge}-{place}"
    for edge in ("top", "bottom")
    for place in ("left-corner", "left", "center", "right", "right-corner")
] + [f"@{edge}-{place}" for edge in ("left", "right") for place in ("top", "middle", "bottom")]
NO_MARGIN_BOXES = "@page { " + " ".join(f"{box} {{ content: none !important; }}" for box in MARGIN_BOXES) + " }"


def cut_long_rows(article: ArticleView, row_chars: int = ROW_CHARS) -> ArticleView:
    """The article with every paragraph longer than ``row_chars`` (in either language) shown
    in several rows, cut between sentences; a sentence that long alone (text without
    punctuation, translated in pieces) is cut into as many parts of its words in both
    columns, so those rows are aligned only approximately. The headline is never cut."""
    rows = article.rows[:1]
    for row in article.rows[1:]:
        rows.extend(_row_pieces(row, row_chars))
    return replace(article, rows=rows)


def _size(sentences: list[SentenceView]) -> int:
    return max(sum(len(s.ar) for s in sentences), sum(len(s.en) for s in sentences))


def _row_pieces(row: RowView, row_chars: int) -> list[RowView]:
    if _size(row.sentences) <= row_chars:
        return [row]
    groups: list[list[SentenceView]] = [[]]
    for sentence in row.sentences:
        for part in _sentence_pieces(sentence, row_chars):
            if groups[-1] and _size(groups[-1] + [part]) > row_chars:
                groups.append([])
            groups[-1].append(part)
    return [replace(row, sentences=group, piece=number) for number, group in enumerate(groups)]


def _sentence_pieces(sentence: SentenceView, row_chars: int) -> list[SentenceView]:
    count = -(-_size([sentence]) // row_chars)
    if count == 1:
        return [sentence]
    ar, en = _even_word_runs(sentence.ar, count), _even_word_runs(sentence.en, count)
    return [
        replace(sentence, ar=ar[n], en=en[n], flags=sentence.flags if n == 0 else [])
        for n in range(count)
    ]


def _even_word_runs(text: str, count: int) -> list[str]:
    """``text`` cut between words into ``count`` runs of nearly equal length (a run may be
    empty when there are fewer words than runs)."""
    words = text.split()
    total = sum(len(word) + 1 for word in words)
    runs: list[list[str]] = [[] for _ in range(count)]
    done = 0
    for word in words:
        runs[min(count - 1, done * count // max(total, 1))].append(word)
        done += len(word) + 1
    return [" ".join(run) for run in runs]


def split_view(view: BriefingView, part_rows: int = PART_ROWS) -> list[BriefingView]:
    """The view in parts of about ``part_rows`` rows: the cover and the summary (cut between
    its rows, headings not repeated), then the articles, cut between articles. One part when
    the whole briefing is that small."""
    article_rows = [len(article.rows) for article in view.articles]
    if _summary_size(view.summary) + sum(article_rows) <= part_rows:
        return [view]
    parts = [
        replace(view, articles=[], summary=summary, front_matter=number == 0)
        for number, summary in enumerate(_split_summary(view.summary, part_rows))
    ]
    chunks: list[list[ArticleView]] = []
    rows = part_rows
    for article, count in zip(view.articles, article_rows, strict=True):
        if rows + count > part_rows:
            chunks.append([])
            rows = 0
        chunks[-1].append(article)
        rows += count
    empty = SummaryView()
    parts += [replace(view, articles=chunk, summary=empty, front_matter=False) for chunk in chunks]
    return parts


SUMMARY_SECTIONS = ("actors", "timeline", "undated", "topics", "clashes", "corroboration")


def _weight(section: str, item) -> int:
    return 1 + len(item.viewpoints) if section == "topics" else 1


def _summary_size(summary: SummaryView) -> int:
    return sum(_weight(name, item) for name in SUMMARY_SECTIONS for item in getattr(summary, name))


def _split_summary(summary: SummaryView, part_rows: int) -> list[SummaryView]:
    """The summary cut into pieces of at most ``part_rows`` rows (a topic is never cut)."""
    pieces: list[dict[str, list]] = [{}]
    rows = 0
    for name in SUMMARY_SECTIONS:
        for item in getattr(summary, name):
            weight = _weight(name, item)
            if pieces[-1] and rows + weight > part_rows:
                pieces.append({})
                rows = 0
            pieces[-1].setdefault(name, []).append(item)
            rows += weight
    views = []
    begun: list[str] = []
    for piece in pieces:
        continued = tuple(begun) + (("summary",) if views else ())
        views.append(SummaryView(**piece, continued=continued))
        begun += [name for name in piece if name not in begun]
        if "undated" in begun and "timeline" not in begun:
            begun.append("timeline")  # the undated dates are under the Timeline heading too
    return views


def cross_part_links(page: str) -> str:
    """Internal links (``href="#..."``) written so WeasyPrint keeps them across parts.

    Article text is escaped (``"`` is ``&#34;``), so only the template's attributes match.
    """
    return page.replace('href="#', f'href="{REF_SCHEME}#')


def overlay_page(empty_page: str, title: str, pages: int) -> str:
    """The template's page (head, styles, ``@page`` rules) with ``pages`` blank pages and the
    title the running header reads (``string-set`` on ``h1.briefing-title``)."""
    from markupsafe import escape

    blank = '<div style="break-before: page"></div>' * (pages - 1)
    title_line = (
        '<h1 class="briefing-title" style="height: 0; margin: 0; overflow: hidden; '
        f'visibility: hidden">{escape(title)}</h1>'
    )
    return empty_page.replace("</body>", title_line + blank + "</body>", 1)


def join_parts(
    pages: list[str],
    overlay: Callable[[int], str],
    write_pdf: Callable[[str, Path, str | None], list[int]],
    path: Path,
) -> None:
    """Typeset each part page to its own PDF, join them, draw the overlay, write ``path``.

    ``write_pdf(html, target, extra_css)`` typesets one page and returns the levels of its
    bookmarks in order (a part's own outline starts wherever the part starts, so a part that
    opens with a level-2 heading would put it at the top); ``overlay(page_count)`` gives the
    overlay page for the joined page count.
    """
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import Fit, NameObject, TextStringObject

    writer = PdfWriter()
    parents: list = []  # the last outline item of each level above the current one
    with tempfile.TemporaryDirectory(prefix="briefing-pdf-") as folder:
        first = None
        for number, page in enumerate(pages):
            part = Path(folder) / f"part-{number}.pdf"
            levels = write_pdf(cross_part_links(page), part, NO_MARGIN_BOXES)
            reader = PdfReader(part)
            first = first or reader
            offset = len(writer.pages)
            writer.append(reader, import_outline=False)
            for level, item in zip(levels, _flat_outline(reader.outline), strict=True):
                del parents[level - 1 :]
                parent = parents[-1] if parents else None
                target = offset + reader.get_destination_page_number(item)
                fit = Fit.xyz(item.left, item.top, item.zoom)
                parents.append(
                    writer.add_outline_item(title=item.title, page_number=target, parent=parent, fit=fit)
                )
        overlay_pdf = Path(folder) / "overlay.pdf"
        write_pdf(overlay(len(writer.pages)), overlay_pdf, None)
        for page, decoration in zip(writer.pages, PdfReader(overlay_pdf).pages, strict=True):
            page.merge_page(decoration)
            for annotation in page.get("/Annots", None) or []:
                link = annotation.get_object()
                uri = str(link.get("/A", {}).get("/URI", ""))
                if uri.startswith(REF_SCHEME + "#"):
                    del link[NameObject("/A")]
                    link[NameObject("/Dest")] = TextStringObject(uri[len(REF_SCHEME) + 1 :])
        if first.metadata:
            writer.add_metadata(dict(first.metadata))
        for key in ("/Lang", "/PageMode"):
            if key in first.trailer["/Root"]:
                writer.root_object[NameObject(key)] = first.trailer["/Root"][key]
        with open(path, "wb") as stream:
            writer.write(stream)


def _flat_outline(outline: list) -> list:
    """pypdf's nested outline (an item, then a list of its children) in document order."""
    flat = []
    for entry in outline:
        flat.extend(_flat_outline(entry) if isinstance(entry, list) else [entry])
    return flat
