"""Ctrl-C and ``kill`` stop a run cleanly, even when the signal lands inside library code.

A KeyboardInterrupt raised while C code is calling back into Python (WeasyPrint's cffi
callbacks during layout) is printed and swallowed by cffi, and the run would go on as if
nothing happened. So the signal is also remembered, and the run checks it at the point of no
return: before documents are renamed into place.
"""

from __future__ import annotations

import signal

_stop_requested = False


def _stop(signum, frame):
    global _stop_requested
    _stop_requested = True
    raise KeyboardInterrupt


def install() -> None:
    """Ctrl-C (SIGINT) and ``kill`` (SIGTERM) both interrupt the run and are remembered."""
    signal.signal(signal.SIGINT, _stop)
    signal.signal(signal.SIGTERM, _stop)


def raise_if_stop_requested() -> None:
    """Raise KeyboardInterrupt if a stop signal arrived, even one a library swallowed."""
    if _stop_requested:
        raise KeyboardInterrupt
