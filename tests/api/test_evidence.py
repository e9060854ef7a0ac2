"""Evidence uploads by the GraphQL multipart request spec: content checks, no orphans, CSRF for
sessions, tokens for integrators, downloads through the policy."""

import hashlib
import json
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from backend.accounts.tokens import token_create
from backend.areas.models import Area
from backend.assistance.models import SubsidyCase
from backend.creation.models import TaskProgressReport
from backend.disputes.models import Dispute
from backend.enterprise.models import EnterpriseProblem
from backend.evidence.models import Evidence
from backend.reports.models import DispatchStep, Report, ReportCategory
from backend.reports.selectors import dispatch_target

pytestmark = pytest.mark.django_db

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + bytes(64)
ATTACH = """mutation ($data: AttachEvidenceInput!) { attachEvidence(data: $data) {
  ... on Evidence { id originalName contentType size sha256 description downloadUrl }
  ... on OperationInfo { messages { kind field message code } } } }"""
FEEDBACK = """mutation ($data: SubmitReportFeedbackInput!) { submitReportFeedback(data: $data) {
  ... on Report { status steps { action evidence { originalName } } }
  ... on OperationInfo { messages { field message } } } }"""


class Api:
    """A browser session (CSRF token in the header) or an integrator's bearer token."""

    def __init__(self, client: Client, headers: dict[str, str]) -> None:
        self.client, self.headers = client, headers

    @classmethod
    def browser(cls, user) -> "Api":
        client = Client(enforce_csrf_checks=True)
        client.force_login(user)
        token = client.get("/auth/csrf").json()["csrfToken"]
        return cls(client, {"HTTP_X_CSRFTOKEN": token})

    @classmethod
    def token(cls, secret: str) -> "Api":
        return cls(Client(enforce_csrf_checks=True), {"HTTP_AUTHORIZATION": f"Bearer {secret}"})

    def upload(self, query: str, variables: dict, files: dict[str, tuple[str, bytes]], **extra):
        """POST operations + map + one part per file (GraphQL multipart request spec)."""
        mapping = {str(i): [path] for i, path in enumerate(files)}
        payload = {
            "operations": json.dumps({"query": query, "variables": variables}),
            "map": json.dumps(mapping),
        }
        for i, (name, content) in enumerate(files.values()):
            payload[str(i)] = SimpleUploadedFile(name, content, content_type="image/jpeg")
        return self.client.post("/graphql/", payload, **{**self.headers, **extra})

    def attach(self, parent_type: str, parent_id, name: str, content: bytes) -> dict:
        data = {"parentType": parent_type, "parentId": str(parent_id), "file": None}
        response = self.upload(ATTACH, {"data": data}, {"variables.data.file": (name, content)})
        assert response.status_code == 200, response.content
        return response.json()["data"]["attachEvidence"]

    def data(self, query: str, variables: dict | None = None) -> dict:
        response = self.client.post(
            "/graphql/",
            json.dumps({"query": query, "variables": variables or {}}),
            content_type="application/json",
            **self.headers,
        )
        assert response.status_code == 200, response.content
        body = response.json()
        assert "errors" not in body, body["errors"]
        return body["data"]


def stored_files() -> list[Path]:
    return [path for path in Path(settings.MEDIA_ROOT).rglob("*") if path.is_file()]


def suning_report() -> Report:
    return Report.objects.filter(area__path__startswith="130900/130926/").first()


def test_a_png_uploads_and_downloads_only_within_scope(users):
    county = Api.browser(users["county_centre"])
    report = suning_report()
    evidence = county.attach("REPORT", report.pk, "现场照片.png", PNG)
    assert evidence["contentType"] == "image/png" and evidence["size"] == len(PNG)
    assert evidence["sha256"] == hashlib.sha256(PNG).hexdigest()
    assert evidence["downloadUrl"] == f"/evidence/{evidence['id']}/download"
    row = Evidence.objects.get(pk=evidence["id"])
    assert (row.report_id, row.uploaded_by, row.area_id) == (
        report.pk,
        users["county_centre"],
        report.area_id,
    )
    assert row.file.name.rsplit("/", 1)[-1] not in json.dumps(evidence)  # no storage path
    detail = "query ($id: ID!) { evidence(id: $id) { originalName } }"
    assert county.data(detail, {"id": evidence["id"]}) == {
        "evidence": {"originalName": "现场照片.png"}
    }
    assert Api.browser(users["xianxian_centre"]).data(detail, {"id": evidence["id"]}) == {
        "evidence": None
    }
    downloaded = county.client.get(evidence["downloadUrl"])
    assert downloaded.status_code == 200
    assert b"".join(downloaded.streaming_content) == PNG
    assert (
        Api.browser(users["xianxian_centre"]).client.get(evidence["downloadUrl"]).status_code == 404
    )


def test_the_evidence_type_exposes_no_storage_path(users):
    query = '{ __type(name: "Evidence") { fields { name } } }'
    fields = {f["name"] for f in Api.browser(users["leader"]).data(query)["__type"]["fields"]}
    assert "downloadUrl" in fields
    assert not fields & {"file", "path", "url", "storageName", "name"}


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("大照片.png", PNG + bytes(2**20), "文件过大：不能超过 1 MB"),
        ("photo.jpg", b"#!/bin/sh\nrm -rf /\n", "不支持的文件类型，请上传："),
        ("empty.png", b"", "文件为空"),
    ],
)
def test_bad_files_get_a_clear_message_and_leave_nothing(users, settings, name, content, message):
    settings.ZHILI_EVIDENCE_MAX_BYTES = 2**20
    before = Evidence.objects.count()
    result = Api.browser(users["county_centre"]).attach("REPORT", suning_report().pk, name, content)
    [error] = result["messages"]
    assert (error["kind"], error["field"]) == ("VALIDATION", "file")
    assert error["message"].startswith(message)
    assert Evidence.objects.count() == before
    assert stored_files() == []


def test_a_session_upload_needs_the_csrf_token_and_a_token_upload_does_not(users):
    variables = {
        "data": {"parentType": "REPORT", "parentId": str(suning_report().pk), "file": None}
    }
    files = {"variables.data.file": ("现场照片.png", PNG)}
    county = Api.browser(users["county_centre"])
    refused = county.upload(ATTACH, variables, files, HTTP_X_CSRFTOKEN="")
    assert refused.status_code == 403
    assert not Evidence.objects.filter(original_name="现场照片.png").exists()
    suning = Area.objects.get(code=130926000000)
    _, secret = token_create(
        creator=users["county_centre"], user=users["county_centre"], name="肃宁县平台", scope=suning
    )
    accepted = Api.token(secret).upload(ATTACH, variables, files)
    assert accepted.status_code == 200
    assert accepted.json()["data"]["attachEvidence"]["originalName"] == "现场照片.png"


def test_out_of_scope_parents_read_like_missing_ones_and_store_nothing(users):
    xianxian = Api.browser(users["xianxian_centre"])
    refused = xianxian.attach("REPORT", suning_report().pk, "a.png", PNG)
    missing = xianxian.attach("REPORT", 10**12, "a.png", PNG)
    assert refused == missing
    assert refused["messages"][0]["message"] == "事件（民意诉求）不存在"
    bad_id = xianxian.attach("DISPUTE", "x", "a.png", PNG)
    assert bad_id["messages"][0]["field"] == "parentId"
    assert stored_files() == []


@pytest.mark.parametrize(
    ("parent_type", "model", "field"),
    [
        ("DISPUTE", Dispute, "dispute"),
        ("REPORT", Report, "report"),
        ("REPORT_STEP", DispatchStep, "report_step"),
        ("TASK_PROGRESS_REPORT", TaskProgressReport, "progress_report"),
        ("SUBSIDY_CASE", SubsidyCase, "subsidy_case"),
        ("ENTERPRISE_PROBLEM", EnterpriseProblem, "enterprise_problem"),
    ],
)
def test_every_parent_type_takes_evidence(users, parent_type, model, field):
    parent = model.objects.order_by("pk").first()
    evidence = Api.browser(users["city_admin"]).attach(parent_type, parent.pk, "照片.png", PNG)
    row = Evidence.objects.get(pk=evidence["id"])
    assert getattr(row, f"{field}_id") == parent.pk
    if parent_type == "REPORT_STEP":
        assert row.report_id == parent.report_id


def test_removing_evidence_deletes_the_file_after_commit(users, django_capture_on_commit_callbacks):
    county = Api.browser(users["county_centre"])
    evidence = county.attach("REPORT", suning_report().pk, "照片.png", PNG)
    remove = """mutation ($id: ID!) { removeEvidence(data: {id: $id}) {
      ... on Evidence { id originalName } ... on OperationInfo { messages { message } } } }"""
    refused = Api.browser(users["xianxian_centre"]).data(remove, {"id": evidence["id"]})
    assert refused["removeEvidence"]["messages"] == [{"message": "佐证材料不存在"}]
    with django_capture_on_commit_callbacks(execute=True):
        removed = county.data(remove, {"id": evidence["id"]})["removeEvidence"]
    assert removed == {"id": evidence["id"], "originalName": "照片.png"}
    assert not Evidence.objects.filter(pk=evidence["id"]).exists()
    assert stored_files() == []


def held_report(world, users) -> Report:
    """A new 肃宁镇 report dispatched to 市司法局 (the unit_handler's unit), signed."""
    admin, handler = Api.browser(users["city_admin"]), Api.browser(users["unit_handler"])
    village = world.villages_of(Area.objects.get(code=130926100000))[0]
    create = """mutation ($data: ReportCreateInput!) { createReport(data: $data) {
      ... on Report { id } ... on OperationInfo { messages { message } } } }"""
    data = {
        "source": "hotline",
        "categoryId": str(ReportCategory.objects.get(code="0302").pk),
        "areaCode": f"{village.code:012d}",
        "title": "东街下水道堵塞",
        "description": "污水外溢",
    }
    rid = admin.data(create, {"data": data})["createReport"]["id"]
    dispatch = """mutation ($id: ID!, $unit: ID!) { dispatchReport(data: {id: $id, unitId: $unit}) {
      ... on Report { status } } }"""
    admin.data(dispatch, {"id": rid, "unit": world.member_units[10].pk})
    handler.data("mutation ($id: ID!) { signReport(data: {id: $id}) { __typename } }", {"id": rid})
    return Report.objects.get(pk=rid)


def test_feedback_carries_its_evidence_files(users, world):
    report = held_report(world, users)
    handler = Api.browser(users["unit_handler"])
    variables = {"data": {"id": str(report.pk), "content": "已疏通", "files": [None, None]}}
    files = {
        "variables.data.files.0": ("疏通前.png", PNG),
        "variables.data.files.1": ("疏通后.png", PNG + b"after"),
    }
    response = handler.upload(FEEDBACK, variables, files)
    assert response.json()["data"]["submitReportFeedback"]["status"] == "fed_back"
    step = report.steps.get(action="feedback")
    assert sorted(step.evidence.values_list("original_name", flat=True)) == [
        "疏通前.png",
        "疏通后.png",
    ]
    assert len(stored_files()) == 2


def test_feedback_with_one_bad_file_records_nothing(users, world):
    report = held_report(world, users)
    handler = Api.browser(users["unit_handler"])
    variables = {"data": {"id": str(report.pk), "content": "已疏通", "files": [None, None]}}
    files = {
        "variables.data.files.0": ("疏通前.png", PNG),
        "variables.data.files.1": ("疏通后.jpg", b"MZ\x90\x00 not an image"),
    }
    result = handler.upload(FEEDBACK, variables, files).json()["data"]["submitReportFeedback"]
    [error] = result["messages"]
    assert error["field"] == "files"
    assert error["message"].startswith("疏通后.jpg：不支持的文件类型")
    report.refresh_from_db()
    assert report.status == "signed" and not report.steps.filter(action="feedback").exists()
    assert not Evidence.objects.filter(report=report).exists()
    assert stored_files() == []


def test_an_integrator_with_only_a_token_lists_uploads_and_dispatches(users, world):
    """The issue's "done when": a token (no session, no CSRF token), any GraphQL client."""
    suning = Area.objects.get(code=130926000000)
    # the integrator account narrows its own city-wide grant to one county for this token
    _, secret = token_create(
        creator=users["integrator"], user=users["integrator"], name="12345 平台对接", scope=suning
    )
    api = Api.token(secret)
    listed = api.data(
        """query ($filters: DisputeFilter) { disputes(filters: $filters, pagination: {limit: 100}) {
          totalCount results { number area { code } } } }""",
        {"filters": {"area": "130926100000"}},
    )["disputes"]
    township = Dispute.objects.filter(area__path__contains="/130926100/")
    assert listed["totalCount"] == township.count() > 0
    assert {row["number"] for row in listed["results"]} == set(
        township.values_list("number", flat=True)
    )

    village = world.villages_of(Area.objects.get(code=130926100000))[0]
    category = ReportCategory.objects.get(code="0302")
    create = """mutation ($data: ReportCreateInput!) { createReport(data: $data) {
      ... on Report { id status } ... on OperationInfo { messages { field message } } } }"""
    report = api.data(
        create,
        {
            "data": {
                "source": "hotline",
                "categoryId": str(category.pk),
                "areaCode": f"{village.code:012d}",
                "title": "路灯不亮",
                "description": "小区门口路灯连续三晚不亮",
            }
        },
    )["createReport"]
    evidence = api.attach("REPORT", report["id"], "路灯.png", PNG)
    assert evidence["sha256"] == hashlib.sha256(PNG).hexdigest()

    dispatch = """mutation ($id: ID!) { dispatchReport(data: {id: $id}) {
      ... on Report { status currentUnit { id name } evidence { originalName } }
      ... on OperationInfo { messages { field message } } } }"""
    dispatched = api.data(dispatch, {"id": report["id"]})["dispatchReport"]
    expected = dispatch_target(category, village)
    assert dispatched["status"] == "dispatched"
    assert dispatched["currentUnit"] == {"id": str(expected.pk), "name": expected.name}
    assert dispatched["evidence"] == [{"originalName": "路灯.png"}]
    assert "sessionid" not in api.client.cookies
