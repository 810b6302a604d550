"""The one exception type the command line turns into a message and exit code 2."""


class UsageError(Exception):
    """Something the user asked for cannot be done as asked.

    Raised anywhere below the command line; `cli.py` catches it at the
    command boundary, prints its message on one line and exits with 2.
    """

    def __init__(self, message: str, hint: str | None = None):
        super().__init__(message)
        self.hint = hint


class KataDefinitionError(UsageError):
    """A kata folder is broken: a corrupt kata.toml, a missing file.

    An author's error rather than a learner's; the message names the file
    and the key to fix.
    """
