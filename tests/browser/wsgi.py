"""The WSGI application the browser tests serve.

It is the site's own application with DEBUG off (so 404 pages are the real ones), plus what
a deployment serves beside Django: the static files of every app (collectstatic's job) and
uploaded media (the web server's or object storage's job).
"""

from django.conf import settings
from django.contrib.staticfiles.handlers import StaticFilesHandler
from django.core.wsgi import get_wsgi_application
from whitenoise import WhiteNoise

application = WhiteNoise(StaticFilesHandler(get_wsgi_application()), autorefresh=True)
application.add_files(str(settings.MEDIA_ROOT), prefix=settings.MEDIA_URL)
