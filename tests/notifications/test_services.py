"""Delivering notifications once, to exactly one recipient, and reading only one's own."""

from datetime import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from backend.notifications.models import Notification, NotificationKind
from backend.notifications.selectors import notifications_for, unread_count
from backend.notifications.services import (
    notifications_mark_all_read,
    notifications_mark_read,
    notify,
)
from backend.worktime.deadlines import CHINA

pytestmark = pytest.mark.django_db
DUE = datetime(2026, 2, 24, 23, 59, tzinfo=CHINA)


def test_a_unit_notification_reaches_its_members_only(people):
    sent = notify(
        kind=NotificationKind.DISPATCHED,
        title="新派单：道路破损",
        obj=people.centre,
        unit=people.centre,
        due_at=DUE,
    )
    assert sent is not None
    assert (sent.object_type, sent.object_id) == ("org.unit", str(people.centre.pk))
    assert list(notifications_for(people.alice)) == [sent]
    assert not notifications_for(people.bob).exists()
    assert not notifications_for(people.carol).exists()


def test_a_personal_notification_reaches_that_user_only(people):
    sent = notify(kind=NotificationKind.RETURNED, title="事件被退回", user=people.carol)
    assert list(notifications_for(people.carol)) == [sent]
    assert not notifications_for(people.alice).exists()


def test_a_dedupe_key_notifies_once_per_recipient(people):
    def due_soon(unit, key: str = "due:2026-02-24"):
        return notify(
            kind=NotificationKind.DUE_SOON,
            title="即将到期",
            obj=people.water,
            unit=unit,
            dedupe_key=key,
        )

    assert due_soon(people.centre) is not None
    assert due_soon(people.centre) is None
    assert due_soon(people.water) is not None  # another recipient
    assert due_soon(people.centre, "due:2026-02-25") is not None  # another key
    assert Notification.objects.filter(kind=NotificationKind.DUE_SOON).count() == 3


def test_dedupe_holds_for_users_and_blank_keys_never_dedupe(people):
    def overdue(key: str):
        return notify(
            kind=NotificationKind.OVERDUE, title="已超期", user=people.bob, dedupe_key=key
        )

    assert overdue("k") is not None
    assert overdue("k") is None
    assert overdue("") is not None
    assert overdue("") is not None
    assert notifications_for(people.bob).count() == 3


def test_a_duplicate_leaves_the_callers_transaction_usable(people):
    with transaction.atomic():
        notify(kind=NotificationKind.SUPERVISED, title="督办", user=people.bob, dedupe_key="d")
        assert notify(kind="supervised", title="督办", user=people.bob, dedupe_key="d") is None
        assert unread_count(people.bob) == 1  # the savepoint rolled back, not the transaction


@pytest.mark.parametrize("recipients", [{}, {"both": True}])
def test_exactly_one_recipient(people, recipients):
    extra = {"unit": people.centre, "user": people.bob} if recipients else {}
    with pytest.raises(ValidationError, match="有且只有一个接收方"):
        notify(kind=NotificationKind.OTHER, title="无接收方", **extra)
    assert not Notification.objects.exists()


def test_the_database_refuses_a_notification_without_recipient():
    with pytest.raises(IntegrityError), transaction.atomic():
        Notification.objects.create(kind=NotificationKind.OTHER, title="绕过服务")


@pytest.mark.parametrize(
    "text", ["请联系 13812345678 处理", "当事人130926199001011234", "当事人13092619900101123X"]
)
def test_personal_information_is_refused(people, text):
    with pytest.raises(ValidationError) as raised:
        notify(kind=NotificationKind.OTHER, title="通知", body=text, user=people.bob)
    assert raised.value.message_dict == {"body": ["通知内容不得包含身份证号码或手机号码"]}


def test_numbers_that_are_not_personal_pass(people):
    body = "事件 SJ-2026-0000123，区划 130926100000，纠纷 JF-130926-2026-000001"
    assert notify(kind=NotificationKind.OTHER, title="通知", body=body, user=people.bob)


def test_a_user_marks_read_only_what_they_may_read(people):
    own = notify(kind=NotificationKind.OTHER, title="本单位", unit=people.centre)
    other = notify(kind=NotificationKind.OTHER, title="别人的", user=people.bob)
    assert notifications_mark_read(user=people.alice, ids=[own.pk, other.pk, 10**12]) == 1
    own.refresh_from_db()
    other.refresh_from_db()
    assert own.read_at is not None and other.read_at is None
    assert notifications_mark_read(user=people.alice, ids=[own.pk]) == 0  # already read
    assert unread_count(people.alice) == 0 and unread_count(people.bob) == 1


def test_mark_all_read_touches_only_the_users_own_and_units(people):
    notify(kind=NotificationKind.OTHER, title="本单位", unit=people.centre)
    notify(kind=NotificationKind.OTHER, title="本人", user=people.alice)
    notify(kind=NotificationKind.OTHER, title="别的单位", unit=people.water)
    assert unread_count(people.alice) == 2
    assert notifications_mark_all_read(user=people.alice) == 2
    assert unread_count(people.alice) == 0 and unread_count(people.bob) == 1


def test_an_inactive_user_reads_nothing(people):
    notify(kind=NotificationKind.OTHER, title="本人", user=people.bob)
    people.bob.is_active = False
    assert unread_count(people.bob) == 0
    assert notifications_mark_all_read(user=people.bob) == 0


def test_the_inbox_is_one_statement(people, django_assert_num_queries):
    notify(kind=NotificationKind.OTHER, title="本单位", unit=people.centre)
    with django_assert_num_queries(1):
        assert len(list(notifications_for(people.alice))) == 1
