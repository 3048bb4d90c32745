"""Errors a user can act on: the CLI prints them as one line, without a traceback."""

from __future__ import annotations


class BriefingError(Exception):
    """A problem with the user's input or setup; ``exit_code`` is what the CLI exits with."""

    exit_code = 2


class InputError(BriefingError):
    """An input file that cannot be turned into an article."""

    def __init__(self, path, problem: str):
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")


class ModelNotInstalledError(BriefingError):
    """No Arabic->English translation package is installed."""
