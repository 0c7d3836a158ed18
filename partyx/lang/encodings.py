"""Decoding the bytes of an article file into normalised text, whatever the encoding.

:func:`decode`, in this order:

1. empty, or only whitespace once decoded: refused (``empty file``, ``no text``);
2. a byte-order mark: UTF-8, UTF-16 or UTF-32 as it says (the VNTC corpus is UTF-16 LE + BOM);
3. a known binary signature (PNG, gzip, zip, PDF …): refused, naming the format;
4. UTF-16 without BOM when its NUL pattern is unmistakable;
5. any other NUL byte: refused as binary or corrupt;
6. UTF-8; refused as binary when more than 5 % of its characters are control characters;
7. bytes that are mostly valid UTF-8 with a few invalid ones: refused as corrupt UTF-8, with
   the offset and line of the first bad byte (guessing would mix two encodings in one text);
8. otherwise the legacy Vietnamese 8-bit encodings are tried: Windows-1258 (tone marks as
   combining characters), TCVN3/ABC (one byte per precomposed lowercase letter) and VNI Windows
   (base letter + modifier bytes); the tables are ``data/legacy_vn.json``. Each candidate text
   is scored by how many of its accented words are frequent Vietnamese syllables
   (``data/vi_common.json``); a candidate is accepted only when it is clearly Vietnamese and
   clearly ahead of the others, else the file is refused as undecodable.

Every refusal raises :class:`DecodeError` with a reason meant for the run summary; decoding
never raises anything else.

:mod:`partyx.io` reads the files and gives their bytes to :func:`decode`; the texts of the
refusals are in :mod:`partyx.errors` (``E010``-``E017``).
"""

from __future__ import annotations

import codecs
import contextlib
import re
from dataclasses import dataclass
from functools import cache

from partyx import errors
from partyx.errors import DecodeError
from partyx.lang.text import normalize


@dataclass(frozen=True, slots=True)
class Decoded:
    """The text of a file, normalised, and the encoding it was read in."""

    text: str
    encoding: str



# --- decoding --------------------------------------------------------------------------------

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32"),
    (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16"),
)

# Signatures of binary formats that land in text folders by mistake.
_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\x1f\x8b", "gzip data"),
    (b"PK\x03\x04", "zip archive (or docx/xlsx)"),
    (b"%PDF-", "PDF document"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"BZh", "bzip2 data"),
    (b"\xfd7zXZ\x00", "xz data"),
    (b"7z\xbc\xaf\x27\x1c", "7-zip archive"),
    (b"\x7fELF", "ELF executable"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "MS Office document (doc/xls)"),
    (b"{\\rtf", "RTF document"),
)



def binary_kind(data: bytes) -> str | None:
    """The binary format whose signature ``data`` starts with (``"gzip data"``), else None."""
    return next((kind for magic, kind in _MAGIC if data.startswith(magic)), None)


# \x00-\x08, \x0b, \x0e-\x1f, \x7f (not tab, line feed, form feed, carriage return)
_CONTROL_BYTES = bytes([*range(0x09), 0x0B, *range(0x0E, 0x20), 0x7F])
_SAMPLE = 65536  # characters in which control characters are counted


def decode(data: bytes) -> Decoded:
    """Decode an article file's bytes and normalise the text (see module docstring)."""
    if not data:
        raise DecodeError(errors.EMPTY_FILE)
    decoded = _decode(data)
    if not decoded.text.strip():
        raise DecodeError(errors.NO_TEXT)
    return decoded


def _decode(data: bytes) -> Decoded:
    for bom, name, codec in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError as e:
                raise DecodeError(errors.INVALID_UNICODE, encoding=name, offset=e.start) from None
            _check_controls(text)  # nearly any bytes after a UTF-16 BOM decode to something
            return Decoded(normalize(text), name)
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            raise DecodeError(errors.BINARY_SIGNATURE, kind=kind)
    utf16 = _utf16_without_bom(data)
    if utf16:
        try:
            text = data.decode(utf16)
        except UnicodeDecodeError:
            pass
        else:
            _check_controls(text)
            return Decoded(normalize(text), utf16)
    if b"\x00" in data:
        raise DecodeError(errors.NUL_BYTE, offset=data.index(0))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        return _not_utf8(data, e)
    _check_controls(text, data)
    return Decoded(normalize(text), "utf-8")


def _utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when most odd (even) bytes are NUL, as in ASCII-heavy UTF-16."""
    sample = data[:4096]
    if len(sample) < 4 or len(sample) % 2:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2
    if odd > 0.3 * half and even < 0.05 * half:
        return "utf-16-le"
    if even > 0.3 * half and odd < 0.05 * half:
        return "utf-16-be"
    return None


def _check_controls(text: str, utf8: bytes | None = None) -> None:
    """Refuse binary content: too many control characters among the first ``_SAMPLE``.
    They are counted in the sample's UTF-8 bytes (``utf8``: the bytes ``text`` was decoded
    from, when UTF-8 and not longer than the sample): there those bytes are those characters
    and nothing else, and ``bytes.translate`` counts them much faster than a regex."""
    sample = text[:_SAMPLE]
    if utf8 is None or len(text) > _SAMPLE:
        utf8 = sample.encode("utf-8", "surrogatepass")
    controls = len(utf8) - len(utf8.translate(None, _CONTROL_BYTES))
    if controls > 0.05 * len(sample):
        raise DecodeError(errors.CONTROL_CHARACTERS, controls=controls, sample=len(sample))


def _not_utf8(data: bytes, error: UnicodeDecodeError) -> Decoded:
    lossy = data.decode("utf-8", "replace")
    bad = lossy.count("\ufffd")
    good = sum(1 for ch in lossy if ord(ch) > 0x7F and ch != "\ufffd")
    line = data.count(b"\n", 0, error.start) + 1
    where = f"byte 0x{data[error.start]:02x} at offset {error.start}, line {line}"
    if good >= 10 * bad:
        raise DecodeError(errors.CORRUPT_UTF8, where=where)
    legacy = _legacy(data)
    if legacy is not None:
        _check_controls(legacy.text)
        return legacy
    raise DecodeError(errors.UNDECODABLE, where=where)


# --- legacy Vietnamese 8-bit encodings -------------------------------------------------------

_WORD_RE = re.compile(r"\w+")


@cache
def _legacy_tables() -> tuple[dict[int, str], dict[int, str], re.Pattern[str], dict[str, str],
                              frozenset[str]]:
    """Translation tables of Latin-1-decoded bytes to Windows-1252 and to TCVN3, the VNI
    sequences and their pattern, and the frequent syllables."""
    from partyx.data import load

    tables = load("legacy_vn")
    cp1252 = {b: bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in range(256)}
    tcvn3 = dict(cp1252)
    tcvn3.update({int(b, 16): ch for b, ch in tables["tcvn3"].items()})
    vni = dict(tables["vni"])
    for seq, letter in tables["vni"].items():
        # a capital base letter typed with a small modifier (``Oâ`` for ``Ô``)
        if len(seq) == 2 and seq[0].isupper():
            vni.setdefault(seq[0] + seq[1].lower(), letter)
    vni_re = re.compile("|".join(re.escape(s) for s in sorted(vni, key=len, reverse=True)))
    common = frozenset(load("vi_common")["syllables"])
    return cp1252, tcvn3, vni_re, vni, common


def _candidates(data: bytes) -> dict[str, str]:
    """Candidate decodings of ``data``, by encoding name."""
    cp1252, tcvn3, vni_re, vni, _ = _legacy_tables()
    latin1 = data.decode("latin-1")
    out = {}
    with contextlib.suppress(UnicodeDecodeError):  # bytes undefined in Windows-1258
        out["windows-1258"] = data.decode("cp1258")
    out["tcvn3"] = latin1.translate(tcvn3)
    out["vni"] = vni_re.sub(lambda m: vni[m.group(0)], latin1.translate(cp1252))
    return out


def vietnamese_score(text: str) -> tuple[int, int]:
    """``(hits, words)``: how many of the accented words of ``text`` are frequent Vietnamese
    syllables, out of how many accented words."""
    common = _legacy_tables()[4]
    words = [w for w in _WORD_RE.findall(text.lower()) if not w.isascii()]
    return sum(1 for w in words if w in common), len(words)


def _legacy(data: bytes) -> Decoded | None:
    scored = []
    sample = data[:200_000]
    for name, text in _candidates(sample).items():
        hits, words = vietnamese_score(normalize(text))
        scored.append((hits, words, name))
    scored.sort(reverse=True)
    hits, words, name = scored[0]
    runner_up = scored[1][0] if len(scored) > 1 else 0
    if hits < 3 or hits < 0.2 * words or runner_up * 2 > hits:
        return None
    text = _candidates(data)[name]
    return Decoded(normalize(text), name)
