# ifkit: every target is idempotent; a second run of an up-to-date target takes seconds.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

ROOT        := $(abspath .)
STAMPS      := .cache/stamps
JUPYTER_DIR := $(ROOT)/.jupyter
APT_PKGS    := chromium jupyter-nbconvert jupyter-client python3-nbclient python3-ipykernel
SUDO        := $(if $(filter 0,$(shell id -u)),,sudo)
NOTEBOOKS   := $(sort $(wildcard notebooks/*.ipynb))
CELL_TIMEOUT ?= 900
NBCONVERT    = JUPYTER_PATH=$(JUPYTER_DIR)/share/jupyter QUICK=$${QUICK:-1} jupyter-nbconvert --to notebook --execute \
               --ExecutePreprocessor.kernel_name=tslab --ExecutePreprocessor.timeout=$(CELL_TIMEOUT)
IFKIT        = node bin/ifkit.js

.PHONY: help setup data test typecheck unit notebooks notebook figures bench reproduce clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-11s %s\n", $$1, $$2}'

setup: $(STAMPS)/apt $(STAMPS)/npm $(STAMPS)/kernel data ## install Debian packages (if missing), npm deps, the tslab kernel, then data

$(STAMPS)/apt:
	@mkdir -p $(STAMPS)
	@if ! dpkg -s $(APT_PKGS) >/dev/null 2>&1; then \
	  echo "setup: installing Debian packages: $(APT_PKGS)"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $(APT_PKGS) >/dev/null; \
	fi
	@touch $@

$(STAMPS)/npm: package.json package-lock.json
	@mkdir -p $(STAMPS)
	npm ci --no-audit --no-fund
	@touch $@

$(STAMPS)/kernel: $(STAMPS)/npm $(STAMPS)/apt bin/tslab-kernel
	node_modules/.bin/tslab install --python /usr/bin/python3 --binary $(ROOT)/bin/tslab-kernel --prefix $(JUPYTER_DIR) >/dev/null
	@touch $@

data: $(STAMPS)/npm ## fetch every third-party data file (official source, sha256-checked; the offline mirror when offline)
	$(IFKIT) data fetch

typecheck: $(STAMPS)/npm ## strict tsc 5.9 over lib/ and bench/, plus lib/ as the notebook kernel's TypeScript 5.0 sees it
	node node_modules/typescript/bin/tsc --noEmit -p tsconfig.json
	node node_modules/@tslab/typescript-for-tslab/bin/tsc -p tsconfig.tslab.json

unit: $(STAMPS)/npm ## vitest (also writes .cache/vitest.json, from which .ci/run prints its count line)
	@mkdir -p .cache
	node_modules/.bin/vitest run --reporter=default --reporter=json --outputFile.json=.cache/vitest.json

test: setup typecheck unit ## everything CI runs: setup, typecheck, vitest, then every notebook headless
	@$(MAKE) --no-print-directory notebooks-check

.PHONY: notebooks-check
notebooks-check: $(STAMPS)/kernel
	@mkdir -p .cache/notebooks
	@for nb in $(NOTEBOOKS); do \
	  echo "notebook: $$nb"; start=$$(date +%s); \
	  $(NBCONVERT) --output-dir .cache/notebooks "$$nb" 2>.cache/notebooks/$$(basename $$nb .ipynb).log \
	    || { echo "notebook FAILED: $$nb"; tail -40 .cache/notebooks/$$(basename $$nb .ipynb).log; exit 1; }; \
	  echo "notebook ok: $$nb ($$(( $$(date +%s) - start )) s)"; \
	done

notebooks: $(STAMPS)/kernel ## execute every notebook in place (refreshes their stored outputs)
	@for nb in $(NOTEBOOKS); do echo "notebook: $$nb"; $(NBCONVERT) --inplace "$$nb"; done

notebook: $(STAMPS)/kernel ## execute one notebook in place: make notebook NB=notebooks/00_quickstart.ipynb
	$(NBCONVERT) --inplace "$(NB)"

LAB_RUN      := runs/lab-first-task
IFEVAL_GPT4  := --input data/ifeval/input_data_gpt4_20231107_145030.jsonl --responses data/ifeval/input_response_data_gpt4_20231107_145030.jsonl
IFBENCH_SAMPLE := --input data/ifbench/IFBench_test.jsonl --responses data/ifbench/sample_output.jsonl

# The lab's first task: SFT warm start (cached) then GRPO with the rule reward, seeded; resumes if interrupted.
$(LAB_RUN)/final-eval.json:
	$(IFKIT) lab grpo --out $(LAB_RUN) --cache runs/sft-cache --quiet

figures: setup $(LAB_RUN)/final-eval.json ## regenerate every file under figures/ (SVG and PNG)
	$(IFKIT) figures --out figures

bench: setup ## run every benchmark in bench/ (prints ratios measured in one run; never pass/fail)
	@for b in $(sort $(wildcard bench/*.ts)); do echo "== $$b"; node_modules/.bin/tsx "$$b"; done

reproduce: setup ## the main job on embedded defaults (no servers): scores, judge audits, the lab run, figures
	$(IFKIT) eval $(IFEVAL_GPT4) --out runs/eval-ifeval-gpt4
	$(IFKIT) eval $(IFBENCH_SAMPLE) --out runs/eval-ifbench-sample
	$(IFKIT) judge audit $(IFEVAL_GPT4) --judge sim:noisy:recall_violation=0.306,recall_compliant=0.95 --out runs/judge-audit-sim-qwen3-32b-batched
	$(IFKIT) judge audit $(IFEVAL_GPT4) --judge sim:lenient --out runs/judge-audit-sim-lenient
	@$(MAKE) --no-print-directory figures
	@echo "reproduce: results in runs/, figures in figures/"

.PHONY: reproduce-clean
reproduce-clean: ## forget the lab run so the next reproduce trains again
	rm -rf $(LAB_RUN)

clean: ## remove generated files (keeps data/ and node_modules/)
	rm -rf .cache runs
