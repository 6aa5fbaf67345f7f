# The project's entry points. Each target installs what it needs first (.ci/setup), quickly
# when everything is already there, so they work on a fresh machine and on a warm one alike.
SHELL := /bin/bash
VENV  ?= .venv
BIN   := $(VENV)/bin
PYTEST_ARGS ?=

.DEFAULT_GOAL := help
.PHONY: help setup site test bench lock clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-7s %s\n", $$1, $$2}'

setup: ## install everything the tests need (Debian packages, .venv, node packages)
	@bash .ci/setup test

site: ## build the site from maps/ into site/ (checks every map first)
	@bash .ci/setup site
	@echo "==> journeymaps build"
	@$(BIN)/journeymaps build

test: ## run the whole test suite (browser tests included)
	@bash .ci/setup test
	@echo "==> pytest"
	@$(BIN)/python -m pytest $(PYTEST_ARGS)

bench: ## run every bench/bench_*.py script; each ends with one table of figures and goals
	@bash .ci/setup bench
	@set -e; for script in bench/bench_*.py; do \
	  echo "==> $$script"; $(BIN)/python "$$script"; \
	done

lock: ## re-resolve .ci/requirements-*.lock to the newest versions pyproject.toml allows
	@bash .ci/lock

clean: ## remove build output and caches (keeps .venv)
	rm -rf site/ .pytest_cache/ .hypothesis/ tests/artifacts/ bench/out/
