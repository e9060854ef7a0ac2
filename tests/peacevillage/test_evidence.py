"""Evidence backs an assessment's results: the village's township attaches files to a draft, the
files freeze once it is submitted (attach and remove refused in Chinese, nothing stored), and a
returned assessment takes evidence again. Outsiders see neither the files nor the assessment."""

import pytest

from backend.areas.models import Area
from backend.evidence.models import Evidence
from backend.peacevillage.services import assessment_create, assessment_return, assessment_submit
from tests.api.test_evidence import PNG, Api, stored_files

pytestmark = pytest.mark.django_db
ZECHENG = 130926100007  # a community of 肃宁镇, in the shared world
DETAIL = """query ($id: ID!) { peaceVillageAssessment(id: $id) { evidence { originalName } } }"""
REMOVE = """mutation ($id: ID!) { removeEvidence(data: {id: $id}) {
  ... on Evidence { id } ... on OperationInfo { messages { message } } } }"""
FROZEN = "考评已提交或已审定，不能再增删佐证材料；如需补充请先退回"


@pytest.fixture
def draft(users):
    assessment = assessment_create(village=Area.objects.get(code=ZECHENG), period="2024-Q3")
    for result in assessment.items.filter(auto=False):
        result.passed = True
        result.save()
    return assessment


def test_a_draft_takes_evidence_and_a_submitted_one_is_frozen(users, draft):
    township = Api.browser(users["township_centre"])
    kept = township.attach("PEACE_VILLAGE_ASSESSMENT", draft.pk, "巡防台账.png", PNG)
    assert Evidence.objects.get(pk=kept["id"]).assessment_id == draft.pk
    shown = township.data(DETAIL, {"id": draft.pk})["peaceVillageAssessment"]["evidence"]
    assert shown == [{"originalName": "巡防台账.png"}]
    assessment_submit(assessment=draft)
    files = len(stored_files())
    late = township.attach("PEACE_VILLAGE_ASSESSMENT", draft.pk, "补充.png", PNG)
    assert [m["message"] for m in late["messages"]] == [FROZEN]
    assert township.data(REMOVE, {"id": kept["id"]})["removeEvidence"]["messages"] == [
        {"message": FROZEN}
    ]
    assert len(stored_files()) == files and Evidence.objects.filter(pk=kept["id"]).exists()
    assessment_return(assessment=draft, remark="补充巡防记录")
    again = township.attach("PEACE_VILLAGE_ASSESSMENT", draft.pk, "补充.png", PNG)
    assert Evidence.objects.get(pk=again["id"]).assessment_id == draft.pk


def test_outsiders_neither_attach_nor_see(users, draft):
    outsider = Api.browser(users["xianxian_centre"])
    refused = outsider.attach("PEACE_VILLAGE_ASSESSMENT", draft.pk, "a.png", PNG)
    assert refused["messages"][0]["message"] == "平安村庄考评不存在"
    assert outsider.data(DETAIL, {"id": draft.pk})["peaceVillageAssessment"] is None
    assert not Evidence.objects.filter(assessment=draft).exists()
