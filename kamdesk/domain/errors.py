"""Errors a user can cause, each carrying a sentence fit to show as it is."""

from dataclasses import dataclass


class KamdeskError(Exception):
    """Base of every error meant for the user: str(error) is the message."""


@dataclass(frozen=True)
class FieldProblem:
    """One invalid input: which field and what is wrong with it."""

    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.field}: {self.message}"


class ValidationError(KamdeskError):
    """Input was refused; nothing was written."""

    def __init__(self, problems: list[FieldProblem]) -> None:
        self.problems = problems
        super().__init__("; ".join(str(p) for p in problems))


class NotFound(KamdeskError):
    """No record answers to the given id or name."""


class Ambiguous(KamdeskError):
    """More than one record answers to the given name."""


class ArchiveError(KamdeskError):
    """The archive file cannot be used as asked."""


class ArchiveBusy(ArchiveError):
    """Another kamdesk process is writing to the archive."""


class SchemaTooNew(ArchiveError):
    """The archive was written by a newer kamdesk than this one."""
