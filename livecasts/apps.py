from django.apps import AppConfig


class LivecastsConfig(AppConfig):
    name = "livecasts"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from livecasts import signals

        signals.connect()
