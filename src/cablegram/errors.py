"""Exceptions. Every expected failure is a `CablegramError`; the CLI maps them to exit codes."""

from __future__ import annotations


class CablegramError(Exception):
    """Root of cablegram's exceptions: an expected failure with a message for the user."""


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
