from backend.codes.models import Code


def code_get(table: str, code: str) -> Code:
    return Code.objects.select_related("table").get(table__key=table, code=code)


def codes_of(table: str) -> dict[str, Code]:
    return {c.code: c for c in Code.objects.filter(table__key=table).select_related("parent")}
