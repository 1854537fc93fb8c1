"""The exceptions the generator raises on purpose, each with a message a person can act on.

Anything else escaping to the CLI is a bug; the CLI reports it as such.
"""

from __future__ import annotations


class GeneratorError(Exception):
    """Base class: a problem the user can fix; the message says what and how."""


class ConfigError(GeneratorError):
    """Raised by `config` when the `timeline` entry of mkdocs.yml is invalid."""


class StoreError(GeneratorError):
    """Raised by the event store when a folder cannot be read or written as a whole."""


class LockError(StoreError):
    """Raised when another timeline command is already writing to the same event store."""


class RecordError(GeneratorError):
    """Raised when one event record is invalid and the caller needs it valid (`timeline new`)."""


class ImportFileError(GeneratorError):
    """Raised by `timeline import` when a whole file cannot be read as any import format."""
