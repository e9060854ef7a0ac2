"""Demo evidence: small generated photos and documents on a bounded sample of records."""

import hashlib
import random
import struct
import zlib
from typing import Any

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import models

from backend.assistance.models import SubsidyCase
from backend.creation.models import TaskProgressReport
from backend.demo.context import DemoContext
from backend.disputes.models import Dispute
from backend.enterprise.models import EnterpriseProblem
from backend.evidence.models import Evidence
from backend.reports.models import DispatchStep, StepAction

# parent field, sample of parents, file label, kind — at most PER_KIND of each, oldest first
PER_KIND = {"small": 60, "medium": 400, "large": 1000}


def _samples(limit: int) -> list[tuple[str, list[models.Model], str, str]]:
    return [
        (
            "progress_report",
            list(TaskProgressReport.objects.select_related("task")[:limit]),
            "工作进展照片",
            "png",
        ),
        (
            "dispute",
            list(Dispute.objects.filter(success=True).order_by("pk")[:limit]),
            "调解协议书",
            "pdf",
        ),
        (
            "report_step",
            list(
                DispatchStep.objects.filter(action=StepAction.FEEDBACK)
                .select_related("report")
                .order_by("pk")[:limit]
            ),
            "处理后现场照片",
            "png",
        ),
        ("subsidy_case", list(SubsidyCase.objects.order_by("pk")[:limit]), "救助申请书", "pdf"),
        (
            "enterprise_problem",
            list(EnterpriseProblem.objects.order_by("pk")[:limit]),
            "企业诉求材料",
            "pdf",
        ),
    ]


def seed(ctx: DemoContext) -> dict[str, int]:
    rng = ctx.rng("evidence")
    existing = set(
        Evidence.objects.filter(file__startswith="evidence/demo/").values_list("file", flat=True)
    )
    rows = []
    for field, parents, label, kind in _samples(PER_KIND.get(ctx.scale.name, 30)):
        for parent in parents:
            name = f"evidence/demo/{field}/{parent.pk}.{kind}"
            if name not in existing:
                rows.append(_row(field, parent, label, kind, name, rng))
    Evidence.objects.bulk_create(rows, batch_size=1000)
    return {"evidence.Evidence": len(rows)}


def _row(field: str, parent: Any, label: str, kind: str, name: str, rng: random.Random) -> Evidence:
    content = png(rng) if kind == "png" else pdf(label)
    if not default_storage.exists(name):
        default_storage.save(name, ContentFile(content))
    link = (
        {"report": parent.report, "report_step": parent}
        if field == "report_step"
        else {field: parent}
    )
    area = (
        parent.task.area_id
        if field == "progress_report"
        else (parent.report.area_id if field == "report_step" else parent.area_id)
    )
    return Evidence(
        file=name,
        original_name=f"{label}.{kind}",
        size=len(content),
        area_id=area,
        content_type="image/png" if kind == "png" else "application/pdf",
        sha256=hashlib.sha256(content).hexdigest(),
        **link,
    )


def png(rng: random.Random, width: int = 64, height: int = 48) -> bytes:
    """A valid PNG of one random colour (no imaging library needed)."""
    colour = bytes(rng.randrange(256) for _ in range(3))
    raw = b"".join(b"\x00" + colour * width for _ in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


def pdf(title: str) -> bytes:
    """A one-page PDF whose document title is `title`."""
    body = (
        f"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
        f"2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
        f"3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj\n"
        f"4 0 obj << /Title <FEFF{title.encode('utf-16-be').hex().upper()}> >> endobj\n"
        "trailer << /Root 1 0 R /Info 4 0 R >>\n%%EOF\n"
    )
    return body.encode("ascii")
