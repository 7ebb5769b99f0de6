"""Seed the controlled vocabularies (themes, SDGs, licences, countries, languages, OC4IDS)."""

from django.db import migrations


def seed(apps, schema_editor):
    from catalogue import vocabulary_data as data

    Theme = apps.get_model("catalogue", "Theme")
    Licence = apps.get_model("catalogue", "Licence")
    Country = apps.get_model("catalogue", "Country")
    Language = apps.get_model("catalogue", "Language")
    ProjectStatus = apps.get_model("catalogue", "ProjectStatus")

    themes = [
        Theme(scheme="eu", code=code, slug=slug, name=name, uri=data.EU_THEME_BASE + code)
        for code, slug, name in data.EU_THEMES
    ]
    for number, (name, description) in enumerate(data.UN_SDGS, start=1):
        themes.append(
            Theme(
                scheme="sdg",
                code=f"SDG{number}",
                slug=f"sdg-{number}-" + name.lower().replace(",", "").replace(" ", "-"),
                name=f"SDG {number}: {name}",
                description=description,
                uri=f"http://metadata.un.org/sdg/{number}",
            )
        )
    Theme.objects.bulk_create(themes)
    Licence.objects.bulk_create(
        Licence(spdx_id=spdx, name=name, url=url, is_open=is_open,
                eu_uri=data.EU_LICENCE_BASE + eu if eu else "")
        for spdx, name, url, is_open, eu in data.LICENCES
    )
    Country.objects.bulk_create(Country(**row) for row in data.read_csv("countries.csv"))
    Language.objects.bulk_create(Language(**row) for row in data.read_csv("languages.csv"))
    ProjectStatus.objects.bulk_create(
        ProjectStatus(code=code, name=name, description=description)
        for code, name, description in data.PROJECT_STATUSES
    )


def unseed(apps, schema_editor):
    for name in ("Theme", "Licence", "Country", "Language", "ProjectStatus"):
        apps.get_model("catalogue", name).objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("catalogue", "0001_initial")]
    operations = [migrations.RunPython(seed, unseed)]
