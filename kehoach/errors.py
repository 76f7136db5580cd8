"""One exception family: the library raises these, the CLI maps them to messages and exit codes."""


class KehoachError(Exception):
    """Base of every error kehoach reports about an input file."""

    reason = "error"
    exit_code = 1


class UnsupportedInput(KehoachError):
    """The file is not a type kehoach reads (yet)."""

    reason = "unsupported"


class EncryptedInput(KehoachError):
    """The PDF is encrypted and cannot be read without a password."""

    reason = "encrypted"


class DamagedInput(KehoachError):
    """The file claims a known type but cannot be parsed (truncated, corrupt)."""

    reason = "damaged"


class EmptyInput(KehoachError):
    """The file has no bytes, no pages, or no readable text."""

    reason = "empty"
