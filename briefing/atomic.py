"""Write outputs so that a failed or interrupted run never leaves a broken file behind."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


PARTIAL_SUFFIX = ".partial"


def _partial_name(target: Path, pid: int) -> str:
    return f".{target.name}.{pid}{PARTIAL_SUFFIX}"


@contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """Yield a temporary path beside ``target``; it replaces ``target`` only if the block succeeds."""
    target = Path(target)
    temporary = target.with_name(_partial_name(target, os.getpid()))
    try:
        yield temporary
        with open(temporary, "rb+") as written:
            os.fsync(written.fileno())
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)


def remove_leftovers(folder: Path) -> list[Path]:
    """Delete temporary files that killed runs (SIGKILL, power loss) left in ``folder``.

    Only files named like ours whose process is gone are removed, so a run still writing into
    the same folder keeps its own.
    """
    removed = []
    for leftover in Path(folder).glob(f".*.*{PARTIAL_SUFFIX}"):
        pid = leftover.name[: -len(PARTIAL_SUFFIX)].rpartition(".")[2]
        if pid.isdigit() and not _running(int(pid)):
            leftover.unlink(missing_ok=True)
            removed.append(leftover)
    return removed


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def write_bytes(target: Path, data: bytes) -> None:
    with atomic_path(target) as temporary:
        temporary.write_bytes(data)
