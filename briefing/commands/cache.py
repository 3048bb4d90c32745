"""``briefing cache``: where the translation cache is, how big, and emptying it."""

from __future__ import annotations

import typer

app = typer.Typer(help="The persistent translation cache (set its folder with BRIEFING_CACHE_DIR).",
                  no_args_is_help=True)


@app.command("info")
def info() -> None:
    """Path, number of cached sentences (per model and options) and size on disk."""
    from briefing.translate.cache import TranslationCache

    details = TranslationCache().info()
    typer.echo(f"path     {details.path}")
    typer.echo(f"entries  {details.entries}")
    typer.echo(f"size     {details.size_bytes / 1e6:.2f} MB")
    for namespace, count in details.namespaces.items():
        typer.echo(f"  {count:>7}  {namespace}")


@app.command("clear")
def clear() -> None:
    """Delete every cached translation (imported post-edits are kept: they are not in the cache)."""
    from briefing.translate.cache import TranslationCache

    cache = TranslationCache()
    deleted = cache.clear()
    typer.echo(f"cleared {deleted} cached translations from {cache.path}")
