"""What a file is, judged by its first bytes — never by its name or the browser's claim."""

import io
import zipfile
from typing import IO

from django.utils.translation import gettext_lazy as _

# content type → label shown in errors and the UI
ALLOWED = {
    "image/jpeg": _("JPEG 图片"),
    "image/png": _("PNG 图片"),
    "image/gif": _("GIF 图片"),
    "image/webp": _("WebP 图片"),
    "application/pdf": _("PDF 文档"),
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": _("Word 文档"),
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": _("Excel 表格"),
    "application/msword": _("Word/Excel 97-2003 文档"),
    "video/mp4": _("MP4 视频"),
    "audio/mpeg": _("MP3 音频"),
}
_SIGNATURES = [
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
    (b"%PDF-", "application/pdf"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "application/msword"),
    (b"ID3", "audio/mpeg"),
    (b"\xff\xfb", "audio/mpeg"),
]
_OOXML = {
    "word/": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xl/": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def sniff(handle: IO[bytes]) -> str | None:
    """The content type of an allowed kind, or None. Leaves the handle at position 0."""
    handle.seek(0)
    head = handle.read(16)
    handle.seek(0)
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image/webp"
    if head[4:8] == b"ftyp":
        return "video/mp4"
    if head[:4] == b"PK\x03\x04":
        return _office_type(handle)
    return next((kind for magic, kind in _SIGNATURES if head.startswith(magic)), None)


def _office_type(handle: IO[bytes]) -> str | None:
    """A .docx or .xlsx is a zip with [Content_Types].xml and a word/ or xl/ part."""
    try:
        with zipfile.ZipFile(handle if handle.seekable() else io.BytesIO(handle.read())) as archive:
            names = archive.namelist()
    except zipfile.BadZipFile:
        return None
    finally:
        handle.seek(0)
    if "[Content_Types].xml" not in names:
        return None
    return next(
        (kind for prefix, kind in _OOXML.items() if any(n.startswith(prefix) for n in names)), None
    )
