"""Evidence download: the only way out for a stored file, and it goes through the policy."""

import logging

from django.http import FileResponse, Http404, HttpRequest
from django.views.decorators.http import require_GET

from backend.evidence.models import Evidence
from permissions.codenames import Action
from permissions.policy import NotFound
from permissions.registry import policy_for

logger = logging.getLogger(__name__)


@require_GET
def evidence_download(request: HttpRequest, evidence_id: int) -> FileResponse:
    """Anonymous, forbidden and missing all answer 404: the response says nothing about existence."""
    try:
        evidence = policy_for(Evidence).get(request.user, Action.VIEW, evidence_id)  # type: ignore[arg-type]
    except NotFound:
        raise Http404("佐证材料不存在") from None
    assert isinstance(evidence, Evidence)
    inline = (
        evidence.content_type.startswith("image/") or evidence.content_type == "application/pdf"
    )
    try:
        handle = evidence.file.open("rb")
    except FileNotFoundError:
        logger.error("evidence %s: the stored file is missing", evidence.pk)
        raise Http404("文件已丢失，请联系管理员") from None
    response = FileResponse(
        handle,
        content_type=evidence.content_type,
        as_attachment=not inline,
        filename=evidence.original_name,
    )
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = (
        "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'"
    )
    return response
