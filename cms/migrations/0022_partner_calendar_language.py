"""A partner's calendar feed says the language it is written in (default Dutch)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0021_municipalities_labels"),
    ]

    operations = [
        migrations.AddField(
            model_name="partner",
            name="calendar_language",
            field=models.CharField(
                choices=[
                    ("nl", "Nederlands"),
                    ("en", "English"),
                    ("pl", "Polski"),
                    ("ro", "Română"),
                    ("bg", "Български"),
                    ("hu", "Magyar"),
                    ("lt", "Lietuvių"),
                    ("lv", "Latviešu"),
                    ("sk", "Slovenčina"),
                    ("cs", "Čeština"),
                    ("pt", "Português"),
                    ("es", "Español"),
                    ("uk", "Українська"),
                ],
                default="nl",
                help_text="The language the calendar's titles and descriptions are written in.",
                max_length=8,
                verbose_name="language of the feed",
            ),
        ),
    ]
