import strawberry_django
from strawberry import auto

from backend.notifications.models import Notification


@strawberry_django.filter_type(Notification, lookups=True)
class NotificationFilter:
    kind: auto
    object_type: auto
    created_at: auto
    read_at: auto
