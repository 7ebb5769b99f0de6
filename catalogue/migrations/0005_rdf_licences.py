"""Add the licences harvested catalogues name beyond the first seed (every Creative Commons
version and variant, EUPL 1.1, OGL v2, NLOD 2.0, IODL 2.0), so a recognised licence is kept."""

from django.db import migrations


def seed(apps, schema_editor):
    from catalogue import vocabulary_data as data

    Licence = apps.get_model("catalogue", "Licence")
    for spdx, name, url, is_open, eu in data.HARVESTED_LICENCES:
        Licence.objects.get_or_create(
            spdx_id=spdx,
            defaults={
                "name": name,
                "url": url,
                "is_open": is_open,
                "eu_uri": data.EU_LICENCE_BASE + eu if eu else "",
            },
        )


def unseed(apps, schema_editor):
    from catalogue import vocabulary_data as data

    Licence = apps.get_model("catalogue", "Licence")
    Licence.objects.filter(spdx_id__in=[row[0] for row in data.HARVESTED_LICENCES]).delete()


class Migration(migrations.Migration):
    dependencies = [("catalogue", "0004_entry_type_choices_from_registry")]
    operations = [migrations.RunPython(seed, unseed)]
