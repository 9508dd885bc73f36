"""Bytes -> text: UTF-8 first, an identifiable legacy encoding with a note, binary refused.

A byte-order mark decides UTF-32 and UTF-16 (UTF-32's little-endian mark begins with UTF-16's,
so it is tested first); text that decodes but still holds NUL characters is refused as binary,
never read as garbage that yields no claim and passes the gate."""

from __future__ import annotations

import re

from ..errors import ErrorCode
from ..records import InputError

__all__ = ["decode", "normalise_text"]


def decode(raw: bytes, shown: str) -> tuple[str | None, str | None, InputError | None]:
    """(text, note, error): UTF-8 first; cp1252 is decoded with a note; binary is refused."""
    for boms, encoding in ((_UTF32_BOMS, "UTF-32"), (_UTF16_BOMS, "UTF-16")):
        if raw.startswith(boms):
            try:
                text = raw.decode(encoding.lower())
            except UnicodeDecodeError:
                message = f"text is not valid {encoding} despite its byte-order mark"
                return None, None, _error(shown, ErrorCode.DECODE, message)
            if "\x00" in text:
                return None, None, _error(shown, ErrorCode.BINARY, f"binary file (NUL characters in {encoding} text)")
            return normalise_text(text), f"decoded as {encoding}", None
    if b"\x00" in raw:
        return None, None, _error(shown, ErrorCode.BINARY, "binary file (contains NUL bytes), not text")
    try:
        return normalise_text(raw.decode("utf-8-sig")), None, None
    except UnicodeDecodeError as exc:
        utf8_error = exc
    try:
        text = raw.decode("cp1252")
    except UnicodeDecodeError:
        message = f"cannot decode text: not UTF-8 (bad byte at offset {utf8_error.start}) and not cp1252"
        return None, None, _error(shown, ErrorCode.DECODE, message)
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > max(2, len(text) // 200):
        return None, None, _error(shown, ErrorCode.BINARY, "binary file (control bytes), not text")
    return normalise_text(text), "decoded as cp1252 (file is not UTF-8)", None


_UTF32_BOMS = (b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def _error(shown: str, code: ErrorCode, message: str) -> InputError:
    return InputError(path=shown, code=code, message=message)


# C1 control characters that scraped pages carry in place of cp1252 punctuation ("Miami\x92s").
_C1_AS_CP1252 = {code: bytes([code]).decode("cp1252", errors="replace") for code in range(0x80, 0xA0)}
_C1_AS_CP1252 = {code: ch for code, ch in _C1_AS_CP1252.items() if ch != "\ufffd"}
_C1 = re.compile("[\x80-\x9f]")


def normalise_text(text: str) -> str:
    """Unify line ends, and read stray C1 controls as the cp1252 punctuation they stand for."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _C1.search(text):
        text = text.translate(_C1_AS_CP1252)
    return text
