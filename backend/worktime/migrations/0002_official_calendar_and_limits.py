"""The official holiday arrangements (data/holidays.csv) and the default time limits."""

from django.db import migrations

from backend.worktime.sources import DEFAULT_LIMITS, official_days


def load(apps, schema_editor):
    CalendarDay = apps.get_model("worktime", "CalendarDay")
    TimeLimit = apps.get_model("worktime", "TimeLimit")
    for entry in official_days():
        CalendarDay.objects.update_or_create(
            day=entry.day, defaults={"kind": entry.kind, "name": entry.name, "note": entry.note}
        )
    for process, category_code, amount, unit, label in DEFAULT_LIMITS:
        TimeLimit.objects.get_or_create(
            process=process,
            category_code=category_code,
            defaults={"amount": amount, "unit": unit, "label": label},
        )


class Migration(migrations.Migration):
    dependencies = [("worktime", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
