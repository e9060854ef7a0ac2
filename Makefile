# Zhili: `make run` sets everything up and serves the portal; `make test` runs every test.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cat requirements.lock pyproject.toml | cksum | cut -d' ' -f1)
HOST   ?= 127.0.0.1
PORT   ?= 8000
SCALE  ?= small

.PHONY: install frontend db demo run test check lint types imports migrations-check schema-check clean

install: $(STAMP)
$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q --require-hashes -r requirements.lock
	$(BIN)/pip install -q --no-deps -e .
	rm -f $(VENV)/.installed-* && touch $@

frontend:  # the portal's static build, when its sources are present (Node is needed only here)
	@if [ -f frontend_build/package.json ]; then \
		cd frontend_build && { [ node_modules/.zhili-installed -nt package-lock.json ] || \
			{ npm ci --no-audit --no-fund && touch node_modules/.zhili-installed; }; } && npm run build; \
	fi

db: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py collectstatic --noinput -v0

demo: db  # idempotent: a second run inserts nothing; `make demo SCALE=medium` for more rows
	$(BIN)/python manage.py seed_demo --scale $(SCALE)

run: frontend demo
	@echo "Zhili: http://$(HOST):$(PORT)/  (演示账号见 README；Ctrl-C 停止)"
	$(BIN)/gunicorn backend.wsgi:application --bind $(HOST):$(PORT) --workers 2 --access-logfile -

test: install frontend  # pytest (incl. browser tests), then the portal's vitest suite
	$(BIN)/pytest $(PYTEST_ARGS); rc=$$?; if [ $$rc -eq 5 ]; then echo "pytest: no tests collected"; rc=0; fi; \
	if [ $$rc -ne 0 ]; then exit $$rc; fi
	@if [ -f frontend_build/package.json ]; then cd frontend_build && npm test; fi

check: lint types imports migrations-check schema-check

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

types: install
	$(BIN)/mypy backend permissions schema

imports: install
	$(BIN)/lint-imports

migrations-check: install
	$(BIN)/python manage.py makemigrations --check --dry-run

schema-check: install  # the committed schema/schema.graphql must match the code
	$(BIN)/python manage.py export_schema --check

clean:
	rm -rf $(VENV) var/static
