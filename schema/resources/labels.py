"""Labels of the resource description: Chinese from the models' verbose names (or the schema's
descriptions), English derived from the names."""

import re

from django.db import models


def zh_label(field: object, description: str | None, name: str) -> str:
    """The model field's verbose name; for reverse relations and computed fields the schema's
    description (the related records' name as a last resort)."""
    if name == "id":
        return "编号"
    if isinstance(field, models.Field):
        return str(field.verbose_name)
    if short(description):
        return short(description)
    if isinstance(field, models.ForeignObjectRel):
        return str(field.related_model._meta.verbose_name_plural)  # type: ignore[union-attr]
    return humanise(name)


def short(description: str | None) -> str:
    """The label part of a description: up to its first bracket or clause break."""
    return re.split(r"[（(；;，,：:]", description or "", maxsplit=1)[0].strip()


def humanise(name: str) -> str:
    """English label from a name: CreationTask → Creation task, occurred_on → Occurred on."""
    words = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", " ", name).replace("_", " ").split()
    text = " ".join(words).lower()
    return "ID" if text == "id" else text[:1].upper() + text[1:]
