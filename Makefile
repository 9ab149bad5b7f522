# The README's verbs. `make run` and `make test` set up everything they need.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test serve bench lint messages install clean

$(VENV)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	test -x $(BIN)/uv || $(BIN)/pip install --quiet uv
	$(BIN)/uv pip install --quiet -p $(BIN)/python -e ".[dev]"
	touch $@

install: $(VENV)/.installed

# Absolute addresses (sitemap, feeds, calendars, API) name the address served.
run serve: export SITE_URL = http://$(HOST):$(PORT)

# Scheduled publishing (go-live and expiry dates) runs beside the server every minute and
# stops when the server stops.
run: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py configure_site
	$(BIN)/python manage.py setup_roles --demo-users
	$(BIN)/python manage.py load_demo_content
	$(BIN)/python manage.py ensure_local_admin --url http://$(HOST):$(PORT)
	$(BIN)/python manage.py run_scheduled_publishing & publisher=$$!; \
	trap 'kill $$publisher 2>/dev/null' EXIT; trap 'exit 130' INT TERM; \
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

test: install
	$(BIN)/python -m pytest

serve: install
	DJANGO_SETTINGS_MODULE=citymakers.settings.production SECURE_SSL_REDIRECT=false SERVE_MEDIA=true \
	SECRET_KEY=$${SECRET_KEY:-local-serve-only-$$(hostname)-not-for-production} \
	ALLOWED_HOSTS=$${ALLOWED_HOSTS:-127.0.0.1,localhost} \
	sh -c '$(BIN)/python manage.py collectstatic --noinput -v0 && \
	$(BIN)/python manage.py migrate --noinput && \
	$(BIN)/python manage.py configure_site && \
	$(BIN)/gunicorn citymakers.wsgi:application --bind $(HOST):$(PORT) --workers 2'

bench: install
	$(BIN)/python -m tests.perf.bench

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

messages: install
	$(BIN)/python manage.py makemessages --all --no-obsolete --ignore=.venv --ignore=node_modules --ignore=tests --ignore=staticfiles --ignore=media
	$(BIN)/python manage.py compile_catalogues

clean:
	rm -rf $(VENV) staticfiles
