"""Text that no database can store: NUL characters and lone surrogates (e.g. "\\ud800" from a broken client)."""


def is_storable(value: str) -> bool:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return "\x00" not in value
