from datetime import datetime

import strawberry_django
from django.urls import reverse
from strawberry import auto

from backend.evidence.models import Evidence
from schema.base.fields import model_type
from schema.base.scoped import PolicyScoped


@model_type(Evidence, name="Evidence", description="佐证材料（文件只经权限校验的下载地址提供）")
class EvidenceType(PolicyScoped):
    id: auto
    original_name: auto
    content_type: auto
    size: auto
    sha256: auto
    description: auto
    created_at: datetime

    @strawberry_django.field(only=["id"], description="下载地址（需登录且有权查看所属记录）")
    def download_url(self, root: Evidence) -> str:
        return reverse("evidence-download", args=[root.pk])
