"""Exceptions. Every expected failure is a `CablegramError`; the CLI maps them to exit codes."""

from __future__ import annotations

import re

_BREAKS = re.compile(r"\s*[\r\n]+\s*")


def one_line(message: str) -> str:
    """A message on one line (lxml's and the system's can hold line breaks): a line of
    output is one problem, for the editor and for the tools that read the output."""
    return _BREAKS.sub(" ", message).strip()


class CablegramError(Exception):
    """Root of cablegram's exceptions: an expected failure with a message for the user."""


class Problems(CablegramError):
    """Several problems found at once (every bad key of a configuration): a line each."""

    def __init__(self, lines: list[str]) -> None:
        super().__init__("\n".join(lines))
        self.lines = lines


class SourceError(CablegramError, ValueError):
    """A source file cannot be read as an archive export (empty, binary, not UTF-8 …)."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


class OverwriteError(CablegramError, FileExistsError):
    """A TEI file was edited by hand since cablegram wrote it; it is kept unless forced."""

    def __init__(self, path: str) -> None:
        super().__init__(
            f"{path}: edited by hand since cablegram wrote it; not overwritten "
            f"(--force-file {path} replaces it, keeping the edited file as a .bak)"
        )
        self.path = path


class EditionError(CablegramError):
    """The edition cannot be worked on as it is (its authority files missing or malformed):
    the command stops before writing anything (exit 2, whatever the command's other
    failures exit with)."""
