"""法律智能推荐 through POST /graphql/: scope, similar disputes without personal data, marks."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from backend.disputes.models import Dispute
from backend.legal.models import RecommendationFeedback
from tests.api.conftest import Gql

pytestmark = pytest.mark.django_db

RECOMMEND = """query ($id: ID!, $limit: Int) {
  legalRecommendations(disputeId: $id, limit: $limit) {
    provisions { key law articleLabel text score feedback }
    similarDisputes { id number title excerpt outcome score }
  }
}"""
MARK = """mutation ($id: ID!, $key: String!, $useful: Boolean!) {
  markRecommendation(disputeId: $id, provisionKey: $key, useful: $useful) {
    ... on RecommendationMark { provisionKey useful }
    ... on OperationInfo { messages { kind field message } }
  }
}"""
FREE_TEXT = """query ($text: String!, $type: String) {
  recommendProvisions(text: $text, typeCode: $type, limit: 3) { key articleLabel }
}"""


def land_disputes(county: int):
    prefix = f"130900/{county}/"
    return Dispute.objects.filter(area__path__startswith=prefix, type__code__startswith="09")


def test_a_dispute_in_scope_gets_provisions_and_similar_resolved_disputes(gql_as, users):
    dispute = land_disputes(130926).order_by("pk").first()
    found = gql_as(users["county_centre"]).data(RECOMMEND, {"id": dispute.pk})[
        "legalRecommendations"
    ]
    assert len(found["provisions"]) == 5 and all(p["feedback"] is None for p in found["provisions"])
    scores = [p["score"] for p in found["provisions"]]
    assert scores == sorted(scores, reverse=True) and found["provisions"][0]["law"].startswith(
        "中华人民共和国"
    )
    similar_ids = {int(s["id"]) for s in found["similarDisputes"]}
    assert similar_ids and dispute.pk not in similar_ids
    assert similar_ids <= set(
        land_disputes(130926).filter(success=True).values_list("pk", flat=True)
    )


def test_another_county_gets_nothing_and_sees_only_its_own_precedents(gql_as, users):
    suning = land_disputes(130926).order_by("pk").first()
    api = gql_as(users["xianxian_centre"])
    assert api.data(RECOMMEND, {"id": suning.pk}) == {"legalRecommendations": None}
    assert api.data(RECOMMEND, {"id": "abc"}) == {"legalRecommendations": None}
    own = land_disputes(130929).order_by("pk").first()
    similar = api.data(RECOMMEND, {"id": own.pk})["legalRecommendations"]["similarDisputes"]
    assert {int(s["id"]) for s in similar} <= set(
        land_disputes(130929).values_list("pk", flat=True)
    )


def test_similar_disputes_show_no_names_or_numbers(gql_as, users):
    query, precedent = land_disputes(130926).filter(success=True).order_by("pk")[:2]
    name = precedent.parties.first().name
    Dispute.objects.filter(pk=precedent.pk).update(
        title=f"{name}土地承包纠纷",
        summary=f"{name}（电话13812345678）{query.summary}",
        outcome=f"{name}同意退还多种的土地。",
        updated_at=timezone.now() + timedelta(seconds=1),
    )
    found = gql_as(users["county_centre"]).data(RECOMMEND, {"id": query.pk, "limit": 20})
    shown = next(
        s for s in found["legalRecommendations"]["similarDisputes"] if int(s["id"]) == precedent.pk
    )
    text = shown["title"] + shown["excerpt"] + shown["outcome"]
    assert name not in text and f"{name[0]}某" in text and "13812345678" not in text


def test_marks_are_stored_shown_back_and_refused_outside_scope(gql_as, users):
    dispute = land_disputes(130926).order_by("pk").first()
    api = gql_as(users["county_centre"])
    key = api.data(RECOMMEND, {"id": dispute.pk})["legalRecommendations"]["provisions"][0]["key"]
    marked = api.data(MARK, {"id": dispute.pk, "key": key, "useful": True})["markRecommendation"]
    assert marked == {"provisionKey": key, "useful": True}
    shown = api.data(RECOMMEND, {"id": dispute.pk})["legalRecommendations"]["provisions"]
    assert next(p["feedback"] for p in shown if p["key"] == key) is True

    unknown = api.data(MARK, {"id": dispute.pk, "key": "civil_code:9999", "useful": True})
    assert unknown["markRecommendation"]["messages"][0]["field"] == "provisionKey"
    outsider = gql_as(users["xianxian_centre"]).data(
        MARK, {"id": dispute.pk, "key": key, "useful": False}
    )
    assert outsider["markRecommendation"]["messages"]
    assert list(RecommendationFeedback.objects.values_list("user_id", "useful")) == [
        (users["county_centre"].pk, True)
    ]


def test_free_text_needs_a_user_who_may_view_disputes(gql_as, users):
    variables = {"text": "邻居家的狗咬伤了我家孩子，要求赔偿医疗费。", "type": "0299"}
    found = gql_as(users["mediator"]).data(FREE_TEXT, variables)["recommendProvisions"]
    animals = {f"civil_code:{n}" for n in range(1245, 1252)}  # 饲养动物损害责任
    assert len(found) == 3 and animals & {p["key"] for p in found}
    assert Gql(Client()).data(FREE_TEXT, variables) == {"recommendProvisions": []}
