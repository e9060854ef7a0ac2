"""Codes named by their table and value in inputs ("0902" of 事件类型)."""

from django.core.exceptions import ValidationError

from backend.codes.models import Code


def code_by(table: str, code: str, field: str) -> Code:
    """The code `code` of `table`; an unknown one is a Chinese error on `field`."""
    found = Code.objects.filter(table__key=table, code=code.strip()).first()
    if found is None:
        raise ValidationError({field: "代码不存在"})
    return found
