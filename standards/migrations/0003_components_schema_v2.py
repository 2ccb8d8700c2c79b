"""Stored standards to schema version 2 (the executable procedure); see pelayan.lib.schema_upgrade.

Published versions are upgraded too: their wording is unchanged, only the executable structure
is declared beside it. They get no process definition here — cases start only on a version
published (or republished as a new draft) after this migration, once a reviewer has checked the
roles and transitions the upgrade could not know.
"""

from django.db import migrations

from pelayan.lib.schema_upgrade import upgrade_components


def forwards(apps, schema_editor):
    Standard = apps.get_model("standards", "Standard")
    for standard in Standard.objects.all().iterator():
        upgraded = upgrade_components(standard.components or {})
        if upgraded is not standard.components:
            Standard.objects.filter(pk=standard.pk).update(components=upgraded)


class Migration(migrations.Migration):
    dependencies = [("standards", "0002_alter_unit_kind_processdefinition")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
