"""Reads of notifications: a user's own and those of the units they belong to."""

from django.contrib.auth.models import AnonymousUser
from django.db.models import Q, QuerySet

from backend.accounts.models import User
from backend.notifications.models import Notification
from backend.org.models import Membership


def notifications_for(user: User | AnonymousUser) -> QuerySet[Notification]:
    """One statement: the units come from the user's memberships as a subquery."""
    if not (user.is_authenticated and user.is_active):
        return Notification.objects.none()
    units = Membership.objects.filter(user=user, unit__isnull=False).values("unit_id")
    return Notification.objects.filter(Q(user=user) | Q(unit__in=units))


def unread_count(user: User | AnonymousUser) -> int:
    return notifications_for(user).filter(read_at__isnull=True).count()
