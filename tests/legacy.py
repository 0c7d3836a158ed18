"""Encoders into the legacy Vietnamese encodings, for tests: the inverse of partyx's decoders,
built from the same tables, so a text can be written as an old editor would have saved it."""

from __future__ import annotations

import unicodedata

from partyx.data import load

_TONES = "\u0300\u0301\u0303\u0309\u0323"


def to_windows_1258(text: str) -> bytes:
    """Windows-1258 as Word saved it: precomposed base letters, tone as a combining mark."""
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        decomposed = unicodedata.normalize("NFD", ch)
        tones = "".join(c for c in decomposed if c in _TONES)
        base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONES))
        out += (base + tones).encode("cp1258", "replace")
    return bytes(out)


def to_tcvn3(text: str) -> bytes:
    """TCVN3 (ABC): capitals with a tone mark have no code, they become small letters."""
    table = {ch: bytes([int(b, 16)]) for b, ch in load("legacy_vn")["tcvn3"].items()}
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        if ch in table:
            out += table[ch]
        elif ch.lower() in table:
            out += table[ch.lower()]
        else:
            out += ch.encode("cp1252", "replace")
    return bytes(out)


def to_vni(text: str) -> bytes:
    """VNI Windows: base letter + modifier bytes."""
    table = {letter: seq for seq, letter in load("legacy_vn")["vni"].items()}
    return "".join(table.get(ch, ch) for ch in unicodedata.normalize("NFC", text)).encode(
        "cp1252", "replace")
