"""Text files (``.txt``): the article as the outlet printed it, header lines included. The
bytes are decoded by :func:`partyx.lang.encodings.decode` (Unicode, the legacy Vietnamese
encodings, binary refused); the stages read the header themselves, so nothing is stated."""

from __future__ import annotations

from partyx.lang.encodings import Decoded, decode

__all__ = ["read"]


def read(data: bytes) -> Decoded:
    """The normalised text of a text file and its encoding; :class:`~partyx.errors.DecodeError`
    with the reason when the bytes are not text partyx can read."""
    return decode(data)
