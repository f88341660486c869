"""Bytes of an export → its text, or a `SourceError` that names the problem."""

from __future__ import annotations

import re
import unicodedata

from cablegram.errors import SourceError
from cablegram.model import MARKERS

# Control characters (Unicode category Cc) but the white space a text export may hold, and
# the two noncharacters XML excludes (U+FFFE, U+FFFF); and the same with the seam
# markers, which a source must not bring in.
CONTROLS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
CONTROLS_AND_MARKERS = re.compile(
    f"[\\x00-\\x08\\x0b\\x0e-\\x1f\\x7f-\\x9f\\ufffe\\uffff{MARKERS}]"
)


def decode_text(data: bytes, where: str) -> str:
    """The export's text: UTF-8 (a BOM dropped), NFC, Unix line ends, no control characters
    but form feeds; `where` names the file in error messages."""
    if not data.strip():
        raise SourceError(where, "is empty")
    if wide := _wide_encoding(data):
        raise SourceError(
            where, f"is {wide}, not UTF-8: save it as UTF-8 (iconv -f {wide} -t UTF-8)"
        )
    if b"\x00" in data:
        raise SourceError(where, "is a binary file, not a text export")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise SourceError(
            where, f"is not UTF-8 (invalid byte 0x{data[exc.start]:02x} at offset {exc.start})"
        ) from exc
    text = unicodedata.normalize("NFC", text.removeprefix("\ufeff"))
    if len(CONTROLS.findall(text)) > max(3, len(text) // 100):
        raise SourceError(where, "is a binary file, not a text export")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return CONTROLS_AND_MARKERS.sub("", text)


def _wide_encoding(data: bytes) -> str | None:
    """UTF-16 or UTF-32, by its byte order mark or (UTF-16 without one) by the zero bytes
    that every character of the Latin alphabet has beside it."""
    for bom, name in ((b"\xff\xfe\x00\x00", "UTF-32"), (b"\x00\x00\xfe\xff", "UTF-32")):
        if data.startswith(bom):
            return name
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "UTF-16"
    sample = data[: 2000 - 2000 % 2]
    for codec, zeros in (("utf-16-le", sample[1::2]), ("utf-16-be", sample[0::2])):
        if len(sample) >= 8 and zeros.count(0) > len(zeros) // 2:
            try:
                text = sample.decode(codec)
            except UnicodeDecodeError:
                continue
            if sum(c.isprintable() or c.isspace() for c in text) > 0.95 * len(text):
                return codec.upper().replace("-LE", "LE").replace("-BE", "BE")  # UTF-16LE
    return None
