"""Error types: bad input is an `InputError` naming the input and the reason.

The batch driver decides what to print and whether to go on; readers and stages only raise.
"""


class InputError(Exception):
    """One input (a file, a member of a container, a URL) could not be turned into a document."""

    def __init__(self, origin: str, reason: str):
        super().__init__(f"{origin}: {reason}")
        self.origin = origin
        self.reason = reason

    def __reduce__(self):
        # Worker processes hand errors back to the batch driver: keep both fields.
        return (InputError, (self.origin, self.reason))


class StoreError(Exception):
    """The knowledge base cannot be used: it does not exist, cannot be created, or is not one."""

    def __init__(self, path: str, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason
