"""The group an approved editor's or administrator's membership puts a person in.

Its permissions (admin access, and entries' add, change, delete, view, publish) are given by
participation.services.organisation_editors_group when a membership is decided: the entry
types' content types are made only after migrations run.
"""

from django.db import migrations


def create_group(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.get_or_create(name="Organisation editors")


class Migration(migrations.Migration):
    dependencies = [("participation", "0003_api_tokens")]
    operations = [migrations.RunPython(create_group, migrations.RunPython.noop)]
