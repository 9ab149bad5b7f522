from django.apps import AppConfig


class LivecastsConfig(AppConfig):
    name = "livecasts"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # signals imports the models, which the app registry allows only once apps are loaded.
        from livecasts import signals

        signals.connect()
