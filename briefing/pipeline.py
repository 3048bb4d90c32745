"""The library API: ingest -> segment -> translate/align -> extract -> render, as plain functions.

The CLI is a thin layer over these; a Python user can call them directly::

    from briefing.pipeline import make_briefing, write_outputs
    briefing = make_briefing([Path("article.txt")], title="Iraq and Russia")
    write_outputs(briefing, Path("output"), ["pdf", "docx"])
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from contextlib import ExitStack
from datetime import date, datetime, timezone
from pathlib import Path

from briefing import ingest, interrupts
from briefing.atomic import atomic_path, remove_leftovers
from briefing.errors import BriefingError, InputError
from briefing.ingest import DEFAULT_MAX_INPUT_BYTES, Warn
from briefing.render import RENDERERS
from briefing.resources import seeds_dir
from briefing.segment import segment_article
from briefing.structure import Actor, Article, Briefing
from briefing.translate.base import Engine, Progress
from briefing.translate.glossary import Glossary, GlossaryTerm

DEFAULT_FORMATS = ("pdf", "docx")


def default_inputs() -> list[Path]:
    """``seeds/*.txt`` in the current folder, else the seeds that come with the install."""
    local = sorted(Path("seeds").glob("*.txt"))
    return local or sorted(seeds_dir().glob("*.txt"))


def read_articles(
    paths: Sequence[Path],
    *,
    max_input_bytes: int = DEFAULT_MAX_INPUT_BYTES,
    on_bad_file: Callable[[InputError], None] | None = None,
    on_warning: Warn | None = None,
) -> list[Article]:
    """Ingest and segment every file (a folder stands for its ``*.txt`` files).

    The first bad file stops the run before anything is translated or written, unless
    ``on_bad_file`` is given: then it receives each bad file's error and the file is skipped.
    """
    if not paths:
        raise BriefingError("no input files: name .txt files, or run where a seeds/ folder is")
    articles = ingest.read_articles(paths, max_bytes=max_input_bytes, on_bad_file=on_bad_file, warn=on_warning)
    if not articles:
        raise BriefingError("none of the input files could be read: nothing to build")
    return [segment_article(article) for article in articles]


def default_title(articles: list[Article]) -> str:
    today = datetime.now(timezone.utc).strftime("%Y-%m-%d")
    count = len(articles)
    return f"Briefing of {today}: {count} Arabic article{'s' if count != 1 else ''}"


def make_briefing(
    paths: Sequence[Path],
    *,
    title: str | None = None,
    engine: Engine | Callable[[], Engine] | None = None,
    translate: bool = True,
    progress: Callable[[int], Progress] | None = None,
    article_date: date | None = None,
    glossary: Path | None = None,
    max_input_bytes: int = DEFAULT_MAX_INPUT_BYTES,
    on_bad_file: Callable[[InputError], None] | None = None,
    on_warning: Warn | None = None,
) -> Briefing:
    """Read, translate, align and analyse the articles.

    ``engine`` is an Engine, a factory called only once the input is known to be good (so a bad
    file is reported before a model is loaded), or None for the installed Argos package behind
    the translation cache and any imported post-edits (``briefing.translate.engine``);
    ``translate=False`` skips translation (Arabic-only triage, no model needed).
    ``progress`` receives the number of sentences to translate and returns the per-step callback.
    ``article_date`` is the publication date relative dates are resolved against.
    ``glossary`` (the ``--glossary`` file) fixes the English of names in the actors list; the
    names of people and organisations found are then kept in the translation the same way.
    ``max_input_bytes``, ``on_bad_file`` and ``on_warning`` are passed to ``read_articles``.
    """
    from briefing.align import translate_articles, unique_sentences
    from briefing.extract import analyze, find_actors

    articles = read_articles(
        paths, max_input_bytes=max_input_bytes, on_bad_file=on_bad_file, on_warning=on_warning
    )
    briefing = Briefing(title=title or default_title(articles), articles=articles)
    terms = Glossary.load(glossary).terms if glossary else []
    find_actors(briefing, glossary={term.arabic: term.english for term in terms})
    if translate:
        if engine is None:
            from briefing.translate.engine import EngineSettings, build_engine

            def engine(names: tuple[GlossaryTerm, ...]) -> Engine:
                return build_engine(EngineSettings(glossary=glossary, names=names))

        if not isinstance(engine, Engine):
            engine = engine(actor_names(briefing.actors))
        briefing.model = engine.model
        step = progress(len(unique_sentences(articles))) if progress else None
        translate_articles(articles, engine, step)
    dates = {article.id: article_date for article in articles} if article_date else None
    return analyze(briefing, article_dates=dates)


def actor_names(actors: list[Actor]) -> tuple[GlossaryTerm, ...]:
    """Glossary terms for every spelling of the people and organisations found.

    Places are left to the model, which knows their usual English; names are what it mangles.
    """
    from briefing.extract.actors import glossary_entries

    named = [actor for actor in actors if actor.type != "location"]
    return tuple(GlossaryTerm(arabic, english, "name") for arabic, english in glossary_entries(named).items())


def parse_formats(text: str) -> list[str]:
    """``"pdf,docx"`` -> ``["pdf", "docx"]``, refusing unknown formats with the list of known ones."""
    formats = [part.strip().lower() for part in text.split(",") if part.strip()]
    unknown = [name for name in formats if name not in RENDERERS]
    if unknown or not formats:
        known = ", ".join(RENDERERS)
        raise BriefingError(f"unknown output format {', '.join(unknown) or repr(text)}: choose from {known}")
    return list(dict.fromkeys(formats))


def write_outputs(
    briefing: Briefing,
    out_dir: Path,
    formats: Sequence[str] = DEFAULT_FORMATS,
    *,
    name: str = "briefing",
    templates: Path | None = None,
    paper: str = "A4",
) -> list[Path]:
    """Render each format to ``out_dir/name.<ext>``.

    Every format is rendered to a temporary file first and they are renamed into place together,
    so a failure (full disk, interruption) leaves all previous documents as they were.
    ``templates`` is a folder overriding the bundled templates; ``paper`` is ``A4`` or ``letter``.
    """
    out_dir = Path(out_dir)
    check_file_name(name)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise BriefingError(f"{out_dir}: cannot create the output folder ({error.strerror})") from None
    remove_leftovers(out_dir)
    written = []
    try:
        with ExitStack() as replace_all_on_success:
            for format_name in formats:
                renderer = RENDERERS[format_name](templates, paper=paper)
                target = out_dir / f"{name}{renderer.extension}"
                renderer.render_to(briefing, replace_all_on_success.enter_context(atomic_path(target)))
                written.append(target)
            interrupts.raise_if_stop_requested()
    except OSError as error:
        raise BriefingError(
            f"{out_dir}: cannot write the documents ({error.strerror or error}); no previous document was changed"
        ) from None
    return written


def check_file_name(name: str) -> None:
    """Refuse a document name that is not a plain file name (folders, ``..``, over 200 bytes)."""
    if not name or name in {".", ".."} or Path(name).name != name or "\\" in name or len(os.fsencode(name)) > 200:
        raise BriefingError(f"{name!r} cannot be a document name: use a plain file name without folders")


def check_output_dir(out_dir: Path) -> None:
    """Fail before any translation if the documents could not be written to ``out_dir``.

    Nothing is created: the folder itself is made only when the documents are written.
    """
    existing = Path(out_dir).absolute()
    while not existing.exists():
        existing = existing.parent
    if not existing.is_dir():
        raise BriefingError(f"{existing}: is a file, so the output folder {out_dir} cannot be made there")
    if not os.access(existing, os.W_OK | os.X_OK):
        raise BriefingError(f"{existing}: cannot write here (permission denied or read-only); choose another -o folder")
