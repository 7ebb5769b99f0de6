from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("catalogue", "0005_rdf_licences"),
    ]

    operations = [
        migrations.AddField(
            model_name="distribution",
            name="deprecated",
            field=models.BooleanField(
                default=False,
                help_text="The source marks it as deprecated.",
                verbose_name="deprecated",
            ),
        ),
        migrations.AddField(
            model_name="entry",
            name="source_extras",
            field=models.JSONField(
                blank=True,
                default=dict,
                help_text="What the source sent that the catalogue has no field for, as sent.",
                verbose_name="values from the source without a field",
            ),
        ),
    ]
