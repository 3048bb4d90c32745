"""The persistent translation cache: a model never translates the same sentence twice.

One SQLite file (``BRIEFING_CACHE_DIR`` if set, else the platform's user cache folder, e.g.
``~/.cache/briefing/translations.sqlite3``). Entries are keyed by a namespace (the model's
identity and version plus the decoding options that change its output) and the exact sentence
the model was given.

Each translation is committed as soon as the model returns it, so an interrupted build (Ctrl-C,
a killed process) keeps everything finished before and the next run resumes from there. The
database runs in write-ahead-log mode with a generous busy timeout, so builds running at the
same time wait for each other's short writes instead of failing or corrupting the file.
The folder and the files are readable by their owner only: they hold the articles' text.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from briefing.errors import BriefingError
from briefing.translate.base import (
    Engine,
    Layer,
    Stream,
    Translation,
    answer_or_delegate,
)

FILE_NAME = "translations.sqlite3"
BUSY_TIMEOUT_SECONDS = 60.0

_SCHEMA = """
CREATE TABLE IF NOT EXISTS translations (
    namespace TEXT NOT NULL,
    source TEXT NOT NULL,
    english TEXT NOT NULL,
    origin TEXT NOT NULL,
    score REAL,
    flags TEXT NOT NULL,
    created TEXT NOT NULL DEFAULT (datetime('now')),
    PRIMARY KEY (namespace, source)
)
"""


def cache_dir() -> Path:
    """``BRIEFING_CACHE_DIR``, else the platform's user cache folder for briefing."""
    configured = os.environ.get("BRIEFING_CACHE_DIR")
    if configured:
        return Path(configured).expanduser()
    import platformdirs

    return Path(platformdirs.user_cache_dir("briefing", appauthor=False))


@dataclass(frozen=True)
class CacheInfo:
    path: Path
    entries: int
    size_bytes: int
    namespaces: dict[str, int]


class TranslationCache:
    """The cache file, opened on first use; every write is its own committed transaction."""

    def __init__(self, path: Path | None = None):
        self.path = Path(path) if path else cache_dir() / FILE_NAME
        self._connection: sqlite3.Connection | None = None

    def _db(self) -> sqlite3.Connection:
        if self._connection is None:
            try:
                self._make_private()
                connection = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None)
                connection.execute("PRAGMA journal_mode=WAL")
                connection.execute("PRAGMA synchronous=NORMAL")
                connection.execute(_SCHEMA)
            except (sqlite3.Error, OSError) as error:
                raise self._error(error) from None
            self._connection = connection
        return self._connection

    def _make_private(self) -> None:
        """The cache holds article text: only its owner may read the folder and the database.

        SQLite gives the write-ahead log and shared-memory files the database file's permissions.
        """
        self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        os.chmod(self.path.parent, 0o700)
        os.close(os.open(self.path, os.O_CREAT | os.O_WRONLY, 0o600))
        os.chmod(self.path, 0o600)

    def _error(self, error: Exception) -> BriefingError:
        return BriefingError(
            f"{self.path}: translation cache unusable ({error}); "
            "run `briefing cache clear` or build with --no-cache"
        )

    def lookup(self, namespace: str, sources: Sequence[str]) -> dict[int, Translation]:
        """Position -> cached translation, for the ``sources`` the cache holds."""
        found = {}
        try:
            for position, source in enumerate(sources):
                row = self._db().execute(
                    "SELECT english, origin, score, flags FROM translations WHERE namespace=? AND source=?",
                    (namespace, source),
                ).fetchone()
                if row:
                    found[position] = Translation(text=row[0], origin=row[1], score=row[2], flags=json.loads(row[3]))
        except sqlite3.Error as error:
            raise self._error(error) from None
        return found

    def store(self, namespace: str, source: str, translation: Translation) -> None:
        try:
            self._db().execute(
                "INSERT OR REPLACE INTO translations (namespace, source, english, origin, score, flags) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (namespace, source, translation.text, translation.origin, translation.score,
                 json.dumps(translation.flags)),
            )
        except sqlite3.Error as error:
            raise self._error(error) from None

    def info(self) -> CacheInfo:
        if not self.path.exists():
            return CacheInfo(self.path, 0, 0, {})
        try:
            rows = self._db().execute(
                "SELECT namespace, COUNT(*) FROM translations GROUP BY namespace ORDER BY namespace"
            ).fetchall()
        except sqlite3.Error as error:
            raise self._error(error) from None
        size = sum(p.stat().st_size for p in self.path.parent.glob(self.path.name + "*") if p.is_file())
        return CacheInfo(self.path, sum(count for _, count in rows), size, dict(rows))

    def clear(self) -> int:
        """Delete every entry (safe while another build uses the cache); returns how many."""
        if not self.path.exists():
            return 0
        try:
            deleted = self._db().execute("DELETE FROM translations").rowcount
            self._db().execute("VACUUM")
        except (sqlite3.Error, BriefingError):
            # A file that is not a database at all: remove it, the next run starts afresh.
            self.close()
            for part in self.path.parent.glob(self.path.name + "*"):
                part.unlink(missing_ok=True)
            return 0
        return deleted

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None


class CachedEngine(Layer):
    """Answers from the cache; sends the rest to the engine below and caches each answer at once."""

    def __init__(self, inner: Engine, cache: TranslationCache, namespace: str):
        super().__init__(inner)
        self.cache = cache
        self.namespace = namespace

    def stream(self, sentences: Sequence[str]) -> Stream:
        known = self.cache.lookup(self.namespace, sentences)
        for position, translation in answer_or_delegate(sentences, known, self.inner):
            if position not in known:
                self.cache.store(self.namespace, sentences[position], translation)
            yield position, translation
