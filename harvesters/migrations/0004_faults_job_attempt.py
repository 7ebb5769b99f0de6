from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("harvesters", "0003_record_fingerprint")]

    operations = [
        migrations.AddField(
            model_name="harvestjob",
            name="attempt",
            field=models.PositiveSmallIntegerField(
                default=1,
                help_text="1, or the retry of a job its worker lost.",
                verbose_name="attempt",
            ),
        ),
    ]
