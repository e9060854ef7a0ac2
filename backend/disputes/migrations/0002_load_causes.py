from django.db import migrations

from backend.disputes.causes import CAUSES


def load(apps, schema_editor):
    Cause = apps.get_model("disputes", "Cause")
    for code, name in CAUSES:
        Cause.objects.update_or_create(code=code, defaults={"name": name})


class Migration(migrations.Migration):
    dependencies = [("disputes", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
