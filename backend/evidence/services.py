"""Attaching and removing evidence. A stored file and its row come and go together."""

import hashlib
from collections.abc import Callable, Iterator
from datetime import timedelta
from typing import IO, Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import File
from django.core.files.storage import default_storage
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from backend.accounts.models import User
from backend.evidence.models import PARENT_FIELDS, Evidence, storage_name
from backend.evidence.sniff import ALLOWED, sniff

PARENTS: dict[
    str, tuple[str, Callable[[Any], int]]
] = {  # model label → (field on Evidence, how to find the parent's area)
    "creation.taskprogressreport": ("progress_report", lambda p: p.task.area_id),
    "disputes.dispute": ("dispute", lambda p: p.area_id),
    "reports.report": ("report", lambda p: p.area_id),
    "assistance.subsidycase": ("subsidy_case", lambda p: p.area_id),
    "enterprise.enterpriseproblem": ("enterprise_problem", lambda p: p.area_id),
    "peacevillage.assessment": ("assessment", lambda p: p.area_id),
}


def evidence_attach(
    *,
    uploader: User | None,
    upload: File,
    parent: models.Model,
    description: str = "",
    report_step: Any = None,
) -> Evidence:
    """Check the content (size, kind by its bytes), store it, record it with its SHA-256."""
    field, area_of = _parent_kind(parent)
    size, digest = _measure(upload)
    content_type = sniff(upload)
    if content_type is None:
        kinds = "、".join(str(label) for label in ALLOWED.values())
        raise ValidationError({"file": _("不支持的文件类型，请上传：%(kinds)s") % {"kinds": kinds}})
    stored = default_storage.save(storage_name(None, ""), upload)
    try:
        with transaction.atomic():
            evidence = Evidence(
                file=stored,
                original_name=_clean_name(upload.name),
                content_type=content_type,
                size=size,
                sha256=digest,
                description=description,
                uploaded_by=uploader,
                area_id=area_of(parent),
                report_step=report_step,
                **{field: parent},
            )
            evidence.full_clean()
            evidence.save()
    except BaseException:
        default_storage.delete(stored)
        raise
    return evidence


def evidence_attach_all(
    *,
    uploader: User | None,
    uploads: list[File],
    parent: models.Model,
    report_step: Any = None,
    field: str = "files",
) -> list[Evidence]:
    """Attach several files, all or none: on the first bad file the ones already stored are
    deleted and the error names the file, under `field`."""
    attached: list[Evidence] = []
    try:
        with transaction.atomic():
            for upload in uploads:
                attached.append(_attach_named(uploader, upload, parent, report_step, field))
    except BaseException:
        for evidence in attached:
            default_storage.delete(str(evidence.file.name))
        raise
    return attached


def _attach_named(
    uploader: User | None, upload: File, parent: models.Model, report_step: Any, field: str
) -> Evidence:
    try:
        return evidence_attach(
            uploader=uploader, upload=upload, parent=parent, report_step=report_step
        )
    except ValidationError as error:
        if not hasattr(error, "error_dict") or "file" not in error.error_dict:
            raise
        name = _clean_name(upload.name)
        messages = [f"{name}：{message}" for message in error.message_dict["file"]]
        raise ValidationError({field: messages}) from error


def _parent_kind(parent: models.Model) -> tuple[str, Callable[[Any], int]]:
    try:
        kind = PARENTS[parent._meta.label_lower]
    except KeyError:
        raise ValidationError(_("该对象不能附加佐证材料")) from None
    _check_open(parent)
    return kind


def _check_open(parent: models.Model) -> None:
    """A record whose evidence is frozen (a submitted assessment, say) says why, in Chinese."""
    refusal = getattr(parent, "evidence_refusal", lambda: None)()
    if refusal:
        raise ValidationError(refusal)


def _measure(upload: IO[bytes] | File) -> tuple[int, str]:
    limit = settings.ZHILI_EVIDENCE_MAX_BYTES
    digest, size = hashlib.sha256(), 0
    upload.seek(0)
    for chunk in iter(lambda: upload.read(1 << 16), b""):
        size += len(chunk)
        if size > limit:
            raise ValidationError(
                {"file": _("文件过大：不能超过 %(mb)d MB") % {"mb": limit // 2**20}}
            )
        digest.update(chunk)
    upload.seek(0)
    if size == 0:
        raise ValidationError({"file": _("文件为空")})
    return size, digest.hexdigest()


def _clean_name(name: str | None) -> str:
    """Only the last path segment of the client's name, without control characters."""
    base = (name or "").replace("\\", "/").rsplit("/", 1)[-1]
    return "".join(ch for ch in base if ch.isprintable())[:255] or "未命名文件"


@transaction.atomic
def evidence_remove(*, evidence: Evidence) -> None:
    """Delete the row now and the stored file once the deletion has committed."""
    _check_open(next(getattr(evidence, f) for f in PARENT_FIELDS if getattr(evidence, f"{f}_id")))
    name = str(evidence.file.name)
    evidence.delete()
    transaction.on_commit(lambda: default_storage.delete(name))


def evidence_orphans_sweep(*, older_than: timedelta = timedelta(hours=1)) -> list[str]:
    """Delete stored files no row refers to (left by a crash or an enclosing rollback)."""
    cutoff = timezone.now() - older_than
    stored = list(_walk("evidence"))
    known = set(Evidence.objects.filter(file__in=stored).values_list("file", flat=True))
    orphans = [
        n for n in stored if n not in known and default_storage.get_modified_time(n) < cutoff
    ]
    for name in orphans:
        default_storage.delete(name)
    return orphans


def _walk(folder: str) -> Iterator[str]:
    if not default_storage.exists(folder):
        return
    subfolders, files = default_storage.listdir(folder)
    yield from (f"{folder}/{name}" for name in files)
    for sub in subfolders:
        yield from _walk(f"{folder}/{sub}")
