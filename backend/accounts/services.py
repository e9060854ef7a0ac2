from django.contrib.auth.password_validation import validate_password
from django.db import transaction

from backend.accounts.models import User


@transaction.atomic
def user_create(*, username: str, password: str, full_name: str = "", phone: str = "") -> User:
    """Create a user whose password passes the configured validators (raises ValidationError)."""
    user = User(username=username, full_name=full_name, phone=phone)
    validate_password(password, user)
    user.set_password(password)
    user.full_clean(exclude=["password"])
    user.save()
    return user
