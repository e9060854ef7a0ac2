"""My notifications through POST /graphql/: own and my units' only, read marks, cost per page."""

from datetime import datetime

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from backend.notifications.models import Notification, NotificationKind
from backend.notifications.services import notify
from backend.org.models import Membership, Unit
from backend.worktime.deadlines import CHINA
from tests.api.conftest import Gql

pytestmark = pytest.mark.django_db
LIST = """query ($limit: Int!, $unreadOnly: Boolean) {
  myNotifications(unreadOnly: $unreadOnly, pagination: {offset: 0, limit: $limit}) {
    totalCount results { id kind title body objectType objectId dueAt createdAt readAt unitName }
  }
}"""
COUNT = "{ unreadNotificationCount }"
MARK = "mutation ($ids: [ID!]!) { markNotificationsRead(ids: $ids) }"
MARK_ALL = "mutation { markAllNotificationsRead }"
DUE = datetime(2026, 2, 24, 23, 59, 59, 999999, tzinfo=CHINA)


def unit_of(user) -> Unit:
    return Membership.objects.filter(user=user, unit__isnull=False).first().unit


def test_the_inbox_holds_my_units_and_my_own_notifications(gql_as, users):
    handler, mediator = users["unit_handler"], users["mediator"]
    mine = notify(
        kind=NotificationKind.DISPATCHED,
        title="新派单：停水",
        body="请于期限内签收",
        obj=unit_of(handler),
        unit=unit_of(handler),
        due_at=DUE,
    )
    personal = notify(kind=NotificationKind.RETURNED, title="被退回", user=handler)
    notify(kind=NotificationKind.OTHER, title="别人的", unit=unit_of(mediator))
    page = gql_as(handler).data(LIST, {"limit": 10})["myNotifications"]
    assert page["totalCount"] == 2
    newest, oldest = page["results"]
    assert (newest["id"], newest["unitName"]) == (str(personal.pk), None)
    assert oldest == {
        "id": str(mine.pk),
        "kind": "dispatched",
        "title": "新派单：停水",
        "body": "请于期限内签收",
        "objectType": "org.unit",
        "objectId": str(unit_of(handler).pk),
        "dueAt": "2026-02-24T15:59:59.999999+00:00",  # the API answers in UTC
        "createdAt": oldest["createdAt"],
        "readAt": None,
        "unitName": unit_of(handler).name,
    }


def test_marking_read_counts_only_my_notifications(gql_as, users):
    handler = users["unit_handler"]
    mine = notify(kind=NotificationKind.OVERDUE, title="已超期", unit=unit_of(handler))
    other = notify(kind=NotificationKind.OVERDUE, title="已超期", unit=unit_of(users["mediator"]))
    api = gql_as(handler)
    assert api.data(COUNT) == {"unreadNotificationCount": 1}
    marked = api.data(MARK, {"ids": [str(mine.pk), str(other.pk)]})
    assert marked == {"markNotificationsRead": 1}
    assert api.data(COUNT) == {"unreadNotificationCount": 0}
    assert api.data(LIST, {"limit": 5, "unreadOnly": True})["myNotifications"]["totalCount"] == 0
    other.refresh_from_db()
    assert other.read_at is None


def test_mark_all_read(gql_as, users):
    handler = users["unit_handler"]
    for n in range(3):
        notify(kind=NotificationKind.OTHER, title=f"通知{n}", user=handler)
    api = gql_as(handler)
    assert api.data(MARK_ALL) == {"markAllNotificationsRead": 3}
    assert api.data(MARK_ALL) == {"markAllNotificationsRead": 0}


def test_a_malformed_id_is_a_clear_error(gql_as, users):
    body = gql_as(users["unit_handler"])(MARK, {"ids": ["1 OR 1=1"]})
    [error] = body["errors"]
    assert (error["message"], error["extensions"]["field"]) == ("编号格式不正确", "ids")


def test_anonymous_callers_get_nothing_and_may_not_mark(users):
    notify(kind=NotificationKind.OTHER, title="通知", user=users["unit_handler"])
    anonymous = Gql(Client())
    assert anonymous.data(LIST, {"limit": 5})["myNotifications"] == {
        "totalCount": 0,
        "results": [],
    }
    assert anonymous.data(COUNT) == {"unreadNotificationCount": 0}
    [error] = anonymous(MARK_ALL)["errors"]
    assert error["message"] == "请先登录"
    assert not Notification.objects.filter(read_at__isnull=False).exists()


def test_the_sql_count_does_not_grow_with_the_page(gql_as, users):
    handler = users["unit_handler"]
    for n in range(50):
        notify(kind=NotificationKind.DUE_SOON, title=f"即将到期{n}", unit=unit_of(handler))
    api = gql_as(handler)
    counts = []
    for limit in (1, 50):
        with CaptureQueriesContext(connection) as queries:
            rows = api.data(LIST, {"limit": limit})["myNotifications"]["results"]
        assert len(rows) == limit and all(row["unitName"] for row in rows)
        counts.append(len(queries))
    assert counts[0] == counts[1], counts
