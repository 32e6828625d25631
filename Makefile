# Benchmarks (not part of the test suite); see BENCHMARKS.md.
# `make bench` runs everything up to 10k meetings (long: about an hour on 2 cores);
# `make bench-quick` stops at 1k meetings. Results are appended to
# ~/.cache/govgraph/bench-results.json; generated minutes live in ~/.cache/govgraph/bench-corpus/.

PY ?= .venv/bin/python
SCALE ?= 10000
BENCH ?=
BENCH_ARGS ?=

.PHONY: bench bench-quick bench-corpus

bench:
	$(PY) -m benchmarks $(BENCH) --scale $(SCALE) $(BENCH_ARGS)

bench-quick:
	$(PY) -m benchmarks $(BENCH) --scale 1000 --budget 10 $(BENCH_ARGS)

bench-corpus:
	$(PY) -m benchmarks.generate --boards 200 --meetings 50 --check 40
